import type { IncomingMessage, ServerResponse } from 'node:http';
import { getVariableValues, GraphQLError } from 'graphql';
import { maskError, processRegularResult } from 'graphql-yoga';
import type { FetchAPI } from 'graphql-yoga';
import type { ExecutionResult, GraphQLSchema } from 'graphql';
import type { ContextRequest, GatewayContext } from '../context.js';
import { REQUEST_ID_HEADER, requestStartOfIncoming } from '../observability/request-scope.js';
import type { RequestRecord, RequestScope } from '../observability/request-scope.js';
import type { Tracing } from '../observability/tracing.js';
import { withErrorRequestIds } from '../observability/use-request-id.js';
import { outcomeOf } from '../observability/use-request-telemetry.js';
import { asGraphQLJsError } from '../plugins/use-compiled-execution.js';
import { withoutSuggestion } from '../plugins/use-no-suggestions.js';
import { isRecord, persistedDocumentIdOf } from '../plugins/use-persisted-documents.js';
import { PRIVATE_CACHE_CONTROL, varyWithAuthorization } from '../plugins/use-private-responses.js';
import { withStableCodes } from '../plugins/use-stable-error-codes.js';
import { bytesOver, oversizedResult } from '../plugins/use-response-size-limit.js';
import { budgetViolation } from '../plugins/use-upstream-budget.js';
import { corsHeadersOf } from './cors.js';
import type { CorsPolicy } from './cors.js';
import { isJsonContentType, resultMediaType } from './negotiation.js';
import type { ResultMediaType } from './negotiation.js';
import type { PreparedDocuments, RunnableQuery } from './prepared-documents.js';

/** Hands a request to the full pipeline (Yoga); `body` is what the lean lane already read of it. */
export type Fallback = (request: IncomingMessage, response: ServerResponse, body?: Buffer) => void;

/** Turns a result with errors into the HTTP answer the full pipeline would give for it. */
export type ErrorResponder = (
  result: ExecutionResult,
  mediaType: ResultMediaType,
) => Promise<{
  readonly status: number;
  readonly headers: Iterable<readonly [string, string]>;
  readonly body: string;
}>;

export interface FastLaneOptions {
  readonly schema: GraphQLSchema;
  readonly documents: PreparedDocuments;
  /** When set, only these documents run, sent by `documentId` (see usePersistedDocuments). */
  readonly persistedDocuments: ReadonlyMap<string, string> | undefined;
  readonly createContext: (request: ContextRequest) => GatewayContext;
  readonly scope: RequestScope;
  /** Traces each operation it answers, as Yoga's useRequestTelemetry does. */
  readonly tracing: Tracing;
  /** Records the answered request: metrics, the end of its span and the access-log line. */
  readonly finish: (record: RequestRecord, status: number) => void;
  /** Yoga's error masking: an unexpected error becomes "Unexpected error." (and is logged). */
  readonly maskError: (error: GraphQLError) => GraphQLError;
  readonly respondWithErrors: ErrorResponder;
  /** Which origins get CORS headers, as Yoga is told (see createCorsPolicy). */
  readonly cors: CorsPolicy;
  readonly maxRequestBytes: number;
  readonly maxUpstreamCalls: number;
  readonly maxResponseBytes: number;
}

/**
 * Yoga's masking (isDev off): an error that is not a GraphQLError through and through becomes
 * "Unexpected error." with INTERNAL_SERVER_ERROR. Yoga's maskError only promises an Error back.
 */
export function maskLikeYoga(error: GraphQLError): GraphQLError {
  const masked = maskError(error, 'Unexpected error.', false);
  return masked instanceof GraphQLError
    ? masked
    : new GraphQLError(masked.message, { originalError: masked });
}

/** Yoga's own result processor for JSON, which sets statuses and error headers. */
export function respondLikeYoga(fetchAPI: FetchAPI): ErrorResponder {
  return async (result, mediaType) => {
    const response = processRegularResult(result, fetchAPI, mediaType);
    return { status: response.status, headers: response.headers, body: await response.text() };
  };
}

const CONTENT_LENGTH = /^\d{1,9}$/;

/**
 * The media type to answer in, for the requests the lean lane may take, judged before reading
 * the body: a POST of JSON to exactly /graphql, with a declared length within the limit, a JSON
 * result accepted (whatever else the Accept header lists, with q-values and charsets, as every
 * GraphQL client sends it) and no compression. Origin does not matter: CORS headers are added the
 * way Yoga adds them. Everything else goes to Yoga unread (undefined).
 */
function laneMediaType(
  request: IncomingMessage,
  maxRequestBytes: number,
): ResultMediaType | undefined {
  const { headers } = request;
  if (request.method !== 'POST' || request.url !== '/graphql') return undefined;
  if (headers['content-encoding'] !== undefined) return undefined;
  const declared = headers['content-length'];
  if (declared === undefined || !CONTENT_LENGTH.test(declared)) return undefined;
  if (Number(declared) > maxRequestBytes) return undefined;
  if (!isJsonContentType(headers['content-type'])) return undefined;
  return resultMediaType(headers.accept);
}

