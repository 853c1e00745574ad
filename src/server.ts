import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { GraphQLError } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import type { GraphiQLOptions, YogaServerInstance } from 'graphql-yoga';
import { createSectionCache } from './cache/section-cache.js';
import type { SectionCacheSettings } from './cache/section-cache.js';
import { contextRequestOf, createContextFactory } from './context.js';
import type { GatewayContext } from './context.js';
import type { RequestLimits, SharedSettings, UpstreamSettings } from './config.js';
import type { ScopeDefaults } from './credentials.js';
import { createGraphiQLOptions } from './graphiql.js';
import { createCorsPolicy } from './http/cors.js';
import { createFastLane, maskLikeYoga, respondLikeYoga } from './http/fast-lane.js';
import type { Fallback } from './http/fast-lane.js';
import { createPreparedDocuments } from './http/prepared-documents.js';
import { createGraphQLWebSockets } from './http/websocket.js';
import { withSecretsMasked } from './logger.js';
import type { Logger } from './logger.js';
import { createMetrics } from './observability/metrics.js';
import { createReadiness } from './observability/readiness.js';
import { createRequestScope, withRequestId } from './observability/request-scope.js';
import { noTracing } from './observability/tracing.js';
import { createUnexpectedErrorLog } from './observability/unexpected-errors.js';
import type { OperationTrace, Tracing } from './observability/tracing.js';
import {
  useOperationsEndpoints,
  YOGA_HEALTH_CHECK_DISABLED,
} from './observability/use-operations-endpoints.js';
import { useRequestId } from './observability/use-request-id.js';
import {
  createRequestFinisher,
  useRequestTelemetry,
} from './observability/use-request-telemetry.js';
import { useOperationLimits } from './plugins/operation-limits.js';
import { useCompiledExecution, useGraphQLJsFieldErrors } from './plugins/use-compiled-execution.js';
import { useCsrfPrevention } from './plugins/use-csrf-prevention.js';
import { useErrorBodies } from './plugins/use-error-bodies.js';
import { useNoSuggestions } from './plugins/use-no-suggestions.js';
import {
  loadPersistedDocuments,
  usePersistedDocuments,
} from './plugins/use-persisted-documents.js';
import { usePrivateResponses } from './plugins/use-private-responses.js';
import { useResponseSizeLimit } from './plugins/use-response-size-limit.js';
import { useSchemaExposure } from './plugins/use-schema-exposure.js';
import { useStableErrorCodes } from './plugins/use-stable-error-codes.js';
import { useUpstreamBudget } from './plugins/use-upstream-budget.js';
import { resolvers } from './resolvers/index.js';
import { createNeedsMemo } from './loaders/needs.js';
import { createInFlightLoads } from './cache/in-flight.js';
import { createLiveHub } from './live/hub.js';
import type { LiveSettings } from './live/hub.js';
import { useDistinctEvents } from './plugins/use-distinct-events.js';
import { createUpstreamClient } from './upstream/client.js';
import { createTokenKeyer } from './upstream/token-key.js';
import { createRedisLink } from './redis/link.js';
import { createSharedRateBudget } from './upstream/shared-rate-budget.js';
import { createRedisEntries } from './cache/redis-entries.js';
import { createRedisCoordinator } from './live/redis-coordinator.js';

