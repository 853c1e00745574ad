import type { IncomingMessage } from 'node:http';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { LogFields, Logger, Severity } from '../logger.js';
import type { OperationOutcome } from './metrics.js';
import type { OperationTrace } from './tracing.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Ids a client or a proxy may choose: short, and safe in a header and a log line. */
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * The id of a request: the one a client or an upstream proxy sent in `x-request-id` when it is
 * well-formed, so that one id follows a call across systems; otherwise a new UUID. A malformed
 * header is replaced rather than cleaned up, since it could carry anything into the logs.
 */
export function requestIdFrom(header: string | null): string {
  return header !== null && WELL_FORMED_REQUEST_ID.test(header) ? header : randomUUID();
}

/** What the gateway learns about one HTTP request while it handles it. */
export interface RequestRecord {
  readonly id: string;
  readonly method: string;
  /** The URL path, never its query string (a GET carries the query text there). */
  readonly path: string;
  /** `performance.now()` when the request arrived. */
  readonly startedAt: number;
  /** The GraphQL operation's name once known; undefined for an anonymous operation. */
  operationName: string | undefined;
  /** Set when the request was answered with a GraphQL result; undefined for other routes. */
  outcome: OperationOutcome | undefined;
  /** The span of its GraphQL operation, ended with the request; undefined when not traced. */
  trace: OperationTrace | undefined;
}

/** What the scope needs to know of a request as it arrives, whichever server received it. */
export interface RequestStart {
  readonly method: string;
  /** The URL path, without its query string. */
  readonly path: string;
  /** The `x-request-id` header, if any. */
  readonly requestId: string | null;
  readonly authorization: string | null;
}

/** The RequestStart of a node:http request (as the lean lane reads it). */
export function requestStartOfIncoming(request: IncomingMessage): RequestStart {
  const { headers } = request;
  const id = headers[REQUEST_ID_HEADER];
  return {
    method: request.method ?? 'GET',
    // The request target's path, as URL parsing would give it for an origin-form target, without
    // the cost of a URL per request.
    path: (request.url ?? '/').split('?', 1)[0] ?? '/',
    // Repeated headers joined as the Fetch API joins them, so both paths see the same value.
    requestId: Array.isArray(id) ? id.join(', ') : (id ?? null),
    authorization: headers.authorization ?? null,
  };
}

/** The RequestStart of a Fetch API request (as Yoga hands it to its hooks). */
export function requestStartOf(request: Request): RequestStart {
  return {
    method: request.method,
    path: new URL(request.url, 'http://localhost').pathname,
    requestId: request.headers.get(REQUEST_ID_HEADER),
    authorization: request.headers.get('authorization'),
  };
}

/**
 * The request being handled, wherever the code runs: hooks, resolvers, loaders and the transport
 * all see it without passing it along, which is what puts the request id on every log line.
 */
export interface RequestScope {
  /** Runs `handle` with a new record for the request as the current one, and hands it the record. */
  run<T>(start: RequestStart, handle: (record: RequestRecord) => T): T;
  current(): RequestRecord | undefined;
  /**
   * The words of the current request's Authorization header (its token among them), for the
   * logger to mask wherever they show up; none outside a request.
   */
  credentials(): readonly string[];
}

/** One scope per gateway, so that two gateways in one process (as in tests) never mix. */
export function createRequestScope(): RequestScope {
  const storage = new AsyncLocalStorage<RequestRecord>();
  // Beside the record rather than in it, so that logging a record can never carry a token along;
  // an entry goes when its record does.
  const credentials = new WeakMap<RequestRecord, readonly string[]>();
  return {
    run(start, handle) {
      const record: RequestRecord = {
        id: requestIdFrom(start.requestId),
        method: start.method,
        path: start.path,
        startedAt: performance.now(),
        operationName: undefined,
        outcome: undefined,
        trace: undefined,
      };
      const authorization = start.authorization?.trim();
      if (authorization) credentials.set(record, authorization.split(/\s+/));
      return storage.run(record, handle, record);
    },
    current: () => storage.getStore(),
    credentials() {
      const record = storage.getStore();
      return (record && credentials.get(record)) ?? [];
    },
  };
}

/** A logger that adds `requestId` to every line written while a request is being handled. */
export function withRequestId(logger: Logger, scope: RequestScope): Logger {
  const fields = (extra: LogFields | undefined): LogFields | undefined => {
    const record = scope.current();
    return record === undefined ? extra : { ...extra, requestId: record.id };
  };
  return {
    debug: (message, extra) => {
      logger.debug(message, fields(extra));
    },
    info: (message, extra) => {
      logger.info(message, fields(extra));
    },
    warn: (message, extra) => {
      logger.warn(message, fields(extra));
    },
    error: (message, extra) => {
      logger.error(message, fields(extra));
    },
    isLevelEnabled: (severity: Severity) => logger.isLevelEnabled?.(severity) ?? true,
  };
}
