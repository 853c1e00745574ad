import { GraphQLError } from 'graphql';

/**
 * The closed set of `extensions.code` values this gateway produces for field errors.
 * This module is the only place that decides which code a failure gets; other modules call the
 * constructors below so that a status, a Cloudflare error code or a transport failure always maps
 * the same way.
 */
export const GATEWAY_ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_BAD_RESPONSE',
] as const;

export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];

// A type alias, not an interface, so it fits GraphQLError's index-signature extensions type.
export type GatewayErrorExtensions = {
  readonly code: GatewayErrorCode;
  /** HTTP status the upstream answered with, when the failure came from an upstream response. */
  readonly upstreamStatus?: number;
  /**
   * Seconds to wait before trying again: from upstream's `Retry-After` on RATE_LIMITED and on a 5xx
   * UPSTREAM_UNAVAILABLE, or the gateway's own pause (spent budget, open circuit).
   */
  readonly retryAfter?: number;
};

/**
 * A failure that becomes one GraphQL field error. It extends GraphQLError so that graphql-js and
 * Yoga pass it through unmasked; the message and extensions are written for API clients and never
 * contain an upstream body, URL or token.
 */
export class GatewayError extends GraphQLError {
  declare readonly extensions: GatewayErrorExtensions;

  constructor(message: string, extensions: GatewayErrorExtensions, cause?: unknown) {
    // The cause is kept as `cause`, not `originalError`: Yoga masks any GraphQLError whose
    // originalError is not itself a GraphQLError, and toJSON() never serializes `cause`.
    super(message, { extensions });
    this.name = 'GatewayError';
    if (cause !== undefined) this.cause = cause;
  }

  get code(): GatewayErrorCode {
    return this.extensions.code;
  }
}

export function badUserInput(message: string): GatewayError {
  return new GatewayError(message, { code: 'BAD_USER_INPUT' });
}

export function unauthenticated(message: string): GatewayError {
  return new GatewayError(message, { code: 'UNAUTHENTICATED' });
}

export function forbidden(message: string): GatewayError {
  return new GatewayError(message, { code: 'FORBIDDEN' });
}

export function upstreamBadResponse(message: string, cause?: unknown): GatewayError {
  return new GatewayError(
    `Upstream returned an invalid response: ${message}`,
    {
      code: 'UPSTREAM_BAD_RESPONSE',
    },
    cause,
  );
}

/**
 * One leaf of an upstream payload had the wrong JSON type (a placeholder where a timestamp belongs,
 * an object where a number belongs). The wire reader puts this in place of the value, and the field
 * that reads it resolves to it: graphql-js and graphql-jit treat an Error returned by a resolver as
 * that field's error, so the field is null with one error on its own path while every sibling
 * resolves. The message names the type the field expected, never the value upstream sent.
 */
export class MalformedLeaf extends GatewayError {
  constructor(readonly expected: string) {
    super(`Upstream sent a value of the wrong type for this field; expected ${expected}.`, {
      code: 'UPSTREAM_BAD_RESPONSE',
    });
    this.name = 'MalformedLeaf';
  }
}

/** Cloudflare's API layer answers 403 with this code when the token is missing or invalid. */
const CLOUDFLARE_AUTHENTICATION_ERROR = 10000;
/** Cloudflare's API layer answers 400 with this code when the Authorization header is malformed. */
const CLOUDFLARE_INVALID_REQUEST_HEADERS = 6003;

export interface UpstreamResponseFailure {
  readonly status: number;
  /** Numeric codes from a Cloudflare `errors[]` envelope; empty for other bodies. */
  readonly cloudflareCodes: readonly number[];
  /** Seconds from `Retry-After`, when present and parseable. */
  readonly retryAfter: number | undefined;
}

/**
 * The status → code table for upstream responses that are not a success. Messages describe the
 * failure in the gateway's words; the upstream's own message could echo ids or tokens.
 */
