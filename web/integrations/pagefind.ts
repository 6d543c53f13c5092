import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../src/lib/search-records.ts';

/** Written by src/pages/search-records.json.ts; indexed and removed after the build. */
export const SEARCH_RECORDS_FILE = 'search-records.json';

/**
 * Writes the Pagefind index of `records` into `<outDir>/pagefind/`. Records come from the data
 * (lib/search-records.ts: text plus its diacritics-folded copy, title/date/lead as meta), so no
 * HTML is parsed. Kept apart so the rebuild service can run it after a release is live.
 */
export const writeSearchIndex = async (records: readonly SearchRecord[], outDir: string): Promise<{ pages: number }> => {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (const record of records) {
      const added = await index.addCustomRecord(record);
      if (added.errors.length) throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: records.length };
  } finally {
    await pagefind.close();
  }
};

/** Reads the build's records (and removes the file from the release). */
export const readSearchRecords = async (outDir: string): Promise<SearchRecord[]> => {
  const file = path.join(outDir, SEARCH_RECORDS_FILE);
  const records = JSON.parse(await readFile(file, 'utf8')) as SearchRecord[];
  await rm(file);
  return records;
};

export const pagefindIntegration = (): AstroIntegration => ({
  name: 'toasoan:pagefind',
  hooks: {
    'astro:build:done': async ({ dir, logger }) => {
      const outDir = fileURLToPath(dir);
      const { pages } = await writeSearchIndex(await readSearchRecords(outDir), outDir);
      // Only an intentionally empty site (ALLOW_EMPTY_SITE=1) gets here without records.
      if (pages === 0) logger.warn('No article, document or album to search; the search index is empty');
      else logger.info(`Pagefind indexed ${pages} records`);
    },
  },
});
