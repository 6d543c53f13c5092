/**
 * Imports a NukeViet 4.x portal (its MySQL/MariaDB database, read only, and its uploads folder)
 * into this CMS through the Document Service, so slugs, dates, text normalisation and every other
 * server rule apply as for an editor's entry. Idempotent: an old row already imported (see map.ts)
 * is skipped, so a second run changes nothing and a run after new posts adds only those.
 */
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { SingleBar, Presets } from 'cli-progress';
import { cleanBody, bodyUrls } from './body';
import { documentFields, type DocumentLists } from './documents';
import { createImportMap, type ImportMap, type Trx } from './map';
import { createMediaCopier, uploadPathOf, type MediaCopier, type MediaFile } from './media';
import { openSource, type Module, type Row, type Source } from './source';
import { cleanText, plainText, repairDoubleEncoding, truncate, type Repair } from './text';
import { vnDay } from '../../engagement/visitor';

export interface ImportOptions {
  db: string;
  prefix?: string;
  lang?: string;
  uploads: string;
  oldUrl?: string;
  dryRun?: boolean;
  /** Where progress bars go; none when omitted or not a terminal. */
  progress?: NodeJS.WriteStream;
  /** Called as each item of a type is reached (a caller without a terminal can show progress too). */
  onProgress?: (type: string, done: number, total: number) => void;
  /** Stops the run between two items (Ctrl-C in the CLI); what was written stays, a new run continues. */
  signal?: AbortSignal;
  now?: number;
}

export interface TypeCounts {
  imported: number;
  existing: number;
  skipped: number;
  seconds: number;
}

export interface ImportReport {
  dryRun: boolean;
  /** The run was stopped (signal) before the end. */
  stopped: boolean;
  counts: Record<string, TypeCounts>;
  skipped: { type: string; key: string; reason: string }[];
  warnings: { type: string; key: string; reason: string }[];
  repaired: ({ type: string; key: string } & Repair)[];
  notes: string[];
  files: number;
  redirects: number;
}

const ARTICLE = 'api::article.article';
const CATEGORY = 'api::category.category';
const TAG = 'api::tag.tag';
const DOCUMENT = 'api::document.document';
const COMMENT = 'api::comment.comment';
const REDIRECT = 'api::redirect.redirect';
const ALBUM = 'api::album.album';
const PHOTO = 'api::gallery-image.gallery-image';

/** New site paths (web/src/pages, trailingSlash: 'always'). */
const NEW_PATH = {
  article: (slug: string) => `/tin-tuc/${slug}/`,
  category: (slug: string) => `/chuyen-muc/${slug}/`,
  tag: (slug: string) => `/tu-khoa/${slug}/`,
  document: (slug: string) => `/van-ban/${slug}/`,
};

/** An old path with and without the language segment (/vi/…) and with and without the ".html" suffix. */
const oldPaths = (lang: string, base: string, { html = true, slash = false } = {}) => {
  const forms = [base];
  if (html) forms.push(`${base}.html`);
  if (slash) forms.push(`${base}/`);
  return forms.flatMap((form) => [form, `/${lang}${form}`]);
};

export type ArticleState = 'published' | 'scheduled' | 'expired' | 'draft' | 'suspended' | 'workflow';

/**
 * NukeViet's status: 0 suspended, 1 published, 2 scheduled, 3 expired, 4 draft, 5–10 workflow
 * steps; above 20 "locked by its category", the real status being the value minus 21. Readers
 * see a row when it is published, its time has come and it has not expired. Only those are
 * published here; the rest are drafts (a scheduled one keeps its date for the editor).
 */
export const articleState = (row: Row, now: number): ArticleState => {
  const raw = Number(row.status);
  const status = raw > 20 ? raw - 21 : raw;
  const publishAt = Number(row.publtime) * 1000;
  const expiresAt = Number(row.exptime) * 1000;
  if (status === 0) return 'suspended';
  if (status === 2 || (status === 1 && publishAt > now)) return 'scheduled';
  if (status === 3 || (status === 1 && expiresAt > 0 && expiresAt <= now)) return 'expired';
  if (status === 1) return 'published';
  if (status === 4) return 'draft';
  return 'workflow';
};

class StoppedError extends Error {}

const counts = (): TypeCounts => ({ imported: 0, existing: 0, skipped: 0, seconds: 0 });

