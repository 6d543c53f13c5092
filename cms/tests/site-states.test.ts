// `siteStates`: the one request a site build makes to learn what changed since its last sync;
// `syncArticles`: how it then reads the changed articles whole.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCmsClient } from '../../shared/src/client';
import {
  ArticlesPageDocument,
  DocumentsPageDocument,
  GalleryImagesPageDocument,
  SyncArticlesDocument,
  SyncDocumentsDocument,
  SyncGalleryImagesDocument,
} from '../../shared/src/generated/graphql';
import { articlesFromColumns, documentsFromColumns, galleryImagesFromColumns } from '../../shared/src/sync-columns';
import { createFullAccessToken, graphql, rest } from './api-client';
import { startCms, type TestCms } from './harness';

const SITE_STATES = /* GraphQL */ `
  {
    siteStates {
      articles { documentIds updatedAts views ratingAverages ratingCounts }
      documents { documentIds updatedAts views downloads links }
      galleryImages { documentIds updatedAts }
      registerVersion
    }
  }
`;

let cms: TestCms;
let token: string;
beforeAll(async () => {
  cms = await startCms();
  token = await createFullAccessToken(cms);
});
afterAll(async () => {
  await cms?.destroy();
});

const states = async (asToken = cms.buildToken) => {
  const res = await graphql(cms, SITE_STATES, {}, asToken);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.siteStates;
};
const row = (columns: Record<string, unknown[]>, documentId: string) => {
  const i = (columns.documentIds as string[]).indexOf(documentId);
  return i < 0 ? undefined : Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, values[i]]));
};
const create = async (path: string, data: Record<string, unknown>) => {
  const res = await rest(cms, 'POST', path, { token, body: { data } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { documentId: string; updatedAt: string };
};

it('lists each published article with the updatedAt and counts the collection query gives, and no draft', async () => {
  const live = await create('/api/articles', { title: 'Bài đã đăng để đồng bộ' });
  const draft = await create('/api/articles?status=draft', { title: 'Bản nháp không được liệt kê' });
  await cms.strapi.service('api::engagement.counters').set('article', live.documentId, { views: 42 });

  const { articles } = await states();
  const { data } = await graphql(cms, `query ($id: ID!) { article(documentId: $id) { updatedAt views } }`, { id: live.documentId }, cms.buildToken);
  expect(row(articles, live.documentId)).toEqual({
    documentIds: live.documentId,
    updatedAts: data.article.updatedAt,
    views: 42,
    ratingAverages: 0,
    ratingCounts: 0,
  });
  expect(row(articles, draft.documentId)).toBeUndefined();

  const unpublished = await rest(cms, 'POST', `/content-manager/collection-types/api::article.article/${live.documentId}/actions/unpublish`, {
    token: await adminToken(),
    body: {},
  });
  expect(unpublished.status).toBe(200);
  expect(row((await states()).articles, live.documentId)).toBeUndefined();
});

it('gives each document the documents it replaces or relates to, and gallery images their updatedAt', async () => {
  const old = await create('/api/documents', { title: 'Quyết định cũ', number: 'Số 1-QĐ/UBND' });
  const related = await create('/api/documents', { title: 'Công văn liên quan', number: 'Số 2-CV/UBND' });
  const replacing = await create('/api/documents', {
    title: 'Quyết định thay thế',
    number: 'Số 3-QĐ/UBND',
    replaces: [old.documentId],
    relatedDocuments: [related.documentId],
  });
  const { documents } = await states();
  expect((row(documents, replacing.documentId)!.links as string[]).sort()).toEqual([old.documentId, related.documentId].sort());
  expect(row(documents, old.documentId)!.links).toEqual([]);

  // A media library row is all a gallery image needs here; no file is served.
  const upload = await cms.strapi.db.query('plugin::upload.file').create({
    data: { name: 'anh.jpg', hash: `anh_${Date.now()}`, ext: '.jpg', mime: 'image/jpeg', size: 1, url: '/uploads/anh.jpg', provider: 'local' },
  });
  const image = await create('/api/gallery-images', { title: 'Ảnh hoạt động', image: upload.id });
  expect(row((await states()).galleryImages, image.documentId)).toEqual({ documentIds: image.documentId, updatedAts: image.updatedAt });
});

it('changes the register version when an issuer is renamed, and not when an article is published', async () => {
  const before = (await states()).registerVersion;
  await create('/api/articles', { title: 'Một bài nữa' });
  expect((await states()).registerVersion).toBe(before);

  const issuer = await create('/api/issuers', { name: 'Ủy ban nhân dân xã' });
  const added = (await states()).registerVersion;
  expect(added).not.toBe(before);
  const renamed = await rest(cms, 'PUT', `/api/issuers/${issuer.documentId}`, { token, body: { data: { name: 'Ủy ban nhân dân phường' } } });
  expect(renamed.status).toBe(200);
  expect((await states()).registerVersion).not.toBe(added);
});

it('gives the published articles asked for exactly as the generated articles query does, counts aside, and no draft', async () => {
  const upload = await cms.strapi.db.query('plugin::upload.file').create({
    data: { name: 'bia.jpg', alternativeText: 'Ảnh bìa', caption: 'Chú thích', width: 1200, height: 800, hash: `bia_${Date.now()}`, ext: '.jpg', mime: 'image/jpeg', size: 22.48, url: '/uploads/bia.jpg', provider: 'local' },
  });
  const category = await create('/api/categories', { name: 'Tin đồng bộ' });
  const tags = [await create('/api/tags', { name: 'thủy lợi' }), await create('/api/tags', { name: 'nông thôn mới' })];
  const full = await create('/api/articles', {
    title: 'Bài đủ mọi trường',
    lead: 'Tóm tắt.',
    body: '<p>Nội dung <strong>đầy đủ</strong>.</p>',
    author: 'Hoàng Long',
    source: 'Trung tâm Văn hóa',
    date: '2021-06-23T05:38:00.000Z',
    featured: true,
    commentsEnabled: false,
    cover: upload.id,
    category: category.documentId,
    tags: tags.map((t) => t.documentId),
  });
  const bare = await create('/api/articles', { title: 'Bài chỉ có tiêu đề' });
  const draft = await create('/api/articles?status=draft', { title: 'Bản nháp không được đọc' });

  const client = createCmsClient({ url: cms.url, token: cms.buildToken });
  const { articles } = await client.request(ArticlesPageDocument, { page: 1, pageSize: 100 });
  const expected = articles
    .filter((a): a is NonNullable<typeof a> => !!a)
    .map(({ views: _views, ratingAverage: _average, ratingCount: _count, ...article }) => article)
    .sort((a, b) => a.documentId.localeCompare(b.documentId));
  expect(expected.map((a) => a.documentId)).toEqual(expect.arrayContaining([full.documentId, bare.documentId]));

  const ids = [...expected.map((a) => a.documentId), draft.documentId, 'khong-co-bai-nay'];
  const synced = articlesFromColumns((await client.request(SyncArticlesDocument, { ids })).syncArticles);
  expect(synced.sort((a, b) => a.documentId.localeCompare(b.documentId))).toEqual(expected);
  const fullOne = synced.find((a) => a.documentId === full.documentId)!;
  expect(fullOne.tags.map((t) => t?.name)).toEqual(['thủy lợi', 'nông thôn mới']);
  expect(fullOne.cover).toMatchObject({ url: '/uploads/bia.jpg', width: 1200, size: 22.48 });
});

it('gives the published documents asked for exactly as the generated documents query does, and no draft among the linked ones', async () => {
  const pdf = await cms.strapi.db.query('plugin::upload.file').create({
    data: { name: 'cong-van.pdf', hash: `cv_${Date.now()}`, ext: '.pdf', mime: 'application/pdf', size: 105.37, url: '/uploads/cong-van.pdf', provider: 'local' },
  });
  const type = await create('/api/document-types', { name: 'Công văn đồng bộ' });
  const issuer = await create('/api/issuers', { name: 'Ban Tuyên giáo Thị ủy' });
  const signer = await create('/api/signers', { name: 'Nguyễn Văn An', position: 'Trưởng ban' });
  const fields = [await create('/api/document-fields', { name: 'Y tế' }), await create('/api/document-fields', { name: 'Giáo dục' })];
  const replaced = await create('/api/documents', { title: 'Công văn cũ', number: 'Số 1180-CV/BTGTU' });
  const related = await create('/api/documents', { title: 'Công văn liên quan', number: 'Số 1181-CV/BTGTU' });
  const unpublished = await create('/api/documents?status=draft', { title: 'Dự thảo chưa ban hành', number: 'Số 1183-CV/BTGTU' });
  const full = await create('/api/documents', {
    title: 'Công văn đủ mọi trường',
    number: 'Số 1182-CV/BTGTU',
    summary: 'Về việc tuyên truyền.',
    issuedAt: '2021-06-23',
    effectiveDate: '2021-07-01',
    expiryDate: '2026-12-31',
    file: pdf.id,
    documentType: type.documentId,
    issuer: issuer.documentId,
    signer: signer.documentId,
    fields: fields.map((f) => f.documentId),
    replaces: [replaced.documentId],
    relatedDocuments: [related.documentId, unpublished.documentId],
  });

  const client = createCmsClient({ url: cms.url, token: cms.buildToken });
  const { documents } = await client.request(DocumentsPageDocument, { page: 1, pageSize: 100 });
  const expected = documents
    .filter((d): d is NonNullable<typeof d> => !!d)
    .map(({ views: _views, downloads: _downloads, ...document }) => document)
    .sort((a, b) => a.documentId.localeCompare(b.documentId));
  const ids = [...expected.map((d) => d.documentId), unpublished.documentId];
  const synced = documentsFromColumns((await client.request(SyncDocumentsDocument, { ids })).syncDocuments);
  expect(synced.sort((a, b) => a.documentId.localeCompare(b.documentId))).toEqual(expected);
  const fullOne = synced.find((d) => d.documentId === full.documentId)!;
  expect(fullOne.relatedDocuments.map((d) => d?.title)).toEqual(['Công văn liên quan']);
  expect(fullOne.fields.map((f) => f?.name)).toEqual(['Giáo dục', 'Y tế']);
  expect(fullOne).toMatchObject({ issuedAt: '2021-06-23', signer: { name: 'Nguyễn Văn An', position: 'Trưởng ban' }, file: { mime: 'application/pdf', size: 105.37 } });
  expect(synced.find((d) => d.documentId === replaced.documentId)!.replacedBy.map((d) => d?.documentId)).toEqual([full.documentId]);
});

it('gives the published gallery images asked for exactly as the generated query does, with their album', async () => {
  const album = await create('/api/albums', { name: 'Ngày hội đại đoàn kết' });
  const upload = await cms.strapi.db.query('plugin::upload.file').create({
    data: { name: 'hoi.jpg', width: 800, height: 600, hash: `hoi_${Date.now()}`, ext: '.jpg', mime: 'image/jpeg', size: 51.2, url: '/uploads/hoi.jpg', provider: 'local' },
  });
  const image = await create('/api/gallery-images', { title: 'Múa lân', caption: 'Đội lân thôn Đông', takenAt: '2024-02-10T08:00:00.000Z', image: upload.id, album: album.documentId });
  const draft = await create('/api/gallery-images?status=draft', { title: 'Ảnh chưa duyệt', image: upload.id });

  const client = createCmsClient({ url: cms.url, token: cms.buildToken });
  const { galleryImages } = await client.request(GalleryImagesPageDocument, { page: 1, pageSize: 100 });
  const expected = galleryImages.filter((g): g is NonNullable<typeof g> => !!g).sort((a, b) => a.documentId.localeCompare(b.documentId));
  const synced = galleryImagesFromColumns((await client.request(SyncGalleryImagesDocument, { ids: [...expected.map((g) => g.documentId), draft.documentId] })).syncGalleryImages);
  // updatedAt is what the sync compares with siteStates' listing; the generated query here does not ask for it.
  expect(synced.map(({ updatedAt: _updatedAt, ...g }) => g).sort((a, b) => a.documentId.localeCompare(b.documentId))).toEqual(expected);
  expect(synced.find((g) => g.documentId === image.documentId)).toMatchObject({
    updatedAt: image.updatedAt,
    album: { name: 'Ngày hội đại đoàn kết' },
    image: { url: '/uploads/hoi.jpg' },
  });
});

it('refuses more ids than a request may carry, naming the field', async () => {
  const ids = Array.from({ length: 1001 }, (_, i) => `id-${i}`);
  const res = await graphql(cms, `query ($ids: [ID!]!) { syncArticles(ids: $ids) { documentIds } }`, { ids }, cms.buildToken);
  expect(res.status).toBe(200);
  expect(res.data?.syncArticles ?? null).toBeNull();
  expect(res.errors?.[0]?.message).toMatch(/^ids: at most 1000/);
});

it('is refused to a token that may not read articles', async () => {
  const tagsOnly = await cms.strapi.service('admin::api-token').create({
    name: `tags-only-${Date.now()}`,
    type: 'custom',
    lifespan: null,
    permissions: ['api::tag.tag.find'],
  });
  for (const [field, query] of [
    ['siteStates', SITE_STATES],
    ['syncArticles', `{ syncArticles(ids: []) { documentIds } }`],
    ['syncDocuments', `{ syncDocuments(ids: []) { documentIds } }`],
    ['syncGalleryImages', `{ syncGalleryImages(ids: []) { documentIds } }`],
  ] as const) {
    const res = await graphql(cms, query, {}, tagsOnly.accessKey);
    expect(res.data?.[field] ?? null, field).toBeNull();
    expect(res.errors?.[0]?.message).toMatch(/forbidden/i);
  }
});

const adminToken = async () => {
  const login = await rest(cms, 'POST', '/admin/login', { body: { email: cms.adminEmail, password: cms.adminPassword } });
  return login.body.data.token as string;
};
