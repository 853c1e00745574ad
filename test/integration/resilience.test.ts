import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import { appPrefix, callSummary } from '../support/calls.js';
import { startHarness } from '../support/harness.js';
import type { Harness, HarnessOptions } from '../support/harness.js';

const OTHER_TOKEN = 'rtk-second-token';
let harness: Harness | undefined;

async function start(options: HarnessOptions = {}): Promise<Harness> {
  harness = await startHarness({
    ...options,
    fake: { tokens: [DEMO_TOKEN, OTHER_TOKEN], ...options.fake },
  });
  return harness;
}
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function participantQuery(h: Harness, participantId = h.fake.demo.participantId) {
  return `{ participant(sessionId: "${h.fake.demo.sessionId}", participantId: "${participantId}") { id } }`;
}

const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  body.errors?.map((error) => error.extensions);
/** Every error carries the id of its request (see test/operations for how it is chosen). */
const requestId = expect.any(String) as unknown;

describe('retries', () => {
  it('retries a 503 and succeeds when upstream recovers', async () => {
    const h = await start();
    h.fake.injectFault({ match: { endpoint: 'participant' }, status: 503, times: 2 });
    const { body } = await h.query(participantQuery(h));
    expect(body).toEqual({ data: { participant: { id: h.fake.demo.participantId } } });
    expect(h.fake.calls).toHaveLength(3);
  });

  it('gives up after two retries', async () => {
    const h = await start();
    h.fake.injectFault({ match: { endpoint: 'participant' }, status: 502 });
    const { body } = await h.query(participantQuery(h));
    expect(codes(body)).toEqual([{ code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 502, requestId }]);
    expect(h.fake.calls).toHaveLength(3);
  });

  it('retries a connection reset', async () => {
    const h = await start();
    h.fake.injectFault({ match: { endpoint: 'participant' }, drop: 'before-headers', times: 1 });
    const { body } = await h.query(participantQuery(h));
    expect(body.errors).toBeUndefined();
    expect(h.fake.calls).toHaveLength(2);
  });

  it.each([400, 401, 403, 404])('never retries a %i', async (status) => {
    const h = await start();
    h.fake.injectFault({ match: { endpoint: 'participant' }, status });
    await h.query(participantQuery(h));
    expect(h.fake.calls).toHaveLength(1);
  });

  // The harness's backoff is at most 20 ms, so a second's wait can only come from Retry-After.
  it.each([429, 503])('waits out the short Retry-After of a %i, then succeeds', async (status) => {
    const h = await start();
    h.fake.injectFault({ match: { endpoint: 'participant' }, status, retryAfter: 1, times: 1 });
    const started = performance.now();
    const { body } = await h.query(participantQuery(h));
    const elapsedMs = performance.now() - started;
    expect(body).toEqual({ data: { participant: { id: h.fake.demo.participantId } } });
    expect(h.fake.calls).toHaveLength(2);
    expect(elapsedMs).toBeGreaterThanOrEqual(1_000);
  });

  it.each([502, 503])(
    'fails at once when the Retry-After of a %i ends past the deadline',
    async (status) => {
      const h = await start();
      h.fake.injectFault({ match: { endpoint: 'participant' }, status, retryAfter: 240 });
      const { body } = await h.query(participantQuery(h));
      expect(codes(body)).toEqual([
        { code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: status, retryAfter: 240, requestId },
      ]);
      expect(h.fake.calls).toHaveLength(1);
      // Unlike a 429, an unavailable upstream says nothing about the token: it is not paused.
      h.fake.clearFaults();
      const again = await h.query(participantQuery(h));
      expect(again.body.errors).toBeUndefined();
      expect(h.fake.calls).toHaveLength(2);
    },
  );
});

