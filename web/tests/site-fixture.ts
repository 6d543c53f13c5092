// A built site in a browser, as visitors get it: a real CMS (demo content plus the tests' known
// content), an astro build from it served on its own origin, and Debian's Chromium. The CMS must
// know the site's origin (CORS_ORIGINS) before it starts and the site is built after the CMS, so the
// server serves a folder that becomes a link to the build once it exists.
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startCms, type TestCms } from '../../cms/tests/harness';
import { removeBuild, runBuild, type BuildResult } from './build-helpers';
import { addTestContent, type TestContent } from './fixtures';
import { serveStatic, type StaticServer } from './static-server';

export interface BuiltSite {
  cms: TestCms;
  content: TestContent;
  build: BuildResult;
  server: StaticServer;
  browser: Browser;
  stop(): Promise<void>;
}

export interface BuiltSiteOptions {
  /** Demo content besides the tests' own (default true). */
  seed?: boolean;
  /** Build variables beyond the defaults (the CMS at its own address, TZ=UTC). */
  buildEnv?: (cms: TestCms, server: StaticServer) => Record<string, string>;
  /** Content to add before the build. */
  beforeBuild?: (cms: TestCms, content: TestContent) => Promise<void>;
}

export const startBuiltSite = async (options: BuiltSiteOptions = {}): Promise<BuiltSite> => {
  const siteDir = await mkdtemp(path.join(tmpdir(), 'toasoan-site-e2e-'));
  const server = await serveStatic(path.join(siteDir, 'site'));
  let cms: TestCms | undefined;
  let build: BuildResult | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await server.close();
    if (build?.outDir) await removeBuild(build.outDir);
    await rm(siteDir, { recursive: true, force: true });
    await cms?.destroy();
  };
  try {
    cms = await startCms({ seed: options.seed ?? true, env: { CORS_ORIGINS: server.url } });
    const content = await addTestContent(cms);
    await options.beforeBuild?.(cms, content);
    build = await runBuild({
      STRAPI_URL: cms.url,
      STRAPI_TOKEN: cms.buildToken,
      PUBLIC_CMS_URL: cms.url,
      TZ: 'UTC',
      ...options.buildEnv?.(cms, server),
    });
    if (build.code !== 0) throw new Error(`astro build failed:\n${build.output.slice(-4000)}`);
    await symlink(build.outDir, path.join(siteDir, 'site'), 'dir');
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    return { cms, content, build, server, browser, stop };
  } catch (error) {
    await stop();
    throw error;
  }
};
