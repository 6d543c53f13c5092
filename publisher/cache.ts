import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Folders of the site that are build output, caches or dependencies, never the site's code. */
const NOT_CODE = new Set(['node_modules', '.cache', '.publisher', 'dist', '.astro', '.git']);

async function hashTree(hash: ReturnType<typeof createHash>, root: string, dir = root): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => null);
  if (!entries) {
    // A single file (the lockfile) or a path that does not exist, which is part of the version too.
    const content = await readFile(dir).catch(() => null);
    hash.update(`${dir}\0${content ? createHash('sha256').update(content).digest('hex') : 'missing'}\0`);
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (NOT_CODE.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await hashTree(hash, root, path);
    else if (entry.isFile()) hash.update(`${relative(root, path)}\0${createHash('sha256').update(await readFile(path)).digest('hex')}\0`);
  }
}

/**
 * The version of everything besides content that shapes the built site: the site's and shared
 * code, the lockfile, and the build variables that end up in pages (site URL, CMS and media URLs).
 * Astro's incremental cache already notices most code changes through each page's module graph,
 * but not integrations, environment variables or data-loading code outside that graph; when this
 * version changes the publisher builds everything (`astro build --force`).
 */
export async function codeVersion(paths: readonly string[], env: Record<string, string | undefined>, envNames: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const path of paths) {
    hash.update(`path ${path}\0`);
    await hashTree(hash, path);
  }
  for (const name of envNames) hash.update(`env ${name}=${env[name] ?? ''}\0`);
  return hash.digest('hex').slice(0, 32);
}

export async function readState(file: string): Promise<{ codeVersion?: string }> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as { codeVersion?: string };
  } catch {
    return {};
  }
}

export async function writeState(file: string, state: { codeVersion: string }): Promise<void> {
  await writeFile(`${file}.tmp`, JSON.stringify(state));
  await rename(`${file}.tmp`, file);
}

/** Astro 7.3 (`core/build/incremental.js`): the manifest and the copies of every keyed page. */
const MANIFEST = 'incremental-build.json';
const OUTPUT = 'dist';

async function removeNewerThan(dir: string, since: number): Promise<number> {
  let removed = 0;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removed += await removeNewerThan(path, since);
    else if (((await stat(path).catch(() => null))?.mtimeMs ?? 0) >= since) {
      await rm(path, { force: true });
      removed += 1;
    }
  }
  return removed;
}

/**
 * Keeps Astro's incremental cache truthful after a build that did not finish. Astro writes each
 * rendered page's copy into `<cacheDir>/dist/` as it goes and the manifest (path → cacheKey) only
 * at the end, so an interrupted build leaves copies that the old manifest would vouch for if the
 * page's key went back to its old value (an edit undone). Copies written since `startedAt` are
 * dropped when the manifest is older than that: Astro then renders those pages again (a skipped
 * page whose copy is missing is rendered). A manifest written by this build matches its copies.
 */
export async function repairIncrementalCache(cacheDir: string, startedAt: number): Promise<number> {
  const manifest = await stat(join(cacheDir, MANIFEST)).catch(() => null);
  if (manifest && manifest.mtimeMs >= startedAt) return 0;
  // A margin for coarse timestamps: dropping a good copy only costs rendering that page again.
  return removeNewerThan(join(cacheDir, OUTPUT), startedAt - 2000);
}

interface PathEntry {
  cacheKey?: unknown;
  outputFile?: string;
  contentHashes?: Record<string, string>;
}
interface Manifest {
  configHash?: string;
  lockfileHash?: string;
  routes?: Record<string, { dependencyHash?: string; paths?: Record<string, PathEntry> }>;
}

/** The manifest this build wrote (null when the build is not incremental or did not write one). */
export async function readFreshManifest(cacheDir: string, startedAt: number): Promise<{ file: string; text: string } | null> {
  const file = join(cacheDir, MANIFEST);
  const info = await stat(file).catch(() => null);
  if (!info || info.mtimeMs < startedAt) return null;
  return { file, text: await readFile(file, 'utf8') };
}

/** Where the manifest of the build that made release `id` is kept, beside the release. */
export const releaseManifest = (releasesDir: string, id: string) => join(releasesDir, `${id}.incremental.json`);

const entryKey = (dependencyHash: string | undefined, entry: PathEntry) =>
  JSON.stringify([dependencyHash ?? '', entry.cacheKey ?? null, Object.entries(entry.contentHashes ?? {}).sort()]);

/**
 * Output files that Astro's own bookkeeping proves identical in the new build and in the live
 * release: same page of the same route, same code hash, same cacheKey and content hashes, same
 * site config and lockfile. Astro renders deterministically from those (it skips pages on the same
 * proof), so these files need no reading to be linked.
 */
export function unchangedOutputs(liveManifest: string | null, newManifest: string | null): Set<string> {
  const same = new Set<string>();
  if (!liveManifest || !newManifest) return same;
  let live: Manifest;
  let next: Manifest;
  try {
    live = JSON.parse(liveManifest) as Manifest;
    next = JSON.parse(newManifest) as Manifest;
  } catch {
    return same;
  }
  if (live.configHash !== next.configHash || live.lockfileHash !== next.lockfileHash) return same;
  for (const [route, entry] of Object.entries(next.routes ?? {})) {
    const before = live.routes?.[route];
    if (!before || before.dependencyHash !== entry.dependencyHash) continue;
    for (const [pathname, page] of Object.entries(entry.paths ?? {})) {
      const old = before.paths?.[pathname];
      if (!old || !page.outputFile || old.outputFile !== page.outputFile) continue;
      if (entryKey(before.dependencyHash, old) === entryKey(entry.dependencyHash, page)) same.add(decodeURI(page.outputFile));
    }
  }
  return same;
}
