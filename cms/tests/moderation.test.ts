import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, rest, adminTokenForRole } from './api-client';
import { startCms, type TestCms } from './harness';

const COMMENT = 'api::comment.comment';
const ARTICLE = 'api::article.article';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

let cms: TestCms;
let articleId: string;

const submit = async (text: string, name = 'Bạn đọc') => {
  const res = await fetch(`${cms.url}/api/engagement/articles/${articleId}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': BROWSER },
    body: JSON.stringify({ name, text }),
  });
  expect(res.status).toBe(202);
  const [comment] = await cms.strapi.documents(COMMENT).findMany({ filters: { text } });
  return comment.documentId as string;
};
const publicComments = async () =>
  ((await (await fetch(`${cms.url}/api/engagement/articles/${articleId}/comments`)).json()) as { data: { text: string }[] }).data.map((c) => c.text);

const adminUser = (roleCode: string) => adminTokenForRole(cms, roleCode);
const cm = (path: string) => `/content-manager/collection-types/${path}`;

beforeAll(async () => {
  cms = await startCms({ env: { ENGAGEMENT_COMMENTS_PER_10_MINUTES: '1000' } });
  articleId = (await cms.strapi.documents(ARTICLE).create({ data: { title: 'Bài để kiểm duyệt' } as never, status: 'published' })).documentId;
});
afterAll(async () => {
  await cms?.destroy();
});

describe('moderation through the admin API, as the edit form sends it', () => {
  it('approves with the whole entry, rejects, and refuses an unknown state naming the field', async () => {
    const token = await adminUser('strapi-editor');
    const approved = await submit('Ý kiến sẽ được duyệt trong biểu mẫu');
    const rejected = await submit('Ý kiến sẽ bị từ chối trong biểu mẫu');
    expect(await publicComments()).toEqual([]);

    const { body: opened } = await rest(cms, 'GET', cm(`${COMMENT}/${approved}`), { token });
    expect(opened.data.moderation).toBe('pending');
    // The form sends back everything it loaded, with the one field changed.
    const save = await rest(cms, 'PUT', cm(`${COMMENT}/${approved}`), { token, body: { ...opened.data, moderation: 'approved' } });
    expect(save.status).toBe(200);
    expect(save.body.data.moderation).toBe('approved');
    expect((await rest(cms, 'PUT', cm(`${COMMENT}/${rejected}`), { token, body: { moderation: 'rejected' } })).status).toBe(200);
    expect(await publicComments()).toEqual(['Ý kiến sẽ được duyệt trong biểu mẫu']);

    const wrong = await rest(cms, 'PUT', cm(`${COMMENT}/${rejected}`), { token, body: { moderation: 'published' } });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body.error)).toContain('moderation');
    expect(await publicComments()).toEqual(['Ý kiến sẽ được duyệt trong biểu mẫu']);
  });

  it('shows the article in the comment (draft side, as the admin reads it) and lists pending first', async () => {
    const token = await adminUser('strapi-editor');
    const id = await submit('Ý kiến để xem bài viết liên quan');
    const relation = await rest(cms, 'GET', `/content-manager/relations/${COMMENT}/${id}/article`, { token });
    expect(relation.status).toBe(200);
    expect(relation.body.results.map((r: { title: string }) => r.title)).toEqual(['Bài để kiểm duyệt']);

    const list = await rest(cms, 'GET', cm(`${COMMENT}?page=1&pageSize=20&sort=awaitingModeration:DESC`), { token });
    const states = list.body.results.map((c: { moderation: string }) => c.moderation);
    expect(states.length).toBeGreaterThan(2);
    const firstOther = states.findIndex((s: string) => s !== 'pending');
    expect(states.slice(firstOther)).not.toContain('pending');
    expect(states[0]).toBe('pending');
  });

  it('filters approved comments by the renamed field in GraphQL; the old name is gone', async () => {
    const approved = await graphql(cms, '{ comments(filters: { moderation: { eq: "approved" } }) { text moderation } }', {}, cms.buildToken);
    expect(approved.data.comments).toEqual([{ text: 'Ý kiến sẽ được duyệt trong biểu mẫu', moderation: 'approved' }]);
    const old = await graphql(cms, '{ comments(filters: { status: { eq: "approved" } }) { text } }', {}, cms.buildToken);
    expect(old.errors?.[0]?.message).toMatch(/status/);
    const hidden = await graphql(cms, '{ comments { awaitingModeration } }', {}, cms.buildToken);
    expect(hidden.errors?.[0]?.message).toMatch(/awaitingModeration/);
  });
});

describe('migration of a database from before the rename', () => {
  it('keeps every stored state, links comments to the article draft, and orders the queue', async () => {
    const texts = { pending: 'Cũ: đang chờ', approved: 'Cũ: đã duyệt', rejected: 'Cũ: từ chối' } as const;
    for (const [state, text] of Object.entries(texts)) {
      const id = await submit(text);
      if (state !== 'pending') await cms.strapi.documents(COMMENT).update({ documentId: id, data: { moderation: state } as never });
    }
    // Make the database look as the previous release left it: the state in `status`, no queue flag,
    // comments linked to the published article row only, the migrations not yet run.
    const knex = cms.strapi.db.connection;
    const published = await knex('articles').where({ document_id: articleId }).whereNotNull('published_at').first('id');
    await knex('comments_article_lnk').whereNot({ article_id: published.id }).delete();
    await knex.schema.alterTable('comments', (table) => table.dropColumn('awaiting_moderation'));
    await knex.schema.alterTable('comments', (table) => table.renameColumn('moderation', 'status'));
    await knex('strapi_migrations').where('name', 'like', '%comment%').delete();
    await knex('strapi_database_schema').delete(); // an older schema: Strapi syncs it on start
    const before = await knex('comments').select('text', 'status');
    expect(before.find((c: { text: string }) => c.text === texts.approved).status).toBe('approved');

    cms = await cms.restart();

    const after = await cms.strapi.db.connection('comments').select('text', 'moderation', 'awaiting_moderation');
    expect(after).toHaveLength(before.length);
    for (const { text, status } of before) {
      const row = after.find((c: { text: string }) => c.text === text);
      expect(row.moderation).toBe(status);
      expect(Boolean(row.awaiting_moderation)).toBe(status === 'pending');
    }
    expect(await publicComments()).toEqual(expect.arrayContaining([texts.approved]));
    expect(await publicComments()).not.toContain(texts.rejected);
    const token = await adminUser('strapi-editor');
    const [old] = await cms.strapi.documents(COMMENT).findMany({ filters: { text: texts.pending } });
    const relation = await rest(cms, 'GET', `/content-manager/relations/${COMMENT}/${old.documentId}/article`, { token });
    expect(relation.body.results.map((r: { title: string }) => r.title)).toEqual(['Bài để kiểm duyệt']);

    // Once: a second start finds nothing left to migrate and changes nothing.
    cms = await cms.restart();
    expect(await cms.strapi.db.connection('comments').select('text', 'moderation', 'awaiting_moderation')).toEqual(after);
  });
});
