// Starts the built preview server (`pnpm --filter ./web preview:build` first) on HOST/PORT.
// It refuses to start without what it needs, rather than answer every preview with an error.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const missing = ['PREVIEW_TOKEN_SECRET', 'STRAPI_PREVIEW_TOKEN', 'STRAPI_URL'].filter((name) => !process.env[name]?.trim());
if (missing.length) {
  console.error(`${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set; the preview server needs them.`);
  process.exit(1);
}
// A first draft on a CMS with nothing published yet still previews (menus are then empty).
process.env.ALLOW_EMPTY_SITE ??= '1';
// PREVIEW_SERVER_DIR: another build folder (tests build their own); default web/.preview-server.
const buildDir = path.resolve(import.meta.dirname, '..', process.env.PREVIEW_SERVER_DIR ?? '.preview-server');
await import(pathToFileURL(path.join(buildDir, 'server', 'entry.mjs')).href);
