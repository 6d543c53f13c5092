import { link, mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { mapConcurrent } from '../shared/src/pagination.ts';

/**
 * Partial builds (web/src/lib/partial-build.ts). The build is given a folder of page keys
 * (PUBLISHER_PAGE_KEYS): per keyed route, `<route>.json` holds address → cache key of the live
 * release. The build renders only the addresses whose key changed and writes every address's new
 * key to `<route>.next.json`. This module makes the release from the live one and the build's
 * output and, once the release is live, keeps the new keys.
 *
 * Kept in the folder too: `assets.json`, the `/_astro/` files each keyed page refers to (images
 * made for it), so a page carried over keeps its images and images no page refers to any more are
 * removed; and `release`, the live release the keys describe (keys of any other release are
 * never trusted: the next build renders everything).
 */
const NEXT = '.next.json';
const ASSETS = 'assets.json';
const STAMP = 'release';
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
    if (name.endsWith(NEXT) || !trusted) await rm(join(dir, name), { force: true });
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
 * What `stageFromLive` linked and the kept keys and page assets it linked them by, handed to
 * `completeFromStaging` so that the publish's critical path does not read them again (at 50,000
 * articles ~12 MB of JSON).
 */
export interface Staged {
  /** Files linked from the live release. */
  files: Set<string>;
  /** Keys of the live release by route file (`tin-tuc_slug_.json`). */
  keys: Map<string, Keys>;
  assets: Record<string, string[]>;
}

/**
 * Started with the build, so that it is off the publish's critical path (~2.5 s at 15,000 pages):
 * fills `stagingDir` with hard links to the live release's keyed pages and the `/_astro/` files
 * they refer to, as the kept keys list them (releases are never written after they are built).
 * The build then decides which of them the release keeps (`completeFromStaging`).
 */
export async function stageFromLive(dir: string, liveDir: string | null, stagingDir: string): Promise<Staged> {
  await mkdir(stagingDir, { recursive: true });
  const staged: Staged = { files: new Set(), keys: new Map(), assets: {} };
  if (!liveDir) return staged;
  staged.assets = await readAssets(dir);
  const files = new Set<string>();
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.json') || name.endsWith(NEXT) || name === ASSETS) continue;
    const keys = (await readJson<Keys>(join(dir, name))) ?? {};
    staged.keys.set(name, keys);
    for (const address of Object.keys(keys)) {
      const file = outputFileOf(address);
      files.add(file);
      for (const ref of staged.assets[file] ?? []) files.add(`${ASTRO_DIR}/${ref}`);
    }
  }
  const makeFolder = folderMaker();
  await mapConcurrent([...files], CONCURRENCY, async (file) => {
    const target = join(stagingDir, file);
    await makeFolder(dirname(target));
    // A file the live release lacks is not staged; a page that needs it is then refused below.
    if (await link(join(liveDir, file), target).then(() => true, () => false)) staged.files.add(file);
  });
  return staged;
}

const notCarried = (file: string) => new Error(`${file} was not rendered and the live release has no copy of it`);

/**
 * Makes the release in `stagingDir` (filled by `stageFromLive`) from the build's output `buildDir`:
 * every file the build wrote is moved in, replacing the live release's copy; a keyed page the build
 * did not render, whose key is therefore unchanged, stays as staged with the `/_astro/` files it
 * refers to; staged pages no route has any more, and images no page refers to any more, are
 * removed. Everything without a key (feeds, scripts, styles, the search index) every build
 * writes itself.
 */
export async function completeFromStaging(dir: string, buildDir: string, stagingDir: string, { files: staged, keys: liveKeys, assets: previousAssets }: Staged): Promise<Completion> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(NEXT));
  const built = new Set(await filesIn(buildDir));
  const assets: Record<string, string[]> = {};
  const removed: string[] = [];
  const kept = new Set<string>();
  /** `/_astro/` files the carried pages refer to, by name: the same images are on many pages, each is checked once. */
  const keptAssets = new Set<string>();
  /** Lists of those checked: pages with the same list share its array (readAssets). */
  const keptLists = new Set<string[]>();
  let rendered = 0;
  let carried = 0;
  for (const name of names) {
    const next = (await readJson<Keys>(join(dir, name))) ?? {};
    const previous = liveKeys.get(name.replace(NEXT, '.json')) ?? {};
    for (const address of Object.keys(previous)) if (!(address in next)) removed.push(outputFileOf(address));
    const renderedFiles: string[] = [];
    for (const file of Object.keys(next).map(outputFileOf)) {
      if (built.has(file)) {
        renderedFiles.push(file);
        continue;
      }
      const refs = previousAssets[file];
      if (!refs || !staged.has(file)) throw notCarried(file);
      if (!keptLists.has(refs)) {
        for (const ref of refs) {
          if (keptAssets.has(ref)) continue;
          const asset = `${ASTRO_DIR}/${ref}`;
          if (!staged.has(asset) && !built.has(asset)) throw notCarried(asset);
          keptAssets.add(ref);
        }
        keptLists.add(refs);
      }
      kept.add(file);
      assets[file] = refs;
      carried += 1;
    }
    // Only rendered pages are read; a carried page's assets are known (at 50k a file operation
    // per page of the site cost ~0.3 s of every publish).
    await mapConcurrent(renderedFiles, CONCURRENCY, async (file) => {
      assets[file] = await assetsIn(join(buildDir, file));
    });
    rendered += renderedFiles.length;
  }
  if (staged.size === 0) {
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
  const isKept = (file: string) => kept.has(file) || (file.startsWith(`${ASTRO_DIR}/`) && keptAssets.has(file.slice(ASTRO_DIR.length + 1)));
  await mapConcurrent([...staged].filter((file) => !isKept(file) && !built.has(file)), CONCURRENCY, async (file) => {
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
    if (name.endsWith(NEXT)) await rename(join(dir, name), join(dir, name.replace(NEXT, '.json')));
  }
  await writeAssets(dir, assets);
  await writeFile(join(dir, STAMP), id);
}
