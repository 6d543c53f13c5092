import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import {
  getStatus,
  idle,
  isRunning,
  makeSite,
  page,
  publishEvent,
  SECRET,
  sendWebhook,
  sleep,
  start,
  waitFor,
  type Content,
} from './test-support.ts';

const site1: Content = {
  title: 'Cổng thông tin xã A',
  articles: [{ slug: 'khai-truong', title: 'Khai trương cổng thông tin', body: 'Nội dung đầu tiên' }],
};

const withArticle = (content: Content, slug: string, title: string): Content => ({
  ...content,
  articles: [...content.articles, { slug, title, body: `Nội dung ${title}` }],
});

/** Starts a publisher that builds once at startup and waits until that build is live. */
async function startLive(content: Content = site1, extra: Record<string, string> = {}) {
  const site = makeSite(content);
  const publisher = await start(site, { PUBLISHER_BUILD_ON_START: 'always', ...extra });
  await waitFor('the first release', async () => (await getStatus(publisher.url)).liveRelease);
  await idle(publisher.url);
  return { site, publisher };
}

describe('webhook authentication and validation', () => {
  test('a wrong or missing secret is refused with 401 and builds nothing', async () => {
    const site = makeSite(site1);
    const { url, siteUrl } = await start(site);

    const wrong = await sendWebhook(url, publishEvent('a'), { authorization: 'Bearer not-the-secret' });
    const missing = await sendWebhook(url, publishEvent('a'), {});
    const wrongScheme = await sendWebhook(url, publishEvent('a'), { authorization: `Basic ${SECRET}` });

    expect([wrong.status, missing.status, wrongScheme.status]).toEqual([401, 401, 401]);
    await sleep(400); // four debounce windows
    const status = await getStatus(url);
    expect(status).toMatchObject({ queued: 0, building: false, buildCount: 0, liveRelease: null });
    expect(site.builds()).toBe(0);
  });

  test('malformed, unknown and oversized payloads are rejected with a reason', async () => {
    const site = makeSite(site1);
    const { url, siteUrl } = await start(site);

    const malformed = await sendWebhook(url, '{"event": "entry.publish",');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error).toMatch(/malformed JSON/);

    const unknown = await sendWebhook(url, { event: 'entry.explode', model: 'article', entry: null });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toBe('unknown event "entry.explode"');

    const notObject = await sendWebhook(url, '[1,2]');
    expect(notObject.status).toBe(400);

    const oversized = await sendWebhook(url, { ...publishEvent('a'), padding: 'x'.repeat(1024 * 1024) });
    expect(oversized.status).toBe(413);

    await sleep(400);
    expect((await getStatus(url)).buildCount).toBe(0);
    expect(site.builds()).toBe(0);
  });

  test('GET /webhook is not a webhook', async () => {
    const { url, siteUrl } = await start(makeSite(site1));
    const response = await fetch(`${url}/webhook`);
    expect(response.status).toBe(405);
  });
});

describe('which events rebuild the site', () => {
  test('a draft save is acknowledged but ignored', async () => {
    const site = makeSite(site1);
    const { url, siteUrl } = await start(site);

    const response = await sendWebhook(url, {
      event: 'entry.update',
      createdAt: new Date().toISOString(),
      model: 'article',
      uid: 'api::article.article',
      entry: { id: 7, documentId: 'abc', title: 'Bản nháp', publishedAt: null },
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ignored: true, reason: expect.stringMatching(/draft/) });
    await sleep(400);
    expect(site.builds()).toBe(0);
    expect((await getStatus(url)).queued).toBe(0);
  });

  test('a site-setting update (single type) rebuilds', async () => {
    const site = makeSite(site1);
    const { url, siteUrl } = await start(site);

    const response = await sendWebhook(url, {
      event: 'entry.update',
      createdAt: new Date().toISOString(),
      model: 'site-setting',
      uid: 'api::site-setting.site-setting',
      entry: { id: 1, documentId: 'settings', siteName: 'Xã A' },
    });

    expect(response.status).toBe(202);
    await waitFor('the release', async () => (await getStatus(url)).liveRelease);
    expect((await page(siteUrl, '/')).text).toContain('Cổng thông tin xã A');
  });

  test('a publish with entry: null (Strapi 5) rebuilds', async () => {
    const site = makeSite(site1);
    const { url, siteUrl } = await start(site);

    const response = await sendWebhook(url, { event: 'entry.publish', model: 'article', uid: 'api::article.article', entry: null });

    expect(response.status).toBe(202);
    await waitFor('the release', async () => (await getStatus(url)).liveRelease);
  });
});

