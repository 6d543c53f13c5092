import { describe, expect, test } from 'vitest';
import { getStatus, idle, makeSite, page, publishEvent, sendWebhook, start, waitFor, type Content } from './test-support.ts';

const content: Content = {
  title: 'Cổng thông tin xã A',
  articles: [{ slug: 'dai-hoi', title: 'Đại hội', body: 'Nội dung' }],
  redirects: {
    '/vi/tin-tuc/thoi-su/dai-hoi-12.html': '/tin-tuc/dai-hoi/',
    '/vi/tin-tức/cũ': '/tin-tuc/dai-hoi/',
    '/tin-tuc/dai-hoi-cu/': '/tin-tuc/dai-hoi/',
    // A real file always wins over an entry for the same address.
    '/gioi-thieu': '/tin-tuc/',
  },
};

/** No redirect following: the test sees the 301 itself. */
const raw = (url: string, path: string) => fetch(`${url}${path}`, { redirect: 'manual' });

async function startLive(extra: Record<string, string> = {}) {
  const site = makeSite(content);
  const publisher = await start(site, { PUBLISHER_BUILD_ON_START: 'always', PUBLISHER_REDIRECT_PORT: '0', ...extra });
  await waitFor('the first release', async () => (await getStatus(publisher.url)).liveRelease);
  await idle(publisher.url);
  return { site, publisher };
}

describe('old addresses on the site server (npm start)', () => {
  test('answer 301 to the new address, with or without .html and the trailing slash, query kept', async () => {
    const { publisher } = await startLive();
    for (const path of ['/vi/tin-tuc/thoi-su/dai-hoi-12.html', '/vi/tin-tuc/thoi-su/dai-hoi-12', '/vi/tin-tuc/thoi-su/dai-hoi-12/']) {
      const res = await raw(publisher.siteUrl, path);
      expect(res.status, path).toBe(301);
      expect(res.headers.get('location'), path).toBe('/tin-tuc/dai-hoi/');
    }
    const withQuery = await raw(publisher.siteUrl, '/vi/tin-tuc/thoi-su/dai-hoi-12.html?utm_source=zalo');
    expect(withQuery.headers.get('location')).toBe('/tin-tuc/dai-hoi/?utm_source=zalo');
    // A browser sends Vietnamese paths percent-encoded.
    const encoded = await raw(publisher.siteUrl, `/vi/${encodeURIComponent('tin-tức')}/${encodeURIComponent('cũ')}`);
    expect(encoded.status).toBe(301);
    const followed = await fetch(`${publisher.siteUrl}/vi/tin-tuc/thoi-su/dai-hoi-12.html`);
    expect(followed.status).toBe(200);
    expect(await followed.text()).toContain('<h1>Đại hội</h1>');
  });

  test("an article's old print page goes to the article, or where the article went; an unknown one is the 404 page", async () => {
    const { publisher } = await startLive();
    for (const path of ['/tin-tuc/dai-hoi/ban-in/', '/tin-tuc/dai-hoi/ban-in', '/tin-tuc/dai-hoi/ban-in.html', '/tin-tuc/dai-hoi-cu/ban-in/']) {
      const res = await raw(publisher.siteUrl, path);
      expect(res.status, path).toBe(301);
      expect(res.headers.get('location'), path).toBe('/tin-tuc/dai-hoi/');
    }
    expect((await raw(publisher.siteUrl, '/tin-tuc/dai-hoi/ban-in/?in=1')).headers.get('location')).toBe('/tin-tuc/dai-hoi/?in=1');
    expect((await raw(publisher.redirectsUrl!, '/tin-tuc/dai-hoi/ban-in/')).headers.get('location')).toBe('/tin-tuc/dai-hoi/');
    for (const path of ['/tin-tuc/khong-co/ban-in/', '/tin-tuc/dai-hoi/ban-in/them/', '/van-ban/dai-hoi/ban-in/']) {
      const res = await page(publisher.siteUrl, path);
      expect(res.status, path).toBe(404);
      expect(res.text, path).toContain('Không tìm thấy trang');
    }
  });

  test('an unknown address is the 404 page, the map itself is not served, and files win', async () => {
    const { publisher } = await startLive();
    const missing = await page(publisher.siteUrl, '/vi/tin-tuc/khong-co-123.html');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('Không tìm thấy trang');
    const map = await page(publisher.siteUrl, '/_redirects.json');
    expect(map.status).toBe(404);
    expect(map.text).not.toContain('dai-hoi-12');
    expect((await raw(publisher.siteUrl, '/gioi-thieu')).status).toBe(200);
  });

  test('a new release brings its own map, without a restart', async () => {
    const { site, publisher } = await startLive();
    expect((await raw(publisher.siteUrl, '/vi/tin-tuc/moi-99.html')).status).toBe(404);
    const first = (await getStatus(publisher.url)).liveRelease;
    site.write({ ...content, redirects: { '/vi/tin-tuc/moi-99.html': '/tin-tuc/' } });
    expect((await sendWebhook(publisher.url, publishEvent('moi'))).status).toBe(202);
    await waitFor('the next release', async () => {
      const status = await getStatus(publisher.url);
      return status.liveRelease !== first && !status.building && status.queued === 0;
    });
    const moved = await raw(publisher.siteUrl, '/vi/tin-tuc/moi-99.html');
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/tin-tuc/');
    // The old release's entries went with it.
    expect((await raw(publisher.siteUrl, '/vi/tin-tuc/thoi-su/dai-hoi-12.html')).status).toBe(404);
  });
});

test('a release whose map is broken never goes live', async () => {
  const { site, publisher } = await startLive();
  const first = (await getStatus(publisher.url)).liveRelease;
  site.write({ ...content, redirects: { '/vi/lua-dao': 'https://evil.example/' } });
  expect((await sendWebhook(publisher.url, publishEvent('hong'))).status).toBe(202);
  const status = await waitFor('the failed build', async () => {
    const now = await getStatus(publisher.url);
    return now.lastError && now;
  });
  expect(status.lastError!.message).toMatch(/check failed: _redirects\.json/);
  expect(status.liveRelease).toBe(first);
  expect((await raw(publisher.siteUrl, '/vi/tin-tuc/thoi-su/dai-hoi-12.html')).status).toBe(301);
});

describe('the redirect answerer nginx asks', () => {
  test('answers only 301 or the 404 page: no files, no control endpoints', async () => {
    const { publisher } = await startLive();
    const url = publisher.redirectsUrl!;
    expect((await raw(url, '/vi/tin-tuc/thoi-su/dai-hoi-12.html')).status).toBe(301);
    for (const path of ['/tin-tuc/dai-hoi/', '/index.html', '/status', '/health', '/_redirects.json']) {
      const res = await page(url, path);
      expect(res.status, path).toBe(404);
      expect(res.text, path).toContain('Không tìm thấy trang');
    }
    expect((await fetch(`${url}/webhook`, { method: 'POST', body: '{}' })).status).toBe(405);
  });
});
