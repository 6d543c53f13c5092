import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CmsError, createCmsClient } from './client.ts';
import { ArticlesPageDocument, SiteSettingsDocument } from './generated/graphql.ts';
import { fetchAll } from './load.ts';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

type Handler = (body: { query: string; variables: Record<string, unknown> }, headers: Record<string, unknown>) => { status: number; json: unknown };

const serve = async (handler: Handler) => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const { status, json } = handler(JSON.parse(raw), req.headers);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
};

describe('createCmsClient', () => {
  it('sends the bearer token and retries 5xx with backoff', async () => {
    let calls = 0;
    const seen: unknown[] = [];
    const url = await serve((_body, headers) => {
      calls += 1;
      seen.push(headers.authorization);
      return calls < 3 ? { status: 503, json: { message: 'busy' } } : { status: 200, json: { data: { siteSetting: null } } };
    });
    const client = createCmsClient({ url, token: 'tok123', retryBaseMs: 5 });
    await expect(client.request(SiteSettingsDocument, {})).resolves.toEqual({ siteSetting: null });
    expect(calls).toBe(3);
    expect(seen).toEqual(['Bearer tok123', 'Bearer tok123', 'Bearer tok123']);
  });

  it('fails at once with the GraphQL errors', async () => {
    let calls = 0;
    const url = await serve(() => {
      calls += 1;
      return { status: 200, json: { errors: [{ message: 'Cannot query field "nope"' }], data: null } };
    });
    const client = createCmsClient({ url, retryBaseMs: 5 });
    await expect(client.request(SiteSettingsDocument, {})).rejects.toThrow(/answered SiteSettings with errors.*Cannot query field "nope"/);
    expect(calls).toBe(1);
  });

  it('explains 401/403 as a token problem', async () => {
    const url = await serve(() => ({ status: 401, json: { errors: [{ message: 'Unauthorized' }] } }));
    await expect(createCmsClient({ url, retryBaseMs: 5 }).request(SiteSettingsDocument, {})).rejects.toThrow(/check STRAPI_TOKEN/);
  });

  it('says clearly when the CMS cannot be reached', async () => {
    const url = await serve(() => ({ status: 200, json: {} }));
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const error = await createCmsClient({ url, attempts: 2, retryBaseMs: 5 }).request(SiteSettingsDocument, {}).catch((e) => e);
    expect(error).toBeInstanceOf(CmsError);
    expect(error.message).toMatch(/Cannot reach the CMS at http:\/\/127\.0\.0\.1:\d+\/graphql for SiteSettings \(ECONNREFUSED\) after 2 attempt\(s\)/);
  });
});

describe('fetchAll', () => {
  const article = (n: number) => ({ documentId: `a${n}`, slug: `bai-${n}`, title: `Bài ${n}`, tags: [] });

  it('reads every page with pageSize and bounded concurrency', async () => {
    const total = 250;
    const pages: number[] = [];
    const url = await serve((body) => {
      const { page, pageSize } = body.variables as { page: number; pageSize: number };
      pages.push(page);
      const items = Array.from({ length: total }, (_, i) => article(i)).slice((page - 1) * pageSize, page * pageSize);
      return { status: 200, json: { data: { articles: items, articles_connection: { pageInfo: { total, pageCount: Math.ceil(total / pageSize) } } } } };
    });
    const items = await fetchAll(createCmsClient({ url }), ArticlesPageDocument, (d) => ({ items: d.articles, pageInfo: d.articles_connection?.pageInfo }), { label: 'articles', pageSize: 100 });
    expect(items).toHaveLength(250);
    expect(new Set(items.map((i) => i.documentId)).size).toBe(250);
    expect(pages.sort()).toEqual([1, 2, 3]);
  });

  it('refuses a result that does not add up to the total', async () => {
    const url = await serve(() => ({ status: 200, json: { data: { articles: [article(1)], articles_connection: { pageInfo: { total: 150, pageCount: 1 } } } } }));
    await expect(
      fetchAll(createCmsClient({ url }), ArticlesPageDocument, (d) => ({ items: d.articles, pageInfo: d.articles_connection?.pageInfo }), { label: 'articles' }),
    ).rejects.toThrow(/announced 150 articles but returned 1/);
  });
});
