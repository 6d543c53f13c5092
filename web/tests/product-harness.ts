// The README's main command as a test fixture: a throwaway product (CMS with demo content, the
// rebuild service and the built site) on free ports, and Debian's Chromium to drive it like a user.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface Product {
  cmsUrl: string;
  siteUrl: string;
  /** The rebuild service's private /webhook, /status and /health. */
  controlUrl: string;
  /** The preview server ("Xem trước"). */
  previewUrl: string;
  /** The first super admin, created from the environment at bootstrap. */
  admin: { email: string; password: string };
  browser: Browser;
  /** Everything the product printed so far. */
  output(): string;
  /** Resolves once `pathname` on the served site answers 200 and contains `text`. */
  waitForSite(pathname: string, text: string, timeoutMs?: number): Promise<void>;
  /** A bearer token for the admin API (`/content-manager/…`), as the admin's own pages use. */
  adminToken(user?: { email: string; password: string }): Promise<string>;
  /** Opens the admin's login page in a new browser page and signs in as `user`. */
  signIn(user?: { email: string; password: string }): Promise<Page>;
  stop(): Promise<void>;
}

/**
 * Ports free now, all different: every server stays open until all are picked (picked one after
 * another, the system once gave the CMS's port to the rebuild service too).
 */
const freePorts = async (count: number): Promise<number[]> => {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<Server>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
};

const key = () => randomBytes(16).toString('base64url');

export const startProduct = async (extraEnv: Record<string, string> = {}): Promise<Product> => {
  await mkdir(path.join(ROOT, 'web', '.cache'), { recursive: true });
  const workDir = await mkdtemp(path.join(ROOT, 'web', '.cache', 'test-product-'));
  await mkdir(path.join(workDir, 'public', 'uploads'), { recursive: true });
  const [cmsPort, sitePort, controlPort, previewPort] = (await freePorts(4)) as [number, number, number, number];
  const cmsUrl = `http://127.0.0.1:${cmsPort}`;
  const siteUrl = `http://127.0.0.1:${sitePort}`;
  const controlUrl = `http://127.0.0.1:${controlPort}`;
  const previewUrl = `http://127.0.0.1:${previewPort}`;
  const admin = { email: 'bientap@toasoan.test', password: `Toasoan-${randomBytes(6).toString('hex')}1a` };
  const env = {
    HOST: '127.0.0.1',
    PORT: String(cmsPort),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(workDir, 'data.db'),
    STRAPI_PUBLIC_DIR: path.join(workDir, 'public'),
    APP_KEYS: `${key()},${key()}`,
    API_TOKEN_SALT: key(),
    ADMIN_JWT_SECRET: key(),
    TRANSFER_TOKEN_SALT: key(),
    JWT_SECRET: key(),
    ENCRYPTION_KEY: key(),
    PREVIEW_TOKEN_SECRET: key(),
    STRAPI_ADMIN_EMAIL: admin.email,
    STRAPI_ADMIN_PASSWORD: admin.password,
    STRAPI_TOKEN: key(),
    REBUILD_WEBHOOK_SECRET: key(),
    CORS_ORIGINS: siteUrl,
    SEED_DEMO_CONTENT: 'true',
    STRAPI_TELEMETRY_DISABLED: 'true',
    ...extraEnv,
  };
  const envFile = path.join(workDir, 'cms.env');
  await writeFile(envFile, Object.entries(env).map(([k, v]) => `${k}=${v}`).join('\n'));

  let output = '';
  const product: ChildProcess = spawn(process.execPath, ['scripts/product.mjs'], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      TOASOAN_ENV_FILE: envFile,
      TOASOAN_CMS_PORT: String(cmsPort),
      TOASOAN_SITE_PORT: String(sitePort),
      TOASOAN_CONTROL_PORT: String(controlPort),
      TOASOAN_PREVIEW_PORT: String(previewPort),
      PUBLISHER_RELEASES_DIR: path.join(workDir, 'releases'),
      PUBLISHER_DEBOUNCE_MS: '500',
    },
  });
  product.stdout!.on('data', (chunk) => (output += chunk));
  product.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => product.once('exit', () => resolve()));

  const stop = async () => {
    await browser?.close();
    if (product.pid && product.exitCode === null) {
      try {
        process.kill(-product.pid, 'SIGTERM');
      } catch {}
      // The product exits once all its services have (it kills one that hangs after 20 s).
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    }
    await rm(workDir, { recursive: true, force: true });
  };

  let browser: Browser | undefined;
  try {
    const deadline = Date.now() + 420_000;
    while (!output.includes('toasoan is running')) {
      if (product.exitCode !== null || Date.now() > deadline) throw new Error(`the product did not start:\n${output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  } catch (error) {
    await stop();
    throw error;
  }

  const waitForSite = async (pathname: string, text: string, timeoutMs = 240_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await fetch(`${siteUrl}${pathname}`).catch(() => undefined);
      if (res?.status === 200 && (await res.text()).includes(text)) return;
      if (Date.now() > deadline) throw new Error(`${pathname} never showed "${text}"\n${output.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };

  // Strapi rate-limits admin sign-ins per address and e-mail; a token stays valid for the whole test.
  const tokens = new Map<string, string>();
  const adminToken = async (user = admin) => {
    const known = tokens.get(user.email);
    if (known) return known;
    const res = await fetch(`${cmsUrl}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(user),
    });
    if (res.status !== 200) throw new Error(`admin login for ${user.email} answered ${res.status}`);
    const { token } = ((await res.json()) as { data: { token: string } }).data;
    tokens.set(user.email, token);
    return token;
  };

  const signIn = async (user = admin) => {
    const page = await browser!.newPage();
    await page.goto(`${cmsUrl}/admin/auth/login`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Mật khẩu').fill(user.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/login'), { timeout: 60_000 });
    return page;
  };

  return { cmsUrl, siteUrl, controlUrl, previewUrl, admin, browser, output: () => output, waitForSite, adminToken, signIn, stop };
};
