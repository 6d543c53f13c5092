import { defineConfig } from 'vitest/config';

// One Vitest run covers every package; each package's own config says how its tests run.
export default defineConfig({
  test: {
    projects: ['cms', 'shared', 'web', 'publisher'],
    // Two cores: each CMS test file boots its own Strapi, each site test file runs astro build.
    maxWorkers: 2,
  },
});
