import type { Core } from '@strapi/strapi';

// No fallback secrets: '' stands for "unset", and the server refuses to start with any of them
// unset (src/utils/required-env.ts); `strapi build` reads this file too and needs none of them.
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: { secret: env('ADMIN_JWT_SECRET', '') },
  apiToken: { salt: env('API_TOKEN_SALT', '') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', '') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY', '') },
  flags: { nps: false, promoteEE: false },
});

export default config;
