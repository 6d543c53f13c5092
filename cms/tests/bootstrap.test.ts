import { afterAll, beforeAll, expect, it } from 'vitest';
import { rest } from './api-client';
import { startCms, type TestCms } from './harness';

const webhookEnv = { REBUILD_WEBHOOK_URL: 'http://127.0.0.1:4321/webhook', REBUILD_WEBHOOK_SECRET: 'test-secret-0123456789' };

let cms: TestCms;
beforeAll(async () => {
  cms = await startCms({ env: webhookEnv });
});
afterAll(async () => {
  await cms?.destroy();
});

const snapshot = async (strapi: TestCms['strapi']) => ({
  admins: await strapi.db.query('admin::user').count(),
  roles: (await strapi.db.query('admin::role').findMany({ select: ['code', 'name'], orderBy: { code: 'asc' } })).map(
    (r: { code: string; name: string }) => `${r.code}:${r.name}`
  ),
  permissions: await strapi.db.query('admin::permission').count(),
  publicPermissions: await strapi.db.query('plugin::users-permissions.permission').count(),
  tokens: (await strapi.db.query('admin::api-token').findMany({ select: ['name'], orderBy: { name: 'asc' } })).map(
    (t: { name: string }) => t.name
  ),
  webhooks: (await strapi.get('webhookStore').findWebhooks()).length,
});

const roleActions = async (strapi: TestCms['strapi'], code: string, subject: string) => {
  const role = await strapi.db.query('admin::role').findOne({ where: { code } });
  const permissions = await strapi.db.query('admin::permission').findMany({ where: { role: role.id, subject } });
  return permissions.map((p: { action: string }) => p.action.split('.').pop()).sort();
};

it('creates the first super admin from env, in Vietnamese, who can sign in', async () => {
  const admin = await cms.strapi.db.query('admin::user').findOne({ where: { email: cms.adminEmail }, populate: ['roles'] });
  expect(admin.preferedLanguage).toBe('vi');
  expect(admin.roles.map((r: { code: string }) => r.code)).toEqual(['strapi-super-admin']);

  const login = await rest(cms, 'POST', '/admin/login', { body: { email: cms.adminEmail, password: cms.adminPassword } });
  expect(login.status).toBe(200);
  const wrong = await rest(cms, 'POST', '/admin/login', { body: { email: cms.adminEmail, password: 'sai-mat-khau-1A' } });
  expect(wrong.status).toBe(400);
});

it('lets editors publish and authors only write drafts', async () => {
  for (const subject of ['api::article.article', 'api::document.document', 'api::gallery-image.gallery-image']) {
    expect(await roleActions(cms.strapi, 'strapi-editor', subject)).toEqual(['create', 'delete', 'publish', 'read', 'update']);
    expect(await roleActions(cms.strapi, 'strapi-author', subject)).toEqual(['create', 'delete', 'read', 'update']);
  }
});

it('creates the build token from STRAPI_TOKEN: it reads, it cannot write', async () => {
  expect((await rest(cms, 'GET', '/api/articles', { token: cms.buildToken })).status).toBe(200);
  const write = await rest(cms, 'POST', '/api/tags', { token: cms.buildToken, body: { data: { name: 'Không được' } } });
  expect(write.status).toBe(403);
  expect((await rest(cms, 'GET', '/api/articles', { token: 'not-the-token' })).status).toBe(401);
});

it('registers the rebuild webhook with the secret in a header, not in the URL', async () => {
  const [hook] = await cms.strapi.get('webhookStore').findWebhooks();
  expect(hook.url).toBe(webhookEnv.REBUILD_WEBHOOK_URL);
  expect(hook.headers.Authorization).toBe(`Bearer ${webhookEnv.REBUILD_WEBHOOK_SECRET}`);
  expect(hook.events).toEqual(expect.arrayContaining(['entry.publish', 'entry.unpublish', 'entry.delete', 'media.update']));
});

it('changes nothing when restarted', async () => {
  const before = await snapshot(cms.strapi);
  expect(before.admins).toBe(1);
  expect(before.tokens.filter((name) => name.includes('chỉ đọc'))).toHaveLength(1);
  expect(before.webhooks).toBe(1);
  cms = await cms.restart();
  expect(await snapshot(cms.strapi)).toEqual(before);
  expect((await rest(cms, 'GET', '/api/articles', { token: cms.buildToken })).status).toBe(200);
});
