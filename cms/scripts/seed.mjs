// `pnpm --filter ./cms seed`: loads the CMS configured by the environment (and cms/.env, when there
// is one, for what the environment does not set) and adds the demo content when the database has
// none (running it again changes nothing).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CMS_DIR, withStrapi } from './one-shot.mjs';

// A server configured by its environment (systemd, a container) has no cms/.env (TOASOAN_ENV_FILE
// names another file, as for `npm start`); loadEnvFile never
// overrides a variable that is already set.
const envFile = process.env.TOASOAN_ENV_FILE ?? path.join(CMS_DIR, '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);
// This script seeds on its own, so the boot-time seeding switch must not do it first.
process.env.SEED_DEMO_CONTENT = 'false';
const require = createRequire(import.meta.url);
const { created } = await withStrapi((strapi) => require(path.join(CMS_DIR, 'dist/src/seed')).seedDemoContent(strapi));
console.log(created ? 'Demo content created.' : 'The database already has articles; nothing seeded.');
