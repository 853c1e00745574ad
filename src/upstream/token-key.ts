import { createHmac, randomBytes } from 'node:crypto';

/** A keyed hash of an Authorization value: what per-token state is keyed by instead of the token. */
export type TokenKeyer = (authorization: string) => string;

/**
 * HMAC-SHA256 under a random secret made here, so that a key cannot be computed, or a token
 * recovered, outside this process. One keyer serves the whole gateway (the cache, the rate
 * budgets), so a request's key is computed once and means the same token everywhere.
 */
export function createTokenKeyer(): TokenKeyer {
  const secret = randomBytes(32);
  return (authorization) => createHmac('sha256', secret).update(authorization).digest('base64url');
}
