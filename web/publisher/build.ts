import { spawn } from 'node:child_process';

export interface BuildCommand {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  timeoutMs: number;
  signal: AbortSignal;
}

const TAIL_LINES = 20;

/**
 * Runs the site build into `outDir`. On failure the error message ends with the last lines of
 * output, because that is where astro and most tools print the actual cause.
 */
export function runBuild(command: BuildCommand, outDir: string): Promise<void> {
  const [file, ...args] = command.argv.map((arg) => arg.replaceAll('{outDir}', outDir));
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: command.cwd,
      env: { ...command.env, PUBLISHER_OUT_DIR: outDir },
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: command.signal,
      timeout: command.timeoutMs,
    });
    const tail: string[] = [];
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) tail.push(line.trimEnd());
      }
      tail.splice(0, Math.max(0, tail.length - TAIL_LINES));
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => reject(new Error(`build command could not run: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) return resolve();
      const how =
        signal && Date.now() - started >= command.timeoutMs
          ? `timed out after ${command.timeoutMs} ms`
          : signal
            ? `was killed by ${signal}`
            : `exited with code ${code}`;
      const output = tail.length ? `\n${tail.join('\n')}` : '';
      reject(new Error(`build command ${how}${output}`));
    });
  });
}
