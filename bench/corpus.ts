// Large benchmark corpus for toasoan: fills a loaded Strapi with
//   10,000 published articles over 8 categories (covers from a pool of 48 photos, 20 tags),
//    2,000 published documents (PDFs from a pool of 20),
//    3,000 published gallery images over 30 albums (photos from a pool of 30),
// in well under two minutes.
//
// How: the few small collections (categories, tags, albums, site settings) and the media pools go
// through the Document Service and the upload plugin, exactly as an editor's work would. The three
// big collections are bulk-inserted with knex in one transaction, in the shape Strapi 5 itself
// writes: for a draft & publish type one draft row (published_at NULL) and one published row per
// document, sharing document_id, each with its own relation rows (`*_lnk` tables) and media rows
// (`files_related_mph`). Slugs are computed here (toSlug + "-2", "-3"… on collisions) because the
// slug middleware only runs for Document Service calls. Ids are assigned explicitly (after the
// current maximum), so the link rows can be written without reading anything back; on PostgreSQL
// the id sequences are moved past them afterwards.
//
// Text is Vietnamese, built from the demo seed's phrases (cms/src/seed/data.ts) and a seeded PRNG:
// the same options always give the same corpus.
//
// Run on its own (self-test: start a throwaway CMS, generate, count through REST, stop):
//   pnpm exec node bench/corpus.ts [--articles 10000] [--documents 2000] [--gallery 3000]
import { createRequire } from 'node:module';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

const ROOT = path.resolve(import.meta.dirname, '..');
const CMS_DIR = path.join(ROOT, 'cms');

// The demo seed's helpers, from the CMS's compiled output (CommonJS, so `require` inside them works;
// compileStrapi must have run first — every bench does that before starting a CMS).
const requireDist = createRequire(path.join(CMS_DIR, 'dist', 'src', 'seed', 'index.js'));
type SeedData = typeof import('../cms/src/seed/data.ts');
type SeedImages = typeof import('../cms/src/seed/images.ts');
type SeedPdf = typeof import('../cms/src/seed/pdf.ts');
type SeedRandom = typeof import('../cms/src/seed/random.ts');
type SlugUtil = typeof import('../cms/src/utils/slug.ts');
type RichHtml = typeof import('../cms/src/utils/rich-html.ts');
const loadSeedModules = () => ({
  data: requireDist('./data.js') as SeedData,
  images: requireDist('./images.js') as SeedImages,
  pdf: requireDist('./pdf.js') as SeedPdf,
  random: requireDist('./random.js') as SeedRandom,
  slug: requireDist('../utils/slug.js') as SlugUtil,
  richHtml: requireDist('../utils/rich-html.js') as RichHtml,
});

export interface CorpusOptions {
  articles?: number;
  documents?: number;
  galleryImages?: number;
  albums?: number;
  /** PRNG seed: the same seed gives the same corpus. */
  seed?: number;
  /** Progress lines (default: console.log). */
  log?: (line: string) => void;
}

export interface CorpusResult {
  articles: number;
  documents: number;
  galleryImages: number;
  albums: number;
  categories: number;
  tags: number;
  uploads: number;
  /** Milliseconds per phase. */
  timings: Record<string, number>;
  totalMs: number;
}

/** Newest article's date; older ones go back about 8.8 hours each (10,000 ≈ 10 years). */
const REFERENCE_DATE = Date.UTC(2026, 10, 1, 1, 30);
const HOUR = 3_600_000;

const EXTRA_CATEGORIES = [
  { key: 'kinh-te', name: 'Kinh tế - Phát triển', order: 6, description: 'Sản xuất, kinh doanh, đầu tư và xây dựng nông thôn mới trên địa bàn thị xã.' },
  { key: 'quoc-phong', name: 'Quốc phòng - An ninh', order: 7, description: 'Công tác quân sự địa phương, an ninh trật tự và cải cách tư pháp.' },
  { key: 'thong-bao', name: 'Thông báo', order: 8, description: 'Thông báo, lịch làm việc và chiêu sinh của Trung tâm.' },
];
/** Share of the articles per category key (sums to 1). */
const CATEGORY_WEIGHTS: Record<string, number> = {
  'tin-tuc': 0.34, 'hoc-tap': 0.1, guong: 0.08, 'xay-dung-dang': 0.14, 'van-hoa': 0.12, 'kinh-te': 0.1, 'quoc-phong': 0.07, 'thong-bao': 0.05,
};
const PALETTE_OF: Record<string, 'party' | 'news' | 'culture' | 'study' | 'gallery'> = {
  'tin-tuc': 'news', 'hoc-tap': 'study', guong: 'study', 'xay-dung-dang': 'party', 'van-hoa': 'culture', 'kinh-te': 'news', 'quoc-phong': 'party', 'thong-bao': 'news',
};
const EXTRA_TAGS = [
  'cải cách hành chính', 'phụ nữ', 'cựu chiến binh', 'giáo dục', 'y tế', 'môi trường', 'du lịch', 'quốc phòng', 'thi đua khen thưởng', 'dân vận',
];

