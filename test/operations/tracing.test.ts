import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createTracing } from '../../src/observability/tracing.js';
import type { OtlpProtocol, Tracing } from '../../src/observability/tracing.js';
import { startHarness } from '../support/harness.js';
import type { Harness, HarnessOptions } from '../support/harness.js';
import { manualSchedule } from '../support/live.js';
import { until } from './support.js';

/*
 * OpenTelemetry traces, exported over OTLP/HTTP to a real receiver this file starts: a node:http
 * server on a loopback port that keeps what is POSTed to /v1/traces. With http/json the spans are
 * decoded and asserted, names, parent links, attributes and the client's trace id; with the
 * default http/protobuf, the export is checked as bytes.
 */

/** A token no attribute, event or resource may ever carry. */
const TOKEN = 'tr4ce-t0ken-that-must-never-leak-0123456789';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${CLIENT_SPAN_ID}-01`;

interface OtlpValue {
  readonly stringValue?: string;
  readonly intValue?: number | string;
  readonly doubleValue?: number;
  readonly boolValue?: boolean;
  readonly arrayValue?: { readonly values?: readonly OtlpValue[] };
}
interface OtlpAttribute {
  readonly key: string;
  readonly value: OtlpValue;
}
interface OtlpSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly traceState?: string;
  readonly name: string;
  readonly kind: number;
  readonly attributes?: readonly OtlpAttribute[];
  readonly events?: readonly { readonly name: string; readonly attributes?: OtlpAttribute[] }[];
  readonly status?: { readonly code?: number; readonly message?: string };
}
interface OtlpRequest {
  readonly resourceSpans: readonly {
    readonly resource?: { readonly attributes?: readonly OtlpAttribute[] };
    readonly scopeSpans: readonly { readonly spans?: readonly OtlpSpan[] }[];
  }[];
}

/** A span as the tests read it: ids in hex, attributes as plain values. */
interface ReceivedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly traceState: string | undefined;
  readonly name: string;
  readonly kind: number;
  readonly attributes: Record<string, unknown>;
  readonly events: readonly {
    readonly name: string;
    readonly attributes: Record<string, unknown>;
  }[];
  /** 2 is ERROR. */
  readonly statusCode: number;
}

function valueOf(value: OtlpValue): unknown {
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.arrayValue !== undefined) return (value.arrayValue.values ?? []).map(valueOf);
  return undefined;
}

const attributesOf = (attributes: readonly OtlpAttribute[] = []) =>
  Object.fromEntries(attributes.map(({ key, value }) => [key, valueOf(value)]));

const SPAN_KIND = { internal: 1, server: 2, client: 3 };

interface Receiver {
  /** The traces endpoint, e.g. http://127.0.0.1:PORT/v1/traces. */
  readonly url: string;
  readonly bodies: Buffer[];
  readonly headers: IncomingHttpHeaders[];
  /** Every span of the JSON exports so far. */
  spans(): ReceivedSpan[];
  resources(): Record<string, unknown>[];
  close(): Promise<void>;
}

/** A real OTLP/HTTP receiver: keeps each POST to /v1/traces and answers `status`. */
async function startReceiver(status = 200): Promise<Receiver> {
  const bodies: Buffer[] = [];
  const headers: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/v1/traces') {
        bodies.push(Buffer.concat(chunks));
        headers.push(request.headers);
      }
      response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const decoded = () =>
    headers.flatMap((received, index) =>
      received['content-type']?.startsWith('application/json') === true
        ? [JSON.parse((bodies[index] ?? Buffer.alloc(0)).toString('utf8')) as OtlpRequest]
        : [],
    );
  return {
    url: `http://127.0.0.1:${port}/v1/traces`,
    bodies,
    headers,
    spans: () =>
      decoded().flatMap((request) =>
        request.resourceSpans.flatMap((resource) =>
          resource.scopeSpans.flatMap((scope) =>
            (scope.spans ?? []).map((span) => ({
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId === '' ? undefined : span.parentSpanId,
              traceState: span.traceState === '' ? undefined : span.traceState,
              name: span.name,
              kind: span.kind,
              attributes: attributesOf(span.attributes),
              events: (span.events ?? []).map((event) => ({
                name: event.name,
                attributes: attributesOf(event.attributes),
              })),
              statusCode: span.status?.code ?? 0,
            })),
          ),
        ),
      ),
    resources: () =>
      decoded().flatMap((request) =>
        request.resourceSpans.map((resource) => attributesOf(resource.resource?.attributes)),
      ),
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

