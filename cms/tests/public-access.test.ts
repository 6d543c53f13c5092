import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, rest } from './api-client';
import { startCms, type TestCms } from './harness';

let cms: TestCms;
beforeAll(async () => {
  cms = await startCms();
});
afterAll(async () => {
  await cms?.destroy();
});

const articles = () => cms.strapi.documents('api::article.article');

const publicSlugs = async () => {
  const res = await rest(cms, 'GET', '/api/articles?fields[0]=slug&pagination[pageSize]=100');
  return res.body.data.map((a: { slug: string }) => a.slug);
};

const graphqlSlugs = async () => {
  const res = await graphql(cms, '{ articles(pagination: { pageSize: 100 }) { slug } }');
  expect(res.errors).toBeUndefined();
  return res.data.articles.map((a: { slug: string }) => a.slug);
};

describe('draft and publish', () => {
  it('hides a draft from the public, shows it once published and hides it again when unpublished', async () => {
    const draft = await articles().create({ data: { title: 'Bản nháp chưa duyệt' } });
    expect(draft.slug).toBe('ban-nhap-chua-duyet');

    expect(await publicSlugs()).not.toContain('ban-nhap-chua-duyet');
    expect(await graphqlSlugs()).not.toContain('ban-nhap-chua-duyet');
    const single = await rest(cms, 'GET', `/api/articles/${draft.documentId}`);
    expect(single.status).toBe(404);

    await articles().publish({ documentId: draft.documentId });
    expect(await publicSlugs()).toContain('ban-nhap-chua-duyet');
    expect(await graphqlSlugs()).toContain('ban-nhap-chua-duyet');

    await articles().unpublish({ documentId: draft.documentId });
    expect(await publicSlugs()).not.toContain('ban-nhap-chua-duyet');
    expect(await graphqlSlugs()).not.toContain('ban-nhap-chua-duyet');
  });

  it('gives a published article the first publish time as its date, and keeps a backdated one', async () => {
    const before = Date.now();
    const fresh = await articles().create({ data: { title: 'Tin mới đăng' } });
    expect(fresh.date).toBeNull();
    const published = await articles().publish({ documentId: fresh.documentId });
    const date = new Date(published.entries[0].date).getTime();
    expect(date).toBeGreaterThanOrEqual(before - 1000);
    expect(date).toBeLessThanOrEqual(Date.now() + 1000);

    const imported = await articles().create({ data: { title: 'Tin nhập từ NukeViet', date: '2021-06-22T22:38:00.000Z' } });
    const republished = await articles().publish({ documentId: imported.documentId });
    expect(republished.entries[0].date).toBe('2021-06-22T22:38:00.000Z');
  });

  it('hides drafts from the public and from the site-build token, over REST and GraphQL', async () => {
    const draft = await articles().create({ data: { title: 'Bản nháp cho bản xem trước' } });
    const query = '/api/articles?status=draft&filters[slug][$eq]=ban-nhap-cho-ban-xem-truoc';
    const gql = '{ articles(status: DRAFT, filters: { slug: { eq: "ban-nhap-cho-ban-xem-truoc" } }) { title } }';
    const single = `/api/articles/${draft.documentId}?status=draft`;
    for (const token of [undefined, cms.buildToken]) {
      const who = token ? 'build token' : 'public';
      const list = await rest(cms, 'GET', query, { token });
      expect(list.status, who).toBe(200);
      expect(list.body.data, who).toHaveLength(0);
      expect((await rest(cms, 'GET', single, { token })).status, who).toBe(404);
      const res = await graphql(cms, gql, {}, token);
      expect(res.errors, who).toBeUndefined();
      expect(res.data.articles, who).toHaveLength(0);
    }

    // Once published, the same requests see the published version (and never the newer draft).
    await articles().publish({ documentId: draft.documentId });
    await articles().update({ documentId: draft.documentId, data: { lead: 'Sửa chưa duyệt' } });
    const asBuild = await rest(cms, 'GET', query, { token: cms.buildToken });
    expect(asBuild.body.data.map((a: { title: string; lead: string | null }) => [a.title, a.lead])).toEqual([['Bản nháp cho bản xem trước', null]]);
    expect((await graphql(cms, gql, {}, cms.buildToken)).data.articles).toEqual([{ title: 'Bản nháp cho bản xem trước' }]);
  });
});

describe('public writes are refused', () => {
  const collections = ['articles', 'categories', 'tags', 'documents', 'albums', 'gallery-images'];

  it.each(collections)('POST, PUT and DELETE /api/%s answer 403', async (collection) => {
    const create = await rest(cms, 'POST', `/api/${collection}`, { body: { data: { title: 'x', name: 'x' } } });
    expect(create.status).toBe(403);
    const update = await rest(cms, 'PUT', `/api/${collection}/any`, { body: { data: { title: 'x' } } });
    expect(update.status).toBe(403);
    const remove = await rest(cms, 'DELETE', `/api/${collection}/any`);
    expect(remove.status).toBe(403);
  });

  it('refuses changes to the site settings', async () => {
    expect((await rest(cms, 'PUT', '/api/site-setting', { body: { data: { siteName: 'x' } } })).status).toBe(403);
    expect((await rest(cms, 'DELETE', '/api/site-setting')).status).toBe(403);
  });

  it('refuses GraphQL mutations', async () => {
    const res = await graphql(cms, 'mutation { createArticle(data: { title: "Tin giả" }) { documentId } }');
    expect(res.errors?.[0]?.message).toMatch(/forbidden/i);
    expect(await articles().findFirst({ filters: { title: 'Tin giả' } })).toBeNull();
  });

  it('lets the public read every type the site needs', async () => {
    for (const path of ['/api/articles', '/api/categories', '/api/tags', '/api/documents', '/api/albums', '/api/gallery-images']) {
      expect((await rest(cms, 'GET', path)).status, path).toBe(200);
    }
  });
});