describe('the rate budget', () => {
  it('fails at once when Retry-After ends past the deadline, and pauses only that token', async () => {
    const h = await start();
    h.fake.injectFault({
      match: { endpoint: 'participant' },
      status: 429,
      retryAfter: 240,
      times: 1,
    });
    const first = await h.query(participantQuery(h));
    expect(codes(first.body)).toEqual([
      { code: 'RATE_LIMITED', upstreamStatus: 429, retryAfter: 240, requestId },
    ]);
    expect(h.fake.calls).toHaveLength(1);

    const again = await h.query(participantQuery(h));
    expect(codes(again.body)).toEqual([{ code: 'RATE_LIMITED', retryAfter: 240, requestId }]);
    expect(h.fake.calls).toHaveLength(1);

    const other = await h.query(participantQuery(h), {
      headers: { authorization: `Bearer ${OTHER_TOKEN}` },
    });
    expect(other.body.errors).toBeUndefined();
    expect(h.fake.calls).toHaveLength(2);
  });

  it('reads Retry-After as an HTTP date', async () => {
    const h = await start();
    const inFourMinutes = new Date(Date.now() + 240_000).toUTCString();
    h.fake.injectFault({
      match: { endpoint: 'participant' },
      status: 429,
      retryAfter: inFourMinutes,
      times: 1,
    });
    const { body } = await h.query(participantQuery(h));
    const retryAfter = codes(body)?.[0]?.['retryAfter'];
    expect(retryAfter).toBeGreaterThan(230);
    expect(retryAfter).toBeLessThanOrEqual(240);
  });

  it.each([
    ['a 429 with an absurd Retry-After', { status: 429, retryAfter: 99_999_999_999 }],
    [
      'an HTTP-date Retry-After a year away',
      { status: 429, retryAfter: 'Wed, 01 Dec 2027 00:00:00 GMT' },
    ],
    ['Ratelimit: r=0 with an absurd reset', { headers: { ratelimit: '"default";r=0;t=99999999' } }],
  ] as const)(
    'caps the pause after %s at UPSTREAM_MAX_PAUSE_MS, and says so',
    async (_name, fault) => {
      const h = await start({
        gateway: {
          upstream: {
            tokenBucket: { capacity: 200, refillPerSecond: 10 / 3, maxPauseMs: 300_000 },
          },
        },
      });
      h.fake.injectFault({ match: { endpoint: 'participant' }, times: 1, ...fault });
      const first = await h.query(participantQuery(h));
      const firstAfter = codes(first.body)?.[0]?.['retryAfter'];
      if (firstAfter !== undefined) expect(firstAfter).toBe(300);
      // The token is paused, but for five minutes at most, not until the process restarts.
      const again = await h.query(participantQuery(h));
      expect(codes(again.body)).toEqual([{ code: 'RATE_LIMITED', retryAfter: 300, requestId }]);
      expect(h.fake.calls).toHaveLength(1);
    },
  );

  it('stops calling for a token once upstream reports no calls left', async () => {
    const h = await start();
    h.fake.injectFault({
      match: { endpoint: 'participant' },
      headers: { ratelimit: '"default";r=0;t=120' },
      times: 1,
    });
    const first = await h.query(participantQuery(h));
    expect(first.body.errors).toBeUndefined();
    const second = await h.query(participantQuery(h));
    expect(codes(second.body)).toEqual([{ code: 'RATE_LIMITED', retryAfter: 120, requestId }]);
    expect(h.fake.calls).toHaveLength(1);
  });

  it('fails fields fast once a token has spent its budget', async () => {
    const h = await start({
      gateway: { upstream: { tokenBucket: { capacity: 2, refillPerSecond: 0.001 } } },
    });
    const s = h.fake.demo.sessionId;
    const { body } = await h.query(`{
      a: session(sessionId: "${s}") { status }
      b: participant(sessionId: "${s}", participantId: "${h.fake.demo.participantId}") { id }
      c: peerReport(peerId: "${h.fake.demo.participantId}") { id }
      d: sessions { items { id } }
    }`);
    expect(h.fake.calls).toHaveLength(2);
    expect(codes(body)).toEqual([
      { code: 'RATE_LIMITED', retryAfter: expect.any(Number) as unknown, requestId },
      { code: 'RATE_LIMITED', retryAfter: expect.any(Number) as unknown, requestId },
    ]);
  });
  it('keeps one budget per token, whether a request reads the cache, refreshes it or bypasses it', async () => {
    const h = await start({
      gateway: {
        upstream: { tokenBucket: { capacity: 2, refillPerSecond: 0.001 } },
        cache: { maxEntries: 100, maxBytes: 1_000_000, finishedTtlMs: 60_000, liveTtlMs: 60_000 },
      },
    });
    const bypass = await h.query(participantQuery(h), { headers: { 'cache-control': 'no-store' } });
    expect(bypass.body.errors).toBeUndefined();
    const refresh = await h.query(participantQuery(h), {
      headers: { 'cache-control': 'no-cache' },
    });
    expect(refresh.body.errors).toBeUndefined();
    const third = await h.query(participantQuery(h), { headers: { 'cache-control': 'no-store' } });
    expect(codes(third.body)).toEqual([
      { code: 'RATE_LIMITED', retryAfter: expect.any(Number) as unknown, requestId },
    ]);
    expect(h.fake.calls).toHaveLength(2);
  });
});

