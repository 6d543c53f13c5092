/**
 * An editor adds a redirect by hand in the admin ("Chuyển hướng"), in Chromium, on the product as
 * `npm start` runs it: a wrong target is refused on the form in Vietnamese, a good one is saved, and
 * after the rebuild the site answers the old address with 301 to the new one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startProduct, type Product } from './product-harness';

const REDIRECTS_LIST = '/admin/content-manager/collection-types/api::redirect.redirect';

let product: Product;
let editor: Page;
let article: { slug: string; title: string };

beforeAll(async () => {
  product = await startProduct();
  editor = await product.signIn();
  // Strapi's guided tour (a development-mode feature) would cover the form; editors never see it.
  await editor.addInitScript(() => localStorage.setItem('STRAPI_GUIDED_TOUR', JSON.stringify({ enabled: false, completedActions: [] })));
  const res = await fetch(`${product.cmsUrl}/api/articles?fields[0]=title&fields[1]=slug&sort=date:desc&pagination[pageSize]=1`);
  [article] = (await res.json()).data;
  await product.waitForSite(`/tin-tuc/${article.slug}/`, article.title);
}, 900_000);

afterAll(async () => {
  await product?.stop();
});

const oldAddress = '/vi/tin-tuc/thoi-su/bai-cu-2019-345.html';

/** Asks the served site without following redirects. */
const ask = (path: string) => fetch(`${product.siteUrl}${path}`, { redirect: 'manual' });

describe('Chuyển hướng in the admin', () => {
  it('is listed in Vietnamese and opens an empty form', async () => {
    await editor.goto(`${product.cmsUrl}${REDIRECTS_LIST}`);
    await editor.getByRole('heading', { name: 'Chuyển hướng' }).waitFor({ timeout: 60_000 });
    await editor.getByRole('link', { name: 'Tạo mới' }).first().click();
    await editor.getByLabel('Địa chỉ cũ').waitFor();
    expect(await editor.getByLabel('Chuyển đến').inputValue()).toBe('');
  });

  it('refuses a target on another site, on the field, in Vietnamese', async () => {
    await editor.getByLabel('Địa chỉ cũ').fill(`https://old.example.gov.vn${oldAddress}`);
    await editor.getByLabel('Chuyển đến').fill('https://evil.example/lua-dao');
    await editor.getByRole('button', { name: 'Lưu' }).click();
    await editor.getByText(/phải là đường dẫn trong trang này/).first().waitFor();
    expect((await ask(oldAddress)).status).toBe(404);
  });

  it('saves a redirect an editor types, and the site answers the old address with 301', async () => {
    await editor.getByLabel('Chuyển đến').fill(`/tin-tuc/${article.slug}/`);
    await editor.getByRole('button', { name: 'Lưu' }).click();
    await editor.getByText('Đã lưu').first().waitFor();
    // Stored in the one spelling the site looks up: the old host dropped.
    expect(await editor.getByLabel('Địa chỉ cũ').inputValue()).toBe(oldAddress);

    const deadline = Date.now() + 240_000;
    let res = await ask(oldAddress);
    while (res.status !== 301 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      res = await ask(oldAddress);
    }
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(`/tin-tuc/${article.slug}/`);
    expect((await ask(oldAddress.replace(/\.html$/, ''))).headers.get('location')).toBe(`/tin-tuc/${article.slug}/`);
    expect((await ask('/vi/tin-tuc/thoi-su/khong-co-1.html')).status).toBe(404);
  });
});
