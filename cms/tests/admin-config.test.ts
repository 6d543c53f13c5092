import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest } from './api-client';
import { startCms, type TestCms } from './harness';
import { readViews } from '../src/bootstrap/admin-views';
import path from 'node:path';

let cms: TestCms;
beforeAll(async () => {
  cms = await startCms();
});
afterAll(async () => {
  await cms?.destroy();
});

const VIEWS_DIR = path.join(import.meta.dirname, '..', 'src', 'views');
const configurationOf = async (uid: string) => {
  const contentTypes = cms.strapi.plugin('content-manager').service('content-types');
  return contentTypes.findConfiguration(contentTypes.findContentType(uid));
};

const userWithRole = async (code: string) => {
  const role = await cms.strapi.db.query('admin::role').findOne({ where: { code } });
  const email = `${code}-${Math.random().toString(36).slice(2)}@toasoan.test`;
  const password = 'Toasoan-Thu-1a';
  await cms.strapi.service('admin::user').create({ email, firstname: code, password, roles: [role.id], isActive: true, registrationToken: null });
  return (await rest(cms, 'POST', '/admin/login', { body: { email, password } })).body.data.token as string;
};
const cm = '/content-manager/collection-types';

describe('roles', () => {
  it('has the three newsroom roles in Vietnamese', async () => {
    const roles = await cms.strapi.db.query('admin::role').findMany({ where: { code: { $ne: 'strapi-super-admin' } }, orderBy: { code: 'asc' } });
    expect(roles.map((r: { code: string; name: string }) => `${r.code}:${r.name}`)).toEqual([
      'comment-moderator:Kiểm duyệt bình luận',
      'strapi-author:Tác giả',
      'strapi-editor:Biên tập viên',
    ]);
  });

  it('lets an editor publish and moderate', async () => {
    const token = await userWithRole('strapi-editor');
    const published = await rest(cms, 'POST', `${cm}/api::article.article/actions/publish`, { token, body: { title: 'Biên tập viên xuất bản' } });
    expect(published.status).toBe(200);
    expect((await rest(cms, 'GET', `${cm}/api::comment.comment`, { token })).status).toBe(200);
  });

  it('lets an author write drafts, never publish, and not see comments', async () => {
    const token = await userWithRole('strapi-author');
    const draft = await rest(cms, 'POST', `${cm}/api::article.article`, { token, body: { title: 'Bản nháp tác giả' } });
    expect(draft.status).toBe(201);
    expect((await rest(cms, 'POST', `${cm}/api::article.article/actions/publish`, { token, body: { title: 'Không được' } })).status).toBe(403);
    expect((await rest(cms, 'POST', `${cm}/api::article.article/${draft.body.data.documentId}/actions/publish`, { token, body: {} })).status).toBe(403);
    expect((await rest(cms, 'GET', `${cm}/api::comment.comment`, { token })).status).toBe(403);
  });

  it('lets a comment moderator open comments only: no articles, documents or media library', async () => {
    const token = await userWithRole('comment-moderator');
    expect((await rest(cms, 'GET', `${cm}/api::comment.comment`, { token })).status).toBe(200);
    for (const uid of ['api::article.article', 'api::document.document', 'api::gallery-image.gallery-image']) {
      expect((await rest(cms, 'GET', `${cm}/${uid}`, { token })).status).toBe(403);
    }
    expect((await rest(cms, 'GET', '/upload/files', { token })).status).toBe(403);
    // The admin builds its menu from these: only the comments type is readable.
    const { body } = await rest(cms, 'GET', '/admin/users/me/permissions', { token });
    const subjects = new Set(body.data.map((p: { subject: string | null }) => p.subject));
    expect([...subjects]).toEqual(['api::comment.comment']);
  });
});

describe('committed list views', () => {
  it('applies every committed view file', async () => {
    const views = await readViews(VIEWS_DIR);
    expect(views.map((v) => v.uid)).toContain('api::comment.comment');
    for (const view of views) {
      const config = await configurationOf(view.uid);
      expect(config.settings).toMatchObject(view.settings ?? {});
      if (view.list) expect(config.layouts.list).toEqual(view.list);
      for (const [field, { label }] of Object.entries(view.fields ?? {})) {
        if (label && config.metadatas[field]) expect([field, config.metadatas[field].edit.label]).toEqual([field, label]);
      }
    }
    const articles = await configurationOf('api::article.article');
    expect(articles.settings).toMatchObject({ pageSize: 20, defaultSortBy: 'date', defaultSortOrder: 'DESC' });
    expect(articles.layouts.list).toEqual(['title', 'category', 'date']);
    const comments = await configurationOf('api::comment.comment');
    expect(comments.layouts.list).toEqual(['article', 'name', 'text', 'moderation', 'createdAt']);
    expect(comments.metadatas.article.list.mainField).toBe('title');
    expect(comments.layouts.edit.flat().map((cell: { name: string }) => cell.name)).not.toContain('awaitingModeration');
  });

  it('restores the committed view and roles after a change made by hand, and a restart changes nothing else', async () => {
    const contentTypes = cms.strapi.plugin('content-manager').service('content-types');
    const article = contentTypes.findContentType('api::article.article');
    const clicked = await configurationOf('api::article.article');
    await contentTypes.updateConfiguration(article, {
      ...clicked,
      settings: { ...clicked.settings, pageSize: 10, defaultSortBy: 'title', defaultSortOrder: 'ASC' },
      layouts: { ...clicked.layouts, list: ['id', 'title'] },
    });
    const moderator = await cms.strapi.db.query('admin::role').findOne({ where: { code: 'comment-moderator' } });
    await cms.strapi.service('admin::role').addPermissions(moderator.id, [{ action: 'plugin::upload.read', subject: null, properties: {}, conditions: [] }]);

    cms = await cms.restart();
    const restored = await configurationOf('api::article.article');
    expect(restored.settings).toMatchObject({ pageSize: 20, defaultSortBy: 'date', defaultSortOrder: 'DESC' });
    expect(restored.layouts.list).toEqual(['title', 'category', 'date']);
    const grants = await cms.strapi.db.query('admin::permission').findMany({ where: { role: moderator.id } });
    expect(grants.map((p: { action: string }) => p.action).sort()).toEqual([
      'plugin::content-manager.explorer.delete',
      'plugin::content-manager.explorer.read',
      'plugin::content-manager.explorer.update',
    ]);

    const snapshot = async () => ({
      permissions: (await cms.strapi.db.query('admin::permission').findMany({ select: ['id', 'action', 'subject'], orderBy: { id: 'asc' } })),
      store: (await cms.strapi.db.query('strapi::core-store').findMany({ where: { key: { $startsWith: 'plugin_content_manager_configuration_content_types::api::' } }, orderBy: { key: 'asc' } })),
    });
    const before = await snapshot();
    cms = await cms.restart();
    expect(await snapshot()).toEqual(before);
  });
});