export interface GatewayConfig {
  readonly upstream: UpstreamSettings & { readonly baseUrl: string };
  readonly limits: RequestLimits;
  /** Introspection and GraphiQL, on or off together. */
  readonly introspection: boolean;
  /** The server-held CLOUDFLARE_API_TOKEN, used when a request brings no Authorization header. */
  readonly serverToken: string | undefined;
  readonly defaults: ScopeDefaults;
  readonly graphiql: {
    /** The example operations GraphiQL opens with, one tab each. */
    readonly exampleQuery: string;
    /** Prefilled in GraphiQL's headers; set in demo mode only, where the token is the fake's. */
    readonly demoAuthorization: string | undefined;
  };
  /**
   * Path of a persisted-documents JSON file (hash → query, as GraphQL Code Generator's client
   * preset writes it). When set, only those operations are accepted.
   */
  readonly persistedDocumentsPath: string | undefined;
  /**
   * Origins whose pages may read answers cross-origin, with credentials. Empty (the default): no
   * CORS headers at all, so no other site's page can read an answer paid for by the server's token.
   */
  readonly corsOrigins?: readonly string[];
  /**
   * The lean lane on (the default) or off, when Yoga answers every request: for the test matrix
   * that holds both paths to the same answers, and as a way out should the lane misbehave.
   */
  readonly leanLane?: boolean;
  /** The cross-request cache of upstream resources (maxEntries 0 turns it off). */
  readonly cache: SectionCacheSettings;
  /** The shared polls of subscriptions; without it, the documented defaults. */
  readonly live?: LiveSettings;
  /** State shared with the other replicas through Redis; without it all state is this process's. */
  readonly shared?: SharedSettings;
  /**
   * OpenTelemetry traces (see createTracing), shut down by the gateway's close(); without it
   * nothing is traced, at no cost.
   */
  readonly tracing?: Tracing;
  readonly logger: Logger;
}

export interface Gateway {
  readonly yoga: YogaServerInstance<object, GatewayContext>;
  /**
   * Answers one node:http request: a query POSTed as JSON, as every GraphQL client sends it,
   * through the lean lane (see createFastLane); anything else through Yoga.
   */
  handle(request: IncomingMessage, response: ServerResponse): void;
  /** Takes an HTTP upgrade: graphql-ws over WebSocket on /graphql (see createGraphQLWebSockets). */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every WebSocket, after their subscriptions completed (up to `timeoutMs`). */
  closeSockets(timeoutMs: number): Promise<void>;
  /** From now on `/ready` answers 503: the gateway is draining before it stops. */
  beginShutdown(): void;
  close(): Promise<void>;
}

const SCHEMA_DIR = new URL('../schema/', import.meta.url);

/** The SDL files, read from `schema/` beside `src/` and `dist/` alike. */
export function loadTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(new URL(name, SCHEMA_DIR), 'utf8'));
}

/**
 * The page inlines all of GraphiQL (about 9 MB of script, some 50 MB of heap once loaded), so the
 * module is imported on the first page load rather than at start-up (a gateway that only serves
 * queries never pays for it), and the page, whose options never change, is rendered once.
 */
function renderGraphiQLOnce(): (options: GraphiQLOptions) => Promise<string> {
  let rendered: Promise<{ readonly key: string; readonly page: string }> | undefined;
  return async (options) => {
    const key = JSON.stringify(options);
    const current = await rendered;
    if (current?.key === key) return current.page;
    rendered = import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) => ({
      key,
      page: renderGraphiQL(options),
    }));
    return (await rendered).page;
  };
}

/**
 * Hands Yoga a request whose body the lean lane already read, as a Fetch API request, and writes
 * Yoga's answer back. Only requests to exactly POST /graphql get here.
 */
async function replay(
  yoga: YogaServerInstance<object, GatewayContext>,
  request: IncomingMessage,
  response: ServerResponse,
  body: Buffer,
): Promise<void> {
  const aborts = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished) aborts.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    for (const single of Array.isArray(value) ? value : [value ?? '']) headers.append(name, single);
  }
  try {
    const answer = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers,
      body,
      signal: aborts.signal,
    });
    const bytes = Buffer.from(await answer.arrayBuffer());
    for (const [name, value] of answer.headers) response.setHeader(name, value);
    response.statusCode = answer.status;
    response.end(bytes);
  } catch (error) {
    response.destroy(error instanceof Error ? error : undefined);
  }
}

