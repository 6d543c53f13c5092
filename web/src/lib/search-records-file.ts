/**
 * Where a build leaves its search records, in the site's cache folder (never published): written by
 * src/pages/search-records.json.ts, read by the Pagefind integration (a plain `astro build`) or by
 * the rebuild service's index command (scripts/search-index.ts), and by the next build of the same
 * code version, which remakes only the records of changed articles.
 *
 * The folder `search-records/` holds an append-only data file of record JSON texts and an index
 * naming, for each record in the order the search index takes them, its id, the key it was made for
 * (articles; other records: their digest), the digest of its text and where the text lies in the
 * data file. A publish appends the few records it made and rewrites the index only (at 50,000
 * articles the records are 170 MB: a single file, read and written whole, cost ~0.8 s of each
 * publish in reading, writing and the garbage collections such a read causes). Readers take the
 * texts they need by their place, and the index command compares digests without reading texts.
 *
 * Whole or not at all: the index is replaced by a rename, and data is only ever appended, so a build
 * stopped half-way leaves the previous index and what it names. Once the texts no index names
 * outweigh the live ones, the data is written again into a new file (compaction); the file before
 * stays until the next compaction, so an index command still reading the previous index finds it.
 *
 * Each index has a serial, and a build that appended to the index before it writes `changes.json`
 * first: the rows it added or replaced and the ids it removed since that index. The two files are
 * not replaced as one: a reader catches up only when the index's serial is the changes' own. An index command
 * that read the records before the build ended (scripts/search-index.ts) catches up from it
 * instead of reading the whole index again after the build's end (at 50,000 articles ~0.5 s of the
 * search index following a publish, most of it parsing and collecting a 7 MB JSON text).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
// With its extension: the index command (scripts/search-index.ts) runs this file under Node itself.
import { siteCacheDir } from './cache-dir.ts';

export const SEARCH_RECORDS_DIR = 'search-records';
const INDEX_FILE = 'index.json';
const CHANGES_FILE = 'changes.json';
/** Data files: `data-<generation>.txt`. */
const DATA_FILE = /^data-(\d+)\.txt$/;
/** Dead texts tolerated beside the live ones before compaction: as many bytes as live, at least this. */
const MIN_COMPACT_BYTES = 16 * 1024 * 1024;

export const searchRecordsDir = (cacheDir: string) => path.join(cacheDir, SEARCH_RECORDS_DIR);

/** The digest the index command compares with its full index's. */
export const recordDigest = (json: Buffer) => createHash('sha256').update(json).digest('base64url');

/** A record as the index lists it. */
interface Placed {
  id: string;
  key: string;
  digest: string;
  offset: number;
  length: number;
  /** Its row of the index as JSON text, made as the index is read ahead (a kept record's row is the same). */
  row?: string;
}

type Row = [id: string, key: string, digest: string, offset: number, length: number];

interface StoredIndex {
  codeVersion: string;
  generation: number;
  /** Made anew for every index written (none in indexes written before serials). */
  serial?: string;
  /** In the order the search index takes them. */
  records: Row[];
}

/**
 * What a build changed since the index it appended to (`from`; null when it wrote all records anew
 * or the index before had no serial: then `rows` and `removed` are empty).
 */
interface StoredChanges {
  from: string | null;
  serial: string;
  generation: number;
  rows: Row[];
  removed: string[];
}

/** A build's records: a kept one by its place in the current data, a new one by its text. */
export type RecordEntry = { id: string; key: string } & ({ kept: Placed } | { json: Buffer; digest?: string });

/** What the last build of the same code version left: records by id, kept where their key is unchanged. */
export interface RecordsBefore {
  byId: ReadonlyMap<string, Placed>;
  generation: number;
  serial: string | null;
}

const dataFile = (dir: string, generation: number) => path.join(dir, `data-${generation}.txt`);

const readIndex = async (dir: string): Promise<StoredIndex | null> => {
  try {
    return JSON.parse(await readFile(path.join(dir, INDEX_FILE), 'utf8')) as StoredIndex;
  } catch {
    return null;
  }
};

const placedById = (index: StoredIndex) => new Map(index.records.map(([id, key, digest, offset, length]): [string, Placed] => [id, { id, key, digest, offset, length }]));

/**
 * The records the last build left, if made by `codeVersion` (outside the rebuild service it is
 * empty: nothing is reused then).
 */
export const readRecordsBefore = async (cacheDir: string, codeVersion: string): Promise<RecordsBefore | null> => {
  if (!codeVersion) return null;
  const dir = searchRecordsDir(cacheDir);
  const index = await readIndex(dir);
  if (!index || index.codeVersion !== codeVersion || !existsSync(dataFile(dir, index.generation))) return null;
  const byId = placedById(index);
  // Rows as text while a standby build waits, not as a 7 MB JSON text on the publish's path (writeRecords).
  for (const placed of byId.values()) placed.row = JSON.stringify([placed.id, placed.key, placed.digest, placed.offset, placed.length]);
  return { generation: index.generation, serial: index.serial ?? null, byId };
};

