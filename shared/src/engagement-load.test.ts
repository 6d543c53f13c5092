import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBuildEnv } from './env.ts';
import { fetchVisitStats, loadSiteData } from './load.ts';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  vi.restoreAllMocks();
});

const empty = { pageInfo: { total: 0, pageCount: 0 } };
const article = (id: string, extra: Record<string, unknown> = {}) => ({
  documentId: id,
  slug: id,
  title: `Bài ${id}`,
  date: '2024-05-01T00:00:00.000Z',
  tags: [],
  ...extra,
});

/** A fake CMS: GraphQL answers by operation name, plus the engagement stats endpoint. */
const serveCms = async (stats: { status: number; json: unknown }) => {
  const queries: string[] = [];
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const send = (status: number, json: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      if (req.url === '/api/engagement/stats') return send(stats.status, stats.json);
      const { query } = JSON.parse(raw) as { query: string };
      queries.push(query);
      const op = /query (\w+)/.exec(query)![1];
      const data: Record<string, Record<string, unknown>> = {
        SiteSettings: { siteSetting: null },
        ArticlesPage: {
          articles: [article('a1', { commentsEnabled: false, ratingAverage: 4.5, ratingCount: 2 }), article('a2', { commentsEnabled: null })],
          articles_connection: { pageInfo: { total: 2, pageCount: 1 } },
        },
        ApprovedCommentsPage: {
          comments: [
            { documentId: 'c1', name: 'An', text: 'Cũ hơn', createdAt: '2024-05-02T00:00:00.000Z', article: { documentId: 'a1' } },
            { documentId: 'c2', name: 'Bình', text: 'Mới hơn', createdAt: '2024-05-03T00:00:00.000Z', article: { documentId: 'a1' } },
            { documentId: 'c3', name: 'Chi', text: 'Bài đã gỡ', createdAt: '2024-05-03T00:00:00.000Z', article: null },
          ],
          comments_connection: { pageInfo: { total: 3, pageCount: 1 } },
        },
      };
      const collection = /^(\w+)Page$/.exec(op ?? '')?.[1];
      const fallback = collection ? { [collection[0]!.toLowerCase() + collection.slice(1)]: [], [`${collection[0]!.toLowerCase()}${collection.slice(1)}_connection`]: empty } : {};
      send(200, { data: data[op!] ?? fallback });
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, queries };
};

describe('loadSiteData: engagement', () => {
  it('asks only for approved comments and gives each article its own, newest first, with rating and switch', async () => {
    const { url, queries } = await serveCms({ status: 200, json: { data: { online: 3, today: 40, month: 900, total: 12345 } } });
    const site = await loadSiteData(readBuildEnv({ STRAPI_URL: url }));
    const commentsQuery = queries.find((q) => q.includes('query ApprovedCommentsPage'))!;
    expect(commentsQuery.match(/moderation: \{ ?eq: "approved" ?\}/g)).toHaveLength(2); // list and total alike
    expect(commentsQuery).not.toContain('email');

    const a1 = site.articles.find((a) => a.id === 'a1')!;
    const a2 = site.articles.find((a) => a.id === 'a2')!;
    expect(a1.comments).toEqual([
      { name: 'Bình', text: 'Mới hơn', createdAt: '2024-05-03T00:00:00.000Z' },
      { name: 'An', text: 'Cũ hơn', createdAt: '2024-05-02T00:00:00.000Z' },
    ]);
    expect(a1).toMatchObject({ commentsEnabled: false, ratingAverage: 4.5, ratingCount: 2 });
    expect(a2).toMatchObject({ comments: [], commentsEnabled: true, ratingAverage: 0, ratingCount: 0 });
    expect(site.visitStats).toEqual({ online: 3, today: 40, month: 900, total: 12345 });
  });

  it('builds without visit statistics when the CMS cannot give them', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { url } = await serveCms({ status: 500, json: {} });
    expect(await fetchVisitStats(url)).toBeUndefined();
    const site = await loadSiteData(readBuildEnv({ STRAPI_URL: url }));
    expect(site.visitStats).toBeUndefined();
    expect(site.articles).toHaveLength(2);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('visit statistics unavailable'));
  });
});