const ACTIONS = [
  'Khai giảng', 'Bế giảng', 'Tổng kết', 'Sơ kết', 'Triển khai', 'Quán triệt', 'Tập huấn', 'Kiểm tra', 'Giám sát', 'Phát động',
  'Hội nghị về', 'Hội thảo về', 'Tọa đàm về', 'Đối thoại về', 'Tuyên dương', 'Nâng cao chất lượng', 'Đẩy mạnh', 'Ra quân',
];
const SUBJECTS = [
  'lớp bồi dưỡng lý luận chính trị cho đảng viên mới', 'lớp nhận thức về Đảng', 'công tác xây dựng, chỉnh đốn Đảng',
  'chuyển đổi số trong cơ quan Đảng', 'phong trào thi đua yêu nước', 'mô hình "Dân vận khéo"', 'chương trình xây dựng nông thôn mới',
  'công tác an sinh xã hội', 'việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', 'công tác kiểm tra, giám sát',
  'sinh hoạt chi bộ theo chuyên đề', 'công tác dân vận của chính quyền', 'phong trào "Toàn dân đoàn kết xây dựng đời sống văn hóa"',
  'công tác cải cách hành chính', 'việc bảo vệ nền tảng tư tưởng của Đảng', 'công tác tuyển quân', 'phong trào thanh niên tình nguyện',
  'công tác phòng, chống thiên tai', 'công tác giáo dục quốc phòng và an ninh', 'việc giữ gìn di tích lịch sử cách mạng',
];
const PLACES = [
  'phường Trung Thành', 'phường Phú Xá', 'phường Bắc Sơn', 'xã Phúc Thuận', 'xã Tân Hương', 'xã Hồng Tiến', 'xã Đắc Sơn',
  'phường Đồng Tiến', 'xã Minh Đức', 'phường Ba Hàng', 'xã Thành Công', 'xã Nam Tiến',
];
const LEAD_OPENINGS = ['Sáng nay', 'Chiều nay', 'Ngày hôm qua', 'Trong hai ngày', 'Vừa qua', 'Sáng cùng ngày', 'Trong tuần qua'];
const LEAD_ACTORS = [
  'Trung tâm Bồi dưỡng chính trị thị xã', 'Ban Thường vụ Thị ủy', 'UBND thị xã', 'Ban Tuyên giáo Thị ủy', 'Đảng ủy',
  'Ủy ban MTTQ Việt Nam thị xã', 'Thị đoàn Phú Lâm', 'Hội Liên hiệp Phụ nữ thị xã', 'Ban Chỉ huy Quân sự thị xã',
];
const QUOTES = [
  'Học đi đôi với hành, lý luận gắn với thực tiễn.',
  'Mỗi cán bộ, đảng viên phải thật sự là tấm gương sáng để Nhân dân noi theo.',
  'Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng.',
  'Việc gì có lợi cho dân thì phải hết sức làm, việc gì có hại cho dân thì phải hết sức tránh.',
];
const DOC_KINDS = [
  ['cong-van', 'CV', 'Công văn về việc'],
  ['huong-dan', 'HD', 'Hướng dẫn'],
  ['ke-hoach', 'KH', 'Kế hoạch'],
  ['nghi-quyet', 'NQ', 'Nghị quyết về'],
  ['chi-thi', 'CT', 'Chỉ thị về'],
  ['ket-luan', 'KL', 'Kết luận về'],
  ['quyet-dinh', 'QĐ', 'Quyết định về việc'],
  ['bao-cao', 'BC', 'Báo cáo kết quả'],
  ['thong-bao', 'TB', 'Thông báo về'],
  ['khac', 'TL', 'Tài liệu tham khảo về'],
] as const;
const ISSUERS = [
  ['Thị ủy Phú Lâm', 'TU'],
  ['Ban Tuyên giáo Thị ủy Phú Lâm', 'BTGTU'],
  ['UBND thị xã Phú Lâm', 'UBND'],
  ['Trung tâm Bồi dưỡng chính trị thị xã Phú Lâm', 'TTBDCT'],
  ['Ủy ban Kiểm tra Thị ủy Phú Lâm', 'UBKTTU'],
] as const;
const SIGNERS = ['Nguyễn Văn Quảng', 'Phạm Minh Tuấn', 'Lê Thị Thanh Hương', 'Đỗ Quang Vinh', 'Hoàng Thị Mai', 'Trần Đức Hải'];
const EVENTS = [
  'Hội nghị', 'Lễ kỷ niệm', 'Hội thi', 'Ngày hội', 'Lớp tập huấn', 'Chương trình tình nguyện', 'Giải thể thao', 'Đoàn công tác', 'Lễ ra quân', 'Lễ trao học bổng',
];

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A Strapi-like documentId: 24 lowercase alphanumerics, starting with a letter. */
const documentIdMaker = (rand: () => number) => () => {
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = chars[Math.floor(rand() * 26)];
  for (let i = 1; i < 24; i += 1) id += chars[Math.floor(rand() * 36)];
  return id;
};

