import { describe, expect, test } from 'vitest';
import { loadConfig } from './config.ts';

const webDir = '/srv/toasoan/web';

describe('loadConfig', () => {
  test('names the missing secret instead of falling back to a default', () => {
    expect(() => loadConfig({}, webDir)).toThrow('REBUILD_WEBHOOK_SECRET: is required');
    expect(() => loadConfig({ REBUILD_WEBHOOK_SECRET: '   ' }, webDir)).toThrow('REBUILD_WEBHOOK_SECRET: must not be blank');
  });

  test('names each invalid variable', () => {
    const env = { REBUILD_WEBHOOK_SECRET: 's', PUBLISHER_CONTROL_PORT: 'http', PUBLISHER_SITE_PORT: '70000', PUBLISHER_MODE: 'deploy', STRAPI_URL: 'localhost' };
    expect(() => loadConfig(env, webDir)).toThrow(/PUBLISHER_CONTROL_PORT: .*PUBLISHER_SITE_PORT: .*PUBLISHER_MODE: .*STRAPI_URL: /);
  });

  test('defaults match the deployment layout', () => {
    const config = loadConfig({ REBUILD_WEBHOOK_SECRET: 's', PUBLISHER_SITE_PORT: '' }, webDir);
    expect(config).toMatchObject({
      control: { host: '127.0.0.1', port: 4322 },
      site: null,
      mode: 'build',
      releasesDir: '/srv/toasoan/web/.publisher/releases',
      liveLink: '/srv/toasoan/web/.publisher/live',
      debounceMs: 200,
      keepReleases: 3,
      buildCwd: webDir,
      buildOnStart: 'auto',
      maxBodyBytes: 1024 * 1024,
      relay: null,
      standby: true,
    });
    expect(config.buildCommand.slice(1)).toEqual(['{standbyNodeFlags}', '/srv/toasoan/web/node_modules/astro/bin/astro.mjs', 'build', '--outDir', '{outDir}', '{force}']);
  });

  test('the site server is separate from the control endpoints and only runs when given a port', () => {
    const config = loadConfig(
      { REBUILD_WEBHOOK_SECRET: 's', PUBLISHER_CONTROL_HOST: '10.0.0.2', PUBLISHER_CONTROL_PORT: '9000', PUBLISHER_SITE_PORT: '4321', PUBLISHER_BUILD_ON_START: 'never' },
      webDir,
    );
    expect(config).toMatchObject({ control: { host: '10.0.0.2', port: 9000 }, site: { host: '127.0.0.1', port: 4321 }, buildOnStart: 'never' });
    expect(() => loadConfig({ REBUILD_WEBHOOK_SECRET: 's', PUBLISHER_BUILD_ON_START: '1' }, webDir)).toThrow(/PUBLISHER_BUILD_ON_START: /);
  });

  test('PUBLISHER_SITE_DIR points the build at another checkout of the site', () => {
    const config = loadConfig({ REBUILD_WEBHOOK_SECRET: 's', PUBLISHER_SITE_DIR: '/opt/site/web' }, webDir);
    expect(config).toMatchObject({ buildCwd: '/opt/site/web', releasesDir: '/opt/site/web/.publisher/releases' });
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
    // A command of one's own may not follow the site's standby protocol: off unless asked for.
    expect(config.standby).toBe(false);
    expect(loadConfig({ REBUILD_WEBHOOK_SECRET: 's', PUBLISHER_BUILD_COMMAND: 'x', PUBLISHER_STANDBY: '1' }, webDir).standby).toBe(true);
    expect(() => loadConfig({ REBUILD_WEBHOOK_SECRET: 's', PUBLISHER_STANDBY: 'yes' }, webDir)).toThrow(/PUBLISHER_STANDBY: /);
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
