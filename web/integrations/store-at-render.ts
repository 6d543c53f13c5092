import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The module Astro's content layer serves the data store through (astro/dist/content/consts.js). */
const STORE_MODULE = '\0astro:data-layer-content';
/** `.astro/content-{assets,modules}.mjs` as Astro writes them when some entry imports an image or a module. */
const IMPORTS = /\bimport\b/;

/**
 * Astro bundles the content layer's data store into the build as one module holding the whole
 * store as a string literal: 27 MB at 10,000 articles, 130 MB at 50,000. Every build, a
 * one-article publish included, Vite bundled that literal and V8 compiled it again before the
 * first page (at 50k: 7.7 s bundling, 11 s compiling, of a 43 s one-article build). The site is static
 * and its pages are rendered by the build that synced the store, on the same machine, so the
 * rendering reads the store file Astro has just written instead. The data, and so every page,
 * is the same; only where the bytes come from changes.
 *
 * With the store out of the bundle, the bundle no longer waits for the sync: the Astro patch
 * (patches/astro@7.3.5.patch) bundles while the content layer syncs and renders once it is done,
 * so a standby build (lib/standby.ts) has its bundle ready before the publish comes.
 */
export const storeAtRenderIntegration = (): AstroIntegration => {
  let dotAstroDir: URL;
  return {
    name: 'toasoan:store-at-render',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        dotAstroDir = new URL('.astro/', config.root);
        if (command !== 'build') return;
        const file = JSON.stringify(fileURLToPath(new URL('data-store.json', config.cacheDir)));
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
                    if (id !== STORE_MODULE) return null;
                    // Read when the pages are rendered, after the sync; no file is an empty store, as in Astro.
                    return `import { existsSync, readFileSync } from 'node:fs';\nexport default existsSync(${file}) ? JSON.parse(readFileSync(${file}, 'utf8')) : new Map();\n`;
                  },
                },
              },
            ],
          },
        });
      },
      // Of what a sync writes, a bundle reads the store (above, at render time) and the imports of
      // content images and rendered entries, which this site's collections have none of. Should a
      // collection gain some, the build fails here rather than publish pages bundled before the
      // sync wrote them.
      'astro:build:done': () => {
        for (const name of ['content-assets.mjs', 'content-modules.mjs']) {
          const file = fileURLToPath(new URL(name, dotAstroDir));
          if (IMPORTS.test(readFileSync(file, 'utf8'))) {
            throw new Error(
              `${file}: a collection now imports images or rendered entries, which the build bundles before the sync has written them (patches/astro@7.3.5.patch): drop that part of the patch`,
            );
          }
        }
      },
    },
  };
};
