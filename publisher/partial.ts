import { link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { mapConcurrent } from '../shared/src/pagination.ts';

/**
 * Partial builds (web/src/lib/partial-build.ts). The build is given a folder of page keys
 * (PUBLISHER_PAGE_KEYS): per keyed route, `<route>.json` holds address → cache key of the live
 * release. The build renders only the addresses whose key changed and writes every address's new
 * key to `<route>.next.json`. This module then completes the build's output from the live
 * release and, once the release is live, keeps the new keys.
 *
 * Kept in the folder too: `assets.json`, the `/_astro/` files each keyed page refers to (images
 * made for it), so a page carried over keeps its images and images no page refers to any more are
 * left behind; and `release`, the live release the keys describe (keys of any other release are
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
 * Before a build: drops keys left by a build that did not go live, and all keys when they do not
 * describe the live release or `full` is asked (a new code version): the build then renders every page.
 */
export async function prepareKeys(dir: string, liveRelease: string | null, full: boolean): Promise<void> {
  await mkdir(dir, { recursive: true });
  const stamp = (await readFile(join(dir, STAMP), 'utf8').catch(() => null))?.trim();
  const trusted = !full && liveRelease !== null && stamp === liveRelease;
  for (const name of await readdir(dir)) {
    if (name.endsWith(NEXT) || !trusted) await rm(join(dir, name), { force: true });
  }
}

export interface Completion {
  /** Keyed pages this build rendered. */
  rendered: number;
  /** Keyed pages carried over from the live release unchanged (hard links). */
  carried: number;
  /** Files of pages no route has any more, left behind. */
  removed: string[];
  /** What `assets.json` becomes once the release is live. */
  assets: Record<string, string[]>;
}

async function assetsIn(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  return [...new Set([...text.matchAll(ASSET_REF)].map((m) => m[1]!))];
}

/**
 * Completes the build's output `buildDir` with what it did not render: each keyed page whose key
 * is unchanged, and the `/_astro/` files those pages refer to, as hard links to the live
 * release's files (releases are never written after they are built). Everything else (pages
 * without keys, feeds, scripts and styles) every build writes itself.
 */
export async function completeFromLive(dir: string, buildDir: string, liveDir: string | null): Promise<Completion> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(NEXT));
  const previousAssets = (await readJson<Record<string, string[]>>(join(dir, ASSETS))) ?? {};
  const assets: Record<string, string[]> = {};
  const removed: string[] = [];
  const toLink = new Set<string>();
  let rendered = 0;
  let carried = 0;
  for (const name of names) {
    const next = (await readJson<Keys>(join(dir, name))) ?? {};
    const previous = (await readJson<Keys>(join(dir, name.replace(NEXT, '.json')))) ?? {};
    for (const address of Object.keys(previous)) if (!(address in next)) removed.push(outputFileOf(address));
    await mapConcurrent(Object.keys(next).map(outputFileOf), CONCURRENCY, async (file) => {
      if (await stat(join(buildDir, file)).catch(() => null)) {
        rendered += 1;
        assets[file] = await assetsIn(join(buildDir, file));
        return;
      }
      const refs = previousAssets[file];
      if (!liveDir || !refs) throw new Error(`${file} was not rendered and the live release has no copy of it`);
      toLink.add(file);
      for (const ref of refs) toLink.add(`${ASTRO_DIR}/${ref}`);
      assets[file] = refs;
      carried += 1;
    });
  }
  await mapConcurrent([...toLink], CONCURRENCY, async (file) => {
    const target = join(buildDir, file);
    if (await stat(target).catch(() => null)) return;
    await mkdir(dirname(target), { recursive: true });
    await link(join(liveDir!, file), target);
  });
  return { rendered, carried, removed, assets };
}

/** After the switch: the new keys and page assets describe the live release `id`. */
export async function keepKeys(dir: string, id: string, assets: Completion['assets']): Promise<void> {
  await rm(join(dir, STAMP), { force: true });
  for (const name of await readdir(dir)) {
    if (name.endsWith(NEXT)) await rename(join(dir, name), join(dir, name.replace(NEXT, '.json')));
  }
  await writeFile(join(dir, `${ASSETS}.tmp`), JSON.stringify(assets));
  await rename(join(dir, `${ASSETS}.tmp`), join(dir, ASSETS));
  await writeFile(join(dir, STAMP), id);
}
