import type { AstroIntegration } from 'astro';
import { readKeysAhead } from '../src/lib/partial-build.ts';

/**
 * Partial builds (src/lib/partial-build.ts): the live release's page keys are read when the build
 * starts, while a standby build still waits for its publish, rather than by each keyed route.
 */
export const pageKeysIntegration = (): AstroIntegration => ({
  name: 'toasoan:page-keys',
  hooks: {
    'astro:build:start': () => readKeysAhead(),
  },
});
