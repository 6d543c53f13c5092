import { defineConfig } from 'astro/config';
import { readBuildEnv } from '@toasoan/shared/env';
import { readAheadIntegration } from './integrations/read-ahead.ts';
import { pagefindIntegration } from './integrations/pagefind.ts';
import { sitemapIntegration } from './integrations/sitemap.ts';
import { storeAtRenderIntegration } from './integrations/store-at-render.ts';
import { siteCacheDir } from './src/lib/cache-dir.ts';

// Fails the build at once, with every bad variable listed, before any page is rendered.
const env = readBuildEnv(process.env);
const cms = new URL(env.strapiUrl);

export default defineConfig({
  site: env.siteUrl,
  output: 'static',
  trailingSlash: 'always',
  // Nothing inlined: the Content-Security-Policy (deploy/nginx) then allows scripts and styles
  // from the site's own files only, with no 'unsafe-inline' and no per-page hashes.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Kept between builds, outliving release folders: transformed remote images and the content
  // layer's data store (data-store/: the synced CMS data, so the next sync fetches only
  // changes). Pages whose cacheKey is unchanged are not built at all in the rebuild service's
  // partial builds (src/lib/partial-build.ts). See web/README.md.
  // ASTRO_CACHE_DIR: another folder, e.g. for builds that must not share one (tests run in parallel).
  cacheDir: siteCacheDir(),
  experimental: {
    // The data store as files of whole entries, one line each (cacheDir/data-store/), instead of one
    // devalue graph: with the Astro patch a sync serializes again only the entries it replaced
    // (at 50,000 articles the whole-store write was 2.5 s of every publish).
    collectionStorage: 'chunked',
  },
  compressHTML: true,
  image: {
    // Only the CMS's uploads are optimised (plus any CDN host listed in IMAGE_HOSTS).
    remotePatterns: [
      {
        protocol: cms.protocol.replace(':', ''),
        hostname: cms.hostname,
        ...(cms.port ? { port: cms.port } : {}),
      },
    ],
    domains: (process.env.IMAGE_HOSTS ?? '')
      .split(',')
      .map((host) => host.trim())
      .filter(Boolean),
    service: {
      entrypoint: 'astro/assets/services/sharp',
      config: {
        // Two cores: keep AVIF encoding affordable; the cache makes later builds cheap.
        avif: { effort: 2 },
        webp: { effort: 3 },
      },
    },
  },
  integrations: [
    storeAtRenderIntegration(),
    readAheadIntegration(),
    sitemapIntegration(),
    pagefindIntegration(),
  ],
  vite: {
    // Astro inlines small scripts below this size; 0 keeps every script in /_astro/.
    build: { assetsInlineLimit: 0 },
    ssr: {
      // Shared is TypeScript source in the workspace; bundle it (and its deps) into the build.
      noExternal: ['@toasoan/shared'],
    },
  },
});
