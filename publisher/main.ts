import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.ts';
import { jsonLogger } from './log.ts';
import { startPublisher } from './server.ts';

const log = jsonLogger();
// The Astro site of this workspace, unless PUBLISHER_SITE_DIR names another checkout.
const siteDir = fileURLToPath(new URL('../web', import.meta.url));

let config;
try {
  config = loadConfig(process.env, siteDir);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  log('error', 'config.invalid', { error: error.message });
  process.exit(1);
}

const publisher = await startPublisher(config, { log });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    publisher.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
