import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { completeFromStaging, keepKeys, outputFileOf, prepareKeys, readAssets, stageFromLive, writeAssets } from './partial.ts';

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'publisher-partial-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};
const put = (path: string, text: string) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};
const json = (path: string, value: unknown) => put(path, JSON.stringify(value));

test('names the file of an address as Astro writes it', () => {
  expect(outputFileOf('/')).toBe('index.html');
  expect(outputFileOf('/tin-tuc/bai-a/')).toBe('tin-tuc/bai-a/index.html');
  expect(outputFileOf('/van-ban/danh-muc.json')).toBe('van-ban/danh-muc.json');
});

test('carries unchanged pages and their images over from the live release; leaves removed pages and unused images behind', async () => {
  const root = tempDir();
  const keys = join(root, 'keys');
  const live = join(root, 'live');
  const build = join(root, 'build');
  const release = join(root, 'release');
  // The live release: three articles, each with its own cover.
  for (const slug of ['a', 'b', 'c']) {
    put(join(live, `tin-tuc/${slug}/index.html`), `<img src="/_astro/${slug}.webp" srcset="/_astro/${slug}.webp 1x, /_astro/${slug}-2x.avif 2x">`);
    put(join(live, `_astro/${slug}.webp`), slug);
    put(join(live, `_astro/${slug}-2x.avif`), slug);
  }
  json(join(keys, 'tin-tuc_slug_.json'), { '/tin-tuc/a/': 'a1', '/tin-tuc/b/': 'b1', '/tin-tuc/c/': 'c1' });
  await writeAssets(keys, Object.fromEntries(['a', 'b', 'c'].map((s) => [`tin-tuc/${s}/index.html`, [`${s}.webp`, `${s}-2x.avif`]])));
  put(join(keys, 'release'), 'r1');
  await prepareKeys(keys, 'r1', false);
  expect(existsSync(join(keys, 'tin-tuc_slug_.json'))).toBe(true);
  const staged = await stageFromLive(keys, live, release);

  // The build: b edited (new cover), c deleted, d new; a unchanged, so not rendered.
  json(join(keys, 'tin-tuc_slug_.next.json'), { '/tin-tuc/a/': 'a1', '/tin-tuc/b/': 'b2', '/tin-tuc/d/': 'd1' });
  json(join(keys, 'tin-tuc_slug_.changes.json'), { rendered: ['/tin-tuc/b/', '/tin-tuc/d/'], removed: ['/tin-tuc/c/'] });
  put(join(build, 'tin-tuc/b/index.html'), '<img src="/_astro/b-new.webp">');
  put(join(build, '_astro/b-new.webp'), 'b2');
  put(join(build, 'tin-tuc/d/index.html'), '<p>d</p>');
  put(join(build, 'index.html'), 'home');

  const done = await completeFromStaging(keys, build, release, staged);
  expect(done).toMatchObject({ rendered: 2, carried: 1, removed: ['tin-tuc/c/index.html'] });
  expect(statSync(join(release, 'tin-tuc/a/index.html')).ino).toBe(statSync(join(live, 'tin-tuc/a/index.html')).ino);
  expect(statSync(join(release, '_astro/a-2x.avif')).ino).toBe(statSync(join(live, '_astro/a-2x.avif')).ino);
  expect(readFileSync(join(release, 'tin-tuc/b/index.html'), 'utf8')).toBe('<img src="/_astro/b-new.webp">');
  expect(readFileSync(join(release, 'index.html'), 'utf8')).toBe('home');
  // Nothing of c's is left, not even its empty folder; b's old cover is not carried.
  for (const gone of ['tin-tuc/c', '_astro/c.webp', '_astro/b.webp', '_astro/b-2x.avif']) expect(existsSync(join(release, gone)), gone).toBe(false);
  // The live release is untouched.
  expect(readFileSync(join(live, 'tin-tuc/b/index.html'), 'utf8')).toContain('/_astro/b.webp');

  await keepKeys(keys, 'r2', done.assets);
  expect(JSON.parse(readFileSync(join(keys, 'tin-tuc_slug_.json'), 'utf8'))).toEqual({ '/tin-tuc/a/': 'a1', '/tin-tuc/b/': 'b2', '/tin-tuc/d/': 'd1' });
  expect(await readAssets(keys)).toEqual({ 'tin-tuc/a/index.html': ['a.webp', 'a-2x.avif'], 'tin-tuc/b/index.html': ['b-new.webp'], 'tin-tuc/d/index.html': [] });
  expect(readFileSync(join(keys, 'release'), 'utf8')).toBe('r2');
  expect(existsSync(join(keys, 'tin-tuc_slug_.changes.json'))).toBe(false);
});

