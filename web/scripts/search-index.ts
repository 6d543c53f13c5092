/**
 * The rebuild service's index command (PUBLISHER_INDEX_COMMAND): after a release built with
 * PUBLISHER_INDEX_AFTER=1 is live, writes the search index of that build's records into
 * PUBLISHER_INDEX_DIR, an empty folder the service then switches in with one rename.
 * Run from web/: node --experimental-strip-types scripts/search-index.ts
 */
import { pendingRecordsFile, readSearchRecords, writeSearchIndex } from '../integrations/pagefind.ts';

const indexDir = process.env.PUBLISHER_INDEX_DIR;
if (!indexDir) throw new Error('PUBLISHER_INDEX_DIR is not set: this command is run by the rebuild service after a release');
// The same folder astro.config.ts uses.
const cacheDir = process.env.ASTRO_CACHE_DIR || './.cache/astro';
const { pages } = await writeSearchIndex(await readSearchRecords(pendingRecordsFile(cacheDir)), indexDir);
console.log(`Pagefind indexed ${pages} records into ${indexDir}`);
