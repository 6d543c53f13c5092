// Standby builds (server.ts startStandby): the next partial build starts as soon as a release is
// live, and reads nothing until the publish comes. Driven with the fixture build, which follows
// the site's protocol (fixtures/build.mjs, web/src/lib/standby.ts).
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getStatus, idle, isRunning, makeSite, page, publishEvent, sendWebhook, start, waitFor, type Content, type Site } from './test-support.ts';

const site1: Content = {
  title: 'Cổng thông tin xã A',
  articles: [{ slug: 'khai-truong', title: 'Khai trương cổng thông tin', body: 'Nội dung đầu tiên' }],
};
const withNews: Content = { ...site1, articles: [...site1.articles, { slug: 'hop-dan', title: 'Họp dân giữa năm', body: 'Nội dung mới' }] };

async function startWithStandby(extra: (site: Site) => Record<string, string> = () => ({})) {
  const site = makeSite(site1);
  const codeFile = join(site.dir, 'code.txt');
  writeFileSync(codeFile, 'v1');
  const publisher = await start(site, { PUBLISHER_BUILD_ON_START: 'always', PUBLISHER_STANDBY: '1', PUBLISHER_CODE_PATHS: codeFile, ...extra(site) });
  await waitFor('the first release', async () => (await getStatus(publisher.url)).liveRelease);
  await idle(publisher.url);
  // The next build has started and waits for the publish.
  const standbyPid = await waitFor('a standby build', () => site.buildLog().filter((e) => e.what === 'start')[1]?.pid);
  return { site, publisher, codeFile, standbyPid };
}

test('the next build is started before the publish and reads the content only once the publish has come', async () => {
  const { site, publisher, standbyPid } = await startWithStandby();
  const startedAt = site.buildLog().find((e) => e.what === 'start' && e.pid === standbyPid)!.at;
  await waitFor('the standby build to wait', async () => (await getStatus(publisher.url)).standby === 'waiting');
  expect(site.buildLog().some((e) => e.what === 'go')).toBe(false);

  // The editor's change is saved after that build started.
  site.write(withNews);
  const sentAt = Date.now();
  expect((await sendWebhook(publisher.url, publishEvent('hop-dan'))).status).toBe(202);
  const news = await waitFor('the new article on the site', async () => {
    const result = await page(publisher.siteUrl, '/tin-tuc/hop-dan/');
    return result.status === 200 && result;
  });

  expect(news.text).toContain('Họp dân giữa năm');
  expect(startedAt).toBeLessThan(sentAt);
  const went = site.buildLog().find((e) => e.what === 'go' && e.pid === standbyPid);
  expect(went!.at).toBeGreaterThanOrEqual(sentAt);
  expect(publisher.logs.find((l) => l.event === 'build.started' && l.standby === true)).toBeTruthy();
  // The page answers once the release is switched; the publish is recorded just after.
  expect((await idle(publisher.url)).lastSuccess).toMatchObject({ full: false });
  // And the one after it is already waiting.
  await waitFor('the next standby build', () => site.buildLog().filter((e) => e.what === 'start').length === 3);
});

test('after a change of the site code the standby build is stopped and a fresh full build runs', async () => {
  const { site, publisher, codeFile, standbyPid } = await startWithStandby();

  writeFileSync(codeFile, 'v2');
  site.write(withNews);
  const sentAt = Date.now();
  expect((await sendWebhook(publisher.url, publishEvent('hop-dan'))).status).toBe(202);
  await waitFor('the new article on the site', async () => (await page(publisher.siteUrl, '/tin-tuc/hop-dan/')).status === 200);

  expect(site.buildLog().some((e) => e.what === 'go')).toBe(false);
  expect(isRunning(standbyPid)).toBe(false);
  const built = site.buildLog().filter((e) => e.what === 'start')[2]!;
  expect(built.at).toBeGreaterThanOrEqual(sentAt);
  expect(JSON.parse((await page(publisher.siteUrl, '/build-info.json')).text)).toMatchObject({ full: '1' });
});