let receiver: Receiver | undefined;
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  await receiver?.close();
  harness = undefined;
  receiver = undefined;
});

const logLines: string[] = [];

/** Tracing to the receiver, exporting every 10 ms. */
function tracingTo(to: Receiver, protocol: OtlpProtocol = 'http/json'): Promise<Tracing> {
  return createTracing(
    {
      endpoint: to.url,
      protocol,
      headers: { 'x-collector-key': 'collector-secret' },
      serviceName: 'gateway-under-test',
      resourceAttributes: { 'deployment.environment.name': 'test' },
      batch: { scheduledDelayMs: 10 },
    },
    createLogger('debug', (line) => logLines.push(line)),
  );
}

/** A gateway tracing to a fresh receiver, with its fake accepting TOKEN. */
async function start(
  gateway: HarnessOptions['gateway'] = {},
  protocol?: OtlpProtocol,
): Promise<{ h: Harness; to: Receiver }> {
  receiver = await startReceiver();
  harness = await startHarness({
    fake: { tokens: [TOKEN] },
    gateway: { tracing: await tracingTo(receiver, protocol), ...gateway },
  });
  return { h: harness, to: receiver };
}

/** Closes the gateway, which exports what its tracing still buffers, and forgets it. */
async function closeGateway(h: Harness): Promise<void> {
  await h.close();
  harness = undefined;
}

const auth = { authorization: `Bearer ${TOKEN}` };

function participantField(h: Harness, participantId = h.fake.demo.participantId, alias = '') {
  return `${alias}participant(sessionId: "${h.fake.demo.sessionId}", participantId: "${participantId}") { id displayName }`;
}

const MISSING_PARTICIPANT = '11111111-2222-4333-8444-555555555555';

const only = <T>(items: readonly T[]): T => {
  expect(items).toHaveLength(1);
  return items[0] as T;
};

const operationSpans = (spans: readonly ReceivedSpan[]) =>
  spans.filter((span) => span.kind === SPAN_KIND.server);
const childrenOf = (spans: readonly ReceivedSpan[], parent: ReceivedSpan) =>
  spans.filter((span) => span.parentSpanId === parent.spanId);

/** Every string a receiver was sent: span names, attribute values, events, resources, raw. */
function everythingSent(to: Receiver): string {
  return to.bodies.map((body) => body.toString('latin1')).join('\n');
}

