import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CMS_DIR, startCms, type TestCms } from './harness';

let cms: TestCms;
let outDir: string;
beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'toasoan-schema-'));
  cms = await startCms({ env: { GRAPHQL_WRITE_SCHEMA: 'true', GRAPHQL_SCHEMA_PATH: path.join(outDir, 'schema.graphql') } });
});
afterAll(async () => {
  await cms?.destroy();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

// The site's types are generated from the committed schema.graphql; if it lags behind the content
// types, codegen would type fields the CMS no longer has (or miss new ones) without anyone noticing.
it('has a committed schema.graphql identical to what the content types produce', async () => {
  // Nexus writes the file in the background once the schema is built.
  const fresh = await expect
    .poll(() => readFile(path.join(outDir, 'schema.graphql'), 'utf8').catch(() => ''), { timeout: 20_000 })
    .toContain('type Article {')
    .then(() => readFile(path.join(outDir, 'schema.graphql'), 'utf8'));
  const committed = await readFile(path.join(CMS_DIR, 'schema.graphql'), 'utf8');
  expect(committed, 'run `pnpm --filter ./cms generate` and commit cms/schema.graphql').toBe(fresh);
});
