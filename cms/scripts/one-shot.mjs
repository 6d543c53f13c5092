import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { compileStrapi, createStrapi } = require('@strapi/strapi');

export const CMS_DIR = path.resolve(import.meta.dirname, '..');

/** Env for a Strapi that lives only as long as one script: fresh keys, a throwaway SQLite file. */
export const throwawayEnv = async () => {
  const workDir = await mkdtemp(path.join(tmpdir(), 'toasoan-oneshot-'));
  await mkdir(path.join(workDir, 'public', 'uploads'), { recursive: true });
  const key = () => randomBytes(16).toString('base64');
  return {
    workDir,
    env: {
      APP_KEYS: `${key()},${key()}`,
      API_TOKEN_SALT: key(),
      ADMIN_JWT_SECRET: key(),
      TRANSFER_TOKEN_SALT: key(),
      JWT_SECRET: key(),
      ENCRYPTION_KEY: key(),
      PREVIEW_TOKEN_SECRET: key(),
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(workDir, 'data.db'),
      STRAPI_PUBLIC_DIR: path.join(workDir, 'public'),
      STRAPI_TELEMETRY_DISABLED: 'true',
      STRAPI_LOG_LEVEL: 'warn',
    },
    cleanup: () => rm(workDir, { recursive: true, force: true }),
  };
};

/** Compiles the app and runs `task` against a loaded (not listening) Strapi, then shuts it down. */
export const withStrapi = async (task) => {
  const { distDir } = await compileStrapi({ appDir: CMS_DIR });
  const strapi = createStrapi({ appDir: CMS_DIR, distDir, autoReload: false, serveAdminPanel: false });
  await strapi.load();
  try {
    return await task(strapi);
  } finally {
    await strapi.destroy();
  }
};