describe('the circuit breaker', () => {
  it('opens after repeated failures, fails fast while open, and recovers through a probe', async () => {
    const h = await start({
      gateway: {
        upstream: {
          retries: { max: 0, baseDelayMs: 1, maxDelayMs: 1 },
          breaker: { failureThreshold: 3, cooldownMs: 300 },
        },
      },
    });
    h.fake.injectFault({ match: { endpoint: 'participant' }, status: 503 });
    for (let i = 0; i < 3; i += 1) {
      expect(codes((await h.query(participantQuery(h))).body)).toEqual([
        { code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 503, requestId },
      ]);
    }
    const open = await h.query(participantQuery(h));
    expect(open.body.errors?.[0]).toMatchObject({
      message: 'RealtimeKit is failing; calls are paused briefly.',
      extensions: { code: 'UPSTREAM_UNAVAILABLE', retryAfter: 1 },
    });
    expect(h.fake.calls).toHaveLength(3);

    h.fake.clearFaults();
    await new Promise((resolve) => setTimeout(resolve, 350));
    const recovered = await h.query(participantQuery(h));
    expect(recovered.body.errors).toBeUndefined();
    expect(h.fake.calls).toHaveLength(4);
  });
});

describe('deadlines', () => {
  it('ends a slow operation at its deadline with UPSTREAM_TIMEOUT, without retrying past it', async () => {
    const h = await start({
      gateway: { limits: { operationTimeoutMs: 300 }, upstream: { requestTimeoutMs: 10_000 } },
    });
    h.fake.injectFault({ match: { endpoint: 'participant' }, delayMs: 3_000 });
    const { body } = await h.query(participantQuery(h));
    expect(codes(body)).toEqual([{ code: 'UPSTREAM_TIMEOUT', requestId }]);
    expect(h.fake.calls).toHaveLength(1);
  });
});

describe('response headers', () => {
  it('marks every response private and varying by Authorization', async () => {
    const h = await start();
    const { headers } = await h.query(participantQuery(h));
    expect(headers.get('cache-control')).toBe('private, no-store');
    expect(headers.get('vary')?.split(/\s*,\s*/)).toContain('Authorization');
  });
});

