// Old addresses, end to end: redirects kept in the CMS → the release's redirect map from a real
// astro build → the rebuild service's redirect answerer → the shipped nginx configuration.
import { mkdir, mkdtemp, readFile, rename, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIRECTS_FILE, redirectMapSchema } from '@toasoan/shared/redirects';
import { createFullAccessToken, rest } from '../../cms/tests/api-client';
import { startCms, type TestCms } from '../../cms/tests/harness';
import { freePort, request, SITE_HOST, startNginx, type Nginx } from '../../cms/tests/nginx';
import { loadConfig } from '../../publisher/config.ts';
import { newReleaseId } from '../../publisher/releases.ts';
import { startPublisher, type Publisher } from '../../publisher/server.ts';
import { removeBuild, runBuild, WEB_DIR, type BuildResult } from './build-helpers';

let cms: TestCms;
let build: BuildResult;
let workDir: string;
let publisher: Publisher;
let nginx: Nginx;
let articlePath: string;

const get = (urlPath: string) => request({ port: nginx.port, host: SITE_HOST, path: urlPath });
const text = (body: string) => Buffer.from(body, 'latin1').toString('utf8');

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'toasoan-redirects-'));
  const port = await freePort();
  cms = await startCms({ seed: true });
  const token = await createFullAccessToken(cms);
  const article = await cms.strapi.documents('api::article.article').findFirst({ status: 'published', sort: 'date:desc' });
  articlePath = `/tin-tuc/${article!.slug}/`;
  // As an editor or the NukeViet import would: the old site's full address, and a bare old path.
  for (const data of [
    { from: 'https://old.example.gov.vn/vi/tin-tuc/thoi-su/bai-cu-12.html', to: articlePath },
    { from: '/vi/van-ban/', to: '/van-ban/' },
  ]) {
    const res = await rest(cms, 'POST', '/api/redirects', { token, body: { data } });
    if (res.status !== 201) throw new Error(`redirect not created: ${JSON.stringify(res.body)}`);
  }
  build = await runBuild({ STRAPI_URL: cms.url, STRAPI_TOKEN: cms.buildToken, SITE_URL: `http://${SITE_HOST}:${port}`, PUBLIC_CMS_URL: cms.url, TZ: 'UTC' });
  if (build.code !== 0) throw new Error(`astro build failed:\n${build.output.slice(-4000)}`);

  // The build becomes the live release, as the rebuild service makes it; the service then answers
  // nginx's misses from it.
  const releasesDir = path.join(workDir, 'releases');
  await mkdir(releasesDir);
  const id = newReleaseId();
  await rename(build.outDir, path.join(releasesDir, id));
  await symlink(path.join('releases', id), path.join(workDir, 'live'));
  publisher = await startPublisher(
    loadConfig(
      {
        REBUILD_WEBHOOK_SECRET: 'redirects-test-secret',
        PUBLISHER_CONTROL_PORT: '0',
        PUBLISHER_REDIRECT_PORT: '0',
        PUBLISHER_RELEASES_DIR: releasesDir,
        PUBLISHER_BUILD_ON_START: 'never',
      },
      WEB_DIR,
    ),
    { log: () => {} },
  );
  nginx = await startNginx({ siteRoot: path.join(workDir, 'live'), cmsUrls: [cms.url], port, redirectsUrl: publisher.redirectsUrl! });
}, 900_000);

afterAll(async () => {
  await nginx?.stop();
  await publisher?.close();
  if (build?.outDir) await removeBuild(build.outDir);
  if (workDir) await rm(workDir, { recursive: true, force: true });
  await cms?.destroy();
});

describe('the release redirect map', () => {
  it('holds the CMS redirects as old path → new path', async () => {
    const map = redirectMapSchema.parse(JSON.parse(await readFile(path.join(workDir, 'live', REDIRECTS_FILE), 'utf8')));
    expect(map['/vi/tin-tuc/thoi-su/bai-cu-12.html']).toBe(articlePath);
    expect(map['/vi/van-ban/']).toBe('/van-ban/');
    expect(Object.keys(map).every((from) => from.startsWith('/'))).toBe(true);
  });

  it('is not a page: the sitemap does not list it', async () => {
    const sitemap = await readFile(path.join(workDir, 'live', 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(articlePath);
    expect(sitemap).not.toContain(REDIRECTS_FILE);
  });
});

describe('old addresses behind the shipped nginx configuration', () => {
  it('answer 301 to the new page, with and without ".html", the query kept', async () => {
    for (const old of ['/vi/tin-tuc/thoi-su/bai-cu-12.html', '/vi/tin-tuc/thoi-su/bai-cu-12']) {
      const moved = await get(`${old}?utm_source=zalo`);
      expect(moved.status, old).toBe(301);
      expect(moved.headers.location, old).toBe(`${articlePath}?utm_source=zalo`);
    }
    expect((await get('/vi/van-ban')).headers.location).toBe('/van-ban/');
    const target = await get(articlePath);
    expect(target.status).toBe(200);
  });

  it('answer an unknown address with the site 404 page', async () => {
    const missing = await get('/vi/tin-tuc/thoi-su/khong-co-99.html');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^text\/html/);
    expect(text(missing.body)).toBe(await readFile(path.join(workDir, 'live', '404.html'), 'utf8'));
  });

  it('do not serve the map itself', async () => {
    const map = await get(`/${REDIRECTS_FILE}`);
    expect(map.status).toBe(404);
    expect(text(map.body)).not.toContain('bai-cu-12');
  });
});
