import type { Core } from '@strapi/strapi';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

const positiveInt = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

/** rate-limiter-flexible's own table (key, points, expire); not a Strapi content type. */
export const RATE_LIMIT_TABLE = 'engagement_rate_limits';

type Limiter = RateLimiterAbstract;

export interface Limits {
  requests: Limiter;
  comments: Limiter;
}

const SETTINGS = () => ({
  requests: { keyPrefix: 'requests', points: positiveInt('ENGAGEMENT_REQUESTS_PER_MINUTE', 600), duration: 60 },
  comments: { keyPrefix: 'comments', points: positiveInt('ENGAGEMENT_COMMENTS_PER_10_MINUTES', 5), duration: 600 },
});

/**
 * Per-IP limits. Counter writes are generous because a whole office can sit behind one IP;
 * comments are tight because each one lands in an editor's queue.
 *
 * On PostgreSQL the budgets live in one table shared by every CMS process (one atomic upsert per
 * request over Strapi's own knex pool; RateLimiterPostgres accepts a knex instance), so two processes behind nginx enforce one limit. A key
 * over its budget is then also blocked in this process's memory until its window ends, so a
 * flood costs no database round trips. On SQLite (one process by design) they stay in memory;
 * a restart forgets them, which is harmless for limits this short.
 */
export const createLimits = async (strapi: Core.Strapi): Promise<Limits> => {
  const settings = SETTINGS();
  if (strapi.db.dialect.client !== 'postgres') {
    return { requests: new RateLimiterMemory(settings.requests), comments: new RateLimiterMemory(settings.comments) };
  }
  // The library's own table layout, created UNLOGGED: budgets that last a minute need no
  // write-ahead log (no fsync per engagement request); a crash empties the table, which only
  // forgives the current minute.
  await strapi.db.connection
    .raw('CREATE UNLOGGED TABLE IF NOT EXISTS ?? (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)', [RATE_LIMIT_TABLE])
    // Two processes creating it at the same moment: PostgreSQL reports a duplicate type to the slower one.
    .catch((error: { code?: string }) => {
      if (error.code !== '23505') throw error;
    });
  const shared = (options: (typeof settings)['requests']) =>
    new RateLimiterPostgres({
      ...options,
      storeClient: strapi.db.connection,
      storeType: 'knex',
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      inMemoryBlockOnConsumed: options.points + 1,
    });
  return { requests: shared(settings.requests), comments: shared(settings.comments) };
};

/** Seconds until `key` may try again, or 0 when this request is within the limit. */
export const retryAfter = async (limiter: Limiter, key: string): Promise<number> => {
  try {
    await limiter.consume(key);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
};
