import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The module Astro's content layer serves the data store through (astro/dist/content/consts.js). */
const STORE_MODULE = '\0astro:data-layer-content';
/** `.astro/content-{assets,modules}.mjs` as Astro writes them when some entry imports an image or a module. */
const IMPORTS = /\bimport\b/;
/** Where the Astro patch puts the synced MutableDataStore (astro/dist/core/sync/index.js). */
const HANDED_OVER = 'astro.build.dataStore';
/** Set by the store module when pages were rendered with no synced store in the process. */
const MISSING = 'toasoan.storeAtRender.missing';

/**
 * Astro bundles the content layer's data store into the build as one module holding the whole
 * store as a string literal: 27 MB at 10,000 articles, 130 MB at 50,000. Every build, a
 * one-article publish included, Vite bundled that literal and V8 compiled it again before the
 * first page (at 50k: 7.7 s bundling, 11 s compiling, of a 43 s one-article build). The site is
 * static and its pages are rendered in the process that has just synced the store, so the
 * rendering takes that store as it is in memory (the Astro patch hands it over once synced)
 * instead of reading back what the sync wrote (at 50k another 0.75 s). The data, and so every
 * page, is the same; only where it comes from changes.
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
                    // Evaluated when the first page is rendered, after the sync; Astro takes a Map as
                    // the store. Astro swallows an error thrown here (and renders from an empty store),
                    // so a missing store is flagged for the check at the build's end instead.
                    return [
                      `const store = globalThis[Symbol.for(${JSON.stringify(HANDED_OVER)})];`,
                      `if (!store) globalThis[Symbol.for(${JSON.stringify(MISSING)})] = true;`,
                      'export default store ? store.collections() : new Map();',
                    ].join('\n');
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
        if ((globalThis as Record<symbol, unknown>)[Symbol.for(MISSING)]) {
          throw new Error('toasoan:store-at-render: pages were rendered with no synced data store in this process (a build without its content sync, or an Astro without patches/astro@7.3.5.patch)');
        }
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
