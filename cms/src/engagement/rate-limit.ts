import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

const positiveInt = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

/**
 * Per-IP limits, kept in this process's memory (one CMS process; a restart forgets them, which
 * is harmless for limits this short). Counter writes are generous because a whole office can sit
 * behind one IP; comments are tight because each one lands in an editor's queue.
 */
export const createLimits = () => ({
  requests: new RateLimiterMemory({ points: positiveInt('ENGAGEMENT_REQUESTS_PER_MINUTE', 600), duration: 60 }),
  comments: new RateLimiterMemory({ points: positiveInt('ENGAGEMENT_COMMENTS_PER_10_MINUTES', 5), duration: 600 }),
});

/** Seconds until `key` may try again, or 0 when this request is within the limit. */
export const retryAfter = async (limiter: RateLimiterMemory, key: string): Promise<number> => {
  try {
    await limiter.consume(key);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
};
