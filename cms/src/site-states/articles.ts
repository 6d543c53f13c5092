import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * `syncArticles(ids)`: the published articles the site's sync asks for, whole, as columns of
 * scalars (the i-th item of each column is the i-th article). The generated `articles` query
 * answers the same (fragment ArticleFull) but costs ~4 ms of CMS time per article: the GraphQL
 * plugin wraps each of its ~45 fields in its auth chain and loads cover, category and tags article
 * by article, so a first sync of 10,000 articles took ~40 s. Here it is three SQL queries per
 * request. Categories and tags come once each (`categories`, `tags`), referred to by id.
 * `shared/src/sync-articles.ts` turns the columns back into ArticleFull objects without counts;
 * a test checks both answers are the same (cms/tests/site-states.test.ts).
 */
export const SYNC_ARTICLES_TYPE_DEFS = /* GraphQL */ `
  "Entries referred to by id (categories, tags), one column per field."
  type SyncRefs {
    documentIds: [ID!]!
    slugs: [String]!
    names: [String!]!
  }
  "Each article's cover, one column per field; null everywhere for an article without one."
  type SyncCovers {
    urls: [String]!
    alternativeTexts: [String]!
    captions: [String]!
    widths: [Int]!
    heights: [Int]!
    mimes: [String]!
    names: [String]!
    exts: [String]!
    sizes: [Float]!
  }
  "Published articles, one column per field (fragment ArticleFull without reader counts)."
  type SyncArticles {
    documentIds: [ID!]!
    slugs: [String]!
    titles: [String!]!
    dates: [DateTime]!
    leads: [String]!
    featured: [Boolean]!
    updatedAts: [DateTime]!
    publishedAts: [DateTime]!
    bodies: [String]!
    authors: [String]!
    sources: [String]!
    commentsEnabled: [Boolean]!
    covers: SyncCovers!
    "Per article: its category's id, or null."
    categoryIds: [ID]!
    "Per article: its tags' ids, in their order."
    tagIds: [[ID!]!]!
    categories: SyncRefs!
    tags: SyncRefs!
  }
  extend type Query {
    "The published articles among ids (at most 1,000), whole, for the site's sync."
    syncArticles(ids: [ID!]!): SyncArticles!
  }
`;

/** Ids per request: a request's rows and bodies stay a few MB. */
export const SYNC_ARTICLES_MAX_IDS = 1000;

type Ref = { documentId: string; slug?: string | null; name: string };
type Media = { url: string; alternativeText?: string | null; caption?: string | null; width?: number | null; height?: number | null; mime: string; name: string; ext?: string | null; size: number };
type Row = {
  documentId: string;
  slug?: string | null;
  title: string;
  date?: string | Date | null;
  lead?: string | null;
  featured?: boolean | number | null;
  updatedAt?: string | Date | null;
  publishedAt?: string | Date | null;
  body?: string | null;
  author?: string | null;
  source?: string | null;
  commentsEnabled?: boolean | number | null;
  cover?: Media | null;
  category?: Ref | null;
  tags?: Ref[];
};

const iso = (value: string | Date | null | undefined) => (value == null ? null : new Date(value).toISOString());
const bool = (value: boolean | number | null | undefined) => (value == null ? null : Boolean(value));
const refs = (list: Ref[]) => {
  const unique = [...new Map(list.map((ref) => [ref.documentId, ref])).values()];
  return { documentIds: unique.map((r) => r.documentId), slugs: unique.map((r) => r.slug ?? null), names: unique.map((r) => r.name) };
};

export const readSyncArticles = async (strapi: Core.Strapi, ids: readonly string[]) => {
  if (ids.length > SYNC_ARTICLES_MAX_IDS) {
    throw new errors.ValidationError(`ids: at most ${SYNC_ARTICLES_MAX_IDS} per request (got ${ids.length})`, { path: ['ids'] });
  }
  const rows = (await strapi.db.query('api::article.article').findMany({
    where: { documentId: { $in: [...ids] }, publishedAt: { $notNull: true } },
    populate: {
      cover: { select: ['url', 'alternativeText', 'caption', 'width', 'height', 'mime', 'name', 'ext', 'size'] },
      category: { select: ['documentId', 'slug', 'name'] },
      tags: { select: ['documentId', 'slug', 'name'] },
    },
    orderBy: { documentId: 'asc' },
  })) as Row[];
  const covers = rows.map((row) => row.cover ?? null);
  return {
    documentIds: rows.map((r) => r.documentId),
    slugs: rows.map((r) => r.slug ?? null),
    titles: rows.map((r) => r.title),
    dates: rows.map((r) => iso(r.date)),
    leads: rows.map((r) => r.lead ?? null),
    featured: rows.map((r) => bool(r.featured)),
    updatedAts: rows.map((r) => iso(r.updatedAt)),
    publishedAts: rows.map((r) => iso(r.publishedAt)),
    bodies: rows.map((r) => r.body ?? null),
    authors: rows.map((r) => r.author ?? null),
    sources: rows.map((r) => r.source ?? null),
    commentsEnabled: rows.map((r) => bool(r.commentsEnabled)),
    covers: {
      urls: covers.map((c) => c?.url ?? null),
      alternativeTexts: covers.map((c) => c?.alternativeText ?? null),
      captions: covers.map((c) => c?.caption ?? null),
      widths: covers.map((c) => c?.width ?? null),
      heights: covers.map((c) => c?.height ?? null),
      mimes: covers.map((c) => c?.mime ?? null),
      names: covers.map((c) => c?.name ?? null),
      exts: covers.map((c) => c?.ext ?? null),
      sizes: covers.map((c) => (c?.size == null ? null : Number(c.size))),
    },
    categoryIds: rows.map((r) => r.category?.documentId ?? null),
    tagIds: rows.map((r) => (r.tags ?? []).map((t) => t.documentId)),
    categories: refs(rows.flatMap((r) => (r.category ? [r.category] : []))),
    tags: refs(rows.flatMap((r) => r.tags ?? [])),
  };
};
