import type { RedisLink } from '../redis/link.js';
import { script } from '../redis/link.js';
import { createRateBudget, DEFAULT_MAX_PAUSE_MS } from './rate-budget.js';
import type { BudgetDecision, RateBudget, TokenBucketSettings } from './rate-budget.js';

/*
 * The token bucket of createRateBudget, kept in Redis so that every replica draws on one bucket
 * per token: N replicas together allow at most C + r·W calls in any W seconds, as one does. Each
 * decision is one script, run atomically by Redis on Redis's own clock (replicas' clocks may
 * disagree; Redis has one), so two replicas can never both take the last call: a read-then-write
 * from the gateway could. Pauses (a 429's Retry-After, `Ratelimit: r=0`) live in the same hash,
 * so once any replica is told to stop, none calls for that token until the pause ends.
 */

const BUCKET = script(`
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000 + math.floor(tonumber(now_parts[2]) / 1000)
local capacity = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local op = ARGV[3]
local arg = tonumber(ARGV[4])
local max_pause = tonumber(ARGV[5])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'paused')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
local paused = tonumber(state[3]) or 0
tokens = math.min(capacity, tokens + math.max(0, now - at) * per_ms)
local result
if op == 'pause' then
  paused = math.max(paused, now + math.min(math.max(0, arg), max_pause))
  result = {1, 0, 0}
elseif op == 'observe' then
  tokens = math.min(tokens, math.max(0, arg))
  result = {1, 0, 0}
elseif paused > now then
  result = {0, paused - now, 1}
elseif tokens < 1 then
  result = {0, math.ceil((1 - tokens) / per_ms), 0}
else
  tokens = tokens - 1
  result = {1, math.floor(tokens), 0}
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now), 'paused', tostring(paused))
-- Once full and unpaused the hash says nothing a missing one does not: it expires then.
local full_in = math.ceil((capacity - tokens) / per_ms)
redis.call('PEXPIRE', KEYS[1], math.max(full_in, paused - now, 0) + 1000)
return result
`);

export interface SharedRateBudgetOptions {
  readonly link: RedisLink;
  readonly settings: TokenBucketSettings;
  /**
   * Replicas of the gateway (REPLICAS): while Redis is away each replica falls back to a bucket
   * of its own with 1/N of the capacity and refill, so that the fleet stays within the token's
   * limits without Redis.
   */
  readonly replicas: number;
  readonly now: () => number;
}

/** This replica's share of a bucket shared by `replicas`: at least one call of capacity. */
export function replicaShare(settings: TokenBucketSettings, replicas: number): TokenBucketSettings {
  const n = Math.max(1, replicas);
  return {
    ...settings,
    capacity: Math.max(1, Math.floor(settings.capacity / n)),
    refillPerSecond: settings.refillPerSecond / n,
  };
}

/** Every decision of a shared budget is a round trip to Redis (or a fallback after one). */
export interface SharedRateBudget extends RateBudget {
  take(tokenKey: string): Promise<BudgetDecision>;
  pause(tokenKey: string, untilMs: number): Promise<void>;
}

export function createSharedRateBudget(options: SharedRateBudgetOptions): SharedRateBudget {
  const { link, settings, now } = options;
  const fallback = createRateBudget(replicaShare(settings, options.replicas), now);
  const maxPauseMs = settings.maxPauseMs ?? DEFAULT_MAX_PAUSE_MS;
  const keyOf = (tokenKey: string) => `${link.prefix}budget:${tokenKey}`;
  const perMs = settings.refillPerSecond / 1000;
  const run = (tokenKey: string, op: 'take' | 'pause' | 'observe', arg: number) =>
    link.eval(
      BUCKET,
      [keyOf(tokenKey)],
      [settings.capacity, perMs, op, Math.round(arg), maxPauseMs],
    );

  return {
    async take(tokenKey): Promise<BudgetDecision> {
      const answer = await run(tokenKey, 'take', 0);
      if (!Array.isArray(answer)) return fallback.take(tokenKey);
      const [ok, amount, paused] = answer.map(Number);
      if (ok === 1) return { ok: true, remaining: amount ?? 0 };
      return { ok: false, waitMs: Math.max(1, amount ?? 1), paused: paused === 1 };
    },
    async pause(tokenKey, untilMs) {
      // Kept here too: should Redis go away, this replica still honours what upstream said.
      fallback.pause(tokenKey, untilMs);
      await run(tokenKey, 'pause', untilMs - now());
    },
    observeRemaining(tokenKey, remaining) {
      fallback.observeRemaining(tokenKey, remaining);
      // Not awaited: a call's answer need not wait for the bookkeeping of its header.
      void run(tokenKey, 'observe', remaining);
    },
  };
}
