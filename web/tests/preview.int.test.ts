// Issue 12, part 1 (preview) and part 4 (unpublished edits stay private). A real Strapi, the real
// preview server (its own astro build) and a real static build of the public site; entries are
// written through the admin's own API (/content-manager/…), as the edit form writes them.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPreviewToken } from '@toasoan/shared/preview-token';
import { startCms, type TestCms } from '../../cms/tests/harness';
import { PREVIEW_HOST, request, SITE_HOST, startNginx } from '../../cms/tests/nginx';
import { closedPort, readPage, removeBuild, runBuild } from './build-helpers';
import { freePort, startPreviewServer, type PreviewServer } from './preview-helpers';

const ARTICLE = 'api::article.article';
const LIVE_BODY = 'Nội dung đã xuất bản cho bạn đọc';
const EDITED_BODY = 'Nội dung sửa đổi chưa xuất bản';
const FIRST_DRAFT = 'Bản nháp chưa từng đăng';

let cms: TestCms;
let preview: PreviewServer;
let adminToken: string;
let published: { documentId: string; slug: string };
let neverPublished: { documentId: string };
let documentDraft: { documentId: string };
let album: { documentId: string };
let siteDir: string | undefined;

const admin = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${cms.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
};

/** The address the admin frames when the editor clicks "Xem trước" (the preview handler's answer). */
const previewUrlOf = async (uid: string, documentId: string, status = 'draft') => {
  const { status: code, json } = await admin('GET', `/content-manager/preview/url/${uid}?documentId=${documentId}&status=${status}`);
  expect(code).toBe(200);
  return json.data.url as string;
};

const open = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, headers: res.headers, html: await res.text() };
};

