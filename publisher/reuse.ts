import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, lstat, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

export interface ReuseResult {
  /** Files now hard links to the live release's copy. */
  linked: number;
  /** Files kept as built (new, or different from the live release). */
  kept: number;
  /** Bytes no longer stored twice. */
  bytesShared: number;
}

/**
 * Files under `_astro/` are named by Astro after a hash of their content (`site.B3x9Kf.css`,
 * `photo.Z1abc.webp`), so the same name and size is the same file; reading thousands of images on
 * every publish to prove it would cost seconds for nothing.
 */
const HASHED_NAMES = /^_astro\//;
const CONCURRENCY = 16;

async function digest(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

async function* files(root: string, prefix = ''): AsyncGenerator<string> {
  for (const entry of await readdir(join(root, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* files(root, path);
    else if (entry.isFile()) yield path;
  }
}

/** 'linked': already one inode; 'same': identical copies; 'different': new or changed. */
async function compare(built: string, live: string, path: string): Promise<{ verdict: 'linked' | 'same' | 'different'; size: number }> {
  const [a, b] = await Promise.all([lstat(built), lstat(live).catch(() => null)]);
  if (!b?.isFile() || a.size !== b.size) return { verdict: 'different', size: a.size };
  if (a.ino === b.ino && a.dev === b.dev) return { verdict: 'linked', size: a.size };
  if (HASHED_NAMES.test(path)) return { verdict: 'same', size: a.size };
  const [x, y] = await Promise.all([digest(built), digest(live)]);
  return { verdict: x === y ? 'same' : 'different', size: a.size };
}

/**
 * Replaces every file of the new release `builtDir` that is identical (size, then SHA-256) to the
 * file at the same path in the live release by a hard link to it, so unchanged pages and images
 * are stored once whatever the number of releases kept. Each file is swapped with rename(2), so a
 * path is always either the built copy or the link, never missing. Releases are never written
 * after they are built, so sharing inodes is safe; deleting a release only unlinks its names.
 * `only`: the files to look at, when the others are known to be links already (a partial
 * build's release: its carried pages were staged as links to the live release).
 */
export async function linkUnchanged(builtDir: string, liveDir: string, only?: readonly string[]): Promise<ReuseResult> {
  const result: ReuseResult = { linked: 0, kept: 0, bytesShared: 0 };
  const running = new Set<Promise<void>>();
  let failure: unknown = null;
  const one = async (path: string) => {
    const built = join(builtDir, path);
    const live = join(liveDir, path);
    const { verdict, size } = await compare(built, live, path);
    if (verdict === 'different') {
      result.kept += 1;
      return;
    }
    if (verdict === 'same') {
      const temp = `${built}.publisher-link`;
      await rm(temp, { force: true });
      await link(live, temp);
      await rename(temp, built);
    }
    result.linked += 1;
    result.bytesShared += size;
  };
  for await (const path of only ?? files(builtDir)) {
    if (failure) break;
    const task: Promise<void> = one(path)
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => running.delete(task));
    running.add(task);
    if (running.size >= CONCURRENCY) await Promise.race(running);
  }
  await Promise.all(running);
  if (failure) throw failure;
  return result;
}
