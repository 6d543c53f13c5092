// An editor who reads only Vietnamese goes through every admin screen of the working day, by
// clicking, and meets no English: sign-in, home, every list and edit view, the publish, unpublish,
// discard and delete dialogs, relation pickers, filters, validation errors, notifications, the
// media library (upload, folders, alt text and caption) and the user menu.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ALLOWED_WORDS, englishMessages, findEnglish, foreignWords, visibleTexts, type EnglishFinding } from './admin-english';
import { startProduct, type Product } from './product-harness';

let product: Product;
let english: Set<string>;

beforeAll(async () => {
  english = await englishMessages();
  product = await startProduct();
}, 600_000);

afterAll(async () => {
  await product?.stop();
});

/** Collects what the screen shows now and remembers any English under the screen's name. */
const screens = (page: Page) => {
  const findings: Array<EnglishFinding & { screen: string }> = [];
  const seen: string[] = [];
  return {
    findings,
    seen,
    async check(screen: string) {
      const texts = await visibleTexts(page);
      seen.push(screen);
      // DUMP_ADMIN_TEXT=<folder> keeps what each screen showed, to see where a finding came from.
      const dump = process.env.DUMP_ADMIN_TEXT;
      if (dump) await writeFile(path.join(dump, `${String(seen.length).padStart(3, '0')}.txt`), `${screen}\n${texts.join('\n')}`);
      for (const finding of findEnglish(texts, english)) findings.push({ screen, ...finding });
    },
  };
};

describe('the English detector', () => {
  it('flags Strapi English, words that cannot be Vietnamese, and lets Vietnamese through', () => {
    expect(findEnglish(['Create new entry'], english).length).toBe(1);
    expect(findEnglish(['Tìm thấy 35 mục', 'Tạo mới', 'Tin tức - Sự kiện', 'Ngày đăng', 'UBND thị xã Phú Lâm'], english)).toEqual([]);
    expect(findEnglish(['35 entries found'], english)[0]?.why).toMatch(/entries, found/);
    expect(findEnglish(['True'], english)).toHaveLength(1); // passes as a syllable, caught as Strapi's English
    expect(foreignWords('Draft Published Introducing the new Media Library')).toEqual(['Draft', 'Published', 'Introducing', 'new', 'Media', 'Library']);
    expect(Object.keys(ALLOWED_WORDS)).toContain('email');
  });
});

it('shows the sign-in page in Vietnamese', async () => {
  const page = await product.browser.newPage();
  const screen = screens(page);
  await page.goto(`${product.cmsUrl}/admin/auth/login`);
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
  await screen.check('Đăng nhập');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText('Giá trị này là bắt buộc.').first().waitFor();
  await screen.check('Đăng nhập: lỗi nhập liệu');
  expect(screen.findings).toEqual([]);

  // Negative check: the same page in Strapi's English (a browser that chose it) is caught.
  await page.evaluate(() => window.localStorage.setItem('strapi-admin-language', 'en'));
  await page.reload();
  await page.getByRole('button', { name: 'Login' }).waitFor();
  await screen.check('Sign-in (English)');
  expect(screen.findings.map(({ text }) => text)).toEqual(expect.arrayContaining(['Password', 'Login']));
  await page.close();
});

const dialog = (page: Page) => page.getByRole('alertdialog').or(page.getByRole('dialog')).first();

// Edit views with the body editor (a custom field, its input loaded on demand): read once it is there.
const WITH_EDITOR = ['api::article.article', 'api::site-setting.site-setting'];
const editorShown = (page: Page, type: string) =>
  WITH_EDITOR.some((uid) => type.includes(uid)) ? page.getByRole('toolbar', { name: 'Định dạng nội dung' }).first().waitFor() : undefined;

const settle = async (page: Page) => {
  await page.waitForLoadState('networkidle');
  await page.locator('[aria-busy="true"], [role="progressbar"]').first().waitFor({ state: 'detached', timeout: 30_000 }).catch(() => {});
  // Until a custom field's input (the body editor) has loaded, Strapi holds its place with a disabled
  // box whose placeholder is "Unsupported field type: …"; one that never loads stays and is reported.
  await page.locator('input[placeholder^="Unsupported field type"]').first().waitFor({ state: 'detached', timeout: 30_000 }).catch(() => {});
};

