import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const SHARED_DIR = path.resolve(import.meta.dirname, '..');

// Generated files are committed inputs of the site build; they must be exactly what codegen makes
// from cms/schema.graphql and src/graphql/*.graphql today.
it('has committed generated types that codegen would produce unchanged', () => {
  const result = spawnSync('pnpm', ['exec', 'graphql-codegen', '--config', 'codegen.ts', '--check'], {
    cwd: SHARED_DIR,
    encoding: 'utf8',
  });
  expect(result.status, `run \`pnpm --filter ./shared codegen\` and commit the result\n${result.stdout}${result.stderr}`).toBe(0);
});
