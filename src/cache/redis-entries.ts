import type { RedisLink } from '../redis/link.js';
import type { SharedEntries, SharedEntry } from './section-cache.js';

/** Bodies larger than this stay in the first level only: one Redis value is not the place. */
const MAX_SHARED_BODY_BYTES = 4 * 1024 * 1024;

/**
 * An entry is two fields: `<need>` holds its times, `<need>\nbody` the upstream body as it came.
 * The body is not wrapped in the JSON of the times: escaping a 400 KB body into a JSON string, and
 * reading it back out, cost more than the rest of a call (measured in the benchmark).
 */
const BODY = '\nbody';

function parsed(need: string, times: string, body: string | undefined): SharedEntry | undefined {
  if (body === undefined) return undefined;
  try {
    const { fetchedAt, expiresAt } = JSON.parse(times) as Record<string, unknown>;
    return typeof fetchedAt === 'number' && typeof expiresAt === 'number'
      ? { need, fetchedAt, expiresAt, body }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The cache's second level in Redis: one hash per token, resource kind and resource (the group,
 * which starts with the keyed token hash, so an entry can only answer its own token), with one
 * field per set of sections. Every hash carries a TTL: the longest of its entries', so it goes
 * with its last live entry; an entry past its own `expiresAt` is skipped by readers. Redis's
 * `maxmemory` with `volatile-lru` or `allkeys-lru` bounds the whole (see docs/replicas.md).
 */
export function createRedisEntries(link: RedisLink): SharedEntries {
  const keyOf = (group: string) => `${link.prefix}cache:${group}`;
  return {
    async read(group) {
      const fields = await link.run((redis) => redis.hgetall(keyOf(group)));
      if (fields === undefined) return [];
      return Object.entries(fields).flatMap(([name, times]) =>
        name.endsWith(BODY) ? [] : (parsed(name, times, fields[`${name}${BODY}`]) ?? []),
      );
    },
    write(group, entry, ttlMs) {
      if (entry.body.length > MAX_SHARED_BODY_BYTES) return;
      const key = keyOf(group);
      const ttl = Math.max(1, Math.ceil(ttlMs));
      void link.run((redis) =>
        redis
          .multi()
          .hset(
            key,
            entry.need,
            JSON.stringify({ fetchedAt: entry.fetchedAt, expiresAt: entry.expiresAt }),
            `${entry.need}${BODY}`,
            entry.body,
          )
          // NX gives a new hash its TTL; GT lengthens an existing one, never shortens it.
          .pexpire(key, ttl, 'NX')
          .pexpire(key, ttl, 'GT')
          .exec(),
      );
    },
  };
}