it('super admin: home, navigation, every list and edit view, dialogs, notifications', { timeout: 600_000 }, async () => {
  const page = await product.signIn();
  const screen = screens(page);
  await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
  await settle(page);
  await screen.check('Trang chủ');

  // Main navigation: the labels are tooltips on icons.
  for (const link of await page.locator('nav a[href]').all()) {
    await link.hover();
    await page.getByRole('tooltip').first().waitFor({ timeout: 2_000 }).catch(() => {});
    await screen.check(`Điều hướng ${await link.getAttribute('href')}`);
  }

  await page.locator('nav a[href$="/content-manager"]').first().click();
  await settle(page);
  await page.locator('a[href*="/content-manager/single-types/"]').first().waitFor();
  await screen.check('Quản lý nội dung');
  const types = await page
    .locator('a[href*="/content-manager/collection-types/"], a[href*="/content-manager/single-types/"]')
    .evaluateAll((links) => [...new Set(links.map((link) => (link as HTMLAnchorElement).pathname.match(/\/content-manager\/[^/]+\/[^/]+/)![0]))]);
  expect(types.length).toBeGreaterThan(5);
  expect(types.some((type) => type.includes('users-permissions'))).toBe(false);

  // Every list, and the edit view of its first entry.
  for (const type of types) {
    await page.goto(`${product.cmsUrl}/admin${type}`);
    await settle(page);
    await screen.check(`Danh sách ${type}`);
    if (type.includes('/collection-types/')) {
      const firstRow = page.locator('tbody tr').first();
      if (await firstRow.count()) {
        await firstRow.locator('td').nth(2).click();
        await page.waitForURL((url) => url.pathname.startsWith(`/admin${type}/`));
        await settle(page);
      }
    }
    await editorShown(page, type);
    await screen.check(`Sửa ${type}`);
  }

  // Filters on the article list.
  const articles = types.find((type) => type.includes('api::article.article'))!;
  await page.goto(`${product.cmsUrl}/admin${articles}`);
  await settle(page);
  await page.getByRole('button', { name: 'Bộ lọc' }).click();
  await screen.check('Bộ lọc');
  await page.getByRole('combobox').first().click();
  await screen.check('Bộ lọc: chọn trường');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  // Bulk publish dialog from the list: it is offered for drafts, so one is made, dated now to
  // head the newest-first list.
  const draftTitle = 'Bản nháp cho hộp thoại xuất bản hàng loạt';
  const created = await fetch(`${product.cmsUrl}/content-manager/collection-types/api::article.article`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await product.adminToken()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: draftTitle, date: new Date().toISOString() }),
  });
  expect(created.status).toBeLessThan(300);
  await page.reload();
  await settle(page);
  await page.locator('tbody tr', { hasText: draftTitle }).getByRole('checkbox').check();
  // Strapi adds the bulk buttons from a requestIdleCallback (no timeout). Headless Chromium draws no
  // frame while nothing on screen changes, so has no idle time, and the buttons never came (an
  // untouched page waited 30 s). A user's pointer moving to them makes a frame: do the same.
  await page.getByText('Đã chọn 1 mục').hover();
  const bulkPublish = page.getByRole('button', { name: 'Xuất bản', exact: true });
  await bulkPublish.waitFor();
  await screen.check('Danh sách: đã chọn');
  await bulkPublish.click();
  await dialog(page).waitFor();
  await screen.check('Xuất bản hàng loạt');
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'detached' });

  // A validation error: publishing a new article without its required title (drafts may be incomplete).
  await page.getByRole('link', { name: 'Tạo mới' }).first().click();
  await settle(page);
  await screen.check('Tạo tin bài');
  await page.getByLabel('Tóm tắt').fill('Tóm tắt của một tin chưa có tiêu đề');
  await page.getByRole('button', { name: 'Xuất bản', exact: true }).click();
  await page.getByText(/bắt buộc/).first().waitFor();
  await screen.check('Tạo tin bài: lỗi nhập liệu');

  // An existing article: switch, relation picker, save, unpublish, discard, delete, publish.
  await page.goto(`${product.cmsUrl}/admin${articles}`);
  await settle(page);
  await page.locator('tbody tr', { hasText: 'Đã xuất bản' }).first().locator('td').nth(2).click();
  await settle(page);
  await screen.check('Sửa tin bài');
  // Yes/no switches read "Có / Không".
  const featured = page.getByRole('checkbox', { name: 'Tin nổi bật' });
  await expect.poll(() => featured.locator('xpath=..').textContent()).toMatch(/Có|Không/);

  await page.getByRole('combobox', { name: 'Chuyên mục' }).click();
  await page.getByRole('option').first().waitFor();
  await screen.check('Chọn liên kết');
  await page.keyboard.press('Escape');

  await page.getByLabel('Tóm tắt').fill('Tóm tắt đã sửa trong bài kiểm thử giao diện tiếng Việt');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã lưu').first().waitFor();
  await screen.check('Thông báo: đã lưu');
  // A published entry with saved changes: its status reads "Đã sửa" and unpublishing asks first.
  await page.getByText('Đã sửa', { exact: true }).first().waitFor();

  // The header's menu (delete) and the side panel's menu (unpublish, discard) of a modified entry.
  const headerMenu = () => page.getByRole('button', { name: 'Thao tác khác' }).first().click();
  const panelMenu = () => page.getByRole('button', { name: 'Thao tác khác' }).last().click();
  await panelMenu();
  await page.getByRole('menu').waitFor();
  await screen.check('Thao tác khác');
  await page.getByRole('menuitem', { name: /Gỡ xuất bản/ }).click();
  await dialog(page).waitFor();
  await screen.check('Hộp thoại gỡ xuất bản');
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'detached' });

  await panelMenu();
  await page.getByRole('menuitem', { name: /Hủy các thay đổi/ }).click();
  await dialog(page).waitFor();
  await screen.check('Hộp thoại hủy thay đổi');
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'detached' });

  await headerMenu();
  await page.getByRole('menuitem', { name: /Xóa mục/ }).click();
  await dialog(page).waitFor();
  await screen.check('Hộp thoại xóa');
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'detached' });

  await page.getByLabel('Tóm tắt').fill('Tóm tắt xuất bản trong bài kiểm thử giao diện tiếng Việt');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã lưu').first().waitFor();
  await page.getByRole('button', { name: 'Xuất bản', exact: true }).click();
  await page.getByText('Đã xuất bản').first().waitFor();
  await screen.check('Thông báo: đã xuất bản');

  expect(screen.findings).toEqual([]);
  await page.close();
});