/** The records before, read as the build started; shared by the config's and the bundle's copies of this module. */
const AHEAD = Symbol.for('toasoan.searchRecords.before');
type Ahead = { cacheDir: string; codeVersion: string; before: Promise<RecordsBefore | null> };
const ahead = () => (globalThis as Record<symbol, Ahead | undefined>)[AHEAD];

/** Reads the records before as the build starts (integrations/read-ahead.ts): at 50,000 articles a 7 MB index. */
export const readRecordsAhead = (cacheDir = siteCacheDir(), codeVersion = process.env.PUBLISHER_CODE_VERSION ?? '') => {
  (globalThis as Record<symbol, Ahead>)[AHEAD] = { cacheDir, codeVersion, before: readRecordsBefore(cacheDir, codeVersion) };
};

/** The records the last build left (readRecordsBefore), as read when the build started if it was for the same folder and version. */
export const recordsBefore = (cacheDir: string, codeVersion: string): Promise<RecordsBefore | null> => {
  const read = ahead();
  return read && read.cacheDir === cacheDir && read.codeVersion === codeVersion ? read.before : readRecordsBefore(cacheDir, codeVersion);
};

/** Reads the texts of `records` from one data file: one read per record, or the whole file when most are asked. */
const readTexts = async (file: string, records: readonly Placed[]): Promise<Buffer[]> => {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const asked = records.reduce((sum, r) => sum + r.length, 0);
    if (asked > size / 4) {
      const whole = await handle.readFile();
      return records.map((r) => whole.subarray(r.offset, r.offset + r.length));
    }
    return await Promise.all(
      records.map(async (r) => {
        const text = Buffer.allocUnsafe(r.length);
        const { bytesRead } = await handle.read(text, 0, r.length, r.offset);
        if (bytesRead !== r.length) throw new Error(`${file}: record ${r.id} is cut short`);
        return text;
      }),
    );
  } finally {
    await handle.close();
  }
};

/**
 * Writes this build's records: new texts are appended to the data file `before` names (all texts
 * to a new one without `before`, or when compaction is due), then the index is replaced. Kept
 * entries must come from `before`. Returns how many texts were written.
 */
export const writeRecords = async (
  cacheDir: string,
  codeVersion: string,
  entries: readonly RecordEntry[],
  before: RecordsBefore | null,
): Promise<{ written: number; compacted: boolean }> => {
  if (!before && entries.some((entry) => 'kept' in entry)) throw new Error('search records: a kept record without the records it comes from');
  const dir = searchRecordsDir(cacheDir);
  await mkdir(dir, { recursive: true });
  let generation = before?.generation ?? 0;
  let texts: Array<Buffer | null> = entries.map((entry) => ('json' in entry ? entry.json : null));
  let compacted = false;
  if (before) {
    // Each text is followed by a line break.
    const live = entries.reduce((sum, entry) => sum + ('kept' in entry ? entry.kept.length : entry.json.length) + 1, 0);
    const size = (await stat(dataFile(dir, generation))).size;
    const dead = size - entries.reduce((sum, entry) => sum + ('kept' in entry ? entry.kept.length + 1 : 0), 0);
    if (dead > Math.max(live, MIN_COMPACT_BYTES)) {
      const keptTexts = await readTexts(dataFile(dir, generation), entries.flatMap((entry) => ('kept' in entry ? [entry.kept] : [])));
      let k = 0;
      texts = entries.map((entry) => ('kept' in entry ? keptTexts[k++]! : entry.json));
      compacted = true;
    }
  }
  // Appending keeps the generation; a new data file takes the next one after any on disk.
  const generations = !before || compacted ? await existingGenerations(dir) : null;
  if (generations) generation = generations.reduce((max, g) => Math.max(max, g), generation) + 1;
  const file = dataFile(dir, generation);
  const handle = await open(file, generations ? 'w' : 'a');
  /** The index's rows (StoredIndex['records']) as JSON texts. */
  const rows: string[] = [];
  /** Rows of the texts written now: what changed since `before`, unless all were written. */
  const changedRows: string[] = [];
  let written = 0;
  try {
    let offset = (await handle.stat()).size;
    const batch: Buffer[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const expected = batch.reduce((sum, part) => sum + part.length, 0);
      const { bytesWritten } = await handle.writev(batch);
      if (bytesWritten !== expected) throw new Error(`${file}: wrote ${bytesWritten} of ${expected} bytes`);
      batch.length = 0;
    };
    for (const [i, entry] of entries.entries()) {
      const text = texts[i];
      if (!text && 'kept' in entry) {
        rows.push(entry.kept.row ?? JSON.stringify([entry.id, entry.key, entry.kept.digest, entry.kept.offset, entry.kept.length]));
        continue;
      }
      const digest = 'kept' in entry ? entry.kept.digest : (entry.digest ?? recordDigest(text!));
      const row = JSON.stringify([entry.id, entry.key, digest, offset, text!.length]);
      rows.push(row);
      changedRows.push(row);
      // A line break between texts keeps the file readable; JSON text holds none of its own.
      batch.push(text!, NEWLINE);
      offset += text!.length + 1;
      written += 1;
      // Linux's IOV_MAX: buffers per writev(2) call.
      if (batch.length >= 1024) await flush();
    }
    await flush();
  } finally {
    await handle.close();
  }
  const serial = randomBytes(8).toString('hex');
  // Before the index, which names the same serial once it is written too (catchUp).
  const from = before && !compacted ? before.serial : null;
  const changes = `{"from":${JSON.stringify(from)},"serial":"${serial}","generation":${generation},"rows":[${from === null ? '' : changedRows.join(',')}],"removed":${JSON.stringify(from === null ? [] : removedSince(before!, entries))}}`;
  await replaceFile(path.join(dir, CHANGES_FILE), changes);
  // JSON.stringify of a StoredIndex, from the rows' texts.
  await replaceFile(path.join(dir, INDEX_FILE), `{"codeVersion":${JSON.stringify(codeVersion)},"generation":${generation},"serial":"${serial}","records":[${rows.join(',')}]}`);
  // Data files older than the one before this index: no reader can still hold an index naming
  // them. Only a new data file makes one such (an append leaves the generations as they were).
  for (const old of generations ?? []) if (old < generation - 1) await rm(dataFile(dir, old), { force: true });
  // The single records file builds kept before this folder (170 MB at 50,000 articles) in caches made then.
  if (generations) await rm(path.join(cacheDir, 'search-records.txt'), { force: true });
  return { written, compacted };
};

