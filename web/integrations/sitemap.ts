import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { keyedAddresses } from '../src/lib/partial-build.ts';

/** Addresses per sitemap file (the protocol allows 50,000; @astrojs/sitemap's default). */
const ENTRY_LIMIT = 45_000;

/** Addresses left out of the sitemap: the search page, and error pages. */
const LEFT_OUT = /^\/(tim-kiem|404|500)\/?$/;

/**
 * A path the URL parser would leave as it is (no character to encode, no dot segment): joined to
 * the site's origin directly, as parsing 67,000 addresses cost ~0.07 s of each publish at 50k.
 */
const PLAIN_PATH = /^(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9\-._~!$&'()*+,;=:@%]*)+\/?$/;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/**
 * A sitemap file listing `urls` (protocol 0.9, only `<loc>`). Written here rather than through the
 * `sitemap` package's streams, which check and re-parse every address: at 50,000 articles that
 * cost ~0.6 s of each publish that adds a page; the addresses are the site's own, made absolute
 * by the URL parser.
 */
const xmlOf = (tag: 'urlset' | 'sitemapindex', item: 'url' | 'sitemap', urls: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${tag} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((url) => `<${item}><loc>${escapeXml(url)}</loc></${item}>`).join('')}</${tag}>\n`;

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
        // Kept in memory by the keyed routes as they listed them (none outside a partial build).
        for (const address of keyedAddresses()) addresses.add(address);
        const origin = new URL(site).origin;
        const urls = [...addresses].filter((address) => !LEFT_OUT.test(address)).sort().map((address) => (PLAIN_PATH.test(address) ? origin + address : new URL(address, site).href));

        const files: string[] = [];
        for (let i = 0; i * ENTRY_LIMIT < urls.length || i === 0; i += 1) {
          await writeFile(path.join(outDir, `sitemap-${i}.xml`), xmlOf('urlset', 'url', urls.slice(i * ENTRY_LIMIT, (i + 1) * ENTRY_LIMIT)));
          files.push(new URL(`sitemap-${i}.xml`, site).href);
        }
        await writeFile(path.join(outDir, 'sitemap-index.xml'), xmlOf('sitemapindex', 'sitemap', files));
        logger.info(`${urls.length} addresses`);
      },
    },
  };
};