beforeAll(async () => {
  const previewPort = await freePort();
  cms = await startCms({ env: { STRAPI_PREVIEW_TOKEN: randomBytes(32).toString('hex'), PREVIEW_URL: `http://127.0.0.1:${previewPort}` } });
  const login = await fetch(`${cms.url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: cms.adminEmail, password: cms.adminPassword }),
  });
  adminToken = (await login.json()).data.token;

  // Published, then edited and saved without publishing: the form sends the whole entry.
  const created = await admin('POST', `/content-manager/collection-types/${ARTICLE}`, {
    title: 'Hội nghị tổng kết công tác năm',
    lead: 'Tin đã đăng',
    body: `<p>${LIVE_BODY}</p>`,
  });
  const id = created.json.data.documentId as string;
  await admin('POST', `/content-manager/collection-types/${ARTICLE}/${id}/actions/publish`, {});
  const draft = (await admin('GET', `/content-manager/collection-types/${ARTICLE}/${id}`)).json.data;
  await admin('PUT', `/content-manager/collection-types/${ARTICLE}/${id}`, { ...draft, body: `<p>${EDITED_BODY}</p>` });
  published = { documentId: id, slug: draft.slug };

  neverPublished = (
    await admin('POST', `/content-manager/collection-types/${ARTICLE}`, { title: 'Kế hoạch chưa công bố', body: `<p>${FIRST_DRAFT}</p>` })
  ).json.data;
  documentDraft = (
    await admin('POST', '/content-manager/collection-types/api::document.document', {
      title: 'Hướng dẫn tổ chức đại hội chi bộ',
      number: '15-HD/BTGTU',
      kind: 'huong-dan',
      summary: 'Tóm tắt văn bản nháp',
    })
  ).json.data;
  album = (
    await admin('POST', '/content-manager/collection-types/api::album.album', { name: 'Ngày hội đại đoàn kết', description: 'Ảnh hoạt động' })
  ).json.data;

  preview = await startPreviewServer(previewPort, {
    STRAPI_URL: cms.url,
    STRAPI_TOKEN: cms.buildToken,
    STRAPI_PREVIEW_TOKEN: process.env.STRAPI_PREVIEW_TOKEN!,
    PREVIEW_TOKEN_SECRET: process.env.PREVIEW_TOKEN_SECRET!,
    SITE_URL: 'http://127.0.0.1:4321',
    PUBLIC_CMS_URL: cms.url,
  });
}, 600_000);

afterAll(async () => {
  await preview?.stop();
  if (siteDir) await removeBuild(siteDir);
  await cms?.destroy();
});

describe('the preview endpoint', () => {
  it('answers 401 without a token, with a forged one and with an expired one', async () => {
    const secret = process.env.PREVIEW_TOKEN_SECRET!;
    const claims = { kind: 'article', documentId: neverPublished.documentId, status: 'draft' } as const;
    const tokens = [
      undefined,
      createPreviewToken(claims, 'not-the-secret'),
      createPreviewToken(claims, secret, { now: Date.now() - 3_600_000 }),
    ];
    for (const token of tokens) {
      const res = await open(`${preview.url}/xem-truoc/${token ? `?token=${encodeURIComponent(token)}` : ''}`);
      expect(res.status).toBe(401);
      expect(res.html).toContain('Liên kết xem trước không hợp lệ hoặc đã hết hạn');
      expect(res.html).not.toContain(FIRST_DRAFT);
    }
  });

  it('shows a never-published draft with the site layout, the banner, noindex and no-store', async () => {
    const url = await previewUrlOf(ARTICLE, neverPublished.documentId);
    expect(url.startsWith(`${preview.url}/xem-truoc/?token=`)).toBe(true);
    const res = await open(url);
    expect(res.status).toBe(200);
    expect(res.html).toContain(FIRST_DRAFT);
    expect(res.html).toContain('Kế hoạch chưa công bố');
    expect(res.html).toContain('Bản xem trước — chưa xuất bản');
    // The live page's own layout: the header, the main menu and the article markup.
    expect(res.html).toContain('aria-label="Điều hướng chính"');
    expect(res.html).toMatch(/<article class="section" data-article-id="/);
    expect(res.html).toMatch(/<meta name="robots" content="noindex/);
    expect(res.headers.get('x-robots-tag')).toContain('noindex');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const csp = res.headers.get('content-security-policy');
    expect(csp).toContain(`frame-ancestors 'self' ${cms.url}`);
    // Its scripts cannot reach the CMS: a preview counts no view, sends no rating or comment.
    expect(csp).toContain("connect-src 'self'");
    expect(res.html).toContain(`data-cms="${cms.url}"`);
  });

  it('shows the unpublished changes of a published article, and its live version on the published tab', async () => {
    const draft = await open((await previewUrlOf(ARTICLE, published.documentId)));
    expect(draft.status).toBe(200);
    expect(draft.html).toContain(EDITED_BODY);
    expect(draft.html).not.toContain(LIVE_BODY);
    const live = await open((await previewUrlOf(ARTICLE, published.documentId, 'published')));
    expect(live.html).toContain(LIVE_BODY);
    expect(live.html).not.toContain(EDITED_BODY);
  });

  it('previews documents and albums too', async () => {
    const doc = await open((await previewUrlOf('api::document.document', documentDraft.documentId)));
    expect(doc.status).toBe(200);
    expect(doc.html).toContain('15-HD/BTGTU');
    expect(doc.html).toContain('Tóm tắt văn bản nháp');
    expect(doc.html).toContain('Bản xem trước — chưa xuất bản');
    const albumPage = await open((await previewUrlOf('api::album.album', album.documentId)));
    expect(albumPage.status).toBe(200);
    expect(albumPage.html).toContain('Ngày hội đại đoàn kết');
    expect(albumPage.html).toContain('Bản xem trước — chưa xuất bản');
  });

  it("gives a Tác giả an address for their own drafts only", async () => {
    const role = await cms.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-author' } });
    const author = { email: 'tacgia@toasoan.test', password: `Aa1-${randomBytes(8).toString('hex')}` };
    await cms.strapi.service('admin::user').create({ ...author, firstname: 'Tác', lastname: 'Giả', roles: [role.id], isActive: true });
    const login = await fetch(`${cms.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(author),
    });
    const token = (await login.json()).data.token as string;
    const ask = (path: string, init: RequestInit = {}) =>
      fetch(`${cms.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
    const own = await (await ask(`/content-manager/collection-types/${ARTICLE}`, { method: 'POST', body: JSON.stringify({ title: 'Bài của tác giả' }) })).json();
    const ownUrl = await ask(`/content-manager/preview/url/${ARTICLE}?documentId=${own.data.documentId}&status=draft`);
    expect(ownUrl.status).toBe(200);
    expect((await ownUrl.json()).data.url).toContain('/xem-truoc/?token=');
    const others = await ask(`/content-manager/preview/url/${ARTICLE}?documentId=${neverPublished.documentId}&status=draft`);
    expect(others.status).toBe(204);
  });

  it('says so in Vietnamese, with a 502, when the CMS cannot be reached', async () => {
    const port = await freePort();
    const offline = await startPreviewServer(port, {
      STRAPI_URL: `http://127.0.0.1:${await closedPort()}`,
      STRAPI_TOKEN: cms.buildToken,
      STRAPI_PREVIEW_TOKEN: process.env.STRAPI_PREVIEW_TOKEN!,
      PREVIEW_TOKEN_SECRET: process.env.PREVIEW_TOKEN_SECRET!,
      SITE_URL: 'http://127.0.0.1:4321',
      PUBLIC_CMS_URL: cms.url,
    });
    try {
      const address = new URL(await previewUrlOf(ARTICLE, neverPublished.documentId));
      const res = await open(`${offline.url}${address.pathname}${address.search}`);
      expect(res.status).toBe(502);
      expect(res.html).toContain('Không đọc được bản nháp từ hệ thống quản trị');
      expect(res.headers.get('cache-control')).toBe('no-store');
    } finally {
      await offline.stop();
    }
  });

  it('gives no address for types that have no page', async () => {
    const { status } = await admin('GET', `/content-manager/preview/url/api::tag.tag?documentId=abc&status=draft`);
    expect(status).toBe(204);
  });
});