/** Builds the GraphQL gateway from a config object; it does not listen or read the environment. */
export function createGateway(config: GatewayConfig): Gateway {
  // Every line logged while a request is handled carries its id, the transport's included, and
  // never the tokens in play, even quoted bare (see withSecretsMasked).
  const scope = createRequestScope();
  const { serverToken } = config;
  const logger = withSecretsMasked(withRequestId(config.logger, scope), () =>
    serverToken === undefined ? scope.credentials() : [...scope.credentials(), serverToken],
  );
  const { shared } = config;
  // Redis answers no readiness question: a replica without it still serves, on its fallbacks.
  const link = shared === undefined ? undefined : createRedisLink(shared.redis, logger);
  // Names this process in the leases it holds, so an operator can tell which replica polls what.
  const replicaId = randomUUID();
  if (shared !== undefined) {
    logger.info('Sharing state with other replicas through Redis', {
      replica: replicaId,
      replicas: shared.replicas,
      keyPrefix: shared.redis.keyPrefix,
    });
  }
  const metrics = createMetrics({
    logLinesDropped: () => config.logger.droppedLines?.() ?? 0,
    redisUp: link === undefined ? undefined : () => link.up,
  });
  const readiness = createReadiness({ baseUrl: config.upstream.baseUrl, logger });
  // One keyer for the rate budgets, the cache and live polls: each request's token is keyed once,
  // and alike on every replica when they share state.
  const tokenKeyOf = createTokenKeyer(shared?.tokenHashSecret);
  const client = createUpstreamClient({
    ...config.upstream,
    logger,
    observer: metrics.upstream,
    tokenKeyOf,
    budget:
      link === undefined || shared === undefined
        ? undefined
        : createSharedRateBudget({
            link,
            settings: config.upstream.tokenBucket,
            replicas: shared.replicas,
            now: Date.now,
          }),
  });
  const persistedDocuments =
    config.persistedDocumentsPath === undefined
      ? undefined
      : loadPersistedDocuments(config.persistedDocumentsPath);
  const schema = createSchema<GatewayContext>({ typeDefs: loadTypeDefs(), resolvers });
  // Polls are stretched against the same refill rate the client's budget uses.
  const live = createLiveHub({
    intervalMs: 7_000,
    maxPerToken: 20,
    maxTotal: 1_000,
    budgetShare: 0.5,
    ...config.live,
    refillPerSecond: config.live?.refillPerSecond ?? config.upstream.tokenBucket.refillPerSecond,
    coordinator:
      link === undefined || shared === undefined
        ? undefined
        : createRedisCoordinator(link, { leaseMs: shared.leaseMs, replicaId }),
  });
  const createContext = createContextFactory({
    live,
    client,
    concurrencyPerRequest: config.upstream.concurrencyPerRequest,
    operationTimeoutMs: config.limits.operationTimeoutMs,
    serverToken: config.serverToken,
    defaults: config.defaults,
    loaderObserver: metrics.loaders,
    cache: createSectionCache(config.cache, {
      observer: metrics.cache,
      tokenKeyOf,
      shared: link === undefined ? undefined : createRedisEntries(link),
    }),
    needsOf: createNeedsMemo(),
    inFlight: createInFlightLoads(metrics.inFlight),
    tokenKeyOf,
  });
  const tracing = config.tracing ?? noTracing;
  // The operation whose context is being built: the HTTP request's (on its record), or one a
  // WebSocket started, which has no request scope. Not even looked up when tracing is off.
  const socketTraces = new WeakMap<Request, OperationTrace>();
  const traceOf = (request: Request): OperationTrace | undefined =>
    tracing.enabled ? (scope.current()?.trace ?? socketTraces.get(request)) : undefined;
  const logUnexpected = createUnexpectedErrorLog(logger);
  // Yoga logs at error what it masked, the Error itself: that line keeps the stack and causes.
  const yogaLog =
    (severity: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const [first] = args;
      if (severity === 'error' && args.length === 1 && first instanceof Error) {
        logUnexpected(first);
        return;
      }
      logger[severity]('yoga', { args: args.map(String) });
    };
  const cors = createCorsPolicy(config.corsOrigins ?? []);
  const yoga = createYoga<object, GatewayContext>({
    schema,
    context: ({ request }) => createContext(contextRequestOf(request, traceOf(request))),
    plugins: [
      useCompiledExecution(),
      useGraphQLJsFieldErrors(),
      useDistinctEvents(),
      useResponseSizeLimit(config.limits.maxResponseBytes),
      useStableErrorCodes(),
      useCsrfPrevention(),
      useErrorBodies(),
      useOperationLimits(config.limits),
      useSchemaExposure({ introspection: config.introspection }),
      useNoSuggestions(),
      useUpstreamBudget(config.limits.maxUpstreamCalls),
      usePrivateResponses(),
      ...(persistedDocuments ? [usePersistedDocuments(persistedDocuments)] : []),
      useRequestId(scope),
      useRequestTelemetry({ scope, metrics, logger, tracing }),
      useOperationsEndpoints({ readiness, metrics }),
    ],
    // /health is served by useOperationsEndpoints, with a body; Yoga's own check would answer first.
    healthCheckEndpoint: YOGA_HEALTH_CHECK_DISABLED,
    graphqlEndpoint: '/graphql',
    // useOperationLimits enforces MAX_REQUEST_BYTES with our own error; Yoga's own check would
    // pipe every body through a counting stream a second time.
    maxRequestBodySize: false,
    landingPage: false,
    cors: (request) => cors(request.headers.get('origin')),
    graphiql: config.introspection ? createGraphiQLOptions(config.graphiql) : false,
    // GraphiQL's scripts and styles inlined in its page, instead of Yoga's default of loading them
    // from a CDN: the page then works on networks that cannot reach the internet.
    renderGraphiQL: renderGraphiQLOnce(),
    // isDev would copy original errors (with causes) into responses: never.
    maskedErrors: { isDev: false },
    logging: {
      debug: yogaLog('debug'),
      info: yogaLog('info'),
      warn: yogaLog('warn'),
      error: yogaLog('error'),
    },
  });
  const finishRequest = createRequestFinisher({ metrics, logger });
  const fastLane = createFastLane({
    schema,
    documents: createPreparedDocuments({
      schema,
      limits: config.limits,
      introspection: config.introspection,
    }),
    persistedDocuments,
    createContext,
    scope,
    tracing,
    finish: (record, status) => {
      metrics.lane('lean');
      finishRequest(record, status);
    },
    // As Yoga masks (isDev off) and logs what it masked.
    maskError: (error: GraphQLError) => {
      const masked = maskLikeYoga(error);
      if (masked !== error) logUnexpected(error);
      return masked;
    },
    respondWithErrors: respondLikeYoga(yoga.fetchAPI),
    cors,
    maxRequestBytes: config.limits.maxRequestBytes,
    maxUpstreamCalls: config.limits.maxUpstreamCalls,
    maxResponseBytes: config.limits.maxResponseBytes,
  });
  const sockets = createGraphQLWebSockets(yoga, {
    maxMessageBytes: config.limits.maxRequestBytes,
    maxResponseBytes: config.limits.maxResponseBytes,
    corsOrigins: config.corsOrigins ?? [],
    tracing,
    bindTrace: (request, trace) => {
      socketTraces.set(request, trace);
    },
  });
  const fallback: Fallback = (request, response, body) => {
    metrics.lane('yoga');
    if (body === undefined) void yoga(request, response);
    else void replay(yoga, request, response, body);
  };
  return {
    yoga,
    handle:
      config.leanLane === false
        ? (request, response) => {
            fallback(request, response);
          }
        : (request, response) => {
            fastLane(request, response, fallback);
          },
    upgrade: (request, socket, head) => {
      sockets.upgrade(request, socket, head);
    },
    closeSockets: (timeoutMs) => sockets.close(timeoutMs),
    beginShutdown: () => {
      readiness.beginShutdown();
      // Open subscriptions complete now, so their streams end before the server closes.
      live.close();
    },
    close: async () => {
      await Promise.all([client.close(), readiness.close(), link?.close()]);
      // Last, so that the spans of whatever closing cut short are exported too.
      await tracing.shutdown();
    },
  };
}
