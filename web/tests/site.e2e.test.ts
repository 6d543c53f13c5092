import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startCms, type TestCms } from '../../cms/tests/harness';
import { removeBuild, runBuild, type BuildResult } from './build-helpers';
import { addTestContent, type TestContent } from './fixtures';
import { serveStatic, type StaticServer } from './static-server';

let cms: TestCms;
let content: TestContent;
let build: BuildResult;
let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  cms = await startCms({ seed: true });
  content = await addTestContent(cms);
  build = await runBuild({ STRAPI_URL: cms.url, STRAPI_TOKEN: cms.buildToken, TZ: 'UTC' });
  if (build.code !== 0) throw new Error(`astro build failed:\n${build.output.slice(-4000)}`);
  server = await serveStatic(build.outDir);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  page = await browser.newPage({ locale: 'vi-VN' });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (build?.outDir) await removeBuild(build.outDir);
  await cms?.destroy();
});

const url = (path: string) => `${server.url}${path}`;

describe('the built site in Chromium', () => {
  it('prints an article from its own page with the "In bài" button (no separate print page)', async () => {
    await page.goto(url(`/tin-tuc/${content.second.slug}/`));
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.getByRole('button', { name: 'In bài' }).click();
    await expect(page.evaluate(() => (window as unknown as { printed: number }).printed)).resolves.toBe(1);
    const old = await page.goto(url(`/tin-tuc/${content.second.slug}/ban-in/`));
    expect(old?.status()).toBe(404);
  });

  it("fills the sidebar from the build's lists, leaving out the article being read", async () => {
    await page.goto(url(`/tin-tuc/${content.second.slug}/`));
    const latest = page.locator('[data-side="latest"] li a');
    await page.waitForFunction(() => document.querySelectorAll('[data-side="popular"] li .meta').length > 1);
    const links = await latest.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links.length).toBeGreaterThan(1);
    expect(links.length).toBeLessThanOrEqual(5);
    expect(links).not.toContain(`/tin-tuc/${content.second.slug}/`);
    await expect(page.locator('[data-side="documents"] li a').count()).resolves.toBeGreaterThan(0);
  });

  it('opens the home page and follows a link to an article', async () => {
    await page.goto(url('/'));
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect(page.locator('h1').count()).resolves.toBe(1);
    const link = page.locator('#tin-noi-bat ~ .section-body h2 a').first();
    const title = (await link.textContent())!.trim();
    await link.click();
    await page.waitForURL(/\/tin-tuc\/[^/]+\/$/);
    expect((await page.locator('h1').textContent())!.trim()).toBe(title);
    await expect(page.locator('.article-header time').textContent()).resolves.toMatch(/^(Chủ nhật|Thứ (hai|ba|tư|năm|sáu|bảy)) - \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await expect(page.locator('.engagement-counts').innerText()).resolves.toMatch(/^Đã xem: [\d.]+ · Phản hồi: [\d.]+$/);
  });

  const search = async (query: string) => {
    await page.goto(url('/tim-kiem/'));
    await page.fill('#q', query);
    await page.press('#q', 'Enter');
    // The status names the query it answers, so results of an earlier search can never be read here.
    await page.waitForFunction(
      (q) => {
        const status = document.querySelector('[data-search-status]')?.textContent ?? '';
        return status.includes(`“${q}”`) || /Không tải được/.test(status);
      },
      query.trim(),
    );
    return page.$$eval('[data-search-results] a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  };

  it('finds the same article with and without diacritics', async () => {
    const target = `/tin-tuc/${content.second.slug}/`;
    const plain = await search('hoc tap');
    const marked = await search('học tập');
    expect(plain).toContain(target);
    expect(marked).toContain(target);
    expect(new Set(plain)).toEqual(new Set(marked));

    const folded = await search('dang bo kiem thu');
    const accented = await search('Đảng bộ kiểm thử');
    expect(folded).toContain(target);
    expect(accented).toContain(target);
  });

  it('runs a search from the ?q= address and says when nothing matches', async () => {
    await page.goto(url(`/tim-kiem/?q=${encodeURIComponent('thông báo kiểm thử tải văn bản')}`));
    await page.waitForFunction(() => /Tìm thấy/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
    const results = await page.$$eval('[data-search-results] a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(results).toContain(`/van-ban/${content.document.slug}/`);
    // Pagefind forgives typos, so "nothing matches" needs a query far from every indexed word.
    const none = await search('qxjvqxjvqxjv');
    expect(none).toEqual([]);
    await expect(page.locator('[data-search-status]').textContent()).resolves.toContain('Không tìm thấy');
  });

  it('opens, navigates and closes the lightbox with the keyboard, returning focus', async () => {
    await page.goto(url(`/thu-vien-anh/${content.album.slug}/`));
    const thumbs = page.locator('a[data-lightbox-item]');
    await expect(thumbs.count()).resolves.toBe(3);
    // Without JavaScript the thumbnail is a plain link to the large image.
    const large = await thumbs.first().getAttribute('href');
    const res = await page.request.get(url(large!));
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('image/webp');

    await thumbs.first().focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog.lightbox');
    await expect(dialog.evaluate((d: HTMLDialogElement) => d.open)).resolves.toBe(true);
    await expect(page.evaluate(() => !!document.activeElement?.closest('dialog.lightbox'))).resolves.toBe(true);
    await expect(dialog.locator('.lb-count').textContent()).resolves.toBe('Ảnh 1/3');
    await expect(dialog.locator('img').getAttribute('src')).resolves.toBe(large);
    await expect(dialog.locator('figcaption').textContent()).resolves.toBe('Chú thích ảnh kiểm thử 1');

    await page.keyboard.press('ArrowRight');
    await expect(dialog.locator('.lb-count').textContent()).resolves.toBe('Ảnh 2/3');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(dialog.locator('.lb-count').textContent()).resolves.toBe('Ảnh 3/3');

    // Focus is trapped: tabbing round never leaves the dialog.
    for (let i = 0; i < 7; i += 1) {
      await page.keyboard.press(i % 2 ? 'Shift+Tab' : 'Tab');
      await expect(page.evaluate(() => !!document.activeElement?.closest('dialog.lightbox'))).resolves.toBe(true);
    }

    await page.keyboard.press('Escape');
    await expect(dialog.evaluate((d: HTMLDialogElement) => d.open)).resolves.toBe(false);
    await expect(page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href'))).resolves.toBe(large);

    // A click opens it too, and the close button closes it.
    await thumbs.nth(1).click();
    await expect(dialog.locator('.lb-count').textContent()).resolves.toBe('Ảnh 2/3');
    await dialog.locator('[data-lb="close"]').click();
    await expect(dialog.evaluate((d: HTMLDialogElement) => d.open)).resolves.toBe(false);
  });

  it('downloads a document: the link goes through the CMS and fetches a PDF with status 200', async () => {
    await page.goto(url(`/van-ban/${content.document.slug}/`));
    await expect(page.locator('[data-counts-for] .engagement-document-counts').innerText()).resolves.toBe('Lượt xem: 731 | lượt tải: 157');
    const href = await page.locator('a.button[data-download-for]').getAttribute('href');
    expect(href).toBe(`${cms.url}/api/engagement/documents/${content.document.documentId}/download`);
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/uploads\/.+\.pdf$/);
    expect(res.headers()['content-type']).toContain('application/pdf');
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(page.locator('iframe.pdf-preview').getAttribute('src')).resolves.toBe(res.url());
  });

  it('serves the 404 page for unknown addresses', async () => {
    const response = await page.goto(url('/khong-co-trang-nay/'));
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toContain('Không tìm thấy trang');
  });
});
