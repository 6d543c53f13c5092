import type { Core } from '@strapi/strapi';
import { previewUrl } from '../src/preview/url';

// No fallback secrets: '' stands for "unset", and the server refuses to start with any of them
// unset (src/utils/required-env.ts); `strapi build` reads this file too and needs none of them.
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => {
  // The preview server (web/preview/, `pnpm --filter ./web preview:start`) as the editor's browser reaches it.
  const previewBase = env('PREVIEW_URL', '');
  return {
    auth: { secret: env('ADMIN_JWT_SECRET', '') },
    apiToken: { salt: env('API_TOKEN_SALT', '') },
    transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', '') } },
    secrets: { encryptionKey: env('ENCRYPTION_KEY', '') },
    flags: { nps: false, promoteEE: false },
    // "Xem trước" in the edit view of articles, documents and albums: the admin frames the address
    // the handler returns, so the preview origin is allowed in the admin's frame-src.
    preview: {
      enabled: Boolean(previewBase),
      config: {
        allowedOrigins: previewBase ? [new URL(previewBase).origin] : [],
        handler: (uid: string, params: { documentId: string; status?: string | null }) =>
          previewUrl(strapi, uid, params, { baseUrl: previewBase, secret: env('PREVIEW_TOKEN_SECRET', '') }),
      },
    },
  };
};

export default config;
