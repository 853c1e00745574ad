/**
 * Several gateway processes sharing one real redis-server (started here on a free loopback port)
 * in front of one fake: what the fleet as a whole does to the token, measured in the fake's call
 * log. Each replica is `src/main.ts` as `npm start` runs it (see test/support/replicas.ts).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream } from '../../src/fake-upstream/index.js';
import type { FakeCall, FakeUpstream, FakeUpstreamOptions } from '../../src/fake-upstream/index.js';
import { until } from '../operations/support.js';
import { participantIds } from '../support/calls.js';
import { openSse } from '../support/live.js';
import { redisServerAvailable, startRedisServer } from '../support/redis-server.js';
import type { RedisServer } from '../support/redis-server.js';
import { buildReplicas, startReplica, stopAll } from '../support/replicas.js';
import type { Replica, ReplicaBuild } from '../support/replicas.js';

const TOKEN_A = 'replica-test-token-a-0123456789';
const TOKEN_B = 'replica-test-token-b-9876543210';
const SECRET = 'a-secret-all-replicas-share-0123456789abcdef';
const inCi = (process.env.CI ?? '') !== '';
const MISSING_REDIS =
  "/usr/bin/redis-server is missing; install Debian's redis-server with `apt-get install --no-install-recommends redis-server` (as .ci/run does).";

let build: ReplicaBuild | undefined;
let redis: RedisServer | undefined;
let fake: FakeUpstream | undefined;
let fleet: Replica[] = [];

beforeAll(() => {
  if (!redisServerAvailable) {
    if (inCi) throw new Error(`CI must run the replica tests, but ${MISSING_REDIS}`);
    return;
  }
  build = buildReplicas();
}, 60_000);
afterAll(() => {
  build?.remove();
});
afterEach(async () => {
  await stopAll(fleet);
  fleet = [];
  await redis?.stop();
  redis = undefined;
  await fake?.close();
  fake = undefined;
});

interface Fleet {
  readonly fake: FakeUpstream;
  readonly redis: RedisServer;
  readonly replicas: readonly Replica[];
}

/** One fake, one Redis, and `count` replicas sharing it, started side by side. */
async function startFleet(
  count: number,
  env: Readonly<Record<string, string>>,
  fakeOptions: FakeUpstreamOptions = {},
): Promise<Fleet> {
  if (build === undefined) throw new Error(MISSING_REDIS);
  const started = await startFakeUpstream({ tokens: [TOKEN_A, TOKEN_B], ...fakeOptions });
  fake = started;
  const server = await startRedisServer();
  redis = server;
  const built = build;
  fleet = await Promise.all(
    Array.from({ length: count }, () =>
      startReplica(built, {
        CLOUDFLARE_API_BASE_URL: started.url,
        CLOUDFLARE_API_TOKEN: TOKEN_A,
        CLOUDFLARE_ACCOUNT_ID: started.accountId,
        REALTIMEKIT_APP_ID: started.appId,
        REDIS_URL: server.url,
        TOKEN_HASH_SECRET: SECRET,
        REPLICAS: String(count),
        UPSTREAM_RETRIES: '0',
        ...env,
      }),
    ),
  );
  return { fake: started, redis: server, replicas: fleet };
}

interface Answer {
  readonly status: number;
  readonly data: Record<string, unknown> | null | undefined;
  readonly codes: readonly string[];
}

async function ask(replica: Replica, query: string, token: string): Promise<Answer> {
  const response = await fetch(replica.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { extensions?: { code?: string } }[];
  };
  return {
    status: response.status,
    data: body.data,
    codes: (body.errors ?? []).map((error) => String(error.extensions?.code)),
  };
}

const participantQuery = (sessionId: string, participantId: string) =>
  `{ participant(sessionId: "${sessionId}", participantId: "${participantId}") { id displayName } }`;

/**
 * The most calls that arrived within any `windowMs`. Each window starts at a call, which is where
 * the most calls of any window of that length can start.
 */
function mostCallsWithin(calls: readonly FakeCall[], windowMs: number): number {
  const times = calls.map((call) => call.receivedAt).sort((a, b) => a - b);
  let most = 0;
  let end = 0;
  for (let start = 0; start < times.length; start += 1) {
    while (end < times.length && (times[end] ?? 0) - (times[start] ?? 0) <= windowMs) end += 1;
    most = Math.max(most, end - start);
  }
  return most;
}

