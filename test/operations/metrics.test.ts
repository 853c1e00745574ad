import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import { createOperationLabeler } from '../../src/observability/operation-label.js';
import { upstreamEndpointOf } from '../../src/observability/upstream-observer.js';
import { startHarness } from '../support/harness.js';
import type { Harness, HarnessOptions } from '../support/harness.js';
import { sample, scrape } from './support.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-00000000dead';

describe('operation name labels', () => {
  it('are the name, anonymous, or other, with at most N distinct names', () => {
    const label = createOperationLabeler(2);
    expect(label(undefined)).toBe('anonymous');
    expect(label('')).toBe('anonymous');
    expect(label('First')).toBe('First');
    expect(label('not a name')).toBe('other');
    expect(label('1stOperation')).toBe('other');
    expect(label(`A${'b'.repeat(64)}`)).toBe('other');
    expect(label(`A${'b'.repeat(63)}`)).toBe(`A${'b'.repeat(63)}`);
    expect(label('Third')).toBe('other');
    expect(label('First')).toBe('First');
  });
});

describe('upstream endpoint labels', () => {
  it('name the endpoint of a resource path, never its ids', () => {
    const app = '/accounts/0123456789abcdef0123456789abcdef/realtime/kit/app-1';
    expect(upstreamEndpointOf(`${app}/sessions`)).toBe('sessions');
    expect(upstreamEndpointOf(`${app}/sessions/s-1`)).toBe('session');
    expect(upstreamEndpointOf(`${app}/sessions/s-1/participants`)).toBe('participants');
    expect(upstreamEndpointOf(`${app}/sessions/s-1/participants/p-1`)).toBe('participant');
    expect(upstreamEndpointOf(`${app}/sessions/peer-report/p-1`)).toBe('peer_report');
    expect(upstreamEndpointOf(`${app}/meetings`)).toBe('other');
  });
});

async function withHarness(options: HarnessOptions, run: (h: Harness) => Promise<void>) {
  const h = await startHarness(options);
  try {
    await run(h);
  } finally {
    await h.close();
  }
}

describe('GraphQL operation metrics', () => {
  let h: Harness;
  let participant: (id: string) => string;
  beforeAll(async () => {
    h = await startHarness();
    const { sessionId } = h.fake.demo;
    participant = (id) => `participant(sessionId: "${sessionId}", participantId: "${id}") { id }`;
  });
  afterAll(async () => {
    await h.close();
  });

  it('count each operation by name and outcome, with its duration', async () => {
    const { participantId } = h.fake.demo;
    await h.query('query Ok { __typename }');
    await h.query('query Ok { __typename }');
    await h.query(`query Pair { a: ${participant(participantId)} b: ${participant(UNKNOWN_ID)} }`);
    await h.query(`query Broken { ${participant('not-a-uuid')} }`);
    await h.query('{ __typename }');
    await h.query('query Invalid { nope }');
    await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{', operationName: 'not a name' }),
    });
    await fetch(`${h.url}?query=${encodeURIComponent('query Csrf { __typename }')}`);

    const text = await scrape(h);
    const ops = (operation: string, outcome: string) =>
      sample(text, 'rtk_graphql_operations_total', { operation, outcome });
    expect(ops('Ok', 'success')).toBe(2);
    expect(ops('Pair', 'partial')).toBe(1);
    expect(ops('Broken', 'error')).toBe(1);
    expect(ops('anonymous', 'success')).toBe(1);
    expect(ops('Invalid', 'error')).toBe(1);
    expect(ops('other', 'error')).toBe(1);
    // Refused before the query was read: its name is unknown.
    expect(ops('anonymous', 'error')).toBe(1);
    expect(
      sample(text, 'rtk_graphql_operation_duration_seconds_count', {
        operation: 'Ok',
        outcome: 'success',
      }),
    ).toBe(2);
  });

  it('leave out requests that are not GraphQL operations', async () => {
    const before = await scrape(h);
    await fetch(`${new URL(h.url).origin}/health`);
    await fetch(`${new URL(h.url).origin}/nowhere`);
    const after = await scrape(h);
    const total = (text: string) =>
      [...text.matchAll(/^rtk_graphql_operations_total\{[^}]*\} (\d+)$/gm)].reduce(
        (sum, match) => sum + Number(match[1]),
        0,
      );
    expect(total(after)).toBe(total(before));
  });
});

