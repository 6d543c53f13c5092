import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { codeVersion, repairIncrementalCache, unchangedOutputs } from './cache.ts';

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'publisher-cache-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function file(path: string, text: string, mtimeMs: number) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  utimesSync(path, mtimeMs / 1000, mtimeMs / 1000);
}

describe('Astro incremental cache after a failed build', () => {
  const start = Date.UTC(2026, 10, 26, 12);

  test('page copies written by an unfinished build are dropped; older copies stay', async () => {
    const cache = tempDir();
    // The previous build finished just before this one started.
    file(join(cache, 'incremental-build.json'), '{}', start - 500);
    file(join(cache, 'dist/tin-tuc/cu/index.html'), 'old', start - 60_000);
    file(join(cache, 'dist/tin-tuc/moi/index.html'), 'half', start + 1_000);
    expect(await repairIncrementalCache(cache, start)).toBe(1);
    expect(existsSync(join(cache, 'dist/tin-tuc/cu/index.html'))).toBe(true);
    expect(existsSync(join(cache, 'dist/tin-tuc/moi/index.html'))).toBe(false);
  });

  test('a manifest the failed build wrote itself matches its copies: nothing is dropped', async () => {
    const cache = tempDir();
    file(join(cache, 'dist/tin-tuc/moi/index.html'), 'new', start + 1_000);
    file(join(cache, 'incremental-build.json'), '{}', start + 2_000);
    expect(await repairIncrementalCache(cache, start)).toBe(0);
    expect(existsSync(join(cache, 'dist/tin-tuc/moi/index.html'))).toBe(true);
  });
});

describe('code version', () => {
  test('changes with a code file or a listed variable, not with caches, output or unlisted variables', async () => {
    const root = tempDir();
    file(join(root, 'web/src/pages/index.astro'), '<h1>A</h1>', start());
    file(join(root, 'web/node_modules/x/index.js'), '1', start());
    const paths = [join(root, 'web'), join(root, 'pnpm-lock.yaml')];
    const base = await codeVersion(paths, { SITE_URL: 'https://a' }, ['SITE_URL']);
    file(join(root, 'web/node_modules/x/index.js'), '2', start());
    file(join(root, 'web/.cache/astro/data-store.json'), '{}', start());
    file(join(root, 'web/.publisher/releases/x/index.html'), 'x', start());
    expect(await codeVersion(paths, { SITE_URL: 'https://a', OTHER: '1' }, ['SITE_URL'])).toBe(base);
    expect(await codeVersion(paths, { SITE_URL: 'https://b' }, ['SITE_URL'])).not.toBe(base);
    file(join(root, 'web/src/pages/index.astro'), '<h1>B</h1>', start());
    expect(await codeVersion(paths, { SITE_URL: 'https://a' }, ['SITE_URL'])).not.toBe(base);
    file(join(root, 'web/src/pages/index.astro'), '<h1>A</h1>', start());
    file(join(root, 'pnpm-lock.yaml'), 'lock', start());
    expect(await codeVersion(paths, { SITE_URL: 'https://a' }, ['SITE_URL'])).not.toBe(base);
  });

  function start() {
    return Date.now();
  }
});

describe('pages proven unchanged by Astro\'s manifests', () => {
  const manifest = (pages: Record<string, string>, dependencyHash = 'd1', configHash = 'c1') =>
    JSON.stringify({
      version: 1,
      configHash,
      lockfileHash: 'l1',
      routes: {
        'src/pages/tin-tuc/[slug].astro': {
          dependencyHash,
          paths: Object.fromEntries(Object.entries(pages).map(([slug, key]) => [`/tin-tuc/${slug}/`, { cacheKey: key, outputFile: `tin-tuc/${slug}/index.html` }])),
        },
      },
    });

  test('same route code, same cacheKey: proven; another key, a new page, other code or config: not', () => {
    const live = manifest({ a: 'a1', b: 'b1' });
    expect([...unchangedOutputs(live, manifest({ a: 'a1', b: 'b2', c: 'c1' }))]).toEqual(['tin-tuc/a/index.html']);
    expect(unchangedOutputs(live, manifest({ a: 'a1' }, 'd2')).size).toBe(0);
    expect(unchangedOutputs(live, manifest({ a: 'a1' }, 'd1', 'c2')).size).toBe(0);
    expect(unchangedOutputs(null, manifest({ a: 'a1' })).size).toBe(0);
    expect(unchangedOutputs('not json', manifest({ a: 'a1' })).size).toBe(0);
  });
});
