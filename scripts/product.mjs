// The whole product on one machine: CMS (with demo content on first start), the rebuild service
// that builds the site and serves it, and the webhook between them. Runs on Node 22 (pnpm script).
// `npm start`: the CMS in production mode (admin built once, GraphQL sandbox closed, quiet logs).
// `npm run dev` (--dev): `strapi develop` instead (admin with hot reload, sandbox, request logs).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { adminBuildIsCurrent, stampAdminBuild } from '../cms/scripts/admin-build.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
// Overridable so a test can run a second, throwaway product next to a developer's own.
const CMS_ENV = process.env.TOASOAN_ENV_FILE ?? path.join(ROOT, 'cms', '.env');
const CMS_PORT = process.env.TOASOAN_CMS_PORT ?? '1337';
const SITE_PORT = process.env.TOASOAN_SITE_PORT ?? '4321';
// The rebuild service's /webhook and /status: on their own port, never the site's.
const CONTROL_PORT = process.env.TOASOAN_CONTROL_PORT ?? '4322';
// The preview server ("Xem trước" in the admin): drafts with the site's look, behind short-lived tokens.
const PREVIEW_PORT = process.env.TOASOAN_PREVIEW_PORT ?? '4323';
const CMS_URL = `http://127.0.0.1:${CMS_PORT}`;
const SITE_URL = `http://127.0.0.1:${SITE_PORT}`;
const CONTROL_URL = `http://127.0.0.1:${CONTROL_PORT}`;
const PREVIEW_URL = `http://127.0.0.1:${PREVIEW_PORT}`;
const DEV = process.argv.includes('--dev');

const key = (bytes = 16) => randomBytes(bytes).toString('base64url');

// Secrets added after a machine's cms/.env was written: appended once, kept from then on.
const LATER_SECRETS = { PREVIEW_TOKEN_SECRET: () => key(32), STRAPI_PREVIEW_TOKEN: () => key(32) };