export function errorFromResponse(failure: UpstreamResponseFailure): GatewayError {
  const { status, cloudflareCodes } = failure;
  const upstreamStatus = status;
  if (
    status === 401 ||
    (status === 403 && cloudflareCodes.includes(CLOUDFLARE_AUTHENTICATION_ERROR))
  ) {
    return new GatewayError('The API token was rejected by Cloudflare.', {
      code: 'UNAUTHENTICATED',
      upstreamStatus,
    });
  }
  if (status === 400 && cloudflareCodes.includes(CLOUDFLARE_INVALID_REQUEST_HEADERS)) {
    return new GatewayError('The Authorization header was rejected by Cloudflare as malformed.', {
      code: 'UNAUTHENTICATED',
      upstreamStatus,
    });
  }
  if (status === 403) {
    return new GatewayError('The API token may not access this account or app.', {
      code: 'FORBIDDEN',
      upstreamStatus,
    });
  }
  if (status === 404) {
    return new GatewayError('RealtimeKit has no such resource.', {
      code: 'NOT_FOUND',
      upstreamStatus,
    });
  }
  if (status === 429) {
    return new GatewayError('Cloudflare rate-limited this API token; retry later.', {
      code: 'RATE_LIMITED',
      upstreamStatus,
      ...(failure.retryAfter === undefined ? {} : { retryAfter: failure.retryAfter }),
    });
  }
  if (status === 400) {
    return new GatewayError('RealtimeKit rejected the request as invalid.', {
      code: 'BAD_USER_INPUT',
      upstreamStatus,
    });
  }
  if (status >= 500) {
    // A 503 (or any 5xx) may say when to come back; the client deserves that hint as much as we do.
    return new GatewayError('RealtimeKit is unavailable.', {
      code: 'UPSTREAM_UNAVAILABLE',
      upstreamStatus,
      ...(failure.retryAfter === undefined ? {} : { retryAfter: failure.retryAfter }),
    });
  }
  // Any other status (a redirect, 405, 409, 422, …) means the upstream answered outside its contract.
  return new GatewayError(`Upstream answered with unexpected status ${status}.`, {
    code: 'UPSTREAM_BAD_RESPONSE',
    upstreamStatus,
  });
}

const TIMEOUT_ERROR_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function errorCodeOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/**
 * Maps a failure that happened before a complete response arrived (connect, socket, timeout,
 * abort) to a gateway code. `timedOut` tells whether our own deadline fired, because undici reports
 * a deadline abort and a client disconnect with the same error type.
 */
export function errorFromTransport(error: unknown, timedOut: boolean): GatewayError {
  if (error instanceof GatewayError) return error;
  const code = errorCodeOf(error);
  if (timedOut || (code !== undefined && TIMEOUT_ERROR_CODES.has(code))) {
    return new GatewayError(
      'RealtimeKit did not answer in time.',
      { code: 'UPSTREAM_TIMEOUT' },
      error,
    );
  }
  return new GatewayError(
    'RealtimeKit could not be reached.',
    { code: 'UPSTREAM_UNAVAILABLE' },
    error,
  );
}

/** Parses `Retry-After` as delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * graphql-js reports a few client mistakes without a code (a missing or mistyped variable, a null
 * for a non-null field). Every error a client sees must carry one: an error outside any field path
 * comes from the request's variables, one on a path is ours.
 */
export function withStableCode(error: GraphQLError): GraphQLError {
  if (typeof error.extensions.code === 'string') return error;
  const code = error.path === undefined ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR';
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code },
  });
}

/** The gateway's own rate budget for this token is spent, or upstream paused it; no call was made. */
export function rateLimitedLocally(retryAfterSeconds: number): GatewayError {
  return new GatewayError('This API token has used its upstream call budget; retry later.', {
    code: 'RATE_LIMITED',
    retryAfter: retryAfterSeconds,
  });
}

/** The circuit breaker is open: upstream failed repeatedly, so calls fail fast for a while. */
export function circuitOpen(retryAfterSeconds: number): GatewayError {
  return new GatewayError('RealtimeKit is failing; calls are paused briefly.', {
    code: 'UPSTREAM_UNAVAILABLE',
    retryAfter: retryAfterSeconds,
  });
}

