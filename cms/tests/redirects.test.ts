import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFullAccessToken, graphql, rest } from './api-client';
import { startCms, type TestCms } from './harness';

let cms: TestCms;
let token: string;
beforeAll(async () => {
  cms = await startCms();
  token = await createFullAccessToken(cms);
});
afterAll(async () => {
  await cms?.destroy();
});

const UID = 'api::redirect.redirect';
const cm = `/content-manager/collection-types/${UID}`;

const editorToken = async () => {
  const role = await cms.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
  const email = `bientap-${Math.random().toString(36).slice(2)}@toasoan.test`;
  const password = 'Toasoan-Thu-1a';
  await cms.strapi.service('admin::user').create({ email, firstname: 'Biên tập', password, roles: [role.id], isActive: true, registrationToken: null });
  return (await rest(cms, 'POST', '/admin/login', { body: { email, password } })).body.data.token as string;
};

const create = (from: string, to: string) => rest(cms, 'POST', '/api/redirects', { token, body: { data: { from, to } } });

/** The field a 400 names, as the admin maps it onto the form. */
const fieldOf = (body: any) => body.error.details.errors[0].path[0];

describe('redirects written through the API', () => {
  it('stores the old address in one spelling: path only, leading "/", decoded, NFC', async () => {
    const created = await create('https://old.example.gov.vn/vi/tin-t%E1%BB%A9c/thoi-su/dai-hoi-12.html', 'tin-tuc/dai-hoi/');
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ from: '/vi/tin-tức/thoi-su/dai-hoi-12.html', to: '/tin-tuc/dai-hoi/' });
  });

  it('refuses a target on another site, naming the field', async () => {
    const res = await create('/vi/tin-tuc/a-1.html', 'https://evil.example/phishing');
    expect(res.status).toBe(400);
    expect(fieldOf(res.body)).toBe('to');
    expect(res.body.error.message).toMatch(/^to: phải là đường dẫn trong trang này/);
    expect((await create('/vi/tin-tuc/a-2.html', '//evil.example/x')).status).toBe(400);
  });

  it('refuses a loop and a query in the old address', async () => {
    const loop = await create('/tin-tuc/a/', '/tin-tuc//a/');
    expect(loop.status).toBe(400);
    expect(fieldOf(loop.body)).toBe('to');
    expect(loop.body.error.message).toMatch(/vòng lặp/);
    const query = await create('/index.php?nv=news', '/tin-tuc/');
    expect(query.status).toBe(400);
    expect(fieldOf(query.body)).toBe('from');
  });

  it('refuses a second redirect for the same old address, however it is spelled', async () => {
    expect((await create('/vi/tin-tuc/trung-7.html', '/tin-tuc/trung/')).status).toBe(201);
    for (const spelling of ['/vi/tin-tuc/trung-7.html', 'vi/tin-tuc//trung-7.html', 'http://old.example/vi/tin-tuc/trung-7.html']) {
      const res = await create(spelling, '/tin-tuc/khac/');
      expect(res.status).toBe(400);
      expect(fieldOf(res.body)).toBe('from');
    }
    expect(await cms.strapi.db.query(UID).count({ where: { from: '/vi/tin-tuc/trung-7.html' } })).toBe(1);
  });

  it('refuses a missing field', async () => {
    const res = await rest(cms, 'POST', '/api/redirects', { token, body: { data: { from: '/chi-co-from' } } });
    expect(res.status).toBe(400);
    expect(fieldOf(res.body)).toBe('to');
  });

  it('checks an update against the stored address', async () => {
    const made = await create('/vi/tin-tuc/sua-9.html', '/tin-tuc/sua/');
    const id = made.body.data.documentId;
    const loop = await rest(cms, 'PUT', `/api/redirects/${id}`, { token, body: { data: { to: '/vi/tin-tuc/sua-9.html' } } });
    expect(loop.status).toBe(400);
    expect(fieldOf(loop.body)).toBe('to');
    const ok = await rest(cms, 'PUT', `/api/redirects/${id}`, { token, body: { data: { to: '/tin-tuc/sua-moi/' } } });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ from: '/vi/tin-tuc/sua-9.html', to: '/tin-tuc/sua-moi/' });
  });
});

describe('redirects in bulk (an import)', () => {
  it('writes thousands of rows in one call, normalised, each readable like one made in the admin', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({ from: `nukeviet/bai-${i}.html`, to: `/tin-tuc/bai-${i}/` }));
    await cms.strapi.db.query(UID).createMany({ data: rows });
    const stored = await cms.strapi.documents(UID).findFirst({ filters: { from: '/nukeviet/bai-2999.html' } });
    expect(stored).toMatchObject({ from: '/nukeviet/bai-2999.html', to: '/tin-tuc/bai-2999/' });
    expect(stored!.documentId).toMatch(/^[a-z0-9]{24}$/);
    expect(stored!.createdAt).toBeTruthy();
  });

  it('refuses a batch holding a duplicate or a bad row, and writes none of it', async () => {
    const before = await cms.strapi.db.query(UID).count();
    await expect(
      cms.strapi.db.query(UID).createMany({ data: [{ from: '/lo-mot', to: '/a/' }, { from: '/nukeviet/bai-5.html', to: '/b/' }] }),
    ).rejects.toThrow(/^from: .*đã có chuyển hướng/);
    await expect(
      cms.strapi.db.query(UID).createMany({ data: [{ from: '/lo-hai', to: '/a/' }, { from: '/lo-ba', to: 'https://evil.example/' }] }),
    ).rejects.toThrow(/^to: /);
    expect(await cms.strapi.db.query(UID).count()).toBe(before);
  });
});

describe('redirects for editors and builds', () => {
  it('lets a Biên tập viên add one in the admin, and shows the same errors there', async () => {
    const admin = await editorToken();
    const made = await rest(cms, 'POST', cm, { token: admin, body: { from: '/vi/gioi-thieu.html', to: '/gioi-thieu/' } });
    expect(made.status).toBe(201);
    const duplicate = await rest(cms, 'POST', cm, { token: admin, body: { from: '/vi/gioi-thieu.html', to: '/khac/' } });
    expect(duplicate.status).toBe(400);
    expect(fieldOf(duplicate.body)).toBe('from');
    const layout = await rest(cms, 'GET', `/content-manager/content-types/${UID}/configuration`, { token: admin });
    expect(layout.body.data.contentType.metadatas.from.list.label).toBe('Địa chỉ cũ');
    expect(layout.body.data.contentType.metadatas.to.edit.label).toBe('Chuyển đến');
    expect(layout.body.data.contentType.layouts.list).toEqual(['from', 'to', 'updatedAt']);
  });

  it('are readable by the build token through GraphQL, and not by the public', async () => {
    const query = 'query { redirects(pagination: { pageSize: 5 }, sort: "from:asc") { from to } redirects_connection { pageInfo { total } } }';
    const res = await graphql(cms, query, {}, cms.buildToken);
    expect(res.errors).toBeUndefined();
    expect(res.data.redirects_connection.pageInfo.total).toBeGreaterThan(3000);
    expect(res.data.redirects[0]).toEqual({ from: '/nukeviet/bai-0.html', to: '/tin-tuc/bai-0/' });
    const anonymous = await graphql(cms, query);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
