/**
 * The pieces replicas share, in one process against a real redis-server on a free port: the
 * budget script, the cache's second level, and what each does when Redis is not there. Two
 * budgets, caches or gateways over one Redis stand for two replicas.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSectionCache } from '../../src/cache/section-cache.js';
import type { CachedResource, SectionCacheSettings } from '../../src/cache/section-cache.js';
import { createRedisEntries } from '../../src/cache/redis-entries.js';
import { loadConfig } from '../../src/config.js';
import { DEMO_TOKEN, startFakeUpstream } from '../../src/fake-upstream/index.js';
import type { FakeUpstream } from '../../src/fake-upstream/index.js';
import { createLogger } from '../../src/logger.js';
import { createRedisLink } from '../../src/redis/link.js';
import type { RedisLink } from '../../src/redis/link.js';
import { serveGateway } from '../../src/start.js';
import type { ServedGateway } from '../../src/start.js';
import { createSharedRateBudget, replicaShare } from '../../src/upstream/shared-rate-budget.js';
import { createTokenKeyer } from '../../src/upstream/token-key.js';
import { redisServerAvailable, startRedisServer } from '../support/redis-server.js';
import type { RedisServer } from '../support/redis-server.js';

const inCi = (process.env.CI ?? '') !== '';
const SECRET = 'the-secret-every-replica-shares-0123456789';
const quiet = createLogger('silent');

let redis: RedisServer | undefined;
const links: RedisLink[] = [];

beforeAll(async () => {
  if (!redisServerAvailable) {
    if (inCi) throw new Error('CI must run the shared-state tests, but redis-server is missing');
    return;
  }
  redis = await startRedisServer();
}, 30_000);
afterAll(async () => {
  await Promise.all(links.map((link) => link.close()));
  await redis?.stop();
});

/** A link to the test's Redis, connected. */
async function connected(url = redis?.url ?? ''): Promise<RedisLink> {
  const link = createRedisLink(
    { url, commandTimeoutMs: 500, keyPrefix: `t${String(links.length)}:` },
    quiet,
  );
  links.push(link);
  for (let attempt = 0; attempt < 200 && !link.up; attempt += 1) {
    await link.run((client) => client.ping());
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return link;
}

/** Two links with the same key prefix: two replicas of one deployment. */
async function pair(): Promise<[RedisLink, RedisLink]> {
  const first = await connected();
  const second = createRedisLink(
    { url: redis?.url ?? '', commandTimeoutMs: 500, keyPrefix: first.prefix },
    quiet,
  );
  links.push(second);
  for (let attempt = 0; attempt < 200 && !second.up; attempt += 1) {
    await second.run((client) => client.ping());
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return [first, second];
}

describe.skipIf(!redisServerAvailable && !inCi)('the budget replicas share', () => {
  const settings = { capacity: 10, refillPerSecond: 0.001 };

  it('grants exactly the capacity to concurrent takes from two replicas', async () => {
    const [a, b] = await pair();
    const first = createSharedRateBudget({ link: a, settings, replicas: 2, now: Date.now });
    const second = createSharedRateBudget({ link: b, settings, replicas: 2, now: Date.now });
    const decisions = await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        (index % 2 === 0 ? first : second).take('token-key'),
      ),
    );
    expect(decisions.filter((decision) => decision.ok)).toHaveLength(10);
    expect(decisions.find((decision) => !decision.ok)).toMatchObject({
      ok: false,
      paused: false,
    });
    // Another token's bucket is its own.
    expect((await second.take('other-key')).ok).toBe(true);
  });

  it("stops every replica's calls of a token that one of them was told to pause", async () => {
    const [a, b] = await pair();
    const first = createSharedRateBudget({ link: a, settings, replicas: 2, now: Date.now });
    const second = createSharedRateBudget({ link: b, settings, replicas: 2, now: Date.now });
    await first.pause('token-key', Date.now() + 60_000);
    const decision = await second.take('token-key');
    expect(decision).toMatchObject({ ok: false, paused: true });
    expect(decision.ok ? 0 : decision.waitMs).toBeGreaterThan(50_000);
    expect((await second.take('other-key')).ok).toBe(true);
  });

  it('never believes more calls are left than upstream said, on any replica', async () => {
    const [a, b] = await pair();
    const first = createSharedRateBudget({ link: a, settings, replicas: 2, now: Date.now });
    const second = createSharedRateBudget({ link: b, settings, replicas: 2, now: Date.now });
    first.observeRemaining('token-key', 2);
    // The observation is written without waiting; a command after it on the same link runs
    // after it in Redis.
    await a.run((client) => client.ping());
    const decisions = await Promise.all([1, 2, 3].map(() => second.take('token-key')));
    expect(decisions.map((decision) => decision.ok)).toEqual([true, true, false]);
  });

  it('falls back, for the decisions Redis is too slow to answer, and shares again after', async () => {
    const link = await connected();
    const budget = createSharedRateBudget({
      link,
      settings: { capacity: 4, refillPerSecond: 0.001 },
      replicas: 2,
      now: Date.now,
    });
    const shared = await Promise.all([1, 2, 3, 4, 5].map(() => budget.take('slow-key')));
    expect(shared.map((decision) => decision.ok)).toEqual([true, true, true, true, false]);
    // Redis stops answering every client for longer than the link's 500 ms command timeout.
    await redis?.command('CLIENT', 'PAUSE', '1500', 'ALL');
    const meanwhile = await Promise.all([1, 2, 3].map(() => budget.take('slow-key')));
    // The shared bucket is empty, yet calls are granted: by this replica's own half of it.
    expect(meanwhile.map((decision) => decision.ok)).toEqual([true, true, false]);
    expect(link.up).toBe(false);
    for (let attempt = 0; attempt < 300 && !link.up; attempt += 1) {
      await link.run((client) => client.ping());
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(link.up).toBe(true);
    expect((await budget.take('slow-key')).ok).toBe(false);
  });

  it("falls back to this replica's share of the bucket while Redis cannot be reached", async () => {
    // Nothing listens on port 1.
    const away = createRedisLink(
      { url: 'redis://127.0.0.1:1', commandTimeoutMs: 100, keyPrefix: 'x:' },
      quiet,
    );
    links.push(away);
    const budget = createSharedRateBudget({
      link: away,
      settings: { capacity: 9, refillPerSecond: 0.001 },
      replicas: 3,
      now: Date.now,
    });
    const decisions = await Promise.all(Array.from({ length: 6 }, () => budget.take('token-key')));
    expect(decisions.map((decision) => decision.ok)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(away.up).toBe(false);
    expect(replicaShare({ capacity: 200, refillPerSecond: 10 / 3 }, 3)).toEqual({
      capacity: 66,
      refillPerSecond: 10 / 9,
    });
  });
});

describe.skipIf(!redisServerAvailable && !inCi)('the cache replicas share', () => {
  interface Value {
    readonly sections: readonly string[];
    readonly finished: boolean;
  }
  /** Values travel as the bodies they came in; `revive` reads one as a fetch would. */
  const resource: CachedResource<readonly string[], Value> = {
    name: 'peer_report',
    needKey: (need) => [...need].sort().join(','),
    covers: (have, want) => want.every((section) => have.includes(section)),
    lifetime: (value) => (value.finished ? 'finished' : 'live'),
    shared: {
      encodeNeed: (need) => JSON.stringify(need),
      decodeNeed: (text) => JSON.parse(text) as string[],
      revive: (body) => JSON.parse(body) as Value,
    },
  };
  const settings: SectionCacheSettings = {
    maxEntries: 100,
    maxBytes: 1_000_000,
    finishedTtlMs: 60_000,
    liveTtlMs: 1_000,
  };
  const keyer = createTokenKeyer(SECRET);

  async function replicas() {
    const [a, b] = await pair();
    let fetches = 0;
    const fetch = (sections: readonly string[]) => () => {
      fetches += 1;
      const value = { sections, finished: true };
      const body = JSON.stringify(value);
      return Promise.resolve({ value, bytes: body.length, body });
    };
    const caches = [a, b].map((link) =>
      createSectionCache(settings, { tokenKeyOf: keyer, shared: createRedisEntries(link) }),
    );
    return { caches, fetch, fetches: () => fetches, link: a };
  }

  /** The second level is written once the value is on its way; wait for it to land. */
  async function landed(link: RedisLink) {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const keys = await link.run((client) => client.keys(`${link.prefix}cache:*`));
      if ((keys?.length ?? 0) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it("answers a token on one replica from what another fetched for it, and never another token's", async () => {
    const { caches, fetch, fetches, link } = await replicas();
    const [first, second] = caches as [
      ReturnType<typeof createSectionCache>,
      ReturnType<typeof createSectionCache>,
    ];
    const fetched = await first
      .forToken('Bearer a')
      .through(resource, 'peer-1', ['events', 'quality_stats'], fetch(['events', 'quality_stats']));
    await landed(link);
    let fetchedAt: number | undefined;
    const shared = await second
      .forToken('Bearer a')
      .through(resource, 'peer-1', ['events'], fetch(['events']), (at) => (fetchedAt = at));
    expect(shared).toEqual(fetched);
    expect(fetches()).toBe(1);
    expect(fetchedAt).toBeLessThanOrEqual(Date.now());
    // Now in the second replica's own memory: answered without Redis.
    await second.forToken('Bearer a').through(resource, 'peer-1', ['events'], fetch(['events']));
    expect(fetches()).toBe(1);

    await second.forToken('Bearer b').through(resource, 'peer-1', ['events'], fetch(['events']));
    expect(fetches()).toBe(2);
    // A need the stored sections do not cover is fetched.
    await second
      .forToken('Bearer a')
      .through(resource, 'peer-1', ['metadata'], fetch(['metadata']));
    expect(fetches()).toBe(3);

    const keys = (await link.run((client) => client.keys(`${link.prefix}*`))) ?? [];
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).not.toContain('Bearer');
      expect(await link.run((client) => client.pttl(key))).toBeGreaterThan(0);
    }
  });

  it('skips entries fetched before a live round another replica polled', async () => {
    const { caches, fetch, fetches, link } = await replicas();
    const [first, second] = caches as [
      ReturnType<typeof createSectionCache>,
      ReturnType<typeof createSectionCache>,
    ];
    await first.forToken('Bearer a').through(resource, 'peer-2', ['events'], fetch(['events']));
    await landed(link);
    const later = Date.now() + 1_000;
    await second
      .forToken('Bearer a', 'use', undefined, later)
      .through(resource, 'peer-2', ['events'], fetch(['events']));
    expect(fetches()).toBe(2);
  });
});

describe.skipIf(!redisServerAvailable && !inCi)('gateways sharing one Redis', () => {
  let fake: FakeUpstream;
  const gateways: ServedGateway[] = [];
  const defaults = loadConfig({});

  beforeAll(async () => {
    fake = await startFakeUpstream({ tokens: [DEMO_TOKEN], clock: () => 0 });
    for (let index = 0; index < 2; index += 1) {
      gateways.push(
        await serveGateway(
          {
            serverToken: undefined,
            defaults: { accountId: fake.accountId, appId: fake.appId },
            graphiql: { exampleQuery: '{ __typename }', demoAuthorization: undefined },
            persistedDocumentsPath: undefined,
            logger: quiet,
            introspection: true,
            cache: defaults.cache,
            limits: defaults.limits,
            upstream: { ...defaults.upstream, baseUrl: fake.url },
            shared: {
              redis: { url: redis?.url ?? '', commandTimeoutMs: 500, keyPrefix: 'gw:' },
              tokenHashSecret: SECRET,
              replicas: 2,
              leaseMs: 5_000,
            },
          },
          { port: 0, host: '127.0.0.1' },
        ),
      );
    }
  }, 30_000);
  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.close()));
    await fake.close();
  });

  const ask = async (gateway: ServedGateway | undefined, query: string) => {
    const response = await fetch(gateway?.url ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKEN}` },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: unknown; errors?: unknown };
  };

  it("answers a peer report's series from another replica's fetch, read as upstream sent it", async () => {
    const { peerId } = fake.demo;
    const series = `{ peerReport(peerId: "${peerId}") { quality { video { producer { timestamp } producerCumulative { qualityMos { avg } } } audio { consumer { timestamp } } } } }`;
    const cumulatives = `{ peerReport(peerId: "${peerId}") { quality { video { producerCumulative { qualityMos { avg } } } } } }`;
    fake.resetCalls();
    // Without the series first: that entry cannot answer a query for them.
    const lean = await ask(gateways[0], cumulatives);
    expect(lean.errors).toBeUndefined();
    expect(fake.calls).toHaveLength(1);
    const full = await ask(gateways[1], series);
    expect(full.errors).toBeUndefined();
    expect(fake.calls).toHaveLength(2);
    // Both entries are written to the second level once their answers are on the way.
    const stored = async () => {
      const keys = (await redis?.command('KEYS', 'gw:cache:*peer_report*')) ?? '';
      return keys === '' ? 0 : Number(await redis?.command('HLEN', keys.split('\n')[0] ?? ''));
    };
    for (let attempt = 0; attempt < 100 && (await stored()) < 2; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // The first replica now answers both from the entry the second fetched, as it sent them.
    expect(await ask(gateways[0], series)).toEqual(full);
    expect(fake.calls).toHaveLength(2);
  });
});
