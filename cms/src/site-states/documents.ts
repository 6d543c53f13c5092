import type { Core } from '@strapi/strapi';
import { findPublished, iso, MEDIA_SELECT, mediaColumns, published, refColumns, type Media, type Ref } from './columns';

/**
 * `syncDocuments(ids)`: the published documents the site's sync asks for, whole, as columns
 * (./columns.ts), as `syncArticles` does for articles. The generated `documents` query (fragment
 * DocumentFull: type, issuer, signer, fields, file and three lists of linked documents, each loaded
 * document by document) took ~0.7–1.2 s of CMS time per 100. Linked documents are published ones
 * only, as in the generated query; they come once each (`linked`), referred to by id.
 */
export const SYNC_DOCUMENTS_TYPE_DEFS = /* GraphQL */ `
  "Documents linked from the documents asked for, one column per field."
  type SyncDocumentRefs {
    documentIds: [ID!]!
    slugs: [String]!
    titles: [String!]!
    numbers: [String]!
  }
  "Published documents, one column per field (fragment DocumentFull without reader counts)."
  type SyncDocuments {
    documentIds: [ID!]!
    slugs: [String]!
    titles: [String!]!
    numbers: [String]!
    kinds: [String]!
    summaries: [String]!
    issuedAts: [Date]!
    effectiveDates: [Date]!
    expiryDates: [Date]!
    publishedAts: [DateTime]!
    updatedAts: [DateTime]!
    files: SyncMedia!
    "Per document: its type's code and name, null for none."
    documentTypeCodes: [String]!
    documentTypeNames: [String]!
    "Per document: its issuer's slug and name, null for none."
    issuerSlugs: [String]!
    issuerNames: [String]!
    "Per document: its signer's name and position, null for none."
    signerNames: [String]!
    signerPositions: [String]!
    "Per document: its fields' ids, by name."
    fieldIds: [[ID!]!]!
    fields: SyncRefs!
    "Per document: the published documents it replaces, is replaced by, lists as related."
    replacesIds: [[ID!]!]!
    replacedByIds: [[ID!]!]!
    relatedIds: [[ID!]!]!
    linked: SyncDocumentRefs!
  }
  extend type Query {
    "The published documents among ids (at most 1,000), whole, for the site's sync."
    syncDocuments(ids: [ID!]!): SyncDocuments!
  }
`;

type Linked = { documentId: string; slug?: string | null; title: string; number?: string | null };
type Row = Linked & {
  kind?: string | null;
  summary?: string | null;
  issuedAt?: string | Date | null;
  effectiveDate?: string | Date | null;
  expiryDate?: string | Date | null;
  publishedAt?: string | Date | null;
  updatedAt?: string | Date | null;
  file?: Media | null;
  documentType?: { code: string; name: string } | null;
  issuer?: { slug?: string | null; name: string } | null;
  signer?: { name: string; position?: string | null } | null;
  fields?: Ref[];
  replaces?: Linked[];
  replacedBy?: Linked[];
  relatedDocuments?: Linked[];
};

const pad = (n: number) => String(n).padStart(2, '0');
/** A date-only value as GraphQL's Date gives it ("2021-06-23"); a driver may hand back a local midnight. */
const day = (value: string | Date | null | undefined) =>
  value == null ? null : typeof value === 'string' ? value.slice(0, 10) : `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;

// Strapi links a published document to published ones only; the filter keeps a draft's title off
// the public site should a link to a draft row ever exist.
const LINKED = { select: ['documentId', 'slug', 'title', 'number'], where: published };

export const readSyncDocuments = async (strapi: Core.Strapi, ids: readonly string[]) => {
  const rows = await findPublished<Row>(strapi, 'api::document.document', ids, {
    file: { select: MEDIA_SELECT },
    documentType: { select: ['code', 'name'] },
    issuer: { select: ['slug', 'name'] },
    signer: { select: ['name', 'position'] },
    fields: { select: ['documentId', 'slug', 'name'], orderBy: { name: 'asc' } },
    replaces: LINKED,
    replacedBy: LINKED,
    relatedDocuments: LINKED,
  });
  const linked = rows.flatMap((r) => [...(r.replaces ?? []), ...(r.replacedBy ?? []), ...(r.relatedDocuments ?? [])]);
  const unique = [...new Map(linked.map((d) => [d.documentId, d])).values()];
  const idsOf = (list: { documentId: string }[] | undefined) => (list ?? []).map((d) => d.documentId);
  return {
    documentIds: rows.map((r) => r.documentId),
    slugs: rows.map((r) => r.slug ?? null),
    titles: rows.map((r) => r.title),
    numbers: rows.map((r) => r.number ?? null),
    kinds: rows.map((r) => r.kind ?? null),
    summaries: rows.map((r) => r.summary ?? null),
    issuedAts: rows.map((r) => day(r.issuedAt)),
    effectiveDates: rows.map((r) => day(r.effectiveDate)),
    expiryDates: rows.map((r) => day(r.expiryDate)),
    publishedAts: rows.map((r) => iso(r.publishedAt)),
    updatedAts: rows.map((r) => iso(r.updatedAt)),
    files: mediaColumns(rows.map((r) => r.file)),
    documentTypeCodes: rows.map((r) => r.documentType?.code ?? null),
    documentTypeNames: rows.map((r) => r.documentType?.name ?? null),
    issuerSlugs: rows.map((r) => r.issuer?.slug ?? null),
    issuerNames: rows.map((r) => r.issuer?.name ?? null),
    signerNames: rows.map((r) => r.signer?.name ?? null),
    signerPositions: rows.map((r) => r.signer?.position ?? null),
    fieldIds: rows.map((r) => idsOf(r.fields)),
    fields: refColumns(rows.flatMap((r) => r.fields ?? [])),
    replacesIds: rows.map((r) => idsOf(r.replaces)),
    replacedByIds: rows.map((r) => idsOf(r.replacedBy)),
    relatedIds: rows.map((r) => idsOf(r.relatedDocuments)),
    linked: {
      documentIds: unique.map((d) => d.documentId),
      slugs: unique.map((d) => d.slug ?? null),
      titles: unique.map((d) => d.title),
      numbers: unique.map((d) => d.number ?? null),
    },
  };
};
