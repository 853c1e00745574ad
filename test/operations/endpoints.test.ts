import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createReadiness } from '../../src/observability/readiness.js';
import { createGateway } from '../../src/server.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';
import { originOf } from './support.js';

let harness: Harness;
let origin: string;
beforeAll(async () => {
  harness = await startHarness();
  origin = originOf(harness);
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => {
  harness.fake.clearFaults();
  harness.fake.resetCalls();
});

describe('GET /health (liveness)', () => {
  it('answers 200 {"status":"ok"} without a token or a CSRF header', async () => {
    const response = await fetch(`${origin}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({ status: 'ok' });
    // Liveness never depends on the upstream.
    expect(harness.fake.calls).toEqual([]);
  });

  it('answers HEAD without a body, and refuses other methods with 405', async () => {
    const head = await fetch(`${origin}/health`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await fetch(`${origin}/health`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(await post.json()).toEqual({ status: 'method_not_allowed' });
  });

  it("is exactly /health: Yoga's own check, which matches any URL ending so, is off", async () => {
    const unknown = await fetch(`${origin}/other/health`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await unknown.json()).toEqual({
      errors: [
        {
          message:
            'Nothing is served at /other/health: the GraphQL endpoint is /graphql (and /health, /ready, /metrics for operators).',
          extensions: { code: 'NOT_FOUND' },
        },
      ],
    });
  });
});

describe('GET /ready (readiness)', () => {
  it('answers 200 {"status":"ready"} when the upstream answers a probe sent without a token', async () => {
    const response = await fetch(`${origin}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
    expect(harness.fake.calls).toEqual([
      {
        method: 'HEAD',
        endpoint: 'unknown',
        path: '/',
        query: {},
        authHash: null,
        receivedAt: expect.any(Number) as unknown,
      },
    ]);
  });

  it('reuses a probe for a few seconds, however often it is asked', async () => {
    await fetch(`${origin}/ready`);
    harness.fake.resetCalls();
    await Promise.all([fetch(`${origin}/ready`), fetch(`${origin}/ready`)]);
    await fetch(`${origin}/ready`);
    expect(harness.fake.calls).toEqual([]);
  });

  it('answers 503 with a reason when nothing listens at the upstream address', async () => {
    const dead = await startHarness({
      gateway: { upstream: { baseUrl: 'http://127.0.0.1:9/client/v4' } },
    });
    try {
      const response = await fetch(`${originOf(dead)}/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'not_ready',
        reason: 'upstream_unreachable',
      });
    } finally {
      await dead.close();
    }
  });

  it('answers 503 shutting_down from the moment shutdown begins', async () => {
    const gateway = createGateway({
      ...loadConfig({}),
      upstream: { ...loadConfig({}).upstream, baseUrl: harness.fake.url },
      serverToken: undefined,
      defaults: { accountId: undefined, appId: undefined },
      graphiql: { exampleQuery: '{ __typename }', demoAuthorization: undefined },
      persistedDocumentsPath: undefined,
      logger: createLogger('silent'),
    });
    try {
      expect((await gateway.yoga.fetch('http://gateway.test/ready')).status).toBe(200);
      gateway.beginShutdown();
      const response = await gateway.yoga.fetch('http://gateway.test/ready');
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'not_ready', reason: 'shutting_down' });
    } finally {
      await gateway.close();
    }
  });

  it('probes again once its answer is older than the cache time, and logs only changes', async () => {
    const lines: string[] = [];
    let now = 0;
    const readiness = createReadiness({
      baseUrl: 'http://127.0.0.1:9/client/v4',
      logger: createLogger('info', (line) => lines.push(line)),
      cacheMs: 1_000,
      now: () => now,
    });
    try {
      expect(await readiness.check()).toEqual({ ready: false, reason: 'upstream_unreachable' });
      now = 999;
      expect(await readiness.check()).toEqual({ ready: false, reason: 'upstream_unreachable' });
      now = 5_000;
      expect(await readiness.check()).toEqual({ ready: false, reason: 'upstream_unreachable' });
      // One line, naming the cause: nothing listens on port 9.
      expect(lines.map((line) => JSON.parse(line) as { msg: string; cause: string })).toEqual([
        expect.objectContaining({
          msg: 'upstream unreachable: the connection was refused (nothing listens there)',
          cause: 'refused',
        }),
      ]);
    } finally {
      await readiness.close();
    }
  });

  it('names a timeout as the cause when the upstream takes connections and never answers', async () => {
    // Accepts, reads, never writes: a stuck upstream.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const lines: string[] = [];
    const readiness = createReadiness({
      baseUrl: `http://127.0.0.1:${String((silent.address() as AddressInfo).port)}/client/v4`,
      logger: createLogger('info', (line) => lines.push(line)),
      timeoutMs: 200,
    });
    try {
      expect(await readiness.check()).toEqual({ ready: false, reason: 'upstream_unreachable' });
      expect(lines.map((line) => JSON.parse(line) as { msg: string; cause: string })).toEqual([
        expect.objectContaining({
          msg: 'upstream unreachable: it did not answer in time',
          cause: 'timeout',
        }),
      ]);
    } finally {
      await readiness.close();
      silent.close();
    }
  });
});

describe('GET /metrics', () => {
  it('answers the Prometheus text format without a token', async () => {
    const response = await fetch(`${origin}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await response.text()).toContain('# TYPE rtk_graphql_operations_total counter');
  });
});

describe('the GraphQL request checks guard /graphql only', () => {
  it('still refuses a GET to /graphql without a CSRF header', async () => {
    const response = await fetch(`${harness.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(403);
  });

  it('leaves the operations endpoints to plain GETs from anywhere', async () => {
    for (const path of ['/health', '/ready', '/metrics']) {
      const response = await fetch(`${origin}${path}`, {
        headers: { origin: 'https://evil.test' },
      });
      expect(response.status).toBe(200);
    }
  });
});