describe('building and publishing', () => {
  test('before the first build visitors get a 503 in Vietnamese', async () => {
    const { url, siteUrl } = await start(makeSite(site1));
    const response = await page(siteUrl, '/');
    expect(response.status).toBe(503);
    expect(response.text).toContain('đang được xây dựng');
  });

  test('publishing an article makes its page appear', async () => {
    const { site, publisher } = await startLive();
    const { url, siteUrl } = publisher;
    expect((await page(siteUrl, '/tin-tuc/cau-moi/')).status).toBe(404);

    site.write(withArticle(site1, 'cau-moi', 'Khánh thành cầu mới'));
    expect((await sendWebhook(url, publishEvent('cau-moi'))).status).toBe(202);

    const article = await waitFor('the new article', async () => {
      const response = await page(siteUrl, '/tin-tuc/cau-moi/');
      return response.status === 200 && response;
    });
    expect(article.text).toContain('Khánh thành cầu mới');
    expect((await page(siteUrl, '/')).text).toContain('Khánh thành cầu mới');
    const status = await getStatus(url);
    expect(status.lastSuccess).toMatchObject({ release: status.liveRelease, durationMs: expect.any(Number) });
    expect(publisher.logs).toContainEqual(expect.objectContaining({ event: 'build.succeeded', durationMs: expect.any(Number) }));
  });

  test('50 events within 2 s give at most 2 builds and the final content', async () => {
    const site = makeSite(site1);
    const { url, siteUrl } = await start(site, { PUBLISHER_DEBOUNCE_MS: '500' });

    for (let i = 1; i <= 50; i++) {
      site.write({ ...site1, title: `Phiên bản ${i}` });
      const event = i % 2 ? publishEvent(`doc-${i}`) : { ...publishEvent(`doc-${i}`), event: 'entry.unpublish' };
      expect((await sendWebhook(url, event)).status).toBe(202);
      await sleep(30);
    }

    await waitFor('the final content', async () => (await page(siteUrl, '/')).text.includes('Phiên bản 50'));
    await idle(url);
    expect(site.builds()).toBeGreaterThanOrEqual(1);
    expect(site.builds()).toBeLessThanOrEqual(2);
    expect((await page(siteUrl, '/')).text).toContain('Phiên bản 50');
  });

  test('changes arriving during a build cause exactly one follow-up build, never an overlapping one', async () => {
    const site = makeSite({ ...site1, sleepMs: 1500 });
    const { url, siteUrl } = await start(site);

    await sendWebhook(url, publishEvent('first'));
    await waitFor('the build to start', () => site.builds() === 1);
    for (let i = 1; i <= 10; i++) {
      site.write({ ...site1, title: `Sửa lần ${i}`, sleepMs: 300 });
      await sendWebhook(url, publishEvent(`during-${i}`));
    }
    expect((await getStatus(url)).building).toBe(true);

    await waitFor('the follow-up content', async () => (await page(siteUrl, '/')).text.includes('Sửa lần 10'));
    await idle(url);
    expect(site.builds()).toBe(2);
    const [[, firstEnd], [secondStart]] = site.buildSpans() as [[number, number | null], [number, number | null]];
    expect(firstEnd).not.toBeNull();
    expect(secondStart).toBeGreaterThanOrEqual(firstEnd!);
  });

  test('a failing build keeps the old site, shows the error, and the next event recovers', async () => {
    const { site, publisher } = await startLive();
    const { url, siteUrl } = publisher;
    const before = await getStatus(url);

    site.write({ ...withArticle(site1, 'loi', 'Bài gây lỗi'), fail: 'Lỗi: trường "tiêu đề" bị thiếu' });
    await sendWebhook(url, publishEvent('loi'));
    const failed = await waitFor('the failure', async () => {
      const status = await getStatus(url);
      return status.lastError && status;
    });

    expect(failed.lastError!.message).toContain('trường "tiêu đề" bị thiếu');
    expect(failed.liveRelease).toBe(before.liveRelease);
    expect(failed.nextRetryAt).not.toBeNull();
    expect((await page(siteUrl, '/')).text).toContain('Khai trương cổng thông tin');
    expect((await page(siteUrl, '/')).text).not.toContain('Bài gây lỗi');
    expect((await page(siteUrl, '/tin-tuc/loi/')).status).toBe(404);
    expect(readdirSync(site.releasesDir).filter((name) => name.endsWith('.partial'))).toEqual([]);

    site.write(withArticle(site1, 'da-sua', 'Bài đã sửa'));
    await sendWebhook(url, publishEvent('da-sua'));
    await waitFor('the recovery', async () => (await page(siteUrl, '/tin-tuc/da-sua/')).status === 200);
    const recovered = await getStatus(url);
    expect(recovered.liveRelease).not.toBe(before.liveRelease);
    expect(recovered.nextRetryAt).toBeNull();
  });

  test('a failed build is retried with backoff without a new event', async () => {
    const { site, publisher } = await startLive(site1, { PUBLISHER_RETRY_BASE_MS: '300' });
    const { url, siteUrl } = publisher;

    site.write({ ...site1, fail: 'Strapi không phản hồi' });
    await sendWebhook(url, publishEvent('x'));
    await waitFor('the failure', async () => (await getStatus(url)).lastError);

    site.write({ ...site1, title: 'Đã khôi phục' });
    await waitFor('the retried build', async () => (await page(siteUrl, '/')).text.includes('Đã khôi phục'));
    expect(publisher.logs).toContainEqual(expect.objectContaining({ event: 'retry.scheduled', delayMs: 300 }));
  });

  test('a build without 404.html fails the check and is not published', async () => {
    const { site, publisher } = await startLive();
    const { url, siteUrl } = publisher;

    site.write({ ...site1, title: 'Thiếu trang 404', omit404: true });
    await sendWebhook(url, publishEvent('x'));
    const failed = await waitFor('the failure', async () => (await getStatus(url)).lastError);

    expect(failed.message).toContain('404.html');
    expect((await page(siteUrl, '/')).text).toContain('Cổng thông tin xã A');
  });

  test('a hung build is stopped after PUBLISHER_BUILD_TIMEOUT_MS, child processes included', async () => {
    const { site, publisher } = await startLive(site1, { PUBLISHER_BUILD_TIMEOUT_MS: '1000' });
    const { url, siteUrl } = publisher;

    site.write({ ...site1, title: 'Treo', sleepMs: 60_000 });
    await sendWebhook(url, publishEvent('x'));
    const failed = await waitFor('the timeout', async () => (await getStatus(url)).lastError);

    expect(failed.message).toContain('timed out after 1000 ms');
    // The fixture runs under `sh -c`: killing only the shell would leave it writing into releases/.
    await waitFor('the build process to exit', () => !isRunning(site.buildPids()[1]!), 5000);
    expect((await page(siteUrl, '/')).text).toContain('Cổng thông tin xã A');
  });

  test('closing the service stops a running build', async () => {
    const site = makeSite({ ...site1, sleepMs: 60_000 });
    const publisher = await start(site, { PUBLISHER_BUILD_ON_START: 'always' });
    await waitFor('the build to start', () => site.builds() === 1);

    const closing = Date.now();
    await publisher.close();

    expect(Date.now() - closing).toBeLessThan(5000);
    expect(isRunning(site.buildPids()[0]!)).toBe(false);
    expect(readdirSync(site.releasesDir)).toEqual([]);
  });

  test('old releases are pruned to PUBLISHER_KEEP_RELEASES', async () => {
    const { site, publisher } = await startLive(site1, { PUBLISHER_KEEP_RELEASES: '2' });
    for (let i = 1; i <= 3; i++) {
      site.write({ ...site1, title: `Lần ${i}` });
      await sendWebhook(publisher.url, publishEvent(`p${i}`));
      await waitFor(`build ${i}`, async () => (await page(publisher.siteUrl, '/')).text.includes(`Lần ${i}`));
    }
    await idle(publisher.url);
    const releases = readdirSync(site.releasesDir);
    expect(releases).toHaveLength(2);
    expect(releases).toContain((await getStatus(publisher.url)).liveRelease);
  });

  test('killed during a build, the service comes back serving the last good release, then builds the change', async () => {
    const site = makeSite(site1);
    const child = spawn(process.execPath, ['--experimental-strip-types', 'main.ts'], {
      cwd: import.meta.dirname,
      env: { ...process.env, ...site.env({ PUBLISHER_BUILD_ON_START: 'always' }) },
      stdio: ['ignore', 'pipe', 'inherit'],
      // Own process group, so the kill below also takes down the build it started, as systemd would.
      detached: true,
    });
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    const firstUrl = await waitFor('the service to listen', () => output.match(/"controlUrl":"([^"]+)"/)?.[1]);
    await waitFor('the first release', async () => (await getStatus(firstUrl)).liveRelease);
    await idle(firstUrl);

    site.write({ ...withArticle(site1, 'dang-xay', 'Bài đang xây dựng'), sleepMs: 30_000 });
    await sendWebhook(firstUrl, publishEvent('dang-xay'));
    await waitFor('the second build to start', () => site.builds() === 2);
    // Every build writes into one folder beside the releases, renamed into a release once checked.
    const buildDir = join(dirname(site.releasesDir), 'build');
    await waitFor('the half-built folder', () => existsSync(join(buildDir, 'index.html')));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // The build runs in its own process group; systemd or a container runtime kills both at once.
    process.kill(-child.pid!, 'SIGKILL');
    process.kill(site.buildPids()[1]!, 'SIGKILL');
    await exited;

    site.write(withArticle(site1, 'dang-xay', 'Bài đang xây dựng'));
    const { siteUrl } = await start(site, { PUBLISHER_DEBOUNCE_MS: '1500' });

    const served = await page(siteUrl, '/');
    expect(served.status).toBe(200);
    expect(served.text).toContain('Khai trương cổng thông tin');
    expect(served.text).not.toContain('Bài đang xây dựng');
    expect(readdirSync(site.releasesDir).filter((name) => name.endsWith('.partial'))).toEqual([]);

    await waitFor('the interrupted change to be built', async () => (await page(siteUrl, '/tin-tuc/dang-xay/')).status === 200);
  });
});

