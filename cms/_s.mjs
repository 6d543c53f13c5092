import { createRequire } from 'node:module';
import path from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
const require = createRequire(path.resolve('package.json'));
const r2 = createRequire(require.resolve('@strapi/strapi/package.json'));
const ADMIN = (await import(path.join(path.dirname(r2.resolve('@strapi/admin/package.json')),'dist/admin/admin/src/translations/en.json.mjs'))).default;
for (const [name, prefix, trans] of [['@strapi/admin','', 'dist/admin/admin/src/translations'],['@strapi/content-manager','content-manager.','dist/admin/translations'],['@strapi/upload','upload.','dist/admin/translations'],['@strapi/i18n','i18n.','dist/admin/translations']]) {
  const root = path.dirname(r2.resolve(name+'/package.json'));
  const en = (await import(path.join(root, trans, 'en.json.mjs'))).default;
  const found = new Map();
  for (const f of readdirSync(path.join(root,'dist/admin'),{recursive:true})) {
    if (!f.endsWith('.mjs') || f.includes('translations')) continue;
    const src = readFileSync(path.join(root,'dist/admin',f),'utf8');
    for (const m of src.matchAll(/id:\s*(?:getTranslation\(|getTrad\()?['"`]([^'"`$]+)['"`]\)?,\s*defaultMessage:\s*(['"`])((?:\\.|(?!\2).)*)\2/g)) found.set(m[1], m[3]);
  }
  const missing = [...found].filter(([k]) => !(k in en) && !(k.startsWith(prefix) && k.slice(prefix.length) in en) ).filter(([k]) => !(k in ADMIN));
  console.log(name, found.size, 'not in en.json:', missing.length);
  for (const [k,v] of missing.slice(0,400)) console.log('  ', k, '=>', v);
}
