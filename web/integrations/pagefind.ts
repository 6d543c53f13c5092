import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Indexes the built site with Pagefind's Node API after `astro build`. Pages mark their searchable
 * part with data-pagefind-body and carry a hidden, diacritics-folded copy of their text (see
 * SearchFold.astro), and the search page folds each query the same way, so "hoc tap" and
 * "học tập" find the same pages.
 */
/** The pages with data-pagefind-body: /tin-tuc/<slug>/, /van-ban/<slug>/, /thu-vien-anh/<slug>/. */
export const SEARCHABLE_PAGES = '{tin-tuc,van-ban,thu-vien-anh}/*/index.html';

export const pagefindIntegration = (): AstroIntegration => ({
  name: 'toasoan:pagefind',
  hooks: {
    'astro:build:done': async ({ dir, logger }) => {
      const outDir = fileURLToPath(dir);
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      try {
        // Only article, document and album pages carry data-pagefind-body; reading just those
        // (not the lists, tag pages or the /ban-in/ print copies) halves the HTML Pagefind parses.
        const added = await index.addDirectory({ path: outDir, glob: SEARCHABLE_PAGES });
        if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
        // Only an intentionally empty site (ALLOW_EMPTY_SITE=1) gets here without pages.
        if (added.page_count === 0) logger.warn('Pagefind found no page with data-pagefind-body; the search index is empty');
        const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        logger.info(`Pagefind indexed ${added.page_count} pages`);
      } finally {
        await pagefind.close();
      }
    },
  },
});