/** The whole body; rejects when the client goes away before sending it. */
function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('end', () => {
      resolve(chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks));
    });
    request.once('error', reject);
    request.once('close', () => {
      if (!request.complete) reject(new Error('The client went away before sending its body'));
    });
  });
}

interface Params {
  readonly source: string;
  readonly operationName: string | undefined;
  readonly variables: Readonly<Record<string, unknown>>;
}

const PARAM_KEYS = new Set(['query', 'operationName', 'variables', 'extensions', 'documentId']);

/**
 * The GraphQL-over-HTTP parameters of a plain request, or undefined for anything the full pipeline
 * should judge: JSON that does not parse, a batch, unknown keys, values of the wrong type, or a
 * document that is not (or, with persisted documents, not named) as expected. `extensions` (Apollo
 * Client 4 sends its name and version there) are read by no policy of the gateway, as in Yoga.
 */
function paramsOf(
  body: Buffer,
  persistedDocuments: ReadonlyMap<string, string> | undefined,
): Params | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isRecord(json) || Object.keys(json).some((key) => !PARAM_KEYS.has(key))) return undefined;
  const { query, operationName, variables, extensions, documentId } = json;
  if (extensions != null && !isRecord(extensions)) return undefined;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  if (variables != null && !isRecord(variables)) return undefined;
  let source: string | undefined;
  if (persistedDocuments === undefined) {
    source = documentId === undefined && typeof query === 'string' ? query : undefined;
  } else if (query == null) {
    // Only an allow-listed document runs; anything else is Yoga's to refuse, in its words.
    const id = persistedDocumentIdOf({ documentId, extensions });
    source = id === null ? undefined : persistedDocuments.get(id);
  }
  if (source === undefined) return undefined;
  return { source, operationName: operationName ?? undefined, variables: variables ?? {} };
}

/**
 * Aborted when the client goes away before its answer is written, or with a TimeoutError after
 * `ms`. One controller and one timer, released with the response: AbortSignal.any and
 * AbortSignal.timeout cost several times more per request and leave their timer behind.
 */
