// The README's main command, as a newcomer runs it: CMS with demo content, rebuild service and the
// built site. Then, in a real browser, the admin in Vietnamese and a publish reaching the site.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startProduct, type Product } from './product-harness';

let product: Product;

beforeAll(async () => {
  product = await startProduct();
}, 600_000);

afterAll(async () => {
  await product?.stop();
});

it('prints where the site and the admin are, with the admin sign-in', () => {
  expect(product.output()).toContain(`${product.siteUrl}/`);
  expect(product.output()).toContain(`${product.cmsUrl}/admin`);
  expect(product.output()).toContain(product.admin.email);
});

it('serves the built site with the demo content', async () => {
  await product.waitForSite('/', 'Phú Lâm');
  const page = await product.browser.newPage();
  await page.goto(`${product.siteUrl}/tin-tuc/`);
  expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  expect(await page.locator('main a[href^="/tin-tuc/"]').count()).toBeGreaterThan(10);
  await page.close();
});

it('opens the admin in Vietnamese, signs in, and a publish there reaches the site', async () => {
  const page = await product.browser.newPage();
  await page.goto(`${product.cmsUrl}/admin`);
  await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 60_000 }).toMatch(/Chào mừng/);
  await page.getByLabel('Email').fill(product.admin.email);
  await page.getByLabel('Mật khẩu').fill(product.admin.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect.poll(() => page.url(), { timeout: 60_000 }).not.toMatch(/\/auth\/login/);
  await page.close();

  // Publishing from the admin is what the editor does; the admin's own API is what it calls.
  const headers = { authorization: `Bearer ${await product.adminToken()}`, 'content-type': 'application/json' };
  const created = await fetch(`${product.cmsUrl}/content-manager/collection-types/api::article.article/actions/publish`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ title: 'Tin đăng từ trang quản trị trong bài kiểm thử' }),
  });
  expect(created.status).toBeLessThan(300);
  const { data: article } = await created.json();
  expect(article.slug).toBe('tin-dang-tu-trang-quan-tri-trong-bai-kiem-thu');
  await product.waitForSite(`/tin-tuc/${article.slug}/`, 'Tin đăng từ trang quản trị trong bài kiểm thử');
});

it('keeps the rebuild service\'s control endpoints off the public site', async () => {
  for (const path of ['/status', '/health', '/webhook']) {
    expect((await fetch(`${product.siteUrl}${path}`)).status, path).toBe(404);
  }
  expect((await fetch(`${product.controlUrl}/health`)).status).toBe(200);
  const status = await (await fetch(`${product.controlUrl}/status`)).json();
  expect(status).not.toHaveProperty('lastError');
});

it('runs the CMS in production mode: no GraphQL sandbox, no request log lines', async () => {
  const landing = await fetch(`${product.cmsUrl}/graphql`, { headers: { accept: 'text/html' } });
  expect(await landing.text()).not.toMatch(/new window\.Embedded(Sandbox|Explorer)/);
  const introspection = await fetch(`${product.cmsUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
  });
  expect(JSON.stringify(await introspection.json())).toMatch(/introspection/i);
  await fetch(`${product.cmsUrl}/api/articles?pagination[pageSize]=1`);
  expect(product.output()).not.toMatch(/\[http\]|GET \/api\/articles/i);
});
