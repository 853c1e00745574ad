import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import type { FakeFault } from '../../src/fake-upstream/index.js';
import { callSummary, participantPath } from '../support/calls.js';
import { startHarness } from '../support/harness.js';
import type { GraphQLResponse, Harness, HarnessOptions } from '../support/harness.js';

/** A well-formed participant id that the seeded data does not contain. */
const UNKNOWN_ID = '00000000-0000-4000-8000-00000000dead';
const OTHER_ACCOUNT = 'fedcba9876543210fedcba9876543210';
const RATE_LIMITED_TOKEN = 'rtk-errors-rate-limited';
/** An upstream error body that echoes things the gateway must never pass on. */
const LEAKY_BODY = {
  success: false,
  error: { code: 500, message: `internal detail; Authorization: Bearer ${DEMO_TOKEN}` },
};

let harness: Harness;
let failingId: string;
let okId: string;
let sessionId: string;

beforeAll(async () => {
  harness = await startHarness({ fake: { tokens: [DEMO_TOKEN, RATE_LIMITED_TOKEN] } });
  ({ sessionId, participantId: failingId } = harness.fake.demo);
  okId = await secondParticipant(harness);
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => {
  harness.fake.clearFaults();
  harness.fake.resetCalls();
});

async function secondParticipant(h: Harness): Promise<string> {
  const response = await fetch(
    `${h.fake.url}/accounts/${h.fake.accountId}/realtime/kit/${h.fake.appId}/sessions/${h.fake.demo.sessionId}/participants`,
    { headers: { authorization: `Bearer ${DEMO_TOKEN}` } },
  );
  const body = (await response.json()) as { data: { participants: { id: string }[] } };
  const id = body.data.participants.find((p) => p.id !== h.fake.demo.participantId)?.id;
  if (id === undefined) throw new Error('the demo session needs two participants');
  return id;
}

/** Two root fields: `failing` asks for `failingArgs`, `ok` for a participant nothing breaks. */
function pairQuery(failingArgs: string): string {
  return `{ failing: participant(${failingArgs}) { id displayName } ok: participant(sessionId: "${sessionId}", participantId: "${okId}") { id } }`;
}

const failingLocation = [{ line: 1, column: 3 }];

type Call = ReturnType<typeof callSummary>[number];
/** Calls of concurrent fields arrive in no set order; compare logs sorted by path, then query. */
function sortCalls(calls: Call[]): Call[] {
  const key = (call: Call) => `${call.path}?${new URLSearchParams(call.query).toString()}`;
  return [...calls].sort((a, b) => key(a).localeCompare(key(b)));
}
const sortedCalls = (h: Harness) => sortCalls(callSummary(h.fake));

/** A participant-details call of the demo session asking for basic fields only (`filters=events`). */
function participantCall(h: Harness, id: string, accountId = h.fake.accountId): Call {
  const path = participantPath(h.fake, h.fake.demo.sessionId, id);
  return {
    method: 'GET',
    path: path.replace(`/accounts/${h.fake.accountId}/`, `/accounts/${accountId}/`),
    query: { filters: 'events' },
  };
}

/**
 * The whole call log of a pair query: the failing field's call as many times as it was attempted
 * (a retried failure is the first attempt and two retries), and the sibling's call once.
 */
function expectPairCalls(h: Harness, failing: Call, attempts: number, ok = okId) {
  const failingCalls = Array.from({ length: attempts }, () => failing);
  expect(sortedCalls(h)).toEqual(sortCalls([...failingCalls, participantCall(h, ok)]));
}
/** Every error carries the id of its request (see test/operations for how it is chosen). */
const requestId = expect.any(String) as unknown;

function expectOnlyFailingField(
  response: GraphQLResponse,
  extensions: Record<string, unknown>,
  message: string,
) {
  expect(response.status).toBe(200);
  expect(response.body).toEqual({
    data: { failing: null, ok: { id: okId } },
    errors: [
      {
        message,
        locations: failingLocation,
        path: ['failing'],
        extensions: { ...extensions, requestId: response.headers.get('x-request-id') },
      },
    ],
  });
  const text = JSON.stringify(response.body);
  expect(text).not.toContain(DEMO_TOKEN);
  expect(text).not.toContain(harness.fake.url);
  expect(text).not.toContain('internal detail');
}

/** The answer to a `failing` + `ok` pair when only `failing`'s upstream call timed out. */
function timedOutBesides(ok: string) {
  return {
    data: { failing: null, ok: { id: ok } },
    errors: [
      {
        message: 'RealtimeKit did not answer in time.',
        locations: failingLocation,
        path: ['failing'],
        extensions: { code: 'UPSTREAM_TIMEOUT', requestId },
      },
    ],
  };
}

describe('upstream failures become field errors with a stable code', () => {
  const failing = () => `sessionId: "${sessionId}", participantId: "${failingId}"`;
  const fault = (spec: Omit<FakeFault, 'match'>) => {
    harness.fake.injectFault({ match: { endpoint: 'participant', id: failingId }, ...spec });
  };

  it('NOT_FOUND for a participant RealtimeKit does not know', async () => {
    const response = await harness.query(
      pairQuery(`sessionId: "${sessionId}", participantId: "${UNKNOWN_ID}"`),
    );
    expectOnlyFailingField(
      response,
      { code: 'NOT_FOUND', upstreamStatus: 404 },
      'RealtimeKit has no such resource.',
    );
    expectPairCalls(harness, participantCall(harness, UNKNOWN_ID), 1);
  });

  it('FORBIDDEN when the token may not read the account', async () => {
    const response = await harness.query(pairQuery(`${failing()}, accountId: "${OTHER_ACCOUNT}"`));
    expectOnlyFailingField(
      response,
      { code: 'FORBIDDEN', upstreamStatus: 403 },
      'The API token may not access this account or app.',
    );
    expectPairCalls(harness, participantCall(harness, failingId, OTHER_ACCOUNT), 1);
  });

  it.each([
    [401, 'UNAUTHENTICATED', 'The API token was rejected by Cloudflare.', 1],
    [500, 'UPSTREAM_UNAVAILABLE', 'RealtimeKit is unavailable.', 3],
    [502, 'UPSTREAM_UNAVAILABLE', 'RealtimeKit is unavailable.', 3],
    [503, 'UPSTREAM_UNAVAILABLE', 'RealtimeKit is unavailable.', 3],
    [504, 'UPSTREAM_UNAVAILABLE', 'RealtimeKit is unavailable.', 3],
  ])('status %i becomes %s after %i call(s)', async (status, code, message, attempts) => {
    fault({ status, body: LEAKY_BODY });
    expectOnlyFailingField(
      await harness.query(pairQuery(failing())),
      { code, upstreamStatus: status },
      message,
    );
    expectPairCalls(harness, participantCall(harness, failingId), attempts);
  });

  it('RATE_LIMITED with the Retry-After seconds', async () => {
    // Past the operation's deadline, so it fails at once; its own token, because the 429 pauses it.
    fault({ status: 429, retryAfter: 60 });
    expectOnlyFailingField(
      await harness.query(pairQuery(failing()), {
        headers: { authorization: `Bearer ${RATE_LIMITED_TOKEN}` },
      }),
      { code: 'RATE_LIMITED', upstreamStatus: 429, retryAfter: 60 },
      'Cloudflare rate-limited this API token; retry later.',
    );
    expectPairCalls(harness, participantCall(harness, failingId), 1);
  });

  it.each([
    ['a dropped connection before headers', { drop: 'before-headers' as const }],
    ['a connection dropped mid-body', { drop: 'mid-body' as const }],
    ['a truncated body', { truncateBody: true }],
  ])('UPSTREAM_UNAVAILABLE for %s', async (_name, spec) => {
    fault(spec);
    expectOnlyFailingField(
      await harness.query(pairQuery(failing())),
      { code: 'UPSTREAM_UNAVAILABLE' },
      'RealtimeKit could not be reached.',
    );
    expectPairCalls(harness, participantCall(harness, failingId), 3);
  });

  it.each([
    ['an HTML error page', '<html><body>502 Bad Gateway</body></html>', 'the body is not JSON'],
    ['an empty body', '', 'the body is not JSON'],
    ['a success:false body', { success: false, data: null }, 'the body does not report success'],
    [
      'JSON of another shape',
      { success: true, data: { participant: { id: 42 } } },
      'the body has no readable participant',
    ],
    [
      'a body without the resource',
      { success: true, data: {} },
      'the body has no readable participant',
    ],
    ['a JSON array', [], 'the body is not a JSON object'],
  ])('UPSTREAM_BAD_RESPONSE for %s with status 200', async (_name, body, detail) => {
    fault({ status: 200, body, headers: { 'content-type': 'text/html' } });
    expectOnlyFailingField(
      await harness.query(pairQuery(failing())),
      { code: 'UPSTREAM_BAD_RESPONSE' },
      `Upstream returned an invalid response: ${detail}`,
    );
    expectPairCalls(harness, participantCall(harness, failingId), 1);
  });
});

describe('failures that need their own gateway settings', () => {
  async function withHarness(
    options: HarnessOptions,
    run: (h: Harness, okId: string) => Promise<void>,
  ) {
    const h = await startHarness(options);
    try {
      const ok = await secondParticipant(h);
      h.fake.resetCalls();
      await run(h, ok);
    } finally {
      await h.close();
    }
  }

  it('UPSTREAM_TIMEOUT when the upstream is slower than the call deadline', async () => {
    await withHarness({ gateway: { upstream: { requestTimeoutMs: 200 } } }, async (h, ok) => {
      h.fake.injectFault({ match: { id: h.fake.demo.participantId }, delayMs: 1_000 });
      const { body } = await h.query(
        `{ failing: participant(sessionId: "${h.fake.demo.sessionId}", participantId: "${h.fake.demo.participantId}") { id } ok: participant(sessionId: "${h.fake.demo.sessionId}", participantId: "${ok}") { id } }`,
      );
      expect(body).toEqual(timedOutBesides(ok));
      expectPairCalls(h, participantCall(h, h.fake.demo.participantId), 3, ok);
    });
  });

  it('UPSTREAM_TIMEOUT when the response head takes longer than UPSTREAM_HEADERS_TIMEOUT_MS', async () => {
    // undici checks this timeout about twice a second, so 150 ms ends the attempt within about a
    // second; the attempt deadline alone would have waited for the 3 s answer. No retry, to keep
    // the test short.
    const upstream = {
      headersTimeoutMs: 150,
      requestTimeoutMs: 10_000,
      retries: { max: 0, baseDelayMs: 1, maxDelayMs: 1 },
    };
    await withHarness({ gateway: { upstream } }, async (h, ok) => {
      const { sessionId, participantId } = h.fake.demo;
      h.fake.injectFault({ match: { id: participantId }, delayMs: 3_000 });
      const { body } = await h.query(
        `{ failing: participant(sessionId: "${sessionId}", participantId: "${participantId}") { id } ok: participant(sessionId: "${sessionId}", participantId: "${ok}") { id } }`,
      );
      expect(body).toEqual(timedOutBesides(ok));
      expectPairCalls(h, participantCall(h, participantId), 1, ok);
    });
  });

  it('UPSTREAM_BAD_RESPONSE when the body exceeds the size cap', async () => {
    await withHarness({ gateway: { upstream: { maxResponseBytes: 2_048 } } }, async (h) => {
      const { body } = await h.query(
        `{ participant(sessionId: "${h.fake.demo.sessionId}", participantId: "${h.fake.demo.participantId}") { id peerStats { status } } }`,
      );
      expect(body.errors).toEqual([
        {
          message: 'Upstream returned an invalid response: the body exceeds 2048 bytes',
          locations: [{ line: 1, column: 3 }],
          path: ['participant'],
          extensions: { code: 'UPSTREAM_BAD_RESPONSE', requestId },
        },
      ]);
      // Refused, not retried; `peerStats.status` needs every section, so no filters.
      expect(callSummary(h.fake)).toEqual([
        { ...participantCall(h, h.fake.demo.participantId), query: {} },
      ]);
    });
  });

  it('UPSTREAM_BAD_RESPONSE when a body without a declared length grows past the cap', async () => {
    await withHarness({ gateway: { upstream: { maxResponseBytes: 1_024 } } }, async (h) => {
      // A mid-body drop is sent chunked, without Content-Length; half of it is well over 1 KiB.
      h.fake.injectFault({ match: { endpoint: 'participant' }, drop: 'mid-body' });
      const { body } = await h.query(
        `{ participant(sessionId: "${h.fake.demo.sessionId}", participantId: "${h.fake.demo.participantId}") { id peerStats { status } } }`,
      );
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: 'Upstream returned an invalid response: the body exceeds 1024 bytes',
          extensions: { code: 'UPSTREAM_BAD_RESPONSE', requestId },
        }),
      ]);
      expect(h.fake.calls).toHaveLength(1);
    });
  });

  it('UPSTREAM_UNAVAILABLE when nothing listens at the upstream address', async () => {
    await withHarness({}, async (h) => {
      const dead = await startHarness({
        gateway: { upstream: { baseUrl: 'http://127.0.0.1:9/client/v4' } },
      });
      try {
        const { body } = await dead.query(
          `{ participant(sessionId: "${h.fake.demo.sessionId}", participantId: "${h.fake.demo.participantId}") { id } }`,
        );
        expect(body.errors?.map((error) => error.extensions)).toEqual([
          { code: 'UPSTREAM_UNAVAILABLE', requestId },
        ]);
        expect(h.fake.calls).toEqual([]);
        expect(dead.fake.calls).toEqual([]);
      } finally {
        await dead.close();
      }
    });
  });

  it('UPSTREAM_TIMEOUT when the connection is not made within UPSTREAM_CONNECT_TIMEOUT_MS', async () => {
    // Over https a connection is made only once the TLS handshake completes, so a listener that
    // accepts TCP and never says a word stalls undici's connect phase, as a stuck TLS terminator
    // would. The other deadlines are a minute away: only the connect timeout can end this in time.
    // undici checks it about twice a second, so each attempt takes up to a second: no retries.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    let connections = 0;
    silent.on('connection', () => (connections += 1));
    const stalled = await startHarness({
      gateway: {
        upstream: {
          baseUrl: `https://127.0.0.1:${port}/client/v4`,
          connectTimeoutMs: 200,
          headersTimeoutMs: 60_000,
          requestTimeoutMs: 60_000,
          retries: { max: 0, baseDelayMs: 1, maxDelayMs: 1 },
        },
        limits: { operationTimeoutMs: 60_000 },
      },
    });
    try {
      const { sessionId, participantId } = stalled.fake.demo;
      const { body } = await stalled.query(
        `{ participant(sessionId: "${sessionId}", participantId: "${participantId}") { id } }`,
      );
      expect(body).toEqual({
        data: { participant: null },
        errors: [
          {
            message: 'RealtimeKit did not answer in time.',
            locations: [{ line: 1, column: 3 }],
            path: ['participant'],
            extensions: { code: 'UPSTREAM_TIMEOUT', requestId },
          },
        ],
      });
      expect(connections).toBe(1);
      expect(stalled.fake.calls).toEqual([]);
    } finally {
      await stalled.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('client errors are caught before any upstream call', () => {
  it('BAD_USER_INPUT for a malformed id, naming the argument', async () => {
    const response = await harness.query(
      pairQuery(`sessionId: "${sessionId}", participantId: "not-a-uuid"`),
    );
    expectOnlyFailingField(
      response,
      { code: 'BAD_USER_INPUT' },
      'Argument "participantId" must be a UUID, like 9f3c1a52-7d0e-4b8a-a1c2-5e6f7a8b9c0d.',
    );
    expect(harness.fake.calls).toHaveLength(1);
  });

  it('BAD_USER_INPUT when neither an argument nor the configuration names the account', async () => {
    const h = await startHarness({
      gateway: { defaults: { accountId: undefined, appId: undefined } },
    });
    try {
      const { body } = await h.query(
        `{ participant(sessionId: "${h.fake.demo.sessionId}", participantId: "${h.fake.demo.participantId}") { id } }`,
      );
      expect(body.errors?.map(({ message, extensions }) => ({ message, extensions }))).toEqual([
        {
          message: 'No accountId argument was given and CLOUDFLARE_ACCOUNT_ID is not configured.',
          extensions: { code: 'BAD_USER_INPUT', requestId },
        },
      ]);
      expect(h.fake.calls).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('UNAUTHENTICATED without any token, and for a malformed Authorization header', async () => {
    for (const authorization of [null, 'Token abc']) {
      harness.fake.resetCalls();
      const { body } = await harness.query(
        `{ participant(sessionId: "${sessionId}", participantId: "${failingId}") { id } }`,
        { headers: { authorization } },
      );
      expect(body.data).toEqual({ participant: null });
      expect(body.errors?.map((error) => error.extensions)).toEqual([
        { code: 'UNAUTHENTICATED', requestId },
      ]);
      expect(harness.fake.calls).toEqual([]);
    }
  });

  it('UNAUTHENTICATED when Cloudflare rejects the token (403, code 10000)', async () => {
    const { body } = await harness.query(
      `{ participant(sessionId: "${sessionId}", participantId: "${failingId}") { id } }`,
      { headers: { authorization: 'Bearer not-a-valid-token' } },
    );
    expect(body.errors?.map((error) => error.extensions)).toEqual([
      { code: 'UNAUTHENTICATED', upstreamStatus: 403, requestId },
    ]);
    expect(JSON.stringify(body)).not.toContain('not-a-valid-token');
  });
});

describe('the server-held token', () => {
  it('serves requests without a header for the configured account only', async () => {
    const h = await startHarness({ gateway: { serverToken: DEMO_TOKEN } });
    try {
      const { sessionId: s, participantId: p } = h.fake.demo;
      const response = await h.query(
        `{ failing: participant(sessionId: "${s}", participantId: "${p}", accountId: "${OTHER_ACCOUNT}") { id displayName } ok: participant(sessionId: "${s}", participantId: "${p}") { id } }`,
        { headers: { authorization: null } },
      );
      expect(response.body).toEqual({
        data: { failing: null, ok: { id: p } },
        errors: [
          {
            message:
              "The gateway's own API token may only read the configured account; send your own Authorization header to read another.",
            locations: failingLocation,
            path: ['failing'],
            extensions: { code: 'FORBIDDEN', requestId },
          },
        ],
      });
      expect(h.fake.calls.map((call) => call.path)).toEqual([
        `/client/v4/accounts/${h.fake.accountId}/realtime/kit/${h.fake.appId}/sessions/${s}/participants/${p}`,
      ]);
      expect(h.logLines.join('\n')).not.toContain(DEMO_TOKEN);
    } finally {
      await h.close();
    }
  });

  it('is never lent to a request whose Authorization header is present but empty or blank', async () => {
    const h = await startHarness({ gateway: { serverToken: DEMO_TOKEN } });
    try {
      const { sessionId: s, participantId: p } = h.fake.demo;
      // Both request paths: the lean lane (plain Accept) and Yoga (Apollo Client's Accept).
      for (const accept of [
        'application/json',
        'application/graphql-response+json,application/json;q=0.9',
      ]) {
        for (const authorization of ['', '   ']) {
          const { body } = await h.query(
            `{ participant(sessionId: "${s}", participantId: "${p}") { id } }`,
            { headers: { authorization, accept } },
          );
          expect(body.data).toEqual({ participant: null });
          expect(body.errors?.map((error) => error.extensions?.['code'])).toEqual([
            'UNAUTHENTICATED',
          ]);
        }
      }
      expect(h.fake.calls).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('GraphQL request errors', () => {
  it.each([
    ['a syntax error', '{ participant(', 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', '{ nope }', 'GRAPHQL_VALIDATION_FAILED'],
    [
      'a missing variable',
      'query ($s: ID!) { participant(sessionId: $s, participantId: "x") { id } }',
      'BAD_USER_INPUT',
    ],
  ])('%s has code %s', async (_name, query, code) => {
    const { body } = await harness.query(query);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual([code]);
    expect(harness.fake.calls).toEqual([]);
  });

  it('a variable of the wrong type has code BAD_USER_INPUT', async () => {
    const { body } = await harness.query(
      'query ($s: ID!) { participant(sessionId: $s, participantId: "x") { id } }',
      { variables: { s: 5.5 } },
    );
    expect(body).toEqual({
      errors: [
        {
          message: 'Variable "$s" got invalid value 5.5; ID cannot represent value: 5.5',
          locations: [{ line: 1, column: 8 }],
          extensions: { code: 'BAD_USER_INPUT', requestId },
        },
      ],
    });
  });

  it('a body that is not JSON is refused with HTTP 400 and code BAD_REQUEST', async () => {
    const response = await fetch(harness.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((error) => error.extensions.code)).toEqual(['BAD_REQUEST']);
  });

  /** Sends a raw request; the answer must be a JSON error body whatever the status. */
  async function refused(init: RequestInit & { readonly search?: string }) {
    const response = await fetch(`${harness.url}${init.search ?? ''}`, init);
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: (await response.json()) as unknown,
      requestId: response.headers.get('x-request-id'),
    };
  }

  it('a POST in a content type no parser reads gets HTTP 415 with a BAD_REQUEST body', async () => {
    const answer = await refused({
      method: 'POST',
      headers: { 'content-type': 'application/xml', authorization: `Bearer ${DEMO_TOKEN}` },
      body: '<query>{ __typename }</query>',
    });
    expect(answer).toEqual({
      status: 415,
      contentType: 'application/json; charset=utf-8',
      body: {
        errors: [
          {
            message:
              'This content type is not a GraphQL request: send Content-Type application/json.',
            extensions: { code: 'BAD_REQUEST', requestId: answer.requestId },
          },
        ],
      },
      requestId: expect.any(String) as unknown,
    });
  });

  it('an Accept header that allows no result media type gets HTTP 406 with a BAD_REQUEST body', async () => {
    const answer = await refused({
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/xml',
        authorization: `Bearer ${DEMO_TOKEN}`,
      },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(answer).toEqual({
      status: 406,
      contentType: 'application/json; charset=utf-8',
      body: {
        errors: [
          {
            message:
              'The Accept header allows no media type this gateway answers in: accept application/graphql-response+json or application/json.',
            extensions: { code: 'BAD_REQUEST', requestId: answer.requestId },
          },
        ],
      },
      requestId: expect.any(String) as unknown,
    });
  });

  it.each([
    ['two operations and no operationName', 'query A { __typename } query B { __typename }', {}],
    ['an operationName the document lacks', 'query A { __typename }', { operationName: 'B' }],
  ])('%s is OPERATION_RESOLUTION_FAILURE with HTTP 400', async (_name, query, extra) => {
    const answer = await refused({
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        authorization: `Bearer ${DEMO_TOKEN}`,
      },
      body: JSON.stringify({ query, ...extra }),
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      errors: [
        {
          message: 'Could not determine what operation to execute.',
          extensions: { code: 'OPERATION_RESOLUTION_FAILURE', requestId: answer.requestId },
        },
      ],
    });
  });
});

describe('secrets', () => {
  it('no token reached any log line during this file', () => {
    const logs = harness.logLines.join('\n');
    expect(logs).not.toContain(DEMO_TOKEN);
    expect(logs).not.toContain('not-a-valid-token');
  });
});
