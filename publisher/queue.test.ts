import { describe, expect, test } from 'vitest';
import { createQueue } from './queue.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function recorder(options: { durationMs?: number; failTimes?: number } = {}) {
  const runs: string[][] = [];
  let active = 0;
  let overlapped = false;
  let failures = options.failTimes ?? 0;
  const run = async (items: string[]) => {
    active += 1;
    overlapped ||= active > 1;
    runs.push(items);
    await sleep(options.durationMs ?? 0);
    active -= 1;
    if (failures-- > 0) throw new Error('build failed');
  };
  return { runs, run, overlapped: () => overlapped };
}

const settle = async (queue: { status(): { queued: number; building: boolean } }) => {
  while (queue.status().queued || queue.status().building) await sleep(10);
};

describe('createQueue', () => {
  test('a burst within the debounce window is one run with every change', async () => {
    const r = recorder();
    const queue = createQueue({ debounceMs: 50, maxWaitMs: 10_000, retryBaseMs: 1000, retryMaxMs: 1000, run: r.run });
    for (const key of ['a', 'b', 'a', 'c']) {
      queue.push(key, key);
      await sleep(10);
    }
    await settle(queue);
    expect(r.runs).toEqual([['b', 'a', 'c']]);
    await queue.close();
  });

  test('a steady stream cannot postpone the build past maxWaitMs', async () => {
    const r = recorder();
    const queue = createQueue({ debounceMs: 50, maxWaitMs: 150, retryBaseMs: 1000, retryMaxMs: 1000, run: r.run });
    for (let i = 0; i < 30; i++) {
      queue.push(String(i), String(i));
      await sleep(20);
    }
    expect(r.runs.length).toBeGreaterThanOrEqual(2);
    await settle(queue);
    expect(r.runs.flat()).toHaveLength(30);
    await queue.close();
  });

  test('changes during a run make exactly one follow-up run, never in parallel', async () => {
    const r = recorder({ durationMs: 200 });
    const queue = createQueue({ debounceMs: 20, maxWaitMs: 10_000, retryBaseMs: 1000, retryMaxMs: 1000, run: r.run });
    queue.push('first', 'first');
    await sleep(60);
    expect(queue.status().building).toBe(true);
    for (let i = 0; i < 5; i++) queue.push(`later-${i}`, `later-${i}`);
    await settle(queue);
    expect(r.runs).toEqual([['first'], ['later-0', 'later-1', 'later-2', 'later-3', 'later-4']]);
    expect(r.overlapped()).toBe(false);
    await queue.close();
  });

  test('a failed run keeps its changes and retries with growing, capped delays', async () => {
    const r = recorder({ failTimes: 3 });
    const delays: number[] = [];
    const queue = createQueue({
      debounceMs: 10,
      maxWaitMs: 10_000,
      retryBaseMs: 40,
      retryMaxMs: 100,
      run: r.run,
      onRetryScheduled: (delay) => delays.push(delay),
    });
    queue.push('a', 'a');
    await settle(queue);
    expect(delays).toEqual([40, 80, 100]);
    expect(r.runs).toEqual([['a'], ['a'], ['a'], ['a']]);
    await queue.close();
  });

  test('a new change during the backoff builds after the debounce, not after the backoff', async () => {
    const r = recorder({ failTimes: 1 });
    const queue = createQueue({ debounceMs: 10, maxWaitMs: 10_000, retryBaseMs: 60_000, retryMaxMs: 60_000, run: r.run });
    queue.push('a', 'a');
    await sleep(50);
    expect(queue.status().nextRetryAt).not.toBeNull();
    queue.push('b', 'b');
    await settle(queue);
    expect(r.runs).toEqual([['a'], ['a', 'b']]);
    expect(queue.status().nextRetryAt).toBeNull();
    await queue.close();
  });
});
