/**
 * Moderation, choice labels, list views and roles in the admin, driven in Chromium by clicking, on
 * the product as `npm start` runs it: a reader's comment reaches the article page only once an
 * editor approves it in the admin, and each role sees only what it may use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startProduct, type Product } from './product-harness';

const COMMENTS_LIST = '/admin/content-manager/collection-types/api::comment.comment';
const ARTICLES_LIST = '/admin/content-manager/collection-types/api::article.article';
const DOCUMENTS_LIST = '/admin/content-manager/collection-types/api::document.document';
const READER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.85 Safari/537.36';

let product: Product;
let article: { documentId: string; slug: string; title: string };
// Strapi allows five sign-ins per user in five minutes: the editor signs in once for every test.
let editor: Page;
let editorToken: string;

/** Strapi's guided tour (a development-mode feature) would cover the list; editors never see it. */
const withoutTour = async (page: Page) => {
  await page.addInitScript(() => localStorage.setItem('STRAPI_GUIDED_TOUR', JSON.stringify({ enabled: false, completedActions: [] })));
  return page;
};

beforeAll(async () => {
  product = await startProduct({ ENGAGEMENT_COMMENTS_PER_10_MINUTES: '100' });
  editor = await withoutTour(await product.signIn());
  editorToken = await product.adminToken();
  const res = await fetch(`${product.cmsUrl}/api/articles?fields[0]=title&fields[1]=slug&sort=date:desc&pagination[pageSize]=1`);
  [article] = (await res.json()).data;
  await product.waitForSite(`/tin-tuc/${article.slug}/`, article.title);
}, 900_000);

afterAll(async () => {
  await product?.stop();
});

/** A reader sends a comment through the site's public endpoint; it is stored pending. */
const submitComment = async (text: string, name = 'Bạn đọc kiểm thử') => {
  const res = await fetch(`${product.cmsUrl}/api/engagement/articles/${article.documentId}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': READER },
    body: JSON.stringify({ name, text, website: '' }),
  });
  expect(res.status).toBe(202);
};

const articlePage = async () => (await fetch(`${product.siteUrl}/tin-tuc/${article.slug}/`)).text();

/** An admin user with one of the newsroom roles, made as the super admin would in Settings → Users. */
const createUser = async (roleCode: string) => {
  const headers = { authorization: `Bearer ${editorToken}`, 'content-type': 'application/json' };
  const roles = (await (await fetch(`${product.cmsUrl}/admin/roles`, { headers })).json()).data as { id: number; code: string }[];
  const role = roles.find((r) => r.code === roleCode);
  if (!role) throw new Error(`no role ${roleCode}`);
  const email = `${roleCode}-${Date.now()}@toasoan.test`;
  const created = await fetch(`${product.cmsUrl}/admin/users`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email, firstname: 'Người', lastname: 'Thử', roles: [role.id] }),
  });
  const { registrationToken } = (await created.json()).data;
  const password = 'Toasoan-Thu-1a';
  const registered = await fetch(`${product.cmsUrl}/admin/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ registrationToken, userInfo: { firstname: 'Người', lastname: 'Thử', password } }),
  });
  expect(registered.status).toBe(200);
  return { email, password };
};

const openComments = async (page: Page) => {
  await page.goto(`${product.cmsUrl}${COMMENTS_LIST}`);
  await page.getByRole('row').nth(1).waitFor({ timeout: 60_000 });
};
const rowOf = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

