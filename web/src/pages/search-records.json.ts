/**
 * The search records of this build (lib/search-records.ts), written into the site's cache folder
 * (lib/search-records-file.ts) for the Pagefind integration or the rebuild service's index command.
 * What this address answers is only how many were made; the integration removes it from the
 * release.
 *
 * A plain build's Pagefind index starts from here (integrations/pagefind.ts, EARLY_INDEX).
 *
 * In the rebuild service's builds (PUBLISHER_CODE_VERSION set) the next build of the same code
 * version keeps the records of unchanged articles. A plain `astro build` makes them all.
 */
import type { APIRoute } from 'astro';
import { startSearchIndex } from '../../integrations/pagefind';
import { siteCacheDir } from '../lib/cache-dir';
import { recordsBefore, writeRecords } from '../lib/search-records-file';
import { searchRecordEntries } from '../lib/search-records';
import { loadSite } from '../lib/site';

export const GET: APIRoute = async () => {
  const site = await loadSite();
  const codeVersion = process.env.PUBLISHER_CODE_VERSION ?? '';
  const cacheDir = siteCacheDir();
  const before = await recordsBefore(cacheDir, codeVersion);
  const { entries, remade } = searchRecordEntries(site, before);
  const { written } = await writeRecords(cacheDir, codeVersion, entries, before);
  // A plain build's index is made from here on, while the other pages render.
  startSearchIndex(cacheDir);
  return new Response(JSON.stringify({ records: entries.length, remade, written }));
};
