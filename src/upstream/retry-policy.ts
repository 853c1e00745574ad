import type { GatewayError } from './errors.js';

export interface RetrySettings {
  /** Retries after the first attempt. */
  readonly max: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504]);

/**
 * Which failures are worth another attempt: rate limiting, server errors, and transport failures
 * (refused or reset connections, timeouts). A 4xx other than 429 or a malformed body would only
 * fail again. Calls are all GETs, so a retry never repeats a side effect.
 */
export function isRetryable(error: GatewayError): boolean {
  const { code, upstreamStatus, retryAfter } = error.extensions;
  if (upstreamStatus !== undefined) return RETRIED_STATUSES.has(upstreamStatus);
  // Without an upstream status, a failure that carries its own retryAfter was decided here (open
  // breaker, spent budget): retrying it at once would only fail again.
  if (retryAfter !== undefined) return false;
  return code === 'UPSTREAM_UNAVAILABLE' || code === 'UPSTREAM_TIMEOUT';
}

/**
 * Capped exponential backoff with full jitter: a uniformly random delay up to
 * min(max, base · 2^attempt), so clients that failed together do not retry together.
 * `attempt` counts retries from 0.
 */
export function backoffDelayMs(
  attempt: number,
  settings: RetrySettings,
  random: () => number,
): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}