describe('upstream call metrics', () => {
  const query = (h: Harness, id = h.fake.demo.participantId) =>
    h.query(
      `{ participant(sessionId: "${h.fake.demo.sessionId}", participantId: "${id}") { id } }`,
    );

  it('count attempts by endpoint and status, with latency, and retries by reason', async () => {
    await withHarness({}, async (h) => {
      await query(h);
      h.fake.injectFault({ match: { endpoint: 'participant' }, status: 503 });
      await query(h);
      h.fake.clearFaults();
      h.fake.injectFault({ match: { endpoint: 'participant' }, drop: 'before-headers' });
      await query(h);
      h.fake.clearFaults();
      await h.query(`{ peerReport(peerId: "${h.fake.demo.participantId}") { id } }`);

      const text = await scrape(h);
      const attempts = (endpoint: string, status: string) =>
        sample(text, 'rtk_graphql_upstream_requests_total', { endpoint, status });
      expect(attempts('participant', '200')).toBe(1);
      expect(attempts('participant', '503')).toBe(3);
      expect(attempts('participant', 'network')).toBe(3);
      expect(attempts('peer_report', '200')).toBe(1);
      expect(
        sample(text, 'rtk_graphql_upstream_retries_total', {
          endpoint: 'participant',
          reason: '503',
        }),
      ).toBe(2);
      expect(
        sample(text, 'rtk_graphql_upstream_retries_total', {
          endpoint: 'participant',
          reason: 'network',
        }),
      ).toBe(2);
      expect(
        sample(text, 'rtk_graphql_upstream_request_duration_seconds_count', {
          endpoint: 'participant',
          status: '200',
        }),
      ).toBe(1);
      // The fake reports its remaining budget on every answer.
      expect(sample(text, 'rtk_graphql_upstream_rate_limit_remaining_count')).toBeGreaterThan(0);
    });
  });

  it('count timeouts', async () => {
    await withHarness(
      {
        gateway: {
          upstream: { requestTimeoutMs: 100, retries: { max: 0, baseDelayMs: 1, maxDelayMs: 1 } },
        },
      },
      async (h) => {
        h.fake.injectFault({ match: { endpoint: 'participant' }, delayMs: 500 });
        await query(h);
        const text = await scrape(h);
        expect(
          sample(text, 'rtk_graphql_upstream_requests_total', {
            endpoint: 'participant',
            status: 'timeout',
          }),
        ).toBe(1);
      },
    );
  });

  it('count attempts the gateway refused itself: open circuit, spent budget', async () => {
    await withHarness(
      {
        gateway: {
          upstream: {
            retries: { max: 0, baseDelayMs: 1, maxDelayMs: 1 },
            breaker: { failureThreshold: 1, cooldownMs: 60_000 },
          },
        },
      },
      async (h) => {
        h.fake.injectFault({ match: { endpoint: 'participant' }, status: 503, times: 1 });
        await query(h);
        await query(h);
        const text = await scrape(h);
        expect(
          sample(text, 'rtk_graphql_upstream_requests_total', {
            endpoint: 'participant',
            status: 'circuit_open',
          }),
        ).toBe(1);
        // Nothing was sent, so nothing was timed.
        expect(
          sample(text, 'rtk_graphql_upstream_request_duration_seconds_count', {
            endpoint: 'participant',
            status: 'circuit_open',
          }),
        ).toBe(0);
      },
    );
    await withHarness(
      { gateway: { upstream: { tokenBucket: { capacity: 1, refillPerSecond: 0.001 } } } },
      async (h) => {
        await query(h);
        await query(h);
        const text = await scrape(h);
        expect(
          sample(text, 'rtk_graphql_upstream_requests_total', {
            endpoint: 'participant',
            status: 'rate_limited_locally',
          }),
        ).toBe(1);
      },
    );
  });

  it("record the gateway's own bucket after each call takes from it, with no token label", async () => {
    await withHarness(
      // Refills so slowly that the test's own duration never adds a whole call.
      { gateway: { upstream: { tokenBucket: { capacity: 3, refillPerSecond: 0.001 } } } },
      async (h) => {
        for (let call = 0; call < 4; call += 1) await query(h);
        const text = await scrape(h);
        const name = 'rtk_graphql_token_bucket_remaining';
        // 2, 1 and 0 calls left; the fourth call was refused locally and took nothing.
        expect(sample(text, `${name}_count`)).toBe(3);
        expect(sample(text, `${name}_sum`)).toBe(3);
        expect(sample(text, `${name}_bucket`, { le: '0' })).toBe(1);
        expect(sample(text, `${name}_bucket`, { le: '1' })).toBe(2);
        expect(sample(text, `${name}_bucket`, { le: '5' })).toBe(3);
        expect(
          sample(text, 'rtk_graphql_upstream_requests_total', {
            endpoint: 'participant',
            status: 'rate_limited_locally',
          }),
        ).toBe(1);
        // One series for every token together: `le` is its only label.
        const labels = [...text.matchAll(new RegExp(`^${name}\\w*\\{([^}]*)\\}`, 'gm'))].map(
          (match) => (match[1] ?? '').replace(/="[^"]*"/g, ''),
        );
        expect(labels.length).toBeGreaterThan(0);
        expect(new Set(labels)).toEqual(new Set(['le']));
      },
    );
  });

  it('count waits for a token that upstream paused', async () => {
    await withHarness({}, async (h) => {
      h.fake.injectFault({
        match: { endpoint: 'participant' },
        ratelimitRemaining: 0,
        ratelimitReset: 1,
        times: 1,
      });
      await query(h);
      await query(h);
      const text = await scrape(h);
      expect(sample(text, 'rtk_graphql_upstream_rate_limit_waits_total')).toBe(1);
      expect(sample(text, 'rtk_graphql_upstream_rate_limit_wait_seconds_total')).toBeGreaterThan(
        0.5,
      );
      expect(sample(text, 'rtk_graphql_upstream_rate_limit_remaining_bucket', { le: '0' })).toBe(1);
    });
  });
});

