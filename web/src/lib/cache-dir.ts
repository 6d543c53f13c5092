/**
 * The site's cache folder, kept between builds (Astro's `cacheDir`: data store, transformed images;
 * ours: search records and the full search index). ASTRO_CACHE_DIR, else `.cache/astro`, relative
 * to the site's folder, where builds and the index command run.
 */
import path from 'node:path';

export const siteCacheDir = (env: NodeJS.ProcessEnv = process.env): string => path.resolve(env.ASTRO_CACHE_DIR || './.cache/astro');
