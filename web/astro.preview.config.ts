import node from '@astrojs/node';
import type { AstroUserConfig } from 'astro';
import site from './astro.config.ts';

/**
 * The preview server: an on-demand build of one route, /xem-truoc/, that renders a draft with the
 * site's own layout and view components (src/components/views/). A separate source folder and
 * output keep the static site's build, its output layout and its pages untouched: nothing of the
 * preview is in a public release. `pnpm --filter ./web preview:build`, then `preview:start`.
 */
const config: AstroUserConfig = {
  ...site,
  srcDir: './preview',
  outDir: './.preview-server',
  cacheDir: './.cache/astro-preview',
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  // No sitemap or search index: nothing here is for the public. No sessions: nothing is stored.
  integrations: [],
  session: false,
};

export default config;
