export interface TokenBucketSettings {
  /** Calls a token may make in a burst. */
  readonly capacity: number;
  /** Calls per second the bucket refills with. */
  readonly refillPerSecond: number;
  /**
   * The longest pause upstream may impose on a token (a 429's `Retry-After`, `Ratelimit: t=`);
   * 5 minutes, the length of Cloudflare's own block, unless set.
   */
  readonly maxPauseMs?: number;
}

/** Cloudflare blocks a token that passed its limit for five minutes; no pause need be longer. */
export const DEFAULT_MAX_PAUSE_MS = 5 * 60 * 1000;

export type BudgetDecision =
  /** `remaining`: whole calls left in the token's bucket right after this one took its call. */
  | { readonly ok: true; readonly remaining: number }
  /** `waitMs` until a call is allowed again; `paused` when upstream told us to stop (429, r=0). */
  | { readonly ok: false; readonly waitMs: number; readonly paused: boolean };

/** A budget kept in this process answers at once; one shared through Redis, after a round trip. */
export interface RateBudget {
  /** Takes one call from a token's budget, or says how long until one is available. */
  take(tokenKey: string): BudgetDecision | Promise<BudgetDecision>;
  /** Stops all calls of a token until `untilMs` (after a 429, or `Ratelimit: r=0`). */
  pause(tokenKey: string, untilMs: number): void | Promise<void>;
  /** Never believe we have more calls left than upstream says we do. */
  observeRemaining(tokenKey: string, remaining: number): void;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
  pausedUntilMs: number;
}

/** Buckets kept before idle, full ones are dropped; bounds memory against many distinct tokens. */
const MAX_IDLE_BUCKETS = 10_000;

/**
 * Per-token budgets for upstream calls, shared by all requests of one gateway process. Keys are
 * keyed hashes of tokens (never tokens). Cloudflare blocks every call of a token for five minutes
 * once it makes more than 1,200 calls in five minutes, and RealtimeKit allows 250 per 10 s; a token
 * bucket of capacity C refilling at r per second allows at most C + r·W calls in any window of W
 * seconds, so the defaults (C = 200, r = 10/3) give at most 233 per 10 s and 1,200 per 5 min.
 */
export interface LocalRateBudget extends RateBudget {
  take(tokenKey: string): BudgetDecision;
  pause(tokenKey: string, untilMs: number): void;
}

export function createRateBudget(
  settings: TokenBucketSettings,
  now: () => number,
): LocalRateBudget {
  const buckets = new Map<string, Bucket>();

  const bucketOf = (tokenKey: string): Bucket => {
    const time = now();
    let bucket = buckets.get(tokenKey);
    if (bucket === undefined) {
      if (buckets.size >= MAX_IDLE_BUCKETS) prune(time);
      bucket = { tokens: settings.capacity, updatedMs: time, pausedUntilMs: 0 };
      buckets.set(tokenKey, bucket);
      return bucket;
    }
    const refill = ((time - bucket.updatedMs) / 1000) * settings.refillPerSecond;
    bucket.tokens = Math.min(settings.capacity, bucket.tokens + refill);
    bucket.updatedMs = time;
    return bucket;
  };

  const prune = (time: number) => {
    for (const [key, bucket] of buckets) {
      const refilled =
        bucket.tokens + ((time - bucket.updatedMs) / 1000) * settings.refillPerSecond;
      if (refilled >= settings.capacity && bucket.pausedUntilMs <= time) buckets.delete(key);
    }
  };

  return {
    take(tokenKey) {
      const bucket = bucketOf(tokenKey);
      const time = now();
      if (bucket.pausedUntilMs > time) {
        return { ok: false, waitMs: bucket.pausedUntilMs - time, paused: true };
      }
      if (bucket.tokens < 1) {
        const waitMs = Math.ceil(((1 - bucket.tokens) / settings.refillPerSecond) * 1000);
        return { ok: false, waitMs, paused: false };
      }
      bucket.tokens -= 1;
      return { ok: true, remaining: Math.floor(bucket.tokens) };
    },
    pause(tokenKey, untilMs) {
      const bucket = bucketOf(tokenKey);
      // An absurd Retry-After (or a hostile upstream) must not silence a token until restart.
      const capped = Math.min(untilMs, now() + (settings.maxPauseMs ?? DEFAULT_MAX_PAUSE_MS));
      bucket.pausedUntilMs = Math.max(bucket.pausedUntilMs, capped);
    },
    observeRemaining(tokenKey, remaining) {
      const bucket = bucketOf(tokenKey);
      bucket.tokens = Math.min(bucket.tokens, Math.max(0, remaining));
    },
  };
}

/** Reads `Ratelimit: "default";r=<remaining>;t=<seconds to reset>` (IETF draft syntax). */
export function parseRatelimitHeader(
  value: string | undefined,
): { remaining: number; resetSeconds: number } | undefined {
  if (value === undefined) return undefined;
  const remaining = /(?:^|;)\s*r=(\d+)/.exec(value)?.[1];
  const reset = /(?:^|;)\s*t=(\d+)/.exec(value)?.[1];
  if (remaining === undefined) return undefined;
  return { remaining: Number(remaining), resetSeconds: reset === undefined ? 0 : Number(reset) };
}
