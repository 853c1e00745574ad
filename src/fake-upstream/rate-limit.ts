/**
 * A fixed window per token, as RealtimeKit publishes its limit (250 requests per 10 s). The clock is injected so
 * tests need not wait out a window.
 */

export interface RateLimitOptions {
  readonly quota: number;
  readonly windowSeconds: number;
  readonly now?: () => number;
}

export interface RateLimitDecision {
  readonly allowed: boolean;
  readonly remaining: number;
  /** Whole seconds until the window resets, at least 1. */
  readonly resetSeconds: number;
  readonly headers: Readonly<Record<string, string>>;
}

export interface RateLimiter {
  consume(key: string): RateLimitDecision;
}

export function createRateLimiter({
  quota,
  windowSeconds,
  now = Date.now,
}: RateLimitOptions): RateLimiter {
  if (!Number.isInteger(quota) || quota < 1)
    throw new RangeError('rateLimit.quota must be a positive integer');
  if (!Number.isInteger(windowSeconds) || windowSeconds < 1) {
    throw new RangeError('rateLimit.windowSeconds must be a positive integer');
  }
  const windowMs = windowSeconds * 1000;
  const windows = new Map<string, { startMs: number; count: number }>();
  return {
    consume(key) {
      const at = now();
      let window = windows.get(key);
      if (window === undefined || at - window.startMs >= windowMs) {
        window = { startMs: at, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      const remaining = Math.max(0, quota - window.count);
      const resetSeconds = Math.max(1, Math.ceil((window.startMs + windowMs - at) / 1000));
      return {
        allowed: window.count <= quota,
        remaining,
        resetSeconds,
        headers: {
          ratelimit: `"default";r=${remaining};t=${resetSeconds}`,
          'ratelimit-policy': `"burst";q=${quota};w=${windowSeconds}`,
        },
      };
    },
  };
}
