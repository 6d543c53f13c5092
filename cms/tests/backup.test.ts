// `pnpm backup` from a running newsroom, `pnpm restore` into a fresh installation: the same content,
// files, readers' counts and site. Runs on PostgreSQL too (TEST_DATABASE_CLIENT=postgres).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { removeBuild, runBuild } from '../../web/tests/build-helpers';
import { CMS_DIR, startCms, type TestCms } from './harness';

const ROOT = path.resolve(CMS_DIR, '..');
const SECRETS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY', 'STRAPI_TOKEN'];
const BROWSER = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1';

let source: TestCms | undefined;
let target: TestCms | undefined;
let workDir: string;
const builds: string[] = [];

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'toasoan-backup-test-'));
});
afterAll(async () => {
  for (const outDir of builds) await removeBuild(outDir);
  await source?.destroy();
  await target?.destroy();
  await rm(workDir, { recursive: true, force: true });
});

/** The root package's command, as an operator types it, configured by the CMS's environment. */
const pnpmRun = (args: string[]) =>
  new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn('pnpm', ['run', '--silent', ...args], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });

/** Everything a restore must bring back, as the CMS, its files and the build see it. */
const snapshot = async (cms: TestCms, buildToken: string) => {
  const { strapi } = cms;
  const counts: Record<string, number> = {};
  for (const uid of Object.keys(strapi.contentTypes).sort()) counts[uid] = await strapi.db.query(uid as never).count();
  const uploads = path.join(process.env.STRAPI_PUBLIC_DIR as string, 'uploads');
  const files: Record<string, string> = {};
  for (const entry of await readdir(uploads, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(uploads, file)] = createHash('sha256').update(await readFile(file)).digest('hex');
  }
  const counters = await strapi.db
    .connection('engagement_item_counts')
    .select('kind', 'item_document_id', 'views', 'downloads', 'rating_sum', 'rating_count', 'rating_average')
    .orderBy(['kind', 'item_document_id']);
  const build = await runBuild({ STRAPI_URL: cms.url, STRAPI_TOKEN: buildToken, SITE_URL: 'https://congthongtin.example.gov.vn', TZ: 'UTC' });
  builds.push(build.outDir);
  expect(build.code, build.output).toBe(0);
  const pages = (await readdir(build.outDir, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
  return { counts, files, counters, pages };
};

it('restores a backup into a fresh installation with the same content, files, counts and site', async () => {
  source = await startCms({ seed: true });
  const article = (await source.strapi.documents('api::article.article').findFirst({ status: 'published' }))!.documentId;
  const view = await fetch(`${source.url}/api/engagement/articles/${article}/view`, { method: 'POST', headers: { 'user-agent': BROWSER } });
  expect((await view.json()).data.counted).toBe(true);
  const before = await snapshot(source, source.buildToken);
  expect(Object.keys(before.files).length).toBeGreaterThan(10);
  expect(before.counters.length).toBeGreaterThan(10);
  expect(before.pages.length).toBeGreaterThan(20);

  // The CMS keeps running during a backup.
  const backup = await pnpmRun(['backup', '--out', path.join(workDir, 'newsroom.tar.gz')]);
  expect(backup.code, backup.output).toBe(0);
  const secrets = Object.fromEntries(SECRETS.map((key) => [key, process.env[key] as string]));
  await source.destroy();
  source = undefined;

  // A new server with the same secrets: Strapi makes its empty database, is stopped, then restored.
  target = await startCms({ env: secrets });
  expect(await target.strapi.db.query('api::article.article').count()).toBe(0);
  await target.stop();
  const restore = await pnpmRun(['restore', path.join(workDir, 'newsroom.tar.gz')]);
  expect(restore.code, restore.output).toBe(0);
  target = await target.restart();

  // The server's configuration (and so its build token) came along with the secrets.
  const after = await snapshot(target, secrets.STRAPI_TOKEN);
  expect(after.counts).toEqual(before.counts);
  expect(after.files).toEqual(before.files);
  expect(after.counters).toEqual(before.counters);
  expect(after.pages).toEqual(before.pages);
}, 900_000);

it('refuses what is not a backup, naming the problem', async () => {
  const missing = await pnpmRun(['restore', 'khong-co.tar.gz']);
  expect(missing.code).not.toBe(0);
  expect(missing.output).toMatch(/no such file: .*khong-co\.tar\.gz/);
  const usage = await pnpmRun(['restore']);
  expect(usage.code).not.toBe(0);
  expect(usage.output).toMatch(/usage: pnpm restore/);
});
