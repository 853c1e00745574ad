import { describe, expect, it } from 'vitest';
import { createCircuitBreaker } from '../../src/upstream/circuit-breaker.js';
import {
  errorFromResponse,
  errorFromTransport,
  circuitOpen,
  rateLimitedLocally,
  upstreamBadResponse,
} from '../../src/upstream/errors.js';
import { createRateBudget, parseRatelimitHeader } from '../../src/upstream/rate-budget.js';
import { backoffDelayMs, isRetryable } from '../../src/upstream/retry-policy.js';

/** A clock tests move by hand. */
function manualClock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('isRetryable', () => {
  const status = (code: number) =>
    errorFromResponse({ status: code, cloudflareCodes: [], retryAfter: undefined });

  it('retries rate limits, server errors and transport failures', () => {
    for (const code of [429, 500, 502, 503, 504]) expect(isRetryable(status(code))).toBe(true);
    const reset = Object.assign(new Error('reset'), { code: 'ECONNRESET' });
    expect(isRetryable(errorFromTransport(reset, false))).toBe(true);
    expect(isRetryable(errorFromTransport(reset, true))).toBe(true);
  });

  it('does not retry what would fail again', () => {
    for (const code of [400, 401, 403, 404]) expect(isRetryable(status(code))).toBe(false);
    expect(isRetryable(upstreamBadResponse('the body is not JSON'))).toBe(false);
    expect(isRetryable(circuitOpen(5))).toBe(false);
    expect(isRetryable(rateLimitedLocally(5))).toBe(false);
  });
});

describe('backoffDelayMs', () => {
  const settings = { max: 2, baseDelayMs: 100, maxDelayMs: 1_000 };

  it('is full jitter: anywhere from 0 up to the exponential ceiling', () => {
    expect(backoffDelayMs(0, settings, () => 0)).toBe(0);
    expect(backoffDelayMs(0, settings, () => 0.999)).toBe(99);
    expect(backoffDelayMs(1, settings, () => 0.5)).toBe(100);
    expect(backoffDelayMs(2, settings, () => 0.999)).toBe(399);
  });

  it('is capped', () => {
    expect(backoffDelayMs(10, settings, () => 0.999)).toBe(999);
  });
});

describe('createRateBudget', () => {
  it('allows a burst of `capacity` calls, then refills at its rate', () => {
    const clock = manualClock();
    const budget = createRateBudget({ capacity: 3, refillPerSecond: 2 }, clock.now);
    // Each allowed call says how many whole calls are left after it, for the bucket metric.
    expect([1, 2, 3].map(() => budget.take('t'))).toEqual([
      { ok: true, remaining: 2 },
      { ok: true, remaining: 1 },
      { ok: true, remaining: 0 },
    ]);
    expect(budget.take('t')).toEqual({ ok: false, waitMs: 500, paused: false });
    clock.advance(500);
    expect(budget.take('t').ok).toBe(true);
    expect(budget.take('t').ok).toBe(false);
  });

  it('caps any pause at maxPauseMs (5 minutes by default), however far away upstream puts its end', () => {
    const clock = manualClock();
    const budget = createRateBudget({ capacity: 3, refillPerSecond: 2 }, clock.now);
    budget.pause('t', clock.now() + 1e15);
    expect(budget.take('t')).toEqual({ ok: false, waitMs: 300_000, paused: true });
    const short = createRateBudget(
      { capacity: 3, refillPerSecond: 2, maxPauseMs: 2_000 },
      clock.now,
    );
    short.pause('t', clock.now() + 1e15);
    expect(short.take('t')).toEqual({ ok: false, waitMs: 2_000, paused: true });
    clock.advance(2_000);
    expect(short.take('t').ok).toBe(true);
  });

  it('keeps each token apart', () => {
    const budget = createRateBudget({ capacity: 1, refillPerSecond: 1 }, manualClock().now);
    expect(budget.take('a').ok).toBe(true);
    expect(budget.take('a').ok).toBe(false);
    expect(budget.take('b').ok).toBe(true);
  });

  it('stops a paused token until the pause ends, and only that token', () => {
    const clock = manualClock();
    const budget = createRateBudget({ capacity: 10, refillPerSecond: 1 }, clock.now);
    budget.pause('a', clock.now() + 30_000);
    expect(budget.take('a')).toEqual({ ok: false, waitMs: 30_000, paused: true });
    expect(budget.take('b').ok).toBe(true);
    clock.advance(30_000);
    expect(budget.take('a').ok).toBe(true);
  });

  it('never believes it has more calls left than upstream reports', () => {
    const budget = createRateBudget({ capacity: 10, refillPerSecond: 1 }, manualClock().now);
    budget.observeRemaining('a', 1);
    expect(budget.take('a').ok).toBe(true);
    expect(budget.take('a').ok).toBe(false);
  });

  it('keeps any window within the documented limits with the default settings', () => {
    const clock = manualClock();
    const budget = createRateBudget({ capacity: 200, refillPerSecond: 10 / 3 }, clock.now);
    const allowedIn = (windowMs: number) => {
      let allowed = 0;
      for (let elapsed = 0; elapsed < windowMs; elapsed += 50) {
        while (budget.take('t').ok) allowed += 1;
        clock.advance(50);
      }
      return allowed;
    };
    expect(allowedIn(10_000)).toBeLessThanOrEqual(250);
    expect(allowedIn(300_000 - 10_000)).toBeLessThanOrEqual(1_200 - 200);
  });
});

