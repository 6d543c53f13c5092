import { existsSync, readdirSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getStatus, idle, makeSite, page, publishEvent, sendWebhook, start, waitFor, type Content } from './test-support.ts';

const site2: Content = {
  title: 'Cổng thông tin xã B',
  articles: [
    { slug: 'khai-truong', title: 'Khai trương cổng thông tin', body: 'Nội dung đầu tiên' },
    { slug: 'hop-dan', title: 'Họp dân đầu năm', body: 'Nội dung thứ hai' },
  ],
};

async function startLive(content: Content, extra: Record<string, string> = {}) {
  const site = makeSite(content);
  const publisher = await start(site, { PUBLISHER_BUILD_ON_START: 'always', ...extra });
  await waitFor('the first release', async () => (await getStatus(publisher.url)).liveRelease);
  await idle(publisher.url);
  return { site, publisher };
}

/** Sends a publish and waits until a release other than `previous` is live and the service idle. */
async function publishAndWait(url: string, previous: string | null) {
  expect((await sendWebhook(url, publishEvent('x'))).status).toBe(202);
  await waitFor('a new live release', async () => {
    const status = await getStatus(url);
    return status.liveRelease !== previous && !status.building && status.queued === 0;
  });
  return (await getStatus(url)).liveRelease!;
}

const inode = (path: string) => statSync(path).ino;