describe('moderating reader comments', () => {
  it('approves a pending comment in its edit view; it then appears on the article page', async () => {
    const text = `Ý kiến duyệt trong biểu mẫu ${Date.now()}`;
    await submitComment(text, 'Nguyễn Thị Duyệt');
    const page = editor;
    await openComments(page);

    // The list tells a moderator what each comment is about and where it stands.
    const row = rowOf(page, text);
    await expect.poll(() => row.textContent()).toContain(article.title);
    expect(await row.textContent()).toContain('Nguyễn Thị Duyệt');
    expect(await row.textContent()).toContain('Chờ duyệt');
    expect(await row.textContent()).not.toContain('pending');

    await row.getByRole('link').first().click();
    const state = page.getByRole('combobox', { name: 'Kiểm duyệt' });
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toContain('Chờ duyệt');
    // The article the comment belongs to is shown by its title.
    await expect.poll(() => page.getByRole('main').textContent()).toContain(article.title);
    await state.click();
    await page.getByRole('option', { name: 'Đã duyệt' }).click();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu').first().waitFor();
    await expect.poll(() => state.textContent()).toContain('Đã duyệt');

    await product.waitForSite(`/tin-tuc/${article.slug}/`, text);
  });

  it('approves several comments at once from the list, and a rejected one never appears', async () => {
    const stamp = Date.now();
    const approved = [`Ý kiến duyệt hàng loạt một ${stamp}`, `Ý kiến duyệt hàng loạt hai ${stamp}`];
    const rejected = `Ý kiến bị từ chối ${stamp}`;
    const oneClick = `Ý kiến duyệt bằng nút Duyệt ${stamp}`;
    for (const text of [...approved, rejected, oneClick]) await submitComment(text);
    const page = editor;
    await openComments(page);

    // Pending comments come first.
    const rows = await page.getByRole('row').evaluateAll((all) => all.slice(1).map((row) => row.textContent ?? ''));
    const firstDone = rows.findIndex((text) => !text.includes('Chờ duyệt'));
    expect(firstDone === -1 ? rows.length : firstDone).toBeGreaterThanOrEqual(4);
    if (firstDone !== -1) expect(rows.slice(firstDone).filter((text) => text.includes('Chờ duyệt'))).toEqual([]);

    // In its edit view: one with the "Duyệt" button, the other rejected in the field and saved.
    await rowOf(page, oneClick).getByRole('link').first().click();
    const state = page.getByRole('combobox', { name: 'Kiểm duyệt' });
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toContain('Chờ duyệt');
    await page.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toContain('Đã duyệt');

    await openComments(page);
    await rowOf(page, rejected).getByRole('link').first().click();
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toContain('Chờ duyệt');
    await state.click();
    await page.getByRole('option', { name: 'Từ chối' }).click();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu').first().waitFor();

    // Several at once from the list.
    await openComments(page);
    for (const text of approved) await rowOf(page, text).getByRole('checkbox').check();
    // Strapi adds the bulk buttons from a requestIdleCallback; headless Chromium draws no frame on a
    // still page, so has no idle time (the button never came under CI load). A user's pointer moving
    // to the bar makes a frame: do the same (as admin-vietnamese.e2e does for bulk publish).
    await page.getByText('Đã chọn 2 mục').hover();
    const bulkApprove = page.getByRole('button', { name: 'Duyệt', exact: true });
    await bulkApprove.click();
    const confirm = page.getByRole('alertdialog');
    await expect.poll(() => confirm.textContent()).toContain('Đặt 2 ý kiến đã chọn thành "Đã duyệt"?');
    await confirm.getByRole('button', { name: 'Xác nhận' }).click();
    for (const text of approved) await expect.poll(() => rowOf(page, text).textContent(), { timeout: 30_000 }).toContain('Đã duyệt');
    expect(await rowOf(page, rejected).textContent()).toContain('Từ chối');

    for (const text of [...approved, oneClick]) await product.waitForSite(`/tin-tuc/${article.slug}/`, text);
    expect(await articlePage()).not.toContain(rejected);
  });
});

describe('roles', () => {
  it('shows a comment moderator only the comments; articles are refused', async () => {
    const text = `Ý kiến chờ người kiểm duyệt ${Date.now()}`;
    await submitComment(text);
    const moderator = await createUser('comment-moderator');
    const page = await withoutTour(await product.signIn(moderator));
    await page.goto(`${product.cmsUrl}/admin/content-manager`);
    await page.getByRole('link', { name: 'Ý kiến bạn đọc' }).first().waitFor({ timeout: 60_000 });
    const types = await page.locator('a[href*="/content-manager/collection-types/"], a[href*="/content-manager/single-types/"]').evaluateAll((links) =>
      [...new Set(links.map((link) => decodeURIComponent(new URL((link as HTMLAnchorElement).href).pathname).split('/').slice(0, 5).join('/')))]
    );
    expect(types).toEqual(['/admin/content-manager/collection-types/api::comment.comment']);
    expect(await page.locator('a[href$="/admin/plugins/upload"]').count()).toBe(0);

    // Comments open, with the article each one is about.
    await openComments(page);
    await expect.poll(() => rowOf(page, text).textContent()).toContain(article.title);
    expect(await rowOf(page, text).textContent()).toContain('Chờ duyệt');

    await page.goto(`${product.cmsUrl}${ARTICLES_LIST}`);
    await page.getByText('Bạn không có quyền truy cập nội dung này').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('grid').count()).toBe(0);
    await page.close();

    const token = await product.adminToken(moderator);
    const refused = await fetch(`${product.cmsUrl}/content-manager/collection-types/api::article.article`, { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(403);
  });

  it('lets an author write a draft but not publish it', async () => {
    const author = await createUser('strapi-author');
    const page = await withoutTour(await product.signIn(author));
    await page.goto(`${product.cmsUrl}${ARTICLES_LIST}/create`);
    await page.getByRole('textbox', { name: 'Tiêu đề' }).fill('Bản nháp viết trong trình duyệt');
    const save = page.getByRole('button', { name: 'Lưu' });
    const publish = page.getByRole('button', { name: 'Xuất bản' });
    await expect.poll(() => save.isEnabled(), { timeout: 30_000 }).toBe(true);
    expect(await publish.isDisabled()).toBe(true);
    await save.click();
    await page.getByText('Đã lưu').first().waitFor();
    expect(await publish.isDisabled()).toBe(true);
    await page.close();

    const headers = { authorization: `Bearer ${await product.adminToken(author)}`, 'content-type': 'application/json' };
    const refused = await fetch(`${product.cmsUrl}/content-manager/collection-types/api::article.article/actions/publish`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'Tác giả không được xuất bản' }),
    });
    expect(refused.status).toBe(403);
    const draft = await fetch(`${product.cmsUrl}/content-manager/collection-types/api::article.article`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'Bản nháp của tác giả' }),
    });
    expect(draft.status).toBe(201);
  });
});

