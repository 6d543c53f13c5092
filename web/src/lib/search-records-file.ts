/**
 * The file a build leaves its search records in, in the site's cache folder (never published):
 * written by src/pages/search-records.json.ts, read by the Pagefind integration (a plain
 * `astro build`) or by the rebuild service's index command (scripts/search-index.ts), and by the
 * next build of the same code version, which remakes only the records of changed articles.
 *
 * Line 1: the code version that made the records (empty outside the rebuild service: nothing is
 * reused then). Then one line per record: an id, the key it was made for (articles only) and the
 * record's JSON text, separated by tabs (JSON text holds no raw tab or line break). Records stay
 * bytes from build to index: at 10,000 articles they are 34 MB, which a publish neither parses,
 * serializes nor decodes again for the articles it keeps; the index command parses only the
 * records it indexes.
 */
import { open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';

export const SEARCH_RECORDS_FILE = 'search-records.txt';

export const searchRecordsFile = (cacheDir: string) => path.join(cacheDir, SEARCH_RECORDS_FILE);

export interface RecordLine {
  /** What an article's record was made from (lib/search-records.ts); empty for other records. */
  key: string;
  /** The record's JSON text, as UTF-8 bytes: kept records are copied, never decoded or encoded. */
  json: Buffer;
}

/** Records by id, in the order the index takes them. */
export type RecordLines = Map<string, RecordLine>;

const NL = 0x0a;
const TAB = 0x09;

export const readRecordLines = async (file: string): Promise<{ codeVersion: string; lines: RecordLines } | null> => {
  const bytes = await readFile(file).catch(() => null);
  if (bytes === null) return null;
  let end = bytes.indexOf(NL);
  if (end < 0) end = bytes.length;
  const codeVersion = bytes.toString('utf8', 0, end);
  const lines: RecordLines = new Map();
  for (let start = end + 1; start < bytes.length; start = end + 1) {
    end = bytes.indexOf(NL, start);
    if (end < 0) end = bytes.length;
    const a = bytes.indexOf(TAB, start);
    const b = bytes.indexOf(TAB, a + 1);
    lines.set(bytes.toString('utf8', start, a), { key: bytes.toString('utf8', a + 1, b), json: bytes.subarray(b + 1, end) });
  }
  return { codeVersion, lines };
};

/** Buffers per writev(2) call (Linux's IOV_MAX). */
const IOV_MAX = 1024;

/**
 * Whole or not at all: a build stopped half-way leaves the previous file. The kept records' bytes
 * go to the file as they are, never joined into one buffer first (170 MB at 50,000 articles).
 */
export const writeRecordLines = async (file: string, codeVersion: string, lines: RecordLines): Promise<void> => {
  const parts: Buffer[] = [Buffer.from(codeVersion)];
  for (const [id, { key, json }] of lines) parts.push(Buffer.from(`\n${id}\t${key}\t`), json);
  const handle = await open(`${file}.tmp`, 'w');
  try {
    for (let i = 0; i < parts.length; i += IOV_MAX) {
      const batch = parts.slice(i, i + IOV_MAX);
      const { bytesWritten } = await handle.writev(batch);
      const expected = batch.reduce((sum, part) => sum + part.length, 0);
      if (bytesWritten !== expected) throw new Error(`${file}: wrote ${bytesWritten} of ${expected} bytes`);
    }
  } finally {
    await handle.close();
  }
  await rename(`${file}.tmp`, file);
};
