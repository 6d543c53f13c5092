// Scheduled publish and expiry ("Hẹn giờ đăng", "Hết hạn") on Strapi's cron, ticking every second
// here (SCHEDULER_TICK) instead of every minute: what the site build reads before and after, the
// webhook that rebuilds it, and the rules on who may schedule what. Articles have both; documents
// only the publish time (their validity comes from the register's legal dates).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFullAccessToken, graphql, rest } from './api-client';
import { startCms, type TestCms } from './harness';
import { startWebhookReceiver } from './webhook-receiver';

let cms: TestCms;
let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
let editor: string;
let author: string;

const cm = '/content-manager/collection-types';
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

const userWithRole = async (code: string) => {
  const role = await cms.strapi.db.query('admin::role').findOne({ where: { code } });
  const email = `${code}-${randomBytes(4).toString('hex')}@toasoan.test`;
  const password = 'Toasoan-Thu-1a';
  await cms.strapi.service('admin::user').create({ email, firstname: code, password, roles: [role.id], isActive: true, registrationToken: null });
  return (await rest(cms, 'POST', '/admin/login', { body: { email, password } })).body.data.token as string;
};

/** What the site build sees: published articles through GraphQL with the build token. */
const articleOnSite = async (documentId: string) =>
  (await graphql(cms, 'query($id: ID!) { article(documentId: $id) { documentId title } }', { id: documentId }, cms.buildToken)).data?.article ?? null;

const draftArticle = async (token: string, data: Record<string, unknown>) => rest(cms, 'POST', `${cm}/api::article.article`, { token, body: data });

beforeAll(async () => {
  hooks = await startWebhookReceiver(randomBytes(16).toString('hex'));
  cms = await startCms({ env: { ...hooks.env, SCHEDULER_TICK: '* * * * * *' } });
  editor = await userWithRole('strapi-editor');
  author = await userWithRole('strapi-author');
}, 300_000);

afterAll(async () => {
  await cms?.destroy();
  await hooks?.stop();
});

describe('scheduled publish', () => {
  it('publishes a draft at its time, through the rebuild webhook, once', async () => {
    const created = await draftArticle(editor, { title: 'Tin hẹn giờ đăng', publishAt: inSeconds(4) });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;

    expect(await articleOnSite(documentId)).toBeNull();
    const listed = await rest(cms, 'GET', '/scheduling/entries', { token: editor });
    expect(listed.body.data).toContainEqual(expect.objectContaining({ documentId, title: 'Tin hẹn giờ đăng', type: 'Tin bài', published: false }));

    await hooks.waitFor('entry.publish', documentId);
    expect(await articleOnSite(documentId)).toMatchObject({ title: 'Tin hẹn giờ đăng' });
    // The schedule is used up: nothing left for a later tick or another process to publish again.
    const draft = await cms.strapi.db.query('api::article.article').findOne({ where: { documentId, publishedAt: null } });
    expect(draft.publishAt).toBeNull();
    expect(hooks.matching('entry.publish', documentId)).toHaveLength(1);
    expect((await rest(cms, 'GET', '/scheduling/entries', { token: editor })).body.data.map((e: { documentId: string }) => e.documentId)).not.toContain(documentId);
  }, 60_000);

  it('uses up the schedule when an editor publishes by hand first', async () => {
    const { documentId } = (await draftArticle(editor, { title: 'Đăng sớm', publishAt: inSeconds(3600) })).body.data;
    const early = await rest(cms, 'POST', `${cm}/api::article.article/${documentId}/actions/publish`, { token: editor, body: {} });
    expect(early.status).toBe(200);
    const rows = await cms.strapi.db.query('api::article.article').findMany({ where: { documentId } });
    expect(rows.map((row: { publishAt: unknown }) => row.publishAt)).toEqual([null, null]);
  });

  it('leaves a draft with no publish time alone', async () => {
    const other = (await draftArticle(editor, { title: 'Bản nháp không hẹn giờ' })).body.data.documentId;
    const scheduled = (await draftArticle(editor, { title: 'Bản nháp có hẹn giờ', publishAt: inSeconds(2) })).body.data.documentId;
    await hooks.waitFor('entry.publish', scheduled);
    expect(await articleOnSite(other)).toBeNull();
    expect(hooks.matching('entry.publish', other)).toHaveLength(0);
  }, 60_000);
});

