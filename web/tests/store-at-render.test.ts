// The data store read at render time, the pages bundled beside the sync (integrations/store-at-render.ts,
// patches/astro@7.3.5.patch): a build whose sync wrote imports for the bundle is refused.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, expect, it } from 'vitest';
import { storeAtRenderIntegration } from '../integrations/store-at-render.ts';

let root = '';
afterEach(() => rm(root, { recursive: true, force: true }));

/** The integration's build:done hook, after its setup saw a site in `root` with these `.astro/` files. */
const buildDone = async (files: Record<string, string>) => {
  root = await mkdtemp(path.join(tmpdir(), 'toasoan-store-'));
  await mkdir(path.join(root, '.astro'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(root, '.astro', name), text);
  const { hooks } = storeAtRenderIntegration() as Required<AstroIntegration>;
  const config = { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${root}/.cache/`) };
  await (hooks['astro:config:setup'] as (o: unknown) => void)({ config, command: 'build', updateConfig: () => undefined });
  return () => (hooks['astro:build:done'] as (o: unknown) => void)({});
};

it('lets a build end whose collections import nothing, in either form Astro writes', async () => {
  const done = await buildDone({ 'content-assets.mjs': '\n\nexport default new Map([]);\n\t\t', 'content-modules.mjs': 'export default new Map();' });
  expect(done).not.toThrow();
});

it('fails a build whose collections import images, naming the file and the patch', async () => {
  const done = await buildDone({
    'content-assets.mjs': 'import __ASTRO_IMAGE_IMPORT_0 from "./anh.jpg";\nexport default new Map([["./anh.jpg", __ASTRO_IMAGE_IMPORT_0]]);',
    'content-modules.mjs': 'export default new Map();',
  });
  expect(done).toThrow(/content-assets\.mjs: a collection now imports images.*astro@7\.3\.5\.patch/);
});
