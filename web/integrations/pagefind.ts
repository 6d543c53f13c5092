import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../src/lib/search-records.ts';
import { linkTree } from '../../shared/src/link-tree.ts';
import { siteCacheDir } from '../src/lib/cache-dir.ts';
import { readSearchRecordsSource, searchRecordsDir, type SearchRecordsSource } from '../src/lib/search-records-file.ts';

/** The records' address in the build's output (src/pages/search-records.json.ts), removed after the build. */
const RECORDS_ROUTE_FILE = 'search-records.json';

/** Starts Pagefind's indexer (its own process): an index command standing by starts it before the build ends. */
export const startPagefind = async () => {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
};

/**
 * Writes the Pagefind index of `records` into `indexDir` (the site's /pagefind/). Records come from
 * the data (lib/search-records.ts: text plus its diacritics-folded copy, title/date/lead as meta),
 * so no HTML is parsed. Kept apart so the rebuild service can run it after a release is live
 * (scripts/search-index.ts).
 */
export const writeSearchIndex = async (
  records: readonly SearchRecord[],
  indexDir: string,
  started: ReturnType<typeof startPagefind> = startPagefind(),
): Promise<{ pages: number }> => {
  const index = await started;
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

const parsed = (records: readonly Buffer[]) => records.map((json) => JSON.parse(json.toString()) as SearchRecord);

/** Beside the full index: for each record it holds, by id, its address and the digest of its JSON text. */
const BASE_RECORDS_FILE = 'records-by-id.json';
type BaseRecords = Record<string, [url: string, digest: string]>;

/** What the full index lacks or has out of date: ids for the delta, and the full index's addresses (by id) to leave out. */
interface Compared {
  delta: Set<string>;
  stale: Map<string, string>;
}

/** Compares the records `ids` with the full index's, into `compared`. */
const compareIds = (ids: Iterable<string>, digests: ReadonlyMap<string, string>, base: BaseRecords, compared: Compared) => {
  for (const id of ids) {
    const digest = digests.get(id);
    const held = base[id];
    if (digest !== undefined && held?.[1] !== digest) compared.delta.add(id);
    else compared.delta.delete(id);
    if (held && held[1] !== digest) compared.stale.set(id, held[0]);
    else compared.stale.delete(id);
  }
};

// Without an entry array per record: at 50,000 articles those were most of the ~0.3 s the garbage
// collector took in this command after the build's end.
const compareAll = (digests: ReadonlyMap<string, string>, base: BaseRecords): Compared => {
  const compared: Compared = { delta: new Set(), stale: new Map() };
  compareIds(digests.keys(), digests, base, compared);
  for (const id in base) if (!digests.has(id)) compared.stale.set(id, base[id]![0]);
  return compared;
};

/**
 * What an index command can ready before the build's end: the full index's record digests (read),
 * Pagefind's indexer (started), and the records of the build before compared with the full index
 * (caught up with the build's changes once it ends: SearchRecordsSource.catchUp). Only the
 * command itself rewrites the full index, and the rebuild service runs one at a time.
 */
export interface ReadyIndex {
  base: BaseRecords | null;
  pagefind: ReturnType<typeof startPagefind>;
  records: { source: SearchRecordsSource; compared: Compared } | null;
}
export const readyIndex = async (cacheDir: string): Promise<ReadyIndex> => {
  const pagefind = startPagefind();
  // Awaited when the delta is written; a command that fails before must not also report it unhandled.
  pagefind.catch(() => undefined);
  const [base, source] = await Promise.all([readBaseRecords(cacheDir), readSearchRecordsSource(cacheDir)]);
  return { base, pagefind, records: base && source ? { source, compared: compareAll(source.digests, base) } : null };
};

const readBaseRecords = (cacheDir: string) =>
  readFile(path.join(cacheDir, BASE_DIR, BASE_RECORDS_FILE), 'utf8')
    .then((text) => JSON.parse(text) as BaseRecords)
    .catch(() => null);

/**
 * Links the full index made earlier into `indexDir` (at 50,000 articles ~55,000 files: ~1.5 s), so
 * that an index command started ahead of the build's end (scripts/search-index.ts) has it done
 * before the records come. Returns whether there was one to link.
 */
export const prepareSearchIndex = async (indexDir: string, cacheDir: string): Promise<boolean> => {
  const bundle = path.join(cacheDir, BASE_DIR, 'bundle');
  if (!existsSync(bundle)) return false;
  await linkTree(bundle, indexDir);
  return true;
};

/**
 * The records the last build left, for `updateSearchIndex`: those read ahead (`ready`) caught up
 * with the build's changes, with the ids that changed; else read whole.
 */
export const recordsAfterBuild = async (cacheDir: string, ready?: ReadyIndex): Promise<{ records: SearchRecordsSource; changed?: string[] }> => {
  const changed = ready?.records ? await ready.records.source.catchUp() : null;
  return changed ? { records: ready!.records!.source, changed } : { records: await readSearchRecords(cacheDir) };
};

/**
 * Writes into `indexDir` the search index of `records` (as a build leaves them:
 * lib/search-records-file.ts) as a full index plus a delta: the full index made earlier (hard
 * links, no copy), the records added or changed since indexed alone (marked `fresh`), and the
 * addresses the full index has out of date. Records are compared by the digests the build wrote;
 * only the delta's texts are read and parsed. The first time,
 * or once the delta passes DELTA_LIMIT records, the full index is made again from all records
 * (~20 s at 10,000 articles) and the delta is empty. `prepared`: `indexDir` holds the full index
 * already (prepareSearchIndex, in this process). `changed`: `records` are `ready`'s caught up, and
 * only these ids changed since they were compared with the full index (recordsAfterBuild).
 */
export const updateSearchIndex = async (
  records: SearchRecordsSource,
  indexDir: string,
  cacheDir: string,
  { prepared = false, ready, changed }: { prepared?: boolean; ready?: ReadyIndex; changed?: string[] } = {},
): Promise<{ full: boolean; records: number; delta: number; stale: number }> => {
  const baseDir = path.join(cacheDir, BASE_DIR);
  const bundle = path.join(baseDir, 'bundle');
  const deltaDir = path.join(indexDir, DELTA_DIR);
  const { digests } = records;
  const base = ready ? ready.base : await readBaseRecords(cacheDir);
  let compared: Compared | null = null;
  if (base && changed && ready?.records?.source === records) {
    compared = ready.records.compared;
    compareIds(changed, digests, base, compared);
  } else if (base) compared = compareAll(digests, base);
  let delta = compared ? [...compared.delta] : [];
  let stale = compared ? [...compared.stale.values()] : [];
  let full = !base || delta.length > DELTA_LIMIT || stale.length > DELTA_LIMIT;
  if (!full && delta.length) {
    await writeSearchIndex(parsed(await records.texts(delta)).map((record) => ({ ...record, meta: { ...record.meta, fresh: '1' } })), deltaDir, ready?.pagefind);
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
      // In the index's order: records caught up have those added since last.
      const inOrder = changed ? await readSearchRecords(cacheDir) : records;
      const ids = [...inOrder.digests.keys()];
      const all = parsed(await inOrder.texts(ids));
      await writeSearchIndex(all, path.join(next, 'bundle'));
      const byId: BaseRecords = {};
      ids.forEach((id, i) => (byId[id] = [all[i]!.url, inOrder.digests.get(id)!]));
      await writeFile(path.join(next, BASE_RECORDS_FILE), JSON.stringify(byId));
      await rm(baseDir, { recursive: true, force: true });
      await rename(next, baseDir);
    } finally {
      await rm(next, { recursive: true, force: true });
    }
    delta = [];
    stale = [];
  }
  if (full || !prepared) {
    // What was prepared is the previous full index.
    if (prepared) await rm(indexDir, { recursive: true, force: true });
    await linkTree(bundle, indexDir);
  }
  const overlay: SearchOverlay = { delta: delta.length > 0, stale };
  await writeFile(path.join(indexDir, OVERLAY_FILE), JSON.stringify(overlay));
  // The indexer started ahead is unused when nothing changed: stopped, or the command would not exit.
  if (ready) await pagefind.close();
  return { full, records: digests.size, delta: delta.length, stale: stale.length };
};

