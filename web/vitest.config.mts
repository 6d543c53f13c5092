import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'web',
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    // Site tests boot the CMS from its compiled output; compile it once for all of them.
    globalSetup: ['tests/global-setup.ts'],
    pool: 'threads',
    // The site tests run astro itself.
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
