/**
 * The search records of this build (lib/search-records.ts), read by the Pagefind integration after
 * the build, indexed, and removed from the release: it is never published.
 *
 * In the rebuild service's builds (PUBLISHER_CODE_VERSION set) article records are kept in the
 * site's cache folder for the next build, which remakes only those of changed articles; kept as
 * text, they are neither parsed nor serialized again. A plain `astro build` makes them all.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { APIRoute } from 'astro';
import { siteCacheDir } from '../lib/cache-dir';
import { searchRecordsJson, type ArticleRecords } from '../lib/search-records';
import { loadSite } from '../lib/site';

/**
 * Line 1: the code version that made the records; then one line per article: its id, key and
 * record's JSON text, separated by tabs (JSON text holds no raw tab or line break).
 */
const CACHE_FILE = 'search-records.cache.txt';

/** The last build's article records, if a build of this code version kept them (else none). */
const readCache = async (file: string, codeVersion: string): Promise<ArticleRecords> => {
  const lines = (await readFile(file, 'utf8').catch(() => '')).split('\n');
  const made: ArticleRecords = new Map();
  if (lines[0] !== codeVersion) return made;
  for (const line of lines.slice(1)) {
    const a = line.indexOf('\t');
    const b = line.indexOf('\t', a + 1);
    made.set(line.slice(0, a), { key: line.slice(a + 1, b), json: line.slice(b + 1) });
  }
  return made;
};

export const GET: APIRoute = async () => {
  const site = await loadSite();
  const codeVersion = process.env.PUBLISHER_CODE_VERSION;
  if (!codeVersion) return new Response(searchRecordsJson(site).json);
  const file = path.join(siteCacheDir(), CACHE_FILE);
  const previous = await readCache(file, codeVersion);
  const { json, articles, remade } = searchRecordsJson(site, previous);
  if (remade > 0 || articles.size !== previous.size) {
    // Whole or not at all: a build stopped half-way leaves the previous cache.
    const lines = [codeVersion, ...[...articles].map(([id, { key, json: record }]) => `${id}\t${key}\t${record}`)];
    await writeFile(`${file}.tmp`, lines.join('\n'));
    await rename(`${file}.tmp`, file);
  }
  return new Response(json);
};
