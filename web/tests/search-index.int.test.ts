// The index the rebuild service switches in after a publish (integrations/pagefind.ts): a full
// index plus what changed since, made by the real Pagefind.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { readyIndex, recordsAfterBuild, updateSearchIndex, type SearchOverlay } from '../integrations/pagefind.ts';
import type { SearchRecord } from '../src/lib/search-records.ts';
import { readRecordsBefore, readSearchRecordsSource, writeRecords } from '../src/lib/search-records-file.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
const tempDir = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'toasoan-search-'));
  dirs.push(dir);
  return dir;
};

const record = (slug: string, title: string): SearchRecord => ({ url: `/tin-tuc/${slug}/`, content: title, language: 'vi', meta: { title } });
/** Records as a build leaves them (lib/search-records-file.ts), by id (here the slug unless given). */
const asBuilt = async (records: SearchRecord[], ids = records.map((r) => r.url.split('/')[2]!)) => {
  const cache = await tempDir();
  await writeRecords(cache, '', records.map((r, i) => ({ id: ids[i]!, key: '', json: Buffer.from(JSON.stringify(r)) })), null);
  return (await readSearchRecordsSource(cache))!;
};
const overlayOf = async (indexDir: string) => JSON.parse(await readFile(path.join(indexDir, 'overlay.json'), 'utf8')) as SearchOverlay;

it('indexes only what changed on top of the full index, and names what the full index has out of date', async () => {
  const cache = await tempDir();
  const records = [record('a', 'Hội nghị'), record('b', 'Đại hội'), record('c', 'Tập huấn')];
  const first = await tempDir();
  expect(await updateSearchIndex(await asBuilt(records), first, cache)).toMatchObject({ full: true, delta: 0 });
  expect(await overlayOf(first)).toEqual({ delta: false, stale: [] });

  const second = await tempDir();
  const next = [record('a', 'Hội nghị'), record('b', 'Đại hội đã sửa'), record('d', 'Bài mới')];
  expect(await updateSearchIndex(await asBuilt(next), second, cache)).toMatchObject({ full: false, delta: 2, stale: 2 });
  expect((await overlayOf(second)).stale.sort()).toEqual(['/tin-tuc/b/', '/tin-tuc/c/']);
  // The full index is shared, not copied: the same files as the first folder's.
  expect(await readFile(path.join(second, 'pagefind-entry.json'), 'utf8')).toBe(await readFile(path.join(first, 'pagefind-entry.json'), 'utf8'));
  expect(JSON.parse(await readFile(path.join(second, 'delta', 'pagefind-entry.json'), 'utf8')).languages.vi.page_count).toBe(2);

  // An article given a new address keeps its id: its old address is out of date, its new one in the delta.
  const moved = await tempDir();
  const renamed = await asBuilt([record('hoi-nghi-moi', 'Hội nghị'), ...records.slice(1)], ['a', 'b', 'c']);
  expect(await updateSearchIndex(renamed, moved, cache)).toMatchObject({ full: false, delta: 1, stale: 1 });
  expect(await overlayOf(moved)).toEqual({ delta: true, stale: ['/tin-tuc/a/'] });
});

it('makes the full index again when the delta would grow past its limit, or the full index is another Pagefind\'s', async () => {
  const cache = await tempDir();
  const many = Array.from({ length: 600 }, (_, i) => record(`bai-${i}`, `Bài số ${i}`));
  await updateSearchIndex(await asBuilt(many.slice(0, 10)), await tempDir(), cache);
  expect(await updateSearchIndex(await asBuilt(many), await tempDir(), cache)).toMatchObject({ full: true, delta: 0, stale: 0 });

  // As if the full index had been written before a Pagefind upgrade.
  const entry = path.join(cache, 'search-base', 'bundle', 'pagefind-entry.json');
  await writeFile(entry, JSON.stringify({ ...JSON.parse(await readFile(entry, 'utf8')), version: '0.0.1' }));
  const upgraded = await tempDir();
  expect(await updateSearchIndex(await asBuilt([...many, record('moi', 'Bài mới')]), upgraded, cache)).toMatchObject({ full: true, delta: 0 });
  expect(await overlayOf(upgraded)).toEqual({ delta: false, stale: [] });
});

it("compares the records with the full index before the build ends, and after it only what the build changed", async () => {
  const cache = await tempDir();
  /** As a build of the rebuild service writes them: unchanged records kept, the others appended. */
  const publish = async (records: SearchRecord[]) => {
    const before = await readRecordsBefore(cache, 'v1');
    const entries = records.map((r) => {
      const id = r.url.split('/')[2]!;
      const json = Buffer.from(JSON.stringify(r));
      const kept = before?.byId.get(id);
      return kept && kept.key === json.toString() ? { id, key: kept.key, kept } : { id, key: json.toString(), json };
    });
    await writeRecords(cache, 'v1', entries, before);
  };
  const records = [record('a', 'Hội nghị'), record('b', 'Đại hội'), record('c', 'Tập huấn')];
  await publish(records);
  await updateSearchIndex((await readSearchRecordsSource(cache))!, await tempDir(), cache);
  await publish([...records, record('d', 'Bài mới')]);
  await updateSearchIndex((await readSearchRecordsSource(cache))!, await tempDir(), cache);

  // The next publish: ready before the build, which edits b and removes c.
  const ready = await readyIndex(cache);
  await publish([record('d', 'Bài mới'), record('a', 'Hội nghị'), record('b', 'Đại hội đã sửa')]);
  const after = await recordsAfterBuild(cache, ready);
  expect(after.changed?.sort()).toEqual(['b', 'c']);
  const caughtUp = await tempDir();
  expect(await updateSearchIndex(after.records, caughtUp, cache, { ready, changed: after.changed })).toMatchObject({ full: false, delta: 2, stale: 2 });
  expect((await overlayOf(caughtUp)).stale.sort()).toEqual(['/tin-tuc/b/', '/tin-tuc/c/']);

  // The same as an index command that reads the records whole after the build.
  const whole = await tempDir();
  expect(await updateSearchIndex((await readSearchRecordsSource(cache))!, whole, cache)).toMatchObject({ full: false, delta: 2, stale: 2 });
  expect((await overlayOf(whole)).stale.sort()).toEqual(['/tin-tuc/b/', '/tin-tuc/c/']);
  // Byte for byte the same delta: the same records' texts, in the same order.
  const files = async (dir: string) => {
    const names = (await readdir(path.join(dir, 'delta'), { recursive: true })).sort();
    return Promise.all(names.map(async (name) => [name, (await readFile(path.join(dir, 'delta', name)).catch(() => Buffer.alloc(0))).toString('base64')]));
  };
  expect(await files(caughtUp)).toEqual(await files(whole));

  // Ready before two builds: it cannot catch up from the second's changes and reads the records whole.
  const stale = await readyIndex(cache);
  await publish([record('d', 'Bài mới'), record('a', 'Hội nghị đổi tên'), record('b', 'Đại hội đã sửa')]);
  await publish([record('d', 'Bài mới'), record('a', 'Hội nghị đổi tên'), record('b', 'Đại hội sửa lần hai')]);
  const reread = await recordsAfterBuild(cache, stale);
  expect(reread.changed).toBeUndefined();
  expect(await updateSearchIndex(reread.records, await tempDir(), cache, { ready: stale })).toMatchObject({ full: false, delta: 3, stale: 3 });
});
