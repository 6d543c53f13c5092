// The shipped nginx site (deploy/nginx) in front of a real Strapi with IS_PROXIED=true, on
// loopback. Readers are told apart by their own address: each request leaves from its own
// source address in 127.0.0.0/8, so nginx's $remote_addr differs as it would on the Internet.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNginx } from '../../deploy/nginx/render.mjs';
import { articleViews } from './api-client';
import { startCms, type TestCms } from './harness';
import { address, CMS_HOST, json, request, SITE_HOST, startNginx, type Nginx, type RequestOptions } from './nginx';
import { inOneSlot } from './slot';

const COMMENTS_PER_10_MINUTES = 3;
const BUILD_SECRET = 'lỗi dựng trang: 20 dòng nhật ký';

let cms: TestCms;
let nginx: Nginx;
let siteRoot: string;
let articleId: string;

const viaNginx = (options: Omit<RequestOptions, 'port'>) => request({ port: nginx.port, ...options });
const view = (from: string, headers: Record<string, string> = {}) =>
  viaNginx({ host: CMS_HOST, method: 'POST', path: `/api/engagement/articles/${articleId}/view`, from, headers });
const comment = (from: string, n: number) =>
  viaNginx({ host: CMS_HOST, method: 'POST', path: `/api/engagement/articles/${articleId}/comments`, from, body: { name: 'Bạn đọc', text: `Ý kiến số ${n} từ ${from}` } });
const views = () => articleViews(cms, articleId);

beforeAll(async () => {
  cms = await startCms({ env: { IS_PROXIED: 'true', ENGAGEMENT_COMMENTS_PER_10_MINUTES: String(COMMENTS_PER_10_MINUTES) } });
  articleId = (await cms.strapi.documents('api::article.article').create({ data: { title: 'Đọc qua nginx' }, status: 'published' })).documentId;
  // A small release as the rebuild service leaves it; the build status file must never be served.
  siteRoot = await mkdtemp(path.join(tmpdir(), 'toasoan-release-'));
  await mkdir(path.join(siteRoot, '_astro'));
  await mkdir(path.join(siteRoot, 'status'));
  await writeFile(path.join(siteRoot, 'index.html'), `<!doctype html><html lang="vi"><title>Trang chủ</title><main>${'<p>Tin tức địa phương.</p>'.repeat(200)}</main></html>`);
  await writeFile(path.join(siteRoot, '404.html'), '<!doctype html><html lang="vi"><title>Không tìm thấy</title><p>Không tìm thấy trang</p></html>');
  await writeFile(path.join(siteRoot, '_astro', 'engagement.B3x9Kq2L.js'), `export const x = ${JSON.stringify('a'.repeat(4000))};`);
  await writeFile(path.join(siteRoot, 'status', 'index.html'), BUILD_SECRET);
  await writeFile(path.join(siteRoot, 'webhook'), BUILD_SECRET);
  nginx = await startNginx({ siteRoot, cmsUrls: [cms.url] });
});

afterAll(async () => {
  await nginx?.stop();
  await cms?.destroy();
  if (siteRoot) await rm(siteRoot, { recursive: true, force: true });
});

describe('readers through nginx', () => {
  it('counts 1,000 concurrent readers from 1,000 addresses exactly, none refused', async () => {
    const before = await views();
    const replies = await Promise.all(Array.from({ length: 1000 }, (_, n) => view(address(2, n))));
    expect(replies.filter((r) => r.status !== 200).map((r) => r.status), await nginx.errors()).toEqual([]);
    expect(replies.filter((r) => json(r).data.counted).length).toBe(1000);
    expect(await views()).toBe(before + 1000);
  });

  it('counts one reader reloading once', () =>
    inOneSlot(async () => {
      const before = await views();
      const replies = [];
      for (let n = 0; n < 10; n += 1) replies.push(await view(address(3)));
      expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
      expect(replies.map((r) => json(r).data.counted)).toEqual([true, ...Array(9).fill(false)]);
      expect(await views()).toBe(before + 1);
    }));

  it('limits one reader posting comments, not five readers', async () => {
    const one = [];
    for (let n = 1; n <= COMMENTS_PER_10_MINUTES + 1; n += 1) one.push((await comment(address(4), n)).status);
    expect(one).toEqual([...Array(COMMENTS_PER_10_MINUTES).fill(202), 429]);

    const five = await Promise.all(
      Array.from({ length: 5 }, async (_, reader) => {
        const statuses = [];
        for (let n = 1; n <= COMMENTS_PER_10_MINUTES; n += 1) statuses.push((await comment(address(5, reader), n)).status);
        return statuses;
      }),
    );
    expect(five).toEqual(Array(5).fill(Array(COMMENTS_PER_10_MINUTES).fill(202)));
  });

  it('ignores an X-Forwarded-For a reader writes: nginx passes on the address it saw', async () => {
    await inOneSlot(async () => {
      const before = await views();
      for (let n = 0; n < 5; n += 1) {
        const reply = await view(address(6), { 'x-forwarded-for': `203.0.113.${n + 1}` });
        expect(reply.status).toBe(200);
      }
      expect(await views()).toBe(before + 1);
    });
    // Its comments count against its own address however it varies the header.
    const statuses = [];
    for (let n = 1; n <= COMMENTS_PER_10_MINUTES + 1; n += 1) {
      const reply = await viaNginx({
        host: CMS_HOST,
        method: 'POST',
        path: `/api/engagement/articles/${articleId}/comments`,
        from: address(6),
        headers: { 'x-forwarded-for': `198.51.100.${n}` },
        body: { name: 'Bạn đọc', text: `Ý kiến giả địa chỉ ${n}` },
      });
      statuses.push(reply.status);
    }
    expect(statuses).toEqual([...Array(COMMENTS_PER_10_MINUTES).fill(202), 429]);
  });

  it('never uses the left-most X-Forwarded-For sent straight to a proxied CMS', async () => {
    const port = Number(new URL(cms.url).port);
    const direct = (forged: string) =>
      request({ port, host: '127.0.0.1', method: 'POST', path: `/api/engagement/articles/${articleId}/view`, headers: { 'x-forwarded-for': `${forged}, 127.7.0.1` } });
    await inOneSlot(async () => {
      const before = await views();
      const replies = [];
      for (let n = 1; n <= 5; n += 1) replies.push(await direct(`192.0.2.${n}`));
      expect(replies.map((r) => json(r).data.counted)).toEqual([true, false, false, false, false]);
      expect(await views()).toBe(before + 1);
    });
  });
});

