// Which admin interface strings would an editor still read in English? For every Strapi package
// the admin loads, compares the keys of its English translation with Strapi's own `vi` file and
// ours (cms/src/admin/translations/<package>.json, which wins). A key counts as translated when
// our file has it, or when Strapi's `vi` has it with a value other than the English one.
// Run: pnpm --filter ./cms translations:check  (exits 1 when a required package is incomplete)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CMS_DIR = path.resolve(import.meta.dirname, '..');
const OURS_DIR = path.join(CMS_DIR, 'src', 'admin', 'translations');
const requireFromCms = createRequire(path.join(CMS_DIR, 'package.json'));
const requireFromStrapi = createRequire(requireFromCms.resolve('@strapi/strapi/package.json'));

/**
 * Every package whose admin screens are reachable in our admin. `required`: editors, authors or
 * moderators work in it (or a super admin does daily), so every key must be Vietnamese. The rest
 * are developer tools or Enterprise-only features that this product never shows to editors:
 * the content-type builder (edits code, works only in `strapi develop`), e-mail settings, and
 * content releases / review workflows (licence-gated, hidden in the Community edition).
 */
export const PACKAGES = [
  { id: 'admin', name: '@strapi/admin', dir: 'dist/admin/admin/src/translations', prefix: '', required: true },
  { id: 'content-manager', name: '@strapi/content-manager', dir: 'dist/admin/translations', prefix: 'content-manager.', required: true },
  { id: 'upload', name: '@strapi/upload', dir: 'dist/admin/translations', prefix: 'upload.', required: true },
  { id: 'i18n', name: '@strapi/i18n', dir: 'dist/admin/translations', prefix: 'i18n.', required: true },
  { id: 'users-permissions', name: '@strapi/plugin-users-permissions', dir: 'dist/admin/translations', prefix: 'users-permissions.', required: true, fromCms: true },
  { id: 'content-type-builder', name: '@strapi/content-type-builder', dir: 'dist/admin/translations', prefix: 'content-type-builder.', required: false },
  { id: 'email', name: '@strapi/email', dir: 'dist/admin/translations', prefix: 'email.', required: false },
  { id: 'content-releases', name: '@strapi/content-releases', dir: 'dist/admin/translations', prefix: 'content-releases.', required: false },
  { id: 'review-workflows', name: '@strapi/review-workflows', dir: 'dist/admin/translations', prefix: 'review-workflows.', required: false },
];

const packageRoot = (pkg) =>
  path.dirname((pkg.fromCms ? requireFromCms : requireFromStrapi).resolve(`${pkg.name}/package.json`));

const importJson = async (file) => (existsSync(file) ? (await import(pathToFileURL(file).href)).default : {});

/** English, Strapi's Vietnamese and ours for one package, keys unprefixed as in Strapi's files. */
export const loadPackage = async (pkg) => {
  const dir = path.join(packageRoot(pkg), pkg.dir);
  const ours = path.join(OURS_DIR, `${pkg.id}.json`);
  return {
    ...pkg,
    en: await importJson(path.join(dir, 'en.json.mjs')),
    strapiVi: await importJson(path.join(dir, 'vi.json.mjs')),
    ours: existsSync(ours) ? JSON.parse(readFileSync(ours, 'utf8')) : {},
  };
};

let adminCode;
/** The admin code of every package: plugins also use global keys with no English file entry. */
const allAdminCode = () => {
  if (adminCode !== undefined) return adminCode;
  adminCode = '';
  for (const pkg of PACKAGES) {
    const root = path.join(packageRoot(pkg), 'dist');
    for (const file of readdirSync(root, { recursive: true })) {
      if (String(file).endsWith('.mjs') && !String(file).includes('translations')) adminCode += readFileSync(path.join(root, String(file)), 'utf8');
    }
  }
  return adminCode;
};

/**
 * Keys of ours that Strapi no longer uses: neither in the English file nor anywhere in admin code.
 * `apiError.<message>` keys translate the server's error messages, looked up by their text.
 */
const staleKeys = (ours, en) => {
  const code = allAdminCode();
  return Object.keys(ours)
    .filter((key) => !(key in en) && !key.startsWith('apiError.'))
    .filter((key) => !code.includes(`'${key}'`) && !code.includes(`\`${key}\``) && !code.includes(`"${key}"`));
};

export const coverage = async () => {
  const report = [];
  for (const pkg of PACKAGES) {
    const { en, strapiVi, ours } = await loadPackage(pkg);
    const missing = Object.keys(en).filter((key) => !(key in ours) && !(key in strapiVi && strapiVi[key] !== en[key]));
    report.push({ ...pkg, total: Object.keys(en).length, missing, stale: staleKeys(ours, en) });
  }
  return report;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await coverage();
  let failed = false;
  for (const { id, required, total, missing, stale } of report) {
    const done = total - missing.length;
    console.log(`${required ? 'required' : 'optional'}  ${id.padEnd(22)} ${String(done).padStart(4)} / ${total} Vietnamese`);
    if (required && missing.length > 0) {
      failed = true;
      for (const key of missing) console.log(`    missing: ${key}`);
    }
    for (const key of stale) console.log(`    no longer used by Strapi: ${key}`);
  }
  if (failed) {
    console.log('\nAdd the missing keys to cms/src/admin/translations/<package>.json.');
    process.exit(1);
  }
}
