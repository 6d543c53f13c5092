// `pnpm bench:import`: a generated NukeViet 4.x portal — 10,000 news articles and 2,000 documents
// with their files, categories, tags, sources, comments and the site counter — loaded into MariaDB,
// then imported with `pnpm import:nukeviet` into a throwaway CMS (SQLite), reporting rows/s per type.
//
//   pnpm bench:import [--articles 10000] [--documents 2000] [--db mysql://root@localhost/toasoan_bench_nukeviet]
//                     [--schema <ddl.sql>] [--generate-only] [--keep]
//
// The database named by --db is dropped and created again, so its name must contain "bench".
// The old site's uploads folder (one photo per ten articles, one PDF per document, a missing photo
// once in a while as real archives have) is written to a temporary folder and passed as --uploads.
// Rates per type are measured from the outside: the CMS's SQLite file is counted every half second
// while the import runs, so they do not depend on how the importer reports.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * The NukeViet DDL the database is created from: the importer's fixture DDL, written from NukeViet's
 * own installers, so the bench fills exactly the tables and columns a real 4.x site has. Its other
 * tables (a second news instance "thoisu", albums) stay empty: the generator registers only its own
 * module instances in nv4_vi_modules.
 */
export const SCHEMA_SQL = path.join(ROOT, 'cms', 'scripts', 'nukeviet', 'fixture', 'schema.sql');
export const PREFIX = 'nv4';
const T = {
  config: `${PREFIX}_config`,
  modules: `${PREFIX}_vi_modules`,
  newsCat: `${PREFIX}_vi_news_cat`,
  newsSources: `${PREFIX}_vi_news_sources`,
  newsRows: `${PREFIX}_vi_news_rows`,
  newsDetail: `${PREFIX}_vi_news_detail`,
  newsTags: `${PREFIX}_vi_news_tags`,
  newsTagsId: `${PREFIX}_vi_news_tags_id`,
  newsAuthorlist: `${PREFIX}_vi_news_authorlist`,
  lawsCat: `${PREFIX}_vi_laws_cat`,
  lawsSubject: `${PREFIX}_vi_laws_subject`,
  lawsSigner: `${PREFIX}_vi_laws_signer`,
  lawsArea: `${PREFIX}_vi_laws_area`,
  lawsRow: `${PREFIX}_vi_laws_row`,
  lawsRowArea: `${PREFIX}_vi_laws_row_area`,
  comment: `${PREFIX}_vi_comment`,
  counter: `${PREFIX}_counter`,
} as const;

type Value = string | number | null;
type Row = Record<string, Value>;

/** Deterministic PRNG (mulberry32): the same options always give the same database. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const WORDS = (
  'Đảng bộ thị xã Phổ Yên tổ chức hội nghị sơ kết công tác tuyên giáo sáu tháng đầu năm ' +
  'Ủy ban nhân dân tỉnh triển khai kế hoạch chuyển đổi số phát triển kinh tế xã hội nông thôn mới ' +
  'Hội đồng nhân dân huyện kỳ họp thứ bảy thông qua nghị quyết về đầu tư công trung hạn giáo dục y tế ' +
  'Mặt trận Tổ quốc đoàn thanh niên hội phụ nữ cựu chiến binh nông dân phát động phong trào thi đua'
).split(' ');

/** The NukeViet alias of a title: lower-case ASCII words joined by "-" (its change_alias()). */
const alias = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const sqlValue = (value: Value) =>
  value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** Multi-row INSERTs, 500 rows each: what mysqldump writes and MariaDB loads fastest. */
const inserts = (table: string, rows: Row[]) => {
  if (rows.length === 0) return '';
  const columns = Object.keys(rows[0]!);
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((row) => `(${columns.map((c) => sqlValue(row[c] ?? null)).join(',')})`);
    out.push(`INSERT INTO ${table} (${columns.join(',')}) VALUES\n${values.join(',\n')};`);
  }
  return out.join('\n');
};

