import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from '../../cms/tests/harness';
import { completeFromStaging, keepKeys, stageFromLive } from '../../publisher/partial';
import { readPage, removeBuild, runBuild, WEB_DIR, type BuildResult } from './build-helpers';

/**
 * Partial builds as the rebuild service runs them (publisher/partial.ts): each build is given the
 * page keys of the previous one (PUBLISHER_PAGE_KEYS) and renders only the pages whose key
 * changed; its output is then completed with the unchanged pages of the previous output and the
 * new keys kept. Astro logs every page it rendered.
 */
const SITE_URL = 'https://congthongtin.example.gov.vn';
const RUN = `${Date.now()}-${randomBytes(4).toString('hex')}`;

let cms: TestCms;
const cacheDir = path.join(WEB_DIR, '.cache', 'test-caches', RUN);
const keysDir = path.join(cacheDir, 'page-keys');
const outDirs: string[] = [];

/** Every address the keyed routes have, from the keys kept after the last build. */
const keyedAddresses = async () => {
  const names = (await readdir(keysDir)).filter((name) => name.endsWith('_.json'));
  return (await Promise.all(names.map(async (name) => Object.keys(JSON.parse(await readFile(path.join(keysDir, name), 'utf8')))))).flat();
};

const build = async () => {
  const outDir = path.join(WEB_DIR, '.cache', 'test-builds', `incremental-${RUN}-${outDirs.length}`);
  const result: BuildResult = await runBuild(
    { STRAPI_URL: cms.url, STRAPI_TOKEN: cms.buildToken, SITE_URL, TZ: 'UTC', ASTRO_CACHE_DIR: cacheDir, PUBLISHER_PAGE_KEYS: keysDir },
    600_000,
    `${outDir}.build`,
  );
  expect(result.code, result.output.slice(-3000)).toBe(0);
  const staged = await stageFromLive(keysDir, outDirs.at(-1) ?? null, outDir);
  const { assets } = await completeFromStaging(keysDir, result.outDir, outDir, staged);
  await removeBuild(result.outDir);
  await keepKeys(keysDir, `build-${outDirs.length}`, assets);
  outDirs.push(outDir);
  const rendered = renderedPages(result.output);
  const reused = new Set((await keyedAddresses()).filter((address) => !rendered.has(address)));
  return { ...result, outDir, rendered, reused };
};

/** The pages Astro rendered ("/tin-tuc/x/index.html" → "/tin-tuc/x/"). */
const renderedPages = (output: string) => {
  const rendered = new Set<string>();
  for (const line of stripVTControlCharacters(output).split('\n')) {
    const match = /[├└]─ (\/\S*?)(index\.html)?\s+\(\+[\d.]+m?s\)/.exec(line);
    if (match) rendered.add(match[1]!);
  }
  return rendered;
};

const articles = () => cms.strapi.documents('api::article.article');
const only = (set: Set<string>, prefix: RegExp) => [...set].filter((p) => prefix.test(p));
const ARTICLE_PAGE = /^\/tin-tuc\/(?!luu-tru\/)[^/]+\/$/;
const NEWS_ARCHIVE = /^\/tin-tuc\/luu-tru\/\d+\/$/;

let first: Awaited<ReturnType<typeof build>>;

beforeAll(async () => {
  cms = await startCms({ seed: true });
  first = await build();
}, 900_000);

afterAll(async () => {
  await Promise.all(outDirs.map(removeBuild));
  await rm(cacheDir, { recursive: true, force: true });
  await cms?.destroy();
});

