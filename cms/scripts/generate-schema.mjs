// Rewrites cms/schema.graphql (read by shared/'s codegen) and Strapi's TypeScript content types
// from the content-type definitions, so neither is ever edited by hand.
import { execFileSync } from 'node:child_process';
import { CMS_DIR, throwawayEnv, withStrapi } from './one-shot.mjs';

const { env, cleanup } = await throwawayEnv();
Object.assign(process.env, env, { GRAPHQL_WRITE_SCHEMA: 'true', NODE_ENV: 'development' });
try {
  await withStrapi(async () => {});
  execFileSync('strapi', ['ts:generate-types'], { cwd: CMS_DIR, stdio: 'inherit', env: process.env });
} finally {
  await cleanup();
}
console.log('Wrote cms/schema.graphql and cms/types/generated/');
