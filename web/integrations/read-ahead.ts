import type { AstroIntegration } from 'astro';
import { readKeysAhead } from '../src/lib/partial-build.ts';
import { readRecordsAhead } from '../src/lib/search-records-file.ts';

/**
 * What a build reads of the previous one, read when the build starts, while a standby build still
 * waits for its publish, rather than by the routes on the publish's critical path: the live
 * release's page keys (src/lib/partial-build.ts) and the index of the search records
 * (src/lib/search-records-file.ts). Only builds write either, and the one before has ended.
 */
export const readAheadIntegration = (): AstroIntegration => ({
  name: 'toasoan:read-ahead',
  hooks: {
    'astro:build:start': () => {
      readKeysAhead();
      readRecordsAhead();
    },
  },
});
