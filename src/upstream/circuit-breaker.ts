export interface BreakerSettings {
  /** Consecutive failures that open the circuit. */
  readonly failureThreshold: number;
  /** How long the circuit stays open before one probe call is let through. */
  readonly cooldownMs: number;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreaker {
  /** Whether a call may go upstream now. In half-open state only one probe is let through. */
  tryAcquire(): boolean;
  /** Milliseconds until a probe will be allowed; 0 when calls are allowed. */
  retryInMs(): number;
  /** Upstream answered (any status below 500, a 429 included): it is up. */
  onSuccess(): void;
  /** A 5xx, a refused or reset connection, or a timeout. */
  onFailure(): void;
  /**
   * The call was abandoned because our own client went away: no news about upstream. Neither a
   * success nor a failure; a probe abandoned this way lets the next call probe instead.
   */
  onAbandon(): void;
  state(): BreakerState;
}

/**
 * A circuit breaker for one upstream. When RealtimeKit is down, every call would wait for its
 * timeout and retries would add load; after `failureThreshold` consecutive failures the breaker
 * fails calls at once instead, and after `cooldownMs` lets a single probe through: its success
 * closes the circuit, its failure opens it for another cooldown.
 */
export function createCircuitBreaker(settings: BreakerSettings, now: () => number): CircuitBreaker {
  let state: BreakerState = 'closed';
  let failures = 0;
  let openedAtMs = 0;
  let probeInFlight = false;

  const open = () => {
    state = 'open';
    openedAtMs = now();
    probeInFlight = false;
  };

  return {
    tryAcquire() {
      if (state === 'closed') return true;
      if (state === 'open' && now() - openedAtMs >= settings.cooldownMs) state = 'half-open';
      if (state === 'half-open' && !probeInFlight) {
        probeInFlight = true;
        return true;
      }
      return false;
    },
    retryInMs() {
      if (state === 'closed') return 0;
      return Math.max(0, openedAtMs + settings.cooldownMs - now());
    },
    onSuccess() {
      state = 'closed';
      failures = 0;
      probeInFlight = false;
    },
    onFailure() {
      failures += 1;
      if (state === 'half-open' || failures >= settings.failureThreshold) open();
    },
    onAbandon() {
      if (state === 'half-open') probeInFlight = false;
    },
    state: () => state,
  };
}