// Secrets are made once per machine and kept in the ignored cms/.env; nothing secret is in git.
const ensureCmsEnv = () => {
  if (existsSync(CMS_ENV)) {
    const env = parseEnv(readFileSync(CMS_ENV, 'utf8'));
    const added = Object.entries(LATER_SECRETS).filter(([name]) => !env[name]).map(([name, make]) => [name, make()]);
    if (added.length) {
      appendFileSync(CMS_ENV, `\n${added.map(([k, v]) => `${k}=${v}`).join('\n')}\n`);
      Object.assign(env, Object.fromEntries(added));
    }
    return env;
  }
  const env = {
    HOST: '127.0.0.1',
    PORT: CMS_PORT,
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: '.tmp/data.db',
    APP_KEYS: [key(), key(), key(), key()].join(','),
    API_TOKEN_SALT: key(),
    ADMIN_JWT_SECRET: key(),
    TRANSFER_TOKEN_SALT: key(),
    JWT_SECRET: key(),
    ENCRYPTION_KEY: key(),
    STRAPI_ADMIN_EMAIL: 'admin@toasoan.local',
    STRAPI_ADMIN_PASSWORD: `Toasoan-${key(9)}`,
    STRAPI_TOKEN: key(32),
    ...Object.fromEntries(Object.entries(LATER_SECRETS).map(([name, make]) => [name, make()])),
    REBUILD_WEBHOOK_SECRET: key(24),
    CORS_ORIGINS: `${SITE_URL},http://localhost:${SITE_PORT}`,
    SEED_DEMO_CONTENT: 'true',
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
  writeFileSync(CMS_ENV, Object.entries(env).map(([k, v]) => `${k}=${v}`).join('\n') + '\n', { mode: 0o600 });
  console.log('Wrote cms/.env with fresh secrets.');
  return env;
};

// Each service gets its own process group, so stopping it also stops what pnpm started under it.
const pnpm = (args, options = {}) =>
  spawn('pnpm', args, { cwd: ROOT, stdio: 'inherit', detached: true, ...options, env: { ...process.env, ...options.env } });

const waitFor = async (url, what, seconds = 180) => {
  for (let i = 0; i < seconds * 2; i += 1) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${what} did not answer at ${url} within ${seconds} s`);
};

// The webhook always goes to this run's control port, whatever an older cms/.env says.
const env = { ...ensureCmsEnv(), REBUILD_WEBHOOK_URL: `${CONTROL_URL}/webhook`, PREVIEW_URL };

if (!DEV && !adminBuildIsCurrent()) {
  console.log('Building the CMS admin panel (first start and after updates only, about a minute)…');
  const build = spawnSync('pnpm', ['--filter', './cms', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  stampAdminBuild();
}

// Everything in the env file is passed on explicitly, so a custom TOASOAN_ENV_FILE wins over cms/.env.
const children = [
  DEV
    ? pnpm(['--filter', './cms', 'develop'], { env: { ...env, NODE_ENV: 'development' } })
    : pnpm(['--filter', './cms', 'start'], { env: { ...env, NODE_ENV: 'production' } }),
];
// Waits until every service's process group is gone (the rebuild service may be writing a release,
// and pnpm can exit before the program it ran), so whoever stopped the product can remove its folders
// as soon as it has exited. A service still running after 20 s is killed.
const groupAlive = (pid) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};
let stopping = false;
const stopAll = async () => {
  if (stopping) return;
  stopping = true;
  const signal = (name) => {
    for (const child of children) {
      try {
        process.kill(-child.pid, name);
      } catch {}
    }
  };
  signal('SIGTERM');
  const killAt = Date.now() + 20_000;
  while (children.some((child) => groupAlive(child.pid))) {
    if (Date.now() > killAt) signal('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  process.exit(0);
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
for (const child of children) child.on('exit', (code) => code && !stopping && process.exit(code));

await waitFor(`${CMS_URL}/_health`, 'The CMS');
children.push(
  pnpm(['--filter', './publisher', 'start'], {
    env: {
      STRAPI_URL: CMS_URL,
      STRAPI_TOKEN: env.STRAPI_TOKEN,
      PUBLIC_CMS_URL: CMS_URL,
      SITE_URL,
      REBUILD_WEBHOOK_SECRET: env.REBUILD_WEBHOOK_SECRET,
      PUBLISHER_CONTROL_HOST: '127.0.0.1',
      PUBLISHER_CONTROL_PORT: CONTROL_PORT,
      PUBLISHER_SITE_HOST: '127.0.0.1',
      PUBLISHER_SITE_PORT: SITE_PORT,
      // Content may have changed while the service was stopped (a seed, an edit during a restart).
      PUBLISHER_BUILD_ON_START: 'always',
      // The release goes live first; the search index of its data follows within seconds.
      PUBLISHER_INDEX_COMMAND: `"${process.execPath}" --experimental-strip-types scripts/search-index.ts`,
      // That command stands by for the build's end, with the full index linked in meanwhile.
      PUBLISHER_INDEX_STANDBY: '1',
    },
  })
);
children.at(-1).on('exit', (code) => code && !stopping && process.exit(code));
await waitFor(`${CONTROL_URL}/health`, 'The rebuild service');

// The preview server reads drafts with its own token and renders them with the site's components.
const previewEnv = {
  STRAPI_URL: CMS_URL,
  STRAPI_TOKEN: env.STRAPI_TOKEN,
  STRAPI_PREVIEW_TOKEN: env.STRAPI_PREVIEW_TOKEN,
  PREVIEW_TOKEN_SECRET: env.PREVIEW_TOKEN_SECRET,
  PUBLIC_CMS_URL: CMS_URL,
  SITE_URL,
};
const previewBuild = spawnSync('pnpm', ['--filter', './web', 'preview:build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...previewEnv } });
if (previewBuild.status !== 0) stopAll();
children.push(pnpm(['--filter', './web', 'preview:start'], { env: { ...previewEnv, HOST: '127.0.0.1', PORT: PREVIEW_PORT } }));
children.at(-1).on('exit', (code) => code && !stopping && process.exit(code));
await waitFor(`${PREVIEW_URL}/xem-truoc/`, 'The preview server');

console.log(`
  toasoan is running${DEV ? ' (development mode)' : ''}
  ─────────────────
  Site (rebuilt on every publish):  ${SITE_URL}/   (first build takes a moment; status: ${CONTROL_URL}/status)
  CMS admin (Vietnamese):           ${CMS_URL}/admin
     sign in as ${env.STRAPI_ADMIN_EMAIL} / ${env.STRAPI_ADMIN_PASSWORD}   (kept in cms/.env)
  GraphQL:                          ${CMS_URL}/graphql
  Previews of drafts ("Xem trước"):  ${PREVIEW_URL}/xem-truoc/   (only through the admin's links)
  Stop with Ctrl+C.
`);