describe('the upstream-call budget', () => {
  it('refuses, before any call, an operation that could exceed it', async () => {
    const h = await start();
    const { body } = await h.query(
      '{ sessions(perPage: 100) { items { participants(perPage: 100) { items { qualityStats { end } } } } } }',
    );
    expect(body).toEqual({
      errors: [
        {
          message:
            'This operation could make up to 10101 upstream calls; the limit is 120. Ask for fewer aliases or smaller pages.',
          extensions: { code: 'UPSTREAM_BUDGET_EXCEEDED', estimate: 10101, max: 120, requestId },
        },
      ],
    });
    expect(h.fake.calls).toEqual([]);
  });

  it.each([
    ['the lean lane', 'application/json'],
    ['Yoga', 'application/graphql-response+json,application/json;q=0.9'],
  ])("counts a variable's default page size, through %s", async (_lane, accept) => {
    const h = await start();
    // perPage defaults to 100 when the request sends no variables: 1 + 100 × 2 calls, over the
    // 120 allowed (read as the default page of 20, it would pass as 41).
    const { body } = await h.query(
      'query Wide($n: Int = 100) { sessions(perPage: $n) { items { participants(perPage: 1) { items { qualityStats { end } } } } } }',
      { headers: { accept } },
    );
    expect(body.errors?.map((error) => error.extensions?.['code'])).toEqual([
      'UPSTREAM_BUDGET_EXCEEDED',
    ]);
    expect(h.fake.calls).toEqual([]);
  });

  it('lets a 30-participant fan-out through', async () => {
    const h = await start();
    const { body } = await h.query(
      `{ session(sessionId: "${h.fake.demo.largeSessionId}") { participants(perPage: 30) { items { qualityStats { end } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(h.fake.calls).toHaveLength(31);
  });
});

describe('the concurrency bound per request', () => {
  it('keeps at most UPSTREAM_CONCURRENCY_PER_REQUEST (8) calls of a 30-participant fan-out in flight', async () => {
    // More pooled connections than the bound, so that the pool is not what holds calls back; slow
    // peer reports, so that the calls the bound lets out overlap.
    const h = await start({ gateway: { upstream: { connections: 32, concurrencyPerRequest: 8 } } });
    h.fake.injectFault({ match: { endpoint: 'peerReport' }, delayMs: 100 });
    const { body } = await h.query(
      `{ session(sessionId: "${h.fake.demo.largeSessionId}") { participants(perPage: 30) { items { peerReport { quality { audio { producerCumulative { qualityMos { avg } } } } } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const calls = callSummary(h.fake);
    expect(calls).toHaveLength(31);
    expect(calls[0]).toEqual({
      method: 'GET',
      path: `${appPrefix(h.fake)}/sessions/${h.fake.demo.largeSessionId}/participants`,
      query: { per_page: '30', page_no: '1' },
    });
    for (const call of calls.slice(1)) {
      expect(call).toEqual({
        method: 'GET',
        path: expect.stringMatching(`^${appPrefix(h.fake)}/sessions/peer-report/`) as unknown,
        query: { filters: 'quality_stats' },
      });
    }
    expect(h.fake.maxInFlight).toBe(8);
  });
});

describe('client disconnects', () => {
  it('abort the upstream calls the request was waiting for', async () => {
    const h = await start({ gateway: { upstream: { requestTimeoutMs: 30_000 } } });
    h.fake.injectFault({ match: { endpoint: 'participant' }, hang: true });
    const controller = new AbortController();
    const pending = fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKEN}` },
      body: JSON.stringify({ query: participantQuery(h) }),
      signal: controller.signal,
    }).catch((error: unknown) => error);
    const waitFor = async (condition: () => boolean) => {
      for (let i = 0; i < 200 && !condition(); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    await waitFor(() => h.fake.inFlight === 1);
    expect(h.fake.inFlight).toBe(1);
    controller.abort();
    await pending;
    await waitFor(() => h.fake.inFlight === 0);
    expect(h.fake.inFlight).toBe(0);
    expect(h.fake.calls).toHaveLength(1);
  });

  it('are not upstream failures: clients hanging up never open the breaker for other tenants', async () => {
    const h = await start({
      gateway: {
        upstream: {
          requestTimeoutMs: 30_000,
          retries: { max: 0, baseDelayMs: 1, maxDelayMs: 1 },
          breaker: { failureThreshold: 3, cooldownMs: 10_000 },
        },
      },
    });
    h.fake.injectFault({ match: { endpoint: 'participant' }, hang: true, times: 6 });
    const waitFor = async (condition: () => boolean) => {
      for (let i = 0; i < 300 && !condition(); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    // Six requests with any bearer string, each hanging up while its upstream call is in flight.
    for (let i = 0; i < 6; i += 1) {
      const controller = new AbortController();
      const pending = fetch(h.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer anyone' },
        body: JSON.stringify({ query: participantQuery(h) }),
        signal: controller.signal,
      }).catch((error: unknown) => error);
      await waitFor(() => h.fake.inFlight === 1);
      controller.abort();
      await pending;
      await waitFor(() => h.fake.inFlight === 0);
    }
    // Another tenant's call still goes upstream and is answered.
    const { body } = await h.query(participantQuery(h), {
      headers: { authorization: `Bearer ${OTHER_TOKEN}` },
    });
    expect(body.errors).toBeUndefined();
    expect(h.fake.calls).toHaveLength(7);
    const metrics = await fetch(`${new URL(h.url).origin}/metrics`).then((r) => r.text());
    expect(metrics).toContain(
      'rtk_graphql_upstream_requests_total{endpoint="participant",status="aborted"} 6',
    );
  });
});
