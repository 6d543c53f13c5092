import { hash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';
import { siteCacheDir } from '../src/lib/cache-dir.ts';
import { keyedAddresses, PAGE_KEYS_ENV } from '../src/lib/partial-build.ts';

/** Addresses per sitemap file (the protocol allows 50,000; @astrojs/sitemap's default). */
const ENTRY_LIMIT = 45_000;

/** Addresses left out of the sitemap: the search page, and error pages. */
const LEFT_OUT = /^\/(tim-kiem|404|500)\/?$/;

/**
 * A sitemap file's XML, kept in the cache folder under the digest of what it lists: a publish
 * that adds or removes no address in it writes the same bytes without making them again (~0.35 s
 * at 50,000 articles). Files no build of this run used are removed.
 */
const sitemapXml = async (cache: string, used: Set<string>, site: string, urls: string[]): Promise<Buffer> => {
  const name = `${hash('sha256', `${site}\n${urls.join('\n')}`, 'base64url')}.xml`;
  used.add(name);
  const kept = await readFile(path.join(cache, name)).catch(() => null);
  if (kept) return kept;
  const sitemap = new SitemapStream({ hostname: site });
  for (const url of urls) sitemap.write({ url });
  sitemap.end();
  const xml = await streamToPromise(sitemap);
  await writeFile(path.join(cache, `${name}.tmp`), xml);
  await rename(path.join(cache, `${name}.tmp`), path.join(cache, name));
  return xml;
};

/**
 * /sitemap-index.xml and /sitemap-<n>.xml (the addresses @astrojs/sitemap used) with every page of
 * the site. A partial build renders only what changed, so the list cannot come from the pages this
 * build rendered alone: the keyed routes' addresses come from their recorded keys.
 */
export const sitemapIntegration = (): AstroIntegration => {
  let site = '';
  return {
    name: 'toasoan:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!config.site) throw new Error('The sitemap needs `site` (SITE_URL)');
        site = config.site;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const outDir = fileURLToPath(dir);
        const addresses = new Set(pages.map((page) => `/${page.pathname.replace(/^\//, '')}`));
        // Kept in memory by the keyed routes as they listed them, not read back from their key files.
        if (process.env[PAGE_KEYS_ENV]) for (const address of keyedAddresses()) addresses.add(address);
        const urls = [...addresses].filter((address) => !LEFT_OUT.test(address)).sort();

        const cache = path.join(siteCacheDir(), 'sitemaps');
        await mkdir(cache, { recursive: true });
        const used = new Set<string>();
        const index = new SitemapIndexStream();
        for (let i = 0; i * ENTRY_LIMIT < urls.length || i === 0; i += 1) {
          const xml = await sitemapXml(cache, used, site, urls.slice(i * ENTRY_LIMIT, (i + 1) * ENTRY_LIMIT));
          await writeFile(path.join(outDir, `sitemap-${i}.xml`), xml);
          index.write({ url: new URL(`sitemap-${i}.xml`, site).toString() });
        }
        for (const name of await readdir(cache)) if (!used.has(name)) await rm(path.join(cache, name), { force: true });
        index.end();
        await writeFile(path.join(outDir, 'sitemap-index.xml'), await streamToPromise(index));
        logger.info(`${urls.length} addresses`);
      },
    },
  };
};
