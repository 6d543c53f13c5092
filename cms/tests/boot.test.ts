import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCms, type TestCms } from './harness';

let cms: TestCms;
beforeAll(async () => {
  cms = await startCms();
});
afterAll(async () => {
  await cms?.destroy();
});

it('boots', async () => {
  const res = await fetch(`${cms.url}/api/articles`);
  expect(res.status).toBe(200);
  const body = await res.json();
  expect(body.data).toEqual([]);
});