// A one-page PDF per document: a real file of the right type, small enough for thousands.
const pdf = (title: string) => {
  const text = title.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length + 36} >>\nstream\nBT /F1 14 Tf 72 770 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return Buffer.from(`${body}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1');
};

export interface Generated {
  sql: string;
  /** Old-site uploads: path under the uploads folder → content. */
  files: Map<string, Buffer>;
  counts: Record<'categories' | 'tags' | 'articles' | 'documents' | 'comments', number>;
}

/** The database and uploads folder of a NukeViet 4.x portal with `articles` news rows and `documents` laws rows. */
// `now` is the start of today (UTC) unless given: the same options give the same database all day,
// and the scheduled articles are still in the future when the importer reads them.
export const generate = ({ articles, documents, photo: jpeg, now = Math.floor(Date.now() / 86_400_000) * 86_400 }: { articles: number; documents: number; photo: Buffer; now?: number }): Generated => {
  const rnd = random(articles * 7919 + documents);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const phrase = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const title = (n: number) => {
    const text = phrase(n);
    return text[0]!.toUpperCase() + text.slice(1);
  };
  const files = new Map<string, Buffer>();
  const sections: string[] = ['SET NAMES utf8mb4;', 'SET autocommit=0;'];

  sections.push(
    inserts(T.config, [
      { lang: 'sys', module: 'global', config_name: 'rewrite_enable', config_value: '1' },
      { lang: 'sys', module: 'global', config_name: 'lang_multi', config_value: '0' },
      { lang: 'sys', module: 'global', config_name: 'rewrite_endurl', config_value: '/' },
      { lang: 'sys', module: 'global', config_name: 'rewrite_exturl', config_value: '.html' },
      { lang: 'sys', module: 'global', config_name: 'site_timezone', config_value: 'Asia/Saigon' },
    ]),
    inserts(T.modules, [
      { title: 'tin-tuc', module_file: 'news', module_data: 'news', module_upload: 'news', custom_title: 'Tin tức', groups_view: '6', act: 1, weight: 1 },
      { title: 'van-ban', module_file: 'laws', module_data: 'laws', module_upload: 'laws', custom_title: 'Văn bản', groups_view: '6', act: 1, weight: 2 },
    ]),
  );

  // A category tree: 8 top-level categories with 3 children each.
  const categories: Row[] = [];
  for (let top = 0; top < 8; top += 1) {
    const parent = categories.length + 1;
    const name = title(3);
    categories.push({ catid: parent, parentid: 0, title: name, alias: `${alias(name)}-${parent}`, description: phrase(12), weight: top + 1, lev: 0, numsubcat: 3, subcatid: `${parent + 1},${parent + 2},${parent + 3}`, add_time: now - 9e7, edit_time: now - 9e7, status: 1 });
    for (let child = 0; child < 3; child += 1) {
      const id = categories.length + 1;
      const childName = title(3);
      categories.push({ catid: id, parentid: parent, title: childName, alias: `${alias(childName)}-${id}`, description: phrase(10), weight: child + 1, lev: 1, numsubcat: 0, subcatid: '', add_time: now - 9e7, edit_time: now - 9e7, status: 1 });
    }
  }
  const sources = Array.from({ length: 10 }, (_, i) => ({ sourceid: i + 1, title: `Báo ${title(2)} ${i + 1}`, link: `https://bao${i + 1}.example.vn/`, weight: i + 1, add_time: now - 9e7, edit_time: now - 9e7 }));
  // A tag as NukeViet stores it: no title column; its text is in keywords (and in each article's
  // _tags_id.keyword, which the importer names the tag from), its address in alias.
  const tags = Array.from({ length: 200 }, (_, i) => {
    const keyword = `${phrase(2)} ${i + 1}`;
    return { tid: i + 1, numnews: 0, alias: alias(keyword), image: '', description: '', keywords: keyword };
  });

  // Status mix of a real archive: mostly published; some scheduled, expired, drafts, suspended,
  // and rows locked by their category (status + 21).
  const statusOf = (i: number) => {
    const r = i % 100;
    if (r < 88) return { status: 1, publtime: now - 86_400 * (articles - i) - 3600, exptime: 0 };
    if (r < 90) return { status: 1, publtime: now + 86_400 * (1 + (i % 30)), exptime: 0 };
    if (r < 93) return { status: 1, publtime: now - 86_400 * (articles - i), exptime: now - 86_400 };
    if (r < 96) return { status: 4, publtime: now - 86_400 * (articles - i), exptime: 0 };
    if (r < 98) return { status: 0, publtime: now - 86_400 * (articles - i), exptime: 0 };
    return { status: 22, publtime: now - 86_400 * (articles - i), exptime: 0 };
  };
  const rows: Row[] = [];
  const details: Row[] = [];
  const tagLinks: Row[] = [];
  const authorLinks: Row[] = [];
  const comments: Row[] = [];
  for (let i = 1; i <= articles; i += 1) {
    const cat = pick(categories);
    const name = title(10);
    const { status, publtime, exptime } = statusOf(i);
    const photo = `${new Date(publtime * 1000).toISOString().slice(0, 7).replace('-', '_')}/anh-${Math.ceil(i / 10)}.jpg`;
    // One photo per ten articles (each copied once); every 500th photo is missing from the uploads.
    if (Math.ceil(i / 10) % 500 !== 0) files.set(`news/${photo}`, Buffer.concat([jpeg, Buffer.from(photo)]));
    rows.push({
      id: i, catid: cat.catid as number, listcatid: String(cat.catid), topicid: 0, admin_id: 1, author: pick(['Minh Anh', 'Thu Hà', 'Văn Nam', '']), sourceid: i % 4 === 0 ? (i % 10) + 1 : 0,
      addtime: publtime - 600, edittime: publtime, status, weight: i, publtime, exptime, archive: 0,
      // Old archives: HTML entities in titles, and Vietnamese stored double-encoded (UTF-8 read as latin1).
      title: i % 50 === 0 ? `${name} &quot;trích dẫn&quot;` : i % 50 === 25 ? Buffer.from(name, 'utf8').toString('latin1') : name,
      alias: alias(name).slice(0, 200),
      hometext: phrase(30), homeimgfile: photo, homeimgalt: `Ảnh: ${phrase(4)}`, homeimgthumb: i % 3 === 0 ? 2 : 1, inhome: 1, allowed_comm: '6', allowed_rating: 1,
      hitstotal: Math.floor(rnd() * 20_000), hitscm: 0, total_rating: i % 5 === 0 ? 23 : 0, click_rating: i % 5 === 0 ? 5 : 0,
    });
    details.push({
      id: i, titlesite: '', description: '',
      bodyhtml: `<p>${phrase(60)}</p><p style="text-align: center;"><img alt="${phrase(3)}" src="/uploads/news/${photo}" width="600" /></p><p><strong>${phrase(8)}</strong> ${phrase(80)}</p><p>${phrase(70)}</p>`,
      keywords: '', sourcetext: '', files: '', imgposition: 1, copyright: 0, allowed_send: 1, allowed_print: 1, allowed_save: 1, gid: 0,
    });
    for (const tid of new Set([(i % 200) + 1, ((i * 7) % 200) + 1])) {
      tagLinks.push({ id: i, tid, keyword: tags[tid - 1]!.keywords });
      tags[tid - 1]!.numnews += 1;
    }
    // NukeViet 4.3+ links an article to its author's pseudonym (_authorlist); the importer falls back
    // to it when the free-text author is empty.
    if (!rows.at(-1)!.author) authorLinks.push({ id: i, aid: 1, alias: 'ban-bien-tap', pseudonym: 'Ban Biên tập' });
    if (i % 2 === 0) {
      comments.push({
        module: 'tin-tuc', area: 8, id: i, pid: 0, content: `${phrase(15)} &lt;3`, attach: '', post_time: publtime + 7200, userid: 0,
        post_name: pick(['Nguyễn Văn A', 'Trần Thị B', 'Lê C']), post_email: `doc-gia-${i}@example.vn`, post_ip: `10.0.${i % 250}.${i % 200}`, status: i % 6 === 0 ? 0 : 1, likes: i % 7, dislikes: 0,
      });
    }
  }
  sections.push(
    inserts(T.newsCat, categories),
    inserts(T.newsSources, sources),
    inserts(T.newsTags, tags),
    inserts(T.newsRows, rows),
    inserts(T.newsDetail, details),
    inserts(T.newsTagsId, tagLinks),
    inserts(T.newsAuthorlist, authorLinks),
    inserts(T.comment, comments),
  );

  // Documents register: types, issuers, signers, fields; one PDF (sometimes two) per document.
  const kinds = ['Công văn', 'Quyết định', 'Kế hoạch', 'Thông báo', 'Hướng dẫn', 'Báo cáo'].map((name, i) => ({ id: i + 1, parentid: 0, alias: alias(name), title: name, introduction: '', keywords: '', newday: 5, addtime: now - 9e7, weight: i + 1 }));
  const issuers = ['Ban Thường vụ Thị ủy', 'UBND thị xã', 'HĐND thị xã', 'Ban Tuyên giáo', 'Văn phòng Thị ủy'].map((name, i) => ({ id: i + 1, alias: alias(name), title: name, introduction: '', keywords: '', numcount: 0, numlink: 5, addtime: now - 9e7, weight: i + 1 }));
  const signers = ['Nguyễn Văn Hùng', 'Trần Thị Lan', 'Lê Minh Đức', 'Phạm Quốc Bảo'].map((name, i) => ({ id: i + 1, title: name, offices: 'Thị ủy', positions: pick(['Bí thư', 'Phó Bí thư', 'Chủ tịch']), addtime: now - 9e7 }));
  const areas = ['Giáo dục', 'Y tế', 'Kinh tế', 'Xây dựng Đảng', 'Văn hóa'].map((name, i) => ({ id: i + 1, parentid: 0, alias: alias(name), title: name, introduction: '', keywords: '', addtime: now - 9e7, weight: i + 1 }));
  const laws: Row[] = [];
  const lawAreas: Row[] = [];
  for (let i = 1; i <= documents; i += 1) {
    const kind = pick(kinds);
    const issuer = pick(issuers);
    issuer.numcount += 1;
    const name = `${kind.title} về ${phrase(8)}`;
    const issued = now - 86_400 * (documents - i) * 2;
    const issuedDay = issued - ((issued + 7 * 3600) % 86_400); // midnight Vietnam time
    const fileNames = [`${new Date(issued * 1000).getUTCFullYear()}/${alias(kind.title)}-${i}.pdf`, ...(i % 10 === 0 ? [`${new Date(issued * 1000).getUTCFullYear()}/phu-luc-${i}.pdf`] : [])];
    for (const file of fileNames) files.set(`laws/${file}`, pdf(name));
    const areaIds = [(i % 5) + 1, ...(i % 3 === 0 ? [((i + 2) % 5) + 1] : [])];
    laws.push({
      // Fields are only in _row_area (the laws module's row has no list of them).
      id: i, title: name, alias: `${alias(name).slice(0, 200)}-${i}`, code: `${i}-${pick(['CV', 'QĐ', 'KH', 'TB'])}/TU`,
      cid: kind.id, sid: issuer.id, eid: 0, sgid: pick(signers).id, note: '', introtext: phrase(25), bodytext: `<p>${phrase(50)}</p>`, keywords: '',
      groups_view: '6', groups_download: '6', files: fileNames.join(','), status: i % 40 === 0 ? 0 : 1, approval: 1, addtime: issuedDay + 3600, edittime: issuedDay + 3600, publtime: issuedDay,
      startvalid: issuedDay + 86_400 * 7, exptime: i % 9 === 0 ? issuedDay + 86_400 * 365 : 0, view_hits: Math.floor(rnd() * 5000), download_hits: Math.floor(rnd() * 800), admin_add: 1, admin_edit: 1,
    });
    for (const area of areaIds) lawAreas.push({ row_id: i, area_id: area });
  }
  sections.push(
    inserts(T.lawsCat, kinds),
    inserts(T.lawsSubject, issuers),
    inserts(T.lawsSigner, signers),
    inserts(T.lawsArea, areas),
    inserts(T.lawsRow, laws),
    inserts(T.lawsRowArea, lawAreas),
    inserts(T.counter, [{ c_type: 'total', c_val: 'hits', last_update: now, c_count: 13_512_345, vi_count: 13_512_345 }]),
    'COMMIT;',
  );
  return {
    sql: sections.filter(Boolean).join('\n'),
    files,
    counts: { categories: categories.length, tags: tags.length, articles, documents, comments: comments.length },
  };
};

