// The synced data store taken from memory at render time, the pages bundled beside the sync
// (integrations/store-at-render.ts, patches/astro@7.3.5.patch): a build whose pages found no synced
// store, or whose sync wrote imports for the bundle, is refused.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, expect, it } from 'vitest';
import { storeAtRenderIntegration } from '../integrations/store-at-render.ts';

const HANDED_OVER = Symbol.for('astro.build.dataStore');
const MISSING = Symbol.for('toasoan.storeAtRender.missing');
const globals = globalThis as Record<symbol, unknown>;

let root = '';
afterEach(async () => {
  delete globals[HANDED_OVER];
  delete globals[MISSING];
  await rm(root, { recursive: true, force: true });
});

/** The integration's build:done hook, after its setup saw a site in `root` with these `.astro/` files. */
const buildDone = async (files: Record<string, string>) => {
  root = await mkdtemp(path.join(tmpdir(), 'toasoan-store-'));
  await mkdir(path.join(root, '.astro'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(root, '.astro', name), text);
  const { hooks } = storeAtRenderIntegration() as Required<AstroIntegration>;
  const config = { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${root}/.cache/`) };
  let plugin: { load: { handler: (id: string) => string | null } } | undefined;
  const updateConfig = (update: { vite: { plugins: (typeof plugin)[] } }) => void (plugin = update.vite.plugins[0]);
  await (hooks['astro:config:setup'] as (o: unknown) => void)({ config, command: 'build', updateConfig });
  return {
    done: () => (hooks['astro:build:done'] as (o: unknown) => void)({}),
    /** What the pages get as the store: the module the integration puts in Astro's place, evaluated. */
    renderStore: () => new Function(plugin!.load.handler('\0astro:data-layer-content')!.replace('export default ', 'return '))() as Map<string, unknown>,
  };
};

const NO_IMPORTS = { 'content-assets.mjs': 'export default new Map();', 'content-modules.mjs': 'export default new Map();' };

it('renders from the store the sync left in the process', async () => {
  const { done, renderStore } = await buildDone(NO_IMPORTS);
  const collections = new Map([['articles', new Map([['a1', { id: 'a1', data: { title: 'Hội nghị' } }]])]]);
  globals[HANDED_OVER] = { collections: () => collections };
  expect(renderStore()).toBe(collections);
  expect(done).not.toThrow();
});

it('fails a build whose pages found no synced store, rather than publish empty lists', async () => {
  const { done, renderStore } = await buildDone(NO_IMPORTS);
  expect(renderStore()).toEqual(new Map());
  expect(done).toThrow(/no synced data store/);
});

it('lets a build end whose collections import nothing, in either form Astro writes', async () => {
  const { done } = await buildDone({ 'content-assets.mjs': '\n\nexport default new Map([]);\n\t\t', 'content-modules.mjs': 'export default new Map();' });
  expect(done).not.toThrow();
});

it('fails a build whose collections import images, naming the file and the patch', async () => {
  const { done } = await buildDone({
    'content-assets.mjs': 'import __ASTRO_IMAGE_IMPORT_0 from "./anh.jpg";\nexport default new Map([["./anh.jpg", __ASTRO_IMAGE_IMPORT_0]]);',
    'content-modules.mjs': 'export default new Map();',
  });
  expect(done).toThrow(/content-assets\.mjs: a collection now imports images.*astro@7\.3\.5\.patch/);
});
