import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { WEB_DIR } from './build-helpers';

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const run = (args: string[], env: Record<string, string>) =>
  new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn('pnpm', args, { cwd: WEB_DIR, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });

export interface PreviewServer {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Builds the preview server (its own folder inside web/) and starts it on `port` as `preview:start`
 * does. The CMS learns the address first (PREVIEW_URL), so the port is chosen before either starts.
 */
export const startPreviewServer = async (port: number, env: Record<string, string>): Promise<PreviewServer> => {
  const dir = path.join('.cache', 'test-previews', `${Date.now()}-${randomBytes(4).toString('hex')}`);
  await mkdir(path.join(WEB_DIR, dir), { recursive: true });
  const buildEnv = { NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', ...env };
  const build = await run(['exec', 'astro', 'build', '--config', 'astro.preview.config.ts', '--outDir', dir], buildEnv);
  if (build.code !== 0) throw new Error(`preview build failed:\n${build.output}`);
  const child: ChildProcess = spawn(process.execPath, ['preview/start.mjs'], {
    cwd: WEB_DIR,
    env: { ...process.env, ...buildEnv, PREVIEW_SERVER_DIR: dir, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await fetch(`${url}/xem-truoc/`).catch(() => undefined);
    if (res) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the preview server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(path.join(WEB_DIR, dir), { recursive: true, force: true });
    },
  };
};