/** `mysql://user:pass@host:port/db` → arguments for Debian's mariadb client; the password goes through the environment. */
const clientArgs = (url: URL) => {
  const args = ['--default-character-set=utf8mb4', `--user=${decodeURIComponent(url.username || 'root')}`];
  // "localhost" means the local socket, as for the mariadb client itself.
  if (url.hostname && url.hostname !== 'localhost') args.push(`--host=${url.hostname}`);
  if (url.port) args.push(`--port=${url.port}`);
  return { args, env: { ...process.env, ...(url.password ? { MYSQL_PWD: decodeURIComponent(url.password) } : {}) } };
};

const mariadb = (url: URL, sql: string, database?: string) =>
  new Promise<void>((resolve, reject) => {
    const { args, env } = clientArgs(url);
    const child = spawn('mariadb', [...args, ...(database ? [database] : [])], { env, stdio: ['pipe', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => reject(new Error(`mariadb client not found (apt-get install mariadb-client): ${error.message}`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`mariadb exited with ${code}: ${stderr.trim()}`))));
    child.stdin.end(sql);
  });

/** Creates the database named in `url` from SCHEMA_SQL and loads the generated rows; writes the uploads folder. */
export const loadNukeViet = async (url: URL, generated: Generated, uploadsDir: string, schema = SCHEMA_SQL) => {
  const database = decodeURIComponent(url.pathname.slice(1));
  if (!/^[A-Za-z0-9_]*bench[A-Za-z0-9_]*$/.test(database)) throw new Error(`--db: the database is dropped and created again, so its name must contain "bench" (got "${database}")`);
  await mariadb(url, `DROP DATABASE IF EXISTS \`${database}\`; CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`);
  await mariadb(url, await readFile(schema, 'utf8'), database);
  await mariadb(url, generated.sql, database);
  for (const [file, content] of generated.files) {
    const target = path.join(uploadsDir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
};

const TYPES = { categories: 'categories', tags: 'tags', articles: 'articles', documents: 'documents', comments: 'comments', redirects: 'redirects', media: 'files' } as const;

/** Distinct documents per type in the CMS's SQLite file (draft and published rows count once). */
const counter = (file: string) => {
  const Database = createRequire(path.join(ROOT, 'cms', 'package.json'))('better-sqlite3');
  let db: any;
  return (): Record<string, number> | null => {
    if (!existsSync(file)) return null;
    try {
      db ??= new Database(file, { readonly: true, fileMustExist: true, timeout: 200 });
      const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
      const counts: Record<string, number> = {};
      for (const [type, table] of Object.entries(TYPES)) {
        counts[type] = tables.has(table) ? (db.prepare(`SELECT COUNT(DISTINCT document_id) AS n FROM ${table}`).get() as { n: number }).n : 0;
      }
      return counts;
    } catch {
      return null; // the importer holds a write lock right now: skip this sample
    }
  };
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '10000' },
      documents: { type: 'string', default: '2000' },
      db: { type: 'string', default: process.env.BENCH_NUKEVIET_DB ?? 'mysql://root@localhost/toasoan_bench_nukeviet' },
      schema: { type: 'string', default: SCHEMA_SQL },
      'generate-only': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const articles = Number(values.articles);
  const documents = Number(values.documents);
  if (!Number.isInteger(articles) || articles < 1 || !Number.isInteger(documents) || documents < 0) throw new Error('--articles and --documents take whole numbers');
  const url = new URL(values.db);
  const work = await mkdtemp(path.join(tmpdir(), 'toasoan-bench-import-'));
  const uploadsDir = path.join(work, 'uploads');
  console.log(`machine: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  // A real photo at a news portal's usual width (sharp is the site's image library). Each name gets
  // its own bytes (a trailer after the JPEG's end marker, which decoders ignore), so the importer
  // copies and the media library resizes every photo as it would a real archive's.
  const sharp = createRequire(path.join(ROOT, 'web', 'package.json'))('sharp');
  const photo: Buffer = await sharp({ create: { width: 800, height: 500, channels: 3, background: { r: 164, g: 22, b: 26 } } }).jpeg().toBuffer();
  let started = performance.now();
  const generated = generate({ articles, documents, photo });
  const generateMs = performance.now() - started;
  started = performance.now();
  await loadNukeViet(url, generated, uploadsDir, values.schema);
  const loadMs = performance.now() - started;
  const oldRows = articles + documents + generated.counts.comments;
  console.log(
    `NukeViet database ${url.pathname.slice(1)}: ${articles} articles, ${documents} documents, ${generated.counts.comments} comments, ` +
      `${generated.files.size} upload files; generated in ${(generateMs / 1000).toFixed(1)} s, loaded in ${(loadMs / 1000).toFixed(1)} s ` +
      `(baseline, same run: ${Math.round(oldRows / (loadMs / 1000))} rows/s into MariaDB)`,
  );
  console.log(`uploads folder: ${uploadsDir}`);

  if (values['generate-only']) {
    if (!values.keep) await rm(work, { recursive: true, force: true });
    return;
  }

  // A throwaway CMS for the import: fresh keys and SQLite file, as the demo's one-shot scripts make.
  const { throwawayEnv } = (await import(path.join(ROOT, 'cms', 'scripts', 'one-shot.mjs'))) as { throwawayEnv: () => Promise<{ env: Record<string, string>; workDir: string; cleanup: () => Promise<void> }> };
  const cms = await throwawayEnv();
  const count = counter(cms.env.DATABASE_FILENAME!);
  const firstSeen: Record<string, number> = {};
  const lastChange: Record<string, { at: number; n: number }> = {};
  const sample = () => {
    const now = performance.now();
    const counts = count();
    for (const [type, n] of Object.entries(counts ?? {})) {
      if (n > 0 && firstSeen[type] === undefined) firstSeen[type] = now;
      if (n !== lastChange[type]?.n) lastChange[type] = { at: now, n };
    }
  };
  started = performance.now();
  const timer = setInterval(sample, 500);
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('pnpm', ['import:nukeviet', '--db', url.toString(), '--uploads', uploadsDir], {
      cwd: ROOT,
      env: { ...process.env, ...cms.env, SEED_DEMO_CONTENT: 'false' },
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
  clearInterval(timer);
  sample();
  const totalS = (performance.now() - started) / 1000;
  console.log(`\nimport:nukeviet exited with ${code} after ${totalS.toFixed(1)} s (target: ≤ 600 s for 10,000 articles + 2,000 documents)`);
  console.log('type        rows   rows/s (from its first row to its last)');
  for (const type of Object.keys(TYPES)) {
    const last = lastChange[type];
    if (!last?.n || firstSeen[type] === undefined) continue;
    const seconds = Math.max((last.at - firstSeen[type]) / 1000, 0.5);
    console.log(`${type.padEnd(10)} ${String(last.n).padStart(6)} ${String(Math.round(last.n / seconds)).padStart(8)}`);
  }
  if (!values.keep) {
    await cms.cleanup();
    await rm(work, { recursive: true, force: true });
  } else console.log(`kept: CMS data in ${cms.workDir}, uploads in ${uploadsDir}`);
  if (code !== 0) process.exitCode = 1;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
