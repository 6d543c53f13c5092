import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphql } from './api-client';
import { startCms, type TestCms } from './harness';

let cms: TestCms;
beforeAll(async () => {
  cms = await startCms();
  await cms.strapi.db.query('api::tag.tag').createMany({
    data: Array.from({ length: 120 }, (_, i) => ({ name: `Từ khóa ${i}`, slug: `tu-khoa-${i}`, documentId: `tag${String(i).padStart(21, '0')}` })),
  });
});
afterAll(async () => {
  await cms?.destroy();
});

it('caps a page size past maxLimit at 100 and reports the real total', async () => {
  const res = await graphql(cms, `{
    tags(pagination: { pageSize: 500 }) { slug }
    tags_connection(pagination: { pageSize: 500 }) { pageInfo { total pageSize } }
  }`);
  expect(res.errors).toBeUndefined();
  expect(res.data.tags).toHaveLength(100);
  expect(res.data.tags_connection.pageInfo.total).toBe(120);
});

it('answers a page within the limit in full', async () => {
  const res = await graphql(cms, '{ tags(pagination: { page: 2, pageSize: 50 }) { slug } }');
  expect(res.data.tags).toHaveLength(50);
});

it('refuses a query deeper than depthLimit with a clear error', async () => {
  let nested = 'slug';
  for (let level = 0; level < 6; level += 1) nested = `articles { tags { ${nested} } }`;
  const res = await graphql(cms, `{ tags { ${nested} } }`);
  expect(res.status).toBe(400);
  expect(res.errors?.[0]?.message).toMatch(/exceeds maximum operation depth of 10/);
  expect(res.data).toBeUndefined();
});

it('accepts a query at a realistic depth', async () => {
  const res = await graphql(cms, '{ tags { articles { category { parent { name } } } } }');
  expect(res.errors).toBeUndefined();
});

it('offers the GraphQL sandbox outside production', async () => {
  const res = await fetch(`${cms.url}/graphql`, { headers: { accept: 'text/html' } });
  expect(await res.text()).toMatch(/new window\.Embedded(Sandbox|Explorer)/);
});