/** The records a build left in the site's cache folder. */
export const readSearchRecords = async (cacheDir: string): Promise<SearchRecordsSource> => {
  const source = await readSearchRecordsSource(cacheDir);
  if (!source) throw new Error(`${searchRecordsDir(cacheDir)}: no search records (the build writes them from src/pages/search-records.json.ts)`);
  return source;
};

/**
 * A plain build's index is written while pages render: the records route (rendered early in the
 * build) starts it once the records are written, and the Pagefind process indexes on the second
 * core meanwhile (~20 s at 10,000 articles, which the build's end otherwise waited for). The route
 * runs in the build's page bundle, which holds its own copy of this module: `globalThis` is what
 * the two copies share in the one build process.
 */
const EARLY_INDEX = Symbol.for('toasoan.search-index.early');
interface EarlyIndex {
  /** Where the index goes (the build's `pagefind/`), set by the integration when the build starts. */
  indexDir: string;
  /** Set by the records route once it has started the index. */
  written?: Promise<{ pages: number }>;
}
const earlyIndex = () => (globalThis as { [EARLY_INDEX]?: EarlyIndex })[EARLY_INDEX];

const indexAll = async (cacheDir: string, indexDir: string) => {
  const records = await readSearchRecords(cacheDir);
  return writeSearchIndex(parsed(await records.texts([...records.digests.keys()])), indexDir);
};

/** Called by the records route once this build's records are written (see EARLY_INDEX). */
export const startSearchIndex = (cacheDir: string): void => {
  const early = earlyIndex();
  if (!early || early.written) return;
  early.written = indexAll(cacheDir, early.indexDir);
  // Awaited at the build's end; a build that fails earlier must not also report an unhandled rejection.
  early.written.catch(() => undefined);
};

export const pagefindIntegration = (): AstroIntegration => ({
  name: 'toasoan:pagefind',
  hooks: {
    'astro:config:done': ({ config }) => {
      // The rebuild service indexes after the switch instead (scripts/search-index.ts).
      if (process.env.PUBLISHER_INDEX_AFTER === '1') return;
      (globalThis as { [EARLY_INDEX]?: EarlyIndex })[EARLY_INDEX] = { indexDir: path.join(fileURLToPath(config.outDir), 'pagefind') };
    },
    'astro:build:done': async ({ dir, logger }) => {
      const outDir = fileURLToPath(dir);
      await rm(path.join(outDir, RECORDS_ROUTE_FILE));
      if (process.env.PUBLISHER_INDEX_AFTER === '1') {
        // The rebuild service switches the release live first and indexes afterwards.
        logger.info('Search records kept for the index that follows the release');
        return;
      }
      // Read where the records page wrote them and the index command reads them (lib/cache-dir.ts).
      const early = earlyIndex()?.written;
      const { pages } = await (early ?? indexAll(siteCacheDir(), path.join(outDir, 'pagefind')));
      // Only an intentionally empty site (ALLOW_EMPTY_SITE=1) gets here without records.
      if (pages === 0) logger.warn('No article, document or album to search; the search index is empty');
      else logger.info(`Pagefind indexed ${pages} records${early ? ', started while pages rendered' : ''}`);
    },
  },
});
