import { expect, test } from 'vitest';
import { startBuild, STANDBY_NODE_FLAGS } from './build.ts';

/** The arguments a build command was started with, as the command itself saw them. */
const argsOf = async (options: { full?: boolean; standby?: boolean }) => {
  const lines: string[] = [];
  const build = startBuild(
    {
      argv: ['/bin/sh', '-c', 'echo "$*"', 'sh', '{standbyNodeFlags}', '{outDir}', '{force}'],
      cwd: process.cwd(),
      env: { PATH: process.env.PATH },
      timeoutMs: 30_000,
      signal: new AbortController().signal,
    },
    '/srv/out',
    { ...options, onLine: (line) => lines.push(line) },
  );
  build.go();
  await build.done;
  return lines[0]!.split(' ');
};

test('a standby build gets the young generation flags, a full build --force, and neither the other', async () => {
  expect(await argsOf({ standby: true })).toEqual([...STANDBY_NODE_FLAGS, '/srv/out']);
  expect(await argsOf({ full: true })).toEqual(['/srv/out', '--force']);
});
