import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCms, type TestCms } from './harness';

const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

let cms: TestCms;
let articleId: string;
const comment = (body: Record<string, string>) =>
  fetch(`${cms.url}/api/engagement/articles/${articleId}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': BROWSER },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  cms = await startCms({ env: { ENGAGEMENT_COMMENTS_PER_10_MINUTES: '3', ENGAGEMENT_REQUESTS_PER_MINUTE: '30' } });
  articleId = (await cms.strapi.documents('api::article.article').create({ data: { title: 'Giới hạn' }, status: 'published' })).documentId;
});
afterAll(async () => {
  await cms?.destroy();
});

it('answers 429 with Retry-After after N comments from one IP, honeypot included', async () => {
  for (let n = 1; n <= 3; n += 1) expect((await comment({ name: 'An', text: `Ý kiến số ${n}` })).status).toBe(202);
  for (const body of [{ name: 'An', text: 'Ý kiến số 4' }, { name: 'Bot', text: 'spam', website: 'x' }]) {
    const res = await comment(body);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await res.json()).error).toMatchObject({ status: 429, name: 'TooManyRequestsError' });
  }
  expect(await cms.strapi.db.query('api::comment.comment').count()).toBe(3);
});

it('limits every engagement endpoint per IP', async () => {
  // 5 of the 30 requests a minute went to the comments above.
  const statuses: number[] = [];
  for (let n = 0; n < 27; n += 1) statuses.push((await fetch(`${cms.url}/api/engagement/stats`)).status);
  expect(statuses).toEqual([...Array(25).fill(200), 429, 429]);
});
