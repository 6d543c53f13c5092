// Readers' counts against an editor's form: the admin's edit view reads the whole entry and sends it
// all back on save. Counts counted in between must survive the save, publish and unpublish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, rest } from './api-client';
import { startCms, type TestCms } from './harness';

const BROWSER = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
const reader = (n: number | string) => ({ 'user-agent': `${BROWSER} reader/${n}` });

type Uid = 'api::article.article' | 'api::document.document';
const TYPES = {
  article: { uid: 'api::article.article' as Uid, count: 'views', path: (id: string) => `/articles/${id}/view`, method: 'POST' },
  document: { uid: 'api::document.document' as Uid, count: 'downloads', path: (id: string) => `/documents/${id}/download`, method: 'GET' },
} as const;

let cms: TestCms;
let adminToken: string;

beforeAll(async () => {
  cms = await startCms();
  const login = await rest(cms, 'POST', '/admin/login', { body: { email: cms.adminEmail, password: cms.adminPassword } });
  adminToken = login.body.data.token;
});
afterAll(async () => {
  await cms?.destroy();
});

/** The content manager's own endpoints, as the edit view calls them. */
const admin = (method: string, uid: Uid, suffix: string, body?: unknown) =>
  rest(cms, method, `/content-manager/collection-types/${uid}${suffix}`, { token: adminToken, body });

/** What the site build reads. */
const buildSees = async (type: keyof typeof TYPES, documentId: string): Promise<number> => {
  const { data, errors } = await graphql(cms, `query($id: ID!) { ${type}(documentId: $id) { ${TYPES[type].count} } }`, { id: documentId }, cms.buildToken);
  expect(errors).toBeUndefined();
  return data[type][TYPES[type].count];
};

const countTen = async (type: keyof typeof TYPES, documentId: string) => {
  const { path, method } = TYPES[type];
  const responses = await Promise.all(
    Array.from({ length: 10 }, (_, i) => fetch(`${cms.url}/api/engagement${path(documentId)}`, { method, headers: reader(`${type}-${i}`), redirect: 'manual' }))
  );
  expect(responses.map((res) => res.status)).toEqual(Array(10).fill(type === 'article' ? 200 : 302));
};

const create = async (type: keyof typeof TYPES) => {
  if (type === 'article') {
    return (await cms.strapi.documents('api::article.article').create({ data: { title: 'Bài mở trong biểu mẫu cũ' }, status: 'published' })).documentId;
  }
  const file = await cms.strapi.db.query('plugin::upload.file').create({
    data: { name: 'ke-hoach.pdf', hash: 'ke_hoach_stale', ext: '.pdf', mime: 'application/pdf', size: 1, url: '/uploads/ke_hoach_stale.pdf', provider: 'local' },
  });
  return (await cms.strapi.documents('api::document.document').create({ data: { title: 'Kế hoạch số 5', kind: 'ke-hoach', file: file.id } as never, status: 'published' }))
    .documentId;
};

describe.each(['article', 'document'] as const)('an editor’s stale %s form', (type) => {
  const { uid, count } = TYPES[type];

  it(`keeps the ${count} readers counted while the form was open, through save, publish, unpublish`, async () => {
    const documentId = await create(type);
    const opened = await admin('GET', uid, `/${documentId}`);
    expect(opened.status).toBe(200);
    // The form never carries the count, so it has nothing old to send back.
    expect(opened.body.data).not.toHaveProperty(count);

    await countTen(type, documentId);
    expect(await buildSees(type, documentId)).toBe(10);

    const { id: _id, documentId: _documentId, ...entry } = opened.body.data;
    const saved = await admin('PUT', uid, `/${documentId}`, { ...entry, title: `${entry.title} (đã sửa)` });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const published = await admin('POST', uid, `/${documentId}/actions/publish`, { ...entry, title: `${entry.title} (đã sửa)` });
    expect(published.status).toBe(200);
    expect(await buildSees(type, documentId)).toBe(10);

    const unpublished = await admin('POST', uid, `/${documentId}/actions/unpublish`, {});
    expect(unpublished.status).toBe(200);
    expect((await admin('POST', uid, `/${documentId}/actions/publish`, {})).status).toBe(200);
    expect(await buildSees(type, documentId)).toBe(10);
  });

  it(`ignores a ${count} value written into the form`, async () => {
    const documentId = await create(type);
    await countTen(type, documentId);
    const opened = await admin('GET', uid, `/${documentId}`);
    const { id: _id, documentId: _documentId, ...entry } = opened.body.data;
    const forged = await admin('PUT', uid, `/${documentId}`, { ...entry, [count]: 0 });
    expect(forged.status).toBeLessThan(500);
    await admin('POST', uid, `/${documentId}/actions/publish`, { ...entry, [count]: 0 });
    expect(await buildSees(type, documentId)).toBe(10);
  });
});

describe('counts in the admin', () => {
  const counts = (kind: string, documentId: string, token?: string) => rest(cms, 'GET', `/engagement-admin/counts/${kind}/${documentId}`, { token });

  it('shows a signed-in editor the readers’ counts, read-only', async () => {
    const documentId = await create('article');
    await countTen('article', documentId);
    const res = await counts('article', documentId, adminToken);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ views: 10, downloads: 0, ratingCount: 0, ratingAverage: 0 });
    expect((await counts('document', 'chuaco', adminToken)).body.data).toEqual({ views: 0, downloads: 0, ratingCount: 0, ratingAverage: 0 });
  });

  it('refuses strangers and names a bad parameter', async () => {
    expect((await counts('article', 'abc')).status).toBe(401);
    expect((await counts('article', 'abc', cms.buildToken)).status).toBe(401);
    const bad = await counts('album', 'abc', adminToken);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^kind: /);
    const badId = await counts('article', encodeURIComponent('x y'), adminToken);
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toMatch(/^documentId: /);
  });
});
