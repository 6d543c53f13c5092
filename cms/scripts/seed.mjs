// `pnpm --filter ./cms seed`: loads the CMS configured by cms/.env and adds the demo content
// when the database has none (running it again changes nothing).
import { createRequire } from 'node:module';
import path from 'node:path';
import { CMS_DIR, withStrapi } from './one-shot.mjs';

process.loadEnvFile?.(path.join(CMS_DIR, '.env'));
// This script seeds on its own, so the boot-time seeding switch must not do it first.
process.env.SEED_DEMO_CONTENT = 'false';
const require = createRequire(import.meta.url);
const { created } = await withStrapi((strapi) => require(path.join(CMS_DIR, 'dist/src/seed')).seedDemoContent(strapi));
console.log(created ? 'Demo content created.' : 'The database already has articles; nothing seeded.');