describe('serving the live site', () => {
  test('content types, cache headers, directory indexes and the 404 page', async () => {
    const { publisher } = await startLive();
    const { url, siteUrl } = publisher;

    const types: Record<string, string> = {
      '/': 'text/html; charset=utf-8',
      '/_astro/site.abc123.css': 'text/css; charset=utf-8',
      '/_astro/app.def456.js': 'text/javascript; charset=utf-8',
      '/data.json': 'application/json; charset=utf-8',
      '/rss.xml': 'application/xml; charset=utf-8',
      '/logo.svg': 'image/svg+xml',
      '/robots.txt': 'text/plain; charset=utf-8',
      '/files/bao-cao.pdf': 'application/pdf',
      '/images/anh.webp': 'image/webp',
      '/fonts/font.woff2': 'font/woff2',
    };
    for (const [path, type] of Object.entries(types)) {
      const response = await page(siteUrl, path);
      expect({ path, status: response.status, type: response.headers.get('content-type') }).toEqual({ path, status: 200, type });
    }

    expect((await page(siteUrl, '/_astro/site.abc123.css')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await page(siteUrl, '/')).headers.get('cache-control')).toBe('no-cache');

    expect((await page(siteUrl, '/tin-tuc/')).text).toContain('1 bài');
    expect((await page(siteUrl, '/tin-tuc')).text).toContain('1 bài');
    expect((await page(siteUrl, '/tin-tuc/khai-truong?utm_source=zalo')).text).toContain('Nội dung đầu tiên');
    expect((await page(siteUrl, '/gioi-thieu')).text).toContain('Giới thiệu');

    const missing = await page(siteUrl, '/khong-ton-tai');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(missing.text).toContain('Không tìm thấy trang');
  });

  test('HEAD returns headers without a body; conditional GET returns 304', async () => {
    const { publisher } = await startLive();
    const { url, siteUrl } = publisher;
    const full = await fetch(`${siteUrl}/`);
    const body = await full.text();

    const head = await fetch(`${siteUrl}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    expect(await head.text()).toBe('');

    const again = await fetch(`${siteUrl}/`, { headers: { 'if-none-match': full.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  test('paths that climb out of the release are refused', async () => {
    const { site, publisher } = await startLive();
    writeFileSync(join(site.releasesDir, 'secret.txt'), 'BI-MAT');
    // fetch() would normalise these away; a raw request sends them as an attacker would.
    const raw = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${publisher.siteUrl}/`, { path }, (res) => {
          let body = '';
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', reject);
        req.end();
      });

    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/tin-tuc/..%5c..%5csecret.txt', '/%c0%ae%c0%ae/secret.txt']) {
      const response = await raw(path);
      expect([400, 404], path).toContain(response.status);
      expect(response.body).not.toContain('BI-MAT');
    }
    expect((await raw('/../secret.txt')).status).toBe(400);
  });
});

