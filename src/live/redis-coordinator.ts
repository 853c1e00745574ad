import { decodeSectionNeed, encodeSectionNeed } from '../loaders/needs.js';
import type { OperationNeeds } from '../loaders/needs.js';
import { script } from '../redis/link.js';
import type { RedisLink } from '../redis/link.js';
import type { LiveCoordinator, LiveRoundNews } from './hub.js';

/** Sets the lease to this replica if it is free or already this replica's, for `ARGV[2]` ms. */
const CLAIM = script(`
local holder = redis.call('GET', KEYS[1])
if holder == false or holder == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
`);

/** Deletes the lease only if this replica still holds it: a lapsed one may be another's now. */
const RELEASE = script(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

const encodeNeeds = (needs: OperationNeeds, at: number) =>
  JSON.stringify({
    at,
    participant: encodeSectionNeed(needs.participant),
    peerReport: encodeSectionNeed(needs.peerReport),
    breakoutRooms: needs.session.breakoutRooms,
  });

/** A replica's needs, unless it has not renewed them since `staleBefore` (it died). */
function decodeNeeds(text: string, staleBefore: number): OperationNeeds | undefined {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (
      typeof value['participant'] !== 'string' ||
      typeof value['peerReport'] !== 'string' ||
      typeof value['at'] !== 'number' ||
      value['at'] < staleBefore
    ) {
      return undefined;
    }
    return {
      participant: decodeSectionNeed(value['participant']),
      peerReport: decodeSectionNeed(value['peerReport']),
      session: { breakoutRooms: value['breakoutRooms'] === true },
    };
  } catch {
    return undefined;
  }
}

function decodeNews(text: string): (LiveRoundNews & { readonly from: string }) | undefined {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const { oldest, from } = value;
    return typeof oldest === 'number' && typeof from === 'string' ? { oldest, from } : undefined;
  } catch {
    return undefined;
  }
}

export interface RedisCoordinatorSettings {
  /** How long a lease lasts unless renewed (LIVE_LEASE_MS): a dead replica's lapses this soon. */
  readonly leaseMs: number;
  /** This replica's id: the value of the leases it holds. */
  readonly replicaId: string;
}

/**
 * Leases, news and needs of live polls in Redis. A poll is named by the keyed token hash and the
 * resource, never by the token. The lease is a key holding the polling replica's random id, with
 * a TTL of LIVE_LEASE_MS renewed three times per lease; each replica's needs are a field of a
 * hash with the same TTL; rounds are announced on a pub/sub channel per poll.
 */
export function createRedisCoordinator(
  link: RedisLink,
  settings: RedisCoordinatorSettings,
): LiveCoordinator {
  const me = settings.replicaId;
  // The hub names a poll `<token key>\n<resource>`; keys read better on one line.
  const name = (poll: string) => poll.replaceAll('\n', '|');
  const leaseKey = (poll: string) => `${link.prefix}live:lease:${name(poll)}`;
  const needsKey = (poll: string) => `${link.prefix}live:needs:${name(poll)}`;
  const channel = (poll: string) => `${link.prefix}live:rounds:${name(poll)}`;
  return {
    heartbeatMs: Math.max(100, Math.floor(settings.leaseMs / 3)),
    async claim(poll) {
      const answer = await link.eval(CLAIM, [leaseKey(poll)], [me, settings.leaseMs]);
      return answer === undefined ? undefined : answer === 1;
    },
    release(poll) {
      void link.eval(RELEASE, [leaseKey(poll)], [me]);
    },
    announce(poll, news) {
      void link.publish(channel(poll), JSON.stringify({ oldest: news.oldest, from: me }));
    },
    listen(poll, onRound) {
      return link.subscribe(channel(poll), (message) => {
        const news = decodeNews(message);
        if (news !== undefined && news.from !== me) onRound({ oldest: news.oldest });
      });
    },
    async shareNeeds(poll, needs) {
      const key = needsKey(poll);
      if (needs === undefined) {
        await link.run((redis) => redis.hdel(key, me));
        return [];
      }
      const fields = await link.run(async (redis) => {
        const [, , all] = (await redis
          .multi()
          .hset(key, me, encodeNeeds(needs, Date.now()))
          .pexpire(key, settings.leaseMs * 2)
          .hgetall(key)
          .exec()) ?? [null, null, null];
        return (all?.[1] ?? {}) as Record<string, string>;
      });
      if (fields === undefined) return undefined;
      const staleBefore = Date.now() - settings.leaseMs * 2;
      return Object.entries(fields).flatMap(([replica, text]) =>
        replica === me ? [] : (decodeNeeds(text, staleBefore) ?? []),
      );
    },
  };
}
