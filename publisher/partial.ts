import { link, mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { ASSETS_FILE as ASSETS, CHANGES, KEYS, NEXT_KEYS as NEXT, RELEASE_STAMP as STAMP, routeOfKeys, type RouteChanges } from '../shared/src/page-keys.ts';
import { mapConcurrent } from '../shared/src/pagination.ts';

/**
 * Partial builds (web/src/lib/partial-build.ts). The build is given a folder of page keys
 * (PUBLISHER_PAGE_KEYS; its files: shared/src/page-keys.ts): per keyed route, `<route>.json` holds
 * address → cache key of the live release. The build renders only the addresses whose key changed,
 * writes every address's new key to `<route>.next.json` and what it rendered and removed to
 * `<route>.changes.json`. This module makes the release from the live one and the build's output
 * and, once the release is live, keeps the new keys.
 *
 * Kept in the folder too: `assets.json`, the `/_astro/` files each keyed page refers to (images
 * made for it), so a page carried over keeps its images and images no page refers to any more are
 * removed; and `release`, the live release the keys describe (keys of any other release are
 * never trusted: the next build renders everything).
 */
const ASTRO_DIR = '_astro';
/** `/_astro/<file>` in HTML attributes, srcset lists, CSS urls and JSON. */
const ASSET_REF = /\/_astro\/([^"'\s,)?#<>\\]+)/g;
/** File operations in flight at once: thousands of links or reads are bound by syscalls, not CPU. */
const CONCURRENCY = 64;

type Keys = Record<string, string>;

/** `/tin-tuc/a/` → `tin-tuc/a/index.html`; `/van-ban/danh-muc.json` → `van-ban/danh-muc.json`. */
export const outputFileOf = (address: string) => {
  const path = decodeURI(address).replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
};

const readJson = async <T>(file: string): Promise<T | null> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return null;
  }
};

/**
 * `assets.json`: the `/_astro/` files of each keyed page. Every page refers to the same styles and
 * scripts and list pages to the covers of their articles, so each file name is stored once, each
 * distinct list once as the names' indices (base 36, comma-separated), and a page names its list
 * by index: at 50,000 articles ~8 MB instead of 65 MB of repeated names, read and written on
 * every publish.
 */
interface AssetsFile {
  names: string[];
  lists: string[];
  pages: Record<string, number>;
}

export async function readAssets(dir: string): Promise<Record<string, string[]>> {
  const stored = await readJson<AssetsFile>(join(dir, ASSETS));
  const assets: Record<string, string[]> = {};
  if (!stored) return assets;
  const lists = stored.lists.map((list) => (list === '' ? [] : list.split(',').map((index) => stored.names[parseInt(index, 36)]!)));
  for (const [file, list] of Object.entries(stored.pages)) assets[file] = lists[list]!;
  return assets;
}

export async function writeAssets(dir: string, assets: Record<string, string[]>): Promise<void> {
  const stored: AssetsFile = { names: [], lists: [], pages: {} };
  const nameIndex = new Map<string, string>();
  const indexOf = (name: string) => {
    let index = nameIndex.get(name);
    if (index === undefined) nameIndex.set(name, (index = (stored.names.push(name) - 1).toString(36)));
    return index;
  };
  // Carried pages share their list's array already; other lists are compared by their indices.
  const byArray = new Map<string[], number>();
  const byText = new Map<string, number>();
  for (const [file, refs] of Object.entries(assets)) {
    let list = byArray.get(refs);
    if (list === undefined) {
      const text = refs.map(indexOf).join(',');
      list = byText.get(text);
      if (list === undefined) byText.set(text, (list = stored.lists.push(text) - 1));
      byArray.set(refs, list);
    }
    stored.pages[file] = list;
  }
  await writeFile(join(dir, `${ASSETS}.tmp`), JSON.stringify(stored));
  await rename(join(dir, `${ASSETS}.tmp`), join(dir, ASSETS));
}

/**
 * Before a build: drops keys left by a build that did not go live, and all keys when they do not
 * describe the live release or `full` is asked (a new code version): the build then renders every
 * page. Returns whether the kept keys were trusted (and kept).
 */
export async function prepareKeys(dir: string, liveRelease: string | null, full: boolean): Promise<boolean> {
  await mkdir(dir, { recursive: true });
  const stamp = (await readFile(join(dir, STAMP), 'utf8').catch(() => null))?.trim();
  const trusted = !full && liveRelease !== null && stamp === liveRelease;
  for (const name of await readdir(dir)) {
    if (name.endsWith(NEXT) || name.endsWith(CHANGES) || !trusted) await rm(join(dir, name), { force: true });
  }
  return trusted;
}

export interface Completion {
  /** Keyed pages this build rendered. */
  rendered: number;
  /** Keyed pages carried over from the live release unchanged (hard links). */
  carried: number;
  /** Files of pages no route has any more, removed from the new release. */
  removed: string[];
  /** What `assets.json` becomes once the release is live. */
  assets: Record<string, string[]>;
  /**
   * Files of the release the build wrote, when the rest are links to the live release's; null
   * when the build's output is the whole release (nothing staged).
   */
  written: string[] | null;
}

async function assetsIn(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  return [...new Set([...text.matchAll(ASSET_REF)].map((m) => m[1]!))];
}

/** Every file under `root`, as paths relative to it. */
async function filesIn(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** mkdir -p, once per folder however many files go into it. */
const folderMaker = () => {
  const made = new Map<string, Promise<unknown>>();
  return (folder: string) => {
    let done = made.get(folder);
    if (!done) made.set(folder, (done = mkdir(folder, { recursive: true })));
    return done;
  };
};

/**
 * What `stageFromLive` linked and what it learnt of the live release's pages while doing so, handed
 * to `completeFromStaging` so that the publish's critical path costs what the build changed, not
 * what the archive holds (at 50,000 articles, comparing every page's key and assets took ~0.3 s).
 */
export interface Staged {
  /** Files linked from the live release. */
  files: Set<string>;
  /** The live release's assets by page file (readAssets); completeFromStaging makes them the new release's. */
  assets: Record<string, string[]>;
  /** Keyed pages of the live release. */
  pages: number;
  /** Live pages that cannot be carried over: the live release lacks them, or their assets are not known. */
  uncarriable: Set<string>;
  /** `/_astro/` files a live page refers to that the live release lacks (names, as in `assets`). */
  unlinkedAssets: Set<string>;
  /** Pages per list of assets (pages share their list's array: readAssets). */
  listUses: Map<string[], number>;
  /** Used lists naming each asset. */
  assetUses: Map<string, number>;
}

/**
 * Started with the build, so that it is off the publish's critical path (~2.5 s at 15,000 pages):
 * fills `stagingDir` with hard links to the live release's keyed pages and the `/_astro/` files
 * they refer to, as the kept keys list them (releases are never written after they are built).
 * The build then decides which of them the release keeps (`completeFromStaging`).
 */
export async function stageFromLive(dir: string, liveDir: string | null, stagingDir: string): Promise<Staged> {
  await mkdir(stagingDir, { recursive: true });
  const staged: Staged = { files: new Set(), assets: {}, pages: 0, uncarriable: new Set(), unlinkedAssets: new Set(), listUses: new Map(), assetUses: new Map() };
  if (!liveDir) return staged;
  const { assets, listUses, assetUses, uncarriable } = staged;
  Object.assign(assets, await readAssets(dir));
  const files = new Set<string>();
  for (const name of await readdir(dir)) {
    if (routeOfKeys(name) === null) continue;
    for (const address of Object.keys((await readJson<Keys>(join(dir, name))) ?? {})) {
      const file = outputFileOf(address);
      files.add(file);
      staged.pages += 1;
      const refs = assets[file];
      if (!refs) {
        uncarriable.add(file);
        continue;
      }
      const uses = listUses.get(refs) ?? 0;
      listUses.set(refs, uses + 1);
      if (uses > 0) continue;
      for (const ref of refs) {
        assetUses.set(ref, (assetUses.get(ref) ?? 0) + 1);
        files.add(`${ASTRO_DIR}/${ref}`);
      }
    }
  }
  const makeFolder = folderMaker();
  await mapConcurrent([...files], CONCURRENCY, async (file) => {
    const target = join(stagingDir, file);
    await makeFolder(dirname(target));
    // A file the live release lacks is not staged; a page that needs it is then refused below.
    if (await link(join(liveDir, file), target).then(() => true, () => false)) staged.files.add(file);
    else if (file.startsWith(`${ASTRO_DIR}/`)) staged.unlinkedAssets.add(file.slice(ASTRO_DIR.length + 1));
    else uncarriable.add(file);
  });
  return staged;
}

const notCarried = (file: string) => new Error(`${file} was not rendered and the live release has no copy of it`);

/**
 * Makes the release in `stagingDir` (filled by `stageFromLive`) from the build's output `buildDir`
 * and the changes it recorded: every file the build wrote is moved in, replacing the live
 * release's copy; a keyed page the build did not render, whose key is therefore unchanged, stays
 * as staged with the `/_astro/` files it refers to; staged pages no route has any more, and images
 * no page refers to any more, are removed. Everything without a key (feeds, scripts, styles, the
 * search index) every build writes itself.
 */
export async function completeFromStaging(dir: string, buildDir: string, stagingDir: string, staged: Staged): Promise<Completion> {
  const { files, assets, listUses, assetUses } = staged;
  const built = new Set(await filesIn(buildDir));
  const removed: string[] = [];
  const renderedFiles: string[] = [];
  for (const name of await readdir(dir)) {
    if (!name.endsWith(CHANGES)) continue;
    const changes = await readJson<RouteChanges>(join(dir, name));
    if (!changes) throw new Error(`${name}: the build's record of its changes cannot be read`);
    for (const address of changes.removed) removed.push(outputFileOf(address));
    for (const address of changes.rendered) {
      const file = outputFileOf(address);
      if (!built.has(file)) throw new Error(`${file} was rendered but the build did not write it`);
      renderedFiles.push(file);
    }
  }
  /** Assets whose last using list lost its last page. */
  const unused: string[] = [];
  /** A live page no longer carried over: its list loses a use, the list's assets one once no page uses it. */
  const release = (file: string) => {
    const refs = assets[file];
    if (!refs) return;
    const uses = listUses.get(refs)! - 1;
    listUses.set(refs, uses);
    if (uses > 0) return;
    for (const ref of refs) {
      const left = assetUses.get(ref)! - 1;
      assetUses.set(ref, left);
      if (left === 0) unused.push(ref);
    }
  };
  let renderedLive = 0;
  for (const file of renderedFiles) {
    if (files.has(file) || staged.uncarriable.has(file)) renderedLive += 1;
    release(file);
  }
  for (const file of removed) {
    release(file);
    delete assets[file];
  }
  const notCarriedOver = new Set([...removed, ...renderedFiles]);
  for (const file of staged.uncarriable) if (!notCarriedOver.has(file)) throw notCarried(file);
  for (const ref of staged.unlinkedAssets) {
    if ((assetUses.get(ref) ?? 0) > 0 && !built.has(`${ASTRO_DIR}/${ref}`)) throw notCarried(`${ASTRO_DIR}/${ref}`);
  }
  // Only rendered pages are read; a carried page's assets are known.
  await mapConcurrent(renderedFiles, CONCURRENCY, async (file) => {
    assets[file] = await assetsIn(join(buildDir, file));
  });
  const rendered = renderedFiles.length;
  const carried = staged.pages - removed.length - renderedLive;
  if (files.size === 0) {
    // Nothing was staged (a full build, or the first): the build's output is the release as it is.
    await rm(stagingDir, { recursive: true });
    await rename(buildDir, stagingDir);
    return { rendered, carried, removed, assets, written: null };
  }
  const makeFolder = folderMaker();
  await mapConcurrent([...built], CONCURRENCY, async (file) => {
    await makeFolder(dirname(join(stagingDir, file)));
    await rename(join(buildDir, file), join(stagingDir, file));
  });
  const dropped = [...removed, ...unused.map((ref) => `${ASTRO_DIR}/${ref}`)].filter((file) => files.has(file) && !built.has(file));
  await mapConcurrent(dropped, CONCURRENCY, async (file) => {
    await rm(join(stagingDir, file));
    // A dropped page leaves its folders empty; a full build would have none.
    for (let folder = dirname(file); folder !== '.'; folder = dirname(folder)) {
      if (!(await rmdir(join(stagingDir, folder)).then(() => true, () => false))) break;
    }
  });
  return { rendered, carried, removed, assets, written: [...built] };
}

/** After the switch: the new keys and page assets describe the live release `id`. */
export async function keepKeys(dir: string, id: string, assets: Completion['assets']): Promise<void> {
  await rm(join(dir, STAMP), { force: true });
  for (const name of await readdir(dir)) {
    if (name.endsWith(NEXT)) await rename(join(dir, name), join(dir, name.replace(NEXT, KEYS)));
    else if (name.endsWith(CHANGES)) await rm(join(dir, name));
  }
  await writeAssets(dir, assets);
  await writeFile(join(dir, STAMP), id);
}
