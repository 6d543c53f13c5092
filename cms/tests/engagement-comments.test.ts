import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from './harness';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const EMAIL = 'ban.doc.bi.mat@example.vn';

let cms: TestCms;
const commentsOf = (id: string) => fetch(`${cms.url}/api/engagement/articles/${id}/comments`);
const submit = (id: string, body: unknown) =>
  fetch(`${cms.url}/api/engagement/articles/${id}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': BROWSER },
    body: JSON.stringify(body),
  });
const publishArticle = async (data: Record<string, unknown> = {}) =>
  (await cms.strapi.documents('api::article.article').create({ data: { title: 'Bài có ý kiến', ...data } as never, status: 'published' })).documentId;
const stored = () => cms.strapi.db.query('api::comment.comment').findMany({ populate: { article: true } });
const moderate = async (text: string, moderation: 'approved' | 'rejected') => {
  const [comment] = await cms.strapi.documents('api::comment.comment').findMany({ filters: { text } });
  await cms.strapi.documents('api::comment.comment').update({ documentId: comment.documentId, data: { moderation } });
};
const graphql = (query: string, token?: string) =>
  fetch(`${cms.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });

beforeAll(async () => {
  cms = await startCms({ env: { ENGAGEMENT_COMMENTS_PER_10_MINUTES: '1000' } });
});
afterAll(async () => {
  await cms?.destroy();
});

describe('lifecycle', () => {
  let id: string;
  beforeAll(async () => {
    id = await publishArticle();
  });

  it('stores a new comment as pending, with the article and the private email, and shows nothing yet', async () => {
    const res = await submit(id, { name: 'Nguyễn Văn A', email: EMAIL, text: 'Bài viết rất hữu ích.', website: '' });
    expect(res.status).toBe(202);
    expect((await res.json()).data.status).toBe('pending');
    const [comment] = await stored();
    expect(comment).toMatchObject({ name: 'Nguyễn Văn A', email: EMAIL, text: 'Bài viết rất hữu ích.', moderation: 'pending' });
    expect(comment.article.documentId).toBe(id);
    expect(comment.documentId).toEqual(expect.any(String));
    expect((await (await commentsOf(id)).json())).toEqual({ data: [], meta: { total: 0, commentsEnabled: true } });
  });

  it('shows a comment once approved, without its email', async () => {
    await moderate('Bài viết rất hữu ích.', 'approved');
    const res = await commentsOf(id);
    const text = await res.text();
    expect(text).not.toContain(EMAIL);
    const body = JSON.parse(text);
    expect(body.meta.total).toBe(1);
    expect(body.data).toEqual([{ name: 'Nguyễn Văn A', text: 'Bài viết rất hữu ích.', createdAt: expect.any(String) }]);
  });

  it('never shows a rejected comment', async () => {
    await submit(id, { name: 'Kẻ phá rối', text: 'Nội dung vi phạm' });
    await moderate('Nội dung vi phạm', 'rejected');
    const body = await (await commentsOf(id)).json();
    expect(body.data.map((c: { name: string }) => c.name)).toEqual(['Nguyễn Văn A']);
  });

  it('keeps approved comments on the article after it is edited and published again', async () => {
    await cms.strapi.documents('api::article.article').update({ documentId: id, data: { lead: 'Cập nhật' } });
    await cms.strapi.documents('api::article.article').publish({ documentId: id });
    expect((await (await commentsOf(id)).json()).meta.total).toBe(1);
  });

  it('strips HTML and keeps Vietnamese text intact', async () => {
    const res = await submit(id, { name: '<b>Trần Thị B</b>', text: '<p>Đồng ý &amp; ủng hộ <script>alert(1)</script><img src=x onerror=alert(1)>&lt;i&gt;!</p>' });
    expect(res.status).toBe(202);
    const comment = (await stored()).find((c: { name: string }) => c.name === 'Trần Thị B');
    expect(comment.text).toBe('Đồng ý & ủng hộ !');
  });

  it('pretends to accept a filled honeypot and stores nothing', async () => {
    const before = (await stored()).length;
    const res = await submit(id, { name: 'Bot', text: 'Mua ngay giá rẻ', website: 'http://spam.example' });
    expect(res.status).toBe(202);
    expect((await res.json()).data.status).toBe('pending');
    expect(await stored()).toHaveLength(before);
  });
});

