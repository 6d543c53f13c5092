import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { codeVersion } from './cache.ts';

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

describe('code version', () => {
  test('changes with a code file or a listed variable, not with caches, output or unlisted variables', async () => {
    const root = tempDir();
    file(join(root, 'web/src/pages/index.astro'), '<h1>A</h1>', start());
    file(join(root, 'web/node_modules/x/index.js'), '1', start());
    const paths = [join(root, 'web'), join(root, 'pnpm-lock.yaml')];
    const base = await codeVersion(paths, { SITE_URL: 'https://a' }, ['SITE_URL']);
    file(join(root, 'web/node_modules/x/index.js'), '2', start());
    file(join(root, 'web/.cache/astro/data-store/manifest.json'), '{}', start());
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