describe('incremental site builds', () => {
  it('renders every page the first time', () => {
    expect(only(first.rendered, ARTICLE_PAGE).length).toBeGreaterThan(20);
    expect(first.reused.size).toBe(0);
  });

  it("after an old article's title edit, renders its page, its neighbours and its list pages only", async () => {
    const published = (await articles().findMany({
      status: 'published',
      fields: ['slug', 'title', 'date'],
      populate: { category: { fields: ['slug'] } },
      sort: ['date:asc'],
      limit: 1000,
    } as any)) as any[];
    const old = published.find((a) => a.category)!;
    const before = new Map<string, string>();
    const sameCategory = published.filter((a) => a.category?.documentId === old.category.documentId);
    const untouched = published.find((a) => a.category && a.category.documentId !== old.category.documentId)!;
    for (const file of [`/tin-tuc/${untouched.slug}/`]) before.set(file, await readPage(first.outDir, file));
    await articles().update({ documentId: old.documentId, data: { title: `${old.title} (đã sửa)` } as any });
    await articles().publish({ documentId: old.documentId });

    const second = await build();
    // The sync fetched the edited article alone.
    expect(stripVTControlCharacters(second.output)).toMatch(/\[toasoan-articles\] \d+ listed, 1 fetched, 0 dropped/);
    const renderedArticles = only(second.rendered, ARTICLE_PAGE);
    expect(renderedArticles).toContain(`/tin-tuc/${old.slug}/`);
    // Its newer neighbours in the category list its title (it is the oldest, so it has no older ones).
    const neighbours = sameCategory.slice(1, 6).map((a) => `/tin-tuc/${a.slug}/`);
    expect(renderedArticles.sort()).toEqual([`/tin-tuc/${old.slug}/`, ...neighbours].sort());
    expect(second.reused).toContain(`/tin-tuc/${untouched.slug}/`);
    // The oldest news page holds it; no other numbered page changed.
    expect(only(second.rendered, NEWS_ARCHIVE)).toEqual(['/tin-tuc/luu-tru/1/']);
    expect(only(second.reused, NEWS_ARCHIVE).length).toBeGreaterThan(0);

    // What the reader gets: the new title where it shows, and reused pages exactly as built before.
    expect(await readPage(second.outDir, `/tin-tuc/${old.slug}/`)).toContain('(đã sửa)');
    expect(await readPage(second.outDir, neighbours[0]!)).toContain('(đã sửa)');
    expect(await readPage(second.outDir, '/tin-tuc/luu-tru/1/')).toContain('(đã sửa)');
    const file = `/tin-tuc/${untouched.slug}/`;
    expect(await readPage(second.outDir, file)).toBe(before.get(file));
  });

  it('after a new article, renders O(1) numbered list pages, whatever the archive size', async () => {
    const [category] = (await cms.strapi.documents('api::category.category').findMany({ fields: ['slug'], limit: 1 } as any)) as any[];
    const created = await articles().create({
      data: { title: 'Tin mới kiểm thử dựng tăng dần', lead: 'Tin vừa đăng.', category: category.documentId, date: new Date().toISOString() } as any,
      status: 'published',
    });
    const total = await articles().count({ status: 'published' } as any);
    const third = await build();
    expect(stripVTControlCharacters(third.output)).toMatch(/\[toasoan-articles\] \d+ listed, 1 fetched, 0 dropped/);
    expect(third.rendered).toContain(`/tin-tuc/${created.slug}/`);
    // Numbered pages are full pages counted from the oldest: unless this article completes a new
    // one, none changes; when it does, at most the new page and the two whose pager reaches it.
    if (Math.floor(total / 12) === Math.floor((total - 1) / 12)) expect(only(third.rendered, NEWS_ARCHIVE)).toEqual([]);
    else expect(only(third.rendered, NEWS_ARCHIVE).length).toBeLessThanOrEqual(3);
    // The new article and its older neighbours; every other article page is reused.
    expect(only(third.rendered, ARTICLE_PAGE).length).toBeLessThanOrEqual(6);
    expect(only(third.reused, ARTICLE_PAGE).length).toBeGreaterThan(15);
    expect(await readPage(third.outDir, '/tin-tuc/')).toMatch(/<h2><a href="\/tin-tuc\/tin-moi-kiem-thu-dung-tang-dan\/">/);
    const sidebar = JSON.parse(await readFile(path.join(third.outDir, 'sidebar.json'), 'utf8'));
    expect(sidebar.latest[0].title).toBe('Tin mới kiểm thử dựng tăng dần');
  });

  it('after a site settings change, renders every page again', async () => {
    const settings = cms.strapi.documents('api::site-setting.site-setting');
    const current = (await settings.findFirst({ fields: ['siteName'] } as any)) as any;
    await settings.update({ documentId: current.documentId, data: { siteName: `${current.siteName} mới` } as any });
    const fourth = await build();
    expect(fourth.reused.size).toBe(0);
    const pages = only(fourth.rendered, ARTICLE_PAGE);
    expect(pages.length).toBe(await articles().count({ status: 'published' } as any));
    expect(await readPage(fourth.outDir, pages[0]!)).toContain(`${current.siteName} mới`);
  });
});
