import type { Core } from '@strapi/strapi';
import { DEFAULT_TICK } from '../src/scheduling/fields';
import { runSchedule } from '../src/scheduling/run';

/**
 * Strapi 5 reads `server.proxy` as an object (`koa`, `maxIpsCount`, `ipHeader`); a boolean is ignored.
 * IS_PROXIED=true means PROXY_COUNT (default 1) trusted proxies stand in front, each appending the
 * address it saw to X-Forwarded-For (the shipped nginx overwrites it with $remote_addr). Koa keeps
 * only the last PROXY_COUNT entries, so addresses a client wrote further left are never used.
 * Without IS_PROXIED the socket's address is the client and X-Forwarded-* headers are ignored.
 */
const proxyConfig = (env: Core.Config.Shared.ConfigParams['env']) => {
  if (!env.bool('IS_PROXIED', false)) return { koa: false };
  const count = env.int('PROXY_COUNT', 1);
  if (!Number.isInteger(count) || count < 1) throw new Error('PROXY_COUNT must be a whole number ≥ 1 (trusted proxies in front of the CMS)');
  return { koa: true, maxIpsCount: count, ipHeader: 'X-Forwarded-For' };
};

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  proxy: proxyConfig(env),
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
  // Scheduled publish and expiry ("Lịch đăng"); SCHEDULER_TICK (a cron pattern with seconds) lets tests tick faster.
  cron: {
    enabled: true,
    tasks: {
      scheduledPublishing: {
        task: ({ strapi }: { strapi: Core.Strapi }) => runSchedule(strapi),
        options: { rule: env('SCHEDULER_TICK', DEFAULT_TICK) },
      },
    },
  },
});

export default config;
