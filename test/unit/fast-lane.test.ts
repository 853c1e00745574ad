import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createFastLane, maskLikeYoga, respondLikeYoga } from '../../src/http/fast-lane.js';
import type { FastLaneOptions } from '../../src/http/fast-lane.js';
import { createPreparedDocuments } from '../../src/http/prepared-documents.js';
import { createRequestScope } from '../../src/observability/request-scope.js';
import { noTracing } from '../../src/observability/tracing.js';
import type { RequestRecord } from '../../src/observability/request-scope.js';
import { resolvers } from '../../src/resolvers/index.js';
import { loadTypeDefs } from '../../src/server.js';

const schema = createSchema({ typeDefs: loadTypeDefs(), resolvers });
const { limits } = loadConfig({});
const { fetchAPI } = createYoga({ schema });

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** Serves a lane whose context cannot be built: a bug past every check, as no test can cause. */
async function serveBrokenLane(finished: { record: RequestRecord; status: number }[]) {
  const options: FastLaneOptions = {
    schema,
    documents: createPreparedDocuments({ schema, limits, introspection: true }),
    persistedDocuments: undefined,
    createContext: () => {
      throw new TypeError('context bug with a detail nobody should see');
    },
    scope: createRequestScope(),
    tracing: noTracing,
    finish: (record, status) => finished.push({ record, status }),
    maskError: maskLikeYoga,
    respondWithErrors: respondLikeYoga(fetchAPI),
    cors: () => false,
    maxRequestBytes: limits.maxRequestBytes,
    maxUpstreamCalls: limits.maxUpstreamCalls,
    maxResponseBytes: limits.maxResponseBytes,
  };
  const lane = createFastLane(options);
  const server = createServer((request, response) => {
    lane(request, response, (_request, fallbackResponse) => {
      fallbackResponse.writeHead(418).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () =>
    new Promise((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

describe('the lean lane, when something unexpected fails', () => {
  it('answers a masked INTERNAL_SERVER_ERROR with HTTP 500 and still records the request', async () => {
    const finished: { record: RequestRecord; status: number }[] = [];
    const url = await serveBrokenLane(finished);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'broken-1' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(500);
    expect(response.headers.get('x-request-id')).toBe('broken-1');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const text = await response.text();
    expect(text).not.toContain('nobody should see');
    expect(JSON.parse(text)).toEqual({
      errors: [
        {
          message: 'Unexpected error.',
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'broken-1' },
        },
      ],
    });
    expect(finished.map(({ record, status }) => [record.id, record.outcome, status])).toEqual([
      ['broken-1', 'error', 500],
    ]);
  });

  it('hands a request it cannot take to the fallback, body and all', async () => {
    const url = await serveBrokenLane([]);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{ not json',
    });
    expect(response.status).toBe(418);
  });
});
