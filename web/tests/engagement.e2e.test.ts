/**
 * Reader engagement in a real browser: the built (static) site served on its own origin calls the
 * CMS's public engagement endpoints, which allow exactly that origin (CORS_ORIGINS).
 *
 * Every reader is a fresh browser context with its own User-Agent, so the CMS (which counts a
 * reader once per 30 minutes and takes one vote per reader) sees a new visitor in each test, and
 * each test compares what the page shows with the CMS's numbers read just before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestCms } from '../../cms/tests/harness';
import type { BuildResult } from './build-helpers';
import { countsOf, type TestContent } from './fixtures';
import type { StaticServer } from './static-server';
import { startBuiltSite, type BuiltSite } from './site-fixture';

let cms: TestCms;
let content: TestContent;
let build: BuildResult;
let server: StaticServer;
let browser: Browser;
let site: BuiltSite;

const COMMENT = 'api::comment.comment';

beforeAll(async () => {
  site = await startBuiltSite();
  ({ cms, content, build, server, browser } = site);
}, 600_000);

afterAll(async () => {
  await site?.stop();
});

const url = (urlPath: string) => `${server.url}${urlPath}`;
const count = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

let readers = 0;
/**
 * A new reader: its own context and an ordinary desktop Chrome User-Agent (the CMS does not count
 * bots, and headless Chromium says it is one), unique per reader. Page errors are collected.
 */
