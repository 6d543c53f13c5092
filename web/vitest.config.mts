import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['publisher/**/*.test.ts', 'src/**/*.test.ts', 'tests/**/*.test.ts'],
    pool: 'threads',
    // Publisher integration tests run real child-process builds; the e2e suite runs astro itself.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
