import type { OperationTypeNode } from 'graphql';
import type { Logger } from '../logger.js';
import type { OperationOutcome } from './metrics.js';
import type { RequestRecord } from './request-scope.js';
import type { UpstreamEndpoint, UpstreamOutcome } from './upstream-observer.js';

/*
 * OpenTelemetry traces of GraphQL operations, their upstream calls, cache hits, coalesced loads
 * and live events. Everything the rest of the gateway sees is in this file: the interfaces below
 * and a no-op. The SDK lives in otlp-tracing.ts and is loaded only when tracing is on, so a
 * gateway that does not trace never loads it (it takes some 180 ms and 16 MB), creates no span
 * object and does no context work: every call site is one `?.` on an undefined trace.
 *
 * Traces travel explicitly, never through a global context manager or tracer provider: an
 * operation's trace is on its request record (HTTP) and in its GatewayContext, each upstream call
 * carries the trace of what it is made for in CallContext.trace.
 */

export type OtlpProtocol = 'http/protobuf' | 'http/json';

/** OTEL_TRACES_SAMPLER's values that the gateway implements. */
export type SamplerName =
  | 'always_on'
  | 'always_off'
  | 'traceidratio'
  | 'parentbased_always_on'
  | 'parentbased_always_off'
  | 'parentbased_traceidratio';

/** How spans are exported (see docs/tracing.md for the OTEL_* variables behind each). */
export interface TracingSettings {
  /** The full URL spans are POSTed to, e.g. `http://collector:4318/v1/traces`. */
  readonly endpoint: string;
  readonly protocol: OtlpProtocol;
  /** Sent with every export (a vendor's API key, say); never logged. */
  readonly headers?: Readonly<Record<string, string>>;
  /** How long one export may take; 10 s by default. */
  readonly timeoutMs?: number;
  readonly compression?: 'gzip' | 'none';
  /** `service.name`; `realtimekit-graphql` by default. */
  readonly serviceName?: string;
  /** More resource attributes (OTEL_RESOURCE_ATTRIBUTES), e.g. `deployment.environment.name`. */
  readonly resourceAttributes?: Readonly<Record<string, string>>;
  /** `parentbased_always_on` by default: a client's sampled flag is followed, and all else traced. */
  readonly sampler?: SamplerName;
  /** The ratio of the `traceidratio` samplers, from 0 to 1; 1 by default. */
  readonly samplerRatio?: number;
  /** The batch span processor's settings; the OpenTelemetry defaults (a 5 s delay) if left out. */
  readonly batch?: {
    readonly scheduledDelayMs?: number;
    readonly exportTimeoutMs?: number;
    readonly maxQueueSize?: number;
    readonly maxExportBatchSize?: number;
  };
}

/** What answered an operation, as the `rtk.gateway.lane` attribute says. */
export type GatewayLane = 'lean' | 'yoga' | 'websocket';

/** A Fetch API request's headers: the global class's, or the ponyfill's Yoga hands its hooks. */
export interface HeadersLike {
  get(name: string): string | null;
  keys(): Iterable<string>;
}

/**
 * Where a client's W3C `traceparent` and `tracestate` are read from: a Fetch API request's
 * headers, a node:http request's, or a plain object (graphql-ws connection parameters).
 */
export type TraceCarrier = HeadersLike | Readonly<Record<string, unknown>>;

/** One attempt of an upstream call, as its span: started by the transport, which ends it. */
export interface AttemptTrace {
  /** The attempt waited `ms` for the token's budget, because upstream paused the token. */
  waited(ms: number): void;
  /** How the attempt ended, as the metrics' `status` label says. */
  outcome(outcome: UpstreamOutcome): void;
  /** Ends the span; `code` is the gateway's error code when the attempt failed. */
  end(code: string | undefined): void;
}

/** The trace an upstream call is made for: an operation, or one event of a subscription. */
export interface CallTrace {
  /** An attempt begins; `number` counts from 1, and a retry waited `retryDelayMs` before it. */
  attempt(endpoint: UpstreamEndpoint | 'other', number: number, retryDelayMs: number): AttemptTrace;
  /** The cross-request cache answered a load of `resource`, without a call. */
  hit(resource: string): void;
  /** A load of `resource` joined an identical call another request had in flight. */
  coalesced(resource: string): void;
}

/** The trace of one event of a subscription: its read of upstream, a child of the operation's. */
export interface LiveEventTrace extends CallTrace {
  /** Ends the span; `code` is the error code the event's read failed with, if it did. */
  end(code: string | undefined): void;
}

/** A GraphQL error as the trace reads it: only its code. */
export interface CodedError {
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** The span of one GraphQL operation, the parent of every span its handling makes. */
export interface OperationTrace extends CallTrace {
  /** The operation's name (as the client chose it) and type, once its document is parsed. */
  identify(name: string | undefined, type: OperationTypeNode): void;
  /** Errors of a result sent: their codes become the `rtk.graphql.error_codes` attribute. */
  errors(errors: readonly CodedError[]): void;
  /** One event of a subscription on `field` (0 is the first read, then one per poll tick). */
  liveEvent(field: string, sequence: number): LiveEventTrace;
  /** Ends the span, with the operation's outcome and, over HTTP, the response's status. */
  end(outcome: OperationOutcome | undefined, status?: number): void;
}

export interface Tracing {
  /** False for the no-op: nothing is traced, and every method does nothing. */
  readonly enabled: boolean;
  /**
   * Starts the span of an operation, as a child of the client's `traceparent` when it sent a
   * valid one; `record` is its HTTP request's (a WebSocket operation has none). Undefined when
   * tracing is off or the sampler dropped the trace: nothing is then recorded for the operation.
   */
  startOperation(
    lane: GatewayLane,
    carrier: TraceCarrier,
    record?: RequestRecord,
  ): OperationTrace | undefined;
  /** Exports the spans still buffered, then stops; bounded in time, it never throws. */
  shutdown(): Promise<void>;
}

/** The tracing of a gateway without an OTLP endpoint: nothing at all. */
export const noTracing: Tracing = {
  enabled: false,
  startOperation: () => undefined,
  shutdown: () => Promise.resolve(),
};

/**
 * Builds the tracing of one gateway: the no-op without settings, else spans exported over
 * OTLP/HTTP by a tracer provider of its own (no global one is registered). The gateway it is
 * handed to shuts it down when it closes.
 */
export async function createTracing(
  settings: TracingSettings | undefined,
  logger: Logger,
): Promise<Tracing> {
  if (settings === undefined) return noTracing;
  const { createOtlpTracing } = await import('./otlp-tracing.js');
  return createOtlpTracing(settings, logger);
}
