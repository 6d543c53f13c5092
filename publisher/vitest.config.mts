import { defineConfig } from 'vitest/config';

// The service's own tests build a fixture site, never the real one: no CMS, no Strapi compile.
// (Publishing with a real CMS and astro is tested in web/tests/publish.int.test.ts.)
export default defineConfig({
  test: {
    name: 'publisher',
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
    pool: 'threads',
    testTimeout: 60_000,
  },
});
