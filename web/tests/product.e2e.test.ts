// The README's main command, as a newcomer runs it: CMS with demo content, rebuild service and the
// built site. Then, in a real browser, the admin in Vietnamese and a publish reaching the site.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let product: ChildProcess;
let browser: Browser;
let workDir: string;
let output = '';
const admin = { email: 'bientap@toasoan.test', password: `Toasoan-${randomBytes(6).toString('hex')}1a` };
let cmsUrl: string;
let siteUrl: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const key = () => randomBytes(16).toString('base64url');

beforeAll(async () => {
  await mkdir(path.join(ROOT, 'web', '.cache'), { recursive: true });
  workDir = await mkdtemp(path.join(ROOT, 'web', '.cache', 'test-product-'));
  await mkdir(path.join(workDir, 'public', 'uploads'), { recursive: true });
  const [cmsPort, sitePort] = [await freePort(), await freePort()];
  cmsUrl = `http://127.0.0.1:${cmsPort}`;
  siteUrl = `http://127.0.0.1:${sitePort}`;
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
    STRAPI_ADMIN_EMAIL: admin.email,
    STRAPI_ADMIN_PASSWORD: admin.password,
    STRAPI_TOKEN: key(),
    REBUILD_WEBHOOK_URL: `${siteUrl}/webhook`,
    REBUILD_WEBHOOK_SECRET: key(),
    CORS_ORIGINS: siteUrl,
    SEED_DEMO_CONTENT: 'true',
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
  const envFile = path.join(workDir, 'cms.env');
  await writeFile(envFile, Object.entries(env).map(([k, v]) => `${k}=${v}`).join('\n'));

  product = spawn(process.execPath, ['scripts/product.mjs'], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      TOASOAN_ENV_FILE: envFile,
      TOASOAN_CMS_PORT: String(cmsPort),
      TOASOAN_SITE_PORT: String(sitePort),
      PUBLISHER_RELEASES_DIR: path.join(workDir, 'releases'),
      PUBLISHER_DEBOUNCE_MS: '500',
    },
  });
  product.stdout!.on('data', (chunk) => (output += chunk));
  product.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 420_000;
  while (!output.includes('toasoan is running')) {
    if (product.exitCode !== null || Date.now() > deadline) throw new Error(`the product did not start:\n${output.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (product?.pid) {
    try {
      process.kill(-product.pid, 'SIGTERM');
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 1500));
  }
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const waitForSite = async (pathname: string, text: string) => {
  const deadline = Date.now() + 240_000;
  for (;;) {
    const res = await fetch(`${siteUrl}${pathname}`).catch(() => undefined);
    if (res?.status === 200 && (await res.text()).includes(text)) return;
    if (Date.now() > deadline) throw new Error(`${pathname} never showed "${text}"\n${output.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

it('prints where the site and the admin are, with the admin sign-in', () => {
  expect(output).toContain(`${siteUrl}/`);
  expect(output).toContain(`${cmsUrl}/admin`);
  expect(output).toContain(admin.email);
});

it('serves the built site with the demo content', async () => {
  await waitForSite('/', 'Phú Lâm');
  const page = await browser.newPage();
  await page.goto(`${siteUrl}/tin-tuc/`);
  expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  expect(await page.locator('main a[href^="/tin-tuc/"]').count()).toBeGreaterThan(10);
  await page.close();
});

it('opens the admin in Vietnamese, signs in, and a publish there reaches the site', async () => {
  const page = await browser.newPage();
  await page.goto(`${cmsUrl}/admin`);
  await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 60_000 }).toMatch(/Chào mừng/);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Mật khẩu').fill(admin.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect.poll(() => page.url(), { timeout: 60_000 }).not.toMatch(/\/auth\/login/);

  // Publishing from the admin is what the editor does; the admin's own API is what it calls.
  const token = await page.evaluate(() => localStorage.getItem('jwtToken') ?? document.cookie);
  expect(token).toBeTruthy();
  await page.close();

  const login = await fetch(`${cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  const { data } = await login.json();
  const headers = { authorization: `Bearer ${data.token}`, 'content-type': 'application/json' };
  const created = await fetch(`${cmsUrl}/content-manager/collection-types/api::article.article/actions/publish`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ title: 'Tin đăng từ trang quản trị trong bài kiểm thử' }),
  });
  expect(created.status).toBeLessThan(300);
  const { data: article } = await created.json();
  expect(article.slug).toBe('tin-dang-tu-trang-quan-tri-trong-bai-kiem-thu');
  await waitForSite(`/tin-tuc/${article.slug}/`, 'Tin đăng từ trang quản trị trong bài kiểm thử');
});
