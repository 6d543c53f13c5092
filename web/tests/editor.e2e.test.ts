// An editor's day in the admin, in Chromium: a new article, its body pasted from Word (a real paste
// event carrying Word's clipboard HTML), a photo from the media library with a caption, published
// with the Vietnamese button — and the public page shows the structure without Office's markup.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startProduct, type Product } from './product-harness';

const WORD = readFileSync(path.join(import.meta.dirname, '..', '..', 'cms', 'tests', 'fixtures', 'paste', 'word.html'), 'utf8');
const TITLE = 'Sơ kết 6 tháng dán từ Word trong bài kiểm thử';
const CAPTION = 'Quang cảnh hội nghị sơ kết. (Ảnh: Kiểm thử)';

let product: Product;

beforeAll(async () => {
  product = await startProduct();
}, 900_000);

afterAll(async () => {
  await product?.stop();
});

it('pastes a Word document into a new article, adds a captioned photo, publishes, and the site shows it clean', async () => {
  const page = await product.signIn();
  await page.goto(`${product.cmsUrl}/admin/content-manager/collection-types/api::article.article/create`);
  await page.locator('input[name="title"]').fill(TITLE);

  const body = page.getByRole('textbox', { name: 'Nội dung' });
  await body.click();
  // What the browser delivers when the editor presses Ctrl+V after copying in Word.
  await body.evaluate((element, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'Kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2021');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, WORD);
  await expect.poll(() => body.locator('ul > li').count()).toBe(3);
  expect(await body.locator('h2').first().textContent()).toBe('Kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2021');
  expect(await body.locator('table tr').count()).toBe(3);

  await page.getByRole('button', { name: 'Chèn ảnh từ thư viện' }).click();
  const library = page.getByRole('dialog');
  await library.locator('[role="checkbox"]').first().click();
  await library.getByRole('button', { name: 'Hoàn tất' }).click();
  const figureDialog = page.getByRole('dialog', { name: 'Chèn ảnh vào bài' });
  await figureDialog.getByLabel('Chú thích ảnh').fill(CAPTION);
  await figureDialog.getByRole('button', { name: 'Chèn ảnh' }).click();
  await figureDialog.waitFor({ state: 'detached' });
  await expect.poll(() => body.locator('figure figcaption').textContent()).toBe(CAPTION);

  const published = page.waitForResponse((res) => /\/actions\/publish/.test(res.url()) && res.request().method() === 'POST');
  await page.getByRole('button', { name: 'Xuất bản' }).click();
  const response = await published;
  expect(response.status(), await response.text()).toBeLessThan(300);
  const { data: article } = (await response.json()) as { data: { slug: string; body: string } };
  expect(article.body).not.toMatch(/mso-|<o:p|style=|<span|<font/i);

  await product.waitForSite(`/tin-tuc/${article.slug}/`, TITLE);
  const site = await product.browser.newPage({ viewport: { width: 360, height: 740 } });
  await site.goto(`${product.siteUrl}/tin-tuc/${article.slug}/`);
  const prose = site.locator('.prose');
  expect(await prose.locator('h2').first().textContent()).toBe('Kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2021');
  expect(await prose.locator('ul > li').allTextContents()).toEqual([
    'Tổ chức học tập, quán triệt nghị quyết',
    'Kiện toàn tổ chức cơ sở đảng',
    'Phát triển đảng viên mới',
  ]);
  expect(await prose.locator('ol > li').count()).toBe(2);
  expect(await prose.locator('strong', { hasText: 'Ban Thường vụ Thị ủy Phổ Yên' }).count()).toBe(1);
  expect(await prose.getByRole('link', { name: 'Cổng thông tin điện tử thị xã' }).getAttribute('href')).toBe('https://phoyen.thainguyen.gov.vn/bao-cao-so-ket');
  const table = prose.getByRole('region', { name: 'Bảng' }).locator('table');
  expect(await table.locator('tr').count()).toBe(3);
  expect(await table.locator('tr').nth(1).locator('td').allTextContents()).toEqual(['Kết nạp đảng viên', '120', '98']);
  expect(await prose.locator('figure figcaption').textContent()).toBe(CAPTION);
  expect(await prose.locator('figure img').getAttribute('src')).toMatch(/^\/_astro\/.+\.webp$/);

  const html = await prose.innerHTML();
  for (const noise of [/mso-/i, /<o:p/i, /Mso/, /font-family/i, /color:/i, /style=/i, /<font/i, /<span/i, /lang=/i]) {
    expect(html, `${noise}`).not.toMatch(noise);
  }
  // On a phone the table scrolls inside its box; the page itself never scrolls sideways.
  expect(await site.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await site.close();
  await page.close();
});
