import { request as httpRequest } from 'node:http';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

/** Small limits, so that each one is easy to reach; introspection and GraphiQL off. */
const LIMITS = {
  maxRequestBytes: 2048,
  maxTokens: 120,
  maxDepth: 5,
  maxAliases: 3,
  maxDirectives: 3,
};

let locked: Harness;
let open: Harness;
let participant: string;

beforeAll(async () => {
  [locked, open] = await Promise.all([
    startHarness({ gateway: { limits: LIMITS, introspection: false } }),
    startHarness({ gateway: { limits: { maxDepth: 5 }, introspection: true } }),
  ]);
  const { sessionId, participantId } = locked.fake.demo;
  participant = `participant(sessionId: "${sessionId}", participantId: "${participantId}")`;
});
afterAll(async () => {
  await Promise.all([locked.close(), open.close()]);
});
beforeEach(() => {
  locked.fake.resetCalls();
  open.fake.resetCalls();
});

interface Answer {
  readonly status: number;
  readonly contentType: string | null;
  readonly text: string;
  readonly body: unknown;
}

/**
 * Sends a request with the demo token, answered in the GraphQL-over-HTTP media type so that the
 * status code carries the outcome (with `application/json` a request error is HTTP 200).
 */
async function send(
  h: Harness,
  init: RequestInit & { readonly duplex?: 'half'; readonly search?: string },
): Promise<Answer> {
  const response = await fetch(`${h.url}${init.search ?? ''}`, {
    ...init,
    headers: {
      accept: 'application/graphql-response+json',
      authorization: `Bearer ${DEMO_TOKEN}`,
      ...(init.headers as Record<string, string> | undefined),
    },
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type');
  return {
    status: response.status,
    contentType,
    text,
    body: contentType?.includes('json') ? (JSON.parse(text) as unknown) : undefined,
  };
}

function post(h: Harness, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return send(h, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** Every error carries the id of its request (see test/operations for how it is chosen). */
const requestId = expect.any(String) as unknown;

function tooComplex(message: string, extensions: Record<string, unknown>) {
  return {
    errors: [{ message, extensions: { code: 'QUERY_TOO_COMPLEX', ...extensions, requestId } }],
  };
}

describe('operation limits are enforced before any upstream call', () => {
  it('QUERY_TOO_COMPLEX for too many tokens', async () => {
    // 9 tokens of field and arguments, 4 braces, 110 fields.
    const answer = await post(locked, { query: `{ ${participant} { ${'id '.repeat(110)}} }` });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(
      tooComplex('The query has 123 tokens; at most 120 are allowed.', {
        limit: 'tokens',
        max: 120,
        actual: 123,
      }),
    );
    expect(locked.fake.calls).toEqual([]);
  });

  it('QUERY_TOO_COMPLEX for nesting too deep', async () => {
    const answer = await post(locked, {
      query: `{ ${participant} { peerReport { participant { peerReport { participant { id } } } } } }`,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(
      tooComplex('The query nests fields 6 levels deep; at most 5 are allowed.', {
        limit: 'depth',
        max: 5,
        actual: 6,
      }),
    );
    expect(locked.fake.calls).toEqual([]);
  });

  it('QUERY_TOO_COMPLEX for too many aliases, counting a reused fragment at every spread', async () => {
    const answer = await post(locked, {
      query: `{ ${participant} { ...Ids ...Ids } } fragment Ids on Participant { a: id b: id }`,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(
      tooComplex(
        'The query uses 4 aliases, counting a fragment at every spread; at most 3 are allowed.',
        { limit: 'aliases', max: 3, actual: 4 },
      ),
    );
    expect(locked.fake.calls).toEqual([]);
  });

  it('QUERY_TOO_COMPLEX for too many directives', async () => {
    const answer = await post(locked, {
      query: `{ ${participant} @include(if: true) { id @skip(if: false) displayName @skip(if: false) duration @skip(if: false) } }`,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(
      tooComplex(
        'The query uses 4 directives, counting a fragment at every spread; at most 3 are allowed.',
        { limit: 'directives', max: 3, actual: 4 },
      ),
    );
    expect(locked.fake.calls).toEqual([]);
  });

  it('answers HTTP 200 to a client that accepts only application/json, like validation errors', async () => {
    const answer = await post(
      locked,
      {
        query: `{ ${participant} { peerReport { participant { peerReport { participant { id } } } } } }`,
      },
      { accept: 'application/json' },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ errors: [{ extensions: { code: 'QUERY_TOO_COMPLEX' } }] });
    expect(locked.fake.calls).toEqual([]);
  });

  it('exempts introspection from the depth limit, so GraphiQL can load the schema', async () => {
    const answer = await post(open, { query: getIntrospectionQuery() });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ data: { __schema: { queryType: { name: 'Query' } } } });
    expect(answer.body).not.toHaveProperty('errors');
  });

  it('does not exempt a field aliased __schema', async () => {
    const answer = await post(open, {
      query: `{ __schema: ${participant} { peerReport { participant { peerReport { participant { id } } } } } }`,
    });
    expect(answer.body).toEqual(
      tooComplex('The query nests fields 6 levels deep; at most 5 are allowed.', {
        limit: 'depth',
        max: 5,
        actual: 6,
      }),
    );
    expect(open.fake.calls).toEqual([]);
  });
});

describe('unauthenticated CPU burn', () => {
  /** Thirty aliased introspection roots: 6 KB in, 2 MB and about a second of CPU out, unbounded. */
  const schemas = Array.from(
    { length: 30 },
    (_, index) => `s${index}: __schema { types { name fields { name args { name } } } }`,
  ).join(' ');

  it('refuses a second introspection root, aliased, without authentication, in both request paths', async () => {
    for (const accept of [undefined, 'application/graphql-response+json']) {
      const answer = await post(
        open,
        { query: `{ ${schemas} }` },
        { authorization: '', ...(accept === undefined ? {} : { accept }) },
      );
      expect(answer.body).toEqual(
        tooComplex(
          'The query selects 30 introspection roots (__schema, __type); at most 1 is allowed.',
          { limit: 'introspection', max: 1, actual: 30 },
        ),
      );
    }
  });

  it('refuses one nested selection repeated hundreds of times, counted after fragment expansion', async () => {
    // 270 spreads are 540 tokens, within MAX_QUERY_TOKENS; expanded they are 2,161 fields (8 a spread, and the participant).
    const query = `{ ${participant} { ${'...Stats '.repeat(270)}} } fragment Stats on Participant { peerStats { deviceInfo { os osVersion browser } events { type timestamp } } }`;
    const answer = await post(open, { query });
    expect(answer.body).toEqual(
      tooComplex(
        'The query selects 2161 fields, counting a fragment at every spread; at most 1500 are allowed.',
        { limit: 'fields', max: 1500, actual: 2161 },
      ),
    );
    expect(open.fake.calls).toEqual([]);
  });

  it('keeps /health responsive while such requests arrive ten at a time', async () => {
    const origin = new URL(open.url).origin;
    const attacks = Array.from({ length: 10 }, async () => {
      for (let round = 0; round < 5; round += 1) {
        await post(open, { query: `{ ${schemas} }` });
      }
    });
    const latencies: number[] = [];
    const probes = (async () => {
      for (let probe = 0; probe < 50; probe += 1) {
        const started = performance.now();
        await fetch(`${origin}/health`);
        latencies.push(performance.now() - started);
      }
    })();
    await Promise.all([...attacks, probes]);
    latencies.sort((a, b) => a - b);
    // p99 of 50 probes is the second-slowest; bounded loosely, the harm measured was 13 s.
    expect(latencies[48]).toBeLessThan(100);
  });
});

describe('response size (MAX_RESPONSE_BYTES)', () => {
  const MAX = 4096;
  let small: Harness;
  beforeAll(async () => {
    small = await startHarness({ gateway: { limits: { maxResponseBytes: MAX } } });
  });
  afterAll(async () => {
    await small.close();
  });

  /** The lean lane's request shape, and a client that makes Yoga answer. */
  const PATHS = [
    ['plain JSON', {}],
    ['graphql-response+json', { accept: 'application/graphql-response+json' }],
  ] as const;
  let sessions = '';
  beforeAll(() => {
    sessions = `{ session(sessionId: "${open.fake.demo.largeSessionId}") { participants(perPage: 100) { items { id displayName joinedAt leftAt } } } }`;
  });

  it.each(PATHS)(
    'sends no data past the limit, RESPONSE_TOO_LARGE instead (%s)',
    async (_name, headers) => {
      const whole = await post(open, { query: sessions }, headers);
      expect(whole.text.length).toBeGreaterThan(MAX);
      const answer = await post(small, { query: sessions }, headers);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        data: null,
        errors: [
          {
            message: expect.stringMatching(
              /^The response would be \d+ bytes; at most 4096 are sent\./,
            ) as unknown,
            extensions: {
              code: 'RESPONSE_TOO_LARGE',
              limit: 'responseBytes',
              max: MAX,
              actual: Buffer.byteLength(whole.text),
              requestId,
            },
          },
        ],
      });
    },
  );

  it.each(PATHS)('bounds a partial answer with field errors too (%s)', async (_name, headers) => {
    const query = `{ bad: participant(sessionId: "nope", participantId: "nope") { id } list: ${sessions.slice(2, -2)} }`;
    const whole = await post(open, { query }, headers);
    expect(whole.text).toContain('BAD_USER_INPUT');
    const answer = await post(small, { query }, headers);
    expect(answer.body).toMatchObject({
      data: null,
      errors: [{ extensions: { code: 'RESPONSE_TOO_LARGE', max: MAX } }],
    });
  });

  it.each(PATHS)('sends an answer within the limit unchanged (%s)', async (_name, headers) => {
    const query = '{ sessions(perPage: 2) { items { id startedAt } } }';
    const [within, unbounded] = await Promise.all([
      post(small, { query }, headers),
      post(open, { query }, headers),
    ]);
    expect(within.text.length).toBeLessThan(MAX);
    expect(within.text).toBe(unbounded.text);
  });
});

describe('request size', () => {
  const tooLarge = {
    errors: [
      {
        message: 'The request body is larger than 2048 bytes.',
        extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 'requestBytes', max: 2048, requestId },
      },
    ],
  };

  /** A JSON body of exactly `bytes` bytes asking for a participant's id. */
  function bodyOf(bytes: number): string {
    const empty = JSON.stringify({ query: `{ ${participant} { id } }`, variables: { pad: '' } });
    return JSON.stringify({
      query: `{ ${participant} { id } }`,
      variables: { pad: 'x'.repeat(bytes - empty.length) },
    });
  }

  function chunked(text: string): ReadableStream<Uint8Array> {
    const bytes = new TextEncoder().encode(text);
    return new ReadableStream({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 256)
          controller.enqueue(bytes.slice(at, at + 256));
        controller.close();
      },
    });
  }

  it('accepts a body of exactly MAX_REQUEST_BYTES', async () => {
    const body = bodyOf(2048);
    expect(Buffer.byteLength(body)).toBe(2048);
    const answer = await send(locked, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(answer.body).toEqual({ data: { participant: { id: locked.fake.demo.participantId } } });
  });

  it('PAYLOAD_TOO_LARGE with HTTP 413 one byte over, from Content-Length', async () => {
    const answer = await send(locked, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bodyOf(2049),
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual(tooLarge);
    expect(locked.fake.calls).toEqual([]);
  });

  it('PAYLOAD_TOO_LARGE for a chunked body without Content-Length', async () => {
    const answer = await send(locked, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunked(bodyOf(2049)),
      duplex: 'half',
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual(tooLarge);
    expect(locked.fake.calls).toEqual([]);
  });

  it('accepts a chunked body within the limit', async () => {
    const answer = await send(locked, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunked(bodyOf(2048)),
      duplex: 'half',
    });
    expect(answer.body).toEqual({ data: { participant: { id: locked.fake.demo.participantId } } });
  });

  it('answers 413 from Content-Length alone, before the body arrives', async () => {
    const url = new URL(locked.url);
    const answer = await new Promise<{ status: number | undefined; text: string }>(
      (resolve, reject) => {
        const request = httpRequest(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': 50_000_000 },
          },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (text += chunk));
            response.on('end', () => {
              // Only 13 of the 50 MB announced were ever sent.
              request.destroy();
              resolve({ status: response.statusCode, text });
            });
          },
        );
        request.on('error', reject);
        request.write('{"query":"{ ');
      },
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toEqual(tooLarge);
    expect(locked.fake.calls).toEqual([]);
  });

  it('PAYLOAD_TOO_LARGE for a GET query string over the limit', async () => {
    const query = encodeURIComponent(`{ ${participant} { id ${'displayName '.repeat(200)}} }`);
    const answer = await send(locked, {
      method: 'GET',
      search: `?query=${query}`,
      headers: { 'x-graphql-csrf-prevention': '1' },
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({
      errors: [
        {
          message: 'The request query string is larger than 2048 bytes.',
          extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 'requestBytes', max: 2048, requestId },
        },
      ],
    });
    expect(locked.fake.calls).toEqual([]);
  });
});

describe('field suggestions never leak', () => {
  const validation = (message: string, line: number, column: number) => ({
    message,
    locations: [{ line, column }],
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', requestId },
  });

  it.each([
    [
      'an unknown field',
      '{ participnt(sessionId: "s", participantId: "p") { id } }',
      [validation('Cannot query field "participnt" on type "Query".', 1, 3)],
    ],
    [
      'an unknown argument',
      '{ sessions(serch: "x") { items { id } } }',
      [validation('Unknown argument "serch" on field "Query.sessions".', 1, 12)],
    ],
    [
      'an unknown type',
      'query ($s: Strng) { sessions(search: $s) { items { id } } }',
      [validation('Unknown type "Strng".', 1, 12)],
    ],
    [
      'an unknown type condition',
      '{ sessions { items { ... on Sesion { id } } } }',
      [validation('Unknown type "Sesion".', 1, 29)],
    ],
    [
      'an unknown enum value',
      '{ sessions(status: LIV) { items { id } } }',
      [validation('Value "LIV" does not exist in "SessionStatus" enum.', 1, 20)],
    ],
  ])('%s', async (_name, query, errors) => {
    for (const h of [locked, open]) {
      const answer = await post(h, { query });
      expect(answer.body).toEqual({ errors });
      expect(answer.text).not.toContain('Did you mean');
      expect(h.fake.calls).toEqual([]);
    }
  });

  it('an unknown enum value given as a variable', async () => {
    const answer = await post(locked, {
      query: 'query ($s: SessionStatus) { sessions(status: $s) { items { id } } }',
      variables: { s: 'LIV' },
    });
    expect(answer.body).toEqual({
      errors: [
        {
          message:
            'Variable "$s" got invalid value "LIV"; Value "LIV" does not exist in "SessionStatus" enum.',
          locations: [{ line: 1, column: 8 }],
          extensions: { code: 'BAD_USER_INPUT', requestId },
        },
      ],
    });
    expect(locked.fake.calls).toEqual([]);
  });
});

describe('introspection and GraphiQL', () => {
  it('with introspection off, __schema and __type fail validation, aliased too', async () => {
    const disabled = (field: string, column: number) => ({
      errors: [
        {
          message: `GraphQL introspection has been disabled, but the requested query contained the field "${field}".`,
          locations: [{ line: 1, column }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', requestId },
        },
      ],
    });
    const cases: [string, unknown][] = [
      ['{ __schema { description } }', disabled('__schema', 3)],
      ['{ __type(name: "Query") { name } }', disabled('__type', 3)],
      ['{ s: __schema { description } }', disabled('__schema', 3)],
    ];
    for (const [query, expected] of cases) {
      const answer = await post(locked, { query });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(expected);
    }
    expect(locked.fake.calls).toEqual([]);
  });

  it('with introspection off, __typename still works', async () => {
    const answer = await post(locked, { query: '{ __typename }' });
    expect(answer).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('with introspection on, __schema answers', async () => {
    const answer = await post(open, { query: '{ __schema { queryType { name } } }' });
    expect(answer.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('serves GraphiQL only with introspection on', async () => {
    const page = await fetch(open.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html');
    expect(await page.text()).toContain('<title>RealtimeKit GraphQL</title>');

    const none = await fetch(locked.url, { headers: { accept: 'text/html' } });
    expect(none.status).not.toBe(200);
    expect(none.headers.get('content-type') ?? '').not.toContain('text/html');
    expect(await none.text()).not.toContain('RealtimeKit GraphQL');
  });
});

describe('CSRF prevention', () => {
  const refused = {
    errors: [
      {
        message:
          'This request could have been sent cross-site by a browser and is refused: send it as POST with Content-Type application/json, with an Authorization header, or with one of these headers: x-graphql-csrf-prevention, apollo-require-preflight, x-apollo-operation-name.',
        extensions: { code: 'CSRF_PREVENTED', requestId },
      },
    ],
  };
  const operation = () => `{ ${participant} { id } }`;

  it.each([
    ['a GET', () => ({ method: 'GET', search: `?query=${encodeURIComponent(operation())}` })],
    [
      'a form POST',
      () => ({
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ query: operation() }).toString(),
      }),
    ],
    [
      'a multipart POST',
      () => {
        const form = new FormData();
        form.set('operations', JSON.stringify({ query: operation() }));
        return { method: 'POST', body: form };
      },
    ],
    [
      'a text/plain POST',
      () => ({
        method: 'POST',
        headers: { 'content-type': 'Text/Plain; charset=utf-8' },
        body: JSON.stringify({ query: operation() }),
      }),
    ],
    [
      'a POST without a content type',
      () => ({ method: 'POST', body: new Blob([JSON.stringify({ query: operation() })]) }),
    ],
  ])('refuses %s with HTTP 403 and CSRF_PREVENTED', async (_name, init) => {
    // As a page on another site would send it: no Authorization header (it cannot add one).
    const { search, headers, ...rest } = init() as RequestInit & {
      search?: string;
      headers?: Record<string, string>;
    };
    const response = await fetch(`${locked.url}${search ?? ''}`, { ...rest, headers });
    const answer = {
      status: response.status,
      body: (await response.json()) as unknown,
    };
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual(refused);
    expect(locked.fake.calls).toEqual([]);
  });

  it.each([
    ['a JSON POST', { method: 'POST', headers: { 'content-type': 'application/json' } }],
    ['a GET with x-graphql-csrf-prevention', { headers: { 'x-graphql-csrf-prevention': '1' } }],
    ['a GET with apollo-require-preflight', { headers: { 'apollo-require-preflight': 'true' } }],
    ['a GET with x-apollo-operation-name', { headers: { 'x-apollo-operation-name': 'Q' } }],
    // urql's default for short queries (preferGetMethod: 'within-url-limit'), with its token.
    [
      'a GET with only an Authorization header, as urql sends queries',
      {
        headers: {
          accept: 'application/graphql-response+json, application/json',
          authorization: `Bearer ${DEMO_TOKEN}`,
        },
      },
    ],
    [
      'a form POST with x-graphql-csrf-prevention',
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-graphql-csrf-prevention': '1',
        },
      },
    ],
  ])(
    'lets %s through',
    async (_name, init: { method?: string; headers: Record<string, string> }) => {
      const method = init.method ?? 'GET';
      const query = '{ __typename }';
      const contentType = init.headers['content-type'];
      // Without an Authorization header unless the case has one: it would let any request through.
      const response = await fetch(
        `${locked.url}${method === 'GET' ? `?query=${encodeURIComponent(query)}` : ''}`,
        {
          method,
          headers: init.headers,
          ...(method === 'GET'
            ? {}
            : {
                body:
                  contentType === 'application/json'
                    ? JSON.stringify({ query })
                    : new URLSearchParams({ query }).toString(),
              }),
        },
      );
      expect({ status: response.status, body: (await response.json()) as unknown }).toMatchObject({
        status: 200,
        body: { data: { __typename: 'Query' } },
      });
    },
  );

  it('lets GraphiQL load: the page, then its JSON POSTs', async () => {
    const page = await fetch(open.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const answer = await post(
      open,
      { query: '{ __schema { queryType { name } } }' },
      { accept: 'application/graphql-response+json, application/json, multipart/mixed' },
    );
    expect(answer.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});

describe('batching', () => {
  it('refuses a JSON array of operations with HTTP 400', async () => {
    const answer = await post(locked, [
      { query: `{ ${participant} { id } }` },
      { query: `{ ${participant} { id } }` },
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      errors: [
        { message: 'Batching is not supported.', extensions: { code: 'BAD_REQUEST', requestId } },
      ],
    });
    expect(locked.fake.calls).toEqual([]);
  });
});
