import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { STANDBY_ENV, STANDBY_READY } from '../shared/src/standby.ts';

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

export interface RunningBuild {
  /** Settles when the build's process has ended: resolved if it succeeded. */
  done: Promise<void>;
  /** Where output lines go from now on (a standby build gets the publish's handler at go). */
  onLine: (line: string) => void;
  /** Standby builds: resolves true once the build waits for the publish, false if it ended first. */
  ready: Promise<boolean>;
  /** Standby builds: the publish came; the build reads the CMS and its time limit starts. */
  go(): void;
  stop(reason: string): void;
}

/**
 * Node's flags for a standby build (`{standbyNodeFlags}` in the build command): its young
 * generation fixed at 64 MB a half instead of growing from 1 MB. A publish's partial build makes
 * its site model, keys and lists anew and keeps them to its end, and with the default size V8
 * copied them between its halves every few megabytes (at 50,000 articles ~40 scavenges, ~0.5 s of
 * a 4 s build; 0.2–0.35 s with these, `--trace-gc`). Not in full builds, whose peak memory at
 * 50,000 articles is near 3 GiB already.
 */
export const STANDBY_NODE_FLAGS = ['--min-semi-space-size=64', '--max-semi-space-size=64'];

/**
 * Starts the site build into `outDir`. On failure the error message ends with the last lines of
 * output, because that is where astro and most tools print the actual cause. With `standby` the
 * build starts now but waits for `go()` before reading any data (web/src/lib/standby.ts).
 */
export function startBuild(command: BuildCommand, outDir: string, options: RunOptions & { standby?: boolean } = {}): RunningBuild {
  const argv = command.argv.flatMap((arg) => {
    if (arg === '{force}') return options.full ? ['--force'] : [];
    if (arg === '{standbyNodeFlags}') return options.standby ? STANDBY_NODE_FLAGS : [];
    return [arg.replaceAll('{outDir}', outDir)];
  });
  const [file, ...args] = argv;
  let markReady: (ready: boolean) => void = () => undefined;
  const ready = new Promise<boolean>((resolve) => (markReady = resolve));
  const running: RunningBuild = { done: Promise.resolve(), onLine: options.onLine ?? (() => undefined), ready, go: () => undefined, stop: () => undefined };
  if (!file) {
    markReady(false);
    running.done = Promise.reject(new Error('build command is empty'));
    return running;
  }
  running.done = new Promise((resolve, reject) => {
    // Own process group: a shell command's children (sh → node → astro workers) are killed with it.
    const child = spawn(file, args, {
      cwd: command.cwd,
      env: {
        ...command.env,
        ...options.env,
        PUBLISHER_OUT_DIR: outDir,
        PUBLISHER_FULL_BUILD: options.full ? '1' : '0',
        // Explicit: the service's own PUBLISHER_STANDBY (its setting) must not reach a fresh build.
        [STANDBY_ENV]: options.standby ? '1' : '0',
      },
      stdio: [options.standby ? 'pipe' : 'ignore', 'pipe', 'pipe'],
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
    running.stop = stop;
    let timer: NodeJS.Timeout | undefined;
    const startClock = () => (timer ??= setTimeout(() => stop(`timed out after ${command.timeoutMs} ms`), command.timeoutMs));
    if (options.standby) {
      // An input closed early (the build already ended) is not this build's error.
      child.stdin?.on('error', () => undefined);
      running.go = () => {
        startClock();
        child.stdin?.end('go\n');
      };
    } else {
      startClock();
    }
    const onAbort = () => stop('was stopped because the publisher is shutting down');
    command.signal.addEventListener('abort', onAbort, { once: true });
    if (command.signal.aborted) onAbort();

    const tail: string[] = [];
    // Whole lines (readline joins a line split across chunks, and a character split across them).
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
        if (!line.trim()) return;
        if (options.standby && line.includes(STANDBY_READY)) markReady(true);
        tail.push(line.trimEnd());
        tail.splice(0, Math.max(0, tail.length - TAIL_LINES));
        running.onLine(line);
      });
    }
    const settle = () => {
      clearTimeout(timer);
      markReady(false);
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
  return running;
}

/** Runs the site build (or any command: the search index) into `outDir` and waits for it. */
export const runBuild = (command: BuildCommand, outDir: string, options: RunOptions = {}): Promise<void> =>
  startBuild(command, outDir, options).done;
