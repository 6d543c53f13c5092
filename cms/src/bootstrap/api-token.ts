import type { Core } from '@strapi/strapi';

const TOKEN_NAME = 'Xây dựng trang (chỉ đọc)';

// Site builds read with STRAPI_TOKEN. Strapi generates its own random keys, so the token is
// created through the service and then given the key from env; the hash uses API_TOKEN_SALT
// exactly as Strapi does for keys it made itself.
export const ensureBuildToken = async (strapi: Core.Strapi) => {
  const accessKey = process.env.STRAPI_TOKEN;
  if (!accessKey) return;

  const tokens = strapi.service('admin::api-token');
  const hashed = tokens.hash(accessKey);
  const existing = await strapi.db.query('admin::api-token').findOne({ where: { name: TOKEN_NAME } });
  if (existing?.accessKey === hashed) return;

  const encryptedKey = strapi.service('admin::encryption').encrypt(accessKey);
  const token =
    existing ??
    (await tokens.create({
      name: TOKEN_NAME,
      description: 'Dùng khi xây dựng trang tĩnh; tạo tự động từ STRAPI_TOKEN',
      type: 'read-only',
      lifespan: null,
    }));
  await strapi.db
    .query('admin::api-token')
    .update({ where: { id: token.id }, data: { accessKey: hashed, encryptedKey } });
  strapi.log.info('Build API token set from STRAPI_TOKEN');
};