// A real 64×48 PNG (one colour), made here so the test needs no binary fixture.
const png = () => {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const [width, height] = [64, 48];
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0xc8)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

it('media library in Vietnamese: list, filters, new folder, upload, an asset\'s alt text and caption', { timeout: 600_000 }, async () => {
  const page = await product.signIn();
  const screen = screens(page);
  await page.locator('nav a[href$="/plugins/upload"]').first().click();
  await page.locator('main img').first().waitFor();
  await settle(page);
  await screen.check('Thư viện ảnh/tệp');

  await page.getByRole('button', { name: 'Bộ lọc' }).click();
  await settle(page);
  await screen.check('Thư viện: bộ lọc');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Mới', exact: true }).click();
  await page.getByRole('menu').waitFor();
  await screen.check('Thư viện: menu Mới');
  await page.getByRole('menuitem', { name: /thư mục/i }).click();
  await dialog(page).waitFor();
  await screen.check('Thư viện: thư mục mới');
  await dialog(page).getByRole('textbox').first().fill('Ảnh hội nghị');
  await dialog(page).getByRole('button', { name: /Tạo/ }).click();
  await page.getByText(/Đã tạo thư mục/).first().waitFor();
  await screen.check('Thư viện: đã tạo thư mục');

  await page.getByRole('button', { name: 'Mới', exact: true }).click();
  const chooser = page.waitForEvent('filechooser', { timeout: 10_000 }).catch(() => undefined);
  await page.getByRole('menuitem', { name: 'Tải tệp lên', exact: true }).click();
  const fileChooser = await chooser;
  if (fileChooser) {
    await fileChooser.setFiles({ name: 'hoi-nghi.png', mimeType: 'image/png', buffer: png() });
  } else {
    await dialog(page).waitFor();
    await screen.check('Thư viện: hộp thoại tải lên');
    const dialogChooser = page.waitForEvent('filechooser');
    await dialog(page).getByRole('button', { name: /Chọn tệp/ }).click();
    await (await dialogChooser).setFiles({ name: 'hoi-nghi.png', mimeType: 'image/png', buffer: png() });
  }
  await page.getByText('Tải lên thành công!').first().waitFor();
  await screen.check('Thư viện: đã tải lên');

  await page.locator('main img').first().click();
  await page.getByText('Văn bản thay thế').first().waitFor();
  await settle(page);
  await screen.check('Thư viện: thông tin tệp');
  await page.getByRole('textbox', { name: 'Văn bản thay thế' }).fill('Hội nghị tổng kết năm');
  await page.getByRole('textbox', { name: 'Chú thích' }).fill('Toàn cảnh hội nghị');
  await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await page.getByText('Đã cập nhật tệp').first().waitFor();
  await screen.check('Thư viện: đã lưu văn bản thay thế và chú thích');
  expect(screen.findings).toEqual([]);
  await page.close();
});

it('user menu and profile in Vietnamese', { timeout: 300_000 }, async () => {
  const page = await product.signIn();
  const screen = screens(page);
  await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
  await page.getByRole('button', { name: /Quản trị viên/ }).click();
  await page.getByRole('menu').waitFor();
  await screen.check('Menu người dùng');
  await page.getByRole('menuitem', { name: 'Thông tin cá nhân' }).click();
  await page.getByRole('heading', { name: /Quản trị/ }).first().waitFor();
  await settle(page);
  await screen.check('Thông tin cá nhân');
  expect(screen.findings).toEqual([]);
  await page.close();
});

