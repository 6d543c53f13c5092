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
    // What a browser test waits for (a list row, a saved form) shows after the CMS and Chromium have
    // worked: under CI load that took longer than vitest's default poll of 1 s. A poll returns as
    // soon as its condition holds, so only a failure waits this long.
    expect: { poll: { timeout: 30_000 } },
  },
});
