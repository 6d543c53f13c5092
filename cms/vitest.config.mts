import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'cms',
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // strapi.destroy() removes process listeners, which ends a forked worker; threads survive it.
    pool: 'threads',
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
