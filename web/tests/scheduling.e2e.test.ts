/**
 * "Hẹn giờ đăng" and "Hết hạn" as an editor uses them, in Chromium on the product as `npm start`
 * runs it (CMS, rebuild service, built site), with a browser in New York: the editor types Vietnam
 * time into the edit view, "Lịch đăng" shows it in Vietnam time, the article is absent from the site
 * until that minute and on it after, and gone again after its expiry. The scheduler ticks every
 * two seconds here (SCHEDULER_TICK); its own rules are tested in cms/tests/scheduling.test.ts.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatArticleDate, fromVietnamDateTimeInput, vietnamDateTimeInput } from '@toasoan/shared/dates';
import { startProduct, type Product } from './product-harness';

let product: Product;
let page: Page;
let token: string;

const cm = '/content-manager/collection-types/api::article.article';

/** The next whole minute at least `seconds` away: the input takes minutes. */
const minuteAfter = (seconds: number) => {
  const at = new Date(Date.now() + seconds * 1000);
  at.setUTCSeconds(0, 0);
  return new Date(at.getTime() + 60_000);
};

const adminApi = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${product.cmsUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
};

/** An admin user with the "Tác giả" role, made as the super admin would in Settings → Users. */
const createAuthor = async () => {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const roles = (await (await fetch(`${product.cmsUrl}/admin/roles`, { headers })).json()).data as { id: number; code: string }[];
  const role = roles.find((r) => r.code === 'strapi-author')!;
  const email = `tac-gia-${Date.now()}@toasoan.test`;
  const created = await fetch(`${product.cmsUrl}/admin/users`, { method: 'POST', headers, body: JSON.stringify({ email, firstname: 'Tác', lastname: 'Giả', roles: [role.id] }) });
  const { registrationToken } = (await created.json()).data;
  const password = 'Toasoan-Thu-1a';
  const registered = await fetch(`${product.cmsUrl}/admin/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ registrationToken, userInfo: { firstname: 'Tác', lastname: 'Giả', password } }),
  });
  expect(registered.status).toBe(200);
  return { email, password };
};

const sitePage = async (slug: string) => {
  const res = await fetch(`${product.siteUrl}/tin-tuc/${slug}/`);
  return { status: res.status, text: await res.text() };
};

beforeAll(async () => {
  product = await startProduct({ SCHEDULER_TICK: '*/2 * * * * *' });
  token = await product.adminToken();
  // The first release is live (the site answers 503 until then).
  await product.waitForSite('/', '</html>');
  // An editor whose computer is not on Vietnam time: 12 hours behind it.
  const context = await product.browser.newContext({ timezoneId: 'America/New_York', locale: 'vi-VN' });
  await context.addInitScript(() => localStorage.setItem('STRAPI_GUIDED_TOUR', JSON.stringify({ enabled: false, completedActions: [] })));
  page = await context.newPage();
  await page.goto(`${product.cmsUrl}/admin/auth/login`);
  await page.getByLabel('Email').fill(product.admin.email);
  await page.getByLabel('Mật khẩu').fill(product.admin.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/login'), { timeout: 60_000 });
}, 900_000);

afterAll(async () => {
  await product?.stop();
});

it('publishes at the Vietnam time an editor typed in New York, lists it in "Lịch đăng", and expires it', async () => {
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');
  const title = `Tin hẹn giờ ${Date.now()}`;
  const created = await adminApi('POST', cm, { title });
  expect(created.status).toBe(201);
  const { documentId, slug } = created.body.data;

  const at = minuteAfter(40);
  const typed = vietnamDateTimeInput(at);
  await page.goto(`${product.cmsUrl}/admin${cm}/${documentId}`);
  const field = page.getByLabel('Hẹn giờ đăng');
  await field.waitFor({ timeout: 60_000 });
  // Said under the field, so nobody types their own zone's time.
  await page.getByText(/theo giờ Việt Nam \(GMT\+7\)/).first().waitFor({ state: 'visible', timeout: 10_000 }).catch(async (error) => {
    await page.screenshot({ path: '/tmp/scheduling-e2e.png', fullPage: true });
    throw error;
  });
  await field.fill(typed);
  const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes(documentId));
  await page.getByRole('button', { name: 'Lưu' }).click();
  expect((await saved).status()).toBe(200);

  // Stored as the moment meant in Vietnam, not in New York.
  const stored = await adminApi('GET', `${cm}/${documentId}`);
  expect(stored.body.data.publishAt).toBe(fromVietnamDateTimeInput(typed));
  expect(stored.body.data.publishAt).toBe(at.toISOString());
  // Reopened, the form shows the Vietnam time typed.
  await page.reload();
  await expect.poll(() => page.getByLabel('Hẹn giờ đăng').inputValue(), { timeout: 60_000 }).toBe(typed);

  // "Lịch đăng", from the menu.
  await page.getByRole('link', { name: 'Lịch đăng' }).first().click();
  const row = page.getByTestId('scheduled-entry').filter({ hasText: title });
  await row.waitFor({ timeout: 60_000 });
  const rowText = await row.textContent();
  expect(rowText).toContain(formatArticleDate(at));
  expect(rowText).toContain('Bản nháp');

  // Before that minute the site has no such page; after it, the rebuild puts it there.
  expect(Date.now()).toBeLessThan(at.getTime());
  expect((await sitePage(slug)).status).toBe(404);
  await product.waitForSite(`/tin-tuc/${slug}/`, title);
  expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());

  // Expiry: set through the same form, the article leaves the site at that minute.
  const expiry = minuteAfter(30);
  await page.goto(`${product.cmsUrl}/admin${cm}/${documentId}`);
  await page.getByLabel('Hết hạn').waitFor({ timeout: 60_000 });
  await page.getByLabel('Hết hạn').fill(vietnamDateTimeInput(expiry));
  const savedExpiry = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes(documentId));
  await page.getByRole('button', { name: 'Lưu' }).click();
  expect((await savedExpiry).status()).toBe(200);
  expect((await sitePage(slug)).status).toBe(200);
  await expect.poll(async () => (await sitePage(slug)).status, { timeout: 300_000, interval: 1000 }).toBe(404);
  expect(Date.now()).toBeGreaterThanOrEqual(expiry.getTime());
}, 900_000);

it('shows an Author the schedule fields read-only, saying who may set them', async () => {
  const author = await createAuthor();
  const authorToken = await product.adminToken(author);
  const res = await fetch(`${product.cmsUrl}${cm}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${authorToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: `Bài của tác giả ${Date.now()}` }),
  });
  expect(res.status).toBe(201);
  const { documentId } = (await res.json()).data;
  const authorPage = await product.signIn(author);
  await authorPage.goto(`${product.cmsUrl}/admin${cm}/${documentId}`);
  const field = authorPage.getByLabel('Hẹn giờ đăng');
  await field.waitFor({ timeout: 60_000 });
  expect(await field.isDisabled()).toBe(true);
  await authorPage.getByText(/chỉ người có quyền xuất bản mới đặt được/).first().waitFor({ state: 'visible', timeout: 10_000 });
  // The title is still the Author's to edit: only the schedule is closed.
  expect(await authorPage.getByRole('textbox', { name: 'Tiêu đề' }).isDisabled()).toBe(false);
}, 300_000);