test('when the kept page keys do not describe the live release, the standby build is not used and every page is rendered', async () => {
  const { site, publisher, standbyPid } = await startWithStandby();
  await waitFor('the standby build to wait', async () => (await getStatus(publisher.url)).standby === 'waiting');
  // The keys were not kept when the live release went live (e.g. a full disk): they vouch for no release.
  rmSync(join(dirname(site.releasesDir), 'page-keys', 'release'));

  site.write(withNews);
  expect((await sendWebhook(publisher.url, publishEvent('hop-dan'))).status).toBe(202);
  await waitFor('the new article on the site', async () => (await page(publisher.siteUrl, '/tin-tuc/hop-dan/')).status === 200);

  // The standby build read those keys as it started: it is stopped, not told to go.
  expect(site.buildLog().some((e) => e.what === 'go' && e.pid === standbyPid)).toBe(false);
  expect(isRunning(standbyPid)).toBe(false);
  expect(publisher.logs.find((l) => l.event === 'build.started' && l.standby === false && l.full === false)).toBeTruthy();
  expect((await idle(publisher.url)).lastSuccess).toMatchObject({ pages: { reused: 0 } });
  expect((await page(publisher.siteUrl, '/tin-tuc/khai-truong/')).text).toContain('Khai trương cổng thông tin');
});

describe('the next release, filled ahead of the publish', () => {
  const pageFile = (dir: string, slug: string) => join(dir, 'tin-tuc', slug, 'index.html');
  const nextDir = (site: Site) => join(dirname(site.releasesDir), 'next-release');

  test('holds the live release\'s unchanged pages as links before the publish, and becomes the release', async () => {
    const { site, publisher } = await startWithStandby();
    const live = join(site.releasesDir, (await getStatus(publisher.url)).liveRelease!);
    await waitFor('the next release\'s pages', () => existsSync(pageFile(nextDir(site), 'khai-truong')));
    expect(statSync(pageFile(nextDir(site), 'khai-truong')).ino).toBe(statSync(pageFile(live, 'khai-truong')).ino);

    site.write(withNews);
    expect((await sendWebhook(publisher.url, publishEvent('hop-dan'))).status).toBe(202);
    await waitFor('the new article on the site', async () => (await page(publisher.siteUrl, '/tin-tuc/hop-dan/')).status === 200);
    const release = join(site.releasesDir, (await getStatus(publisher.url)).liveRelease!);
    expect(statSync(pageFile(release, 'khai-truong')).ino).toBe(statSync(pageFile(live, 'khai-truong')).ino);
  });
});

test('with PUBLISHER_STANDBY=0 no build runs between publishes', async () => {
  const site = makeSite(site1);
  const publisher = await start(site, { PUBLISHER_BUILD_ON_START: 'always', PUBLISHER_STANDBY: '0' });
  await waitFor('the first release', async () => (await getStatus(publisher.url)).liveRelease);
  await idle(publisher.url);
  site.write(withNews);
  expect((await sendWebhook(publisher.url, publishEvent('hop-dan'))).status).toBe(202);
  await waitFor('the new article on the site', async () => (await page(publisher.siteUrl, '/tin-tuc/hop-dan/')).status === 200);
  await idle(publisher.url);
  expect(site.builds()).toBe(2);
  expect((await getStatus(publisher.url)).standby).toBeNull();
});

test('a standby build stops when the service stops', async () => {
  const { publisher, standbyPid } = await startWithStandby();
  await waitFor('the standby build to wait', async () => (await getStatus(publisher.url)).standby === 'waiting');
  await publisher.close();
  // Closed with the build's output: under load its process may take a moment more to be gone.
  // The service's log, should it fail: which builds it started and stopped.
  await waitFor(`the standby build gone: ${JSON.stringify(publisher.logs.map((l) => [l.event, l.release, l.standby, l.error]))}`, () => !isRunning(standbyPid));
});

