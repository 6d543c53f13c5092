// The chunked data store as patched (patches/astro@7.3.5.patch): a sync that changes one entry
// writes only the chunk holding it, keeps every other chunk file as it was, and the next build
// reads back exactly what the store held. Content references are checked again only where they
// can have broken: entries set since the last check, or every entry once one was removed.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, it } from 'vitest';

const astroDir = path.dirname(createRequire(import.meta.url).resolve('astro/package.json'));
const { MutableDataStore } = (await import(pathToFileURL(path.join(astroDir, 'dist/content/mutable-data-store.js')).href)) as {
  MutableDataStore: {
    fromDir(dir: URL, chunkSize: number, logger: unknown): Promise<{
      set(collection: string, id: string, entry: unknown): void;
      delete(collection: string, id: string): void;
      get(collection: string, id: string): unknown;
      entries(collection: string): [string, unknown][];
      waitUntilSaveComplete(): Promise<void>;
      takeReferenceCheck(): { all: boolean; changed: Map<string, Set<string>> };
    }>;
  };
};

const CHUNK_SIZE = 20 * 1024 * 1024; // Astro's default for `collectionStorage: 'chunked'`
const logger = { warn: (...args: unknown[]) => console.warn(...args) };
const article = (n: number, title = `Bài viết số ${n}`) => ({ id: `bai-${n}`, data: { title, lead: 'Tóm tắt '.repeat(20) }, digest: `${n}:${title}` });

let root = '';
afterEach(() => rm(root, { recursive: true, force: true }));

it('rewrites only the chunk of a changed entry and reads back what it wrote', async () => {
  root = await mkdtemp(path.join(tmpdir(), 'toasoan-chunks-'));
  const dir = pathToFileURL(`${root}/data-store/`);
  const chunks = async () => new Set((await readdir(dir)).filter((name) => name !== 'manifest.json'));

  const first = await MutableDataStore.fromDir(dir, CHUNK_SIZE, logger);
  for (let n = 0; n < 3000; n += 1) first.set('articles', `bai-${n}`, article(n));
  first.set('tags', 'giao-duc', { id: 'giao-duc', data: { name: 'Giáo dục' }, digest: 'g' });
  await first.waitUntilSaveComplete();
  const written = await chunks();
  expect(written.size).toBeGreaterThan(3); // ~512 entries per chunk, whatever their size

  // The next build: read back, one article edited, one deleted (its chunk's other entries unchanged).
  const second = await MutableDataStore.fromDir(dir, CHUNK_SIZE, logger);
  expect(second.get('articles', 'bai-1234')).toEqual(article(1234));
  second.set('articles', 'bai-1234', article(1234, 'Tiêu đề đã sửa'));
  second.delete('articles', 'bai-2999');
  await second.waitUntilSaveComplete();
  const rewritten = await chunks();
  const added = [...rewritten].filter((name) => !written.has(name));
  const gone = [...written].filter((name) => !rewritten.has(name));
  expect({ added: added.length, gone: gone.length }).toEqual({ added: 2, gone: 2 }); // bai-1234 and bai-2999 are chunks apart

  const third = await MutableDataStore.fromDir(dir, CHUNK_SIZE, logger);
  const expected = Array.from({ length: 2999 }, (_, n) => (n === 1234 ? article(n, 'Tiêu đề đã sửa') : article(n)));
  expect(new Map(third.entries('articles'))).toEqual(new Map(expected.map((entry) => [entry.id, entry])));
  expect(third.get('tags', 'giao-duc')).toEqual({ id: 'giao-duc', data: { name: 'Giáo dục' }, digest: 'g' });
});

it('names for the reference check only the entries set since the last one, and all after a removal', async () => {
  root = await mkdtemp(path.join(tmpdir(), 'toasoan-chunks-'));
  const dir = pathToFileURL(`${root}/data-store/`);
  const first = await MutableDataStore.fromDir(dir, CHUNK_SIZE, logger);
  for (let n = 0; n < 50; n += 1) first.set('articles', `bai-${n}`, article(n));
  await first.waitUntilSaveComplete();

  // The next build starts from the stored entries, checked when they were set.
  const next = await MutableDataStore.fromDir(dir, CHUNK_SIZE, logger);
  expect(next.takeReferenceCheck()).toEqual({ all: false, changed: new Map() });
  next.set('articles', 'bai-7', article(7, 'Tiêu đề đã sửa'));
  next.set('tags', 'giao-duc', { id: 'giao-duc', data: { name: 'Giáo dục' }, digest: 'g' });
  expect(next.takeReferenceCheck()).toEqual({ all: false, changed: new Map([['articles', new Set(['bai-7'])], ['tags', new Set(['giao-duc'])]]) });
  expect(next.takeReferenceCheck().changed.size).toBe(0);

  // A removal can break a reference in any entry.
  next.delete('articles', 'bai-8');
  expect(next.takeReferenceCheck().all).toBe(true);
  expect(next.takeReferenceCheck().all).toBe(false);
  await next.waitUntilSaveComplete();
});