/**
 * Codes for requests the gateway refuses as a whole, before any field runs and so before any
 * upstream call. They are not field errors: the response has no `data`, and the HTTP status says
 * why (`extensions.http` is internal to Yoga and never serialized).
 */
export const REQUEST_ERROR_CODES = [
  'PAYLOAD_TOO_LARGE',
  'REQUEST_TIMEOUT',
  'QUERY_TOO_COMPLEX',
  'CSRF_PREVENTED',
] as const;

export type RequestErrorCode = (typeof REQUEST_ERROR_CODES)[number];

/** The operation limits a QUERY_TOO_COMPLEX error can name: each `max…` setting without `max`. */
export type QueryComplexityLimit =
  'tokens' | 'depth' | 'aliases' | 'directives' | 'fields' | 'introspection';

/** Which operation limit a query broke, by how much. */
export interface QueryComplexityViolation {
  readonly limit: QueryComplexityLimit;
  readonly max: number;
  readonly actual: number;
}

const COMPLEXITY_MESSAGES: Record<QueryComplexityLimit, (actual: number, max: number) => string> = {
  tokens: (actual, max) => `The query has ${actual} tokens; at most ${max} are allowed.`,
  depth: (actual, max) =>
    `The query nests fields ${actual} levels deep; at most ${max} are allowed.`,
  aliases: (actual, max) =>
    `The query uses ${actual} aliases, counting a fragment at every spread; at most ${max} are allowed.`,
  directives: (actual, max) =>
    `The query uses ${actual} directives, counting a fragment at every spread; at most ${max} are allowed.`,
  fields: (actual, max) =>
    `The query selects ${actual} fields, counting a fragment at every spread; at most ${max} are allowed.`,
  introspection: (actual, max) =>
    `The query selects ${actual} introspection roots (__schema, __type); at most ${max} is allowed.`,
};

/**
 * The request body (POST) or query string (GET) is larger than MAX_REQUEST_BYTES. HTTP 413 on
 * every transport, because the request was refused before it was read as GraphQL.
 */
export function payloadTooLarge(part: 'body' | 'query string', max: number): GraphQLError {
  return new GraphQLError(`The request ${part} is larger than ${max} bytes.`, {
    extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 'requestBytes', max, http: { status: 413 } },
  });
}

/**
 * The answer, serialized, is larger than MAX_RESPONSE_BYTES: it is not sent, whatever part of it
 * was computed. The operation ran (upstream calls included), so it is reported as an execution
 * that produced no data (`data: null`, HTTP 200 as GraphQL over HTTP asks), not as a refusal.
 */
export function responseTooLarge(actual: number, max: number): GraphQLError {
  return new GraphQLError(
    `The response would be ${actual} bytes; at most ${max} are sent. Select fewer fields or smaller pages.`,
    { extensions: { code: 'RESPONSE_TOO_LARGE', limit: 'responseBytes', max, actual } },
  );
}

/** A subscription over MAX_SUBSCRIPTIONS_PER_TOKEN (`token`) or MAX_SUBSCRIPTIONS (`gateway`). */
export function tooManySubscriptions(scope: 'token' | 'gateway', max: number): GraphQLError {
  return new GraphQLError(
    scope === 'token'
      ? `This API token already holds ${max} subscriptions, the most one token may.`
      : `The gateway already holds ${max} subscriptions, the most it serves at once.`,
    { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: scope, max } },
  );
}

/**
 * The query parses but breaks an operation limit. It is reported like a validation error (HTTP
 * 400, or 200 for a client that accepts only `application/json`, as the GraphQL-over-HTTP spec
 * asks), because it is one: the document is refused before it is validated or executed.
 */
export function queryTooComplex(violation: QueryComplexityViolation): GraphQLError {
  const { limit, max, actual } = violation;
  return new GraphQLError(COMPLEXITY_MESSAGES[limit](actual, max), {
    extensions: {
      code: 'QUERY_TOO_COMPLEX',
      limit,
      max,
      actual,
      http: { status: 400, spec: true },
    },
  });
}

