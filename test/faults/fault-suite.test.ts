import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import type { FakeEndpoint, FakeFault } from '../../src/fake-upstream/index.js';
import { startHarness } from '../support/harness.js';
import type { GraphQLResponse, Harness } from '../support/harness.js';

/*
 * Every fault mode of the fake upstream, against participant details, a peer report, and both in
 * one query. Each case uses its own token, so a pause one case provokes (429, r=0) cannot leak into
 * another. Every case asserts the code on each affected field, that an unaffected sibling still
 * resolves, that nothing leaks the token, and, at the end, that nothing crashed or stayed open.
 */

const CASES = 100;
const tokens = Array.from({ length: CASES }, (_, index) => `rtk-fault-case-${index}`);
let nextToken = 0;

const unexpected: unknown[] = [];
const onUnexpected = (error: unknown) => unexpected.push(error);

let harness: Harness;
beforeAll(async () => {
  process.on('uncaughtException', onUnexpected);
  process.on('unhandledRejection', onUnexpected);
  harness = await startHarness({
    fake: { tokens: [DEMO_TOKEN, ...tokens] },
    gateway: {
      limits: { operationTimeoutMs: 4_000 },
      upstream: { requestTimeoutMs: 250, maxResponseBytes: 256 * 1024 },
    },
  });
});
afterAll(async () => {
  await harness.close();
  process.off('uncaughtException', onUnexpected);
  process.off('unhandledRejection', onUnexpected);
});

type Target = 'participant' | 'peerReport' | 'both';
const TARGETS: Target[] = ['participant', 'peerReport', 'both'];
const ENDPOINTS: Record<Target, FakeEndpoint[]> = {
  participant: ['participant'],
  peerReport: ['peerReport'],
  both: ['participant', 'peerReport'],
};

/** Basic fields only, so that normal payloads stay far below the suite's size cap. */
function query(target: Target): string {
  const { sessionId, participantId } = harness.fake.demo;
  const parts = {
    participant: `participant(sessionId: "${sessionId}", participantId: "${participantId}") { id displayName }`,
    peerReport: `peerReport(peerId: "${participantId}") { id presetName }`,
  };
  const selected = target === 'both' ? [parts.participant, parts.peerReport] : [parts[target]];
  return `{ ${selected.join(' ')} sibling: session(sessionId: "${sessionId}") { id status } }`;
}

async function run(target: Target, fault: Omit<FakeFault, 'match'> | undefined) {
  const token = tokens[nextToken++];
  if (token === undefined) throw new Error('add more tokens to the fault suite');
  harness.fake.clearFaults();
  harness.fake.resetCalls();
  for (const endpoint of ENDPOINTS[target]) {
    if (fault) harness.fake.injectFault({ ...fault, match: { endpoint } });
  }
  const response = await harness.query(query(target), {
    headers: { authorization: `Bearer ${token}` },
  });
  return { response, token };
}

function fieldCodes(response: GraphQLResponse): Record<string, unknown> {
  return Object.fromEntries(
    (response.body.errors ?? []).map((error) => [String(error.path?.[0]), error.extensions?.code]),
  );
}

function expectOutcome(
  target: Target,
  response: GraphQLResponse,
  code: string | null,
  token: string,
) {
  expect(response.status).toBe(200);
  const affected = target === 'both' ? ['participant', 'peerReport'] : [target];
  expect(fieldCodes(response)).toEqual(
    code === null ? {} : Object.fromEntries(affected.map((field) => [field, code])),
  );
  const data = response.body.data ?? {};
  for (const field of affected) {
    if (code === null) expect(data[field]).toMatchObject({ id: harness.fake.demo.participantId });
    else expect(data[field]).toBeNull();
  }
  expect(data['sibling']).toEqual({ id: harness.fake.demo.sessionId, status: 'ENDED' });
  expect(JSON.stringify(response.body)).not.toContain(token);
}

const inAnHour = () => new Date(Date.now() + 3_600_000).toUTCString();
const htmlPage = '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>';