describe('expiry', () => {
  it('takes an article off the site at its expiry', async () => {
    const created = await rest(cms, 'POST', `${cm}/api::article.article/actions/publish`, { token: editor, body: { title: 'Tin có hạn', expireAt: inSeconds(4) } });
    expect(created.status).toBe(200);
    const { documentId } = created.body.data;
    expect(await articleOnSite(documentId)).toMatchObject({ title: 'Tin có hạn' });

    await hooks.waitFor('entry.unpublish', documentId);
    expect(await articleOnSite(documentId)).toBeNull();
    // Kept as a draft, its expiry used up, so publishing it again keeps it up.
    const draft = await cms.strapi.db.query('api::article.article').findOne({ where: { documentId, publishedAt: null } });
    expect(draft).toMatchObject({ title: 'Tin có hạn', expireAt: null });
  }, 60_000);
});

describe('documents', () => {
  it('publishes a document at its time and lists only that in "Lịch đăng"', async () => {
    const created = await rest(cms, 'POST', `${cm}/api::document.document`, { token: editor, body: { title: 'Kế hoạch hẹn giờ đăng', kind: 'ke-hoach', publishAt: inSeconds(4) } });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    const read = async () => (await graphql(cms, 'query($id: ID!) { document(documentId: $id) { title } }', { id: documentId }, cms.buildToken)).data?.document ?? null;
    expect(await read()).toBeNull();
    const listed = (await rest(cms, 'GET', '/scheduling/entries', { token: editor })).body.data;
    expect(listed).toContainEqual(expect.objectContaining({ documentId, type: 'Văn bản', expireAt: null, published: false }));

    await hooks.waitFor('entry.publish', documentId);
    expect(await read()).toEqual({ title: 'Kế hoạch hẹn giờ đăng' });
    expect(hooks.matching('entry.publish', documentId)).toHaveLength(1);
  }, 60_000);

  it('has no expiry: the content API refuses an expireAt for a document, naming it; the admin API drops it', async () => {
    // REST, as an integrator would send it: Strapi's input validation names the unknown key.
    const integrator = await createFullAccessToken(cms);
    const refused = await rest(cms, 'POST', '/api/documents', { token: integrator, body: { data: { title: 'Văn bản có hạn', kind: 'ke-hoach', expireAt: inSeconds(3600) } } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('expireAt');
    expect(await cms.strapi.db.query('api::document.document').count({ where: { title: 'Văn bản có hạn' } })).toBe(0);
    const accepted = await rest(cms, 'POST', '/api/documents', { token: integrator, body: { data: { title: 'Văn bản không hạn', kind: 'ke-hoach' } } });
    expect(accepted.status).toBe(201);

    // The admin's content manager keeps only the type's own fields, so nothing is scheduled to lapse.
    const admin = await rest(cms, 'POST', `${cm}/api::document.document`, { token: editor, body: { title: 'Văn bản gửi kèm hết hạn', kind: 'ke-hoach', expireAt: inSeconds(3600) } });
    expect(admin.status).toBe(201);
    expect(admin.body.data).not.toHaveProperty('expireAt');
    const listed = (await rest(cms, 'GET', '/scheduling/entries', { token: editor })).body.data;
    expect(listed.map((e: { documentId: string }) => e.documentId)).not.toContain(admin.body.data.documentId);
    // The register's legal dates say whether it is in force; the scheduler keeps no mark of its own.
    const attributes = Object.keys(cms.strapi.getModel('api::document.document').attributes);
    expect(attributes).toContain('publishAt');
    expect(attributes).not.toContain('expireAt');
    expect(attributes).not.toContain('expired');
  });
});

describe('rules', () => {
  it('refuses a schedule from an Author, who may not publish, naming the field', async () => {
    const own = await draftArticle(author, { title: 'Bài của tác giả' });
    expect(own.status).toBe(201);
    const { documentId } = own.body.data;
    const attempt = await rest(cms, 'PUT', `${cm}/api::article.article/${documentId}`, { token: author, body: { title: 'Bài của tác giả', publishAt: inSeconds(60) } });
    expect(attempt.status).toBe(403);
    expect(attempt.body.error.message).toContain('Hẹn giờ đăng');
    const expiry = await draftArticle(author, { title: 'Bài hết hạn của tác giả', expireAt: inSeconds(60) });
    expect(expiry.status).toBe(403);
    expect(expiry.body.error.message).toContain('Hết hạn');
    // The same save without a schedule goes through, and an Editor may schedule the Author's draft.
    expect((await rest(cms, 'PUT', `${cm}/api::article.article/${documentId}`, { token: author, body: { title: 'Bài của tác giả (sửa)' } })).status).toBe(200);
    expect((await rest(cms, 'PUT', `${cm}/api::article.article/${documentId}`, { token: editor, body: { title: 'Bài của tác giả (sửa)', publishAt: inSeconds(3600) } })).status).toBe(200);
    // The Author's form sends the Editor's schedule back unchanged on the next save: not a new schedule.
    const draft = await cms.strapi.db.query('api::article.article').findOne({ where: { documentId, publishedAt: null } });
    const resave = await rest(cms, 'PUT', `${cm}/api::article.article/${documentId}`, { token: author, body: { title: 'Bài của tác giả (lần 2)', publishAt: new Date(draft.publishAt).toISOString() } });
    expect(resave.status).toBe(200);
  });

  it('answers 400 naming the field for a date-time that is not one, in the past, or an expiry before the publish time', async () => {
    const bad = await draftArticle(editor, { title: 'Ngày sai', publishAt: '31/02/2027 25:00' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('Hẹn giờ đăng');
    const badExpiry = await draftArticle(editor, { title: 'Ngày sai', expireAt: 'ngày mai' });
    expect(badExpiry.status).toBe(400);
    expect(badExpiry.body.error.message).toContain('Hết hạn');
    const past = await draftArticle(editor, { title: 'Đã qua', publishAt: '2020-01-01T00:00:00.000Z' });
    expect(past.status).toBe(400);
    expect(past.body.error.message).toContain('Hẹn giờ đăng');
    const reversed = await draftArticle(editor, { title: 'Ngược', publishAt: inSeconds(7200), expireAt: inSeconds(3600) });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toContain('Hết hạn');
    // A partial update is checked against what is stored.
    const ok = await draftArticle(editor, { title: 'Đúng thứ tự', publishAt: inSeconds(7200), expireAt: inSeconds(9000) });
    expect(ok.status).toBe(201);
    const later = await rest(cms, 'PUT', `${cm}/api::article.article/${ok.body.data.documentId}`, { token: editor, body: { expireAt: inSeconds(3600) } });
    expect(later.status).toBe(400);
    expect(later.body.error.message).toContain('Hết hạn');
  });

  it('keeps the schedule from the build token and the public', async () => {
    const { documentId } = (await rest(cms, 'POST', `${cm}/api::article.article/actions/publish`, { token: editor, body: { title: 'Tin công khai có hạn', expireAt: inSeconds(7200) } })).body.data;
    const query = await graphql(cms, '{ articles { documentId publishAt expireAt } }', {}, cms.buildToken);
    expect(query.errors?.[0]?.message).toMatch(/Cannot query field "publishAt"/);
    const restRead = await rest(cms, 'GET', `/api/articles/${documentId}`, { token: cms.buildToken });
    expect(restRead.status).toBe(200);
    expect(restRead.body.data.title).toBe('Tin công khai có hạn');
    expect(restRead.body.data).not.toHaveProperty('expireAt');
    const filtered = await rest(cms, 'GET', '/api/articles?filters[expireAt][$notNull]=true', { token: cms.buildToken });
    expect(filtered.status).toBe(400);
    // The moderator, who reads no articles, gets no schedule either.
    const moderator = await userWithRole('comment-moderator');
    expect((await rest(cms, 'GET', '/scheduling/entries', { token: moderator })).body.data).toEqual([]);
  });
});
