import { lstat, mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { linkTree } from '../shared/src/link-tree.ts';

/**
 * With an index command configured, a release's search index is the symlink `pagefind` (the URL
 * the search page loads, /pagefind/pagefind.js) pointing at a folder `pagefind-<stamp>` in
 * `search-indexes/` beside `releases/`, which the releases share. A new release goes live with
 * the live release's index (one symlink: carrying it costs nothing whatever the archive; as hard
 * links of its ~55,000 files at 50k it took ~1.5 s of every publish), and the new index, written
 * into a folder of its own, replaces it with one rename(2) of the symlink: a reader's search runs
 * against a complete index, the old or the new one, never a half-written one. Folders no release
 * links to any more are removed (`dropUnusedIndexes`). An index a build wrote itself stays inside
 * its release, as do those of releases made before (`pagefind-<stamp>` beside the symlink).
 */
export const INDEX_LINK = 'pagefind';
const INDEX_DIR = /^pagefind-\d+(\.partial)?$/;
const SHARED = 'search-indexes';

/** The shared index folders of the releases in `releasesDir`. */
export const indexesDir = (releasesDir: string) => join(dirname(releasesDir), SHARED);

/** The index folder a release's symlink points at: inside the release, or shared. */
async function currentIndex(releaseDir: string): Promise<string | null> {
  const target = await readlink(join(releaseDir, INDEX_LINK)).catch(() => null);
  if (!target || !INDEX_DIR.test(basename(target))) return null;
  return join(releaseDir, target);
}

async function pointIndex(releaseDir: string, folder: string): Promise<void> {
  const temp = join(releaseDir, `${INDEX_LINK}.${basename(folder)}.tmp`);
  await rm(temp, { force: true });
  await symlink(relative(releaseDir, folder), temp);
  await rename(temp, join(releaseDir, INDEX_LINK));
}

/**
 * Before activation: gives the new release a searchable index at once. An index the build wrote
 * itself (a real `pagefind/` folder) is moved behind the symlink; otherwise the new release links
 * to the live release's index (a shared one by its symlink; one inside the live release, from
 * before, as hard links).
 */
export async function carryIndex(newDir: string, liveDir: string | null): Promise<void> {
  const own = await lstat(join(newDir, INDEX_LINK)).catch(() => null);
  if (own?.isDirectory()) {
    const folder = join(newDir, `pagefind-${Date.now()}`);
    await rename(join(newDir, INDEX_LINK), folder);
    await pointIndex(newDir, folder);
    return;
  }
  if (own || !liveDir) return;
  const liveIndex = await currentIndex(liveDir);
  if (!liveIndex) return;
  if (dirname(liveIndex) !== liveDir) return pointIndex(newDir, liveIndex);
  const copy = join(newDir, basename(liveIndex));
  await linkTree(liveIndex, copy);
  await pointIndex(newDir, copy);
}

/**
 * Writes a new index into `dir`, a folder outside every release, with `write` (the index command:
 * it reads the build's records, not the release, so it runs while the release is completed and
 * switched). A failed write leaves nothing behind.
 */
export async function writeIndexAside(dir: string, write: (dir: string) => Promise<void>): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  try {
    await write(dir);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * After activation: moves the index written aside to the shared index folders (one rename on
 * the same file system) and switches the live release's symlink to it. An index inside the
 * release (from before) is removed; shared ones other releases may link to are left to
 * `dropUnusedIndexes`.
 */
export async function placeIndex(releaseDir: string, written: string, shared: string): Promise<void> {
  const folder = join(shared, `pagefind-${Date.now()}`);
  const previous = await currentIndex(releaseDir);
  await mkdir(shared, { recursive: true });
  await rename(written, folder);
  await pointIndex(releaseDir, folder);
  if (previous && dirname(previous) === releaseDir) await rm(previous, { recursive: true, force: true });
}

/** Removes the shared index folders no release in `releasesDir` links to. */
export async function dropUnusedIndexes(releasesDir: string, shared: string): Promise<string[]> {
  const used = new Set<string>();
  for (const id of await readdir(releasesDir).catch(() => [] as string[])) {
    const index = await currentIndex(join(releasesDir, id));
    if (index && dirname(index) === shared) used.add(basename(index));
  }
  const dropped = (await readdir(shared).catch(() => [] as string[])).filter((name) => !used.has(name));
  for (const name of dropped) await rm(join(shared, name), { recursive: true, force: true });
  return dropped;
}

/** Startup: index folders a crash left half-written are removed; they were never linked. */
export async function removePartialIndexes(releaseDir: string): Promise<void> {
  for (const name of await readdir(releaseDir).catch(() => [] as string[])) {
    if (INDEX_DIR.test(name) && name.endsWith('.partial')) await rm(join(releaseDir, name), { recursive: true, force: true });
  }
}
