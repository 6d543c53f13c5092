import type { Core } from '@strapi/strapi';
import { allowDraftsFor } from '../middlewares/published-only';

const BUILD_TOKEN = { name: 'Xây dựng trang (chỉ đọc)', description: 'Dùng khi xây dựng trang tĩnh; tạo tự động từ STRAPI_TOKEN' };
const PREVIEW_TOKEN = {
  name: 'Xem trước bản nháp (chỉ đọc)',
  description: 'Dùng bởi máy chủ xem trước để đọc bản nháp; tạo tự động từ STRAPI_PREVIEW_TOKEN',
};

// Strapi generates its own random keys, so each token is created through the service and then
// given the key from env; the hash uses API_TOKEN_SALT exactly as Strapi does for keys it made itself.
const ensureToken = async (strapi: Core.Strapi, accessKey: string, { name, description }: { name: string; description: string }) => {
  const tokens = strapi.service('admin::api-token');
  const hashed = tokens.hash(accessKey);
  const existing = await strapi.db.query('admin::api-token').findOne({ where: { name } });
  if (existing?.accessKey === hashed) return existing.id as number;

  const encryptedKey = strapi.service('admin::encryption').encrypt(accessKey);
  const token = existing ?? (await tokens.create({ name, description, type: 'read-only', lifespan: null }));
  await strapi.db.query('admin::api-token').update({ where: { id: token.id }, data: { accessKey: hashed, encryptedKey } });
  strapi.log.info(`API token "${name}" set from the environment`);
  return token.id as number;
};

/** Site builds read with STRAPI_TOKEN: published content only (it goes to CI). */
export const ensureBuildToken = async (strapi: Core.Strapi) => {
  if (process.env.STRAPI_TOKEN) await ensureToken(strapi, process.env.STRAPI_TOKEN, BUILD_TOKEN);
};

/** The preview server reads drafts with STRAPI_PREVIEW_TOKEN, the only content-API caller allowed to. */
export const ensurePreviewToken = async (strapi: Core.Strapi) => {
  const accessKey = process.env.STRAPI_PREVIEW_TOKEN;
  if (!accessKey) return;
  if (accessKey === process.env.STRAPI_TOKEN) {
    throw new Error('STRAPI_PREVIEW_TOKEN must differ from STRAPI_TOKEN: the build token must never read drafts');
  }
  allowDraftsFor(await ensureToken(strapi, accessKey, PREVIEW_TOKEN));
};
