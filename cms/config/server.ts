import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind nginx every visitor would otherwise share the proxy's address (visitor counts, rate limits).
  proxy: env.bool('IS_PROXIED', false),
  app: {
    // Checked at start, not here, so `strapi build` needs no secret (src/utils/required-env.ts).
    keys: env.array('APP_KEYS', []),
  },
  dirs: {
    // Tests and throwaway instances keep their uploads out of the working tree.
    public: env('STRAPI_PUBLIC_DIR', './public'),
  },
  webhooks: {
    populateRelations: false,
  },
});

export default config;