/** [name, fault, expected code or null for success]. */
const FAULTS: [string, () => Omit<FakeFault, 'match'>, string | null][] = [
  ['latency below the attempt timeout', () => ({ delayMs: 50 }), null],
  ['latency above the attempt timeout', () => ({ delayMs: 600 }), 'UPSTREAM_TIMEOUT'],
  ['an upstream that never responds', () => ({ hang: true }), 'UPSTREAM_TIMEOUT'],
  ['a body that drips one byte at a time', () => ({ dripBytesPerSecond: 20 }), 'UPSTREAM_TIMEOUT'],
  ['a reset before headers', () => ({ drop: 'before-headers' }), 'UPSTREAM_UNAVAILABLE'],
  ['a reset mid-body', () => ({ drop: 'mid-body' }), 'UPSTREAM_UNAVAILABLE'],
  ['a short body', () => ({ truncateBody: true }), 'UPSTREAM_UNAVAILABLE'],
  [
    '429 with Retry-After in seconds (recovers)',
    () => ({ status: 429, retryAfter: 1, times: 1 }),
    null,
  ],
  [
    '429 with Retry-After as an HTTP date',
    () => ({ status: 429, retryAfter: inAnHour() }),
    'RATE_LIMITED',
  ],
  ['429 without Retry-After (recovers)', () => ({ status: 429, times: 1 }), null],
  ['429 with Retry-After 0 (recovers)', () => ({ status: 429, retryAfter: 0, times: 1 }), null],
  ['429 with Retry-After 3600', () => ({ status: 429, retryAfter: 3600 }), 'RATE_LIMITED'],
  [
    'a 401 that echoes the token',
    () => ({ status: 401, echoAuthorization: true }),
    'UNAUTHENTICATED',
  ],
  [
    'a 403 for another account',
    () => ({
      status: 403,
      body: {
        success: false,
        errors: [{ code: 9109, message: 'Unauthorized' }],
        messages: [],
        result: null,
      },
    }),
    'FORBIDDEN',
  ],
  ['a 404', () => ({ status: 404 }), 'NOT_FOUND'],
  ['a 500', () => ({ status: 500 }), 'UPSTREAM_UNAVAILABLE'],
  ['a burst of 502s (recovers)', () => ({ status: 502, times: 2 }), null],
  ['a burst of 503s (recovers)', () => ({ status: 503, times: 2 }), null],
  ['a burst of 504s (recovers)', () => ({ status: 504, times: 2 }), null],
  ['503 with Retry-After 0 (recovers)', () => ({ status: 503, retryAfter: 0, times: 1 }), null],
  ['503 with Retry-After 3600', () => ({ status: 503, retryAfter: 3600 }), 'UPSTREAM_UNAVAILABLE'],
  [
    'an HTML error page',
    () => ({ status: 502, body: htmlPage, headers: { 'content-type': 'text/html' } }),
    'UPSTREAM_UNAVAILABLE',
  ],
  [
    'an HTML page with status 200',
    () => ({ status: 200, body: htmlPage, headers: { 'content-type': 'text/html' } }),
    'UPSTREAM_BAD_RESPONSE',
  ],
  ['an empty 200', () => ({ status: 200, body: '' }), 'UPSTREAM_BAD_RESPONSE'],
  [
    'a success:false body',
    () => ({ status: 200, body: { success: false, errors: [] } }),
    'UPSTREAM_BAD_RESPONSE',
  ],
  [
    'schema-violating JSON',
    () => ({ status: 200, body: { success: true, data: { participant: { id: 7 }, id: 7 } } }),
    'UPSTREAM_BAD_RESPONSE',
  ],
  [
    'a body over the size cap',
    () => ({ status: 200, body: { success: true, padding: 'x'.repeat(300 * 1024) } }),
    'UPSTREAM_BAD_RESPONSE',
  ],
];

describe.each(TARGETS)('faults on %s', (target) => {
  it.each(FAULTS)('%s', async (_name, fault, code) => {
    const { response, token } = await run(target, fault());
    expectOutcome(target, response, code, token);
  });
});