describe('control endpoints', () => {
  test('/health answers and /status reports the live release and counts to the holder of the secret', async () => {
    const { publisher } = await startLive();
    const health = await fetch(`${publisher.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    expect(await getStatus(publisher.url)).toEqual({
      mode: 'build',
      liveRelease: expect.stringMatching(/^\d{8}T\d{9}Z-[0-9a-f]{6}$/),
      lastSuccess: {
        at: expect.any(String),
        durationMs: expect.any(Number),
        release: expect.any(String),
        full: true,
        phases: { prepare: expect.any(Number), build: expect.any(Number), activate: expect.any(Number) },
        // The fixture build renders /, /tin-tuc/, /gioi-thieu.html, the 404 page and each article.
        pages: { rendered: 4 + site1.articles.length, reused: 0 },
      },
      lastError: null,
      lastIndex: null,
      queued: 0,
      building: false,
      nextRetryAt: null,
      buildCount: 1,
      // The fixture command is one of our own: no standby build unless PUBLISHER_STANDBY=1.
      standby: null,
      preparing: false,
    });
  });

  test('the public site port has no /webhook, /status or /health; the control port has no site', async () => {
    const { site, publisher } = await startLive();
    for (const path of ['/webhook', '/status', '/health']) {
      const response = await page(publisher.siteUrl, path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.text).toContain('Không tìm thấy trang');
    }
    const posted = await sendWebhook(publisher.siteUrl, publishEvent('qua-cong-cong-khai'));
    expect(posted.status).toBe(405);
    await sleep(300); // three debounce windows
    expect(site.builds()).toBe(1);

    expect((await page(publisher.url, '/')).status).toBe(404);
    expect((await page(publisher.url, '/tin-tuc/khai-truong/')).status).toBe(404);
    expect((await page(publisher.siteUrl, '/tin-tuc/khai-truong/')).status).toBe(200);
  });

  test('without the secret /status says whether the last build failed, never its output', async () => {
    const { site, publisher } = await startLive();
    site.write({ ...site1, fail: 'Lỗi bí mật: http://10.0.0.5:1337 token=abc /srv/toasoan' });
    await sendWebhook(publisher.url, publishEvent('x'));
    await waitFor('the failure', async () => (await getStatus(publisher.url)).lastError);

    for (const headers of [{}, { authorization: 'Bearer not-the-secret' }] as Array<Record<string, string>>) {
      const response = await fetch(`${publisher.url}/status`, { headers });
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        mode: 'build',
        live: true,
        building: false,
        queued: 1, // the failed change, waiting for its retry
        lastSuccessAt: expect.any(String),
        lastErrorAt: expect.any(String),
      });
      expect(text).not.toContain('Lỗi bí mật');
      expect(text).not.toContain('10.0.0.5');
    }
    expect((await getStatus(publisher.url)).lastError!.message).toContain('Lỗi bí mật');
  });
});

describe('building at start', () => {
  test('by default a service with no live release builds at once, without waiting for a publish', async () => {
    const site = makeSite(site1);
    const { url, siteUrl } = await start(site, { PUBLISHER_BUILD_ON_START: 'auto' });
    await waitFor('the first release', async () => (await page(siteUrl, '/')).status === 200);
    expect((await page(siteUrl, '/')).text).toContain('Cổng thông tin xã A');
    expect((await getStatus(url)).buildCount).toBe(1);
  });

  test('by default a restart with a live release serves it and builds nothing', async () => {
    const { site, publisher } = await startLive();
    await publisher.close();
    site.write({ ...site1, title: 'Không được xây lại' });

    const { url, siteUrl } = await start(site, { PUBLISHER_BUILD_ON_START: 'auto' });
    expect((await page(siteUrl, '/')).text).toContain('Cổng thông tin xã A');
    await sleep(400); // four debounce windows
    expect(site.builds()).toBe(1);
    expect((await getStatus(url)).buildCount).toBe(0);
  });
});