const NEWLINE = Buffer.from('\n');

const replaceFile = async (file: string, text: string) => {
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
};

/** Ids of `before` no entry has: looked for only when fewer of them are still here than `before` held. */
const removedSince = (before: RecordsBefore, entries: readonly RecordEntry[]): string[] => {
  let still = 0;
  for (const entry of entries) if (before.byId.has(entry.id)) still += 1;
  if (still === before.byId.size) return [];
  const here = new Set(entries.map((entry) => entry.id));
  return [...before.byId.keys()].filter((id) => !here.has(id));
};

const existingGenerations = async (dir: string) =>
  (await readdir(dir)).flatMap((name) => {
    const match = DATA_FILE.exec(name);
    return match ? [Number(match[1])] : [];
  });

/** The records of the last build, for the search index: digests by id (in index order), texts on demand. */
export interface SearchRecordsSource {
  digests: ReadonlyMap<string, string>;
  /** The JSON texts of the given ids, in the order given. */
  texts(ids: readonly string[]): Promise<Buffer[]>;
  /**
   * Brings the source up to the index a build wrote since it was read, from that build's
   * changes: returns the ids whose record changed or went (added ones last in `digests`), or
   * null when the changes do not follow on from what was read (then read the source again).
   */
  catchUp(): Promise<string[] | null>;
}

/** The serial of the index on disk, from its start (it precedes the records; the whole text is 7 MB at 50,000 articles). */
const serialOnDisk = async (dir: string): Promise<string | undefined> => {
  const handle = await open(path.join(dir, INDEX_FILE), 'r').catch(() => null);
  if (!handle) return undefined;
  try {
    const head = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return /^\{"codeVersion":"[^"]*","generation":\d+,"serial":"([0-9a-f]+)"/.exec(head.subarray(0, bytesRead).toString())?.[1];
  } finally {
    await handle.close();
  }
};

export const readSearchRecordsSource = async (cacheDir: string): Promise<SearchRecordsSource | null> => {
  const dir = searchRecordsDir(cacheDir);
  const index = await readIndex(dir);
  if (!index) return null;
  const byId = placedById(index);
  const digests = new Map(index.records.map(([id, , digest]) => [id, digest]));
  let { generation, serial } = index;
  return {
    digests,
    texts: (ids) =>
      readTexts(
        dataFile(dir, generation),
        ids.map((id) => {
          const record = byId.get(id);
          if (!record) throw new Error(`search records: no record ${id}`);
          return record;
        }),
      ),
    catchUp: async () => {
      const changes = await readFile(path.join(dir, CHANGES_FILE), 'utf8')
        .then((text) => JSON.parse(text) as StoredChanges)
        .catch(() => null);
      if (!changes || serial === undefined) return null;
      // The index on disk is the one the changes lead to: not so after a build stopped between the
      // two files, or one of code from before serials, which leaves the changes as they were.
      if ((await serialOnDisk(dir)) !== changes.serial) return null;
      if (changes.serial === serial) return [];
      if (changes.from !== serial) return null;
      for (const [id, key, digest, offset, length] of changes.rows) {
        byId.set(id, { id, key, digest, offset, length });
        digests.set(id, digest);
      }
      for (const id of changes.removed) {
        byId.delete(id);
        digests.delete(id);
      }
      ({ generation, serial } = changes);
      return [...changes.rows.map(([id]) => id), ...changes.removed];
    },
  };
};
