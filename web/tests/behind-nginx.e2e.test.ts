// The real built site behind the shipped nginx configuration (deploy/nginx), in Chromium: pages
// come from the live release on disk, the browser calls the CMS through nginx at its public host,
// and the Content-Security-Policy nginx sends allows everything the site does, nothing inline.
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from '../../cms/tests/harness';
import { CMS_HOST, freePort, SITE_HOST, startNginx, type Nginx } from '../../cms/tests/nginx';
import { removeBuild, runBuild, type BuildResult } from './build-helpers';
import { addTestContent, type TestContent } from './fixtures';

let cms: TestCms;
let content: TestContent;
let nginx: Nginx;
let build: BuildResult;
let liveDir: string;
let port: number;
let browser: Browser;
let page: Page;
let violations: string[] = [];

const site = (urlPath: string) => `http://${SITE_HOST}:${port}${urlPath}`;

beforeAll(async () => {
  // nginx first: its port is part of the public addresses the site is built with.
  liveDir = await mkdtemp(path.join(tmpdir(), 'toasoan-live-'));
  const live = path.join(liveDir, 'live');
  port = await freePort();
  cms = await startCms({ seed: true, env: { IS_PROXIED: 'true', CORS_ORIGINS: `http://${SITE_HOST}:${port}` } });
  content = await addTestContent(cms);
  nginx = await startNginx({ siteRoot: live, cmsUrls: [cms.url], port });
  build = await runBuild({
    STRAPI_URL: cms.url,
    STRAPI_TOKEN: cms.buildToken,
    SITE_URL: site(''),
    PUBLIC_CMS_URL: `http://${CMS_HOST}:${nginx.port}`,
    TZ: 'UTC',
  });
  if (build.code !== 0) throw new Error(`astro build failed:\n${build.output.slice(-4000)}`);
  // As the rebuild service does: the live link points at the release.
  await symlink(build.outDir, live);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--host-resolver-rules=MAP *.toasoan.test 127.0.0.1'],
  });
  // Headless Chromium names itself HeadlessChrome, which the CMS rightly does not count as a reader.
  page = await browser.newPage({
    locale: 'vi-VN',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ((window as any).__violations ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
  if (build?.outDir) await removeBuild(build.outDir);
  if (liveDir) await rm(liveDir, { recursive: true, force: true });
  await cms?.destroy();
});

/** Opens a page and returns the CSP violations it caused. */
const visit = async (urlPath: string, until?: (page: Page) => Promise<unknown>) => {
  violations = [];
  const response = await page.goto(site(urlPath));
  expect(response?.status(), urlPath).toBe(200);
  await until?.(page);
  await page.waitForLoadState('networkidle');
  return [...violations, ...((await page.evaluate(() => (window as any).__violations ?? [])) as string[])];
};

describe('the built site behind nginx in Chromium', () => {
  it('counts an article view through nginx at the public CMS address, with no CSP violation', async () => {
    const viewed = page.waitForResponse((r) => r.url().includes(`/api/engagement/articles/${content.second.documentId}/view`));
    const found = await visit(`/tin-tuc/${content.second.slug}/`, async () => {
      const response = await viewed;
      expect(new URL(response.url()).host).toBe(`${CMS_HOST}:${nginx.port}`);
      expect(response.status()).toBe(200);
      const { data } = await response.json();
      expect(data.counted).toBe(true);
      await expect.poll(() => page.locator('.engagement-counts').innerText()).toContain(`Đã xem: ${data.views.toLocaleString('vi-VN')} `);
    });
    expect(found).toEqual([]);
  });

  it('loads the home page, gallery and search (WebAssembly) with no CSP violation', async () => {
    expect(await visit('/')).toEqual([]);
    expect(await visit('/thu-vien-anh/')).toEqual([]);
    const searched = await visit('/tim-kiem/?q=hoc%20tap', (p) =>
      p.waitForFunction(() => /“hoc tap”/.test(document.querySelector('[data-search-status]')?.textContent ?? '')),
    );
    expect(searched).toEqual([]);
    expect(await page.locator('[data-search-results] a').count()).toBeGreaterThan(0);
  });

  it("frames a document's PDF from the public CMS address with no CSP violation", async () => {
    const found = await visit(`/van-ban/${content.document.slug}/`, (p) =>
      expect.poll(() => p.frames().find((frame) => frame.url().includes('/uploads/'))?.url()).toMatch(new RegExp(`^http://${CMS_HOST}:${nginx.port}/uploads/.+\\.pdf$`)),
    );
    expect(found).toEqual([]);
    expect(page.frames().some((frame) => frame.url().startsWith('chrome-error://'))).toBe(false);
  });

  it('blocks a script injected into a page', async () => {
    await visit('/');
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      return (window as any).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => page.evaluate(() => ((window as any).__violations ?? []).join('\n'))).toContain('script-src');
  });
});
