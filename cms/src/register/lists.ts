import type { Core, UID } from '@strapi/strapi';
import { DOCUMENT_KINDS, kindLabel, normalizeKind } from '@toasoan/shared/kinds';

export const DOCUMENT_UID = 'api::document.document';
export const TYPE_UID = 'api::document-type.document-type';
export const ISSUER_UID = 'api::issuer.issuer';
export const SIGNER_UID = 'api::signer.signer';
export const FIELD_UID = 'api::document-field.document-field';

/** The type a document gets when a client names none (the enumeration's old default). */
export const DEFAULT_KIND = 'khac';

type Entry = { id: number; documentId: string };

/** `code` as API clients send it: "cong_van" (the old GraphQL enum) and "cong-van" are one code. */
export const codeOf = (code: string) => code.trim().toLowerCase().replace(/_/g, '-');

export const findTypeByCode = async (strapi: Core.Strapi, code: string): Promise<Entry | null> =>
  strapi.db.query(TYPE_UID).findOne({ select: ['id', 'documentId', 'code'], where: { code: codeOf(code) } });

/**
 * The type with this code, made when missing with the label the old fixed list gave it. Made
 * through the document service, so it is the same as a type an editor adds in the admin.
 */
export const ensureType = async (strapi: Core.Strapi, code: string): Promise<Entry> => {
  const found = await findTypeByCode(strapi, code);
  if (found) return found;
  const known = (DOCUMENT_KINDS as readonly string[]).includes(codeOf(code));
  const name = known ? kindLabel(normalizeKind(code)) : code.trim();
  return (await strapi.documents(TYPE_UID).create({ data: { name, code: codeOf(code) } as any })) as unknown as Entry;
};

/** The issuer or signer with this name (NFC, trimmed), made when missing. Empty names give null. */
export const ensureNamed = async (strapi: Core.Strapi, uid: UID.ContentType, name: string | null | undefined): Promise<Entry | null> => {
  const clean = (name ?? '').normalize('NFC').trim();
  if (!clean) return null;
  const found = await strapi.db.query(uid).findOne({ select: ['id', 'documentId'], where: { name: clean } });
  if (found) return found as Entry;
  return (await strapi.documents(uid as any).create({ data: { name: clean } as any })) as unknown as Entry;
};

/**
 * A new database starts with the types today's documents know (their codes are the API's `kind`
 * values); editors add, rename or remove types afterwards, so this only fills an empty list.
 */
export const seedDocumentTypes = async (strapi: Core.Strapi) => {
  if ((await strapi.db.query(TYPE_UID).count()) > 0) return;
  for (const code of DOCUMENT_KINDS) await ensureType(strapi, code);
};
