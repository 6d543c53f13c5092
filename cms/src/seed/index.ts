// Demo newsroom content for a fresh database: categories, tags, 35 articles (2 of them drafts)
// with generated photos, 15 documents with generated PDFs, 3 photo albums and the site settings.
// Everything is derived from fixed data and a seeded PRNG, so every run produces the same
// titles, slugs, dates and counters.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { toSlug } from '../utils/slug';
import {
  ALBUMS,
  ARTICLES,
  AUTHORS,
  CATEGORIES,
  CATEGORY_PALETTE,
  CLOSING_PARAGRAPHS,
  DOCUMENTS,
  SITE,
  SOURCES,
  TAGS,
  TOWN,
  UNIT,
} from './data';
import { renderJpeg, renderLogo, type ImageSpec } from './images';
import { buildPdf } from './pdf';
import { createRandom } from './random';
import type { Counters } from '../engagement/counters';
import { ISSUER_UID, SIGNER_UID, ensureNamed } from '../register/lists';

/** Article i is dated REFERENCE_DATE minus about i × 23 days, at a morning/afternoon hour in Vietnam. */
export const REFERENCE_DATE = Date.UTC(2026, 10, 1);
// Demo counts go where readers' counts go, never onto the editable rows.
const counters = (strapi: Core.Strapi) => strapi.service('api::engagement.counters') as unknown as Counters;

const VIETNAM_OFFSET_HOURS = 7;
const PUBLISH_TIMES: Array<[number, number]> = [
  [5, 38], [7, 15], [8, 42], [9, 5], [10, 30], [14, 12], [15, 47], [16, 20], [20, 5],
];

export const articleDate = (index: number): string => {
  const days = index * 23 + (index % 3);
  const [hour, minute] = PUBLISH_TIMES[index % PUBLISH_TIMES.length];
  const ms = REFERENCE_DATE - days * 86_400_000 + ((hour - VIETNAM_OFFSET_HOURS) * 60 + minute) * 60_000;
  return new Date(ms).toISOString();
};

interface UploadedFile {
  id: number;
  url: string;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const fileBase = (text: string, max = 60) => toSlug(text).slice(0, max).replace(/-+$/, '');

const createUploader = (strapi: Core.Strapi, dir: string) => {
  let counter = 0;
  return async (
    buffer: Buffer,
    filename: string,
    mimetype: string,
    info: { alternativeText?: string; caption?: string } = {}
  ): Promise<UploadedFile> => {
    counter += 1;
    const filepath = path.join(dir, `${String(counter).padStart(3, '0')}-${filename}`);
    await writeFile(filepath, buffer);
    const [file] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name: filename, ...info } },
        files: { filepath, originalFilename: filename, mimetype, size: buffer.length },
      });
    return { id: file.id, url: file.url };
  };
};

type Upload = ReturnType<typeof createUploader>;

/** Renders the pictures a few at a time (sharp works off the main thread) but keeps their order. */
const renderAll = async (specs: ImageSpec[]): Promise<Buffer[]> => {
  const out: Buffer[] = [];
  for (let i = 0; i < specs.length; i += 4) {
    out.push(...(await Promise.all(specs.slice(i, i + 4).map(renderJpeg))));
  }
  return out;
};

const ensureCategories = async (strapi: Core.Strapi) => {
  const ids: Record<string, string> = {};
  for (const category of CATEGORIES) {
    const slug = toSlug(category.name);
    const existing = await strapi.documents('api::category.category').findFirst({ filters: { slug } });
    const parent = category.parent ? ids[category.parent] : undefined;
    const doc =
      existing ??
      (await strapi.documents('api::category.category').create({
        data: { name: category.name, description: category.description, order: category.order, ...(parent ? { parent } : {}) } as any,
      }));
    ids[category.key] = doc.documentId;
  }
  return ids;
};

