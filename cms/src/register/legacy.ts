import type { Core } from '@strapi/strapi';
import { DOCUMENT_UID, ISSUER_UID, SIGNER_UID, DEFAULT_KIND, ensureNamed, ensureType } from './lists';

/** Filled by database/migrations/2026.11.26T00.00.02.document-register-lists.js. */
const STAGING = 'documents_register_legacy';

/**
 * Links documents stored before the register to list entries: the old `kind` code becomes the
 * document type with that code, the old issuer and signer texts become (or find) entries by name.
 * Every row is linked (draft and published), then the staging table is dropped, so a restart
 * changes nothing.
 */
export const linkLegacyDocuments = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(STAGING))) return;
  const rows: { document_row_id: number; kind: string | null; issuer: string | null; signer: string | null }[] = await knex(STAGING).select();
  const cache = new Map<string, number | null>();
  const cached = async (key: string, make: () => Promise<{ id: number } | null>) => {
    if (!cache.has(key)) cache.set(key, (await make())?.id ?? null);
    return cache.get(key)!;
  };
  for (const row of rows) {
    const code = row.kind || DEFAULT_KIND;
    const documentType = await cached(`t:${code}`, () => ensureType(strapi, code));
    const issuer = await cached(`i:${row.issuer ?? ''}`, () => ensureNamed(strapi, ISSUER_UID, row.issuer));
    const signer = await cached(`s:${row.signer ?? ''}`, () => ensureNamed(strapi, SIGNER_UID, row.signer));
    const exists = await strapi.db.query(DOCUMENT_UID).findOne({ select: ['id'], where: { id: row.document_row_id } });
    if (!exists) continue;
    await strapi.db.query(DOCUMENT_UID).update({
      where: { id: row.document_row_id },
      data: { documentType, issuer, signer, kind: code.replace(/_/g, '-') },
    });
  }
  await knex.schema.dropTable(STAGING);
  if (rows.length) strapi.log.info(`Văn bản: đã chuyển ${rows.length} bản ghi sang danh mục loại, cơ quan ban hành, người ký`);
};
