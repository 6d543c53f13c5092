import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startCms, type TestCms } from './harness';
import { inOneSlot } from './slot';

const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const reader = (n: number | string) => ({ 'user-agent': `${BROWSER} reader/${n}` });

let cms: TestCms;
const api = (path: string, init: RequestInit = {}) => fetch(`${cms.url}/api/engagement${path}`, { redirect: 'manual', ...init });
const post = (path: string, headers: Record<string, string>, body?: unknown) =>
  api(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });

const publish = async (uid: 'api::article.article' | 'api::document.document', data: Record<string, unknown>) =>
  (await cms.strapi.documents(uid).create({ data: data as never, status: 'published' })).documentId;

/** What the site build reads: the counts GraphQL serves on the article or document. */
const counted = async (type: 'article' | 'document', documentId: string) => {
  const fields = type === 'article' ? 'views ratingCount ratingAverage' : 'views downloads';
  const res = await fetch(`${cms.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `query($id: ID!) { ${type}(documentId: $id) { ${fields} } }`, variables: { id: documentId } }),
  });
  const body = await res.json();
  expect(body.errors).toBeUndefined();
  return body.data[type];
};

beforeAll(async () => {
  // One IP (the test runner) plays thousands of readers here; the per-IP limit is tested elsewhere.
  cms = await startCms({ env: { ENGAGEMENT_REQUESTS_PER_MINUTE: '100000' } });
});
afterAll(async () => {
  await cms?.destroy();
});

describe('article views', () => {
  it('counts 1,000 concurrent readers exactly', async () => {
    const id = await publish('api::article.article', { title: 'Đếm lượt xem đồng thời' });
    const responses = await Promise.all(Array.from({ length: 1000 }, (_, i) => post(`/articles/${id}/view`, reader(i))));
    expect(responses.map((res) => res.status)).toEqual(Array(1000).fill(200));
    const bodies = await Promise.all(responses.map((res) => res.json()));
    expect(bodies.every((body) => body.data.counted === true)).toBe(true);
    expect((await counted('article', id)).views).toBe(1000);
  });

  it('counts one reader once per 30 minutes however often they reload', () =>
    inOneSlot(async () => {
      const id = await publish('api::article.article', { title: 'Một người đọc' });
      const responses = await Promise.all(Array.from({ length: 1000 }, () => post(`/articles/${id}/view`, reader('same'))));
      const bodies = await Promise.all(responses.map((res) => res.json()));
      expect(bodies.filter((body) => body.data.counted)).toHaveLength(1);
      expect((await counted('article', id)).views).toBe(1);
    }));

  it('ignores bots and requests without a User-Agent', async () => {
    const id = await publish('api::article.article', { title: 'Bot không được đếm' });
    for (const ua of ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'curl/8.5.0', '']) {
      const res = await post(`/articles/${id}/view`, { 'user-agent': ua });
      expect(res.status).toBe(200);
      expect((await res.json()).data).toMatchObject({ counted: false, views: 0 });
    }
    expect((await counted('article', id)).views).toBe(0);
  });

  it('keeps the count when the article is edited and published again', async () => {
    const id = await publish('api::article.article', { title: 'Sửa rồi xuất bản lại' });
    await Promise.all([1, 2, 3].map((n) => post(`/articles/${id}/view`, reader(n))));
    await cms.strapi.documents('api::article.article').update({ documentId: id, data: { title: 'Đã sửa' } });
    await cms.strapi.documents('api::article.article').publish({ documentId: id });
    expect((await counted('article', id)).views).toBe(3);
  });

  it('answers 404 for drafts and unknown ids and 400 for malformed ids', async () => {
    const draft = (await cms.strapi.documents('api::article.article').create({ data: { title: 'Bản nháp' } })).documentId;
    for (const id of [draft, 'khongtontai']) {
      const res = await post(`/articles/${id}/view`, reader(1));
      expect(res.status).toBe(404);
      expect((await res.json()).error).toMatchObject({ status: 404, name: 'NotFoundError' });
    }
    const res = await post(`/articles/${encodeURIComponent('bad id!')}/view`, reader(1));
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/^documentId: /);
  });
});

describe('documents', () => {
  let id: string;
  let fileUrl: string;
  beforeAll(async () => {
    const file = await cms.strapi.db.query('plugin::upload.file').create({
      data: { name: 'cong-van.pdf', hash: 'cong_van_abc', ext: '.pdf', mime: 'application/pdf', size: 12.3, url: '/uploads/cong_van_abc.pdf', provider: 'local' },
    });
    fileUrl = file.url;
    id = await publish('api::document.document', { title: 'Công văn số 1', kind: 'cong-van', file: file.id });
  });

  it('counts views per reader and returns downloads alongside', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => post(`/documents/${id}/view`, reader(i % 10))));
    const res = await post(`/documents/${id}/view`, reader('new'));
    expect((await res.json()).data).toEqual({ counted: true, views: 11, downloads: 0 });
  });

  it('redirects downloads to the file and counts each reader once', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => api(`/documents/${id}/download`, { headers: reader(i % 20) })));
    for (const res of results) {
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe(fileUrl);
    }
    const bot = await api(`/documents/${id}/download`, { headers: { 'user-agent': 'Googlebot/2.1' } });
    expect(bot.status).toBe(302);
    expect((await counted('document', id)).downloads).toBe(20);
  });

  it('answers 404 for a document without a file or with an unknown id', async () => {
    const bare = await publish('api::document.document', { title: 'Chưa có tệp', kind: 'khac' });
    for (const target of [bare, 'khongtontai']) {
      const res = await api(`/documents/${target}/download`, { headers: reader(1) });
      expect(res.status).toBe(404);
    }
  });
});

describe('rating', () => {
  it('takes one vote per reader and keeps an exact count and average under concurrency', async () => {
    const id = await publish('api::article.article', { title: 'Đánh giá' });
    const votes = Array.from({ length: 200 }, (_, i) => (i % 5) + 1);
    const responses = await Promise.all(votes.map((value, i) => post(`/articles/${id}/rating`, reader(i), { value })));
    expect(responses.map((res) => res.status)).toEqual(Array(200).fill(200));
    expect(await counted('article', id)).toMatchObject({ ratingCount: 200, ratingAverage: 3 });

    const again = await post(`/articles/${id}/rating`, reader(0), { value: 5 });
    expect(again.status).toBe(409);
    const body = await again.json();
    expect(body.error.message).toMatch(/^value: /);
    expect(body.error.details).toEqual({ ratingCount: 200, ratingAverage: 3 });

    const res = await post(`/articles/${id}/rating`, reader('late'), { value: 5 });
    expect((await res.json()).data).toEqual({ ratingCount: 201, ratingAverage: 605 / 201 });
    const view = await post(`/articles/${id}/view`, reader('late'));
    expect((await view.json()).data).toMatchObject({ ratingCount: 201, ratingAverage: 605 / 201 });
  });

  it.each([[0], [6], ['abc'], [2.5], [null], ['3']])('refuses value %j with 400 naming the field', async (value) => {
    const id = await publish('api::article.article', { title: `Điểm sai ${String(value)}` });
    const res = await post(`/articles/${id}/rating`, reader('x'), { value });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatchObject({ status: 400, name: 'BadRequestError' });
    expect(body.error.message).toMatch(/^value: /);
    expect(body.error.details.errors[0].path).toEqual(['value']);
  });

  it('refuses a missing value, unknown fields and a non-object body', async () => {
    const id = await publish('api::article.article', { title: 'Thân yêu cầu sai' });
    const cases: [unknown, RegExp][] = [
      [{}, /^value: /],
      [{ value: 4, stars: 4 }, /^stars: /],
      [[4], /^body: /],
    ];
    for (const [body, message] of cases) {
      const res = await post(`/articles/${id}/rating`, reader('y'), body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(message);
    }
    expect((await counted('article', id)).ratingCount).toBe(0);
  });
});

describe('site statistics', () => {
  // Days and months follow Vietnam time (UTC+7): 17:30 UTC on 31 January is 00:30 on 1 February there.
  const at = (iso: string) => vi.setSystemTime(new Date(iso));
  const hit = async (who: string | number) => (await (await post('/hit', reader(who))).json()).data;

  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  it('counts online now, today, this month and total in Vietnam time', async () => {
    at('2025-01-31T17:30:00Z');
    await hit('a');
    await hit('b');
    expect(await hit('c')).toEqual({ online: 3, today: 3, month: 3, total: 3 });
    expect(await hit('a')).toEqual({ online: 3, today: 3, month: 3, total: 3 });
    expect((await (await post('/hit', { 'user-agent': 'Googlebot/2.1' })).json()).data).toEqual({ online: 3, today: 3, month: 3, total: 3 });

    // 31 minutes later: a new visit for "a"; "b" and "c" are no longer online.
    at('2025-01-31T18:01:00Z');
    expect(await hit('a')).toEqual({ online: 1, today: 4, month: 4, total: 4 });

    // Just past midnight in Vietnam, still 1 February in UTC.
    at('2025-02-01T17:05:00Z');
    expect(await hit('b')).toEqual({ online: 1, today: 1, month: 5, total: 5 });

    // 1 March in Vietnam while UTC is still on 28 February.
    at('2025-02-28T17:01:00Z');
    expect(await hit('c')).toEqual({ online: 1, today: 1, month: 1, total: 6 });
    const stats = await api('/stats');
    expect((await stats.json()).data).toEqual({ online: 1, today: 1, month: 1, total: 6 });
  });

  it('stores readers only as hashes, never their IP or User-Agent', async () => {
    const tables = ['engagement_hits', 'engagement_presences', 'engagement_counters', 'rating_votes'];
    const dump = JSON.stringify(await Promise.all(tables.map((table) => cms.strapi.db.connection(table).select('*'))));
    expect(dump).not.toContain('127.0.0.1');
    expect(dump).not.toContain('Mozilla');
  });
});