describe('the public site from disk', () => {
  it('serves HTML compressed, with security headers and a short cache', async () => {
    for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
      const reply = await viaNginx({ host: SITE_HOST, path: '/', headers: { 'accept-encoding': encoding } });
      expect(reply.status).toBe(200);
      expect(reply.headers['content-encoding']).toBe(encoding);
      expect(decode(Buffer.from(reply.body, 'latin1')).toString('utf8')).toContain('Tin tức địa phương.');
    }
    const plain = await viaNginx({ host: SITE_HOST, path: '/' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1000);
    expect(plain.headers['cache-control']).toBe('public, max-age=60, must-revalidate');
    expect(plain.headers['x-content-type-options']).toBe('nosniff');
    expect(plain.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(plain.headers['permissions-policy']).toContain('camera=()');
    const csp = String(plain.headers['content-security-policy']);
    const origin = `http://${CMS_HOST}:${nginx.port}`;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).not.toContain('unsafe-inline');
    for (const directive of ['connect-src', 'img-src', 'frame-src']) expect(csp).toMatch(new RegExp(`${directive} [^;]*${origin}`));
    // The PDF preview is a frame: no page embeds plugins.
    expect(csp).toContain("object-src 'none';");
  });

  it('caches hashed assets for a year, immutable', async () => {
    const reply = await viaNginx({ host: SITE_HOST, path: '/_astro/engagement.B3x9Kq2L.js', headers: { 'accept-encoding': 'gzip' } });
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(reply.headers['content-encoding']).toBe('gzip');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('does not expose the rebuild service or its build output', async () => {
    for (const [method, urlPath] of [['GET', '/status'], ['GET', '/status/'], ['GET', '/health'], ['POST', '/webhook']]) {
      const site = await viaNginx({ host: SITE_HOST, method, path: urlPath, headers: { authorization: 'Bearer x' } });
      expect(site.status, `${method} ${urlPath} on the site`).toBe(404);
      expect(site.body).not.toContain('nhật ký');
      // The CMS's host reaches only Strapi, which has no such routes.
      const onCms = await viaNginx({ host: CMS_HOST, method, path: urlPath, headers: { authorization: 'Bearer x' } });
      expect([404, 405], `${method} ${urlPath} on the CMS`).toContain(onCms.status);
    }
  });

  it('proxies the CMS API and admin but not GraphQL', async () => {
    const api = await viaNginx({ host: CMS_HOST, path: `/api/articles/${articleId}` });
    expect(api.status).toBe(200);
    expect(json(api).data.title).toBe('Đọc qua nginx');
    const graphql = await viaNginx({ host: CMS_HOST, method: 'POST', path: '/graphql', body: { query: '{ articles { title } }' } });
    expect(graphql.status).toBe(404);
    // The CMS itself still answers GraphQL at its internal address, where builds read.
    const internal = await fetch(`${cms.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ articles { title } }' }) });
    expect(internal.status).toBe(200);
  });
});

describe('rendering the nginx site', () => {
  const env = { SITE_URL: 'https://www.example.gov.vn', PUBLIC_CMS_URL: 'https://cms.example.gov.vn' };

  it('fills every placeholder with the server layout defaults', () => {
    const site = renderNginx(env);
    expect(site).not.toMatch(/\{\{/);
    expect(site).toContain('server_name www.example.gov.vn;');
    expect(site).toContain('server_name cms.example.gov.vn;');
    expect(site).toContain('root /srv/toasoan/web/.publisher/live;');
    expect(site).toContain('server 127.0.0.1:1337;');
    expect(site).toContain('connect-src \'self\' https://cms.example.gov.vn;');
    expect(site).toContain('frame-src https://cms.example.gov.vn https://www.youtube.com ');
  });

  it('refuses settings it cannot serve, naming the variable', () => {
    expect(() => renderNginx({ SITE_URL: env.SITE_URL })).toThrow(/PUBLIC_CMS_URL is not set/);
    expect(() => renderNginx({ ...env, PUBLIC_CMS_URL: 'https://www.example.gov.vn/cms' })).toThrow(/PUBLIC_CMS_URL must be an origin/);
    expect(() => renderNginx({ ...env, PUBLIC_CMS_URL: 'http://www.example.gov.vn:1337' })).toThrow(/different host names/);
    expect(() => renderNginx({ ...env, UPLOAD_SIZE_LIMIT_MB: 'lots' })).toThrow(/UPLOAD_SIZE_LIMIT_MB/);
  });
});