describe('choices and list views', () => {
  it('shows document types by their Vietnamese names in the list and the form, from the list editors extend', async () => {
    const page = editor;
    await page.goto(`${product.cmsUrl}${DOCUMENTS_LIST}`);
    await page.getByRole('row').nth(1).waitFor({ timeout: 60_000 });
    const table = (await page.getByRole('grid').textContent()) ?? '';
    expect(table).toMatch(/Công văn|Hướng dẫn|Kế hoạch|Nghị quyết|Quyết định|Thông báo|Báo cáo/);
    expect(table).not.toMatch(/cong-van|huong-dan|ke-hoach|nghi-quyet|quyet-dinh|thong-bao|bao-cao/);
    const headers = (await page.locator('thead').textContent()) ?? '';
    for (const header of ['Số hiệu', 'Trích yếu', 'Loại văn bản', 'Cơ quan ban hành', 'Ngày ban hành', 'Ngày hết hiệu lực']) expect(headers).toContain(header);

    // The types are a list of their own, named in Vietnamese.
    await page.goto(`${product.cmsUrl}/admin/content-manager/collection-types/api::document-type.document-type`);
    await page.getByRole('row').nth(1).waitFor({ timeout: 60_000 });
    expect((await page.locator('thead').textContent()) ?? '').toContain('Tên loại văn bản');
    expect((await page.getByRole('grid').textContent()) ?? '').toContain('Nghị quyết');

    await page.goto(`${product.cmsUrl}${DOCUMENTS_LIST}`);
    await page.getByRole('row').nth(1).getByRole('link').first().click();
    const kind = page.getByRole('combobox', { name: 'Loại văn bản' });
    await kind.waitFor({ timeout: 30_000 });
    await kind.click();
    await page.getByRole('option', { name: 'Hướng dẫn' }).waitFor();
    // The picker offers every other type by name (the document's own type is already chosen).
    const options = await page.getByRole('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['Hướng dẫn', 'Nghị quyết', 'Báo cáo', 'Khác']));
    expect(options.filter((option) => option !== 'Tạo liên kết').length).toBeGreaterThanOrEqual(9);
    expect(options.join(' ')).not.toMatch(/cong-van|huong-dan|nghi-quyet|bao-cao/);
    await page.keyboard.press('Escape');
  });

  it('opens the article list newest first with category, date and state, 20 to a page', async () => {
    const page = editor;
    await page.goto(`${product.cmsUrl}${ARTICLES_LIST}`);
    await page.getByRole('row').nth(1).waitFor({ timeout: 60_000 });
    // The demo has more than 20 articles: a full first page, the newest on top.
    expect(await page.getByRole('row').count()).toBe(21);
    expect(await page.getByRole('row').nth(1).textContent()).toContain(article.title);
    const headers = (await page.locator('thead').textContent()) ?? '';
    for (const header of ['Tiêu đề', 'Chuyên mục', 'Ngày đăng']) expect(headers).toContain(header);
    expect(headers).not.toContain('Lượt xem');
  });
});
