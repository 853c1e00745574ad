import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';
import { sample, scrape } from '../operations/support.js';

/**
 * The lean lane answers the queries GraphQL clients send without Yoga (see src/http/fast-lane.ts).
 * These tests hold it to Yoga's answers: each request is sent to a gateway with the lane and to
 * one without it (leanLane: false), each over its own fake of the same seed, and both answers
 * must be the same but for the request id, with every real client's request headers.
 */

const ALLOWED_ORIGIN = 'http://dashboard.example';

/**
 * The headers real clients send with a query (the benchmark cites each library's source for
 * them): Apollo Client's HttpLink, urql's fetch exchange, graphql-request, a browser app on an
 * allowed origin, and a bare request like the benchmark's own.
 */
const CLIENTS = {
  apollo: { accept: 'application/graphql-response+json,application/json;q=0.9' },
  urql: {
    accept:
      'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed',
  },
  'graphql-request': { accept: 'application/graphql-response+json, application/json' },
  browser: {
    accept: 'application/graphql-response+json,application/json;q=0.9',
    origin: ALLOWED_ORIGIN,
  },
  bare: {},
} as const satisfies Record<string, Record<string, string>>;

const CLIENT_NAMES = Object.keys(CLIENTS) as (keyof typeof CLIENTS)[];

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | null>;
  readonly body: string;
}

let h: Harness;
let yogaOnly: Harness;

beforeAll(async () => {
  [h, yogaOnly] = await Promise.all([
    startHarness({
      gateway: { corsOrigins: [ALLOWED_ORIGIN, 'http://other.example'], leanLane: true },
    }),
    startHarness({
      gateway: { corsOrigins: [ALLOWED_ORIGIN, 'http://other.example'], leanLane: false },
    }),
  ]);
});
afterAll(() => Promise.all([h.close(), yogaOnly.close()]));

const HEADERS_COMPARED = [
  'content-type',
  'cache-control',
  'vary',
  'retry-after',
  'access-control-allow-origin',
  'access-control-allow-credentials',
];

