// Publishing end to end: a real Strapi sends its webhooks to the real rebuild service, which runs
// the real `astro build` and serves the result. Everything is asserted as a visitor would see it.
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from '../../cms/tests/harness';
import { freePort } from '../../cms/tests/nginx';
import type { Publisher } from '../../publisher/server.ts';
import { startTestPublisher, WEB_DIR } from './publisher-harness';

const SECRET = 'publish-test-secret-0123456789';

let cms: TestCms;
let publisher: Publisher;
let workDir: string;

const until = async <T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 240_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

const page = async (pathname: string) => {
  const res = await fetch(`${publisher.siteUrl}${pathname}`);
  return { status: res.status, html: await res.text() };
};

const status = () => publisher.status();

const waitForBuildAfter = async (count: number) =>
  until('a finished build', async () => {
    const now = status();
    return now.buildCount > count && !now.building && now.queued === 0 && now;
  });

const searchIndexUrls = async () => {
  const live = path.join(workDir, 'live');
  const fragments = path.join(live, 'pagefind', 'fragment');
  const urls: string[] = [];
  for (const file of await readdir(fragments)) {
    const raw = await readFile(path.join(fragments, file));
    const text = gunzipSync(raw).toString('utf8');
    const json = JSON.parse(text.slice(text.indexOf('{')));
    urls.push(json.url);
  }
  return urls;
};

const articles = () => cms.strapi.documents('api::article.article');

const publishArticle = async (title: string) => {
  const category = await cms.strapi.documents('api::category.category').findFirst({});
  const draft = await articles().create({
    data: { title, lead: `Tóm tắt: ${title}`, body: `Nội dung của bài "${title}".`, category: category!.documentId },
  });
  await articles().publish({ documentId: draft.documentId });
  return draft as unknown as { documentId: string; slug: string };
};

beforeAll(async () => {
  // Under web/: astro keeps its prerender scratch folder beside an outDir inside the project, so
  // builds running in parallel test files do not share one.
  await mkdir(path.join(WEB_DIR, '.cache'), { recursive: true });
  workDir = await mkdtemp(path.join(WEB_DIR, '.cache', 'test-publish-'));
  const port = await freePort();
  cms = await startCms({
    seed: true,
    env: { REBUILD_WEBHOOK_URL: `http://127.0.0.1:${port}/webhook`, REBUILD_WEBHOOK_SECRET: SECRET },
  });
  publisher = await startTestPublisher(cms, { port, secret: SECRET, workDir });
  await waitForBuildAfter(0);
  expect(status().lastError).toBeNull();
}, 400_000);

afterAll(async () => {
  await publisher?.close();
  await cms?.destroy();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('publishing', () => {
  it('serves a newly published article, lists it, and indexes it for search', async () => {
    const before = status().buildCount;
    const article = await publishArticle('Hội nghị tổng kết công tác tuyên giáo năm 2026');
    await waitForBuildAfter(before);

    const articlePage = await page(`/tin-tuc/${article.slug}/`);
    expect(articlePage.status).toBe(200);
    expect(articlePage.html).toContain('Hội nghị tổng kết công tác tuyên giáo năm 2026');
    expect((await page('/tin-tuc/')).html).toContain(`/tin-tuc/${article.slug}/`);
    expect((await page('/rss.xml')).html).toContain(`/tin-tuc/${article.slug}/`);
    expect(await searchIndexUrls()).toContain(`/tin-tuc/${article.slug}/`);
  });

  it('takes an unpublished article off the site, its lists, search and RSS', async () => {
    const article = await publishArticle('Bài sẽ bị gỡ xuống');
    await until('the article to be live', async () => (await page(`/tin-tuc/${article.slug}/`)).status === 200);

    const before = status().buildCount;
    await articles().unpublish({ documentId: article.documentId });
    await waitForBuildAfter(before);

    const gone = await page(`/tin-tuc/${article.slug}/`);
    expect(gone.status).toBe(404);
    expect(gone.html).toContain('<html lang="vi"');
    expect((await page('/tin-tuc/')).html).not.toContain(`/tin-tuc/${article.slug}/`);
    expect((await page('/rss.xml')).html).not.toContain(`/tin-tuc/${article.slug}/`);
    expect(await searchIndexUrls()).not.toContain(`/tin-tuc/${article.slug}/`);
  });

  it('takes a deleted article off the site', async () => {
    const article = await publishArticle('Bài sẽ bị xóa');
    await until('the article to be live', async () => (await page(`/tin-tuc/${article.slug}/`)).status === 200);

    const before = status().buildCount;
    await articles().delete({ documentId: article.documentId });
    await waitForBuildAfter(before);

    expect((await page(`/tin-tuc/${article.slug}/`)).status).toBe(404);
    expect((await page('/tin-tuc/')).html).not.toContain(`/tin-tuc/${article.slug}/`);
  });

  it('does not rebuild for a draft save', async () => {
    await until('an idle service', async () => !status().building && status().queued === 0);
    const before = status().buildCount;
    await articles().create({ data: { title: 'Chỉ là bản nháp' } });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(status().buildCount).toBe(before);
    expect(status().queued).toBe(0);
  });

  it('coalesces 50 publishes within 2 seconds into at most 2 builds and serves all 50', async () => {
    await until('an idle service', async () => !status().building && status().queued === 0);
    const before = status().buildCount;
    const started = Date.now();
    const published: { slug: string }[] = [];
    for (let batch = 0; batch < 5; batch += 1) {
      const titles = Array.from({ length: 10 }, (_, i) => `Tin nhanh số ${batch * 10 + i + 1} trong đợt đăng dồn dập`);
      published.push(...(await Promise.all(titles.map(publishArticle))));
    }
    expect(Date.now() - started).toBeLessThan(2000);

    await until('all 50 articles to be live', async () => {
      if (status().building || status().queued > 0) return false;
      const pages = await Promise.all(published.map((a) => page(`/tin-tuc/${a.slug}/`)));
      return pages.every((p) => p.status === 200);
    });
    expect(status().buildCount - before).toBeLessThanOrEqual(2);
  });

  it('keeps the last good site when the CMS is down, reports why, and recovers on the next change', async () => {
    await until('an idle service', async () => !status().building && status().queued === 0);
    const live = status().liveRelease;
    const before = status().buildCount;

    await cms.stop();
    const trigger = await fetch(`${publisher.controlUrl}/webhook`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'entry.publish', model: 'article', uid: 'api::article.article', entry: null, createdAt: new Date().toISOString() }),
    });
    expect(trigger.status).toBeLessThan(300);
    await until('the failed build', async () => status().buildCount > before && !status().building && status().lastError);

    expect(status().liveRelease).toBe(live);
    expect(status().lastError?.message).toMatch(/CMS|STRAPI_URL|fetch|ECONNREFUSED|kết nối/i);
    expect((await page('/')).status).toBe(200);

    cms = await cms.restart();
    const afterFailure = status().buildCount;
    const article = await publishArticle('Tin đăng sau khi hệ thống phục hồi');
    await waitForBuildAfter(afterFailure);
    expect((await page(`/tin-tuc/${article.slug}/`)).status).toBe(200);
    expect(status().liveRelease).not.toBe(live);
  });
});