describe.each([
  ['lean', true],
  ['yoga', false],
])('the trace of a query answered by the %s lane', (lane, leanLane) => {
  it("continues the client's trace, with one child span per upstream call", async () => {
    const { h, to } = await start({ leanLane });
    const { status, body } = await h.query(
      `query SessionAndParticipant { ${participantField(h)} session(sessionId: "${h.fake.demo.sessionId}") { id status } }`,
      {
        headers: {
          ...auth,
          traceparent: TRACEPARENT,
          tracestate: 'vendor=opaque',
          'x-request-id': `trace-${lane}-1`,
        },
      },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    await closeGateway(h);

    const spans = to.spans();
    const operation = only(operationSpans(spans));
    expect(operation).toMatchObject({
      traceId: TRACE_ID,
      parentSpanId: CLIENT_SPAN_ID,
      traceState: 'vendor=opaque',
      name: 'query SessionAndParticipant',
      statusCode: 0,
    });
    expect(operation.attributes).toEqual({
      'graphql.operation.name': 'SessionAndParticipant',
      'graphql.operation.type': 'query',
      'rtk.graphql.outcome': 'success',
      'rtk.gateway.lane': lane,
      'request.id': `trace-${lane}-1`,
      'http.response.status_code': 200,
    });
    const calls = childrenOf(spans, operation);
    expect(calls.map((span) => span.name).sort()).toEqual([
      'upstream participant',
      'upstream session',
    ]);
    for (const call of calls) {
      expect(call).toMatchObject({ traceId: TRACE_ID, kind: SPAN_KIND.client, statusCode: 0 });
      expect(call.attributes).toEqual({
        'http.request.method': 'GET',
        'rtk.upstream.endpoint': call.name.replace('upstream ', ''),
        'rtk.upstream.attempt': 1,
        'rtk.upstream.outcome': '200',
        'http.response.status_code': 200,
      });
    }
    // Every span of the export belongs to this operation.
    expect(spans).toHaveLength(3);
    expect(to.resources()[0]).toMatchObject({
      'service.name': 'gateway-under-test',
      'deployment.environment.name': 'test',
      'service.instance.id': expect.any(String) as unknown,
      'process.pid': process.pid,
    });
    expect(to.headers[0]?.['x-collector-key']).toBe('collector-secret');
    expect(to.headers.every((headers) => headers.authorization === undefined)).toBe(true);
    // No token, id or URL reached the collector: spans name endpoints, never paths or queries.
    const sent = everythingSent(to);
    for (const secret of [TOKEN, h.fake.demo.sessionId, h.fake.demo.participantId]) {
      expect(sent).not.toContain(secret);
    }
    expect(sent).not.toContain(h.fake.accountId);
    expect(sent).not.toContain('/accounts/');
  });

  it('records the codes of the errors sent, and the failed call', async () => {
    const { h, to } = await start({ leanLane });
    const { body } = await h.query(
      `query Mixed { ${participantField(h, undefined, 'found: ')} ${participantField(h, MISSING_PARTICIPANT, 'missing: ')} }`,
      { headers: auth },
    );
    expect(body.errors?.map((error) => error.extensions?.['code'])).toEqual(['NOT_FOUND']);
    await closeGateway(h);

    const spans = to.spans();
    const operation = only(operationSpans(spans));
    expect(operation.parentSpanId).toBeUndefined();
    expect(operation.attributes).toMatchObject({
      'rtk.graphql.outcome': 'partial',
      'rtk.graphql.error_codes': ['NOT_FOUND'],
    });
    const failed = only(childrenOf(spans, operation).filter((span) => span.statusCode === 2));
    expect(failed.attributes).toEqual({
      'http.request.method': 'GET',
      'rtk.upstream.endpoint': 'participant',
      'rtk.upstream.attempt': 1,
      'rtk.upstream.outcome': '404',
      'http.response.status_code': 404,
      'rtk.upstream.error_code': 'NOT_FOUND',
      'error.type': '404',
    });
    expect(everythingSent(to)).not.toContain(MISSING_PARTICIPANT);
  });
});

describe('the trace of upstream calls', () => {
  it('has one span per attempt, the retry with the wait before it', async () => {
    const { h, to } = await start();
    // Retry-After makes the wait exact: the harness's own backoff is a random few milliseconds.
    h.fake.injectFault({
      match: { endpoint: 'participant' },
      status: 503,
      retryAfter: 1,
      times: 1,
    });
    const { body } = await h.query(`{ ${participantField(h)} }`, { headers: auth });
    expect(body.errors).toBeUndefined();
    await closeGateway(h);

    const spans = to.spans();
    const operation = only(operationSpans(spans));
    expect(operation.name).toBe('query');
    const attempts = childrenOf(spans, operation).sort(
      (a, b) =>
        Number(a.attributes['rtk.upstream.attempt']) - Number(b.attributes['rtk.upstream.attempt']),
    );
    expect(
      attempts.map((span) => [span.attributes['rtk.upstream.outcome'], span.statusCode]),
    ).toEqual([
      ['503', 2],
      ['200', 0],
    ]);
    expect(attempts[0]?.attributes).toMatchObject({
      'rtk.upstream.attempt': 1,
      'rtk.upstream.error_code': 'UPSTREAM_UNAVAILABLE',
    });
    expect(attempts[1]?.attributes).toMatchObject({
      'rtk.upstream.attempt': 2,
      'http.request.resend_count': 1,
      'rtk.upstream.retry_delay_ms': 1000,
    });
  });

  it('marks a load the cache answered, with no upstream span', async () => {
    const { h, to } = await start({
      cache: { maxEntries: 100, maxBytes: 1024 * 1024, finishedTtlMs: 60_000, liveTtlMs: 0 },
    });
    const query = `query Cached { ${participantField(h)} }`;
    await h.query(query, { headers: auth });
    await h.query(query, { headers: auth });
    expect(h.fake.calls).toHaveLength(1);
    await closeGateway(h);

    const spans = to.spans();
    const [first, second] = operationSpans(spans);
    expect(first && childrenOf(spans, first).map((span) => span.name)).toEqual([
      'upstream participant',
    ]);
    expect(second && childrenOf(spans, second)).toEqual([]);
    expect(second?.events).toEqual([
      { name: 'cache.hit', attributes: { 'rtk.cache.resource': 'participant' } },
    ]);
  });

  it("marks a load that joined another request's call, whose span is that request's", async () => {
    const { h, to } = await start();
    h.fake.injectFault({ match: { endpoint: 'participant' }, delayMs: 300, times: 1 });
    const query = `query Together { ${participantField(h)} }`;
    await Promise.all([h.query(query, { headers: auth }), h.query(query, { headers: auth })]);
    expect(h.fake.calls).toHaveLength(1);
    await closeGateway(h);

    const spans = to.spans();
    const operations = operationSpans(spans);
    expect(operations).toHaveLength(2);
    const leader = only(operations.filter((span) => childrenOf(spans, span).length > 0));
    const joiner = only(operations.filter((span) => span !== leader));
    expect(childrenOf(spans, leader).map((span) => span.name)).toEqual(['upstream participant']);
    expect(leader.events).toEqual([]);
    expect(joiner.events).toEqual([
      { name: 'load.coalesced', attributes: { 'rtk.cache.resource': 'participant' } },
    ]);
  });
});

describe('the trace of a subscription', () => {
  const clock = manualSchedule();
  const live = { intervalMs: 7_000, maxPerToken: 10, maxTotal: 10, schedule: clock.schedule };

  function wsClient(h: Harness, connectionParams: Record<string, string>): Client {
    return createClient({
      url: h.url.replace(/^http/, 'ws'),
      connectionParams,
      lazy: true,
      retryAttempts: 0,
      webSocketImpl: WebSocket,
    });
  }

  it("over WebSocket: the connection's traceparent, one span per event, each the parent of its calls", async () => {
    const { h, to } = await start({ live });
    const ws = wsClient(h, { ...auth, traceparent: TRACEPARENT });
    const events: unknown[] = [];
    const dispose = ws.subscribe(
      {
        query: `subscription Watch { sessionUpdates(sessionId: "${h.fake.demo.liveSessionId}") { id status } }`,
      },
      {
        next: (event) => events.push(event),
        error: (error: unknown) => events.push({ error }),
        complete: () => undefined,
      },
    );
    await until(() => events.length === 1 && clock.pending() === 1);
    clock.fire();
    // The fake's frozen clock makes the tick's read the same as the first, which is then not sent
    // again (see useDistinctEvents): the tick's span says it was read.
    await until(() => to.spans().some((span) => span.attributes['rtk.live.event'] === 1));
    dispose();
    await ws.dispose();
    await closeGateway(h);

    const spans = to.spans();
    const operation = only(operationSpans(spans));
    expect(operation).toMatchObject({
      traceId: TRACE_ID,
      parentSpanId: CLIENT_SPAN_ID,
      name: 'subscription Watch',
    });
    expect(operation.attributes).toEqual({
      'graphql.operation.name': 'Watch',
      'graphql.operation.type': 'subscription',
      'rtk.graphql.outcome': 'success',
      'rtk.gateway.lane': 'websocket',
    });
    const polls = childrenOf(spans, operation).sort(
      (a, b) => Number(a.attributes['rtk.live.event']) - Number(b.attributes['rtk.live.event']),
    );
    expect(polls.map((span) => [span.name, span.attributes])).toEqual(
      [0, 1].map((event) => [
        'live.poll sessionUpdates',
        {
          'rtk.live.field': 'sessionUpdates',
          'rtk.live.event': event,
          'rtk.graphql.outcome': 'success',
        },
      ]),
    );
    for (const poll of polls) {
      expect(childrenOf(spans, poll).map((span) => [span.name, span.traceId])).toEqual([
        ['upstream session', TRACE_ID],
      ]);
    }
    expect(everythingSent(to)).not.toContain(TOKEN);
  });

  it('over SSE: the request\u2019s traceparent, and the first event as a child span', async () => {
    const { h, to } = await start({ live, leanLane: false });
    const response = await fetch(h.url, {
      method: 'POST',
      headers: {
        ...auth,
        'content-type': 'application/json',
        accept: 'text/event-stream',
        traceparent: TRACEPARENT,
      },
      body: JSON.stringify({
        query: `subscription { sessionUpdates(sessionId: "${h.fake.demo.liveSessionId}") { id } }`,
      }),
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    while (!text.includes('event: next')) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    await reader.cancel();
    await closeGateway(h);

    const spans = to.spans();
    const operation = only(operationSpans(spans));
    expect(operation).toMatchObject({
      traceId: TRACE_ID,
      parentSpanId: CLIENT_SPAN_ID,
      name: 'subscription',
    });
    expect(operation.attributes).toMatchObject({
      'graphql.operation.type': 'subscription',
      'rtk.gateway.lane': 'yoga',
      'http.response.status_code': 200,
    });
    const poll = only(childrenOf(spans, operation));
    expect(poll.name).toBe('live.poll sessionUpdates');
    expect(childrenOf(spans, poll).map((span) => span.name)).toEqual(['upstream session']);
  });
});

describe('the export', () => {
  it('speaks OTLP http/protobuf by default', async () => {
    const { h, to } = await start({}, 'http/protobuf');
    await h.query(`query Binary { ${participantField(h)} }`, {
      headers: { ...auth, traceparent: TRACEPARENT },
    });
    await closeGateway(h);
    expect(to.headers[0]?.['content-type']).toBe('application/x-protobuf');
    const sent = Buffer.concat(to.bodies);
    // Protobuf keeps strings as UTF-8 and ids as raw bytes.
    expect(sent.includes('query Binary')).toBe(true);
    expect(sent.includes('upstream participant')).toBe(true);
    expect(sent.includes(Buffer.from(TRACE_ID, 'hex'))).toBe(true);
    expect(sent.includes(TOKEN)).toBe(false);
  });

  it('logs a failing collector once, while requests are answered as ever', async () => {
    receiver = await startReceiver(400);
    const to = receiver;
    logLines.length = 0;
    harness = await startHarness({
      fake: { tokens: [TOKEN] },
      gateway: { tracing: await tracingTo(to) },
    });
    const h = harness;
    for (let round = 0; round < 3; round += 1) {
      const { status } = await h.query(`{ ${participantField(h)} }`, { headers: auth });
      expect(status).toBe(200);
      await until(() => to.bodies.length > round);
    }
    await closeGateway(h);
    const warnings = logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter(
        (entry) => entry['msg'] === 'trace export failed; spans are dropped until it works again',
      );
    expect(warnings).toHaveLength(1);
    expect(logLines.join('\n')).not.toContain('collector-secret');
  });

  it('makes nothing and sends nothing without tracing', async () => {
    receiver = await startReceiver();
    harness = await startHarness({ fake: { tokens: [TOKEN] } });
    await harness.query(`{ ${participantField(harness)} }`, { headers: auth });
    await closeGateway(harness);
    expect(receiver.bodies).toEqual([]);
    expect((await createTracing(undefined, createLogger('silent'))).enabled).toBe(false);
  });
});

describe('the OTEL_* variables', () => {
  const traces = (env: Record<string, string>) => loadConfig(env).traceExport;

  it('leave tracing off unless an OTLP endpoint or exporter is set', () => {
    expect(traces({})).toBeUndefined();
    expect(traces({ OTEL_SERVICE_NAME: 'gw' })).toBeUndefined();
    expect(traces({ OTEL_TRACES_EXPORTER: 'otlp' })?.endpoint).toBe(
      'http://localhost:4318/v1/traces',
    );
  });

  it('append /v1/traces to the general endpoint, and take the traces endpoint as it is', () => {
    expect(traces({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toEqual({
      endpoint: 'http://collector:4318/v1/traces',
      protocol: 'http/protobuf',
      headers: {},
      timeoutMs: 10_000,
      compression: 'none',
      serviceName: 'realtimekit-graphql',
      resourceAttributes: {},
      sampler: 'parentbased_always_on',
      samplerRatio: 1,
      batch: {
        scheduledDelayMs: undefined,
        exportTimeoutMs: undefined,
        maxQueueSize: undefined,
        maxExportBatchSize: undefined,
      },
    });
    expect(
      traces({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example/otlp',
      })?.endpoint,
    ).toBe('https://traces.example/otlp');
  });

  it('read protocol, headers, service, resource, sampler and batch settings, traces-specific first', () => {
    expect(
      traces({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'HTTP/JSON',
        OTEL_EXPORTER_OTLP_HEADERS: 'X-Api-Key=s%3Dcret, x-team=a',
        OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-team=b',
        OTEL_EXPORTER_OTLP_TIMEOUT: '2000',
        OTEL_EXPORTER_OTLP_TRACES_COMPRESSION: 'gzip',
        OTEL_RESOURCE_ATTRIBUTES: 'service.name=from-attributes,deployment.environment.name=prod',
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '0.25',
        OTEL_BSP_SCHEDULE_DELAY: '1000',
        OTEL_BSP_MAX_QUEUE_SIZE: '4096',
      }),
    ).toMatchObject({
      protocol: 'http/json',
      headers: { 'x-api-key': 's=cret', 'x-team': 'b' },
      timeoutMs: 2000,
      compression: 'gzip',
      serviceName: 'from-attributes',
      resourceAttributes: {
        'service.name': 'from-attributes',
        'deployment.environment.name': 'prod',
      },
      sampler: 'parentbased_traceidratio',
      samplerRatio: 0.25,
      batch: { scheduledDelayMs: 1000, maxQueueSize: 4096 },
    });
    expect(
      traces({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_SERVICE_NAME: 'gw',
        OTEL_RESOURCE_ATTRIBUTES: 'service.name=other',
      })?.serviceName,
    ).toBe('gw');
  });

  it('turn tracing off with OTEL_SDK_DISABLED or OTEL_TRACES_EXPORTER=none', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(traces({ ...endpoint, OTEL_SDK_DISABLED: 'TRUE' })).toBeUndefined();
    expect(traces({ ...endpoint, OTEL_TRACES_EXPORTER: 'none' })).toBeUndefined();
    expect(traces({ ...endpoint, OTEL_SDK_DISABLED: 'false' })).toBeDefined();
  });

  it('refuse what the gateway cannot do, without echoing a header value', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        if (error instanceof ConfigError) return error.problems;
        throw error;
      }
      return [];
    };
    expect(problems({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toEqual([
      'OTEL_EXPORTER_OTLP_PROTOCOL: must be http/protobuf or http/json (grpc is not supported) (got "grpc")',
    ]);
    expect(problems({ OTEL_TRACES_EXPORTER: 'zipkin' })).toEqual([
      'OTEL_TRACES_EXPORTER: must be otlp or none (no other exporter is built in) (got "zipkin")',
    ]);
    expect(problems({ OTEL_EXPORTER_OTLP_HEADERS: 'api-key' })).toEqual([
      'OTEL_EXPORTER_OTLP_HEADERS: must be key=value pairs separated by commas',
    ]);
    expect(problems({ OTEL_EXPORTER_OTLP_HEADERS: 'bad key=v3ry-secret' })).toEqual([
      'OTEL_EXPORTER_OTLP_HEADERS: has an invalid HTTP header (key "bad key")',
    ]);
    expect(problems({ OTEL_TRACES_SAMPLER_ARG: '2' })).toEqual([
      'OTEL_TRACES_SAMPLER_ARG: must be a number from 0 to 1 (got "2")',
    ]);
  });
});
