export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * Runs at most `concurrency` tasks at once and queues the rest in order. Used per GraphQL request
 * (fan-out) and per process (all upstream calls). One GraphQL request that
 * fans out to many upstream calls must not open a socket per call at once: it would burst through
 * RealtimeKit's rate limit and crowd out other requests.
 *
 * A finished task hands its slot straight to the next waiter instead of freeing it: the waiter
 * only runs a microtask later, and a newcomer arriving in between would otherwise take the free
 * slot too (a limit of 1 running 2). Kept here rather than p-limit: it is this small, and p-limit's
 * hand-off has changed between major versions.
 */
export function createLimiter(concurrency: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next === undefined) running -= 1;
    else next();
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= concurrency) {
      // The slot is handed over by release(), already counted.
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else {
      running += 1;
    }
    try {
      return await task();
    } finally {
      release();
    }
  };
}
