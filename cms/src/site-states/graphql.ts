import type { Core } from '@strapi/strapi';
import { createHash } from 'node:crypto';
import { ZERO_COUNTS, type Counters, type ItemCounts } from '../engagement/counters';
import { readSyncArticles, SYNC_ARTICLES_TYPE_DEFS } from './articles';
import { COLUMNS_TYPE_DEFS, iso, published } from './columns';
import { readSyncDocuments, SYNC_DOCUMENTS_TYPE_DEFS } from './documents';
import { readSyncGalleryImages, SYNC_GALLERY_IMAGES_TYPE_DEFS } from './gallery-images';

/**
 * `siteStates`: what the site build needs to decide what changed since its last sync, in one
 * request whatever the size of the archive: every published article, document and gallery image
 * with its `updatedAt` and reader counts, the links between documents, and a version of the
 * documents register's lists. Listing 10,000 articles through the generated collection queries
 * took 100 paged requests (~10 s of CMS time); here it is a few SQL queries (batched, never one per
 * row). Lists come as columns of scalars: the GraphQL plugin wraps every field of every object in
 * its auth and policy chain (~30 µs each), which for 10,000 rows of objects alone cost 1.5 s.
 *
 * Read access is that of the collections it lists: the build token's, or the public's (every
 * value here is already public on the site).
 */
const TYPE_DEFS = /* GraphQL */ `
  "Published articles, one column per field, the i-th item of each column being the i-th article."
  type SyncArticleStates {
    documentIds: [ID!]!
    updatedAts: [DateTime!]!
    views: [Int!]!
    ratingAverages: [Float!]!
    ratingCounts: [Int!]!
  }
  "Published documents, one column per field."
  type SyncDocumentStates {
    documentIds: [ID!]!
    updatedAts: [DateTime!]!
    views: [Int!]!
    downloads: [Int!]!
    "Per document: the published documents it replaces or lists as related (its page shows their titles)."
    links: [[ID!]!]!
  }
  "Published gallery images, one column per field."
  type SyncGalleryImageStates {
    documentIds: [ID!]!
    updatedAts: [DateTime!]!
  }
  type SiteStates {
    articles: SyncArticleStates!
    documents: SyncDocumentStates!
    galleryImages: SyncGalleryImageStates!
    "Changes whenever an entry of the register's lists (types, issuers, signers, fields) is added, renamed or removed."
    registerVersion: String!
  }
  extend type Query {
    siteStates: SiteStates!
  }
`;

const REGISTER_LISTS = ['api::document-type.document-type', 'api::issuer.issuer', 'api::signer.signer', 'api::document-field.document-field'] as const;

type Row = { documentId: string; updatedAt: string | Date };

export const readSiteStates = async (strapi: Core.Strapi) => {
  const counters = strapi.service('api::engagement.counters') as unknown as Counters;
  const [articles, documents, galleryImages, documentCounts, lists] = await Promise.all([
    counters.publishedStates('article'),
    strapi.db.query('api::document.document').findMany({
      where: published,
      select: ['documentId', 'updatedAt'],
      populate: { replaces: { select: ['documentId'] }, relatedDocuments: { select: ['documentId'] } },
    }) as Promise<(Row & { replaces?: Row[]; relatedDocuments?: Row[] })[]>,
    strapi.db.query('api::gallery-image.gallery-image').findMany({ where: published, select: ['documentId', 'updatedAt'] }) as Promise<Row[]>,
    counters.allCountsOf('document'),
    Promise.all(REGISTER_LISTS.map((uid) => strapi.db.query(uid).findMany({ select: ['documentId', 'updatedAt'], orderBy: { id: 'asc' } }) as Promise<Row[]>)),
  ]);
  const counts = (map: Map<string, ItemCounts>, id: string) => map.get(id) ?? ZERO_COUNTS;
  const documentRows = documents.map((d) => counts(documentCounts, d.documentId));
  return {
    articles: {
      documentIds: articles.map((a) => a.documentId),
      updatedAts: articles.map((a) => iso(a.updatedAt)),
      views: articles.map((a) => a.views),
      ratingAverages: articles.map((a) => a.ratingAverage),
      ratingCounts: articles.map((a) => a.ratingCount),
    },
    documents: {
      documentIds: documents.map((d) => d.documentId),
      updatedAts: documents.map((d) => iso(d.updatedAt)),
      views: documentRows.map((c) => c.views),
      downloads: documentRows.map((c) => c.downloads),
      links: documents.map(({ replaces = [], relatedDocuments = [] }) => [...new Set([...replaces, ...relatedDocuments].map((d) => d.documentId))]),
    },
    galleryImages: { documentIds: galleryImages.map((g) => g.documentId), updatedAts: galleryImages.map((g) => iso(g.updatedAt)) },
    registerVersion: createHash('sha256')
      .update(JSON.stringify(lists.map((rows) => rows.map((row) => [row.documentId, iso(row.updatedAt)]))))
      .digest('base64url'),
  };
};

export const registerSiteStates = (strapi: Core.Strapi) => {
  const extension = strapi.plugin('graphql')?.service('extension');
  if (!extension) return;
  extension.use(() => ({
    typeDefs: TYPE_DEFS + COLUMNS_TYPE_DEFS + SYNC_ARTICLES_TYPE_DEFS + SYNC_DOCUMENTS_TYPE_DEFS + SYNC_GALLERY_IMAGES_TYPE_DEFS,
    resolvers: {
      Query: {
        siteStates: { resolve: () => readSiteStates(strapi) },
        syncArticles: { resolve: (_parent: unknown, { ids }: { ids: string[] }) => readSyncArticles(strapi, ids) },
        syncDocuments: { resolve: (_parent: unknown, { ids }: { ids: string[] }) => readSyncDocuments(strapi, ids) },
        syncGalleryImages: { resolve: (_parent: unknown, { ids }: { ids: string[] }) => readSyncGalleryImages(strapi, ids) },
      },
    },
    resolversConfig: {
      'Query.siteStates': {
        auth: { scope: ['api::article.article.find', 'api::document.document.find', 'api::gallery-image.gallery-image.find'] },
      },
      'Query.syncArticles': { auth: { scope: ['api::article.article.find'] } },
      'Query.syncDocuments': { auth: { scope: ['api::document.document.find'] } },
      'Query.syncGalleryImages': { auth: { scope: ['api::gallery-image.gallery-image.find'] } },
    },
  }));
};
