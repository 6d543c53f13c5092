// Secrets come from the environment of the running server only: building the admin (an image or
// CI step) needs none, `strapi start` refuses to run without them, and seeding needs no cms/.env.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CMS_DIR } from './harness';

const SECRETS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY', 'PREVIEW_TOKEN_SECRET'];
const key = () => randomBytes(16).toString('base64');
const secrets = () => Object.fromEntries(SECRETS.map((name) => [name, name === 'APP_KEYS' ? `${key()},${key()}` : key()]));

const workDirs: string[] = [];
afterAll(async () => {
  await Promise.all(workDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const workDir = async (parent = tmpdir()) => {
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, 'toasoan-secrets-'));
  workDirs.push(dir);
  await mkdir(path.join(dir, 'public', 'uploads'), { recursive: true });
  return dir;
};

/** The environment of this process without any Strapi secret or setting a test harness put there. */
const bareEnv = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !SECRETS.includes(name) && !/^(DATABASE_|STRAPI_|ADMIN_|SEED_|REBUILD_|TOASOAN_)/.test(name),
    ),
  ) as Record<string, string>;

const run = (command: string, args: string[], cwd: string, env: Record<string, string>, timeoutMs = 300_000) =>
  new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });

describe('strapi start', () => {
  const start = async (env: Record<string, string>) => {
    const dir = await workDir();
    return run('pnpm', ['exec', 'strapi', 'start'], CMS_DIR, {
      ...bareEnv(),
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(dir, 'data.db'),
      STRAPI_PUBLIC_DIR: path.join(dir, 'public'),
      STRAPI_TELEMETRY_DISABLED: 'true',
      ...env,
    }, 120_000);
  };

  it('refuses to run without its secrets and names every missing one', async () => {
    const { code, output } = await start({});
    expect(code).not.toBe(0);
    expect(output).toContain('APP_KEYS, API_TOKEN_SALT, ADMIN_JWT_SECRET, TRANSFER_TOKEN_SALT, JWT_SECRET, ENCRYPTION_KEY, PREVIEW_TOKEN_SECRET are not set');
  }, 150_000);

  it('names the one secret that is missing or blank', async () => {
    const { code, output } = await start({ ...secrets(), ADMIN_JWT_SECRET: ' ' });
    expect(code).not.toBe(0);
    expect(output).toContain('ADMIN_JWT_SECRET is not set');
    expect(output).not.toMatch(/APP_KEYS|API_TOKEN_SALT|ENCRYPTION_KEY/);
  }, 150_000);
});

describe('pnpm --filter ./cms seed', () => {
  it('seeds a database configured by environment variables alone, without a cms/.env', async () => {
    const dir = await workDir();
    const env = {
      ...bareEnv(),
      ...secrets(),
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(dir, 'data.db'),
      STRAPI_PUBLIC_DIR: path.join(dir, 'public'),
      STRAPI_TELEMETRY_DISABLED: 'true',
      STRAPI_LOG_LEVEL: 'warn',
      // Where cms/.env would be read from: nothing there.
      TOASOAN_ENV_FILE: path.join(dir, 'no-such.env'),
    };
    const first = await run('pnpm', ['run', 'seed'], CMS_DIR, env);
    expect(first.output).toContain('Demo content created.');
    expect(first.code).toBe(0);
    expect((await readdir(path.join(dir, 'public', 'uploads'))).length).toBeGreaterThan(10);

    const again = await run('pnpm', ['run', 'seed'], CMS_DIR, env);
    expect(again.code).toBe(0);
    expect(again.output).toContain('nothing seeded');
  }, 600_000);
});

describe('strapi build', () => {
  it('builds the admin panel with no secret in the environment', async () => {
    // A copy of the app, so this build never rewrites the dist/ other tests run from.
    const dir = await workDir(path.join(CMS_DIR, '.cache'));
    const app = path.join(dir, 'cms');
    await mkdir(app);
    for (const entry of ['config', 'src', 'types', 'public', 'database', 'package.json', 'tsconfig.json', 'favicon.png']) {
      await cp(path.join(CMS_DIR, entry), path.join(app, entry), { recursive: true });
    }
    await symlink(path.join(CMS_DIR, 'node_modules'), path.join(app, 'node_modules'));
    await cp(path.join(CMS_DIR, '..', 'tsconfig.base.json'), path.join(dir, 'tsconfig.base.json'));

    const { code, output } = await run(path.join(CMS_DIR, 'node_modules', '.bin', 'strapi'), ['build'], app, {
      ...bareEnv(),
      NODE_ENV: 'production',
      STRAPI_TELEMETRY_DISABLED: 'true',
    }, 600_000);
    expect(output).not.toMatch(/is not set/);
    expect(code, output.slice(-2000)).toBe(0);
    expect(await readdir(path.join(app, 'dist', 'build'))).toContain('index.html');
  }, 600_000);
});
