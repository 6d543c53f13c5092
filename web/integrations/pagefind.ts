import { readFile, rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../src/lib/search-records.ts';

/** Written by src/pages/search-records.json.ts; indexed and removed after the build. */
export const SEARCH_RECORDS_FILE = 'search-records.json';

/**
 * Where a build run by the rebuild service with PUBLISHER_INDEX_AFTER=1 leaves its records, outside
 * the release (never published): in the site's cache folder, which one build uses at a time.
 */
export const pendingRecordsFile = (cacheDir: string) => path.join(cacheDir, SEARCH_RECORDS_FILE);

/**
 * Writes the Pagefind index of `records` into `indexDir` (the site's /pagefind/). Records come from
 * the data (lib/search-records.ts: text plus its diacritics-folded copy, title/date/lead as meta),
 * so no HTML is parsed. Kept apart so the rebuild service can run it after a release is live
 * (scripts/search-index.ts).
 */
export const writeSearchIndex = async (records: readonly SearchRecord[], indexDir: string): Promise<{ pages: number }> => {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (const record of records) {
      const added = await index.addCustomRecord(record);
      if (added.errors.length) throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: indexDir });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: records.length };
  } finally {
    await pagefind.close();
  }
};

/** Reads a build's records and removes the file. */
export const readSearchRecords = async (file: string): Promise<SearchRecord[]> => {
  const records = JSON.parse(await readFile(file, 'utf8')) as SearchRecord[];
  await rm(file);
  return records;
};

export const pagefindIntegration = (): AstroIntegration => {
  let cacheDir = '';
  return {
    name: 'toasoan:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const built = path.join(outDir, SEARCH_RECORDS_FILE);
        if (process.env.PUBLISHER_INDEX_AFTER === '1') {
          // The rebuild service switches the release live first and indexes afterwards.
          await rename(built, pendingRecordsFile(cacheDir));
          logger.info('Search records kept for the index that follows the release');
          return;
        }
        const { pages } = await writeSearchIndex(await readSearchRecords(built), path.join(outDir, 'pagefind'));
        // Only an intentionally empty site (ALLOW_EMPTY_SITE=1) gets here without records.
        if (pages === 0) logger.warn('No article, document or album to search; the search index is empty');
        else logger.info(`Pagefind indexed ${pages} records`);
      },
    },
  };
};