/** An administrator with one of the newsroom roles, invited and registered as in the admin. */
const newsroomUser = async (roleCode: string, email: string) => {
  const headers = { authorization: `Bearer ${await product.adminToken()}`, 'content-type': 'application/json' };
  const roles = (await (await fetch(`${product.cmsUrl}/admin/roles`, { headers })).json()) as { data: Array<{ id: number; code: string }> };
  const role = roles.data.find((candidate) => candidate.code === roleCode);
  if (!role) throw new Error(`no ${roleCode} role`);
  const created = await fetch(`${product.cmsUrl}/admin/users`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ firstname: 'Ngọc', lastname: 'Lan', email, roles: [role.id] }),
  });
  const { data } = (await created.json()) as { data: { registrationToken: string } };
  const password = 'Toasoan-Bientap-2026';
  const registered = await fetch(`${product.cmsUrl}/admin/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ registrationToken: data.registrationToken, userInfo: { firstname: 'Ngọc', lastname: 'Lan', password } }),
  });
  if (registered.status !== 200) throw new Error(`registering ${email} answered ${registered.status}`);
  return { email, password };
};

it.each([
  ['strapi-editor', 'Biên tập viên'],
  ['strapi-author', 'Tác giả'],
])('%s (%s): home, every list and edit view, media library, user menu in Vietnamese', { timeout: 600_000 }, async (code) => {
  const page = await product.signIn(await newsroomUser(code, `${code}@toasoan.test`));
  const screen = screens(page);
  await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
  await settle(page);
  await screen.check('Trang chủ');

  await page.locator('nav a[href$="/content-manager"]').first().click();
  await page.locator('a[href*="/content-manager/collection-types/api::article.article"]').first().waitFor();
  await settle(page);
  await screen.check('Quản lý nội dung');
  const types = await page
    .locator('a[href*="/content-manager/collection-types/"], a[href*="/content-manager/single-types/"]')
    .evaluateAll((links) => [...new Set(links.map((link) => (link as HTMLAnchorElement).pathname.match(/\/content-manager\/[^/]+\/[^/]+/)![0]))]);
  for (const type of types) {
    await page.goto(`${product.cmsUrl}/admin${type}`);
    await settle(page);
    await screen.check(`Danh sách ${type}`);
    // Only where the role may create (readers write comments; authors don't add categories or tags).
    const create = page.getByRole('link', { name: 'Tạo mới' }).first();
    if (type.includes('/collection-types/') && (await create.count()) > 0) {
      await create.click();
      await page.waitForURL((url) => url.pathname.endsWith(`${type}/create`));
      await settle(page);
      await editorShown(page, type);
    }
    await screen.check(`Soạn ${type}`);
  }

  await page.locator('nav a[href$="/plugins/upload"]').first().click();
  await page.locator('main img').first().waitFor();
  await settle(page);
  await screen.check('Thư viện ảnh/tệp');

  await page.getByRole('button', { name: /Ngọc Lan/ }).click();
  await page.getByRole('menu').waitFor();
  await screen.check('Menu người dùng');
  expect(screen.findings).toEqual([]);
  await page.close();
});

it('comment-moderator (Kiểm duyệt bình luận): the comment queue and a comment in Vietnamese', { timeout: 600_000 }, async () => {
  const { data: articles } = (await (await fetch(`${product.cmsUrl}/api/articles?pagination[pageSize]=1`)).json()) as { data: Array<{ documentId: string }> };
  const posted = await fetch(`${product.cmsUrl}/api/engagement/articles/${articles[0]!.documentId}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0' },
    body: JSON.stringify({ name: 'Bạn đọc Lê Hoa', text: 'Đề nghị đăng thêm lịch tiếp công dân.' }),
  });
  expect(posted.status).toBe(202);

  const page = await product.signIn(await newsroomUser('comment-moderator', 'kiem-duyet@toasoan.test'));
  const screen = screens(page);
  await settle(page);
  await screen.check('Trang chủ');
  await page.goto(`${product.cmsUrl}/admin/content-manager/collection-types/api::comment.comment`);
  await page.getByText('Bạn đọc Lê Hoa').first().waitFor();
  await settle(page);
  await screen.check('Danh sách ý kiến');
  await page.getByText('Bạn đọc Lê Hoa').first().click();
  await page.waitForURL((url) => /api::comment\.comment\/[^/]+$/.test(url.pathname));
  await settle(page);
  await screen.check('Sửa ý kiến');
  expect(screen.findings).toEqual([]);
  await page.close();
});
