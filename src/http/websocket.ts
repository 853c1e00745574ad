import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type {
  DocumentNode,
  ExecutionArgs,
  ExecutionResult,
  GraphQLError,
  GraphQLSchema,
} from 'graphql';
import { getOperationAST, GraphQLError as GraphQLErrorClass } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import { useServer } from 'graphql-ws/use/ws';
import type { SubscribePayload, Context as WsContext } from 'graphql-ws';
import { WebSocketServer } from 'ws';
import type { GatewayContext } from '../context.js';
import type { OperationTrace, TraceCarrier, Tracing } from '../observability/tracing.js';
import { outcomeOf } from '../observability/use-request-telemetry.js';
import { bytesOver, oversizedResult } from '../plugins/use-response-size-limit.js';
import { withStableCode } from '../upstream/errors.js';

/*
 * graphql-ws over WebSocket, on the same port and path as HTTP (/graphql). Operations go through
 * Yoga's envelop (parse, validation, limits, the call estimate, distinct events), so a
 * subscription over WebSocket is the one over SSE; what Yoga does at the HTTP level (CSRF, CORS,
 * error codes, the response size limit) is done here for the socket.
 */

export interface WebSocketOptions {
  /** MAX_REQUEST_BYTES: the largest message a client may send. */
  readonly maxMessageBytes: number;
  /** MAX_RESPONSE_BYTES: an event over it is sent as RESPONSE_TOO_LARGE instead. */
  readonly maxResponseBytes: number;
  /** CORS_ORIGINS: pages of these origins may connect, besides the gateway's own. */
  readonly corsOrigins: readonly string[];
  /** Traces each operation, as a child of the client's `traceparent` (see traceCarrierOf). */
  readonly tracing: Tracing;
  /**
   * Hands an operation's trace to the context built for its request: a socket's operations have
   * no request scope, where the context finds an HTTP request's.
   */
  readonly bindTrace: (request: Request, trace: OperationTrace) => void;
}

export interface GraphQLWebSockets {
  /** Takes an HTTP upgrade request: graphql-ws on /graphql, refused otherwise. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Sockets open now. */
  readonly size: number;
  /**
   * Waits (up to `timeoutMs`) for every socket's subscriptions to have completed, which the live
   * hub's close makes them do, then closes every socket with 1001 "Going away".
   */
  close(timeoutMs: number): Promise<void>;
}

/**
 * Whether a browser page at `origin` may connect. A page of any site can open a WebSocket to any
 * host, and the browser does not ask CORS first; with a server-held token that would let any
 * page a user opened read the token's data. So, as for queries: no Origin (not a browser), the
 * gateway's own origin (GraphiQL), or a listed one.
 */
