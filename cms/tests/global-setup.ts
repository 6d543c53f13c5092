import { CMS_DIR, strapiModule } from './harness';

// Every test file boots its own Strapi from the same compiled output; compiling once here
// keeps parallel test files from writing dist/ at the same time.
export default async function compileOnce() {
  await strapiModule.compileStrapi({ appDir: CMS_DIR });
}