describe('behind the shipped nginx configuration', () => {
  it('serves the preview at its own host name with its protections, and never at the public site', async () => {
    // The public site's root holds no preview page: what matters is that nginx routes none there.
    const siteRoot = await mkdtemp(path.join(tmpdir(), 'toasoan-site-'));
    const nginx = await startNginx({ siteRoot, cmsUrls: [cms.url], previewUrl: preview.url });
    try {
      const address = new URL(await previewUrlOf(ARTICLE, neverPublished.documentId));
      const at = (host: string, pathname: string) => request({ port: nginx.port, host, path: pathname });
      const shown = await at(PREVIEW_HOST, `${address.pathname}${address.search}`);
      expect(shown.status).toBe(200);
      expect(Buffer.from(shown.body, 'latin1').toString('utf8')).toContain(FIRST_DRAFT);
      expect(shown.headers['x-robots-tag']).toContain('noindex');
      expect(shown.headers['cache-control']).toBe('no-store');
      expect(shown.headers['content-security-policy']).toContain(`frame-ancestors 'self' ${cms.url}`);
      expect((await at(PREVIEW_HOST, '/xem-truoc/')).status).toBe(401);
      // The same valid address on the public site's host name: not proxied, so not found.
      expect((await at(SITE_HOST, `${address.pathname}${address.search}`)).status).toBe(404);
    } finally {
      await nginx.stop();
      await rm(siteRoot, { recursive: true, force: true });
    }
  });
});

describe('drafts stay private', () => {
  it('the build token reads published content only; the preview token reads drafts', async () => {
    const query = `query ($id: ID!) { article(documentId: $id, status: DRAFT) { title body } }`;
    const ask = async (token: string) => {
      const res = await fetch(`${cms.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables: { id: published.documentId } }),
      });
      return (await res.json()).data.article as { body: string };
    };
    expect((await ask(cms.buildToken)).body).toContain(LIVE_BODY);
    expect((await ask(process.env.STRAPI_PREVIEW_TOKEN!)).body).toContain(EDITED_BODY);
  });

  it('the built site shows the published text and never a draft, nor any preview page', async () => {
    const build = await runBuild({ STRAPI_URL: cms.url, STRAPI_TOKEN: cms.buildToken, SITE_URL: 'http://127.0.0.1:4321', PUBLIC_CMS_URL: cms.url });
    siteDir = build.outDir;
    expect(build.code, build.output).toBe(0);
    const page = await readPage(build.outDir, `/tin-tuc/${published.slug}/`);
    expect(page).toContain(LIVE_BODY);
    expect(page).not.toContain(EDITED_BODY);
    expect(page).not.toContain('Bản xem trước');
    await expect(readPage(build.outDir, '/xem-truoc/')).rejects.toThrow(/ENOENT/);
    const news = await readPage(build.outDir, '/tin-tuc/');
    expect(news).not.toContain('Kế hoạch chưa công bố');
  });

  // What the admin's "Bỏ các thay đổi" (Discard changes) button sends: the draft becomes the live version again.
  it('discarding the changes brings the live version back into the edit form', async () => {
    const { documentId } = (
      await admin('POST', `/content-manager/collection-types/${ARTICLE}`, { title: 'Tin để hủy thay đổi', body: `<p>${LIVE_BODY}</p>` })
    ).json.data;
    await admin('POST', `/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish`, {});
    const draft = (await admin('GET', `/content-manager/collection-types/${ARTICLE}/${documentId}`)).json.data;
    await admin('PUT', `/content-manager/collection-types/${ARTICLE}/${documentId}`, { ...draft, body: `<p>${EDITED_BODY}</p>` });
    const edited = await admin('GET', `/content-manager/collection-types/${ARTICLE}/${documentId}`);
    expect(edited.json.data.body).toContain(EDITED_BODY);
    expect(edited.json.data.status).toBe('modified');

    await admin('POST', `/content-manager/collection-types/${ARTICLE}/${documentId}/actions/discard`, {});
    const restored = await admin('GET', `/content-manager/collection-types/${ARTICLE}/${documentId}`);
    expect(restored.json.data.body).toContain(LIVE_BODY);
    expect(restored.json.data.body).not.toContain(EDITED_BODY);
    expect(restored.json.data.status).toBe('published');
  });
});