const ensureTags = async (strapi: Core.Strapi) => {
  const ids: Record<string, string> = {};
  for (const [key, name] of Object.entries(TAGS)) {
    const existing = await strapi.documents('api::tag.tag').findFirst({ filters: { slug: toSlug(name) } });
    const doc = existing ?? (await strapi.documents('api::tag.tag').create({ data: { name } as any }));
    ids[key] = doc.documentId;
  }
  return ids;
};

const seedSiteSettings = async (strapi: Core.Strapi, upload: Upload) => {
  const existing = await strapi.documents('api::site-setting.site-setting').findFirst();
  if (existing) return;
  const logo = await upload(await renderLogo(), 'logo-trung-tam.png', 'image/png', {
    alternativeText: `Biểu trưng ${UNIT}`,
  });
  await strapi.documents('api::site-setting.site-setting').create({ data: { ...SITE, logo: logo.id } as any });
};

const seedDocuments = async (strapi: Core.Strapi, upload: Upload, random: ReturnType<typeof createRandom>) => {
  if ((await strapi.db.query('api::document.document').count()) > 0) return;
  for (const doc of DOCUMENTS) {
    const [, month, day] = doc.issuedAt.split('-');
    const pdf = buildPdf({
      header: doc.issuer,
      number: doc.number,
      place: `Phu Lam, ngay ${day} thang ${month} nam ${doc.issuedAt.slice(0, 4)}`,
      title: doc.title,
      paragraphs: [
        doc.summary,
        `Cac co quan, don vi, chi bo truc thuoc ${TOWN} can cu noi dung van ban nay to chuc thuc hien nghiem tuc, bao cao ket qua ve co quan ban hanh theo quy dinh.`,
        'Van ban co hieu luc ke tu ngay ky.',
      ],
      signer: doc.signer,
    });
    const file = await upload(pdf, `${fileBase(doc.number.replace(/\//g, '-'), 40)}.pdf`, 'application/pdf', {
      caption: doc.title,
    });
    const views = random.int(80, 2400);
    const issuer = await ensureNamed(strapi, ISSUER_UID, doc.issuer);
    const signer = await ensureNamed(strapi, SIGNER_UID, doc.signer);
    const created = await strapi.documents('api::document.document').create({
      // "Có hiệu lực kể từ ngày ký", as the generated PDF says.
      data: { ...doc, issuer: issuer?.documentId, signer: signer?.documentId, effectiveDate: doc.issuedAt, file: file.id } as any,
      status: 'published',
    });
    await counters(strapi).set('document', created.documentId, { views, downloads: random.int(10, Math.floor(views / 2)) });
  }
};

const seedGallery = async (strapi: Core.Strapi, upload: Upload) => {
  const albumCount = await strapi.db.query('api::album.album').count();
  const imageCount = await strapi.db.query('api::gallery-image.gallery-image').count();
  if (albumCount > 0 || imageCount > 0) return;
  for (const [a, album] of ALBUMS.entries()) {
    const specs: ImageSpec[] = [
      { scene: album.scene, palette: 'gallery', seed: 5000 + a * 100, label: album.name },
      ...album.images.map((image, i) => ({ scene: image.scene, palette: 'gallery' as const, seed: 5001 + a * 100 + i, label: image.title })),
    ];
    const [coverJpeg, ...imageJpegs] = await renderAll(specs);
    const cover = await upload(coverJpeg, `album-${fileBase(album.name)}.jpg`, 'image/jpeg', {
      alternativeText: album.name,
      caption: album.description,
    });
    const created = await strapi.documents('api::album.album').create({
      data: { name: album.name, description: album.description, date: album.date, cover: cover.id } as any,
    });
    for (const [i, image] of album.images.entries()) {
      const file = await upload(imageJpegs[i], `${fileBase(image.title)}.jpg`, 'image/jpeg', {
        alternativeText: image.title,
        caption: image.caption,
      });
      // Photos of one event an hour or so apart, from 08:00 Vietnam time on the album's date.
      const takenAt = new Date(`${album.date}T08:00:00+07:00`).getTime() + i * 47 * 60_000;
      await strapi.documents('api::gallery-image.gallery-image').create({
        data: {
          title: image.title,
          caption: image.caption,
          image: file.id,
          album: created.documentId,
          takenAt: new Date(takenAt).toISOString(),
        } as any,
        status: 'published',
      });
    }
  }
};

