/**
 * The search records of this build (lib/search-records.ts), read by the Pagefind integration after
 * the build, indexed, and removed from the release: it is never published.
 *
 * In the rebuild service's builds (PUBLISHER_CODE_VERSION set) article records are kept in the
 * site's cache folder for the next build, which remakes only those of changed articles. A plain
 * `astro build` makes them all.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { APIRoute } from 'astro';
import { siteCacheDir } from '../lib/cache-dir';
import { searchRecords, type ArticleRecord, type ArticleRecords } from '../lib/search-records';
import { loadSite } from '../lib/site';

const CACHE_FILE = 'search-records.cache.json';

interface Cache {
  codeVersion: string;
  articles: [string, ArticleRecord][];
}

/** The last build's article records, if a build of this code version kept them (else none). */
const readCache = async (file: string, codeVersion: string): Promise<ArticleRecords> => {
  const cache = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as Cache)
    .catch(() => null);
  return new Map(cache?.codeVersion === codeVersion ? cache.articles : []);
};

export const GET: APIRoute = async () => {
  const site = await loadSite();
  const codeVersion = process.env.PUBLISHER_CODE_VERSION;
  if (!codeVersion) return new Response(JSON.stringify(searchRecords(site).records));
  const file = path.join(siteCacheDir(), CACHE_FILE);
  const previous = await readCache(file, codeVersion);
  const { records, articles, remade } = searchRecords(site, previous);
  if (remade > 0 || articles.size !== previous.size) {
    // Whole or not at all: a build stopped half-way leaves the previous cache.
    await writeFile(`${file}.tmp`, JSON.stringify({ codeVersion, articles: [...articles] } satisfies Cache));
    await rename(`${file}.tmp`, file);
  }
  return new Response(JSON.stringify(records));
};
