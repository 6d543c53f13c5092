import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCms, type TestCms } from '../../cms/tests/harness';
import { removeBuild, runBuild } from './build-helpers';

// A CMS that answers but has nothing published: a build must refuse, unless asked for explicitly.
let cms: TestCms;
beforeAll(async () => {
  cms = await startCms();
}, 300_000);
afterAll(async () => {
  await cms?.destroy();
});

it('refuses to build a site without articles', async () => {
  const result = await runBuild({ STRAPI_URL: cms.url, STRAPI_TOKEN: cms.buildToken, TZ: 'UTC' }, 300_000);
  try {
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('has no published articles; refusing to build an empty site');
    expect(existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
  } finally {
    await removeBuild(result.outDir);
  }
}, 300_000);

it('builds an empty site when ALLOW_EMPTY_SITE=1', async () => {
  const result = await runBuild({ STRAPI_URL: cms.url, STRAPI_TOKEN: cms.buildToken, TZ: 'UTC', ALLOW_EMPTY_SITE: '1' }, 300_000);
  try {
    expect(result.code, result.output.slice(-3000)).toBe(0);
    expect(existsSync(path.join(result.outDir, 'index.html'))).toBe(true);
    expect(existsSync(path.join(result.outDir, '404.html'))).toBe(true);
    expect(existsSync(path.join(result.outDir, 'pagefind', 'pagefind.js'))).toBe(true);
  } finally {
    await removeBuild(result.outDir);
  }
}, 300_000);
