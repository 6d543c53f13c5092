// The documents register (Decree 42/2022/NĐ-CP Art. 4): document types, issuers, signers and
// fields are editable lists; documents link to them and to each other.
import type { Core } from '@strapi/strapi';
import { linkLegacyDocuments } from './legacy';
import { seedDocumentTypes } from './lists';

export { registerDocumentRegister } from './rules';

/** Bootstrap: carry over documents from before the register, then make sure a new database has types. */
export const prepareDocumentRegister = async (strapi: Core.Strapi) => {
  await linkLegacyDocuments(strapi);
  await seedDocumentTypes(strapi);
};