const newReader = async (options: { javaScriptEnabled?: boolean } = {}) => {
  readers += 1;
  const context: BrowserContext = await browser.newContext({
    locale: 'vi-VN',
    userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.${6700 + readers}.85 Safari/537.36`,
    ...options,
  });
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  return { page, errors, close: () => context.close() };
};

const articleBox = (page: Page) => page.locator('section[data-engagement="article"]');
const documentBox = (page: Page) => page.locator('[data-engagement="document"]');

describe('an article page', () => {
  it('counts the visit and shows the live view count, one more than the CMS had', async () => {
    const reader = await newReader();
    try {
      const before = Number((await countsOf(cms, 'article', content.first.documentId)).views);
      const response = await reader.page.goto(url(`/tin-tuc/${content.first.slug}/`));
      // As built: the count the CMS had at build time.
      expect((await response!.text()).replace(/<[^>]*>/g, '')).toContain('Đã xem: 12 · Phản hồi: 0');
      await expect.poll(() => articleBox(reader.page).locator('[data-field="views"]').textContent()).toBe(count(before + 1));
      expect(Number((await countsOf(cms, 'article', content.first.documentId)).views)).toBe(before + 1);
      expect(reader.errors).toEqual([]);
    } finally {
      await reader.close();
    }
  });

  it('takes a star rating from the keyboard, thanks the reader and shows the new count', async () => {
    const reader = await newReader();
    const { page } = reader;
    try {
      const before = Number((await countsOf(cms, 'article', content.third.documentId)).ratingCount ?? 0);
      await page.goto(url(`/tin-tuc/${content.third.slug}/`));
      const form = articleBox(page).locator('form[data-form="rating"]');
      await form.waitFor({ state: 'visible' });
      await expect(articleBox(page).locator('[data-field="rating"]').textContent()).resolves.toBe('Chưa có đánh giá');

      // Tab from the print button (the last sharing tool) into the stars (each a button), on to the fourth, Enter votes.
      await page.getByRole('button', { name: 'In bài' }).focus();
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('1 sao');
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('4 sao');
      // Moving between the stars does not send yet.
      await expect(form.locator('[data-status]').textContent()).resolves.toBe('');
      await page.keyboard.press('Enter');

      await expect.poll(() => form.locator('[data-status]').textContent()).toBe('Cảm ơn bạn đã đánh giá!');
      await expect(articleBox(page).locator('[data-field="rating"]').textContent()).resolves.toBe(`4,0/5 (${count(before + 1)} lượt đánh giá)`);
      const after = await countsOf(cms, 'article', content.third.documentId);
      expect(after.ratingCount).toBe(before + 1);
      expect(reader.errors).toEqual([]);
    } finally {
      await reader.close();
    }
  });

  it('sends a comment, answers in Vietnamese that it awaits moderation, and the CMS holds it pending', async () => {
    const reader = await newReader();
    const { page } = reader;
    const text = `Đề nghị công khai lịch tiếp công dân ${Date.now()}.`;
    try {
      await page.goto(url(`/tin-tuc/${content.second.slug}/`));
      const form = articleBox(page).locator('form[data-form="comment"]');
      await form.waitFor({ state: 'visible' });
      await form.getByLabel('Họ tên').fill('Trần Văn Bạn Đọc');
      await form.getByLabel('Email').fill('ban.doc.e2e@example.vn');
      await form.getByLabel('Ý kiến của bạn').fill(text);
      await form.getByRole('button', { name: 'Gửi ý kiến' }).click();

      await expect.poll(() => form.locator('[data-status]').textContent()).toBe('Cảm ơn bạn! Ý kiến của bạn sẽ hiển thị sau khi được duyệt.');
      await expect(form.getByLabel('Ý kiến của bạn').inputValue()).resolves.toBe('');
      // Not shown until an editor approves it (and the site is rebuilt).
      await expect(articleBox(page).getByText(text).count()).resolves.toBe(0);

      // Comments have no drafts; `published` makes the article relation resolve to the live article.
      const stored = (await cms.strapi.documents(COMMENT).findMany({ filters: { text }, populate: ['article'], status: 'published' } as any)) as any[];
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ name: 'Trần Văn Bạn Đọc', email: 'ban.doc.e2e@example.vn', moderation: 'pending', article: { documentId: content.second.documentId } });
      expect(reader.errors).toEqual([]);
    } finally {
      await reader.close();
    }
  });

  it('reads fine without JavaScript: counts, rating and comments, no dead forms', async () => {
    const reader = await newReader({ javaScriptEnabled: false });
    const { page } = reader;
    try {
      await page.goto(url(`/tin-tuc/${content.second.slug}/`));
      await expect(articleBox(page).locator('.engagement-counts').innerText()).resolves.toBe('Đã xem: 706 · Phản hồi: 0');
      await expect(articleBox(page).locator('.engagement-rating-summary').isVisible()).resolves.toBe(true);
      await expect(page.getByRole('heading', { name: 'Ý kiến bạn đọc' }).isVisible()).resolves.toBe(true);
      await expect(articleBox(page).locator('form:visible').count()).resolves.toBe(0);
      await expect(page.getByRole('heading', { name: 'Thống kê website' }).isVisible()).resolves.toBe(true);
    } finally {
      await reader.close();
    }
  });
});

describe('a document page', () => {
  it('counts a download through the CMS, and the page shows it after a reload', async () => {
    const reader = await newReader();
    const { page } = reader;
    const address = url(`/van-ban/${content.document.slug}/`);
    try {
      const before = await countsOf(cms, 'document', content.document.documentId);
      await page.goto(address);
      const box = documentBox(page);
      // The visit itself is counted, and the numbers refresh from the CMS.
      await expect.poll(() => box.locator('[data-field="views"]').textContent()).toBe(count(Number(before.views) + 1));
      await expect(box.locator('[data-field="downloads"]').textContent()).resolves.toBe(count(Number(before.downloads)));

      const link = box.getByRole('link', { name: /^Tải văn bản \(PDF/ });
      expect(await link.getAttribute('href')).toBe(`${cms.url}/api/engagement/documents/${content.document.documentId}/download`);
      // Whether Chromium then shows the PDF or saves it does not matter here: the CMS counted it.
      await link.click();
      await expect.poll(async () => Number((await countsOf(cms, 'document', content.document.documentId)).downloads)).toBe(Number(before.downloads) + 1);

      await page.goto(address);
      await expect.poll(() => documentBox(page).locator('[data-field="downloads"]').textContent()).toBe(count(Number(before.downloads) + 1));
      expect(reader.errors).toEqual([]);
    } finally {
      await reader.close();
    }
  });

  it('lists documents with their counts and a counted download link', async () => {
    const reader = await newReader();
    const { page } = reader;
    try {
      await page.goto(url('/van-ban/'));
      const row = page.locator('tr', { hasText: 'Thông báo kiểm thử tải văn bản' });
      await expect(row.locator('.engagement-document-counts').innerText()).resolves.toBe('Lượt xem: 731 | lượt tải: 157');
      expect(await row.getByRole('link', { name: 'Tải về' }).getAttribute('href')).toBe(
        `${cms.url}/api/engagement/documents/${content.document.documentId}/download`,
      );
      expect(reader.errors).toEqual([]);
    } finally {
      await reader.close();
    }
  });
});

describe('with the CMS down', () => {
  it('keeps the build-time counts on an article page and throws nothing into it', async () => {
    await cms.stop();
    const reader = await newReader();
    const { page } = reader;
    try {
      await page.goto(url(`/tin-tuc/${content.second.slug}/`), { waitUntil: 'networkidle' });
      await expect(articleBox(page).locator('.engagement-counts').innerText()).resolves.toBe('Đã xem: 706 · Phản hồi: 0');
      await expect(articleBox(page).locator('[data-field="rating"]').textContent()).resolves.toBe('Chưa có đánh giá');
      // Nothing to send to: the forms stay hidden.
      await expect(articleBox(page).locator('form:visible').count()).resolves.toBe(0);
      // Visit statistics are never in the built pages (they change every minute): without the CMS, dashes.
      await expect(page.locator('.engagement-stats [data-field="total"]').textContent()).resolves.toBe('–');
      expect(reader.errors).toEqual([]);
    } finally {
      await reader.close();
      // Back up on the same port, so no other test depends on running before this one.
      cms = await cms.restart();
    }
  });
});
