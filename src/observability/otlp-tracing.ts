import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Attributes, Context, Span, TextMapGetter, Tracer } from '@opentelemetry/api';
import { ExportResultCode, W3CTraceContextPropagator } from '@opentelemetry/core';
import type { ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { CompressionAlgorithm } from '@opentelemetry/otlp-exporter-base';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan, Sampler, SpanExporter } from '@opentelemetry/sdk-trace-base';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_RESEND_COUNT,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVICE_INSTANCE_ID,
  ATTR_SERVICE_NAME,
} from '@opentelemetry/semantic-conventions';
import type { Logger } from '../logger.js';
import { operationForLog } from './operation-label.js';
import type {
  AttemptTrace,
  CallTrace,
  HeadersLike,
  LiveEventTrace,
  OperationTrace,
  SamplerName,
  TraceCarrier,
  Tracing,
  TracingSettings,
} from './tracing.js';
import type { UpstreamOutcome } from './upstream-observer.js';

/*
 * The OpenTelemetry implementation of Tracing (see tracing.ts, which loads this module only when
 * tracing is on). Attribute values are only what the gateway chose or validated: operation names
 * as the logs show them, the closed sets of codes, endpoints and outcomes, numbers and the request
 * id. Never a header (Authorization least of all), a URL, a query value, variables or a body.
 */

// The GraphQL conventions are still in development, so not in the package's stable entry point.
const ATTR_GRAPHQL_OPERATION_NAME = 'graphql.operation.name';
const ATTR_GRAPHQL_OPERATION_TYPE = 'graphql.operation.type';
const ATTR_REQUEST_ID = 'request.id';
const ATTR_LANE = 'rtk.gateway.lane';
const ATTR_OUTCOME = 'rtk.graphql.outcome';
const ATTR_ERROR_CODES = 'rtk.graphql.error_codes';
const ATTR_ENDPOINT = 'rtk.upstream.endpoint';
const ATTR_ATTEMPT = 'rtk.upstream.attempt';
const ATTR_UPSTREAM_OUTCOME = 'rtk.upstream.outcome';
const ATTR_UPSTREAM_ERROR_CODE = 'rtk.upstream.error_code';
const ATTR_RETRY_DELAY = 'rtk.upstream.retry_delay_ms';
const ATTR_RATE_LIMIT_WAIT = 'rtk.upstream.rate_limit_wait_ms';
const ATTR_RESOURCE = 'rtk.cache.resource';
const ATTR_LIVE_FIELD = 'rtk.live.field';
const ATTR_LIVE_EVENT = 'rtk.live.event';

/** The semantic conventions' name for an operation not parsed yet (or refused before). */
const UNIDENTIFIED_OPERATION = 'GraphQL Operation';

/** Distinct error codes one operation records; the gateway's closed set has fewer. */
const MAX_ERROR_CODES = 32;

/** How long closing waits for the last export; spans still buffered after it are dropped. */
const SHUTDOWN_TIMEOUT_MS = 3_000;

/** The OpenTelemetry SDK's own defaults for the batch span processor. */
const BATCH_DEFAULTS = {
  scheduledDelayMs: 5_000,
  exportTimeoutMs: 30_000,
  maxQueueSize: 2_048,
  maxExportBatchSize: 512,
};

/** Fetch API headers, by their shape: Yoga's come from a ponyfill, not the global class. */
const isHeaders = (carrier: TraceCarrier): carrier is HeadersLike =>
  typeof carrier['get'] === 'function' && typeof carrier['keys'] === 'function';

const carrierGetter: TextMapGetter<TraceCarrier> = {
  get(carrier, key) {
    if (isHeaders(carrier)) return carrier.get(key) ?? undefined;
    const value = carrier[key];
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) {
      return (value as unknown[]).filter((item): item is string => typeof item === 'string');
    }
    return undefined;
  },
  keys: (carrier) => (isHeaders(carrier) ? [...carrier.keys()] : Object.keys(carrier)),
};

function samplerOf(name: SamplerName, ratio: number): Sampler {
  switch (name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(ratio);
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) });
  }
}

/**
 * The exporter, logging when exports start failing and when they work again (once each, not per
 * batch): a collector that is away costs spans, never requests, and should be seen in the logs.
 */
