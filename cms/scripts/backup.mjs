// `pnpm backup [--out file.tar.gz]` and `pnpm restore file.tar.gz`: the CMS's database and uploaded
// files in one archive, configured exactly like the CMS (environment, then cms/.env).
//
// The archive holds manifest.json, the database (database.sqlite made with SQLite's online backup
// API, so the CMS may keep running; or database.pgdump from pg_dump's custom format) and uploads/.
// Restore replaces the database and the uploads folder with the archive's: stop the CMS first and
// start it afterwards. Secrets (cms/.env) are not in the archive; keep them apart.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as tar from 'tar';

const require = createRequire(import.meta.url);
const CMS_DIR = path.resolve(import.meta.dirname, '..');
const FORMAT = 1;
// pnpm runs scripts in the package folder; paths on the command line are the caller's.
const fromCaller = (file) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

const fail = (message) => {
  console.error(`error: ${message}`);
  process.exit(1);
};

const loadConfig = () => {
  const envFile = path.join(CMS_DIR, '.env');
  // Variables already in the environment win, as for the CMS itself.
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const client = process.env.DATABASE_CLIENT || 'sqlite';
  const uploads = path.join(path.resolve(CMS_DIR, process.env.STRAPI_PUBLIC_DIR || 'public'), 'uploads');
  if (client === 'sqlite') return { client, uploads, file: path.resolve(CMS_DIR, process.env.DATABASE_FILENAME || '.tmp/data.db') };
  if (client !== 'postgres') fail(`DATABASE_CLIENT "${client}" is not supported: use "sqlite" or "postgres"`);
  if (!process.env.DATABASE_URL) fail('DATABASE_URL is required when DATABASE_CLIENT=postgres');
  const url = new URL(process.env.DATABASE_URL);
  // libpq reads the connection from the environment, so the password never shows in a process list.
  const pgEnv = {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
    PGUSER: decodeURIComponent(url.username),
    PGPASSWORD: decodeURIComponent(url.password),
    ...(process.env.DATABASE_SSL === 'true' ? { PGSSLMODE: process.env.DATABASE_SSL_REJECT_UNAUTHORIZED === 'false' ? 'require' : 'verify-full' } : {}),
  };
  return { client, uploads, pgEnv, schema: process.env.DATABASE_SCHEMA };
};

const run = (command, args, env) => {
  const result = spawnSync(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error?.code === 'ENOENT') fail(`${command} not found: install PostgreSQL's client tools (Debian: apt-get install postgresql-client)`);
  if (result.status !== 0) fail(`${command} failed (exit code ${result.status})`);
};

const countFiles = async (dir) => {
  if (!existsSync(dir)) return 0;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).length;
};

const backup = async (out) => {
  const config = loadConfig();
  const target = fromCaller(out ?? `toasoan-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`);
  const stage = await mkdtemp(path.join(tmpdir(), 'toasoan-backup-'));
  try {
    let database;
    if (config.client === 'sqlite') {
      if (!existsSync(config.file)) fail(`no SQLite database at ${config.file}`);
      const Database = require('better-sqlite3');
      const db = new Database(config.file, { readonly: true, fileMustExist: true });
      database = 'database.sqlite';
      try {
        await db.backup(path.join(stage, database));
      } finally {
        db.close();
      }
    } else {
      database = 'database.pgdump';
      const schema = config.schema && config.schema !== 'public' ? [`--schema=${config.schema}`] : [];
      run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', ...schema, `--file=${path.join(stage, database)}`], config.pgEnv);
    }
    const files = await countFiles(config.uploads);
    const entries = ['manifest.json', database];
    if (existsSync(config.uploads)) {
      await symlink(config.uploads, path.join(stage, 'uploads'));
      entries.push('uploads');
    }
    await writeFile(path.join(stage, 'manifest.json'), `${JSON.stringify({ format: FORMAT, database: config.client, createdAt: new Date().toISOString(), files }, null, 2)}\n`);
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    await tar.create({ gzip: true, file: partial, cwd: stage, follow: true, portable: true }, entries);
    await rename(partial, target);
    console.log(`Backup written to ${target} (${config.client} database, ${files} uploaded files).`);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
};

const restore = async (archive) => {
  if (!archive) fail('usage: pnpm restore <backup.tar.gz>');
  const source = fromCaller(archive);
  if (!existsSync(source)) fail(`no such file: ${source}`);
  const config = loadConfig();
  const stage = await mkdtemp(path.join(tmpdir(), 'toasoan-restore-'));
  try {
    await tar.extract({ file: source, cwd: stage });
    const manifest = JSON.parse(await readFile(path.join(stage, 'manifest.json'), 'utf8').catch(() => fail('not a toasoan backup: manifest.json is missing')));
    if (manifest.format !== FORMAT) fail(`backup format ${manifest.format} is not supported (expected ${FORMAT})`);
    if (manifest.database !== config.client) {
      fail(`the backup holds a ${manifest.database} database but this CMS uses DATABASE_CLIENT=${config.client}`);
    }
    if (config.client === 'sqlite') {
      await mkdir(path.dirname(config.file), { recursive: true });
      // A stale write-ahead log next to the restored file would be replayed into it.
      for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(`${config.file}${suffix}`, { force: true });
      await cp(path.join(stage, 'database.sqlite'), config.file);
    } else {
      run(
        'pg_restore',
        ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${config.pgEnv.PGDATABASE}`, path.join(stage, 'database.pgdump')],
        config.pgEnv
      );
    }
    await rm(config.uploads, { recursive: true, force: true });
    await mkdir(config.uploads, { recursive: true });
    if (existsSync(path.join(stage, 'uploads'))) await cp(path.join(stage, 'uploads'), config.uploads, { recursive: true });
    console.log(`Restored the ${manifest.database} database and ${manifest.files} uploaded files from ${source} (backup of ${manifest.createdAt}).`);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
};

const { positionals, values } = parseArgs({ allowPositionals: true, options: { out: { type: 'string', short: 'o' } } });
const [command, file] = positionals;
if (command === 'backup') await backup(values.out ?? file);
else if (command === 'restore') await restore(file);
else fail('usage: backup.mjs backup [--out file.tar.gz] | backup.mjs restore <file.tar.gz>');