export function originAllowed(request: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowed.has(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** The token of a connection: `connectionParams.authorization`, else the upgrade's header. */
function authorizationOf(context: WsContext): string | null {
  const params = context.connectionParams;
  const fromParams = params?.['authorization'] ?? params?.['Authorization'];
  if (typeof fromParams === 'string') return fromParams;
  const { request } = context.extra as { request: IncomingMessage };
  const header = request.headers.authorization;
  return typeof header === 'string' ? header : null;
}

/**
 * Where an operation's W3C trace context comes from: its own `extensions` (one per operation), the
 * connection parameters (what a browser can set), or the upgrade request's headers.
 */
function traceCarrierOf(context: WsContext, payload: SubscribePayload): TraceCarrier {
  const { extensions } = payload;
  if (typeof extensions?.['traceparent'] === 'string') return extensions;
  const params = context.connectionParams;
  if (typeof params?.['traceparent'] === 'string') return params;
  return (context.extra as { request: IncomingMessage }).request.headers;
}

/** Ends an operation's span with what executing it gave: a result, or a subscription's stream. */
function settle(
  trace: OperationTrace | undefined,
  result: ExecutionResult | AsyncIterable<ExecutionResult>,
): void {
  if (trace === undefined) return;
  if (Symbol.asyncIterator in result) {
    trace.end('success');
    return;
  }
  if (result.errors !== undefined)
    trace.errors(result.errors.map((error) => withStableCode(error)));
  trace.end(outcomeOf(result));
}

const refuse = (socket: Duplex, status: string) => {
  socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
};

/** What Yoga's envelop gives one operation (its functions are typed loosely upstream). */
interface Enveloped {
  readonly schema: GraphQLSchema;
  parse(source: string): DocumentNode;
  validate(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[];
  contextFactory(): GatewayContext | Promise<GatewayContext>;
  execute(args: ExecutionArgs): Promise<ExecutionResult | AsyncIterable<ExecutionResult>>;
  subscribe(args: ExecutionArgs): Promise<ExecutionResult | AsyncIterable<ExecutionResult>>;
}

export function createGraphQLWebSockets(
  yoga: YogaServerInstance<object, GatewayContext>,
  options: WebSocketOptions,
): GraphQLWebSockets {
  const allowed = new Set(options.corsOrigins);
  const server = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
  const open = new Set<WsContext<Record<string, unknown> | undefined, object>>();
  // The socket of each connection, so that it aborts what its operations still have in flight.
  const aborts = new WeakMap<object, AbortController>();
  // Each operation's span, by the execution arguments graphql-ws hands back to execute/subscribe.
  const traces = new WeakMap<object, OperationTrace>();
  const { tracing } = options;

  /** The result of executing `args`, its operation's span ended with it. */
  const traced = async (
    args: ExecutionArgs,
    run: (args: ExecutionArgs) => Promise<ExecutionResult | AsyncIterable<ExecutionResult>>,
  ) => {
    const trace = traces.get(args);
    try {
      const result = await run(args);
      settle(trace, result);
      return result;
    } catch (error) {
      trace?.end('error');
      throw error;
    }
  };

  const finish = (result: ExecutionResult): ExecutionResult => {
    const text = JSON.stringify(result);
    const over = bytesOver(text, options.maxResponseBytes);
    const sent = over === undefined ? result : oversizedResult(over, options.maxResponseBytes);
    if (sent.errors === undefined || sent.errors.length === 0) return sent;
    return { ...sent, errors: sent.errors.map((error) => withStableCode(error)) };
  };

  const served = useServer<Record<string, unknown> | undefined, { enveloped?: Enveloped }>(
    {
      // Messages naming the cause go to the client only as GraphQL errors, never as close reasons.
      onConnect: (context) => {
        open.add(context);
        return true;
      },
      onClose: (context) => {
        open.delete(context);
        aborts.get(context.extra)?.abort();
      },
      onSubscribe: async (context, _id, payload) => {
        let abort = aborts.get(context.extra);
        if (abort === undefined) {
          abort = new AbortController();
          aborts.set(context.extra, abort);
        }
        const authorization = authorizationOf(context);
        const headers = new Headers();
        if (authorization !== null) headers.set('authorization', authorization);
        const request = new Request('http://localhost/graphql', { headers, signal: abort.signal });
        const trace = tracing.enabled
          ? tracing.startOperation('websocket', traceCarrierOf(context, payload))
          : undefined;
        if (trace !== undefined) options.bindTrace(request, trace);
        /** Refuses the operation with these errors, and ends its span. */
        const refused = (errors: readonly GraphQLError[]) => {
          const coded = errors.map((error) => withStableCode(error));
          trace?.errors(coded);
          trace?.end('error');
          return coded;
        };
        const enveloped: Enveloped = yoga.getEnveloped({ request, params: payload });
        let document: DocumentNode;
        try {
          document = enveloped.parse(payload.query);
        } catch (error) {
          return refused([
            error instanceof GraphQLErrorClass ? error : new GraphQLErrorClass(String(error)),
          ]);
        }
        if (trace !== undefined) {
          const operation = getOperationAST(document, payload.operationName);
          if (operation != null) {
            trace.identify(
              operation.name?.value ?? payload.operationName ?? undefined,
              operation.operation,
            );
          }
        }
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return refused(errors);
        const args: ExecutionArgs & { rootValue: Enveloped } = {
          schema: enveloped.schema,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue: await enveloped.contextFactory(),
          rootValue: enveloped,
        };
        if (trace !== undefined) traces.set(args, trace);
        return args;
      },
      execute: (args) =>
        traced(args, (rootArgs) => (args.rootValue as Enveloped).execute(rootArgs)),
      subscribe: (args) =>
        traced(args, (rootArgs) => (args.rootValue as Enveloped).subscribe(rootArgs)),
      onNext: (_context, _id, _payload, _args, result) => finish(result),
      onError: (_context, _id, _payload, errors) => errors.map((error) => withStableCode(error)),
    },
    server,
  );

  return {
    upgrade(request, socket, head) {
      const path = (request.url ?? '').split('?')[0];
      if (path !== '/graphql') {
        refuse(socket, '404 Not Found');
        return;
      }
      if (!originAllowed(request, allowed)) {
        refuse(socket, '403 Forbidden');
        return;
      }
      server.handleUpgrade(request, socket, head, (ws) => {
        server.emit('connection', ws, request);
      });
    },
    get size() {
      return server.clients.size;
    },
    async close(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      const busy = () => [...open].some((context) => Object.keys(context.subscriptions).length > 0);
      while (busy() && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await served.dispose();
    },
  };
}