const articleBody = (index: number, inline: UploadedFile, author: string): string => {
  const article = ARTICLES[index];
  const caption = `${article.figure}. (Ảnh: ${author})`;
  const parts = [
    article.paragraphs[0],
    `<figure><img src="${inline.url}" alt="${escapeHtml(article.figure)}"><figcaption>${escapeHtml(caption)}</figcaption></figure>`,
  ];
  if (article.quote) parts.push(`> *${article.quote}*`);
  parts.push(...article.paragraphs.slice(1));
  const closing = CLOSING_PARAGRAPHS[article.category];
  if (!article.draft && index % 2 === 0 && closing?.length) parts.push(closing[index % closing.length]);
  return parts.join('\n\n');
};

const seedArticles = async (
  strapi: Core.Strapi,
  upload: Upload,
  random: ReturnType<typeof createRandom>,
  categories: Record<string, string>,
  tags: Record<string, string>
) => {
  const specs = ARTICLES.flatMap((article, i): ImageSpec[] => [
    { scene: article.scene, palette: CATEGORY_PALETTE[article.category], seed: 1000 + i, label: article.title },
    { scene: article.scene, palette: CATEGORY_PALETTE[article.category], seed: 3000 + i, label: article.figure, width: 960, height: 640 },
  ]);
  const images = await renderAll(specs);
  for (const [i, article] of ARTICLES.entries()) {
    const author = AUTHORS[i % AUTHORS.length];
    const base = fileBase(article.title.replace(/^\(Bản nháp\)\s*/, ''));
    const cover = await upload(images[i * 2], `${base}.jpg`, 'image/jpeg', {
      alternativeText: `Ảnh minh họa: ${article.title}`,
      caption: `${article.title}. (Ảnh: ${author})`,
    });
    const inline = await upload(images[i * 2 + 1], `${base}-2.jpg`, 'image/jpeg', {
      alternativeText: article.figure,
      caption: article.figure,
    });
    const created = await strapi.documents('api::article.article').create({
      data: {
        title: article.title,
        lead: article.lead,
        body: articleBody(i, inline, author),
        cover: cover.id,
        category: categories[article.category],
        tags: article.tags.map((key) => tags[key]),
        author,
        source: SOURCES[i % SOURCES.length],
        date: articleDate(i),
        featured: Boolean(article.featured),
      } as any,
      status: article.draft ? 'draft' : 'published',
    });
    if (!article.draft) await counters(strapi).set('article', created.documentId, { views: random.int(150, 6000) });
  }
};

/** Fills an empty database with the demo newsroom; does nothing when any article exists. */
export const seedDemoContent = async (strapi: Core.Strapi): Promise<{ created: boolean }> => {
  const articles = await strapi.db.query('api::article.article').count();
  if (articles > 0) return { created: false };

  const started = Date.now();
  const dir = await mkdtemp(path.join(tmpdir(), 'toasoan-seed-'));
  try {
    const upload = createUploader(strapi, dir);
    const categories = await ensureCategories(strapi);
    const tags = await ensureTags(strapi);
    await seedSiteSettings(strapi, upload);
    await seedDocuments(strapi, upload, createRandom(20261101));
    await seedGallery(strapi, upload);
    // Articles last: they are what marks the database as seeded, so a run that failed half-way
    // is completed by the next one instead of being skipped.
    await seedArticles(strapi, upload, createRandom(20241101), categories, tags);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  strapi.log.info(`Demo content created in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { created: true };
};
