import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { REQUEST_ID_HEADER, requestIdFrom, requestStartOf } from './request-scope.js';
import type { RequestScope } from './request-scope.js';

type ProcessedResult = Parameters<NonNullable<Plugin['onResultProcess']>>[0]['result'];
type SingleResult = Exclude<ProcessedResult, readonly unknown[] | AsyncIterable<unknown>>;
type ResultError = NonNullable<SingleResult['errors']>[number];

/** The same error with `extensions.requestId`; everything else, `extensions.http` too, is kept. */
function errorWithRequestId(error: ResultError, requestId: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, requestId },
  });
}

export function withErrorRequestIds(result: SingleResult, requestId: string): SingleResult {
  if (result.errors === undefined || result.errors.length === 0) return result;
  return { ...result, errors: result.errors.map((error) => errorWithRequestId(error, requestId)) };
}

/**
 * Gives every request an id (see requestIdFrom) and makes it visible to everyone who needs it: the
 * whole handling of the request runs in the gateway's request scope (so every log line carries
 * it), every GraphQL error gets it as `extensions.requestId` (so a user can quote it in a support
 * ticket), and the response carries it in `x-request-id`.
 *
 * The scope is entered by `instrumentation.request`, which wraps the request's whole handling,
 * Yoga's own early hooks (CORS preflight, GraphiQL) included, and so reaches every hook below. Errors
 * are rewritten in `onResultProcess`, the one place that sees every GraphQL result: executed
 * operations and requests refused before execution (parse, validation, limits, CSRF) alike.
 */
export function useRequestId(scope: RequestScope): Plugin {
  return {
    instrumentation: {
      request: ({ request }, wrapped) => scope.run(requestStartOf(request), wrapped),
    },
    onResultProcess(event) {
      const { result } = event;
      const requestId = scope.current()?.id;
      if (requestId === undefined || Symbol.asyncIterator in result) return;
      event.setResult(
        Array.isArray(result)
          ? result.map((single) => withErrorRequestIds(single, requestId))
          : withErrorRequestIds(result, requestId),
      );
    },
    onResponse({ request, response }) {
      // Outside a scope only if Yoga was called around its instrumentation; still answer with an id.
      const id = scope.current()?.id ?? requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
      response.headers.set(REQUEST_ID_HEADER, id);
    },
  };
}
