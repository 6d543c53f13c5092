// `pnpm import:nukeviet --db mysql://user:pass@host/db [--prefix nv4] [--lang vi] --uploads <dir>
// [--old-url https://old.example.gov.vn] [--dry-run]`: imports a NukeViet 4.x portal into the CMS
// configured by the environment (and cms/.env, as for `pnpm --filter ./cms seed`), inside a loaded
// Strapi so every server rule applies. The old database is only read.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CMS_DIR, withStrapi } from './one-shot.mjs';

const usage = 'usage: pnpm import:nukeviet --db mysql://user:pass@host/db [--prefix nv4] [--lang vi] --uploads <dir> [--old-url <url>] [--dry-run]';
let values;
try {
  ({ values } = parseArgs({
    options: {
      db: { type: 'string' },
      prefix: { type: 'string', default: 'nv4' },
      lang: { type: 'string', default: 'vi' },
      uploads: { type: 'string' },
      'old-url': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}
if (!values.db || !values.uploads) {
  console.error(`--db and --uploads are required\n${usage}`);
  process.exit(2);
}
if (!/^mysql:\/\//.test(values.db)) {
  console.error(`--db must be a mysql:// URL (MySQL or MariaDB)\n${usage}`);
  process.exit(2);
}
// pnpm runs scripts from the package folder; INIT_CWD is where the operator typed the command.
const uploads = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.uploads);
if (!existsSync(uploads)) {
  console.error(`--uploads: no folder at ${uploads}`);
  process.exit(2);
}

const envFile = process.env.TOASOAN_ENV_FILE ?? path.join(CMS_DIR, '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);
process.env.SEED_DEMO_CONTENT = 'false';
const require = createRequire(import.meta.url);
// Ctrl-C (or a service stop) ends the run after the item being written; a second Ctrl-C kills it.
const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping after the current item…`);
    stop.abort();
  });
}
await withStrapi((strapi) => {
  const { importNukeViet, formatReport } = require(path.join(CMS_DIR, 'dist/src/import/nukeviet'));
  return importNukeViet(strapi, {
    db: values.db,
    prefix: values.prefix,
    lang: values.lang,
    uploads,
    oldUrl: values['old-url'],
    dryRun: values['dry-run'],
    progress: process.stderr,
    signal: stop.signal,
  }).then(
    (report) => console.log(formatReport(report)),
    (error) => {
      // Connection and permission errors name their cause (wrong password, no SELECT grant…); no stack needed.
      console.error(`import:nukeviet stopped: ${error.code ? `${error.code}: ` : ''}${error.message}`);
      console.error('Entries imported so far are kept; run the same command again to continue.');
      process.exitCode = 1;
    }
  );
});
