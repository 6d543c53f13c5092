import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { toSlug } from '../utils/slug';
import { DEFAULT_KIND, DOCUMENT_UID, TYPE_UID, codeOf, findTypeByCode } from './lists';

/**
 * `kind` is the document type's stable code, kept on the document so the API answers `kind` as it
 * did when types were a fixed list (REST "cong-van"; GraphQL now a String with the same spelling,
 * since editors add types and an enum cannot grow). Clients may still send `kind` alone (it picks
 * the type with that code); the stored value always follows the linked type, per row (draft and
 * published), whatever the client sent.
 */
const syncKind = async (strapi: Core.Strapi, documentId: string): Promise<Map<number, string | null>> => {
  const rows = await strapi.db.query(DOCUMENT_UID).findMany({
    select: ['id', 'kind'],
    where: { documentId },
    populate: { documentType: { select: ['code'] } },
  });
  const kinds = new Map<number, string | null>();
  for (const row of rows as { id: number; kind: string | null; documentType?: { code: string } | null }[]) {
    const code = row.documentType?.code ?? null;
    kinds.set(row.id, code);
    // Through the query builder (inside the caller's transaction, no lifecycles): the query layer's
    // update would also move updatedAt, and a draft row newer than its published row shows as
    // "modified" in the admin although the editor changed nothing.
    if (row.kind !== code) await strapi.db.queryBuilder(DOCUMENT_UID).update({ kind: code }).where({ id: row.id }).execute();
  }
  return kinds;
};

const invalid = (field: string, message: string) => new errors.ValidationError(`${field}: ${message}`, { path: [field] } as any);

const dateOf = (value: unknown): string | null | undefined => {
  if (value === undefined) return undefined;
  if (value === null || value === '') return null;
  return String(value).slice(0, 10);
};

/** Nothing picked: absent, null, or the admin form's empty `{ connect: [], disconnect: [] }`. */
const namesNoRelation = (value: unknown) => {
  if (value == null || value === '') return true;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  const { connect, set } = value as { connect?: unknown[]; set?: unknown[] };
  return set === undefined && (connect === undefined || connect.length === 0);
};

/** Before the write: `kind` → type, the default type, and the order of the validity dates. */
const prepareDocument = async (strapi: Core.Strapi, action: string, params: any) => {
  const data = params.data as Record<string, unknown>;
  if (typeof data.kind === 'string' && data.kind.trim() !== '' && data.documentType === undefined) {
    const type = await findTypeByCode(strapi, data.kind);
    if (!type) throw invalid('kind', `không có loại văn bản mã "${codeOf(data.kind)}"`);
    data.documentType = type.documentId;
  } else if (action === 'create' && namesNoRelation(data.documentType)) {
    const fallback = await findTypeByCode(strapi, DEFAULT_KIND);
    if (fallback) data.documentType = fallback.documentId;
  }
  delete data.kind; // derived from the type after the write

  let effective = dateOf(data.effectiveDate);
  let expiry = dateOf(data.expiryDate);
  if (action === 'update' && params.documentId && (effective === undefined || expiry === undefined)) {
    const stored = await strapi.db.query(DOCUMENT_UID).findOne({
      select: ['effectiveDate', 'expiryDate'],
      where: { documentId: params.documentId, publishedAt: null },
    });
    if (effective === undefined) effective = dateOf(stored?.effectiveDate ?? null);
    if (expiry === undefined) expiry = dateOf(stored?.expiryDate ?? null);
  }
  if (effective && expiry && expiry < effective) {
    throw invalid('expiryDate', 'ngày hết hiệu lực phải sau hoặc bằng ngày có hiệu lực');
  }
};

/** A type made through the API without a code gets one from its name, as the admin's uid field does. */
const fillTypeCode = async (strapi: Core.Strapi, data: Record<string, unknown>) => {
  if (typeof data.code === 'string' && data.code.trim() !== '') {
    data.code = codeOf(data.code);
    return;
  }
  if (typeof data.name !== 'string' || data.name.trim() === '') return; // Strapi reports the missing name
  const base = toSlug(data.name).slice(0, 55) || 'loai';
  let code = base;
  for (let n = 2; await findTypeByCode(strapi, code); n += 1) code = `${base}-${n}`;
  data.code = code;
};

export const registerDocumentRegister = (strapi: Core.Strapi) => {
  strapi.documents.use(async (context, next) => {
    const params = context.params as any;
    if (context.uid === DOCUMENT_UID && (context.action === 'create' || context.action === 'update') && params.data) {
      await prepareDocument(strapi, context.action, params);
    }
    if (context.uid === TYPE_UID && context.action === 'create' && params.data) await fillTypeCode(strapi, params.data);
    const result: any = await next();
    if (context.uid === DOCUMENT_UID && ['create', 'update', 'publish'].includes(context.action)) {
      const documentId = result?.documentId ?? params.documentId ?? result?.entries?.[0]?.documentId;
      if (documentId) {
        const kinds = await syncKind(strapi, documentId);
        // The answer to this very request shows the stored code too.
        for (const entry of [result, ...(result?.entries ?? [])]) {
          if (entry && kinds.has(entry.id)) entry.kind = kinds.get(entry.id);
        }
      }
    }
    if (context.uid === TYPE_UID && context.action === 'update' && result?.id) {
      // An editor changed a type's code: the documents of that type answer the new code.
      const linked = await strapi.db.query(DOCUMENT_UID).findMany({ select: ['id'], where: { documentType: { id: result.id } } });
      const ids = linked.map((row: { id: number }) => row.id);
      if (ids.length) await strapi.db.query(DOCUMENT_UID).updateMany({ where: { id: { $in: ids } }, data: { kind: result.code } });
    }
    return result;
  });
};
