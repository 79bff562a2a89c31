/**
 * Concurrency limit per key, first come first served: monitoring never opens more than N connections to
 * one outlet (key: the host), and a burst of sign-ins never fills the thread pool with password hashes
 * (one key) so that file writes wait behind them.
 */

/** Runs tasks with at most `maxPerKey` running at a time for the same key; the others wait in order. */
export interface KeyedLimiter {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Tasks running now for a key (for tests and metrics). */
  active(key: string): number;
  /** Tasks waiting for a key. */
  waiting(key: string): number;
}

/** Creates a limiter; state lives in the returned object (one per user of it), not in the module. */
export function createKeyedLimiter(maxPerKey: number): KeyedLimiter {
  const running = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();
  const release = (key: string) => {
    const queue = waiting.get(key);
    const next = queue?.shift();
    if (queue?.length === 0) waiting.delete(key); // no empty queue per key ever seen
    if (next) next();
    else {
      const n = (running.get(key) ?? 1) - 1;
      if (n <= 0) running.delete(key);
      else running.set(key, n);
    }
  };
  const acquire = (key: string) =>
    new Promise<void>((resolve) => {
      const n = running.get(key) ?? 0;
      if (n < maxPerKey) {
        running.set(key, n + 1);
        resolve();
      } else {
        // The slot is handed over by `release` without decrementing, so the count stays exact.
        const queue = waiting.get(key);
        if (queue) queue.push(resolve);
        else waiting.set(key, [resolve]);
      }
    });
  return {
    async run(key, task) {
      await acquire(key);
      try {
        return await task();
      } finally {
        release(key);
      }
    },
    active: (key) => running.get(key) ?? 0,
    waiting: (key) => waiting.get(key)?.length ?? 0,
  };
}
