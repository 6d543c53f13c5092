import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * What `syncArticles` and `syncDocuments` share: entries read with a few SQL queries and answered
 * as columns of scalars (the i-th item of each column belongs to the i-th entry). The GraphQL
 * plugin wraps every field of every object in its auth chain and loads relations entry by entry,
 * so objects cost the CMS milliseconds each; columns cost one wrap per column.
 */
export const COLUMNS_TYPE_DEFS = /* GraphQL */ `
  "Entries referred to by id (categories, tags, fields), one column per field."
  type SyncRefs {
    documentIds: [ID!]!
    slugs: [String]!
    names: [String!]!
  }
  "One media file per entry (an article's cover, a document's file), one column per field; null everywhere for an entry without one."
  type SyncMedia {
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
`;

/** Ids per request: a request's rows and bodies stay a few MB. */
export const SYNC_MAX_IDS = 1000;

/** The published entries of `uid` among `ids`, with what `populate` names; too many ids is the caller's error. */
export const findPublished = async <Row>(strapi: Core.Strapi, uid: UID.ContentType, ids: readonly string[], populate: Record<string, unknown>) => {
  if (ids.length > SYNC_MAX_IDS) throw new errors.ValidationError(`ids: at most ${SYNC_MAX_IDS} per request (got ${ids.length})`, { path: ['ids'] });
  return (await strapi.db.query(uid).findMany({ where: { documentId: { $in: [...ids] }, ...published }, populate, orderBy: { documentId: 'asc' } })) as Row[];
};

export type Media = {
  url: string;
  alternativeText?: string | null;
  caption?: string | null;
  width?: number | null;
  height?: number | null;
  mime: string;
  name: string;
  ext?: string | null;
  size: number | string;
};
export type Ref = { documentId: string; slug?: string | null; name: string };

export const MEDIA_SELECT = ['url', 'alternativeText', 'caption', 'width', 'height', 'mime', 'name', 'ext', 'size'];
export const published = { publishedAt: { $notNull: true } };

/** Dates and times as GraphQL's DateTime gives them. */
export const iso = (value: string | Date | null | undefined) => (value == null ? null : new Date(value).toISOString());

export const mediaColumns = (files: (Media | null | undefined)[]) => ({
  urls: files.map((f) => f?.url ?? null),
  alternativeTexts: files.map((f) => f?.alternativeText ?? null),
  captions: files.map((f) => f?.caption ?? null),
  widths: files.map((f) => f?.width ?? null),
  heights: files.map((f) => f?.height ?? null),
  mimes: files.map((f) => f?.mime ?? null),
  names: files.map((f) => f?.name ?? null),
  exts: files.map((f) => f?.ext ?? null),
  // A decimal column: PostgreSQL gives it as a string.
  sizes: files.map((f) => (f?.size == null ? null : Number(f.size))),
});

/** Each entry referred to, once. */
export const refColumns = (list: Ref[]) => {
  const unique = [...new Map(list.map((ref) => [ref.documentId, ref])).values()];
  return { documentIds: unique.map((r) => r.documentId), slugs: unique.map((r) => r.slug ?? null), names: unique.map((r) => r.name) };
};