/** Unique slugs: the first one is the plain slug, then "-2", "-3"… as the slug middleware does. */
const slugAllocator = (taken: Iterable<string> = []) => {
  const used = new Set(taken);
  return (base: string) => {
    const root = (base || 'bai-viet').slice(0, 200).replace(/-+$/, '');
    if (!used.has(root)) {
      used.add(root);
      return root;
    }
    for (let n = 2; ; n += 1) {
      const candidate = `${root}-${n}`;
      if (!used.has(candidate)) {
        used.add(candidate);
        return candidate;
      }
    }
  };
};

const mapLimit = async <T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> => {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
};

interface Uploaded {
  id: number;
  url: string;
}

/** Generates the corpus into the CMS that `strapi` runs. Expects no article/document/gallery rows yet. */
export const generateCorpus = async (strapi: Core.Strapi, options: CorpusOptions = {}): Promise<CorpusResult> => {
  const nArticles = options.articles ?? 10_000;
  const nDocuments = options.documents ?? 2_000;
  const nGallery = options.galleryImages ?? 3_000;
  const nAlbums = options.albums ?? 30;
  const log = options.log ?? ((line: string) => console.log(line));
  const { data, images, pdf, random: randomModule, slug, richHtml } = loadSeedModules();
  const rnd = randomModule.createRandom(options.seed ?? 20_261_101);
  const newDocumentId = documentIdMaker(rnd.next);
  const timings: Record<string, number> = {};
  const started = performance.now();
  let mark = started;
  const phase = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - mark);
    log(`corpus: ${name} ${((now - mark) / 1000).toFixed(1)} s`);
    mark = now;
  };

  // ---- Small collections through the Document Service -------------------------------------------
  const categoryDefs = [...data.CATEGORIES, ...EXTRA_CATEGORIES] as Array<{ key: string; name: string; order: number; description: string; parent?: string }>;
  const categories: Record<string, { id: number; documentId: string }> = {};
  for (const c of categoryDefs) {
    const existing = await strapi.documents('api::category.category').findFirst({ filters: { slug: slug.toSlug(c.name) } });
    const parent = c.parent ? categories[c.parent]?.documentId : undefined;
    const doc =
      existing ??
      (await strapi.documents('api::category.category').create({
        data: { name: c.name, description: c.description, order: c.order, ...(parent ? { parent } : {}) } as any,
      }));
    categories[c.key] = { id: doc.id as number, documentId: doc.documentId };
  }
  const tagNames = [...Object.values(data.TAGS), ...EXTRA_TAGS];
  const tags: Array<{ id: number; name: string }> = [];
  for (const name of tagNames) {
    const existing = await strapi.documents('api::tag.tag').findFirst({ filters: { slug: slug.toSlug(name) } });
    const doc = existing ?? (await strapi.documents('api::tag.tag').create({ data: { name } as any }));
    tags.push({ id: doc.id as number, name });
  }
  // The documents register's lists (document types are made by the CMS's bootstrap).
  const listEntry = async (uid: string, name: string) => {
    const existing = await strapi.db.query(uid as any).findOne({ select: ['id'], where: { name } });
    return (existing ?? (await strapi.documents(uid as any).create({ data: { name } as any }))).id as number;
  };
  const issuerIds: Record<string, number> = {};
  for (const [name] of ISSUERS) issuerIds[name] = await listEntry('api::issuer.issuer', name);
  const signerIds: Record<string, number> = {};
  for (const name of SIGNERS) signerIds[name] = await listEntry('api::signer.signer', name);
  const typeIds: Record<string, number> = {};
  for (const type of await strapi.db.query('api::document-type.document-type' as any).findMany({ select: ['id', 'code'] })) typeIds[type.code] = type.id;
  phase('categories+tags');

  // ---- Media pools through the upload plugin -----------------------------------------------------
  const dir = await mkdtemp(path.join(tmpdir(), 'toasoan-corpus-'));
  let uploads = 0;
  const upload = async (buffer: Buffer, filename: string, mimetype: string, info: { alternativeText?: string; caption?: string } = {}): Promise<Uploaded> => {
    uploads += 1;
    const filepath = path.join(dir, `${uploads}-${filename}`);
    await writeFile(filepath, buffer);
    const [file] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({ data: { fileInfo: { name: filename, ...info } }, files: { filepath, originalFilename: filename, mimetype, size: buffer.length } });
    return { id: file.id, url: file.url };
  };
  const scenes = ['hall', 'class', 'landscape', 'monument', 'village', 'office'] as const;
  const categoryKeys = categoryDefs.map((c) => c.key);
  let coverPool: Array<Uploaded & { category: string; label: string }>;
  let galleryPool: Array<Uploaded & { label: string }>;
  let pdfPool: Uploaded[];
  try {
    const coverSpecs = categoryKeys.flatMap((key, k) =>
      Array.from({ length: 6 }, (_, i) => ({
        key,
        spec: {
          scene: scenes[(k + i) % scenes.length],
          palette: PALETTE_OF[key] ?? 'news',
          seed: 70_000 + k * 100 + i,
          label: `${categoryDefs[k].name} - ảnh ${i + 1}`,
        },
      })),
    );
    coverPool = await mapLimit(coverSpecs, 3, async ({ key, spec }, i) => {
      const jpeg = await images.renderJpeg(spec as any);
      const file = await upload(jpeg, `corpus-anh-bia-${i + 1}.jpg`, 'image/jpeg', { alternativeText: spec.label, caption: spec.label });
      return { ...file, category: key, label: spec.label };
    });
    const gallerySpecs = Array.from({ length: 30 }, (_, i) => ({
      scene: scenes[i % scenes.length],
      palette: 'gallery',
      seed: 80_000 + i,
      label: `${EVENTS[i % EVENTS.length]} ${PLACES[i % PLACES.length]}`,
    }));
    galleryPool = await mapLimit(gallerySpecs, 3, async (spec, i) => {
      const jpeg = await images.renderJpeg(spec as any);
      const file = await upload(jpeg, `corpus-anh-hoat-dong-${i + 1}.jpg`, 'image/jpeg', { alternativeText: spec.label, caption: spec.label });
      return { ...file, label: spec.label };
    });
    pdfPool = await mapLimit(Array.from({ length: 20 }, (_, i) => i), 4, async (i) => {
      const seedDoc = data.DOCUMENTS[i % data.DOCUMENTS.length];
      const buffer = pdf.buildPdf({
        header: seedDoc.issuer,
        number: `${100 + i}-${seedDoc.number.split('-').slice(1).join('-')}`,
        place: `Phu Lam, ngay ${(i % 28) + 1} thang ${(i % 12) + 1} nam ${2017 + (i % 10)}`,
        title: seedDoc.title,
        paragraphs: [seedDoc.summary, 'Van ban co hieu luc ke tu ngay ky.'],
        signer: seedDoc.signer,
      });
      return upload(buffer, `corpus-van-ban-${i + 1}.pdf`, 'application/pdf', { caption: seedDoc.title });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  phase('media pools');

  // ---- Albums (Document Service) and site settings -----------------------------------------------
  const albumNames = new Set<string>();
  const albumSpecs = Array.from({ length: nAlbums }, (_, i) => {
    const seedAlbum = data.ALBUMS[i % data.ALBUMS.length];
    const year = 2026 - Math.floor(i / 4);
    let name = i < data.ALBUMS.length ? seedAlbum.name : `${EVENTS[i % EVENTS.length]} ${PLACES[(i * 7) % PLACES.length]} năm ${year}`;
    if (albumNames.has(name)) name = `${name} (đợt ${i})`;
    albumNames.add(name);
    const date = new Date(Date.UTC(year, (i * 5) % 12, (i % 27) + 1)).toISOString().slice(0, 10);
    return { name, description: `Những hình ảnh về ${name.charAt(0).toLowerCase()}${name.slice(1)}.`, date, cover: galleryPool[i % galleryPool.length].id };
  });
  const albums = await mapLimit(albumSpecs, 1, async (a) => {
    const doc = await strapi.documents('api::album.album').create({ data: a as any });
    return { id: doc.id as number, name: a.name, date: a.date };
  });
  if (!(await strapi.documents('api::site-setting.site-setting').findFirst())) {
    const logo = await upload(await images.renderLogo(), 'logo-trung-tam.png', 'image/png', { alternativeText: `Biểu trưng ${data.UNIT}` }).catch(() => undefined);
    await strapi.documents('api::site-setting.site-setting').create({ data: { ...data.SITE, ...(logo ? { logo: logo.id } : {}) } as any });
  }
  phase('albums+settings');

  // ---- Rows for the big collections, built in memory ---------------------------------------------
  const knex = strapi.db.connection;
  const maxId = async (table: string) => Number((await knex(table).max({ m: 'id' }).first())?.m ?? 0);
  const ids = {
    articles: await maxId('articles'),
    documents: await maxId('documents'),
    gallery: await maxId('gallery_images'),
  };
  const takenSlugs = async (table: string) => (await knex(table).select('slug')).map((r: { slug: string }) => r.slug);
  const articleSlug = slugAllocator(await takenSlugs('articles'));
  const documentSlug = slugAllocator(await takenSlugs('documents'));
  const now = new Date();

  const paragraphsOf = (key: string) => data.ARTICLES.filter((a) => a.category === key || !data.CATEGORIES.some((c) => c.key === key)).flatMap((a) => a.paragraphs);
  const allParagraphs = data.ARTICLES.flatMap((a) => a.paragraphs);
  const paragraphPools: Record<string, string[]> = {};
  for (const key of categoryKeys) {
    const own = paragraphsOf(key);
    paragraphPools[key] = own.length >= 4 ? own : allParagraphs;
  }
  const closingPool = Object.values(data.CLOSING_PARAGRAPHS).flat();
  const coversByCategory: Record<string, typeof coverPool> = {};
  for (const c of coverPool) (coversByCategory[c.category] ??= []).push(c);

  const cumulative: Array<[string, number]> = [];
  let acc = 0;
  for (const key of categoryKeys) {
    acc += CATEGORY_WEIGHTS[key] ?? 0.05;
    cumulative.push([key, acc]);
  }
  const pickCategory = () => {
    const r = rnd.next() * acc;
    return cumulative.find(([, edge]) => r < edge)?.[0] ?? categoryKeys[0];
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd.next() * items.length)];

  const articleRows: Record<string, unknown>[] = [];
  // Readers' counts live in their own table, keyed by kind and documentId (cms/src/engagement/counters.ts).
  const countRows: Record<string, unknown>[] = [];
  const itemCounts = (kind: string, documentId: string, views: number, downloads: number) => ({
    kind,
    item_document_id: documentId,
    views,
    downloads,
    rating_sum: 0,
    rating_count: 0,
    rating_average: 0,
  });
  const articleCategoryLinks: Record<string, unknown>[] = [];
  const articleTagLinks: Record<string, unknown>[] = [];
  const mediaLinks: Record<string, unknown>[] = [];
  const categoryOrd: Record<number, number> = {};
  const tagOrd: Record<number, number> = {};

  for (let i = 0; i < nArticles; i += 1) {
    const key = pickCategory();
    const category = categories[key];
    const place = pick(PLACES);
    const year = new Date(REFERENCE_DATE - i * 8.76 * HOUR).getUTCFullYear();
    const seedArticle = data.ARTICLES[i % data.ARTICLES.length];
    // Most titles are composed, a few reuse a demo title with a place and year, as recurring events do.
    const title =
      i % 5 === 0
        ? `${seedArticle.title.replace(/^\(Bản nháp\)\s*/, '').replace(/\s*năm \d{4}$/, '')} tại ${place} năm ${year}`
        : `${pick(ACTIONS)} ${pick(SUBJECTS)} ${rnd.next() < 0.6 ? `tại ${place}` : `năm ${year}`}`;
    const date = new Date(REFERENCE_DATE - i * 8.76 * HOUR - Math.floor(rnd.next() * 4 * HOUR));
    const author = pick(data.AUTHORS);
    const lead = `${pick(LEAD_OPENINGS)}, ${pick(LEAD_ACTORS)} ${title.charAt(0).toLowerCase()}${title.slice(1)}. ${pick(seedArticle.lead.split('. ')).replace(/\.?$/, '.')}`;
    const pool = paragraphPools[key];
    const count = 3 + Math.floor(rnd.next() * 4);
    const parts: string[] = [];
    for (let p = 0; p < count; p += 1) parts.push(pick(pool));
    const cover = pick(coversByCategory[key] ?? coverPool);
    if (rnd.next() < 0.35) {
      const figure = pick(coverPool);
      parts.splice(1, 0, `<figure><img src="${figure.url}" alt="${escapeHtml(figure.label)}"><figcaption>${escapeHtml(`${figure.label}. (Ảnh: ${author})`)}</figcaption></figure>`);
    }
    if (rnd.next() < 0.2) parts.splice(2, 0, `> *${pick(QUOTES)}*`);
    parts.push(pick(closingPool));
    const documentId = newDocumentId();
    const row = {
      document_id: documentId,
      title: title.slice(0, 300),
      slug: articleSlug(slug.toSlug(title)),
      lead,
      // Stored as the editor stores it (the CMS converts Markdown on every write; a bulk insert must too).
      body: richHtml.toRichHtml(parts.join('\n\n')),
      author,
      source: pick(data.SOURCES),
      date,
      featured: i < 12 || rnd.next() < 0.01,
      comments_enabled: true,
      created_at: date,
      updated_at: date,
      locale: null,
    };
    const draftId = ++ids.articles;
    const publishedId = ++ids.articles;
    articleRows.push({ id: draftId, ...row, published_at: null }, { id: publishedId, ...row, published_at: date });
    countRows.push(itemCounts('article', documentId, 50 + Math.floor(rnd.next() * 8000), 0));
    const ordC = (categoryOrd[category.id] = (categoryOrd[category.id] ?? 0) + 1);
    const articleTags = new Set<number>();
    const tagCount = Math.floor(rnd.next() * 4);
    for (let t = 0; t < tagCount; t += 1) articleTags.add(pick(tags).id);
    for (const id of [draftId, publishedId]) {
      articleCategoryLinks.push({ article_id: id, category_id: category.id, article_ord: ordC });
      mediaLinks.push({ file_id: cover.id, related_id: id, related_type: 'api::article.article', field: 'cover', order: 1 });
      let tagOrder = 0;
      for (const tagId of articleTags) {
        tagOrder += 1;
        const ordT = (tagOrd[tagId] = (tagOrd[tagId] ?? 0) + 1);
        articleTagLinks.push({ article_id: id, tag_id: tagId, tag_ord: tagOrder, article_ord: ordT });
      }
    }
  }

  const documentRows: Record<string, unknown>[] = [];
  // Links to the register's lists, in the join tables Strapi's metadata names.
  const documentLinks: Record<string, Record<string, unknown>[]> = {};
  const inverseOrder: Record<string, number> = {};
  const linkDocument = (attribute: string, documentRowId: number, targetId: number | undefined) => {
    if (targetId === undefined) return;
    const joinTable = (strapi.db.metadata.get('api::document.document').attributes as any)[attribute].joinTable;
    const row: Record<string, unknown> = { [joinTable.joinColumn.name]: documentRowId, [joinTable.inverseJoinColumn.name]: targetId };
    if (joinTable.orderColumnName) row[joinTable.orderColumnName] = 1;
    if (joinTable.inverseOrderColumnName) row[joinTable.inverseOrderColumnName] = inverseOrder[`${attribute}:${targetId}`] = (inverseOrder[`${attribute}:${targetId}`] ?? 0) + 1;
    (documentLinks[joinTable.name] ??= []).push(row);
  };
  const numberCounters: Record<string, number> = {};
  for (let i = 0; i < nDocuments; i += 1) {
    const [kind, code, prefix] = DOC_KINDS[Math.floor(rnd.next() * DOC_KINDS.length)];
    const [issuer, issuerCode] = pick(ISSUERS);
    const issued = new Date(REFERENCE_DATE - i * 43 * HOUR - Math.floor(rnd.next() * 20 * HOUR));
    const year = issued.getUTCFullYear();
    const counterKey = `${issuerCode}${year}`;
    const n = (numberCounters[counterKey] = (numberCounters[counterKey] ?? 0) + 1 + Math.floor(rnd.next() * 3));
    const number = issuerCode === 'UBND' ? `${n}/${code}-UBND` : `${n}-${code}/${issuerCode}`;
    const subject = pick(SUBJECTS);
    const title = `${prefix} ${subject} năm ${year}`;
    const views = 20 + Math.floor(rnd.next() * 3000);
    const documentId = newDocumentId();
    const row = {
      document_id: documentId,
      number,
      title,
      slug: documentSlug(slug.toSlug(`${title} ${number.replace(/\//g, '-')}`)),
      kind,
      issued_at: issued.toISOString().slice(0, 10),
      summary: `${prefix} ${subject} trên địa bàn thị xã; giao các cơ quan, đơn vị tổ chức thực hiện và báo cáo kết quả theo quy định.`,
      created_at: issued,
      updated_at: issued,
      locale: null,
    };
    const signer = pick(SIGNERS);
    const file = pdfPool[i % pdfPool.length];
    const draftId = ++ids.documents;
    const publishedId = ++ids.documents;
    for (const id of [draftId, publishedId]) {
      linkDocument('documentType', id, typeIds[kind]);
      linkDocument('issuer', id, issuerIds[issuer]);
      linkDocument('signer', id, signerIds[signer]);
    }
    documentRows.push({ id: draftId, ...row, published_at: null }, { id: publishedId, ...row, published_at: issued });
    countRows.push(itemCounts('document', documentId, views, Math.floor(rnd.next() * (views / 2))));
    for (const id of [draftId, publishedId]) {
      mediaLinks.push({ file_id: file.id, related_id: id, related_type: 'api::document.document', field: 'file', order: 1 });
    }
  }

  const galleryRows: Record<string, unknown>[] = [];
  const galleryAlbumLinks: Record<string, unknown>[] = [];
  const captionPool = data.ALBUMS.flatMap((a) => a.images);
  for (let i = 0; i < nGallery; i += 1) {
    const albumIndex = i % albums.length;
    const album = albums[albumIndex];
    const position = Math.floor(i / albums.length);
    const seedImage = captionPool[i % captionPool.length];
    const takenAt = new Date(new Date(`${album.date}T01:00:00Z`).getTime() + position * 11 * 60_000);
    const photo = galleryPool[(albumIndex * 7 + position) % galleryPool.length];
    const row = {
      document_id: newDocumentId(),
      title: `${seedImage.title} (${position + 1})`,
      caption: `${seedImage.caption.replace(/\.$/, '')} - ${album.name}.`,
      taken_at: takenAt,
      created_at: takenAt,
      updated_at: takenAt,
      locale: null,
    };
    const draftId = ++ids.gallery;
    const publishedId = ++ids.gallery;
    galleryRows.push({ id: draftId, ...row, published_at: null }, { id: publishedId, ...row, published_at: now });
    for (const id of [draftId, publishedId]) {
      galleryAlbumLinks.push({ gallery_image_id: id, album_id: album.id, gallery_image_ord: position + 1 });
      mediaLinks.push({ file_id: photo.id, related_id: id, related_type: 'api::gallery-image.gallery-image', field: 'image', order: 1 });
    }
  }
  phase('rows built');

  // ---- One transaction of multi-row inserts ------------------------------------------------------
  const batch = async (trx: any, table: string, rows: Record<string, unknown>[]) => {
    if (!rows.length) return;
    // SQLite binds at most 32,766 variables per statement; stay well below.
    const size = Math.max(1, Math.min(500, Math.floor(30_000 / Object.keys(rows[0]).length)));
    for (let i = 0; i < rows.length; i += size) await trx(table).insert(rows.slice(i, i + size));
  };
  await knex.transaction(async (trx: any) => {
    await batch(trx, 'articles', articleRows);
    await batch(trx, 'articles_category_lnk', articleCategoryLinks);
    await batch(trx, 'articles_tags_lnk', articleTagLinks);
    await batch(trx, 'documents', documentRows);
    for (const [table, rows] of Object.entries(documentLinks)) await batch(trx, table, rows);
    await batch(trx, 'gallery_images', galleryRows);
    await batch(trx, 'gallery_images_album_lnk', galleryAlbumLinks);
    await batch(trx, 'files_related_mph', mediaLinks);
    await batch(trx, 'engagement_item_counts', countRows);
  });
  const client = String(strapi.db.dialect?.client ?? knex.client.config.client);
  if (client.startsWith('postg')) {
    for (const table of ['articles', 'documents', 'gallery_images']) {
      await knex.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT MAX(id) FROM ??))`, [table, table]);
    }
  }
  phase('bulk insert');

  const totalMs = Math.round(performance.now() - started);
  log(`corpus: ${nArticles} articles, ${nDocuments} documents, ${nGallery} gallery images, ${albums.length} albums, ${uploads} uploads in ${(totalMs / 1000).toFixed(1)} s`);
  return {
    articles: nArticles,
    documents: nDocuments,
    galleryImages: nGallery,
    albums: albums.length,
    categories: categoryDefs.length,
    tags: tags.length,
    uploads,
    timings,
    totalMs,
  };
};

/** Totals as the public API sees them (published entries only). */
export const countViaRest = async (url: string, token: string) => {
  const total = async (plural: string) => {
    const res = await fetch(`${url}/api/${plural}?pagination[pageSize]=1`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`GET /api/${plural}: HTTP ${res.status} ${await res.text()}`);
    return ((await res.json()) as { meta: { pagination: { total: number } } }).meta.pagination.total;
  };
  return {
    articles: await total('articles'),
    documents: await total('documents'),
    galleryImages: await total('gallery-images'),
    albums: await total('albums'),
    categories: await total('categories'),
    tags: await total('tags'),
  };
};

// ---- Self-test -----------------------------------------------------------------------------------
if (import.meta.main) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const { startCms, strapiModule } = await import('../cms/tests/harness.ts');
  await strapiModule.compileStrapi({ appDir: CMS_DIR });
  const cms = await startCms({ seed: false });
  let ok = false;
  try {
    const wanted = { articles: arg('articles', 10_000), documents: arg('documents', 2_000), galleryImages: arg('gallery', 3_000) };
    const result = await generateCorpus(cms.strapi, wanted);
    console.log('timings (ms):', result.timings);
    const counts = await countViaRest(cms.url, cms.buildToken);
    console.log('REST totals:', counts);
    ok = counts.articles === wanted.articles && counts.documents === wanted.documents && counts.galleryImages === wanted.galleryImages;
    // Spot checks: a published article with its cover, category and tags, as the site reads them.
    const res = await fetch(`${cms.url}/api/articles?pagination[pageSize]=1&sort=date:desc&populate[cover][fields][0]=url&populate[category][fields][0]=slug&populate[tags][fields][0]=slug`, {
      headers: { authorization: `Bearer ${cms.buildToken}` },
    });
    const first = ((await res.json()) as any).data[0];
    console.log('newest article:', JSON.stringify({ title: first.title, slug: first.slug, date: first.date, cover: first.cover?.url, category: first.category?.slug, tags: first.tags?.map((t: any) => t.slug) }));
    ok &&= Boolean(first.cover?.url && first.category?.slug);
    // A document as the register shows it: its type (the stable kind), issuer and signer linked.
    const docRes = await fetch(`${cms.url}/api/documents?pagination[pageSize]=1&sort=issuedAt:desc&populate[0]=documentType&populate[1]=issuer&populate[2]=signer`, {
      headers: { authorization: `Bearer ${cms.buildToken}` },
    });
    const doc = ((await docRes.json()) as any).data[0];
    console.log('newest document:', JSON.stringify({ number: doc.number, kind: doc.kind, type: doc.documentType?.name, issuer: doc.issuer?.name, signer: doc.signer?.name }));
    ok &&= Boolean(doc.kind && doc.documentType?.code === doc.kind && doc.issuer?.name && doc.signer?.name);
    console.log(ok ? 'corpus OK' : 'corpus MISMATCH');
  } finally {
    await cms.destroy();
  }
  process.exit(ok ? 0 : 1);
}
