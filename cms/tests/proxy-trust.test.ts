// Without IS_PROXIED the CMS faces readers directly: an X-Forwarded-For header is something a
// client wrote, and must change neither who is counted nor who is limited.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCms, type TestCms } from './harness';
import { json, request } from './nginx';

let cms: TestCms;
let articleId: string;

const direct = (path: string, forged: string, body?: unknown) =>
  request({ port: Number(new URL(cms.url).port), host: '127.0.0.1', method: 'POST', path, headers: { 'x-forwarded-for': forged }, body });

beforeAll(async () => {
  cms = await startCms({ env: { IS_PROXIED: 'false', ENGAGEMENT_COMMENTS_PER_10_MINUTES: '2' } });
  articleId = (await cms.strapi.documents('api::article.article').create({ data: { title: 'Không qua proxy' }, status: 'published' })).documentId;
});
afterAll(async () => {
  await cms?.destroy();
});

it('counts a reader once whatever X-Forwarded-For it sends', async () => {
  const replies = [];
  for (let n = 1; n <= 4; n += 1) replies.push(json(await direct(`/api/engagement/articles/${articleId}/view`, `203.0.113.${n}`)).data);
  expect(replies.map((r) => r.counted)).toEqual([true, false, false, false]);
  expect(replies.at(-1).views).toBe(1);
});

it('limits a reader whatever X-Forwarded-For it sends', async () => {
  const statuses = [];
  for (let n = 1; n <= 3; n += 1) {
    statuses.push((await direct(`/api/engagement/articles/${articleId}/comments`, `198.51.100.${n}`, { name: 'An', text: `Ý kiến ${n}` })).status);
  }
  expect(statuses).toEqual([202, 202, 429]);
});
