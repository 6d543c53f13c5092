// The admin panel is built once and reused; it must be rebuilt whenever its sources change, or a
// checkout would keep serving a stale admin. The build is stamped with a hash of what it is made of.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const CMS_DIR = path.resolve(import.meta.dirname, '..');
const STAMP = path.join(CMS_DIR, 'dist', 'build', '.source-hash');

const filesUnder = (dir) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();

const sourceHash = () => {
  const hash = createHash('sha256');
  // Content types shape the admin's forms at run time, not at build time; only these are compiled in.
  // what the admin imports from shared: labels, and Vietnam-time dates (scheduling)
  const shared = ['kinds.ts', 'dates.ts'].map((file) => path.join(CMS_DIR, '..', 'shared', 'src', file));
  for (const file of [...filesUnder(path.join(CMS_DIR, 'src', 'admin')), ...shared, path.join(CMS_DIR, 'package.json')]) {
    hash.update(path.relative(CMS_DIR, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
};

export const adminBuildIsCurrent = () => existsSync(STAMP) && readFileSync(STAMP, 'utf8') === sourceHash();

/** Call after a successful `strapi build`. */
export const stampAdminBuild = () => writeFileSync(STAMP, sourceHash());
