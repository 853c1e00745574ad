import { createHmac, randomBytes } from 'node:crypto';

/** A keyed hash of an Authorization value: what per-token state is keyed by instead of the token. */
export type TokenKeyer = (authorization: string) => string;

/**
 * HMAC-SHA256 of the Authorization value. Without a secret, under a random one made here, so that
 * a key cannot be computed, or a token recovered, outside this process. Replicas that share state
 * through Redis must key a token alike, so they are given one secret (TOKEN_HASH_SECRET): only a
 * holder of it could test a guessed token against a key read from Redis. One keyer serves the
 * whole gateway (the cache, the rate budgets, live polls), so a request's key is computed once
 * and means the same token everywhere.
 */
export function createTokenKeyer(secret?: string): TokenKeyer {
  const key = secret === undefined ? randomBytes(32) : Buffer.from(secret, 'utf8');
  return (authorization) => createHmac('sha256', key).update(authorization).digest('base64url');
}