describe('validation', () => {
  let id: string;
  beforeAll(async () => {
    id = await publishArticle();
  });

  it.each([
    ['name', { text: 'Nội dung hợp lệ' }],
    ['name', { name: '<b></b>', text: 'Nội dung hợp lệ' }],
    ['name', { name: 'x'.repeat(101), text: 'Nội dung hợp lệ' }],
    ['name', { name: 42, text: 'Nội dung hợp lệ' }],
    ['email', { name: 'An', email: 'khong-phai-email', text: 'Nội dung hợp lệ' }],
    ['email', { name: 'An', email: `${'a'.repeat(200)}@example.vn`, text: 'Nội dung hợp lệ' }],
    ['text', { name: 'An' }],
    ['text', { name: 'An', text: 'x' }],
    ['text', { name: 'An', text: 'x'.repeat(2001) }],
    ['text', { name: 'An', text: '<script>dài dài dài</script>' }],
    ['avatar', { name: 'An', text: 'Nội dung hợp lệ', avatar: 'x' }],
    ['body', ['mảng', 'không phải đối tượng']],
  ])('refuses a bad %s with 400 naming it', async (field, body) => {
    const res = await submit(id, body);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toMatchObject({ status: 400, name: 'BadRequestError' });
    expect(error.message.startsWith(`${field}: `)).toBe(true);
  });

  it('stores nothing that failed validation', async () => {
    expect((await stored()).filter((c: { article: { documentId: string } }) => c.article.documentId === id)).toEqual([]);
  });

  it('accepts an empty optional email', async () => {
    expect((await submit(id, { name: 'An', email: '', text: 'Nội dung hợp lệ' })).status).toBe(202);
  });
});

describe('closed and missing articles', () => {
  it('refuses comments when the editor closed them, and says so in the list', async () => {
    const id = await publishArticle({ commentsEnabled: false });
    const res = await submit(id, { name: 'An', text: 'Nội dung hợp lệ' });
    expect(res.status).toBe(403);
    expect((await (await commentsOf(id)).json()).meta.commentsEnabled).toBe(false);
  });

  it('answers 404 for an unknown or unpublished article', async () => {
    const draft = (await cms.strapi.documents('api::article.article').create({ data: { title: 'Nháp' } })).documentId;
    for (const id of [draft, 'khongtontai']) {
      expect((await submit(id, { name: 'An', text: 'Nội dung hợp lệ' })).status).toBe(404);
      expect((await commentsOf(id)).status).toBe(404);
    }
  });
});

describe('email is never public', () => {
  it('is absent from REST and GraphQL, for visitors and for the build token', async () => {
    const article = await publishArticle();
    await submit(article, { name: 'Lê C', email: EMAIL, text: 'Ý kiến có email' });
    await moderate('Ý kiến có email', 'approved');

    expect((await fetch(`${cms.url}/api/comments`)).status).toBe(404);
    const articles = await (await fetch(`${cms.url}/api/articles?populate=*`)).text();
    expect(articles).not.toContain(EMAIL);

    const publicQuery = await (await graphql('{ comments { name text } }')).json();
    expect(publicQuery.errors?.[0]?.message).toMatch(/Forbidden/i);

    const asBuild = await (await graphql(`{ comments(filters: { moderation: { eq: "approved" } }) { name text article { documentId } } }`, cms.buildToken)).json();
    expect(asBuild.data.comments).toContainEqual({ name: 'Lê C', text: 'Ý kiến có email', article: { documentId: article } });
    const asking = await (await graphql('{ comments { email } }', cms.buildToken)).json();
    expect(asking.errors[0].message).toMatch(/email/);
    expect(JSON.stringify(asking)).not.toContain(EMAIL);

    expect(await (await commentsOf(article)).text()).not.toContain(EMAIL);
  });

  it('hides the bookkeeping types from GraphQL', async () => {
    const res = await (await graphql('{ __schema { types { name } } }', cms.buildToken)).json();
    const names = res.data.__schema.types.map((t: { name: string }) => t.name);
    expect(names).toContain('Comment');
    expect(names.filter((n: string) => /^(EngagementHit|EngagementPresence|EngagementCounter|RatingVote)$/.test(n))).toEqual([]);
  });
});

describe('admin', () => {
  const editorCommentActions = async () => {
    const role = await cms.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
    const permissions = await cms.strapi.db.query('admin::permission').findMany({ where: { role: role.id, subject: 'api::comment.comment' } });
    return permissions.map((p: { action: string }) => p.action.split('.').pop()).sort();
  };

  it('lets editors moderate comments in the Content Manager with Vietnamese labels, idempotently', async () => {
    expect(cms.strapi.contentType('api::comment.comment').info.displayName).toBe('Ý kiến bạn đọc');
    const before = await editorCommentActions();
    expect(before).toEqual(['delete', 'read', 'update']);
    const contentTypes = cms.strapi.plugin('content-manager').service('content-types');
    const config = await contentTypes.findConfiguration(contentTypes.findContentType('api::comment.comment'));
    expect(config.metadatas.moderation.edit.label).toBe('Kiểm duyệt');

    cms = await cms.restart();
    expect(await editorCommentActions()).toEqual(before);

    // A database whose roles predate comments: bootstrap grants moderation on the next start.
    await cms.strapi.db.query('admin::permission').deleteMany({ where: { subject: 'api::comment.comment' } });
    cms = await cms.restart();
    expect(await editorCommentActions()).toEqual(['delete', 'read', 'update']);
  });
});
