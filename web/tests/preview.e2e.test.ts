// Issue 12 in the real admin, in Chromium, on the product `npm start` runs: an editor edits a
// published article, saves without publishing, clicks "Xem trước" and reads the draft in the
// site's own look; the public site keeps the published text; "Hủy các thay đổi" brings it back.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startProduct, type Product } from './product-harness';

const ARTICLE = 'api::article.article';
const LIVE_LEAD = 'Tóm tắt đang hiển thị cho bạn đọc';
const DRAFT_LEAD = 'Tóm tắt sửa đổi, chỉ biên tập viên thấy';

let product: Product;
let article: { documentId: string; slug: string };

const admin = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${product.cmsUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${await product.adminToken()}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 400) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()).data;
};

const views = async (): Promise<number> => {
  const res = await fetch(`${product.cmsUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query($id: ID!) { article(documentId: $id) { views } }', variables: { id: article.documentId } }),
  });
  return (await res.json()).data.article.views;
};

beforeAll(async () => {
  product = await startProduct();
  const created = await admin('POST', `/content-manager/collection-types/${ARTICLE}`, {
    title: 'Tin kiểm thử xem trước',
    lead: LIVE_LEAD,
    body: '<p>Nội dung tin kiểm thử xem trước.</p>',
  });
  await admin('POST', `/content-manager/collection-types/${ARTICLE}/${created.documentId}/actions/publish`, {});
  article = { documentId: created.documentId, slug: created.slug };
  await product.waitForSite(`/tin-tuc/${article.slug}/`, LIVE_LEAD);
}, 600_000);

afterAll(async () => {
  await product?.stop();
});

it('"Xem trước" shows the saved draft with the site look; the public site keeps the live text; "Hủy các thay đổi" restores it', async () => {
  const page = await product.signIn();
  const editUrl = `${product.cmsUrl}/admin/content-manager/collection-types/${ARTICLE}/${article.documentId}`;
  await page.goto(editUrl);
  const lead = page.getByLabel('Tóm tắt');
  await expect.poll(() => lead.inputValue(), { timeout: 60_000 }).toBe(LIVE_LEAD);

  // Edit and save, not publish.
  await lead.fill(DRAFT_LEAD);
  const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes(article.documentId));
  await page.getByRole('button', { name: 'Lưu' }).click();
  expect((await saved).status()).toBe(200);
  await page.getByText('Đã sửa', { exact: true }).first().waitFor();

  // "Xem trước": the admin asks the CMS for the address and frames the preview server's page.
  // Its counter script tries to count a view; the preview's policy refuses it (an editor is no reader).
  const refused = page.waitForEvent('console', { predicate: (m) => m.text().includes('Refused to connect'), timeout: 60_000 });
  const previewAddress = page.waitForResponse((r) => r.url().includes('/content-manager/preview/url/'));
  await page.getByText('Xem trước', { exact: true }).first().waitFor();
  await page.getByRole('link', { name: 'Mở xem trước' }).click();
  const { data } = (await (await previewAddress).json()) as { data: { url: string } };
  expect(data.url.startsWith(`${product.previewUrl}/xem-truoc/?token=`)).toBe(true);
  const frame = page.frameLocator(`iframe[src^="${product.previewUrl}/"]`);
  await frame.getByText('Bản xem trước — chưa xuất bản').waitFor({ timeout: 60_000 });
  await expect(frame.locator('.article-lead').textContent()).resolves.toBe(DRAFT_LEAD);
  // The site's own header and menu, as on the live page.
  await expect(frame.getByRole('navigation', { name: 'Điều hướng chính' }).count()).resolves.toBe(1);
  expect((await refused).text()).toContain(`${product.cmsUrl}/api/engagement/`);
  expect(await views()).toBe(0);

  // The public site still shows the published text.
  const live = await (await fetch(`${product.siteUrl}/tin-tuc/${article.slug}/`)).text();
  expect(live).toContain(LIVE_LEAD);
  expect(live).not.toContain(DRAFT_LEAD);
  expect(live).not.toContain('Bản xem trước');

  // The preview address is useless without its token, and so for anyone but the admin's editor.
  expect((await fetch(`${product.previewUrl}/xem-truoc/`)).status).toBe(401);

  // Back in the form: "Hủy các thay đổi" puts the live version back.
  await page.goto(editUrl);
  await expect.poll(() => lead.inputValue(), { timeout: 60_000 }).toBe(DRAFT_LEAD);
  await page.getByText('Đã sửa', { exact: true }).first().waitFor();
  // The side panel's menu (the header has one too, for deleting), once the panel is drawn.
  await page.getByRole('button', { name: 'Lưu' }).waitFor();
  await page.getByRole('button', { name: 'Thao tác khác' }).last().click();
  await page.getByRole('menu').waitFor();
  await page.getByRole('menuitem', { name: /Hủy các thay đổi/ }).click();
  const discarded = page.waitForResponse((r) => r.url().includes(`${article.documentId}/actions/discard`));
  await page.getByRole('alertdialog').getByRole('button', { name: 'Xác nhận' }).click();
  expect((await discarded).status()).toBe(200);
  await expect.poll(() => lead.inputValue(), { timeout: 60_000 }).toBe(LIVE_LEAD);
  await page.getByText('Đã hủy các thay đổi').first().waitFor();
  await page.close();

  const draft = await admin('GET', `/content-manager/collection-types/${ARTICLE}/${article.documentId}`);
  expect(draft.lead).toBe(LIVE_LEAD);
  expect(draft.status).toBe('published');
});
