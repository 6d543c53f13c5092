import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { TestCms } from '../../cms/tests/harness';
import { tinyPdf } from './build-helpers';

export const upload = async (cms: TestCms, buffer: Buffer, filename: string, mimetype: string, info: Record<string, string> = {}) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'toasoan-fixture-'));
  try {
    const filepath = path.join(dir, filename);
    await writeFile(filepath, buffer);
    const [file] = await cms.strapi
      .plugin('upload')
      .service('upload')
      .upload({ data: { fileInfo: { name: filename, ...info } }, files: { filepath, originalFilename: filename, mimetype, size: buffer.length } });
    return file as { id: number; url: string; mime: string };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

export const photo = (r: number, g: number, b: number) =>
  sharp({ create: { width: 1000, height: 667, channels: 3, background: { r, g, b } } }).jpeg({ quality: 80 }).toBuffer();

export const XSS_MARKER = 'xss-fixture';

/**
 * Content the tests know exactly, added next to the demo seed: one category with three published
 * articles two days apart (2021), a draft, an article whose draft was edited after publishing,
 * a document with a PDF and a small album.
 */
export const addTestContent = async (cms: TestCms) => {
  const docs = cms.strapi.documents;
  const category = await docs('api::category.category').create({ data: { name: 'Kiểm thử tự động', order: 99 } as any });
  const tag = await docs('api::tag.tag').create({ data: { name: 'Kiểm thử học tập' } as any });
  const cover = await upload(cms, await photo(164, 22, 26), 'anh-bia-kiem-thu.jpg', 'image/jpeg', { alternativeText: 'Ảnh bìa kiểm thử' });
  const inline = await upload(cms, await photo(30, 90, 160), 'anh-trong-bai.jpg', 'image/jpeg', { alternativeText: 'Ảnh trong bài' });

  // Readers' counts are not fields of the entry; they go where readers' counts go.
  const setCounts = (kind: 'article' | 'document', documentId: string, counts: { views?: number; downloads?: number }) =>
    (cms.strapi.service('api::engagement.counters') as any).set(kind, documentId, counts);
  const article = async ({ views, ...data }: Record<string, unknown>, status: 'published' | 'draft' = 'published') => {
    const created = await docs('api::article.article').create({ data: { category: category.documentId, ...data } as any, status });
    if (typeof views === 'number') await setCounts('article', created.documentId, { views });
    return created;
  };

  const first = await article({ title: 'Bài kiểm thử thứ nhất', lead: 'Mở đầu chuỗi kiểm thử.', date: '2021-06-20T03:00:00.000Z', views: 12 });
  const second = await article({
    title: 'Học tập nghị quyết - bài kiểm thử Đảng bộ',
    lead: 'Cán bộ, đảng viên học tập, quán triệt nghị quyết.',
    date: '2021-06-22T22:38:00.000Z',
    views: 706,
    author: 'Nguyễn Văn Kiểm',
    source: 'Ban Tuyên giáo',
    cover: cover.id,
    tags: [tag.documentId],
    body: [
      'Đoạn mở đầu có **chữ đậm**.',
      '',
      '| Chỉ tiêu | Kết quả |',
      '| --- | --- |',
      '| Kết nạp đảng viên | 98 |',
      '',
      `![Ảnh trong bài](${inline.url} "Chú thích ảnh trong bài")`,
      '',
      `<p class="${XSS_MARKER}">Nội dung <img src="x" onerror="alert('${XSS_MARKER}')"> và <a href="javascript:alert(1)">liên kết xấu</a></p>`,
      '<script>alert("xss-fixture")</script>',
      '<iframe src="https://evil.example/embed"></iframe>',
      '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Video"></iframe>',
    ].join('\n'),
  });
  const third = await article({ title: 'Bài kiểm thử thứ ba', lead: 'Đăng lúc nửa đêm giờ Việt Nam.', date: '2021-06-24T17:00:00.000Z', views: 3 });
  const draft = await article({ title: 'Bản nháp chưa đăng kiểm thử', date: '2021-06-23T01:00:00.000Z' }, 'draft');
  const edited = await article({ title: 'Tin đã đăng có bản sửa', date: '2021-06-21T05:00:00.000Z' });
  await docs('api::article.article').update({ documentId: edited.documentId, data: { title: 'Tiêu đề bản sửa chưa duyệt' } as any });

  const pdf = await upload(cms, tinyPdf('Thong bao kiem thu'), 'thong-bao-kiem-thu.pdf', 'application/pdf');
  const issuer = await docs('api::issuer.issuer').create({ data: { name: 'Văn phòng kiểm thử' } as any });
  const signer = await docs('api::signer.signer').create({ data: { name: 'Trần Thị Ký', position: 'Chánh Văn phòng' } as any });
  const document = await docs('api::document.document').create({
    data: {
      number: '99/TB-KT',
      title: 'Thông báo kiểm thử tải văn bản',
      kind: 'thong-bao',
      issuer: issuer.documentId,
      signer: signer.documentId,
      issuedAt: '2021-06-23',
      file: pdf.id,
      summary: 'Văn bản dùng cho kiểm thử.',
    } as any,
    status: 'published',
  });
  await setCounts('document', document.documentId, { views: 731, downloads: 157 });
  const draftDocument = await docs('api::document.document').create({
    data: { number: '98/TB-KT', title: 'Văn bản nháp kiểm thử', kind: 'thong-bao', file: pdf.id } as any,
  });

  const album = await docs('api::album.album').create({ data: { name: 'Album kiểm thử', date: '2021-06-23', description: 'Ảnh kiểm thử' } as any });
  const images = [];
  for (const [i, color] of [[200, 40, 40], [40, 160, 60], [50, 60, 200]].entries()) {
    const file = await upload(cms, await photo(color[0]!, color[1]!, color[2]!), `anh-album-${i + 1}.jpg`, 'image/jpeg', { alternativeText: `Ảnh kiểm thử ${i + 1}` });
    images.push(
      await docs('api::gallery-image.gallery-image').create({
        data: { title: `Ảnh kiểm thử ${i + 1}`, caption: `Chú thích ảnh kiểm thử ${i + 1}`, image: file.id, album: album.documentId, takenAt: `2021-06-2${i}T02:00:00.000Z` } as any,
        status: 'published',
      }),
    );
  }

  return { category, tag, first, second, third, draft, edited, document, draftDocument, pdf, album, images };
};

export type TestContent = Awaited<ReturnType<typeof addTestContent>>;

/** Readers' counts as the site build reads them (GraphQL with the build token, from the counters table). */
export const countsOf = async (cms: TestCms, type: 'article' | 'document', documentId: string) => {
  const fields = type === 'article' ? 'views ratingCount ratingAverage' : 'views downloads';
  const res = await fetch(`${cms.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${cms.buildToken}` },
    body: JSON.stringify({ query: `query($id: ID!) { ${type}(documentId: $id) { ${fields} } }`, variables: { id: documentId } }),
  });
  return (await res.json()).data[type];
};
