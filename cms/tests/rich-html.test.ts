// The article body is the WYSIWYG editor's HTML: stored bodies from before the editor are converted
// once at bootstrap, API clients sending Markdown get the same HTML, and all text is stored NFC.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createFullAccessToken, rest } from './api-client';
import { startCms, type TestCms } from './harness';
import { convertStoredRichText } from '../src/bootstrap/rich-html';

let cms: TestCms;
let token: string;
beforeAll(async () => {
  cms = await startCms();
  token = await createFullAccessToken(cms);
});
afterAll(async () => {
  await cms?.destroy();
});

const MARKDOWN = [
  'Sáng 23/6, Ban Thường vụ **Thị ủy** tổ chức hội nghị.',
  '',
  '![Quang cảnh hội nghị](/uploads/hoi_nghi.jpg "Quang cảnh hội nghị. (Ảnh: Minh Anh)")',
  '',
  '## Những nội dung chính',
  '',
  '- Quán triệt nghị quyết',
  '- Triển khai [kế hoạch](https://example.gov.vn/ke-hoach)',
  '',
  '> *Đoàn kết - Dân chủ - Kỷ cương*',
].join('\n');

const bodyInDatabase = async (documentId: string) => {
  const rows = await cms.strapi.db.query('api::article.article').findMany({ where: { documentId }, select: ['body'] });
  return rows.map((row: { body: string }) => row.body);
};

it('stores Markdown sent through the API as the editor\'s HTML, and leaves the editor\'s HTML as it is', async () => {
  const markdown = await rest(cms, 'POST', '/api/articles', { token, body: { data: { title: 'Gửi Markdown qua API', body: 'Một đoạn có *nghiêng*.' } } });
  expect(markdown.body.data.body).toBe('<p>Một đoạn có <em>nghiêng</em>.</p>');

  const html = '<h2 class="align-center">Tiêu đề</h2><p>Đoạn **không phải** Markdown.</p><div class="tableWrapper"><table><tbody><tr><td><p>Ô</p></td></tr></tbody></table></div>';
  const editor = await rest(cms, 'POST', '/api/articles', { token, body: { data: { title: 'Gửi HTML của trình soạn thảo', body: html } } });
  expect(editor.body.data.body).toBe(html);
});

it('stores decomposed (NFD) Vietnamese composed (NFC), in the body and every other text field', async () => {
  const title = 'Tiếng Việt gõ bằng bộ gõ tổ hợp';
  const body = '<p>Nghị quyết Đại hội Đảng bộ lần thứ XXII</p>';
  const res = await rest(cms, 'POST', '/api/articles', {
    token,
    body: { data: { title: title.normalize('NFD'), lead: 'Ưu tiên phát triển'.normalize('NFD'), body: body.normalize('NFD') } },
  });
  expect(res.status).toBe(201);
  expect(body.normalize('NFD')).not.toBe(body);
  expect(res.body.data.title).toBe(title);
  expect(res.body.data.lead).toBe('Ưu tiên phát triển');
  expect(res.body.data.body).toBe(body);
  expect(res.body.data.slug).toBe('tieng-viet-go-bang-bo-go-to-hop');

  const updated = await rest(cms, 'PUT', `/api/articles/${res.body.data.documentId}`, { token, body: { data: { body: '<p>Sửa lại</p>'.normalize('NFD') } } });
  expect(updated.body.data.body).toBe('<p>Sửa lại</p>');
});

// A database from before the editor: Markdown in the column, and no record of the one-time conversion.
const MARKER = { type: 'core', name: 'toasoan', key: 'rich-html-conversion' } as const;

it('converts a Markdown body stored before the editor into HTML once, at the first start; later starts touch no row', async () => {
  const created = await rest(cms, 'POST', '/api/articles', { token, body: { data: { title: 'Bài viết cũ bằng Markdown' } } });
  expect(created.status).toBe(201);
  const { documentId } = created.body.data;
  // As an older release stored it: Markdown straight in the column (draft and published rows).
  await cms.strapi.db.query('api::article.article').updateMany({ where: { documentId }, data: { body: MARKDOWN } });
  expect(await bodyInDatabase(documentId)).toEqual([MARKDOWN, MARKDOWN]);
  expect(await cms.strapi.store.get(MARKER)).toMatchObject({ version: 1 });
  await cms.strapi.store.delete(MARKER);

  cms = await cms.restart();
  const [html, published] = await bodyInDatabase(documentId);
  expect(published).toBe(html);
  expect(html).toContain('<p>Sáng 23/6, Ban Thường vụ <strong>Thị ủy</strong> tổ chức hội nghị.</p>');
  expect(html).toContain('<figure><img src="/uploads/hoi_nghi.jpg" alt="Quang cảnh hội nghị"><figcaption>Quang cảnh hội nghị. (Ảnh: Minh Anh)</figcaption></figure>');
  expect(html).toContain('<h2>Những nội dung chính</h2>');
  expect(html).toContain('<li>Triển khai <a href="https://example.gov.vn/ke-hoach">kế hoạch</a></li>');
  expect(html).toContain('<blockquote>\n<p><em>Đoàn kết - Dân chủ - Kỷ cương</em></p>\n</blockquote>');
  expect(html).not.toContain('**');
  expect(await cms.strapi.store.get(MARKER)).toMatchObject({ version: 1, converted: expect.any(Number) });
  expect(await convertStoredRichText(cms.strapi)).toEqual({ converted: 0 });

  // The conversion is recorded: the next start reads no article. A row written behind the
  // application's back after it (never done by the product) stays as it is, which shows no row was read.
  const untouched = await rest(cms, 'POST', '/api/articles', { token, body: { data: { title: 'Bài viết ghi thẳng vào cơ sở dữ liệu' } } });
  await cms.strapi.db.query('api::article.article').updateMany({ where: { documentId: untouched.body.data.documentId }, data: { body: MARKDOWN } });
  cms = await cms.restart();
  expect(await bodyInDatabase(documentId)).toEqual([html, html]);
  expect(await bodyInDatabase(untouched.body.data.documentId)).toEqual([MARKDOWN, MARKDOWN]);
});