describe('releases reuse unchanged files', () => {
  test('files identical to the live release are hard links to it, changed ones are new; pruning keeps the live files', async () => {
    const { site, publisher } = await startLive(site2, { PUBLISHER_KEEP_RELEASES: '1' });
    const first = (await getStatus(publisher.url)).liveRelease!;
    const firstDir = join(site.releasesDir, first);
    const before = {
      unchanged: inode(join(firstDir, 'tin-tuc/khai-truong/index.html')),
      css: inode(join(firstDir, '_astro/site.abc123.css')),
      robots: inode(join(firstDir, 'robots.txt')),
      edited: inode(join(firstDir, 'tin-tuc/hop-dan/index.html')),
      home: inode(join(firstDir, 'index.html')),
    };

    site.write({ ...site2, articles: [site2.articles[0]!, { ...site2.articles[1]!, title: 'Họp dân giữa năm' }] });
    const second = await publishAndWait(publisher.url, first);
    const secondDir = join(site.releasesDir, second);

    expect(inode(join(secondDir, 'tin-tuc/khai-truong/index.html'))).toBe(before.unchanged);
    expect(inode(join(secondDir, '_astro/site.abc123.css'))).toBe(before.css);
    expect(inode(join(secondDir, 'robots.txt'))).toBe(before.robots);
    // The edited article and the home page listing it changed: their own new files.
    expect(inode(join(secondDir, 'tin-tuc/hop-dan/index.html'))).not.toBe(before.edited);
    expect(inode(join(secondDir, 'index.html'))).not.toBe(before.home);
    const { lastSuccess } = await getStatus(publisher.url);
    expect(lastSuccess?.reuse).toMatchObject({ linked: expect.any(Number), kept: expect.any(Number) });
    expect(lastSuccess!.reuse!.kept).toBeGreaterThanOrEqual(3); // the two pages and build-info.json
    expect(lastSuccess!.reuse!.linked).toBeGreaterThanOrEqual(10);
    // Only the files the build wrote were compared: the carried page was a link from the start.
    const files = readdirSync(secondDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
    expect(lastSuccess!.reuse!.linked + lastSuccess!.reuse!.kept).toBe(files - 1);

    // KEEP_RELEASES=1: the first release is gone, and with it only its names, not the shared files.
    expect(existsSync(firstDir)).toBe(false);
    expect((await page(publisher.siteUrl, '/tin-tuc/khai-truong/')).text).toContain('Khai trương cổng thông tin');
    expect((await page(publisher.siteUrl, '/tin-tuc/hop-dan/')).text).toContain('Họp dân giữa năm');
    expect((await page(publisher.siteUrl, '/_astro/site.abc123.css')).status).toBe(200);
  });
});

describe('code version', () => {
  test('a change of the site code version builds everything; the same code builds incrementally, also after a restart', async () => {
    const env = { PUBLISHER_CODE_ENV: 'SITE_URL', SITE_URL: 'https://a.example.gov.vn' };
    const { site, publisher } = await startLive(site2, env);
    const info = async () => {
      const { full, codeVersion } = JSON.parse((await page(publisher.siteUrl, '/build-info.json')).text) as { full: string; codeVersion: string };
      return { full, codeVersion };
    };
    const first = await info();
    expect(first.full).toBe('1'); // nothing is known about the code of the cache yet
    expect((await getStatus(publisher.url)).lastSuccess?.full).toBe(true);

    await publishAndWait(publisher.url, (await getStatus(publisher.url)).liveRelease);
    expect(await info()).toEqual({ full: '0', codeVersion: first.codeVersion });
    await publisher.close();

    // Same code after a restart: still incremental.
    const again = await start(site, env);
    await publishAndWait(again.url, (await getStatus(again.url)).liveRelease);
    const read = async (url: string) => {
      const { full, codeVersion } = JSON.parse((await page(url, '/build-info.json')).text) as { full: string; codeVersion: string };
      return { full, codeVersion };
    };
    expect(await read(again.siteUrl)).toEqual({ full: '0', codeVersion: first.codeVersion });
    await again.close();

    // A deploy with another site URL (part of the code version): everything is rebuilt.
    const moved = await start(site, { ...env, SITE_URL: 'https://b.example.gov.vn' });
    await publishAndWait(moved.url, (await getStatus(moved.url)).liveRelease);
    const after = await read(moved.siteUrl);
    expect(after.full).toBe('1');
    expect(after.codeVersion).not.toBe(first.codeVersion);
  });
});

describe('search index after the switch', () => {
  test('a new release goes live with the previous index; the new index replaces it whole, and a failed one leaves the previous', async () => {
    const site = makeSite(site2);
    const publisher = await start(site, { PUBLISHER_BUILD_ON_START: 'always', PUBLISHER_INDEX_COMMAND: site.indexCommand });
    const indexOf = async () => (await page(publisher.siteUrl, '/pagefind/pagefind.js')).text;
    await waitFor('the first index', async () => (await indexOf()).includes('Cổng thông tin xã B'));
    // The build is told the index follows the switch, so it can leave it out.
    expect(JSON.parse((await page(publisher.siteUrl, '/build-info.json')).text)).toMatchObject({ indexAfter: '1' });

    // Indexing held half-way: the release is live, searching still uses the previous complete index.
    writeFileSync(`${site.contentFile}.index-hold`, '');
    site.write({ ...site2, title: 'Lần 2' });
    const live1 = (await getStatus(publisher.url)).liveRelease;
    expect((await sendWebhook(publisher.url, publishEvent('x'))).status).toBe(202);
    await waitFor('release 2 live', async () => (await page(publisher.siteUrl, '/')).text.includes('Lần 2'));
    const live2 = (await getStatus(publisher.url)).liveRelease!;
    expect(live2).not.toBe(live1);
    // Written outside the release (search-index/ beside releases/), moved in once complete.
    await waitFor('the indexer to start', () => existsSync(join(site.releasesDir, '../search-index/pagefind-entry.json')));
    expect(await indexOf()).toContain('Cổng thông tin xã B');
    expect((await page(publisher.siteUrl, '/pagefind/pagefind-entry.json')).text).toContain('Cổng thông tin xã B');

    rmSync(`${site.contentFile}.index-hold`);
    await waitFor('the new index', async () => (await indexOf()).includes('Lần 2'));
    expect((await page(publisher.siteUrl, '/pagefind/pagefind-entry.json')).text).toContain('Lần 2');
    await idle(publisher.url);
    // Shared by the releases beside releases/, not copied into each.
    expect(readlinkSync(join(site.releasesDir, live2, 'pagefind'))).toMatch(/^\.\.\/\.\.\/search-indexes\/pagefind-\d+$/);
    expect(readdirSync(join(site.releasesDir, live2)).filter((name) => name.startsWith('pagefind-'))).toEqual([]);
    expect((await getStatus(publisher.url)).lastIndex).toMatchObject({ release: live2, error: null });

    // A failing indexer: the new release keeps the index it went live with.
    writeFileSync(`${site.contentFile}.index-fail`, '');
    site.write({ ...site2, title: 'Lần 3' });
    expect((await sendWebhook(publisher.url, publishEvent('x'))).status).toBe(202);
    const failed = await waitFor('the failed index', async () => {
      const status = await getStatus(publisher.url);
      return status.lastIndex?.release === status.liveRelease && status.lastIndex?.error && status;
    });
    expect(failed.lastIndex!.error).toContain('indexing failed on purpose');
    expect((await page(publisher.siteUrl, '/')).text).toContain('Lần 3');
    expect(await indexOf()).toContain('Lần 2');
    expect(existsSync(join(site.releasesDir, '../search-index'))).toBe(false);
  });

  test('an index no kept release links to any more is removed', async () => {
    const site = makeSite(site2);
    const publisher = await start(site, { PUBLISHER_BUILD_ON_START: 'always', PUBLISHER_INDEX_COMMAND: site.indexCommand, PUBLISHER_KEEP_RELEASES: '1' });
    const indexOf = async () => (await page(publisher.siteUrl, '/pagefind/pagefind.js')).text;
    await waitFor('the first index', async () => (await indexOf()).includes('Cổng thông tin xã B'));
    await idle(publisher.url);
    site.write({ ...site2, title: 'Lần 2' });
    expect((await sendWebhook(publisher.url, publishEvent('x'))).status).toBe(202);
    await waitFor('the new index', async () => (await indexOf()).includes('Lần 2'));
    await idle(publisher.url);
    expect(readdirSync(join(site.releasesDir, '../search-indexes'))).toHaveLength(1);
  });
});
