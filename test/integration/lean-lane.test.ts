import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';
import { sample, scrape } from '../operations/support.js';

/**
 * The lean lane answers plain queries without Yoga (see src/http/fast-lane.ts). These tests hold
 * it to Yoga's answers: the same request is sent once as the lane takes it and once with an Accept
 * header the lane leaves to Yoga, and both answers must be the same but for the request id.
 */

/** Sent by the lane as by Yoga, but the lane only takes `*∕*` or `application/json` alone. */
const YOGA_ACCEPT = 'application/json, */*;q=0.1';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | null>;
  readonly body: string;
}

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function post(
  body: string,
  headers: Record<string, string> = {},
): Promise<Answer & { readonly requestId: string | null }> {
  const response = await fetch(h.url, {
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
      ['content-type', 'cache-control', 'vary', 'retry-after'].map((name) => [
        name,
        response.headers.get(name)?.toLowerCase() ?? null,
      ]),
    ),
    // The id differs per request; everything else must match byte for byte.
    body: requestId === null ? text : text.split(requestId).join('<request-id>'),
  };
}

async function lanes(): Promise<{ lean: number; yoga: number }> {
  const text = await scrape(h);
  return {
    lean: sample(text, 'rtk_graphql_requests_by_lane_total', { lane: 'lean' }),
    yoga: sample(text, 'rtk_graphql_requests_by_lane_total', { lane: 'yoga' }),
  };
}

/** Sends `body` down both paths; returns the lean answer after checking Yoga's is the same. */
async function bothWays(body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const before = await lanes();
  const lean = await post(body, headers);
  const afterLean = await lanes();
  const yoga = await post(body, { ...headers, accept: YOGA_ACCEPT });
  const afterYoga = await lanes();
  // The scrapes themselves are answered by Yoga, one each.
  expect(afterLean).toEqual({ lean: before.lean + 1, yoga: before.yoga + 1 });
  expect(afterYoga).toEqual({ lean: afterLean.lean, yoga: afterLean.yoga + 2 });
  expect(lean.requestId).toMatch(/\S/);
  expect(yoga.requestId).not.toBe(lean.requestId);
  const withoutId = ({ status, headers, body: text }: Answer): Answer => ({
    status,
    headers,
    body: text,
  });
  const leanAnswer = withoutId(lean);
  expect(leanAnswer).toEqual(withoutId(yoga));
  return leanAnswer;
}

const participantQuery = () =>
  'query One($s: ID!, $p: ID!) { participant(sessionId: $s, participantId: $p) { id displayName joinedAt peerStats { deviceInfo { os browser } } } }';

describe('the lean lane', () => {
  it('answers a query exactly as Yoga does, and counts it as lean', async () => {
    const { sessionId, participantId } = h.fake.demo;
    const answer = await bothWays(
      JSON.stringify({
        query: participantQuery(),
        operationName: 'One',
        variables: { s: sessionId, p: participantId },
      }),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'private, no-store',
      vary: 'authorization',
      'retry-after': null,
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
    h.fake.injectFault({ match: { endpoint: 'participant' }, status: 401 });
    try {
      const answer = await bothWays(
        JSON.stringify({
          query: `{ participant(sessionId: "${sessionId}", participantId: "${participantId}") { id } }`,
        }),
      );
      expect(JSON.parse(answer.body)).toMatchObject({
        data: { participant: null },
        errors: [{ extensions: { code: 'UNAUTHENTICATED', requestId: '<request-id>' } }],
      });
    } finally {
      h.fake.clearFaults();
    }
  });

  it('runs the operation the request names, of a document with several', async () => {
    const { sessionId, participantId } = h.fake.demo;
    const document = `
      query A { participant(sessionId: "${sessionId}", participantId: "${participantId}") { id } }
      query B { participant(sessionId: "${sessionId}", participantId: "${participantId}") { displayName } }`;
    const a = await bothWays(JSON.stringify({ query: document, operationName: 'A' }));
    const b = await bothWays(JSON.stringify({ query: document, operationName: 'B' }));
    expect(JSON.parse(a.body)).toEqual({ data: { participant: { id: participantId } } });
    expect(
      Object.keys((JSON.parse(b.body) as { data: { participant: object } }).data.participant),
    ).toEqual(['displayName']);
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
    const answer = await post(body);
    const after = await lanes();
    expect(after).toEqual({ lean: before.lean, yoga: before.yoga + 2 });
    expect(answer.status).toBe(status);
    const parsed = JSON.parse(answer.body) as { errors: { extensions: { code: string } }[] };
    expect(parsed.errors.map((error) => error.extensions.code)).toContain(code);
  });

  it('a request from a browser origin, so that Yoga answers its CORS headers', async () => {
    const before = await lanes();
    const response = await fetch(h.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${DEMO_TOKEN}`,
        origin: 'http://dashboard.example',
      },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    expect(await lanes()).toEqual({ lean: before.lean, yoga: before.yoga + 2 });
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
