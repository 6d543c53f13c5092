export interface QueueOptions<T> {
  debounceMs: number;
  maxWaitMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Receives every change pending since the last successful run; throwing keeps them pending. */
  run: (items: T[]) => Promise<void>;
  onRetryScheduled?: (delayMs: number, failures: number) => void;
}

export interface QueueStatus {
  queued: number;
  building: boolean;
  nextRetryAt: string | null;
}

export interface Queue<T> {
  push(key: string, item: T): void;
  status(): QueueStatus;
  /** Stops timers and waits for the run in progress. */
  close(): Promise<void>;
}

/**
 * Coalesces changes into runs: a trailing debounce (capped by maxWaitMs) groups bursts, at most
 * one run is in flight, changes arriving meanwhile produce exactly one follow-up run, and a failed
 * run's changes stay pending and are retried with capped exponential backoff.
 */
export function createQueue<T>(options: QueueOptions<T>): Queue<T> {
  const pending = new Map<string, T>();
  let debounceTimer: NodeJS.Timeout | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let nextRetryAt: number | null = null;
  let firstPendingAt: number | null = null;
  let running: Promise<void> | null = null;
  let arrivedDuringRun = false;
  let failures = 0;
  let closed = false;

  function arm() {
    if (debounceTimer) clearTimeout(debounceTimer);
    const now = Date.now();
    firstPendingAt ??= now;
    const delay = Math.min(options.debounceMs, firstPendingAt + options.maxWaitMs - now);
    debounceTimer = setTimeout(flush, Math.max(0, delay));
  }

  function cancelRetry() {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    nextRetryAt = null;
  }

  function flush() {
    debounceTimer = null;
    retryTimer = null;
    nextRetryAt = null;
    firstPendingAt = null;
    if (closed || running || pending.size === 0) return;
    const batch = new Map(pending);
    pending.clear();
    arrivedDuringRun = false;
    running = options.run([...batch.values()]).then(
      () => {
        failures = 0;
        return true;
      },
      () => {
        failures += 1;
        for (const [key, item] of batch) if (!pending.has(key)) pending.set(key, item);
        return false;
      },
    ).then((ok) => {
      running = null;
      if (closed || pending.size === 0) return;
      // A change that arrived during a failed run may be the fix: build it now rather than after the backoff.
      if (ok || arrivedDuringRun) return arm();
      const delay = Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** (failures - 1));
      nextRetryAt = Date.now() + delay;
      retryTimer = setTimeout(flush, delay);
      options.onRetryScheduled?.(delay, failures);
    });
  }

  return {
    push(key, item) {
      if (closed) return;
      pending.delete(key);
      pending.set(key, item);
      if (running) {
        arrivedDuringRun = true;
        return;
      }
      cancelRetry();
      arm();
    },
    status() {
      return {
        queued: pending.size,
        building: running !== null,
        nextRetryAt: nextRetryAt === null ? null : new Date(nextRetryAt).toISOString(),
      };
    },
    async close() {
      closed = true;
      if (debounceTimer) clearTimeout(debounceTimer);
      cancelRetry();
      await running;
    },
  };
}
