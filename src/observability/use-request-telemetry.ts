import { getOperationAST } from 'graphql';
import type { DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.js';
import type { GatewayMetrics, OperationOutcome } from './metrics.js';
import { operationForLog } from './operation-label.js';
import type { RequestRecord, RequestScope } from './request-scope.js';
import type { Tracing } from './tracing.js';

type ProcessedResult = Parameters<NonNullable<Plugin['onResultProcess']>>[0]['result'];
type SingleResult = Exclude<ProcessedResult, readonly unknown[] | AsyncIterable<unknown>>;

/** See OperationOutcome: partial needs at least one root field that resolved to a value. */
export function outcomeOf(result: SingleResult): OperationOutcome {
  if (result.errors === undefined || result.errors.length === 0) return 'success';
  const data: unknown = result.data;
  if (typeof data !== 'object' || data === null) return 'error';
  return Object.values(data).some((value) => value !== null && value !== undefined)
    ? 'partial'
    : 'error';
}

function outcomeOfAll(results: readonly SingleResult[]): OperationOutcome {
  const outcomes = new Set(results.map(outcomeOf));
  if (outcomes.size === 1) return [...outcomes][0] ?? 'error';
  return 'partial';
}

export interface RequestTelemetryOptions {
  readonly scope: RequestScope;
  readonly metrics: GatewayMetrics;
  readonly logger: Logger;
  readonly tracing: Tracing;
}

/**
 * Records a request once it is answered: the operation metrics, if it was a GraphQL request, the
 * end of its operation's span, if it was traced, and the access-log line.
 */
export function createRequestFinisher(
  options: Pick<RequestTelemetryOptions, 'metrics' | 'logger'>,
): (record: RequestRecord, status: number) => void {
  const { metrics, logger } = options;
  return (record, status) => {
    const seconds = (performance.now() - record.startedAt) / 1000;
    if (record.outcome !== undefined) {
      metrics.operation(record.operationName, record.outcome, seconds);
    }
    record.trace?.end(record.outcome, status);
    logger.info('request', {
      requestId: record.id,
      method: record.method,
      path: record.path,
      status,
      durationMs: Math.round(seconds * 1000 * 10) / 10,
      ...(record.outcome === undefined
        ? {}
        : { operation: operationForLog(record.operationName), outcome: record.outcome }),
    });
  };
}

/**
 * Per-request telemetry: the operation metrics (count and duration by operation name and outcome),
 * the operation's span when tracing is on, and one access-log line at info for every request,
 * GraphQL or not. The line has the method, path, status, duration, operation name and request
 * id, and never the query text, variables or headers, which can carry personal data or a token.
 *
 * The operation name is what the client asked to run (`operationName`), then, once the document
 * parses, the name of the operation it selects; `onValidate` sees every parsed document, including
 * those that later fail validation or are stopped before execution.
 *
 * The span starts with the GraphQL parameters (`onParams`, before the context and its loaders are
 * made, so their upstream calls are its children), or, for a request refused before them (CSRF,
 * size), with its result; it gets the codes of the result's errors, and ends with the request.
 */
export function useRequestTelemetry(options: RequestTelemetryOptions): Plugin {
  const { scope, tracing } = options;
  const finish = createRequestFinisher(options);
  return {
    onParams({ params, request }) {
      const record = scope.current();
      if (record === undefined) return;
      if (params.operationName != null) record.operationName = params.operationName;
      if (tracing.enabled) record.trace ??= tracing.startOperation('yoga', request.headers, record);
    },
    onValidate({ params, context }) {
      const record = scope.current();
      if (record === undefined) return;
      // Envelop types the validate arguments loosely; this is graphql-js's parsed document.
      const operation = getOperationAST(
        params.documentAST as DocumentNode,
        context.params.operationName ?? undefined,
      );
      if (operation?.name !== undefined) record.operationName = operation.name.value;
      if (operation != null) record.trace?.identify(record.operationName, operation.operation);
    },
    onResultProcess({ result, request }) {
      const record = scope.current();
      if (record === undefined) return;
      if (Array.isArray(result)) record.outcome = outcomeOfAll(result);
      else if (Symbol.asyncIterator in result) record.outcome = 'success';
      else record.outcome = outcomeOf(result);
      if (!tracing.enabled) return;
      record.trace ??= tracing.startOperation('yoga', request.headers, record);
      for (const single of Array.isArray(result) ? result : [result]) {
        if (!(Symbol.asyncIterator in single) && single.errors !== undefined) {
          record.trace?.errors(single.errors);
        }
      }
    },
    onResponse({ response }) {
      const record = scope.current();
      if (record !== undefined) finish(record, response.status);
    },
  };
}
