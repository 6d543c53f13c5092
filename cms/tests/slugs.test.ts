import { afterAll, beforeAll, expect, it } from 'vitest';
import { createFullAccessToken, rest } from './api-client';
import { startCms, type TestCms } from './harness';

let cms: TestCms;
let importToken: string;
beforeAll(async () => {
  cms = await startCms();
  importToken = await createFullAccessToken(cms);
});
afterAll(async () => {
  await cms?.destroy();
});

const createArticle = async (title: string) => {
  const res = await rest(cms, 'POST', '/api/articles?status=draft', { token: importToken, body: { data: { title } } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { slug: string; documentId: string };
};

it.each([
  ['Đảng bộ thị xã Phổ Yên', 'dang-bo-thi-xa-pho-yen'],
  ['ĐẠI HỘI ĐẢNG BỘ', 'dai-hoi-dang-bo'],
  ['Ăn quả nhớ kẻ trồng cây', 'an-qua-nho-ke-trong-cay'],
  ['Tâm tư, nguyện vọng', 'tam-tu-nguyen-vong'],
  ['Kết nạp đảng viên mới', 'ket-nap-dang-vien-moi'],
  ['Ông bà ơi, ưu tiên người cao tuổi', 'ong-ba-oi-uu-tien-nguoi-cao-tuoi'],
  ['Thanh huyền hỏi ngã nặng: à á ả ã ạ', 'thanh-huyen-hoi-nga-nang-a-a-a-a-a'],
  ['Thư viện ảnh ỳ ý ỷ ỹ ỵ', 'thu-vien-anh-y-y-y-y-y'],
  ['Số 1182-CV/BTGTU: "Hướng dẫn" (tháng 6/2021)!', 'so-1182-cv-btgtu-huong-dan-thang-6-2021'],
])('slugs %j as %s when created through the API', async (title, expected) => {
  expect((await createArticle(title)).slug).toBe(expected);
});

it('slugs decomposed (NFD) text pasted from Word exactly like composed text', async () => {
  const decomposed = 'Học tập và làm theo tư tưởng Hồ Chí Minh'.normalize('NFD');
  expect(decomposed).not.toBe(decomposed.normalize('NFC'));
  expect((await createArticle(decomposed)).slug).toBe('hoc-tap-va-lam-theo-tu-tuong-ho-chi-minh');
});

it('gives a second article with the same title a distinct slug', async () => {
  const first = await createArticle('Hội nghị sơ kết quý III');
  const second = await createArticle('Hội nghị sơ kết quý III');
  expect(first.slug).toBe('hoi-nghi-so-ket-quy-iii');
  expect(second.slug).toBe('hoi-nghi-so-ket-quy-iii-2');
});

it('keeps the slug when an editor changes the title later', async () => {
  const article = await createArticle('Tiêu đề ban đầu');
  const res = await rest(cms, 'PUT', `/api/articles/${article.documentId}?status=draft`, {
    token: importToken,
    body: { data: { title: 'Tiêu đề đã sửa' } },
  });
  expect(res.status).toBe(200);
  expect(res.body.data.slug).toBe('tieu-de-ban-dau');
});

it('slugs categories, tags, documents and albums on the server too', async () => {
  const cases: [string, Record<string, string>, string][] = [
    ['/api/categories', { name: 'Xây dựng Đảng' }, 'xay-dung-dang'],
    ['/api/tags', { name: 'Chuyển đổi số' }, 'chuyen-doi-so'],
    ['/api/documents', { title: 'Hướng dẫn tổ chức hội nghị', kind: 'huong-dan' }, 'huong-dan-to-chuc-hoi-nghi'],
    ['/api/albums', { name: 'Lễ kỷ niệm ngày thành lập Đảng' }, 'le-ky-niem-ngay-thanh-lap-dang'],
  ];
  for (const [path, data, slug] of cases) {
    const res = await rest(cms, 'POST', path, { token: importToken, body: { data } });
    expect(res.status, path).toBe(201);
    expect(res.body.data.slug, path).toBe(slug);
  }
});

it('refuses a title over 300 characters with a message naming the field, and stores nothing', async () => {
  const title = 'Tin '.repeat(80);
  const res = await rest(cms, 'POST', '/api/articles', { token: importToken, body: { data: { title } } });
  expect(res.status).toBe(400);
  expect(JSON.stringify(res.body.error)).toContain('title');
  expect(await cms.strapi.documents('api::article.article').count({ filters: { title } })).toBe(0);
});
