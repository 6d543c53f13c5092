import { lstat, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { linkTree } from '../shared/src/link-tree.ts';

/**
 * With an index command configured, a release's search index is the symlink `pagefind` (the URL
 * the search page loads, /pagefind/pagefind.js) pointing at a folder `pagefind-<stamp>` beside it.
 * A new release goes live with the previous release's index (hard links, no copy of data), and the
 * new index, written into a folder of its own, replaces it with one rename(2) of the symlink:
 * a reader's search runs against a complete index, the old or the new one, never a half-written one.
 */
export const INDEX_LINK = 'pagefind';
const INDEX_DIR = /^pagefind-\d+(\.partial)?$/;

async function currentIndexDir(releaseDir: string): Promise<string | null> {
  const target = await readlink(join(releaseDir, INDEX_LINK)).catch(() => null);
  return target && INDEX_DIR.test(target) ? target : null;
}

async function pointIndex(releaseDir: string, name: string): Promise<void> {
  const temp = join(releaseDir, `${INDEX_LINK}.${name}.tmp`);
  await rm(temp, { force: true });
  await symlink(name, temp);
  await rename(temp, join(releaseDir, INDEX_LINK));
}

/**
 * Before activation: gives the new release a searchable index at once. An index the build wrote
 * itself (a real `pagefind/` folder) is moved behind the symlink; otherwise the live release's
 * index is carried over as hard links.
 */
export async function carryIndex(newDir: string, liveDir: string | null): Promise<void> {
  const own = await lstat(join(newDir, INDEX_LINK)).catch(() => null);
  if (own?.isDirectory()) {
    const name = `pagefind-${Date.now()}`;
    await rename(join(newDir, INDEX_LINK), join(newDir, name));
    await pointIndex(newDir, name);
    return;
  }
  if (own || !liveDir) return;
  const liveIndex = await currentIndexDir(liveDir);
  if (!liveIndex) return;
  await linkTree(join(liveDir, liveIndex), join(newDir, liveIndex));
  await pointIndex(newDir, liveIndex);
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
 * After activation: moves the index written aside into the live release (one rename on the same
 * file system), switches the symlink to it and removes the index the release went live with.
 */
export async function placeIndex(releaseDir: string, written: string): Promise<string> {
  const name = `pagefind-${Date.now()}`;
  const previous = await currentIndexDir(releaseDir);
  await rename(written, join(releaseDir, name));
  await pointIndex(releaseDir, name);
  if (previous && previous !== name) await rm(join(releaseDir, previous), { recursive: true, force: true });
  return name;
}

/** Startup: index folders a crash left half-written are removed; they were never linked. */
export async function removePartialIndexes(releaseDir: string): Promise<void> {
  for (const name of await readdir(releaseDir).catch(() => [] as string[])) {
    if (INDEX_DIR.test(name) && name.endsWith('.partial')) await rm(join(releaseDir, name), { recursive: true, force: true });
  }
}