async function post(
  to: Harness,
  body: string,
  headers: Record<string, string> = {},
): Promise<Answer & { readonly requestId: string | null }> {
  const response = await fetch(to.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${DEMO_TOKEN}`,
      ...headers,
    },
    body,
  });
  const requestId = response.headers.get('x-request-id');
  const text = await response.text();
  return {
    status: response.status,
    requestId,
    headers: Object.fromEntries(
      HEADERS_COMPARED.map((name) => [name, response.headers.get(name)?.toLowerCase() ?? null]),
    ),
    // The id differs per request; everything else must match byte for byte.
    body: requestId === null ? text : text.split(requestId).join('<request-id>'),
  };
}

async function lanes(of: Harness = h): Promise<{ lean: number; yoga: number }> {
  const text = await scrape(of);
  return {
    lean: sample(text, 'rtk_graphql_requests_by_lane_total', { lane: 'lean' }),
    yoga: sample(text, 'rtk_graphql_requests_by_lane_total', { lane: 'yoga' }),
  };
}

/**
 * Sends `body` to both gateways; returns the lean answer after checking that the lane answered it
 * and that Yoga's answer is the same.
 */
async function bothWays(body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const before = await lanes();
  const lean = await post(h, body, headers);
  const after = await lanes();
  // The scrape itself is answered by Yoga.
  expect(after).toEqual({ lean: before.lean + 1, yoga: before.yoga + 1 });
  const yoga = await post(yogaOnly, body, headers);
  expect(lean.requestId).toMatch(/\S/);
  const withoutId = ({ status, headers: sent, body: text }: Answer): Answer => ({
    status,
    headers: sent,
    body: text,
  });
  const leanAnswer = withoutId(lean);
  expect(leanAnswer).toEqual(withoutId(yoga));
  return leanAnswer;
}

const participantQuery = () =>
  'query One($s: ID!, $p: ID!) { participant(sessionId: $s, participantId: $p) { id displayName joinedAt peerStats { deviceInfo { os browser } } } }';

describe.each(CLIENT_NAMES)('the lean lane, for %s', (client) => {
  const clientHeaders: Record<string, string> = CLIENTS[client];

  it('answers a query exactly as Yoga does, and counts it as lean', async () => {
    const { sessionId, participantId } = h.fake.demo;
    const answer = await bothWays(
      JSON.stringify({
        query: participantQuery(),
        operationName: 'One',
        variables: { s: sessionId, p: participantId },
      }),
      clientHeaders,
    );
    expect(answer.status).toBe(200);
    const browser = 'origin' in clientHeaders;
    expect(answer.headers).toEqual({
      'content-type': `${client === 'bare' ? 'application/json' : 'application/graphql-response+json'}; charset=utf-8`,
      'cache-control': 'private, no-store',
      vary: browser ? 'origin, authorization' : 'authorization',
      'retry-after': null,
      'access-control-allow-origin': browser ? ALLOWED_ORIGIN : null,
      'access-control-allow-credentials': browser ? 'true' : null,
    });
    expect(JSON.parse(answer.body)).toMatchObject({
      data: { participant: { id: participantId, peerStats: { deviceInfo: {} } } },
    });
  });

  it('answers field errors (partial data, codes, locations, request ids) exactly as Yoga does', async () => {
    const { sessionId, participantId } = h.fake.demo;
    const answer = await bothWays(
      JSON.stringify({
        query: `{
          good: participant(sessionId: "${sessionId}", participantId: "${participantId}") { id }
          bad: participant(sessionId: "${sessionId}", participantId: "not-a-uuid") { id }
        }`,
      }),
      clientHeaders,
    );
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.body) as {
      data: Record<string, unknown>;
      errors: { path: string[]; locations: unknown[]; extensions: Record<string, unknown> }[];
    };
    expect(body.data).toEqual({ good: { id: participantId }, bad: null });
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['bad'],
        locations: [{ line: 3, column: 11 }],
        extensions: { code: 'BAD_USER_INPUT', requestId: '<request-id>' },
      }),
    ]);
  });

  it('answers upstream failures, with their HTTP headers, exactly as Yoga does', async () => {
    const { sessionId, participantId } = h.fake.demo;
    for (const fake of [h.fake, yogaOnly.fake]) {
      fake.injectFault({ match: { endpoint: 'participant' }, status: 401 });
    }
    try {
      const answer = await bothWays(
        JSON.stringify({
          query: `{ participant(sessionId: "${sessionId}", participantId: "${participantId}") { id } }`,
        }),
        clientHeaders,
      );
      expect(JSON.parse(answer.body)).toMatchObject({
        data: { participant: null },
        errors: [{ extensions: { code: 'UNAUTHENTICATED', requestId: '<request-id>' } }],
      });
    } finally {
      h.fake.clearFaults();
      yogaOnly.fake.clearFaults();
    }
  });

  it('runs the operation the request names, of a document with several', async () => {
    const { sessionId, participantId } = h.fake.demo;
    const document = `
      query A { participant(sessionId: "${sessionId}", participantId: "${participantId}") { id } }
      query B { participant(sessionId: "${sessionId}", participantId: "${participantId}") { displayName } }`;
    const a = await bothWays(
      JSON.stringify({ query: document, operationName: 'A' }),
      clientHeaders,
    );
    const b = await bothWays(
      JSON.stringify({ query: document, operationName: 'B' }),
      clientHeaders,
    );
    expect(JSON.parse(a.body)).toEqual({ data: { participant: { id: participantId } } });
    expect(
      Object.keys((JSON.parse(b.body) as { data: { participant: object } }).data.participant),
    ).toEqual(['displayName']);
  });
});

describe('the lean lane, for requests real clients vary', () => {
  it('answers an origin that is not allowed without CORS headers, as Yoga does', async () => {
    const answer = await bothWays(JSON.stringify({ query: '{ __typename }' }), {
      ...CLIENTS.apollo,
      origin: 'http://evil.example',
    });
    expect(answer.headers['access-control-allow-origin']).toBeNull();
    expect(answer.headers.vary).toBe('authorization');
  });

  it('answers the second allowed origin with its own name', async () => {
    const answer = await bothWays(JSON.stringify({ query: '{ __typename }' }), {
      ...CLIENTS.apollo,
      origin: 'http://other.example',
    });
    expect(answer.headers['access-control-allow-origin']).toBe('http://other.example');
  });

  it("takes Apollo Client 4's extensions (its name and version), which no policy reads", async () => {
    const answer = await bothWays(
      JSON.stringify({
        query: '{ __typename }',
        extensions: { clientLibrary: { name: '@apollo/client', version: '4.0.0' } },
      }),
      CLIENTS.apollo,
    );
    expect(JSON.parse(answer.body)).toEqual({ data: { __typename: 'Query' } });
  });

  it('takes a charset and parameters on the content type, and q-values on Accept', async () => {
    const answer = await bothWays(JSON.stringify({ query: '{ __typename }' }), {
      'content-type': 'application/json; charset=utf-8',
      accept: 'application/json;q=0.5, application/graphql-response+json;q=1',
    });
    // Yoga ignores q-values: the first listed wins.
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
  });
});

describe('what the lean lane leaves to Yoga', () => {
  it.each([
    ['a body that is not JSON', '{"query":', 400, 'BAD_REQUEST'],
    ['a batch', '[{"query":"{ __typename }"}]', 400, 'BAD_REQUEST'],
    ['an unknown parameter', '{"query":"{ __typename }","extra":1}', 400, 'BAD_REQUEST'],
    ['a document that does not parse', '{"query":"{ participant("}', 200, 'GRAPHQL_PARSE_FAILED'],
    ['a document that fails validation', '{"query":"{ nope }"}', 200, 'GRAPHQL_VALIDATION_FAILED'],
    [
      'variables the executor refuses',
      '{"query":"query Q($p: ID!) { peerReport(peerId: $p) { id } }","variables":{}}',
      400,
      'BAD_USER_INPUT',
    ],
    [
      'an operation name the document does not have',
      '{"query":"query A { __typename }","operationName":"B"}',
      400,
      'OPERATION_RESOLUTION_FAILURE',
    ],
  ])('%s: Yoga refuses it with its code', async (_name, body, status, code) => {
    const before = await lanes();
    const answer = await post(h, body);
    const after = await lanes();
    expect(after).toEqual({ lean: before.lean, yoga: before.yoga + 2 });
    expect(answer.status).toBe(status);
    const parsed = JSON.parse(answer.body) as { errors: { extensions: { code: string } }[] };
    expect(parsed.errors.map((error) => error.extensions.code)).toContain(code);
  });

  it.each([
    ['only a stream accepted', 'text/event-stream'],
    ['JSON only in another charset', 'application/json; charset=iso-8859-1'],
    ['nothing GraphQL can send', 'text/html'],
  ])('%s: Yoga answers it', async (_name, accept) => {
    const before = await lanes();
    const answer = await post(h, JSON.stringify({ query: '{ __typename }' }), { accept });
    expect(await lanes()).toEqual({ lean: before.lean, yoga: before.yoga + 2 });
    expect(answer).toEqual({
      ...(await post(yogaOnly, JSON.stringify({ query: '{ __typename }' }), { accept })),
      requestId: answer.requestId,
      body: answer.body,
    });
  });

  it('a body without a declared length, which Yoga reads through its size limit', async () => {
    const before = await lanes();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify({ query: '{ __typename }' })));
        controller.close();
      },
    });
    const response = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKEN}` },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    expect(await lanes()).toEqual({ lean: before.lean, yoga: before.yoga + 2 });
  });
});
