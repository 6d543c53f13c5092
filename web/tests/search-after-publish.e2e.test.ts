// Search after a publish, as `npm start` and production run it: the release goes live first and the
// rebuild service's index command then indexes only what changed on top of the full index
// (web/integrations/pagefind.ts). A reader searches on the live site in Chromium.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCms, type TestCms } from '../../cms/tests/harness';
import { freePort } from '../../cms/tests/nginx';
import type { Publisher } from '../../publisher/server.ts';
import { startTestPublisher, WEB_DIR } from './publisher-harness';

const SECRET = 'search-test-secret-0123456789';

let cms: TestCms;
let publisher: Publisher;
let browser: Browser;
let workDir: string;

/** Waits until the release after `buildsBefore` builds is live and its search index switched in. */
const indexedAfter = async (buildsBefore: number) => {
  const deadline = Date.now() + 240_000;
  for (;;) {
    const s = publisher.status();
    if (s.lastError) throw new Error(`the build failed: ${s.lastError.message}`);
    if (s.lastIndex?.error) throw new Error(`indexing failed: ${s.lastIndex.error}`);
    if (s.buildCount > buildsBefore && !s.building && s.queued === 0 && s.lastIndex?.release === s.liveRelease) return;
    if (Date.now() > deadline) throw new Error('timed out waiting for the search index of the new release');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

/** What a reader gets on the search page: the status line and the results' addresses. */
const search = async (query: string) => {
  const page = await browser.newPage();
  await page.goto(`${publisher.siteUrl}/tim-kiem/?q=${encodeURIComponent(query)}`);
  const status = page.locator('[data-search-status]');
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/Tìm thấy|Không tìm thấy/);
  const result = { status: (await status.textContent())!, urls: await page.locator('[data-search-results] a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))) };
  await page.close();
  return result;
};

const overlay = async () => (await fetch(`${publisher.siteUrl}/pagefind/overlay.json`)).json() as Promise<{ delta: boolean; stale: string[] }>;
const articles = () => cms.strapi.documents('api::article.article');

beforeAll(async () => {
  await mkdir(path.join(WEB_DIR, '.cache'), { recursive: true });
  workDir = await mkdtemp(path.join(WEB_DIR, '.cache', 'test-search-'));
  const port = await freePort();
  cms = await startCms({ seed: true, env: { REBUILD_WEBHOOK_URL: `http://127.0.0.1:${port}/webhook`, REBUILD_WEBHOOK_SECRET: SECRET } });
  publisher = await startTestPublisher(cms, {
    port,
    secret: SECRET,
    workDir,
    env: {
      PUBLISHER_ASTRO_CACHE_DIR: path.join(workDir, 'astro-cache'),
      PUBLISHER_DEBOUNCE_MS: '500',
      // As scripts/product.mjs sets it for `npm start`.
      PUBLISHER_INDEX_COMMAND: `"${process.execPath}" --experimental-strip-types scripts/search-index.ts`,
      PUBLISHER_INDEX_STANDBY: '1',
    },
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  await indexedAfter(0);
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await publisher?.close();
  await cms?.destroy();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

it('finds a newly published article, with or without diacritics, from the index of what changed', async () => {
  const title = 'Hội thi tìm hiểu thủy lợi xã Đồng Xuân';
  expect((await search('dong xuan thuy loi')).status).toMatch(/Không tìm thấy/);
  expect((await overlay()).delta).toBe(false);

  const builds = publisher.status().buildCount;
  const category = await cms.strapi.documents('api::category.category').findFirst({});
  const created = await articles().create({ data: { title, lead: 'Tin vừa đăng.', category: category!.documentId } as any, status: 'published' });
  await indexedAfter(builds);

  expect((await overlay()).delta).toBe(true);
  for (const query of ['dong xuan thuy loi', 'Đồng Xuân thủy lợi']) {
    const found = await search(query);
    expect(found.urls, query).toEqual([`/tin-tuc/${created.slug}/`]);
    expect(found.status).toMatch(/Tìm thấy 1 kết quả/);
  }
});

it('no longer finds an unpublished article that the full index still holds', async () => {
  const [article] = (await articles().findMany({ status: 'published', sort: 'date:asc', limit: 1, fields: ['title', 'slug'] } as any)) as any[];
  expect((await search(article.title)).urls).toContain(`/tin-tuc/${article.slug}/`);

  const builds = publisher.status().buildCount;
  await articles().unpublish({ documentId: article.documentId });
  await indexedAfter(builds);

  expect((await overlay()).stale).toContain(`/tin-tuc/${article.slug}/`);
  expect((await search(article.title)).urls).not.toContain(`/tin-tuc/${article.slug}/`);
});

// A publish makes the search records of changed articles only, and keeps the others' from the
// last build (pages/search-records.json.ts): what an article's record is made of must change it.
it('finds an old article by the new words of its edited body, not by the words it lost', async () => {
  const [article] = (await articles().findMany({ status: 'published', sort: 'date:asc', limit: 1, fields: ['slug'] } as any)) as any[];
  let builds = publisher.status().buildCount;
  await articles().update({ documentId: article.documentId, data: { body: '<p>Nghiệm thu kênh mương Phước Hòa.</p>' } as any });
  await articles().publish({ documentId: article.documentId });
  await indexedAfter(builds);
  expect((await search('phuoc hoa kenh muong')).urls).toEqual([`/tin-tuc/${article.slug}/`]);

  builds = publisher.status().buildCount;
  await articles().update({ documentId: article.documentId, data: { body: '<p>Khánh thành trạm bơm Tân Lập.</p>' } as any });
  await articles().publish({ documentId: article.documentId });
  await indexedAfter(builds);
  expect((await search('tan lap tram bom')).urls).toEqual([`/tin-tuc/${article.slug}/`]);
  expect((await search('phuoc hoa kenh muong')).status).toMatch(/Không tìm thấy/);
});

it('finds the articles of a renamed tag by its new name, though none of them was edited', async () => {
  const tags = cms.strapi.documents('api::tag.tag');
  const [tagged] = (await articles().findMany({ status: 'published', populate: { tags: true }, sort: 'date:asc', fields: ['slug'] } as any)).filter((a: any) => a.tags.length) as any[];
  const tag = tagged.tags[0];
  expect((await search('gach men quynh luu')).status).toMatch(/Không tìm thấy/);

  const builds = publisher.status().buildCount;
  await tags.update({ documentId: tag.documentId, data: { name: 'Gạch men Quỳnh Lưu' } as any });
  await indexedAfter(builds);
  expect((await search('gach men quynh luu')).urls).toContain(`/tin-tuc/${tagged.slug}/`);
});
