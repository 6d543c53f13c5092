import type { Core, UID } from '@strapi/strapi';
import { DEFAULT_KIND, FIELD_UID, ISSUER_UID, SIGNER_UID, TYPE_UID, ensureNamed, ensureType, findTypeByCode } from '../../register/lists';
import { vnDay } from '../../engagement/visitor';
import { toSlug } from '../../utils/slug';
import { cleanText, plainText, truncate, type Repair } from './text';
import type { Row } from './source';

/** The laws module's lists, by id: types (_cat), issuers (_subject), signers (_signer), fields (_area). */
export interface DocumentLists {
  types: Map<number, string>;
  issuers: Map<number, string>;
  signers: Map<number, string>;
  fields: Map<number, string>;
  /** Field ids of each document (_row_area). */
  fieldsOf: Map<number, number[]>;
}

/** A day entered in NukeViet is stored as midnight Vietnam time; 0 means none. */
const day = (seconds: unknown) => (Number(seconds) > 0 ? vnDay(Number(seconds) * 1000) : undefined);

/** The register's list entry with this name, made when missing, as an editor adds one in the admin. */
const namedEntry = async (strapi: Core.Strapi, uid: UID.ContentType, name: string | undefined) => (await ensureNamed(strapi, uid, name))?.documentId;

/**
 * A NukeViet document type as one of the register's types: matched by code ("Công văn" → cong-van,
 * so the ten built-in types are found), otherwise added to the list under its own name.
 */
const typeEntry = async (strapi: Core.Strapi, name: string | undefined) => {
  const code = name ? toSlug(name) : '';
  if (!code) return (await ensureType(strapi, DEFAULT_KIND)).documentId;
  const found = await findTypeByCode(strapi, code);
  if (found) return found.documentId;
  return (await strapi.documents(TYPE_UID).create({ data: { name: name!, code } as any })).documentId;
};

/** The one place where an old document row becomes the fields of `api::document.document`. */
export const documentFields = async (strapi: Core.Strapi, row: Row, lists: DocumentLists, repairs: Repair[], { dryRun }: { dryRun: boolean }) => {
  // A dry run adds nothing to the register's lists either.
  const named = dryRun ? async () => undefined : namedEntry;
  const typeOf = dryRun ? async () => undefined : typeEntry;
  const fieldIds = (lists.fieldsOf.get(Number(row.id)) ?? []).map((id) => lists.fields.get(id));
  const fields: string[] = [];
  for (const name of fieldIds) {
    const id = await named(strapi, FIELD_UID, name);
    if (id) fields.push(id);
  }
  return {
    number: truncate(cleanText(row.code, 'document.code', repairs), 100) || undefined,
    title: truncate(cleanText(row.title, 'document.title', repairs), 500),
    documentType: await typeOf(strapi, lists.types.get(Number(row.cid))),
    issuer: await named(strapi, ISSUER_UID, lists.issuers.get(Number(row.sid))),
    signer: await named(strapi, SIGNER_UID, lists.signers.get(Number(row.sgid))),
    fields,
    issuedAt: day(row.publtime),
    effectiveDate: day(row.startvalid),
    expiryDate: day(row.exptime),
    summary: plainText(row.introtext, 'document.introtext', repairs) || undefined,
  };
};
