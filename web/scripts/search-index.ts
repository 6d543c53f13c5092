/**
 * The rebuild service's index command (PUBLISHER_INDEX_COMMAND): as soon as a build run with
 * PUBLISHER_INDEX_AFTER=1 ends, writes the search index of that build's records into
 * PUBLISHER_INDEX_DIR, an empty folder the service moves into the release once it is live.
 *
 * Indexing the whole archive takes ~20 s at 10,000 articles, so a publish indexes only what
 * changed: a full index (the base, kept in the site's cache folder) plus a small index of the
 * records added or changed since (the delta), and the addresses whose base record is out of date
 * (integrations/pagefind.ts, `updateSearchIndex`). Once the delta grows past a limit the base is
 * indexed again whole. With PUBLISHER_STANDBY=1 it is started before the build ends and waits
 * (the standby protocol of lib/standby.ts), having linked the full index in meanwhile.
 * Run from web/: node --experimental-strip-types scripts/search-index.ts
 */
import { STANDBY_ENV } from '@toasoan/shared/standby';
import { prepareSearchIndex, readyIndex, recordsAfterBuild, updateSearchIndex } from '../integrations/pagefind.ts';
import { siteCacheDir } from '../src/lib/cache-dir.ts';
import { publishCame } from '../src/lib/standby.ts';

const indexDir = process.env.PUBLISHER_INDEX_DIR;
if (!indexDir) throw new Error('PUBLISHER_INDEX_DIR is not set: this command is run by the rebuild service after a release');
const cacheDir = siteCacheDir();
// Started ahead (PUBLISHER_INDEX_STANDBY=1): the full index is linked in and the last build's
// records are compared with it while the build runs; once the build has ended and the service says
// so, they catch up with what the build changed.
const standby = process.env[STANDBY_ENV] === '1';
const prepared = standby && (await prepareSearchIndex(indexDir, cacheDir));
const ready = standby ? await readyIndex(cacheDir) : undefined;
await publishCame();
const { records, changed } = await recordsAfterBuild(cacheDir, ready);
const result = await updateSearchIndex(records, indexDir, cacheDir, { prepared, ready, changed });
console.log(
  result.full
    ? `Pagefind indexed all ${result.records} records into ${indexDir}`
    : `Pagefind indexed ${result.delta} new or changed of ${result.records} records into ${indexDir} (${result.stale} out of date in the full index; records ${changed ? "read ahead, caught up with the build's changes" : 'read whole'})`,
);