function reportingFailures(exporter: SpanExporter, logger: Logger): SpanExporter {
  let failing = false;
  return {
    export(spans: ReadableSpan[], done: (result: ExportResult) => void) {
      exporter.export(spans, (result) => {
        if (result.code === ExportResultCode.SUCCESS) {
          if (failing) logger.info('trace export recovered');
          failing = false;
        } else if (!failing) {
          failing = true;
          logger.warn('trace export failed; spans are dropped until it works again', {
            error: result.error?.message,
            spans: spans.length,
          });
        }
        done(result);
      });
    },
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
  };
}

/** A span's end: `performance.now()`, as precise as the start times the gateway gives. */
const endNow = (span: Span) => {
  span.end(performance.now());
};

function attemptTrace(
  tracer: Tracer,
  parent: Context,
  endpoint: string,
  number: number,
  retryDelayMs: number,
): AttemptTrace {
  const attributes: Attributes = {
    [ATTR_HTTP_REQUEST_METHOD]: 'GET',
    [ATTR_ENDPOINT]: endpoint,
    [ATTR_ATTEMPT]: number,
  };
  if (number > 1) {
    attributes[ATTR_HTTP_REQUEST_RESEND_COUNT] = number - 1;
    attributes[ATTR_RETRY_DELAY] = retryDelayMs;
  }
  // Named after the endpoint, never the URL: a path holds account, app and resource ids.
  const span = tracer.startSpan(
    `upstream ${endpoint}`,
    { kind: SpanKind.CLIENT, attributes },
    parent,
  );
  let waitedMs = 0;
  let seen: UpstreamOutcome | undefined;
  let ended = false;
  return {
    waited(ms) {
      waitedMs += ms;
    },
    outcome(outcome) {
      seen = outcome;
    },
    end(code) {
      if (ended) return;
      ended = true;
      if (waitedMs > 0) span.setAttribute(ATTR_RATE_LIMIT_WAIT, waitedMs);
      if (seen !== undefined) span.setAttribute(ATTR_UPSTREAM_OUTCOME, String(seen));
      if (typeof seen === 'number') span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, seen);
      if (code !== undefined) span.setAttribute(ATTR_UPSTREAM_ERROR_CODE, code);
      const answeredOk = typeof seen === 'number' && seen < 400;
      if (code !== undefined || (seen !== undefined && !answeredOk)) {
        span.setAttribute(
          ATTR_ERROR_TYPE,
          seen === undefined || answeredOk ? String(code) : String(seen),
        );
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      endNow(span);
    },
  };
}

/** What every span that upstream calls are made for records of them. */
function callTrace(tracer: Tracer, span: Span, parent: Context): CallTrace {
  return {
    attempt: (endpoint, number, retryDelayMs) =>
      attemptTrace(tracer, parent, endpoint, number, retryDelayMs),
    hit(resource) {
      span.addEvent('cache.hit', { [ATTR_RESOURCE]: resource });
    },
    coalesced(resource) {
      span.addEvent('load.coalesced', { [ATTR_RESOURCE]: resource });
    },
  };
}

function liveEventTrace(
  tracer: Tracer,
  parent: Context,
  field: string,
  sequence: number,
): LiveEventTrace {
  const span = tracer.startSpan(
    `live.poll ${field}`,
    { attributes: { [ATTR_LIVE_FIELD]: field, [ATTR_LIVE_EVENT]: sequence } },
    parent,
  );
  let ended = false;
  return {
    ...callTrace(tracer, span, trace.setSpan(ROOT_CONTEXT, span)),
    end(code) {
      if (ended) return;
      ended = true;
      span.setAttribute(ATTR_OUTCOME, code === undefined ? 'success' : 'error');
      if (code !== undefined) {
        span.setAttribute(ATTR_ERROR_CODES, [code]);
        span.setStatus({ code: SpanStatusCode.ERROR, message: code });
      }
      endNow(span);
    },
  };
}

