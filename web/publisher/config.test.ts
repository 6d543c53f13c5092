import { describe, expect, test } from 'vitest';
import { loadConfig } from './config.ts';

const webDir = '/srv/toasoan/web';

describe('loadConfig', () => {
  test('names the missing secret instead of falling back to a default', () => {
    expect(() => loadConfig({}, webDir)).toThrow('REBUILD_WEBHOOK_SECRET: is required');
    expect(() => loadConfig({ REBUILD_WEBHOOK_SECRET: '   ' }, webDir)).toThrow('REBUILD_WEBHOOK_SECRET: must not be blank');
  });

  test('names each invalid variable', () => {
    const env = { REBUILD_WEBHOOK_SECRET: 's', PUBLISHER_PORT: 'http', PUBLISHER_MODE: 'deploy', STRAPI_URL: 'localhost' };
    expect(() => loadConfig(env, webDir)).toThrow(/PUBLISHER_PORT: .*PUBLISHER_MODE: .*STRAPI_URL: /);
  });

  test('defaults match the deployment layout', () => {
    const config = loadConfig({ REBUILD_WEBHOOK_SECRET: 's', PUBLISHER_PORT: '' }, webDir);
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 4321,
      mode: 'build',
      releasesDir: '/srv/toasoan/web/.publisher/releases',
      liveLink: '/srv/toasoan/web/.publisher/live',
      debounceMs: 1500,
      keepReleases: 3,
      buildCwd: webDir,
      buildOnStart: false,
      maxBodyBytes: 1024 * 1024,
      relay: null,
    });
    expect(config.buildCommand.slice(1)).toEqual(['/srv/toasoan/web/node_modules/astro/bin/astro.mjs', 'build', '--outDir', '{outDir}']);
  });

  test('the build gets STRAPI_URL but not the publisher secrets', () => {
    const config = loadConfig(
      { REBUILD_WEBHOOK_SECRET: 's', GITHUB_TOKEN: 't', STRAPI_URL: 'http://127.0.0.1:1337', STRAPI_TOKEN: 'read-only', PATH: '/bin' },
      webDir,
    );
    expect(config.buildEnv).toMatchObject({ STRAPI_URL: 'http://127.0.0.1:1337', STRAPI_TOKEN: 'read-only', PATH: '/bin' });
    expect(config.buildEnv).not.toHaveProperty('REBUILD_WEBHOOK_SECRET');
    expect(config.buildEnv).not.toHaveProperty('GITHUB_TOKEN');
  });

  test('a custom build command runs through the shell; relative release dirs are relative to web/', () => {
    const config = loadConfig(
      { REBUILD_WEBHOOK_SECRET: 's', PUBLISHER_BUILD_COMMAND: 'pnpm build -- --outDir "$PUBLISHER_OUT_DIR"', PUBLISHER_RELEASES_DIR: 'out/releases', PUBLISHER_EXPECTED_PAGES: 'tin-tuc/index.html, rss.xml' },
      webDir,
    );
    expect(config.buildCommand).toEqual(['/bin/sh', '-c', 'pnpm build -- --outDir "$PUBLISHER_OUT_DIR"']);
    expect(config.releasesDir).toBe('/srv/toasoan/web/out/releases');
    expect(config.liveLink).toBe('/srv/toasoan/web/out/live');
    expect(config.expectedPages).toEqual(['tin-tuc/index.html', 'rss.xml']);
  });

  test('relay mode needs the dispatch URL and token', () => {
    expect(() => loadConfig({ REBUILD_WEBHOOK_SECRET: 's', PUBLISHER_MODE: 'relay', GITHUB_TOKEN: 't' }, webDir)).toThrow(
      'GITHUB_DISPATCH_URL: is required when PUBLISHER_MODE=relay',
    );
    const config = loadConfig(
      { REBUILD_WEBHOOK_SECRET: 's', PUBLISHER_MODE: 'relay', GITHUB_DISPATCH_URL: 'https://api.github.com/repos/o/r/dispatches', GITHUB_TOKEN: 't' },
      webDir,
    );
    expect(config.relay).toEqual({ url: 'https://api.github.com/repos/o/r/dispatches', token: 't' });
  });
});
