import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Core } from '@strapi/strapi';
import pg from 'pg';
import { adminBuildIsCurrent, stampAdminBuild } from '../scripts/admin-build.mjs';

// Strapi's ES module build imports "lodash/fp" as a directory, which Node's ESM loader refuses;
// its CommonJS build is the one Strapi itself runs on.
export const strapiModule: typeof import('@strapi/strapi') = createRequire(import.meta.url)('@strapi/strapi');

export const CMS_DIR = path.resolve(import.meta.dirname, '..');
export const DIST_DIR = path.join(CMS_DIR, 'dist');

export interface TestCms {
  strapi: Core.Strapi;
  url: string;
  adminEmail: string;
  adminPassword: string;
  buildToken: string;
  /** Stops this Strapi, keeping its database and uploads for a restart. */
  stop(): Promise<void>;
  /** Starts a new Strapi on the same database, as a process restart would. */
  restart(): Promise<TestCms>;
  /** Stops Strapi and deletes its database and uploads. */
  destroy(): Promise<void>;
}

export interface StartOptions {
  seed?: boolean;
  env?: Record<string, string>;
}

const secret = () => randomBytes(16).toString('base64');

const createPostgresDatabase = async (adminUrl: string) => {
  const name = `toasoan_test_${randomUUID().replaceAll('-', '')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
};

const boot = async (env: Record<string, string>, port: number): Promise<{ strapi: Core.Strapi; url: string }> => {
  Object.assign(process.env, env);
  const strapi = strapiModule.createStrapi({ appDir: CMS_DIR, distDir: DIST_DIR, autoReload: false, serveAdminPanel: false });
  await strapi.load();
  strapi.server.mount();
  const httpServer = strapi.server.httpServer;
  await new Promise<void>((resolve) => httpServer.listen(port, '127.0.0.1', resolve));
  const address = httpServer.address() as AddressInfo;
  return { strapi, url: `http://127.0.0.1:${address.port}` };
};

/**
 * Starts a real Strapi (compiled once by the global setup) on a throwaway database:
 * SQLite by default, PostgreSQL when TEST_DATABASE_CLIENT=postgres and TEST_DATABASE_URL is set.
 */
export const startCms = async (options: StartOptions = {}): Promise<TestCms> => {
  const workDir = await mkdtemp(path.join(tmpdir(), 'toasoan-cms-'));
  await mkdir(path.join(workDir, 'public', 'uploads'), { recursive: true });
  const adminEmail = 'admin@toasoan.test';
  const adminPassword = `Aa1-${randomBytes(12).toString('hex')}`;
  const buildToken = randomBytes(32).toString('hex');

  // A second CMS process joins the first one's database (options.env.DATABASE_URL) instead of a new one.
  const usePostgres = process.env.TEST_DATABASE_CLIENT === 'postgres' && !options.env?.DATABASE_URL;
  const postgres = usePostgres ? await createPostgresDatabase(process.env.TEST_DATABASE_URL ?? '') : undefined;

  const env: Record<string, string> = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    PREVIEW_TOKEN_SECRET: secret(),
    STRAPI_ADMIN_EMAIL: adminEmail,
    STRAPI_ADMIN_PASSWORD: adminPassword,
    STRAPI_TOKEN: buildToken,
    STRAPI_PUBLIC_DIR: path.join(workDir, 'public'),
    STRAPI_TELEMETRY_DISABLED: 'true',
    SEED_DEMO_CONTENT: options.seed ? 'true' : 'false',
    ...(postgres
      ? { DATABASE_CLIENT: 'postgres', DATABASE_URL: postgres.url }
      : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(workDir, 'data.db') }),
    ...options.env,
  };

  // A restart comes back on the same port, as a restarted server would for its clients.
  const start = async (port: number): Promise<TestCms> => {
    const { strapi, url } = await boot(env, port);
    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      await strapi.destroy();
    };
    return {
      strapi,
      url,
      adminEmail,
      adminPassword,
      buildToken,
      stop,
      restart: async () => {
        await stop();
        return start(Number(new URL(url).port));
      },
      destroy: async () => {
        await stop();
        await postgres?.drop();
        await rm(workDir, { recursive: true, force: true });
      },
    };
  };
  return start(0);
};

const COMPILE_LOCK = path.join(CMS_DIR, '.compile-lock');
const STALE_LOCK_MS = 5 * 60_000;

/**
 * Compiles the CMS into dist/ once per test run. Several Vitest projects have a global setup that
 * calls this, possibly at the same time; a lock directory keeps two compilers from writing dist/ together.
 */
export const compileCms = async ({ withAdmin = false } = {}) => {
  for (;;) {
    try {
      await mkdir(COMPILE_LOCK);
      break;
    } catch {
      const lock = await stat(COMPILE_LOCK).catch(() => undefined);
      if (lock && Date.now() - lock.mtimeMs > STALE_LOCK_MS) await rm(COMPILE_LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    if (withAdmin && !adminBuildIsCurrent()) {
      execFileSync('pnpm', ['exec', 'strapi', 'build'], { cwd: CMS_DIR, stdio: 'inherit' });
      stampAdminBuild();
    } else {
      await strapiModule.compileStrapi({ appDir: CMS_DIR });
    }
  } finally {
    await rm(COMPILE_LOCK, { recursive: true, force: true });
  }
};
