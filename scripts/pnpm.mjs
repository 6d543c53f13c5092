import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..');
const PNPM = 'pnpm@12.4.2';

/** Runs the pinned pnpm through npx, so a machine with only Node and npm needs nothing else. */
export const runPnpm = (args, extraEnv = {}) => {
  const result = spawnSync('npx', ['--yes', PNPM, ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...extraEnv },
  });
  return result.status ?? 1;
};

export const installWorkspace = () => {
  // better-sqlite3 compiles against Node's headers; where the system ships them, using them
  // avoids node-gyp downloading headers from the internet.
  const env = existsSync('/usr/include/node/node.h') ? { npm_config_nodedir: '/usr' } : {};
  const args = ['install', ...(process.env.CI ? ['--frozen-lockfile'] : [])];
  const status = runPnpm(args, env);
  if (status !== 0) process.exit(status);
};