export const importNukeViet = async (strapi: Core.Strapi, options: ImportOptions): Promise<ImportReport> => {
  const prefix = options.prefix ?? 'nv4';
  const lang = options.lang ?? 'vi';
  const dryRun = Boolean(options.dryRun);
  const now = options.now ?? Date.now();
  const oldOrigin = options.oldUrl?.replace(/\/+$/, '');
  const uploadsDir = path.resolve(options.uploads);
  const report: ImportReport = { dryRun, stopped: false, counts: {}, skipped: [], warnings: [], repaired: [], notes: [], files: 0, redirects: 0 };
  const source = await openSource(options.db, { prefix, lang });
  const map = await createImportMap(strapi, { dryRun });
  const media = await createMediaCopier(strapi, { uploadsDir, map, dryRun });
  const itemsTable = strapi.db.metadata.get('api::engagement.item-count').tableName;
  const countersTable = strapi.db.metadata.get('api::engagement.engagement-counter').tableName;

  const skip = (type: string, key: string | number, reason: string) => {
    report.skipped.push({ type, key: String(key), reason });
    report.counts[type]!.skipped += 1;
  };
  const warn = (type: string, key: string | number, reason: string) => report.warnings.push({ type, key: String(key), reason });
  const repairsFor = (type: string, key: string | number, repairs: Repair[]) =>
    report.repaired.push(...repairs.map((repair) => ({ type, key: String(key), ...repair })));

  /**
   * Runs one item's writes in a transaction with its map entry: a run stopped half-way never leaves
   * an item without its entry. An item the CMS refuses (a validation error) is skipped with the
   * CMS's reason and the run goes on; null then. A dry run writes nothing: `{}`.
   */
  const write = async <T>(type: string, key: string, task: (trx: Trx) => Promise<T>): Promise<{ value?: T } | null> => {
    if (dryRun) return {};
    let used: Trx | undefined;
    try {
      const value = await strapi.db.transaction(async ({ trx }) => {
        used = trx as unknown as Trx;
        return task(used);
      });
      if (used) map.settle(used, true);
      return { value };
    } catch (error) {
      if (used) map.settle(used, false);
      skip(type, key, `refused by the CMS: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };

  // Runs inside the item's transaction (the query engine joins it), so an item and its old
  // addresses are written together. One multi-row insert: a redirect has no derived field for
  // the Document Service to fill, and four to eight of them per article made it the slowest step.
  const redirect = async (from: string[], to: string) => {
    const existing = new Set(
      (await strapi.db.query(REDIRECT).findMany({ where: { from: { $in: from } }, select: ['from'] })).map((row: { from: string }) => row.from)
    );
    const missing = [...new Set(from)].filter((path) => !existing.has(path) && path !== to);
    if (!missing.length) return;
    const publishedAt = new Date();
    await strapi.db.query(REDIRECT).createMany({ data: missing.map((path) => ({ from: path, to, publishedAt })) });
    report.redirects += missing.length;
  };

  /** One phase with its progress bar (count, rate, ETA) on a terminal. */
  const phase = async (type: string, total: number, run: (tick: () => void) => Promise<void>) => {
    report.counts[type] = counts();
    const bar =
      options.progress?.isTTY && total > 0
        ? new SingleBar({ format: `${type.padEnd(10)} [{bar}] {value}/{total} {percentage}% | ETA {eta_formatted} | {duration_formatted}`, stream: options.progress }, Presets.shades_classic)
        : undefined;
    bar?.start(total, 0);
    const started = Date.now();
    let done = 0;
    try {
      // Each item starts with a tick, after the previous one was written: the one safe place to stop.
      await run(() => {
        done += 1;
        bar?.increment();
        options.onProgress?.(type, done, total);
        if (options.signal?.aborted) throw new StoppedError();
      });
    } finally {
      bar?.stop();
      report.counts[type]!.seconds = (Date.now() - started) / 1000;
    }
  };

  const fileUrl = async (type: string, key: string | number, url: string, info: { alternativeText?: string; caption?: string } = {}): Promise<MediaFile | null | undefined> => {
    const relative = uploadPathOf(url, oldOrigin);
    if (!relative) return undefined;
    const file = await media.copy(relative, info);
    if (file === 'missing') {
      warn(type, key, `missing file: uploads/${relative}`);
      return null;
    }
    if ('refused' in file) {
      warn(type, key, `file refused by the media library: uploads/${relative} (${file.refused})`);
      return null;
    }
    return file;
  };

  try {
    const modules = await source.modules();
    const newsModules = modules.filter((module) => module.file === 'news');
    const lawsModules = modules.filter((module) => module.file === 'laws');
    // Photo albums come from third-party modules; "albums" (nukeviet/module-albums: _album + _picture) is read.
    const albumModules = modules.filter((module) => module.file === 'albums');
    const otherPhotoModules = modules.filter((module) => module.file !== 'albums' && /album|photo|gallery|image/i.test(module.file));
    if (!modules.length) report.notes.push(`no ${source.table('modules')} table: is the prefix (--prefix) or language (--lang) right?`);

    // Categories: parents before children, per news instance.
    const categories = new Map<string, { documentId: string; alias: string }>();
    const catRows = new Map<Module, Row[]>();
    let catTotal = 0;
    for (const module of newsModules) {
      const rows = source.has(source.table(`${module.data}_cat`))
        ? await source.select(`SELECT catid, parentid, title, alias, description, weight FROM ${source.id(source.table(`${module.data}_cat`))} ORDER BY parentid, weight, catid`)
        : [];
      catRows.set(module, rows);
      catTotal += rows.length;
    }
    await phase('category', catTotal, async (tick) => {
      for (const module of newsModules) {
        const rows = catRows.get(module)!;
        const pending = [...rows];
        // Parents first: a row waits until its parent has a new id (or is known to be missing).
        for (let guard = 0; pending.length && guard <= rows.length; guard += 1) {
          for (let i = 0; i < pending.length; ) {
            const row = pending[i]!;
            const parentKey = `${module.name}:${row.parentid}`;
            const parentReady = Number(row.parentid) === 0 || categories.has(parentKey) || !rows.some((r) => r.catid === row.parentid);
            if (!parentReady) {
              i += 1;
              continue;
            }
            pending.splice(i, 1);
            const key = `${module.name}:${row.catid}`;
            const known = map.get('category', key);
            if (known?.documentId) {
              categories.set(key, { documentId: known.documentId, alias: row.alias });
              report.counts.category!.existing += 1;
              tick();
              continue;
            }
            const repairs: Repair[] = [];
            const name = truncate(cleanText(row.title, 'title', repairs), 200);
            repairsFor('category', key, repairs);
            if (!name) {
              skip('category', key, 'empty title');
              tick();
              continue;
            }
            const parent = categories.get(parentKey)?.documentId;
            const created = await write('category', key, async (trx) => {
              const doc = await strapi.documents(CATEGORY).create({
                data: { name, slug: row.alias || undefined, description: plainText(row.description, 'description') || undefined, order: Number(row.weight) || 0, ...(parent ? { parent } : {}) } as any,
              });
              await map.set('category', key, { documentId: doc.documentId, value: null }, trx);
              const base = `/${module.name}/${row.alias}`;
              await redirect(oldPaths(lang, base, { html: false, slash: true }), NEW_PATH.category(doc.slug as string));
              return doc;
            });
            if (!created) {
              tick();
              continue;
            }
            categories.set(key, { documentId: created.value?.documentId ?? `dry-run:${key}`, alias: row.alias });
            report.counts.category!.imported += 1;
            tick();
          }
        }
        for (const row of pending) skip('category', `${module.name}:${row.catid}`, 'its parent category is part of a cycle');
      }
    });

    // Tags: one tag per alias across instances (the same keyword on two news instances is one tag).
    const tags = new Map<string, string>();
    const tagRows: { module: Module; row: Row }[] = [];
    for (const module of newsModules) {
      const table = source.table(`${module.data}_tags`);
      if (!source.has(table)) continue;
      const keywordTable = source.table(`${module.data}_tags_id`);
      const rows = await source.select(
        `SELECT t.tid, t.alias, t.keywords, (SELECT k.keyword FROM ${source.id(keywordTable)} k WHERE k.tid = t.tid LIMIT 1) AS keyword FROM ${source.id(table)} t ORDER BY t.tid`
      );
      for (const row of rows) tagRows.push({ module, row });
    }
    await phase('tag', tagRows.length, async (tick) => {
      for (const { module, row } of tagRows) {
        const key = `${module.name}:${row.tid}`;
        tick();
        const known = map.get('tag', key) ?? map.get('tag-alias', row.alias);
        if (known?.documentId) {
          tags.set(key, known.documentId);
          if (!map.get('tag', key)) await map.set('tag', key, known);
          report.counts.tag!.existing += 1;
          continue;
        }
        const repairs: Repair[] = [];
        const name = truncate(cleanText(row.keyword || String(row.alias).replace(/-/g, ' '), 'name', repairs), 100);
        repairsFor('tag', key, repairs);
        if (!name) {
          skip('tag', key, 'empty keyword');
          continue;
        }
        const created = await write('tag', key, async (trx) => {
          const doc = await strapi.documents(TAG).create({ data: { name, slug: row.alias || undefined } as any });
          await map.set('tag', key, { documentId: doc.documentId, value: null }, trx);
          await map.set('tag-alias', row.alias, { documentId: doc.documentId, value: null }, trx);
          return doc;
        });
        if (!created) continue;
        tags.set(key, created.value?.documentId ?? `dry-run:${key}`);
        if (dryRun) await map.set('tag-alias', row.alias, { documentId: `dry-run:${key}`, value: null });
        report.counts.tag!.imported += 1;
      }
    });
    // A tag's old address on every instance that had it.
    if (!dryRun) {
      for (const { module, row } of tagRows) {
        const documentId = tags.get(`${module.name}:${row.tid}`);
        const tag = documentId ? await strapi.db.query(TAG).findOne({ where: { documentId }, select: ['slug'] }) : null;
        if (tag?.slug) await redirect(oldPaths(lang, `/${module.name}/tag/${row.alias}`), NEW_PATH.tag(tag.slug));
      }
    }

    // Articles (from _rows only: the per-category copies nv4_vi_news_<catid> duplicate them).
    let articleTotal = 0;
    for (const module of newsModules) {
      if (source.has(source.table(`${module.data}_rows`))) articleTotal += await source.count(source.table(`${module.data}_rows`));
    }
    const articleRowsOf = new Map<string, string>();
    await phase('article', articleTotal, async (tick) => {
      for (const module of newsModules) {
        const rowsTable = source.table(`${module.data}_rows`);
        if (!source.has(rowsTable)) continue;
        const detailTable = source.table(`${module.data}_detail`);
        const sourcesTable = source.table(`${module.data}_sources`);
        const authorTable = source.table(`${module.data}_authorlist`);
        const tagsIdTable = source.table(`${module.data}_tags_id`);
        const sources = new Map<number, string>(
          source.has(sourcesTable) ? (await source.select(`SELECT sourceid, title FROM ${source.id(sourcesTable)}`)).map((row) => [Number(row.sourceid), cleanText(row.title, 'source')]) : []
        );
        const catAlias = new Map((catRows.get(module) ?? []).map((row) => [Number(row.catid), String(row.alias)]));
        for await (const batch of source.batches(`SELECT * FROM ${source.id(rowsTable)}`, 'id')) {
          const todo = batch.filter((row) => {
            const known = map.get('article', `${module.name}:${row.id}`);
            if (known?.documentId) articleRowsOf.set(`${module.name}:${row.id}`, known.documentId);
            return !known?.documentId;
          });
          report.counts.article!.existing += batch.length - todo.length;
          for (let i = 0; i < batch.length - todo.length; i += 1) tick();
          if (!todo.length) continue;
          const todoIds = todo.map((row) => Number(row.id));
          // Bodies: _detail since 4.0.29, before that _bodyhtml_<ceil(id / 2000)>.
          const bodies = new Map<number, Row>();
          if (source.has(detailTable)) {
            for (const row of await source.select(`SELECT * FROM ${source.id(detailTable)} WHERE id IN (?)`, [todoIds])) bodies.set(Number(row.id), row);
          }
          const shards = new Map<number, number[]>();
          for (const id of todoIds.filter((id) => !bodies.has(id))) shards.set(Math.ceil(id / 2000), [...(shards.get(Math.ceil(id / 2000)) ?? []), id]);
          for (const [shard, shardIds] of shards) {
            const table = source.table(`${module.data}_bodyhtml_${shard}`);
            if (!source.has(table)) continue;
            for (const row of await source.select(`SELECT * FROM ${source.id(table)} WHERE id IN (?)`, [shardIds])) bodies.set(Number(row.id), row);
          }
          const tagsOf = new Map<number, number[]>();
          if (source.has(tagsIdTable)) {
            for (const row of await source.select(`SELECT id, tid FROM ${source.id(tagsIdTable)} WHERE id IN (?)`, [todoIds])) {
              tagsOf.set(Number(row.id), [...(tagsOf.get(Number(row.id)) ?? []), Number(row.tid)]);
            }
          }
          const authorsOf = new Map<number, string[]>();
          if (source.has(authorTable)) {
            for (const row of await source.select(`SELECT id, pseudonym FROM ${source.id(authorTable)} WHERE id IN (?)`, [todoIds])) {
              authorsOf.set(Number(row.id), [...(authorsOf.get(Number(row.id)) ?? []), cleanText(row.pseudonym, 'author')]);
            }
          }
          for (const row of todo) {
            tick();
            const key = `${module.name}:${row.id}`;
            const category = categories.get(`${module.name}:${row.catid}`);
            if (!category) {
              skip('article', key, `unknown category (catid ${row.catid})`);
              continue;
            }
            const repairs: Repair[] = [];
            const title = truncate(cleanText(row.title, 'title', repairs), 300);
            if (!title) {
              skip('article', key, 'empty title');
              continue;
            }
            const detail = bodies.get(Number(row.id));
            if (!detail) warn('article', key, 'no body (neither _detail nor _bodyhtml_N has the row)');
            const rawBody = detail ? String(detail.bodyhtml ?? '') : '';
            let bodySource = rawBody;
            const repairedBody = repairDoubleEncoding(rawBody);
            if (repairedBody !== rawBody) {
              repairs.push({ field: 'body', before: rawBody.slice(0, 80), after: repairedBody.slice(0, 80) });
              bodySource = repairedBody;
            }
            const rewrites = new Map<string, string | null>();
            for (const url of bodyUrls(bodySource)) {
              if (rewrites.has(url)) continue;
              const file = await fileUrl('article', key, url);
              if (file !== undefined) rewrites.set(url, file?.url ?? null);
            }
            const body = cleanBody(bodySource, (url) => (rewrites.has(url) ? rewrites.get(url)! : url));
            // Cover: 1 thumbnail + original, 2 original only (both under uploads/<module_upload>/), 3 a full URL.
            let cover: MediaFile | null | undefined;
            const homeimg = String(row.homeimgfile ?? '').trim();
            const thumb = Number(row.homeimgthumb);
            const alt = cleanText(row.homeimgalt, 'homeimgalt', repairs) || title;
            if (homeimg && (thumb === 1 || thumb === 2)) cover = await fileUrl('article', key, `/uploads/${module.upload}/${homeimg}`, { alternativeText: alt });
            else if (homeimg && thumb === 3) {
              cover = await fileUrl('article', key, homeimg, { alternativeText: alt });
              if (cover === undefined) warn('article', key, `cover on another site not copied: ${homeimg}`);
            }
            const lead = truncate(plainText(row.hometext, 'hometext', repairs), 2000);
            repairsFor('article', key, repairs);
            const state = articleState(row, now);
            if (state === 'scheduled') warn('article', key, `scheduled for ${new Date(Number(row.publtime) * 1000).toISOString()}: imported as a draft with that date`);
            const author = String(row.author ?? '').trim() ? cleanText(row.author, 'author') : (authorsOf.get(Number(row.id)) ?? []).join(', ');
            const sourceName = sources.get(Number(row.sourceid)) || cleanText(detail?.sourcetext, 'sourcetext');
            const data = {
              title,
              slug: row.alias || undefined,
              lead: lead || undefined,
              body,
              cover: cover ? cover.id : undefined,
              category: category.documentId,
              tags: [...new Set((tagsOf.get(Number(row.id)) ?? []).map((tid) => tags.get(`${module.name}:${tid}`)).filter(Boolean))],
              author: truncate(author, 200) || undefined,
              source: truncate(sourceName, 300) || undefined,
              date: new Date(Number(row.publtime || row.addtime) * 1000).toISOString(),
              commentsEnabled: !['', '0'].includes(String(row.allowed_comm ?? '').trim()),
            };
            const created = await write('article', key, async (trx) => {
              const doc = await strapi.documents(ARTICLE).create({ data: data as any, status: state === 'published' ? 'published' : 'draft' });
              await map.set('article', key, { documentId: doc.documentId, value: state }, trx);
              const ratingCount = Number(row.click_rating) || 0;
              const ratingSum = Number(row.total_rating) || 0;
              await trx(itemsTable)
                .insert({ kind: 'article', item_document_id: doc.documentId, views: Number(row.hitstotal) || 0, downloads: 0, rating_sum: ratingSum, rating_count: ratingCount, rating_average: ratingCount ? ratingSum / ratingCount : 0 })
                .onConflict(['kind', 'item_document_id'])
                .merge();
              // Only what readers could see gets its old address: a redirect would reveal a draft's slug.
              if (state === 'published') {
                const alias = catAlias.get(Number(row.catid)) ?? category.alias;
                await redirect(oldPaths(lang, `/${module.name}/${alias}/${row.alias}-${row.id}`), NEW_PATH.article(doc.slug as string));
              }
              return doc;
            });
            if (!created) continue;
            articleRowsOf.set(key, created.value?.documentId ?? `dry-run:${key}`);
            report.counts.article!.imported += 1;
          }
        }
      }
    });

    // Documents (laws module).
    let documentTotal = 0;
    for (const module of lawsModules) {
      if (source.has(source.table(`${module.data}_row`))) documentTotal += await source.count(source.table(`${module.data}_row`));
    }
    await phase('document', documentTotal, async (tick) => {
      for (const module of lawsModules) {
        const rowTable = source.table(`${module.data}_row`);
        if (!source.has(rowTable)) continue;
        const list = async (suffix: string) => {
          const table = source.table(`${module.data}_${suffix}`);
          if (!source.has(table)) return new Map<number, string>();
          return new Map((await source.select(`SELECT id, title FROM ${source.id(table)}`)).map((row) => [Number(row.id), cleanText(row.title, suffix)]));
        };
        const fieldsOf = new Map<number, number[]>();
        const areaTable = source.table(`${module.data}_row_area`);
        if (source.has(areaTable)) {
          for (const row of await source.select(`SELECT row_id, area_id FROM ${source.id(areaTable)}`)) {
            fieldsOf.set(Number(row.row_id), [...(fieldsOf.get(Number(row.row_id)) ?? []), Number(row.area_id)]);
          }
        }
        const lists: DocumentLists = { types: await list('cat'), issuers: await list('subject'), signers: await list('signer'), fields: await list('area'), fieldsOf };
        for await (const batch of source.batches(`SELECT * FROM ${source.id(rowTable)}`, 'id')) {
          for (const row of batch) {
            tick();
            const key = `${module.name}:${row.id}`;
            if (map.get('document', key)?.documentId) {
              report.counts.document!.existing += 1;
              continue;
            }
            const repairs: Repair[] = [];
            const data = await documentFields(strapi, row, lists, repairs, { dryRun });
            repairsFor('document', key, repairs);
            if (!data.title) {
              skip('document', key, 'empty title');
              continue;
            }
            const files = String(row.files ?? '').split(',').map((name) => name.trim()).filter(Boolean);
            let file: MediaFile | null | undefined;
            if (files[0]) file = await fileUrl('document', key, /^https?:/i.test(files[0]) ? files[0] : `/uploads/${module.upload}/${files[0]}`, { caption: data.title });
            if (files.length > 1) warn('document', key, `a document holds one file: ${files.slice(1).join(', ')} not attached`);
            const published = Number(row.status) === 1;
            const created = await write('document', key, async (trx) => {
              const doc = await strapi.documents(DOCUMENT).create({ data: { ...data, slug: row.alias || undefined, file: file ? file.id : undefined } as any, status: published ? 'published' : 'draft' });
              await map.set('document', key, { documentId: doc.documentId, value: null }, trx);
              await trx(itemsTable)
                .insert({ kind: 'document', item_document_id: doc.documentId, views: Number(row.view_hits) || 0, downloads: Number(row.download_hits) || 0, rating_sum: 0, rating_count: 0, rating_average: 0 })
                .onConflict(['kind', 'item_document_id'])
                .merge();
              if (published) await redirect(oldPaths(lang, `/${module.name}/detail/${row.alias}`), NEW_PATH.document(doc.slug as string));
            });
            if (!created) continue;
            report.counts.document!.imported += 1;
          }
        }
      }
    });

    // Comments: on articles only (the site has no comments on documents); e-mails stay private.
    const commentTable = source.table('comment');
    const newsNames = newsModules.map((module) => module.name);
    const commentTotal = source.has(commentTable) ? await source.count(commentTable) : 0;
    await phase('comment', commentTotal, async (tick) => {
      if (!source.has(commentTable)) return;
      for await (const batch of source.batches(`SELECT * FROM ${source.id(commentTable)}`, 'cid')) {
        for (const row of batch) {
          tick();
          const key = String(row.cid);
          if (map.get('comment', key)) {
            report.counts.comment!.existing += 1;
            continue;
          }
          if (!newsNames.includes(row.module)) {
            skip('comment', key, `on module "${row.module}", not a news article`);
            continue;
          }
          const article = articleRowsOf.get(`${row.module}:${row.id}`);
          if (!article) {
            skip('comment', key, `its article (${row.module}:${row.id}) was not imported`);
            continue;
          }
          const repairs: Repair[] = [];
          const text = truncate(plainText(row.content, 'content', repairs), 2000);
          repairsFor('comment', key, repairs);
          if (!text) {
            skip('comment', key, 'empty text');
            continue;
          }
          const email = String(row.post_email ?? '').trim();
          const created = await write('comment', key, async (trx) => {
            const doc = await strapi.documents(COMMENT).create({
              data: {
                name: truncate(cleanText(row.post_name, 'post_name') || 'Bạn đọc', 100),
                email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : undefined,
                text,
                moderation: Number(row.status) === 1 ? 'approved' : 'pending',
                article,
              } as any,
            });
            // When the reader wrote it, not when it was imported (the moderation queue sorts by it).
            await strapi.db.query(COMMENT).updateMany({ where: { documentId: doc.documentId }, data: { createdAt: new Date(Number(row.post_time) * 1000) } });
            await map.set('comment', key, { documentId: doc.documentId, value: null }, trx);
          });
          if (!created) continue;
          report.counts.comment!.imported += 1;
        }
      }
    });

    // The site counter's total joins the visitor statistics ("Thống kê website", total).
    await phase('counter', 1, async (tick) => {
      tick();
      const table = source.globalTable('counter');
      if (!source.has(table)) {
        report.notes.push(`no ${table} table: visitor total not imported`);
        return;
      }
      const [row] = await source.select(`SELECT c_count FROM ${source.id(table)} WHERE c_type = 'total' AND c_val = 'hits'`);
      const total = Number(row?.c_count ?? 0);
      const before = Number(map.get('counter', 'total')?.value ?? 0);
      const delta = total - before;
      if (delta <= 0) {
        report.counts.counter!.existing += 1;
        return;
      }
      const written = await write('counter', 'total', async (trx) => {
        await trx(countersTable)
          .insert({ period: 'total', visits: delta })
          .onConflict('period')
          .merge({ visits: trx.raw('?? + ?', [`${countersTable}.visits`, delta]) });
        await map.set('counter', 'total', { documentId: null, value: String(total) }, trx);
      });
      if (written) report.counts.counter!.imported += 1;
    });

    // Albums and their photos (the gallery). An album has no draft state here, so a hidden one stays behind.
    let albumTotal = 0;
    for (const module of albumModules) {
      if (source.has(source.table(`${module.data}_picture`))) albumTotal += await source.count(source.table(`${module.data}_picture`));
    }
    await phase('photo', albumTotal, async (tick) => {
      for (const module of albumModules) {
        const albumTable = source.table(`${module.data}_album`);
        const pictureTable = source.table(`${module.data}_picture`);
        if (!source.has(albumTable) || !source.has(pictureTable)) continue;
        const albums = new Map((await source.select(`SELECT * FROM ${source.id(albumTable)} ORDER BY weight, albumid`)).map((row) => [Number(row.albumid), row]));
        const albumIds = new Map<number, string>();
        for await (const batch of source.batches(`SELECT * FROM ${source.id(pictureTable)}`, 'pictureid')) {
          for (const row of batch.sort((a, b) => Number(a.weight) - Number(b.weight))) {
            tick();
            const key = `${module.name}:${row.pictureid}`;
            if (map.get('photo', key)?.documentId) {
              report.counts.photo!.existing += 1;
              continue;
            }
            const album = albums.get(Number(row.albumid));
            if (!album) {
              skip('photo', key, `unknown album (albumid ${row.albumid})`);
              continue;
            }
            if (Number(album.active) !== 1) {
              skip('photo', key, `its album (albumid ${row.albumid}) is hidden on the old site`);
              continue;
            }
            const repairs: Repair[] = [];
            const albumName = truncate(cleanText(album.name, 'album.name', repairs), 300);
            const title = truncate(cleanText(row.name, 'name', repairs), 300) || albumName;
            const caption = truncate(plainText(row.description, 'description', repairs), 1000);
            repairsFor('photo', key, repairs);
            const filePath = String(row.path ?? '');
            const image = await fileUrl('photo', key, /^\/?uploads\/|^https?:/i.test(filePath) ? filePath : `/uploads/${module.upload}/${filePath}`, { alternativeText: title, caption });
            if (!image) {
              skip('photo', key, image === null ? 'its image file is missing or refused' : `image on another site: ${filePath}`);
              continue;
            }
            const albumKey = `${module.name}:${album.albumid}`;
            const created = await write('photo', key, async (trx) => {
              let albumId = albumIds.get(Number(album.albumid)) ?? map.get('album', albumKey)?.documentId ?? undefined;
              if (!albumId) {
                const taken = album.createddate instanceof Date ? album.createddate.getTime() : Date.parse(String(album.createddate));
                const doc = await strapi.documents(ALBUM).create({
                  data: {
                    name: albumName,
                    slug: String(album.alias ?? '') || undefined,
                    description: plainText(album.description, 'album.description') || undefined,
                    cover: image.id,
                    date: Number.isFinite(taken) ? vnDay(taken) : undefined,
                  } as any,
                });
                albumId = doc.documentId;
                await map.set('album', albumKey, { documentId: albumId, value: null }, trx);
              }
              const doc = await strapi.documents(PHOTO).create({
                data: { title, caption: caption || undefined, image: image.id, album: albumId } as any,
                status: 'published',
              });
              await map.set('photo', key, { documentId: doc.documentId, value: null }, trx);
              return albumId;
            });
            if (!created) continue;
            if (created.value) albumIds.set(Number(album.albumid), created.value);
            report.counts.photo!.imported += 1;
          }
        }
      }
    });
    if (otherPhotoModules.length) {
      report.notes.push(`photo module(s) ${otherPhotoModules.map((m) => `${m.name} (${m.file})`).join(', ')} not imported: only the "albums" module's tables are known`);
    } else if (!albumModules.length) {
      report.notes.push('no photo album module on the old site: nothing to import into the gallery');
    }
    report.files = media.copied;
  } catch (error) {
    if (!(error instanceof StoppedError)) throw error;
    report.stopped = true;
    report.notes.push('stopped before the end: run the same command again to import the rest');
    report.files = media.copied;
  } finally {
    await media.close();
    await source.close();
  }
  return report;
};

/** The report as an operator reads it at the end of a run. */
export const formatReport = (report: ImportReport): string => {
  const lines = [`NukeViet import${report.dryRun ? ' (dry run: nothing written)' : ''}${report.stopped ? ' — stopped' : ''}`];
  for (const [type, c] of Object.entries(report.counts)) {
    const rate = c.seconds > 0 ? ` (${(c.imported / c.seconds).toFixed(1)}/s)` : '';
    lines.push(`  ${type.padEnd(10)} ${String(c.imported).padStart(6)} ${report.dryRun ? 'to import' : 'imported'}, ${c.existing} already imported, ${c.skipped} skipped${rate}`);
  }
  lines.push(`  files      ${String(report.files).padStart(6)} ${report.dryRun ? 'to copy' : 'copied'} into the media library`);
  lines.push(`  redirects  ${String(report.redirects).padStart(6)} old addresses`);
  if (report.skipped.length) lines.push('Skipped:', ...report.skipped.map((s) => `  ${s.type} ${s.key}: ${s.reason}`));
  if (report.warnings.length) lines.push('Imported with warnings:', ...report.warnings.map((s) => `  ${s.type} ${s.key}: ${s.reason}`));
  if (report.repaired.length) lines.push('Repaired from double encoding:', ...report.repaired.map((r) => `  ${r.type} ${r.key} ${r.field}: ${JSON.stringify(r.before)} → ${JSON.stringify(r.after)}`));
  if (report.notes.length) lines.push('Notes:', ...report.notes.map((note) => `  ${note}`));
  return lines.join('\n');
};