function operationTrace(tracer: Tracer, span: Span): OperationTrace {
  const parent = trace.setSpan(ROOT_CONTEXT, span);
  const codes = new Set<string>();
  let ended = false;
  return {
    ...callTrace(tracer, span, parent),
    identify(name, type) {
      // As the logs show it: a well-formed GraphQL name, or `other` for anything else sent.
      const shown = name === undefined || name === '' ? undefined : operationForLog(name);
      span.updateName(shown === undefined ? type : `${type} ${shown}`);
      span.setAttribute(ATTR_GRAPHQL_OPERATION_TYPE, type);
      if (shown !== undefined) span.setAttribute(ATTR_GRAPHQL_OPERATION_NAME, shown);
    },
    errors(errors) {
      for (const error of errors) {
        const code = error.extensions?.['code'];
        if (typeof code === 'string' && codes.size < MAX_ERROR_CODES) codes.add(code);
      }
    },
    liveEvent: (field, sequence) => liveEventTrace(tracer, parent, field, sequence),
    end(outcome, status) {
      if (ended) return;
      ended = true;
      if (outcome !== undefined) span.setAttribute(ATTR_OUTCOME, outcome);
      if (codes.size > 0) span.setAttribute(ATTR_ERROR_CODES, [...codes].sort());
      if (status !== undefined) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
      if (outcome === 'error') {
        span.setStatus({ code: SpanStatusCode.ERROR, message: [...codes].sort().join(', ') });
      }
      endNow(span);
    },
  };
}

/** Tracing over OTLP/HTTP, with a tracer provider of this gateway's own. */
export function createOtlpTracing(settings: TracingSettings, logger: Logger): Tracing {
  const exporterOptions = {
    url: settings.endpoint,
    headers: { ...settings.headers },
    timeoutMillis: settings.timeoutMs ?? 10_000,
    compression:
      settings.compression === 'gzip' ? CompressionAlgorithm.GZIP : CompressionAlgorithm.NONE,
  };
  const exporter =
    settings.protocol === 'http/json'
      ? new OtlpJsonExporter(exporterOptions)
      : new OtlpProtobufExporter(exporterOptions);
  const batch = { ...BATCH_DEFAULTS, ...settings.batch };
  const provider = new BasicTracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({
        'host.name': hostname(),
        'process.pid': process.pid,
        [ATTR_SERVICE_INSTANCE_ID]: randomUUID(),
        ...settings.resourceAttributes,
        [ATTR_SERVICE_NAME]: settings.serviceName ?? 'realtimekit-graphql',
      }),
    ),
    sampler: samplerOf(settings.sampler ?? 'parentbased_always_on', settings.samplerRatio ?? 1),
    spanProcessors: [
      new BatchSpanProcessor(reportingFailures(exporter, logger), {
        scheduledDelayMillis: batch.scheduledDelayMs,
        exportTimeoutMillis: batch.exportTimeoutMs,
        maxQueueSize: batch.maxQueueSize,
        maxExportBatchSize: batch.maxExportBatchSize,
      }),
    ],
  });
  const tracer = provider.getTracer('realtimekit-graphql');
  const propagator = new W3CTraceContextPropagator();
  let stopped: Promise<void> | undefined;

  return {
    enabled: true,
    startOperation(lane, carrier, record) {
      const attributes: Attributes = { [ATTR_LANE]: lane };
      if (record !== undefined) attributes[ATTR_REQUEST_ID] = record.id;
      const span = tracer.startSpan(
        UNIDENTIFIED_OPERATION,
        // From the request's arrival, as the operation metrics measure it.
        { kind: SpanKind.SERVER, attributes, startTime: record?.startedAt },
        propagator.extract(ROOT_CONTEXT, carrier, carrierGetter),
      );
      // A trace the sampler dropped costs nothing more: no child spans, no events.
      return span.isRecording() ? operationTrace(tracer, span) : undefined;
    },
    shutdown() {
      stopped ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          logger.warn('Trace export did not finish in time; the last spans are dropped', {
            timeoutMs: SHUTDOWN_TIMEOUT_MS,
          });
          resolve();
        }, SHUTDOWN_TIMEOUT_MS);
        timer.unref();
        provider.shutdown().then(
          () => {
            clearTimeout(timer);
            resolve();
          },
          (error: unknown) => {
            clearTimeout(timer);
            logger.warn('Trace export failed at shutdown', {
              error: error instanceof Error ? error.message : String(error),
            });
            resolve();
          },
        );
      });
      return stopped;
    },
  };
}
