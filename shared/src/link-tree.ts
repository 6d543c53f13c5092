import { link, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { mapConcurrent } from './pagination.ts';

/**
 * A copy of the folder `from` at `to` made of hard links: no data is copied. Used for files that
 * are never written after they are made (releases, search indexes), so sharing inodes is safe.
 * Many links at once: a search index holds thousands of small files.
 */
export async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  const entries = await readdir(from, { withFileTypes: true });
  await mapConcurrent(entries, 64, async (entry) => {
    if (entry.isDirectory()) await linkTree(join(from, entry.name), join(to, entry.name));
    else if (entry.isFile()) await link(join(from, entry.name), join(to, entry.name));
  });
}
