import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, onTestFinished, test } from 'vitest';
import { getStatus, makeSite, publishEvent, sendWebhook, sleep, start, waitFor } from './test-support.ts';

/** Stands in for api.github.com: records dispatches and answers with the given statuses in turn. */
async function fakeGitHub(statuses: number[]) {
  const received: Array<{ method: string; url: string; headers: IncomingHttpHeaders; body: any }> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body: JSON.parse(body) });
      res.writeHead(statuses[Math.min(received.length, statuses.length) - 1] ?? 500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/repos/xa-a/cong-thong-tin/dispatches`, received };
}

test('relay mode dispatches coalesced changes to GitHub, retrying a failed dispatch, and builds nothing locally', async () => {
  const github = await fakeGitHub([502, 204]);
  const site = makeSite({ title: 'Không được xây', articles: [] });
  const { url } = await start(site, {
    PUBLISHER_MODE: 'relay',
    GITHUB_DISPATCH_URL: github.url,
    GITHUB_TOKEN: 'ghp_test_token',
    PUBLISHER_DEBOUNCE_MS: '200',
    PUBLISHER_RETRY_BASE_MS: '200',
  });

  const published = publishEvent('bai-1');
  // Strapi 5 sends the same publish twice (draft row and published row).
  await sendWebhook(url, published);
  await sendWebhook(url, published);
  await sendWebhook(url, { event: 'entry.delete', model: 'tag', uid: 'api::tag.tag', entry: { id: 3, documentId: 'the-thao' } });
  await sendWebhook(url, { event: 'entry.update', model: 'article', uid: 'api::article.article', entry: { documentId: 'nhap', publishedAt: null } });

  await waitFor('a successful dispatch', async () => (await getStatus(url)).lastSuccess);
  expect(github.received).toHaveLength(2);
  const [failed, retried] = github.received as [(typeof github.received)[0], (typeof github.received)[0]];
  expect(retried).toEqual(failed);
  expect(retried.method).toBe('POST');
  expect(retried.url).toBe('/repos/xa-a/cong-thong-tin/dispatches');
  expect(retried.headers.authorization).toBe('Bearer ghp_test_token');
  expect(retried.headers.accept).toBe('application/vnd.github+json');
  expect(retried.body).toEqual({
    event_type: 'content-changed',
    client_payload: {
      events: [
        { event: 'entry.publish', model: 'article', uid: 'api::article.article', documentId: 'bai-1', at: published.createdAt },
        { event: 'entry.delete', model: 'tag', uid: 'api::tag.tag', documentId: 'the-thao', at: expect.any(String) },
      ],
    },
  });

  const status = await getStatus(url);
  expect(status).toMatchObject({ mode: 'relay', buildCount: 2, lastError: { message: expect.stringContaining('HTTP 502') } });
  await sleep(500);
  expect(github.received).toHaveLength(2);
  expect(site.builds()).toBe(0);
});

test('relay mode refuses to start without GITHUB_DISPATCH_URL and GITHUB_TOKEN', async () => {
  const site = makeSite({ title: 'x', articles: [] });
  await expect(start(site, { PUBLISHER_MODE: 'relay' })).rejects.toThrow(/GITHUB_DISPATCH_URL: is required.*GITHUB_TOKEN: is required/);
});
