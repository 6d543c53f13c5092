import type { Core } from '@strapi/strapi';
import { findPublished, iso, MEDIA_SELECT, mediaColumns, refColumns, type Media, type Ref } from './columns';

/**
 * `syncArticles(ids)`: the published articles the site's sync asks for, whole, as columns
 * (./columns.ts). The generated `articles` query answers the same (fragment ArticleFull) but costs
 * ~4 ms of CMS time per article (~45 fields each wrapped in the auth chain, cover, category and
 * tags loaded article by article): a first sync of 10,000 articles took ~40 s. Here it is three
 * SQL queries per request. Categories and tags come once each, referred to by id.
 * `shared/src/sync-columns.ts` turns the columns back into ArticleFull objects without counts;
 * a test checks both answers are the same (cms/tests/site-states.test.ts).
 */
export const SYNC_ARTICLES_TYPE_DEFS = /* GraphQL */ `
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
    covers: SyncMedia!
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

const bool = (value: boolean | number | null | undefined) => (value == null ? null : Boolean(value));

export const readSyncArticles = async (strapi: Core.Strapi, ids: readonly string[]) => {
  const rows = await findPublished<Row>(strapi, 'api::article.article', ids, {
    cover: { select: MEDIA_SELECT },
    category: { select: ['documentId', 'slug', 'name'] },
    tags: { select: ['documentId', 'slug', 'name'] },
  });
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
    covers: mediaColumns(rows.map((r) => r.cover)),
    categoryIds: rows.map((r) => r.category?.documentId ?? null),
    tagIds: rows.map((r) => (r.tags ?? []).map((t) => t.documentId)),
    categories: refColumns(rows.flatMap((r) => (r.category ? [r.category] : []))),
    tags: refColumns(rows.flatMap((r) => r.tags ?? [])),
  };
};