describe('parseRatelimitHeader', () => {
  it('reads remaining calls and seconds to reset', () => {
    expect(parseRatelimitHeader('"default";r=0;t=42')).toEqual({ remaining: 0, resetSeconds: 42 });
    expect(parseRatelimitHeader('"default";r=249')).toEqual({ remaining: 249, resetSeconds: 0 });
    expect(parseRatelimitHeader(undefined)).toBeUndefined();
    expect(parseRatelimitHeader('nonsense')).toBeUndefined();
  });
});

describe('createCircuitBreaker', () => {
  it('opens after consecutive failures, probes once after the cooldown, and closes on success', () => {
    const clock = manualClock();
    const breaker = createCircuitBreaker({ failureThreshold: 3, cooldownMs: 1_000 }, clock.now);
    breaker.onFailure();
    breaker.onFailure();
    breaker.onSuccess();
    breaker.onFailure();
    breaker.onFailure();
    expect(breaker.state()).toBe('closed');
    breaker.onFailure();
    expect(breaker.state()).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
    expect(breaker.retryInMs()).toBe(1_000);
    clock.advance(1_000);
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.state()).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(false);
    breaker.onSuccess();
    expect(breaker.state()).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('re-opens when the probe fails', () => {
    const clock = manualClock();
    const breaker = createCircuitBreaker({ failureThreshold: 1, cooldownMs: 1_000 }, clock.now);
    breaker.onFailure();
    clock.advance(1_000);
    expect(breaker.tryAcquire()).toBe(true);
    breaker.onFailure();
    expect(breaker.state()).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('counts an abandoned call as neither success nor failure, and lets the next call probe for an abandoned probe', () => {
    const clock = manualClock();
    const breaker = createCircuitBreaker({ failureThreshold: 2, cooldownMs: 1_000 }, clock.now);
    breaker.onFailure();
    breaker.onAbandon();
    breaker.onAbandon();
    expect(breaker.state()).toBe('closed');
    breaker.onFailure();
    expect(breaker.state()).toBe('open');
    clock.advance(1_000);
    expect(breaker.tryAcquire()).toBe(true);
    breaker.onAbandon();
    expect(breaker.state()).toBe('half-open');
    // Without this, the abandoned probe would hold the only slot and the circuit would never close.
    expect(breaker.tryAcquire()).toBe(true);
    breaker.onSuccess();
    expect(breaker.state()).toBe('closed');
  });
});
