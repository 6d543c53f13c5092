// The documents register (Decree 42/2022/NĐ-CP Art. 4): document types, issuers, signers and
// fields are editable lists; documents link to them and to each other.
import type { Core } from '@strapi/strapi';
import { linkLegacyDocuments } from './legacy';
import { seedDocumentTypes } from './lists';

export { registerDocumentRegister } from './rules';

/**
 * Bootstrap: an empty type list (a new database, or one from before the register) gets the ten
 * types first, so a database whose documents used only some of them still offers all; then the
 * documents from before the register are linked.
 */
export const prepareDocumentRegister = async (strapi: Core.Strapi) => {
  await seedDocumentTypes(strapi);
  await linkLegacyDocuments(strapi);
};