test('trusts no keys for a full build, nor keys of another release, and drops keys of a build that never went live', async () => {
  const keys = tempDir();
  const setUp = () => {
    json(join(keys, 'tin-tuc_slug_.json'), { '/tin-tuc/a/': 'a1' });
    json(join(keys, 'tin-tuc_slug_.next.json'), { '/tin-tuc/a/': 'a2' });
    json(join(keys, 'tin-tuc_slug_.changes.json'), { rendered: ['/tin-tuc/a/'], removed: [] });
    put(join(keys, 'release'), 'r1');
  };
  setUp();
  await prepareKeys(keys, 'r1', false);
  expect(existsSync(join(keys, 'tin-tuc_slug_.json'))).toBe(true);
  expect(existsSync(join(keys, 'tin-tuc_slug_.next.json'))).toBe(false);
  expect(existsSync(join(keys, 'tin-tuc_slug_.changes.json'))).toBe(false);
  for (const [live, full] of [['r1', true], ['r0', false], [null, false]] as const) {
    setUp();
    await prepareKeys(keys, live, full);
    expect(existsSync(join(keys, 'tin-tuc_slug_.json')), `${live} ${full}`).toBe(false);
  }
});

test('refuses to complete a build from a live release that lacks a page it should carry over', async () => {
  const root = tempDir();
  const keys = join(root, 'keys');
  json(join(keys, 'tin-tuc_slug_.json'), { '/tin-tuc/a/': 'a1' });
  const staged = await stageFromLive(keys, join(root, 'live'), join(root, 'release'));
  json(join(keys, 'tin-tuc_slug_.next.json'), { '/tin-tuc/a/': 'a1' });
  json(join(keys, 'tin-tuc_slug_.changes.json'), { rendered: [], removed: [] });
  mkdirSync(join(root, 'build'));
  await expect(completeFromStaging(keys, join(root, 'build'), join(root, 'release'), staged)).rejects.toThrow(/tin-tuc\/a\/index.html was not rendered/);
});

test('refuses a build whose record of its changes names a page it did not write', async () => {
  const root = tempDir();
  const keys = join(root, 'keys');
  put(join(root, 'live', 'tin-tuc/a/index.html'), 'a');
  json(join(keys, 'tin-tuc_slug_.json'), { '/tin-tuc/a/': 'a1' });
  await writeAssets(keys, { 'tin-tuc/a/index.html': [] });
  const staged = await stageFromLive(keys, join(root, 'live'), join(root, 'release'));
  json(join(keys, 'tin-tuc_slug_.next.json'), { '/tin-tuc/a/': 'a1', '/tin-tuc/b/': 'b1' });
  json(join(keys, 'tin-tuc_slug_.changes.json'), { rendered: ['/tin-tuc/b/'], removed: [] });
  put(join(root, 'build', 'index.html'), 'home');
  await expect(completeFromStaging(keys, join(root, 'build'), join(root, 'release'), staged)).rejects.toThrow(/tin-tuc\/b\/index.html was rendered but the build did not write it/);
});

test('keeps each distinct list of page assets once, whichever pages share it', async () => {
  const keys = tempDir();
  const chrome = ['Base.css', 'Base.js'];
  const assets = {
    'tin-tuc/a/index.html': chrome,
    'tin-tuc/b/index.html': [...chrome], // the same names in another array
    'tin-tuc/c/index.html': [...chrome, 'c.webp'],
    'gioi-thieu/index.html': [],
  };
  await writeAssets(keys, assets);
  expect(await readAssets(keys)).toEqual(assets);
  expect(JSON.parse(readFileSync(join(keys, 'assets.json'), 'utf8'))).toMatchObject({ names: [...chrome, 'c.webp'], lists: ['0,1', '0,1,2', ''] });
  expect(await readAssets(tempDir())).toEqual({});
});

test('keeps an image a carried page still shows when other pages showing it go or change', async () => {
  const root = tempDir();
  const keys = join(root, 'keys');
  const live = join(root, 'live');
  const build = join(root, 'build');
  const release = join(root, 'release');
  // a and b share the banner (one list); c shows it beside its own cover.
  for (const slug of ['a', 'b', 'c']) put(join(live, `tin-tuc/${slug}/index.html`), slug);
  put(join(live, '_astro/banner.webp'), 'banner');
  put(join(live, '_astro/c.webp'), 'c');
  json(join(keys, 'tin-tuc_slug_.json'), { '/tin-tuc/a/': 'a1', '/tin-tuc/b/': 'b1', '/tin-tuc/c/': 'c1' });
  await writeAssets(keys, { 'tin-tuc/a/index.html': ['banner.webp'], 'tin-tuc/b/index.html': ['banner.webp'], 'tin-tuc/c/index.html': ['banner.webp', 'c.webp'] });
  const staged = await stageFromLive(keys, live, release);
  // a goes, c is rendered again without any image; b, carried over, still shows the banner.
  json(join(keys, 'tin-tuc_slug_.next.json'), { '/tin-tuc/b/': 'b1', '/tin-tuc/c/': 'c2' });
  json(join(keys, 'tin-tuc_slug_.changes.json'), { rendered: ['/tin-tuc/c/'], removed: ['/tin-tuc/a/'] });
  put(join(build, 'tin-tuc/c/index.html'), '<p>c</p>');
  const done = await completeFromStaging(keys, build, release, staged);
  expect(done).toMatchObject({ rendered: 1, carried: 1, removed: ['tin-tuc/a/index.html'] });
  expect(existsSync(join(release, '_astro/banner.webp'))).toBe(true);
  for (const gone of ['_astro/c.webp', 'tin-tuc/a']) expect(existsSync(join(release, gone)), gone).toBe(false);
  expect(done.assets).toEqual({ 'tin-tuc/b/index.html': ['banner.webp'], 'tin-tuc/c/index.html': [] });
});