/**
 * What a token bucket of `capacity` refilling at `perSecond` allows in `windowMs`. Calls are
 * decided in Redis and counted as they reach the fake: loopback and scheduling may bunch them up
 * by a few milliseconds, so the window is widened by `slackMs` (50 ms: a fifth of a call at the
 * rates below, where three separate buckets would allow three times the burst).
 */
const allowedWithin = (capacity: number, perSecond: number, windowMs: number, slackMs = 50) =>
  Math.floor(capacity + (perSecond * (windowMs + slackMs)) / 1000);

/** `promise`, or a failure saying what was awaited (and what was seen) after `ms`. */
async function within<T>(ms: number, what: () => string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`still waiting after ${String(ms)} ms: ${what()}`));
        }, ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const sessionCalls = (calls: readonly FakeCall[], sessionId: string) =>
  calls.filter((call) => call.endpoint === 'session' && call.path.endsWith(`/${sessionId}`));

describe.skipIf(!redisServerAvailable && !inCi)('replicas sharing one Redis', () => {
  it('together stay within one token bucket: C + r·W calls in any W', async () => {
    const capacity = 6;
    const perSecond = 4;
    const { fake: upstream, replicas } = await startFleet(3, {
      TOKEN_BUCKET_CAPACITY: String(capacity),
      TOKEN_BUCKET_REFILL_PER_SECOND: String(perSecond),
      CACHE_MAX_ENTRIES: '0',
    });
    const { largeSessionId } = upstream.demo;
    const ids = await participantIds(upstream, TOKEN_A, largeSessionId);
    // Eight waves of 15 concurrent requests, 250 ms apart, spread round-robin over the replicas,
    // each for a participant of its own: every answer not refused costs one call.
    const answers: Promise<Answer>[] = [];
    for (let wave = 0; wave < 8; wave += 1) {
      for (let i = 0; i < 15; i += 1) {
        const replica = replicas[(wave * 15 + i) % replicas.length] as Replica;
        const id = ids[(wave * 15 + i) % ids.length] as string;
        answers.push(ask(replica, participantQuery(largeSessionId, id), TOKEN_A));
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const settled = await Promise.all(answers);
    expect(settled.every((answer) => answer.status === 200)).toBe(true);
    const codes = new Set(settled.flatMap((answer) => answer.codes));
    expect([...codes]).toEqual(['RATE_LIMITED']);
    const calls = upstream.calls.filter((call) => call.endpoint === 'participant');
    // The bucket was tested: some requests were refused, and refills were spent.
    expect(calls.length).toBeGreaterThan(capacity);
    expect(calls.length).toBeLessThan(settled.length);
    for (const windowMs of [1, 100, 250, 500, 1_000, 2_000]) {
      expect(mostCallsWithin(calls, windowMs)).toBeLessThanOrEqual(
        allowedWithin(capacity, perSecond, windowMs),
      );
    }
  });

  it('after a 429 on one replica, none calls for that token until its Retry-After ends; other tokens proceed', async () => {
    const { fake: upstream, replicas } = await startFleet(3, { CACHE_MAX_ENTRIES: '0' });
    const [first, second, third] = replicas as [Replica, Replica, Replica];
    const { sessionId, participantId } = upstream.demo;
    const query = participantQuery(sessionId, participantId);
    upstream.injectFault({
      match: { endpoint: 'participant' },
      status: 429,
      retryAfter: 2,
      times: 1,
    });
    const refused = await ask(first, query, TOKEN_A);
    const pausedAt = Date.now();
    expect(refused.codes).toEqual(['RATE_LIMITED']);
    upstream.resetCalls();

    // Token A waits out the pause on the other replicas (it ends within the operation's
    // deadline), then is answered; token B is not held up at all.
    const waiting = [ask(second, query, TOKEN_A), ask(third, query, TOKEN_A)];
    const other = await Promise.all([ask(second, query, TOKEN_B), ask(third, query, TOKEN_B)]);
    expect(other.map((answer) => answer.codes)).toEqual([[], []]);
    const beforeEnd = upstream.calls.map((call) => call.receivedAt);
    expect(beforeEnd).toHaveLength(2);
    expect(beforeEnd.every((at) => at < pausedAt + 1_500)).toBe(true);

    const resumed = await Promise.all(waiting);
    expect(resumed.map((answer) => answer.codes)).toEqual([[], []]);
    const callsOfA = upstream.calls.slice(2);
    expect(callsOfA).toHaveLength(2);
    // Retry-After is whole seconds from the 429; the pause was taken when the 429 arrived, a
    // little before `pausedAt`.
    expect(callsOfA.every((call) => call.receivedAt >= pausedAt + 1_500)).toBe(true);
  });

  it('answer a token from what another replica fetched for it, never another token', async () => {
    const { fake: upstream, redis: server, replicas } = await startFleet(3, {});
    const [first, second, third] = replicas as [Replica, Replica, Replica];
    const { sessionId, participantId } = upstream.demo;
    const query = participantQuery(sessionId, participantId);

    const fetched = await ask(first, query, TOKEN_A);
    expect(fetched.codes).toEqual([]);
    expect(upstream.calls).toHaveLength(1);
    // The second level is written once the answer is on its way; wait for it to land.
    for (let attempt = 0; attempt < 50; attempt += 1) {
      if ((await server.command('KEYS', '*cache:*')) !== '') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const shared = await ask(second, query, TOKEN_A);
    expect(shared).toEqual(fetched);
    expect(upstream.calls).toHaveLength(1);

    const otherToken = await ask(third, query, TOKEN_B);
    expect(otherToken.data).toEqual(fetched.data);
    expect(upstream.calls).toHaveLength(2);
    expect(upstream.calls[1]?.authHash).not.toBe(upstream.calls[0]?.authHash);

    // Nothing in Redis names a token, and everything there expires.
    const keys = (await server.command('KEYS', '*')).split('\n').filter((key) => key !== '');
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).not.toContain(TOKEN_A);
      expect(key).not.toContain(TOKEN_B);
      // -1 is a key without a TTL; -2 one that expired since KEYS listed it (a full bucket's).
      expect(Number(await server.command('PTTL', key))).not.toBe(-1);
      const type = await server.command('TYPE', key);
      const value = await server.command(type === 'hash' ? 'HGETALL' : 'GET', key);
      expect(value).not.toContain(TOKEN_A);
      expect(value).not.toContain(TOKEN_B);
      expect(value).not.toContain(SECRET);
    }
  });

  it('poll a live session from one replica, and another takes over when it dies', async () => {
    const started = Date.now();
    // The fake's world moves twenty times faster than real time: a 7 s tick every 350 ms.
    const leaseMs = 1_500;
    const intervalMs = 1_000;
    const {
      fake: upstream,
      redis: server,
      replicas,
    } = await startFleet(
      3,
      {
        LIVE_POLL_INTERVAL_MS: String(intervalMs),
        LIVE_LEASE_MS: String(leaseMs),
        // Shorter than the interval, so that every round of the poller asks upstream (a live
        // entry answers polls while it lives), and long enough for the others to read it even
        // on a loaded machine.
        CACHE_LIVE_TTL_MS: '700',
      },
      { clock: () => (Date.now() - started) * 20 },
    );
    const { liveSessionId } = upstream.demo;
    const subscription = `subscription { sessionUpdates(sessionId: "${liveSessionId}") { id minutesConsumed } }`;
    const streams = [];
    for (const replica of replicas) {
      const stream = await openSse(replica.url, subscription, TOKEN_A);
      expect(stream.status).toBe(200);
      await stream.next();
      streams.push(stream);
    }
    try {
      upstream.resetCalls();
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      // Three pollers would make about 9 calls in 3 s; one makes about 3.
      const polled = sessionCalls(upstream.calls, liveSessionId).length;
      expect(polled).toBeGreaterThanOrEqual(2);
      expect(polled).toBeLessThanOrEqual(3_000 / intervalMs + 2);

      const leases = (await server.command('KEYS', '*live:lease:*')).split('\n');
      expect(leases).toHaveLength(1);
      const holder = await server.command('GET', leases[0] ?? '');
      const poller = replicas.find((replica) =>
        replica.logs.some((entry) => entry['replica'] === holder),
      );
      expect(poller).toBeDefined();
      await poller?.kill();
      const killedAt = Date.now();
      upstream.resetCalls();

      // The survivors' subscribers go on receiving events, polled by one of them: events with
      // data fetched after the kill (their streams also hold events from before it).
      const survivors = streams.filter((_, index) => replicas[index] !== poller);
      expect(survivors).toHaveLength(2);
      for (const [index, stream] of survivors.entries()) {
        let fresh = 0;
        while (fresh < 2) {
          const message = await within(
            20_000,
            () =>
              `survivor ${String(index)} got ${String(fresh)} fresh events; calls since the kill: ${String(sessionCalls(upstream.calls, liveSessionId).length)}; survivors' warnings: ${JSON.stringify(replicas.filter((replica) => replica !== poller).map((replica) => replica.logs.filter((entry) => entry['level'] !== 'info' && entry.msg !== 'request')))}`,
            stream.next(),
          );
          expect(message.data).toMatchObject({ data: { sessionUpdates: { id: liveSessionId } } });
          const fetchedAt = Date.parse(String(message.data?.extensions?.['fetchedAt']));
          if (fetchedAt > killedAt) fresh += 1;
        }
      }
      const after = sessionCalls(upstream.calls, liveSessionId);
      expect(after.length).toBeGreaterThan(0);
      const firstAfter = Math.min(...after.map((call) => call.receivedAt));
      // The lease lapses within LIVE_LEASE_MS; a survivor claims it at its next heartbeat.
      expect(firstAfter - killedAt).toBeLessThan(leaseMs + leaseMs / 3 + intervalMs + 500);
      upstream.resetCalls();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(sessionCalls(upstream.calls, liveSessionId).length).toBeLessThanOrEqual(
        2_000 / intervalMs + 2,
      );
    } finally {
      await Promise.all(streams.map((stream) => stream.close().catch(() => undefined)));
    }
  }, 120_000);

  it('keep serving while Redis is away, on their share of the budget, and share again once it is back', async () => {
    const capacity = 6;
    const {
      fake: upstream,
      redis: server,
      replicas,
    } = await startFleet(3, {
      TOKEN_BUCKET_CAPACITY: String(capacity),
      TOKEN_BUCKET_REFILL_PER_SECOND: '0.5',
      CACHE_MAX_ENTRIES: '0',
      REDIS_COMMAND_TIMEOUT_MS: '200',
    });
    const [first] = replicas as [Replica];
    const { largeSessionId } = upstream.demo;
    const ids = await participantIds(upstream, TOKEN_A, largeSessionId);
    const burst = async (targets: readonly Replica[]) => {
      upstream.resetCalls();
      const answers = await Promise.all(
        ids.map((id, index) =>
          ask(
            targets[index % targets.length] as Replica,
            participantQuery(largeSessionId, id),
            TOKEN_A,
          ),
        ),
      );
      expect(answers.every((answer) => answer.status === 200)).toBe(true);
      expect(new Set(answers.flatMap((answer) => answer.codes)).size).toBeLessThanOrEqual(1);
      return upstream.calls.length;
    };
    const away = (replica: Replica) =>
      replica.logs.filter((entry) => entry.msg.startsWith('Redis is away')).length;
    const back = (replica: Replica) =>
      replica.logs.filter((entry) => entry.msg.startsWith('Redis is back')).length;

    await server.kill();
    await until(() => replicas.every((replica) => away(replica) === 1), 10_000);
    // A third of the capacity each: one replica alone now makes at most 2 calls (plus refill).
    expect(await burst([first])).toBeLessThanOrEqual(capacity / 3 + 1);
    expect(replicas.every((replica) => replica.alive)).toBe(true);
    const ready = await fetch(new URL('/ready', first.url));
    expect(ready.status).toBe(200);
    const metrics = await (await fetch(new URL('/metrics', first.url))).text();
    expect(metrics).toMatch(/^rtk_graphql_redis_up 0$/m);

    await server.restart();
    await until(() => replicas.every((replica) => back(replica) === 1), 10_000);
    // Shared again: one replica may spend the whole bucket, and the fleet no more than it.
    const shared = await burst([first]);
    expect(shared).toBeGreaterThan(capacity / 3 + 1);
    expect(shared).toBeLessThanOrEqual(capacity + 1);
    expect(await burst(replicas)).toBeLessThanOrEqual(2);
    expect(replicas.every((replica) => away(replica) === 1 && replica.alive)).toBe(true);
    const again = await (await fetch(new URL('/metrics', first.url))).text();
    expect(again).toMatch(/^rtk_graphql_redis_up 1$/m);
  }, 120_000);
});