describe('loader metrics', () => {
  it('record batch sizes and loads answered without a new call', async () => {
    await withHarness({}, async (h) => {
      const { sessionId, participantId } = h.fake.demo;
      const one = (alias: string, id: string) =>
        `${alias}: participant(sessionId: "${sessionId}", participantId: "${id}") { id }`;
      const page = (alias: string) =>
        `${alias}: session(sessionId: "${sessionId}") { participants(perPage: 5) { items { id } } }`;
      await h.query(
        `{ ${one('a', participantId)} ${one('b', participantId)} ${one('c', UNKNOWN_ID)} }`,
      );
      await h.query(`{ ${page('x')} ${page('y')} }`);

      const text = await scrape(h);
      expect(sample(text, 'rtk_graphql_loader_batch_size_count', { loader: 'participant' })).toBe(
        1,
      );
      expect(sample(text, 'rtk_graphql_loader_batch_size_sum', { loader: 'participant' })).toBe(2);
      expect(sample(text, 'rtk_graphql_loader_dedupe_hits_total', { loader: 'participant' })).toBe(
        1,
      );
      expect(sample(text, 'rtk_graphql_loader_batch_size_sum', { loader: 'participants' })).toBe(1);
      expect(sample(text, 'rtk_graphql_loader_dedupe_hits_total', { loader: 'participants' })).toBe(
        1,
      );
      expect(h.fake.calls).toHaveLength(3);
    });
  });
});

describe('the exposition', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    return () => h.close();
  });

  it('declares the cross-request cache counters (their counts are tested with the cache)', async () => {
    const text = await scrape(h);
    expect(text).toMatch(/^# TYPE rtk_graphql_cache_hits_total counter$/m);
    expect(text).toMatch(/^# TYPE rtk_graphql_cache_misses_total counter$/m);
  });

  it('never carries an id, an account or a token in a label', async () => {
    const { sessionId, participantId } = h.fake.demo;
    await h.query(
      `query WithIds { participant(sessionId: "${sessionId}", participantId: "${participantId}") { id peerReport { id } } session(sessionId: "${sessionId}") { status participants { items { id } } } sessions { items { id } } }`,
    );
    const text = await scrape(h);
    expect(
      sample(text, 'rtk_graphql_operations_total', { operation: 'WithIds', outcome: 'success' }),
    ).toBe(1);
    for (const secret of [sessionId, participantId, h.fake.accountId, h.fake.appId, DEMO_TOKEN]) {
      expect(text).not.toContain(secret);
    }
  });

  it('belongs to one gateway: another one counts only its own traffic', async () => {
    await h.query('query Mine { __typename }');
    await withHarness({}, async (other) => {
      const text = await scrape(other);
      expect(
        sample(text, 'rtk_graphql_operations_total', { operation: 'Mine', outcome: 'success' }),
      ).toBe(0);
    });
    const text = await scrape(h);
    expect(
      sample(text, 'rtk_graphql_operations_total', { operation: 'Mine', outcome: 'success' }),
    ).toBe(1);
  });
});
