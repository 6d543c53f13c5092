import type { Core } from '@strapi/strapi';
import { findPublished, iso, MEDIA_SELECT, mediaColumns, refColumns, type Media, type Ref } from './columns';

/**
 * `syncGalleryImages(ids)`: the published gallery images the site's sync asks for, as columns
 * (./columns.ts), as `syncArticles` does for articles: fragment GalleryImageCard plus updatedAt.
 * Albums come once each (`albums`), referred to by id.
 */
export const SYNC_GALLERY_IMAGES_TYPE_DEFS = /* GraphQL */ `
  "Published gallery images, one column per field (fragment GalleryImageCard and updatedAt)."
  type SyncGalleryImages {
    documentIds: [ID!]!
    titles: [String!]!
    captions: [String]!
    takenAts: [DateTime]!
    publishedAts: [DateTime]!
    updatedAts: [DateTime]!
    images: SyncMedia!
    "Per image: its album's id, or null."
    albumIds: [ID]!
    albums: SyncRefs!
  }
  extend type Query {
    "The published gallery images among ids (at most 1,000), for the site's sync."
    syncGalleryImages(ids: [ID!]!): SyncGalleryImages!
  }
`;

type Row = {
  documentId: string;
  title: string;
  caption?: string | null;
  takenAt?: string | Date | null;
  publishedAt?: string | Date | null;
  updatedAt?: string | Date | null;
  image?: Media | null;
  album?: Ref | null;
};

export const readSyncGalleryImages = async (strapi: Core.Strapi, ids: readonly string[]) => {
  const rows = await findPublished<Row>(strapi, 'api::gallery-image.gallery-image', ids, {
    image: { select: MEDIA_SELECT },
    album: { select: ['documentId', 'slug', 'name'] },
  });
  return {
    documentIds: rows.map((r) => r.documentId),
    titles: rows.map((r) => r.title),
    captions: rows.map((r) => r.caption ?? null),
    takenAts: rows.map((r) => iso(r.takenAt)),
    publishedAts: rows.map((r) => iso(r.publishedAt)),
    updatedAts: rows.map((r) => iso(r.updatedAt)),
    images: mediaColumns(rows.map((r) => r.image)),
    albumIds: rows.map((r) => r.album?.documentId ?? null),
    albums: refColumns(rows.flatMap((r) => (r.album ? [r.album] : []))),
  };
};
