/**
 * A build that reads the CMS at one address (STRAPI_URL, as an internal address would be) while
 * visitors reach it at another (PUBLIC_CMS_URL): here 127.0.0.1 and localhost, the same CMS.
 * In Chromium, every request the pages make to the CMS goes to the public host, and a document
 * page's PDF preview is framed from there without being blocked.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCms } from '../../cms/tests/harness';
import { readPage, type BuildResult } from './build-helpers';
import type { TestContent } from './fixtures';
import type { StaticServer } from './static-server';
import { startBuiltSite, type BuiltSite } from './site-fixture';

let cms: TestCms;
let content: TestContent;
let build: BuildResult;
let server: StaticServer;
let browser: Browser;
let site: BuiltSite;
let publicCms: string;
let withFileLink: { slug: string };

beforeAll(async () => {
  site = await startBuiltSite({
    seed: false,
    beforeBuild: async (cms, content) => {
      withFileLink = (await cms.strapi.documents('api::article.article').create({
        data: {
          title: 'Bài có tệp đính kèm trong nội dung',
          category: content.category.documentId,
          date: '2021-06-25T03:00:00.000Z',
          body: `Xem [toàn văn thông báo](${content.pdf.url}) đính kèm.`,
        } as any,
        status: 'published',
      })) as unknown as { slug: string };
    },
    // Visitors reach the same CMS by another name than the build does.
    buildEnv: (cms, server) => ({ PUBLIC_CMS_URL: `http://localhost:${new URL(cms.url).port}`, SITE_URL: server.url }),
  });
  ({ cms, content, build, server, browser } = site);
  publicCms = `http://localhost:${new URL(cms.url).port}`;
}, 600_000);

afterAll(async () => {
  await site?.stop();
});

/** Opens a page with every request (and CSP complaint) recorded. */
const open = async (pathname: string) => {
  const page: Page = await browser.newPage({ locale: 'vi-VN' });
  const requests: string[] = [];
  const console: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => console.push(message.text()));
  await page.goto(`${server.url}${pathname}`, { waitUntil: 'networkidle' });
  return { page, requests, console };
};

const cmsPort = () => new URL(cms.url).port;
const toCms = (urls: string[]) => urls.filter((url) => new URL(url).port === cmsPort());

describe('addresses in the built pages', () => {
  it('never print the build address of the CMS, and use the public one for media and meta', async () => {
    const article = await readPage(build.outDir, `/tin-tuc/${content.second.slug}/`);
    const document = await readPage(build.outDir, `/van-ban/${content.document.slug}/`);
    const linking = await readPage(build.outDir, `/tin-tuc/${withFileLink.slug}/`);
    for (const html of [article, document, linking]) expect(html).not.toContain(cms.url);
    expect(article).toMatch(new RegExp(`<meta property="og:image" content="${publicCms}/uploads/`));
    expect(article).toContain(`"image":["${publicCms}/uploads/`);
    expect(document).toContain(`<iframe class="pdf-preview" src="${publicCms}${content.pdf.url}"`);
    expect(linking).toContain(`href="${publicCms}${content.pdf.url}"`);
  });
});

describe('in Chromium', () => {
  it('an article loads its images from the site itself and calls the CMS only at its public address', async () => {
    const { page, requests } = await open(`/tin-tuc/${content.second.slug}/`);
    await page.locator('.prose img[srcset]').first().scrollIntoViewIfNeeded();
    await page.waitForLoadState('networkidle');
    const shown = (selector: string) =>
      page.$$eval(selector, (imgs) => imgs.map((img) => [(img as HTMLImageElement).currentSrc || (img as HTMLImageElement).src, (img as HTMLImageElement).naturalWidth] as const));
    // The cover and the body photo, optimised at build time from the build address, served by the site.
    const photos = await shown('.article-cover img, .prose img[srcset]');
    expect(photos).toHaveLength(2);
    for (const [src, width] of photos) {
      expect(new URL(src).origin, src).toBe(server.url);
      expect(width, src).toBeGreaterThan(0);
    }
    for (const [src] of await shown('img')) expect(new URL(src).origin, src).toBe(server.url);
    // The view counter and comments talk to the CMS from the browser: at the public host, never the build's.
    expect(toCms(requests).length).toBeGreaterThan(0);
    for (const url of toCms(requests)) expect(new URL(url).hostname, url).toBe('localhost');
    await page.close();
  });

  it('a file link in an article body points at the public address', async () => {
    const { page, requests } = await open(`/tin-tuc/${withFileLink.slug}/`);
    const link = page.getByRole('link', { name: 'toàn văn thông báo' });
    expect(await link.getAttribute('href')).toBe(`${publicCms}${content.pdf.url}`);
    const response = await page.request.get((await link.getAttribute('href'))!);
    expect(response.status()).toBe(200);
    for (const url of toCms(requests)) expect(new URL(url).hostname, url).toBe('localhost');
    await page.close();
  });

  it('a document page shows its PDF in the preview, framed from the public address', async () => {
    const pdfUrl = `${publicCms}${content.pdf.url}`;
    const page: Page = await browser.newPage({ locale: 'vi-VN' });
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Refused to (frame|display)|frame-ancestors|X-Frame-Options/i.test(message.text())) refused.push(message.text());
    });
    const pdf = page.waitForResponse((response) => response.url() === pdfUrl);
    await page.goto(`${server.url}/van-ban/${content.document.slug}/`);
    const response = await pdf;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(response.headers()['content-security-policy']).toMatch(new RegExp(`frame-ancestors 'self' ${server.url}(;|$)`));
    expect(response.headers()['x-frame-options']).toBeUndefined();
    await expect.poll(() => page.frames().some((frame) => frame.url() === pdfUrl), { timeout: 20_000 }).toBe(true);
    expect(page.frames().some((frame) => frame.url().startsWith('chrome-error://'))).toBe(false);
    expect(refused).toEqual([]);
    await page.close();
  });

  it('the admin and the API stay unframeable by the site', async () => {
    for (const pathname of ['/admin', '/api/articles']) {
      const response = await fetch(`${publicCms}${pathname}`);
      expect(response.headers.get('content-security-policy'), pathname).toMatch(/frame-ancestors 'self'(;|$)/);
      expect(response.headers.get('x-frame-options'), pathname).toBe('SAMEORIGIN');
    }
  });
});
