import { DOCUMENT_KINDS, type DocumentKind } from '@toasoan/shared/kinds';
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

/** A NukeViet document type's name as one of our kinds ("Công văn" → cong-van); others are "khac". */
export const kindOf = (typeName: string | undefined): DocumentKind => {
  const slug = typeName ? toSlug(typeName) : '';
  return (DOCUMENT_KINDS as readonly string[]).includes(slug) ? (slug as DocumentKind) : 'khac';
};

/** A day entered in NukeViet is stored as midnight Vietnam time; 0 means none. */
const day = (seconds: unknown) => (Number(seconds) > 0 ? vnDay(Number(seconds) * 1000) : undefined);

/**
 * The one place where an old document row becomes the fields of `api::document.document`. What
 * the content type has today is filled in; what it does not have yet (fields, effective and
 * expiry dates) is returned in `pending`, so extending the type means moving lines from
 * `pending` to `data` here, nowhere else.
 */
export const documentFields = (row: Row, lists: DocumentLists, repairs: Repair[]) => {
  const type = lists.types.get(Number(row.cid));
  const data = {
    number: truncate(cleanText(row.code, 'document.code', repairs), 100) || undefined,
    title: truncate(cleanText(row.title, 'document.title', repairs), 500),
    kind: kindOf(type),
    issuer: lists.issuers.get(Number(row.sid)),
    signer: lists.signers.get(Number(row.sgid)),
    issuedAt: day(row.publtime),
    summary: plainText(row.introtext, 'document.introtext', repairs) || undefined,
  };
  const pending = {
    type,
    fields: (lists.fieldsOf.get(Number(row.id)) ?? []).map((id) => lists.fields.get(id)).filter((name): name is string => !!name),
    effectiveFrom: day(row.startvalid),
    expiresAt: day(row.exptime),
  };
  return { data, pending };
};
