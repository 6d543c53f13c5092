import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The module Astro's content layer serves the data store through (astro/dist/content/consts.js). */
const STORE_MODULE = '\0astro:data-layer-content';

/**
 * Astro bundles the content layer's data store into the build as one module holding the whole
 * store as a string literal: 27 MB at 10,000 articles, 130 MB at 50,000. Every build, a
 * one-article publish included, Vite bundled that literal and V8 compiled it again before the
 * first page (at 50k: 7.7 s bundling, 11 s compiling, of a 43 s one-article build). The site is static
 * and its pages are rendered by the build that synced the store, on the same machine, so the
 * rendering reads the store file Astro has just written instead. The data, and so every page,
 * is the same; only where the bytes come from changes.
 */
export const storeAtRenderIntegration = (): AstroIntegration => ({
  name: 'toasoan:store-at-render',
  hooks: {
    'astro:config:setup': ({ config, command, updateConfig }) => {
      if (command !== 'build') return;
      const file = fileURLToPath(new URL('data-store.json', config.cacheDir));
      updateConfig({
        vite: {
          plugins: [
            {
              name: 'toasoan:store-at-render',
              apply: 'build',
              // Before Astro's own load hook, which would read the file and hand the whole
              // literal to the bundler.
              load: {
                order: 'pre',
                handler(id: string) {
                  if (id !== STORE_MODULE || !existsSync(file)) return null;
                  return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;
                },
              },
            },
          ],
        },
      });
    },
  },
});
