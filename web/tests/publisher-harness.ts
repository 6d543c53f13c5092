// The real rebuild service in-process for site tests, fed by a real Strapi's webhooks.
import path from 'node:path';
import type { TestCms } from '../../cms/tests/harness';
import { loadConfig } from '../../publisher/config.ts';
import { startPublisher, type Publisher } from '../../publisher/server.ts';

export const WEB_DIR = path.resolve(import.meta.dirname, '..');

/**
 * Starts the service on control port `port` (the CMS's REBUILD_WEBHOOK_URL points there; a
 * `freePort()` taken before the CMS starts), building into
 * `workDir`, with the production build command and `env` on top of the test defaults.
 */
export const startTestPublisher = (cms: TestCms, { port, secret, workDir, env = {} }: { port: number; secret: string; workDir: string; env?: Record<string, string> }): Promise<Publisher> =>
  startPublisher(
    loadConfig(
      {
        ...process.env,
        TZ: 'UTC',
        STRAPI_URL: cms.url,
        STRAPI_TOKEN: cms.buildToken,
        SITE_URL: 'http://127.0.0.1:4321',
        REBUILD_WEBHOOK_SECRET: secret,
        PUBLISHER_CONTROL_PORT: String(port),
        PUBLISHER_SITE_PORT: '0',
        PUBLISHER_RELEASES_DIR: path.join(workDir, 'releases'),
        PUBLISHER_DEBOUNCE_MS: '1000',
        PUBLISHER_RETRY_BASE_MS: '600000',
        PUBLISHER_BUILD_ON_START: 'always',
        ...env,
      },
      WEB_DIR,
    ),
    { log: () => {} },
  );
