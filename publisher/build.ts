import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface BuildCommand {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  timeoutMs: number;
  signal: AbortSignal;
}

const TAIL_LINES = 20;

export interface RunOptions {
  /** Rebuild everything: the token `{force}` becomes `--force`, and PUBLISHER_FULL_BUILD=1. */
  full?: boolean;
  env?: Record<string, string>;
  /** Every line of output as it arrives (phase timings). */
  onLine?: (line: string) => void;
}

/**
 * Runs the site build into `outDir`. On failure the error message ends with the last lines of
 * output, because that is where astro and most tools print the actual cause.
 */
export function runBuild(command: BuildCommand, outDir: string, options: RunOptions = {}): Promise<void> {
  const argv = command.argv.flatMap((arg) => (arg === '{force}' ? (options.full ? ['--force'] : []) : [arg.replaceAll('{outDir}', outDir)]));
  const [file, ...args] = argv;
  if (!file) return Promise.reject(new Error('build command is empty'));
  return new Promise((resolve, reject) => {
    // Own process group: a shell command's children (sh → node → astro workers) are killed with it.
    const child = spawn(file, args, {
      cwd: command.cwd,
      env: { ...command.env, ...options.env, PUBLISHER_OUT_DIR: outDir, PUBLISHER_FULL_BUILD: options.full ? '1' : '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stopReason: string | null = null;
    const stop = (reason: string) => {
      stopReason ??= reason;
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => stop(`timed out after ${command.timeoutMs} ms`), command.timeoutMs);
    const onAbort = () => stop('was stopped because the publisher is shutting down');
    command.signal.addEventListener('abort', onAbort, { once: true });
    if (command.signal.aborted) onAbort();

    const tail: string[] = [];
    // Whole lines (readline joins a line split across chunks, and a character split across them).
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
        if (!line.trim()) return;
        tail.push(line.trimEnd());
        tail.splice(0, Math.max(0, tail.length - TAIL_LINES));
        options.onLine?.(line);
      });
    }
    const settle = () => {
      clearTimeout(timer);
      command.signal.removeEventListener('abort', onAbort);
    };
    child.on('error', (error) => {
      settle();
      reject(new Error(`build command could not run: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      settle();
      if (code === 0 && !stopReason) return resolve();
      const how = stopReason ?? (signal ? `was killed by ${signal}` : `exited with code ${code}`);
      const output = tail.length ? `\n${tail.join('\n')}` : '';
      reject(new Error(`build command ${how}${output}`));
    });
  });
}
