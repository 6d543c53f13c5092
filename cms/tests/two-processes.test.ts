// Two CMS processes on one PostgreSQL database behind the shipped nginx site, as a busier server
// runs them: the per-reader limits and the visitor identity hold across both.
// PostgreSQL only (SQLite is one process by design): runs in the PostgreSQL pass of `npm test`.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleViews } from './api-client';
import { startCms, type TestCms } from './harness';
import { address, CMS_HOST, json, request, startNginx, type Nginx } from './nginx';
import { inOneSlot } from './slot';

const COMMENTS_PER_10_MINUTES = 3;

describe.runIf(process.env.TEST_DATABASE_CLIENT === 'postgres')('two CMS processes on one PostgreSQL', () => {
  let first: TestCms;
  let second: { url: string; child: ChildProcess };
  let nginx: Nginx;
  let siteRoot: string;
  let articleId: string;

  const portOf = (url: string) => Number(new URL(url).port);
  const commentTo = (port: number, host: string, from: string, n: number, headers: Record<string, string> = {}) =>
    request({ port, host, method: 'POST', path: `/api/engagement/articles/${articleId}/comments`, from, headers, body: { name: 'Bạn đọc', text: `Ý kiến ${n}` } });
  const viewAt = (port: number, headers: Record<string, string>) =>
    request({ port, host: '127.0.0.1', method: 'POST', path: `/api/engagement/articles/${articleId}/view`, headers });

  beforeAll(async () => {
    // What the two units share on a server: the database and the visitor hash key.
    const shared = { IS_PROXIED: 'true', VISITOR_HASH_SECRET: randomBytes(32).toString('hex'), ENGAGEMENT_COMMENTS_PER_10_MINUTES: String(COMMENTS_PER_10_MINUTES) };
    first = await startCms({ env: shared });
    articleId = (await first.strapi.documents('api::article.article').create({ data: { title: 'Hai tiến trình' }, status: 'published' })).documentId;
    const child = fork(path.join(import.meta.dirname, 'cms-process.mjs'), {
      execArgv: ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON'],
      env: { ...process.env, CMS_PROCESS_ENV: JSON.stringify({ ...shared, DATABASE_CLIENT: 'postgres', DATABASE_URL: process.env.DATABASE_URL }) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const [message] = await Promise.race([once(child, 'message'), once(child, 'exit').then(() => { throw new Error('the second CMS process exited before listening'); })]);
    second = { url: (message as { url: string }).url, child };
    siteRoot = await mkdtemp(path.join(tmpdir(), 'toasoan-release-'));
    await writeFile(path.join(siteRoot, 'index.html'), '<!doctype html><title>Trang chủ</title>');
    nginx = await startNginx({ siteRoot, cmsUrls: [first.url, second.url] });
  }, 300_000);

  afterAll(async () => {
    await nginx?.stop();
    if (second?.child.connected) {
      second.child.send('stop');
      await once(second.child, 'exit');
    }
    await first?.destroy();
    if (siteRoot) await rm(siteRoot, { recursive: true, force: true });
  });

  it('limits one reader across both processes, directly and through nginx', async () => {
    // As nginx would send them, alternating between the processes: one budget.
    const ports = [portOf(first.url), portOf(second.url)];
    const direct = [];
    for (let n = 0; n <= COMMENTS_PER_10_MINUTES; n += 1) {
      direct.push((await commentTo(ports[n % 2], '127.0.0.1', '127.0.0.1', n, { 'x-forwarded-for': '127.20.0.1' })).status);
    }
    expect(direct).toEqual([...Array(COMMENTS_PER_10_MINUTES).fill(202), 429]);

    const viaNginx = [];
    for (let n = 0; n <= COMMENTS_PER_10_MINUTES * 2; n += 1) viaNginx.push((await commentTo(nginx.port, CMS_HOST, address(21), n)).status);
    expect(viaNginx).toEqual([...Array(COMMENTS_PER_10_MINUTES).fill(202), ...Array(COMMENTS_PER_10_MINUTES + 1).fill(429)]);

    // Another reader still has a whole budget.
    expect((await commentTo(nginx.port, CMS_HOST, address(22), 1)).status).toBe(202);
  });

  it('tells a reader apart the same way in both processes', () =>
    inOneSlot(async () => {
      const ports = [portOf(first.url), portOf(second.url)];
      const counted = [];
      for (let n = 0; n < 4; n += 1) counted.push(json(await viewAt(ports[n % 2], { 'x-forwarded-for': '127.23.0.1' })).data.counted);
      expect(counted).toEqual([true, false, false, false]);
      // A different reader is counted by either process.
      expect(json(await viewAt(ports[1], { 'x-forwarded-for': '127.23.0.2' })).data.counted).toBe(true);
    }));

  it('counts 500 concurrent readers through nginx exactly across both', async () => {
    const views = (from: string) => request({ port: nginx.port, host: CMS_HOST, method: 'POST', path: `/api/engagement/articles/${articleId}/view`, from });
    const before = await articleViews(first, articleId);
    const replies = await Promise.all(Array.from({ length: 500 }, (_, n) => views(address(25, n))));
    expect(replies.filter((r) => r.status !== 200).map((r) => r.status)).toEqual([]);
    expect(await articleViews(second, articleId)).toBe(before + 500);
  });
});