describe('rate-limit headers', () => {
  it.each(TARGETS)('`Ratelimit: r=0` stops further calls of that token (%s)', async (target) => {
    const { response, token } = await run(target, {
      ratelimitRemaining: 0,
      ratelimitReset: 60,
      times: 1,
    });
    expectOutcome(target, response, null, token);
    const calls = harness.fake.calls.length;
    const again = await harness.query(query(target), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(new Set(Object.values(fieldCodes(again)))).toEqual(new Set(['RATE_LIMITED']));
    expect(harness.fake.calls).toHaveLength(calls);
  });
});

describe('a 503 storm', () => {
  it('opens the breaker, fails fast, then recovers by itself', async () => {
    const storm = await startHarness({
      gateway: {
        upstream: {
          retries: { max: 1, baseDelayMs: 1, maxDelayMs: 5 },
          breaker: { failureThreshold: 4, cooldownMs: 300 },
        },
      },
    });
    try {
      const { sessionId, participantId } = storm.fake.demo;
      const q = `{ participant(sessionId: "${sessionId}", participantId: "${participantId}") { id } peerReport(peerId: "${participantId}") { id } }`;
      storm.fake.injectFault({ status: 503 });
      const first = await storm.query(q);
      expect(first.body.errors?.map((error) => error.extensions?.code)).toEqual([
        'UPSTREAM_UNAVAILABLE',
        'UPSTREAM_UNAVAILABLE',
      ]);
      const callsWhenOpened = storm.fake.calls.length;
      expect(callsWhenOpened).toBe(4);
      const open = await storm.query(q);
      expect(open.body.errors?.map((error) => error.message)).toEqual([
        'RealtimeKit is failing; calls are paused briefly.',
        'RealtimeKit is failing; calls are paused briefly.',
      ]);
      expect(storm.fake.calls).toHaveLength(callsWhenOpened);
      storm.fake.clearFaults();
      await new Promise((resolve) => setTimeout(resolve, 350));
      // Half-open lets exactly one probe through; the other field fails fast until it succeeds.
      const probe = await storm.query(q);
      expect(probe.body.errors?.map((error) => error.message)).toEqual([
        'RealtimeKit is failing; calls are paused briefly.',
      ]);
      expect(storm.fake.calls).toHaveLength(callsWhenOpened + 1);
      const recovered = await storm.query(q);
      expect(recovered.body.errors).toBeUndefined();
    } finally {
      await storm.close();
    }
  });
});

describe('the operation deadline', () => {
  it('takes an answer that comes just under it and cuts one that would come just over it', async () => {
    // Attempts may take ten seconds here: only the operation's deadline can cut a call short.
    const timed = await startHarness({
      gateway: {
        limits: { operationTimeoutMs: 1_000 },
        upstream: { requestTimeoutMs: 10_000, headersTimeoutMs: 10_000 },
      },
    });
    try {
      const { sessionId, participantId } = timed.fake.demo;
      timed.fake.injectFault({ match: { endpoint: 'participant' }, delayMs: 500 });
      timed.fake.injectFault({ match: { endpoint: 'peerReport' }, delayMs: 1_500 });
      const q = `{ participant(sessionId: "${sessionId}", participantId: "${participantId}") { id } peerReport(peerId: "${participantId}") { id } }`;
      const started = performance.now();
      const { body } = await timed.query(q);
      const elapsedMs = performance.now() - started;
      expect(body).toEqual({
        data: { participant: { id: participantId }, peerReport: null },
        errors: [
          {
            message: 'RealtimeKit did not answer in time.',
            locations: [{ line: 1, column: q.indexOf('peerReport') + 1 }],
            path: ['peerReport'],
            extensions: { code: 'UPSTREAM_TIMEOUT', requestId: expect.any(String) as unknown },
          },
        ],
      });
      // Cut at the deadline, not before it (timers may fire a few milliseconds early), and not
      // retried after it.
      expect(elapsedMs).toBeGreaterThanOrEqual(950);
      expect(timed.fake.calls.map((call) => call.endpoint).sort()).toEqual([
        'participant',
        'peerReport',
      ]);
    } finally {
      await timed.close();
    }
  });
});

describe('after the whole suite', () => {
  it('left no upstream request open and raised no uncaught error', async () => {
    harness.fake.clearFaults();
    // Hung and dripping upstream requests end when the gateway aborts them; give the sockets a moment.
    for (let i = 0; i < 50 && harness.fake.inFlight > 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(harness.fake.inFlight).toBe(0);
    expect(unexpected).toEqual([]);
    for (const token of tokens) expect(harness.logLines.join('\n')).not.toContain(token);
  });
});
