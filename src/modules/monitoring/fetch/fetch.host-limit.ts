/**
 * Per-host concurrency limit, so that a burst of jobs never opens more than N connections to one outlet.
 */

/** Runs tasks with at most `maxPerHost` running at a time for the same host. */
export interface HostLimiter {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
  /** Tasks running now for a host (for tests and metrics). */
  active(host: string): number;
}

/** Creates a limiter; state lives in the returned object (one per fetcher), not in the module. */
export function createHostLimiter(maxPerHost: number): HostLimiter {
  const running = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();
  const release = (host: string) => {
    const queue = waiting.get(host);
    const next = queue?.shift();
    if (queue?.length === 0) waiting.delete(host); // no empty queue per host ever seen
    if (next) next();
    else {
      const n = (running.get(host) ?? 1) - 1;
      if (n <= 0) running.delete(host);
      else running.set(host, n);
    }
  };
  const acquire = (host: string) =>
    new Promise<void>((resolve) => {
      const n = running.get(host) ?? 0;
      if (n < maxPerHost) {
        running.set(host, n + 1);
        resolve();
      } else {
        // The slot is handed over by `release` without decrementing, so the count stays exact.
        const queue = waiting.get(host);
        if (queue) queue.push(resolve);
        else waiting.set(host, [resolve]);
      }
    });
  return {
    async run(host, task) {
      await acquire(host);
      try {
        return await task();
      } finally {
        release(host);
      }
    },
    active: (host) => running.get(host) ?? 0,
  };
}