function requestSignal(response: ServerResponse, ms: number): AbortSignal {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new DOMException('The operation deadline passed.', 'TimeoutError'));
  }, ms);
  timer.unref();
  response.once('close', () => {
    clearTimeout(timer);
    if (!response.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** Headers a response gets anyway: Yoga's would be written with these (see usePrivateResponses). */
const HEADERS_SET_HERE = new Set(['content-length', 'cache-control', 'vary', REQUEST_ID_HEADER]);

/** Where one answer goes, and what every answer to its request carries. */
interface Reply {
  readonly response: ServerResponse;
  readonly record: RequestRecord;
  /** The media type the client accepts (see resultMediaType). */
  readonly mediaType: ResultMediaType;
  /** CORS headers for an allowed Origin, as Yoga would add them; null for none. */
  readonly cors: Readonly<Record<string, string>> | null;
}

/**
 * Writes the whole response in one `writeHead`, with the headers as a flat list: `setHeader` per
 * header validates and indexes each one, which showed in profiles of small queries.
 */
function send(
  reply: Reply,
  status: number,
  headers: Iterable<readonly [string, string]>,
  body: string,
): void {
  const list: string[] = [];
  let vary: string | null = null;
  const take = (name: string, value: string) => {
    const lower = name.toLowerCase();
    if (lower === 'vary') vary = vary === null ? value : `${vary}, ${value}`;
    else if (!HEADERS_SET_HERE.has(lower)) list.push(lower, value);
  };
  if (reply.cors !== null)
    for (const [name, value] of Object.entries(reply.cors)) take(name, value);
  for (const [name, value] of headers) take(name, value);
  // Encoded once: a string body would be measured in one pass and encoded in another.
  const bytes = Buffer.from(body, 'utf8');
  list.push(
    'content-length',
    String(bytes.length),
    'cache-control',
    PRIVATE_CACHE_CONTROL,
    'vary',
    varyWithAuthorization(vary),
    REQUEST_ID_HEADER,
    reply.record.id,
  );
  reply.response.writeHead(status, list);
  reply.response.end(bytes);
}

/**
 * The lean lane: the common request (a valid query, POSTed as JSON, seen before) runs straight
 * from node:http to the compiled query and back, without Yoga's Fetch API request and response
 * objects and its plugin hooks, which cost several times the work of the query itself. It does
 * what those hooks do for such a request, through the same functions: the request scope and id,
 * the context, the upstream budget, Yoga's error masking, the error codes and request ids on
 * errors, private caching headers, the operation metrics and the access-log line. Whatever it
 * is not sure of goes to Yoga, so every refusal and error message keeps coming from one place.
 */
export function createFastLane(
  options: FastLaneOptions,
): (request: IncomingMessage, response: ServerResponse, fallback: Fallback) => void {
  const { schema, documents, scope, tracing } = options;

  const plan = (params: Params): RunnableQuery | undefined => {
    const runnable = documents.runnable(params.source, params.operationName);
    if (runnable === undefined) return undefined;
    const { document, operation } = runnable;
    // Variables the executor would refuse, and operations over the budget, are refused before any
    // upstream call; the full pipeline words those refusals.
    const coerced = getVariableValues(
      schema,
      operation.variableDefinitions ?? [],
      params.variables,
    );
    if (coerced.errors !== undefined) return undefined;
    const over = budgetViolation(document, operation, coerced.coerced, options.maxUpstreamCalls);
    return over === undefined ? runnable : undefined;
  };

  const answer = async (
    request: IncomingMessage,
    reply: Reply,
    runnable: RunnableQuery,
    params: Params,
  ): Promise<void> => {
    const { response, record } = reply;
    const { document, operation } = runnable;
    record.operationName = operation.name?.value ?? params.operationName;
    // Started before the context, whose loaders make every upstream call a child of the span.
    const trace = tracing.enabled
      ? tracing.startOperation('lean', request.headers, record)
      : undefined;
    trace?.identify(record.operationName, operation.operation);
    record.trace = trace;
    const context = options.createContext({
      authorization: request.headers.authorization ?? null,
      cacheControl: request.headers['cache-control'] ?? null,
      signal: (ms) => requestSignal(response, ms),
      trace,
    });
    const result: ExecutionResult = await runnable.compiled.query(
      undefined,
      context,
      params.variables,
    );
    const { errors } = result;
    if (errors === undefined || errors.length === 0) {
      // The serializer jit compiled for this query, as Yoga uses for a result without errors.
      const body = runnable.compiled.stringify({ data: result.data });
      const over = bytesOver(body, options.maxResponseBytes);
      if (over !== undefined) {
        await sendErrors(reply, oversizedResult(over, options.maxResponseBytes));
        return;
      }
      record.outcome = 'success';
      send(reply, 200, [['content-type', `${reply.mediaType}; charset=utf-8`]], body);
      options.finish(record, 200);
      return;
    }
    // The order of the full pipeline's hooks: jit's errors as graphql-js's, no suggestions,
    // masking, then (in sendErrors, on the result to send) codes and request ids.
    await sendErrors(reply, {
      ...result,
      errors: errors.map((error) =>
        options.maskError(withoutSuggestion(asGraphQLJsError(error, document, operation))),
      ),
    });
  };

  /** A result whose errors are masked already, with codes and request ids, as Yoga writes it. */
  const sendErrors = async (reply: Reply, result: ExecutionResult): Promise<void> => {
    const { record } = reply;
    const processed = withErrorRequestIds(withStableCodes(result), record.id);
    if (processed.errors !== undefined) record.trace?.errors(processed.errors);
    const written = await options.respondWithErrors(processed, reply.mediaType);
    const over = bytesOver(written.body, options.maxResponseBytes);
    if (over !== undefined) {
      // A partial answer with field errors can be as large as any other.
      await sendErrors(reply, oversizedResult(over, options.maxResponseBytes));
      return;
    }
    record.outcome = outcomeOf(processed);
    send(reply, written.status, written.headers, written.body);
    options.finish(record, written.status);
  };

  /**
   * An answer that failed unexpectedly (a bug, not a field error, which the executor reports in
   * the result): the client gets Yoga's answer to an unexpected error, masked, with HTTP 500, and
   * the request is still recorded. Only a response already under way is cut off.
   */
  const failed = async (reply: Reply, error: unknown): Promise<void> => {
    if (reply.response.headersSent) {
      reply.response.destroy();
      reply.record.trace?.end('error');
      return;
    }
    const unexpected =
      error instanceof GraphQLError
        ? error
        : new GraphQLError(error instanceof Error ? error.message : String(error), {
            originalError: error instanceof Error ? error : undefined,
          });
    await sendErrors(reply, { errors: [options.maskError(unexpected)] });
  };

  /** What the lane would run for this body, or undefined for Yoga to judge. */
  const choose = (body: Buffer): { params: Params; runnable: RunnableQuery } | undefined => {
    try {
      const params = paramsOf(body, options.persistedDocuments);
      const runnable = params && plan(params);
      return params && runnable && { params, runnable };
    } catch {
      // Whatever the lane cannot judge, Yoga judges.
      return undefined;
    }
  };

  return (request, response, fallback) => {
    const mediaType = laneMediaType(request, options.maxRequestBytes);
    if (mediaType === undefined) {
      fallback(request, response);
      return;
    }
    readBody(request)
      .then(
        (body) => {
          const chosen = choose(body);
          if (chosen === undefined) {
            fallback(request, response, body);
            return;
          }
          return scope.run(requestStartOfIncoming(request), (record) => {
            const reply: Reply = {
              response,
              record,
              mediaType,
              cors: corsHeadersOf(request, options.cors),
            };
            return answer(request, reply, chosen.runnable, chosen.params).catch((error: unknown) =>
              failed(reply, error),
            );
          });
        },
        () => {
          // The client went away before sending its whole body.
          response.destroy();
        },
      )
      .catch(() => {
        response.destroy();
      });
  };
}
