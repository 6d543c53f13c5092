import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../src/lib/search-records.ts';
import { linkTree } from '../../shared/src/link-tree.ts';

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

/**
 * In an index folder written by `updateSearchIndex`: whether `delta/` holds records added or
 * changed since the full index was made, and the addresses whose record in the full index is out
 * of date (changed or gone). The search page (src/scripts/search.ts) merges the delta and leaves
 * those full-index results out. Shared with the page: the contract of the index folder.
 */
export const OVERLAY_FILE = 'overlay.json';
export const DELTA_DIR = 'delta';
export interface SearchOverlay {
  delta: boolean;
  stale: string[];
}

/** Where the full index and a digest of each of its records are kept, in the site's cache folder. */
const BASE_DIR = 'search-base';
/** Records a publish indexes on top of the full index (~1 s); past this the full index is made again. */
const DELTA_LIMIT = 500;

/** The Pagefind version that wrote an index folder (its entry file says). */
const pagefindVersion = (dir: string) =>
  readFile(path.join(dir, 'pagefind-entry.json'), 'utf8')
    .then((text) => (JSON.parse(text) as { version?: string }).version ?? null)
    .catch(() => null);

const digestOf = (record: SearchRecord) => createHash('sha256').update(JSON.stringify(record)).digest('base64url');

/**
 * Writes into `indexDir` the search index of `records` as a full index plus a delta: the full
 * index made earlier (hard links, no copy), the records added or changed since indexed alone
 * (marked `fresh`), and the addresses the full index has out of date. The first time, or once the
 * delta passes DELTA_LIMIT records, the full index is made again from all records (~20 s at
 * 10,000 articles) and the delta is empty.
 */
export const updateSearchIndex = async (
  records: readonly SearchRecord[],
  indexDir: string,
  cacheDir: string,
): Promise<{ full: boolean; records: number; delta: number; stale: number }> => {
  const baseDir = path.join(cacheDir, BASE_DIR);
  const bundle = path.join(baseDir, 'bundle');
  const deltaDir = path.join(indexDir, DELTA_DIR);
  const digests = new Map(records.map((record) => [record.url, digestOf(record)]));
  const base = await readFile(path.join(baseDir, 'records.json'), 'utf8')
    .then((text) => JSON.parse(text) as Record<string, string>)
    .catch(() => null);
  let delta = base ? records.filter((record) => base[record.url] !== digests.get(record.url)) : [];
  let stale = base ? Object.keys(base).filter((url) => base[url] !== digests.get(url)) : [];
  let full = !base || delta.length > DELTA_LIMIT || stale.length > DELTA_LIMIT;
  if (!full && delta.length) {
    await writeSearchIndex(delta.map((record) => ({ ...record, meta: { ...record.meta, fresh: '1' } })), deltaDir);
    // A full index made by another Pagefind (an upgrade) is not merged with this one's delta.
    if ((await pagefindVersion(deltaDir)) !== (await pagefindVersion(bundle))) {
      await rm(deltaDir, { recursive: true, force: true });
      full = true;
    }
  }
  if (full) {
    // Written whole into a folder of its own, then put in place: a full index and its digests always go together.
    const next = `${baseDir}.${process.pid}-${Date.now()}`;
    await mkdir(next, { recursive: true });
    try {
      await writeSearchIndex(records, path.join(next, 'bundle'));
      await writeFile(path.join(next, 'records.json'), JSON.stringify(Object.fromEntries(digests)));
      await rm(baseDir, { recursive: true, force: true });
      await rename(next, baseDir);
    } finally {
      await rm(next, { recursive: true, force: true });
    }
    delta = [];
    stale = [];
  }
  await linkTree(bundle, indexDir);
  const overlay: SearchOverlay = { delta: delta.length > 0, stale };
  await writeFile(path.join(indexDir, OVERLAY_FILE), JSON.stringify(overlay));
  return { full, records: records.length, delta: delta.length, stale: stale.length };
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