/**
 * The request (its headers and body) did not arrive within REQUEST_READ_TIMEOUT_MS: a client that
 * trickles its body in would otherwise hold a connection, and shutdown, for as long as it likes.
 * HTTP 408, written by the server itself before any GraphQL runs.
 */
export function requestTimeout(ms: number): {
  readonly message: string;
  readonly code: 'REQUEST_TIMEOUT';
} {
  return { message: `The request was not received within ${ms} ms.`, code: 'REQUEST_TIMEOUT' };
}

/** A request a browser could have sent cross-site without a CORS preflight; HTTP 403. */
export function csrfPrevented(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'CSRF_PREVENTED', http: { status: 403 } },
  });
}

/** An operation whose estimated upstream calls exceed the per-operation budget; nothing ran. */
export function upstreamBudgetExceeded(estimate: number, max: number): GraphQLError {
  return new GraphQLError(
    `This operation could make up to ${estimate} upstream calls; the limit is ${max}. Ask for fewer aliases or smaller pages.`,
    { extensions: { code: 'UPSTREAM_BUDGET_EXCEEDED', estimate, max } },
  );
}

/**
 * A POST whose content type no request parser reads. Yoga answers it with a bare 415 and an empty
 * body; a client then has no code and no request id to quote, so it gets the usual error body.
 */
export function unsupportedMediaType(): GraphQLError {
  return new GraphQLError(
    'This content type is not a GraphQL request: send Content-Type application/json.',
    { extensions: { code: 'BAD_REQUEST', http: { status: 415 } } },
  );
}

/**
 * An Accept header that names no media type a GraphQL result can be sent in. HTTP 406, which Yoga
 * would send with an empty body; the body is JSON regardless, since it is the only error format the
 * gateway has.
 */
export function notAcceptable(): GraphQLError {
  return new GraphQLError(
    'The Accept header allows no media type this gateway answers in: accept application/graphql-response+json or application/json.',
    { extensions: { code: 'BAD_REQUEST', http: { status: 406 } } },
  );
}

/** Persisted-documents mode: the document id is not in the allow-list. */
export const PERSISTED_DOCUMENT_NOT_FOUND = {
  message: 'No persisted document has this id; this gateway only runs its allow-listed documents.',
  extensions: { code: 'PERSISTED_DOCUMENT_NOT_FOUND', http: { status: 400 } },
};

/** Persisted-documents mode: a query text was sent instead of a document id. */
export const PERSISTED_DOCUMENT_REQUIRED = {
  message: 'This gateway only runs persisted documents: send a documentId, not a query.',
  extensions: { code: 'PERSISTED_DOCUMENT_REQUIRED', http: { status: 400 } },
};

/**
 * Every `extensions.code` a client can see, the closed list that the error table of
 * docs/limits-and-errors.md documents (a unit test holds the two together). Besides the codes
 * above, it holds the ones graphql-yoga gives its own errors, kept as Yoga names them because
 * clients of other GraphQL servers know them: `BAD_REQUEST`, `GRAPHQL_PARSE_FAILED`,
 * `GRAPHQL_VALIDATION_FAILED`, `OPERATION_RESOLUTION_FAILURE` (several operations and no
 * `operationName`, or an unknown one) and `INTERNAL_SERVER_ERROR` (a masked bug).
 */
export const ERROR_CODES = [
  ...GATEWAY_ERROR_CODES,
  'UPSTREAM_BUDGET_EXCEEDED',
  // An answer over MAX_RESPONSE_BYTES: it ran, but is not sent (data is null).
  'RESPONSE_TOO_LARGE',
  // A subscription over MAX_SUBSCRIPTIONS_PER_TOKEN or MAX_SUBSCRIPTIONS; nothing was polled.
  'TOO_MANY_SUBSCRIPTIONS',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  ...REQUEST_ERROR_CODES,
  'PERSISTED_DOCUMENT_REQUIRED',
  'PERSISTED_DOCUMENT_NOT_FOUND',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
