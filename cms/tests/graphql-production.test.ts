import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphql } from './api-client';
import { startCms, type TestCms } from './harness';

let cms: TestCms;
beforeAll(async () => {
  cms = await startCms({ env: { NODE_ENV: 'production' } });
});
afterAll(async () => {
  await cms?.destroy();
});

it('refuses introspection in production', async () => {
  const res = await graphql(cms, '{ __schema { types { name } } }');
  expect(res.errors?.[0]?.message).toMatch(/introspection/i);
  expect(res.data).toBeUndefined();
});

it('serves no playground in production', async () => {
  const res = await fetch(`${cms.url}/graphql`, { headers: { accept: 'text/html' } });
  expect(await res.text()).not.toMatch(/new window\.Embedded(Sandbox|Explorer)/);
});

it('still answers ordinary queries in production', async () => {
  const res = await graphql(cms, '{ articles { title } }');
  expect(res.errors).toBeUndefined();
  expect(res.data.articles).toEqual([]);
});