describe('the search index command, started ahead (PUBLISHER_INDEX_STANDBY=1)', () => {
  const withIndex = (standby: '0' | '1') => (site: Site) => ({ PUBLISHER_INDEX_COMMAND: site.indexCommand, PUBLISHER_INDEX_STANDBY: standby });
  const indexedTitle = async (siteUrl: string) => (await page(siteUrl, '/pagefind/pagefind.js')).text;
  const renamed = { ...withNews, title: 'Cổng thông tin xã A mới' };

  test('waits while the build runs and indexes its records once it has ended', async () => {
    const { site, publisher } = await startWithStandby(withIndex('1'));
    // The first release's index was written after its build; the next one's command is waiting.
    const waiting = await waitFor('a waiting index command', () => site.buildLog().filter((e) => e.what === 'index-start')[1]);
    expect(site.buildLog().some((e) => e.what === 'index-go')).toBe(false);

    site.write(renamed);
    expect((await sendWebhook(publisher.url, publishEvent('hop-dan'))).status).toBe(202);
    await waitFor('the new index', async () => (await indexedTitle(publisher.siteUrl)).includes('xã A mới'));

    const buildEnd = site.buildLog().filter((e) => e.what === 'end').at(-1)!;
    const went = site.buildLog().find((e) => e.what === 'index-go')!;
    expect(went.pid).toBe(waiting.pid);
    expect(went.at).toBeGreaterThanOrEqual(buildEnd.at);
    // What it made before the build's end is in the index it placed.
    expect((await page(publisher.siteUrl, '/pagefind/pagefind-base.json')).status).toBe(200);
    expect((await idle(publisher.url)).lastIndex).toMatchObject({ error: null });
  });

  test('after a failed build, the waiting command is replaced and the next index is whole', async () => {
    const { site, publisher } = await startWithStandby(withIndex('1'));
    const waiting = await waitFor('a waiting index command', () => site.buildLog().filter((e) => e.what === 'index-start')[1]);

    site.write({ ...renamed, fail: 'the CMS went away' });
    expect((await sendWebhook(publisher.url, publishEvent('hop-dan'))).status).toBe(202);
    await waitFor('the failed build', async () => (await getStatus(publisher.url)).lastError);
    expect(isRunning(waiting.pid)).toBe(false);
    await waitFor('another waiting index command', () => site.buildLog().filter((e) => e.what === 'index-start')[2]);

    site.write(renamed);
    expect((await sendWebhook(publisher.url, publishEvent('hop-dan'))).status).toBe(202);
    await waitFor('the new index', async () => (await indexedTitle(publisher.siteUrl)).includes('xã A mới'));
    expect((await page(publisher.siteUrl, '/pagefind/pagefind-base.json')).status).toBe(200);
    expect(site.buildLog().filter((e) => e.what === 'index-go').map((e) => e.pid)).not.toContain(waiting.pid);
  });

  test('the next publish is reported as being prepared until the waiting command is ready', async () => {
    const { site, publisher } = await startWithStandby(withIndex('1'));
    writeFileSync(`${site.contentFile}.index-ready-hold`, '');
    site.write(renamed);
    expect((await sendWebhook(publisher.url, publishEvent('hop-dan'))).status).toBe(202);
    await waitFor('the new index', async () => (await indexedTitle(publisher.siteUrl)).includes('xã A mới'));
    // The next index command has started and links what it has; the next build waits already.
    await waitFor('the next index command', () => site.buildLog().filter((e) => e.what === 'index-start')[2]);
    await waitFor('the standby build to wait', async () => (await getStatus(publisher.url)).standby === 'waiting');
    expect((await getStatus(publisher.url)).preparing).toBe(true);
    rmSync(`${site.contentFile}.index-ready-hold`);
    await waitFor('the next publish prepared', async () => (await getStatus(publisher.url)).preparing === false);
  });

  test('is not started ahead unless the setting says the command knows how to wait', async () => {
    const { site, publisher } = await startWithStandby(withIndex('0'));
    await idle(publisher.url);
    site.write(renamed);
    const sentAt = Date.now();
    expect((await sendWebhook(publisher.url, publishEvent('hop-dan'))).status).toBe(202);
    await waitFor('the new index', async () => (await indexedTitle(publisher.siteUrl)).includes('xã A mới'));
    const starts = site.buildLog().filter((e) => e.what === 'index-start');
    expect(starts).toHaveLength(2);
    expect(starts[1]!.at).toBeGreaterThanOrEqual(sentAt);
    expect((await page(publisher.siteUrl, '/pagefind/pagefind-base.json')).status).toBe(404);
  });
});
