// The search records a build leaves for the index (search-records-file.ts): a publish appends only
// the records it made, readers get every record's current text, dead texts are compacted away.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { readRecordsBefore, readSearchRecordsSource, recordDigest, searchRecordsDir, writeRecords, type RecordEntry } from './search-records-file';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
const tempDir = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'toasoan-records-'));
  dirs.push(dir);
  return dir;
};

const text = (value: string) => Buffer.from(JSON.stringify({ url: `/tin-tuc/${value}/`, content: value }));
const dataSize = async (cache: string) => {
  const files = (await readdir(searchRecordsDir(cache))).filter((name) => name.startsWith('data-'));
  return Promise.all(files.map(async (name) => (await stat(path.join(searchRecordsDir(cache), name))).size));
};
/** As a build does: records whose key is unchanged are kept, the others made again. */
const build = async (cache: string, codeVersion: string, records: Array<[id: string, key: string, value: string]>) => {
  const before = await readRecordsBefore(cache, codeVersion);
  const entries: RecordEntry[] = records.map(([id, key, value]) => {
    const kept = before?.byId.get(id);
    return kept?.key === key ? { id, key, kept } : { id, key, json: text(value) };
  });
  return writeRecords(cache, codeVersion, entries, before);
};
const read = async (cache: string) => {
  const source = (await readSearchRecordsSource(cache))!;
  const ids = [...source.digests.keys()];
  return Object.fromEntries((await source.texts(ids)).map((json, i) => [ids[i]!, (JSON.parse(json.toString()) as { content: string }).content]));
};

it('appends only the records a build made, and readers get every record as it is now', async () => {
  const cache = await tempDir();
  expect(await build(cache, 'v1', [['a', '1', 'Hội nghị'], ['b', '1', 'Đại hội'], ['c', '1', 'Tập huấn']])).toEqual({ written: 3, compacted: false });
  const [first] = await dataSize(cache);

  expect(await build(cache, 'v1', [['a', '1', 'Hội nghị'], ['b', '2', 'Đại hội đã sửa'], ['d', '1', 'Bài mới']])).toEqual({ written: 2, compacted: false });
  // Same file, grown by the two new texts only.
  expect(await dataSize(cache)).toEqual([first! + text('Đại hội đã sửa').length + text('Bài mới').length + 2]);
  // The changed record reads as changed, the deleted one is gone, the order is the build's.
  expect(await read(cache)).toEqual({ a: 'Hội nghị', b: 'Đại hội đã sửa', d: 'Bài mới' });
  const source = (await readSearchRecordsSource(cache))!;
  expect(source.digests.get('b')).toBe(recordDigest(text('Đại hội đã sửa')));
  expect([...source.digests.keys()]).toEqual(['a', 'b', 'd']);
});

it('keeps nothing from another code version or outside the rebuild service', async () => {
  const cache = await tempDir();
  await build(cache, 'v1', [['a', '1', 'Hội nghị'], ['b', '1', 'Đại hội']]);
  expect(await readRecordsBefore(cache, 'v2')).toBeNull();
  expect(await readRecordsBefore(cache, '')).toBeNull();
  expect(await build(cache, 'v2', [['a', '1', 'Hội nghị mới'], ['b', '1', 'Đại hội']])).toEqual({ written: 2, compacted: false });
  expect(await read(cache)).toEqual({ a: 'Hội nghị mới', b: 'Đại hội' });
});

it('writes the live records into a new file once dead texts outweigh them, and keeps the file before for readers', async () => {
  const cache = await tempDir();
  // Past the 16 MB a compaction waits for: three records of 6 MB.
  const big = (n: number) => `${n}`.padEnd(6 * 1024 * 1024, 'x');
  const ids = ['a', 'b', 'c'];
  await build(cache, 'v1', ids.map((id) => [id, '1', big(1)]));
  const reader = (await readSearchRecordsSource(cache))!;
  expect(await build(cache, 'v1', ids.map((id) => [id, '2', big(2)]))).toMatchObject({ compacted: false });
  expect(await build(cache, 'v1', ids.map((id) => [id, '3', big(3)]))).toMatchObject({ compacted: true });
  expect((await dataSize(cache)).sort((x, y) => x - y)).toEqual([3 * (text(big(3)).length + 1), 6 * (text(big(1)).length + 1)]);
  expect(Object.values(await read(cache)).map((content) => content.slice(0, 1))).toEqual(['3', '3', '3']);
  // An index command that read the index before the compaction still reads its texts.
  expect((await reader.texts(['a']))[0]!.toString()).toBe(text(big(1)).toString());
  // The next compaction removes the file two indexes back.
  await build(cache, 'v1', ids.map((id) => [id, '4', big(4)]));
  expect(await build(cache, 'v1', ids.map((id) => [id, '5', big(5)]))).toMatchObject({ compacted: true });
  expect(await dataSize(cache)).toHaveLength(2);
});

it("catches a reader up with the next build's changes, and says when they do not follow on from what it read", async () => {
  const cache = await tempDir();
  await build(cache, 'v1', [['a', '1', 'Hội nghị'], ['b', '1', 'Đại hội'], ['c', '1', 'Tập huấn']]);
  const ahead = (await readSearchRecordsSource(cache))!;
  // Read after the build it would catch up with: nothing to do.
  expect(await ahead.catchUp()).toEqual([]);

  await build(cache, 'v1', [['d', '1', 'Bài mới'], ['a', '1', 'Hội nghị'], ['b', '2', 'Đại hội đã sửa']]);
  expect((await ahead.catchUp())?.sort()).toEqual(['b', 'c', 'd']);
  // The same digests and texts as a reader that read the index whole (the added record last).
  const whole = (await readSearchRecordsSource(cache))!;
  expect(Object.fromEntries(ahead.digests)).toEqual(Object.fromEntries(whole.digests));
  expect([...ahead.digests.keys()]).toEqual(['a', 'b', 'd']);
  expect((await ahead.texts(['b', 'd'])).map(String)).toEqual([text('Đại hội đã sửa'), text('Bài mới')].map(String));

  // Two builds on: the changes are from the build between, which this reader never saw.
  const behind = (await readSearchRecordsSource(cache))!;
  await build(cache, 'v1', [['a', '2', 'Hội nghị sửa'], ['b', '2', 'Đại hội đã sửa'], ['d', '1', 'Bài mới']]);
  await build(cache, 'v1', [['a', '2', 'Hội nghị sửa'], ['b', '3', 'Đại hội sửa lần nữa'], ['d', '1', 'Bài mới']]);
  expect(await behind.catchUp()).toBeNull();
  // A build of another code version writes every record anew: no changes to catch up from.
  const before = (await readSearchRecordsSource(cache))!;
  await build(cache, 'v2', [['a', '2', 'Hội nghị sửa']]);
  expect(await before.catchUp()).toBeNull();

  // A build stopped after its changes but before its index: the index on disk is still the one read.
  const held = (await readSearchRecordsSource(cache))!;
  const indexFile = path.join(searchRecordsDir(cache), 'index.json');
  const indexBefore = await readFile(indexFile);
  await build(cache, 'v2', [['a', '3', 'Hội nghị sửa lần hai']]);
  await writeFile(indexFile, indexBefore);
  expect(await held.catchUp()).toBeNull();
});
