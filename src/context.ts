import { cacheModeFor } from './cache/section-cache.js';
import type { SectionCache } from './cache/section-cache.js';
import { credentialsFor } from './credentials.js';
import type { Credentials, ScopeDefaults } from './credentials.js';
import { createLoaders } from './loaders/index.js';
import type { Loaders } from './loaders/index.js';
import type { GraphQLResolveInfo } from 'graphql';
import { needsForOperation } from './loaders/needs.js';
import type { NeedsOf, OperationNeeds } from './loaders/needs.js';
import type { InFlightLoads } from './cache/in-flight.js';
import type { LiveHub, LiveWatch } from './live/hub.js';
import type { LoaderObserver } from './observability/loader-observer.js';
import type { CallTrace, OperationTrace } from './observability/tracing.js';
import type { UpstreamClient } from './upstream/client.js';
import type { TokenKeyer } from './upstream/token-key.js';

// A type alias so that it is assignable to Yoga's Record<string, unknown> server context.
export type GatewayContext = {
  readonly credentials: Credentials;
  readonly defaults: ScopeDefaults;
  /**
   * Replaced, through freshLoaders, before each event of a subscription: each event is its own
   * read of upstream, not an answer from the first event's loaders. (Yoga copies the context's
   * properties into its own, so it is the property that changes, not a variable behind it.)
   */
  loaders: Loaders;
  /**
   * New loaders with a new operation deadline, bound to this request's token, for one event of a
   * subscription: `round` is told of each upstream call they take from the token's budget and
   * of when each load's data came from upstream.
   */
  freshLoaders(round?: LiveRound): Loaders;
  /**
   * When the data of a subscription's latest event came from upstream: the oldest of its loads
   * (epoch ms), sent as `extensions.fetchedAt` (see useDistinctEvents). One object per request,
   * so Yoga's copy of the context shares it.
   */
  readonly liveRead: { fetchedAt: number | undefined };
  /** What an operation needs from upstream, through the gateway's shared memo (see needs.ts). */
  needsOf(info: GraphQLResolveInfo): OperationNeeds;
  /** Joins a shared live poll with this request's token; undefined without a token or a hub. */
  readonly live: { join(resource: string, needs?: OperationNeeds): LiveWatch } | undefined;
  /** The operation's span, parent of its live events' (see Subscription); undefined untraced. */
  readonly trace: OperationTrace | undefined;
};

export interface ContextDependencies {
  readonly client: UpstreamClient;
  /** Upstream calls one GraphQL request may have in flight at once. */
  readonly concurrencyPerRequest: number;
  /** Total deadline of one GraphQL operation, upstream calls and retries included. */
  readonly operationTimeoutMs: number;
  readonly serverToken: string | undefined;
  readonly defaults: ScopeDefaults;
  /** Told about each request's loader batches and dedupe hits (for metrics). */
  readonly loaderObserver?: LoaderObserver;
  /** The cross-request cache; without it nothing fetched outlives its request. */
  readonly cache?: SectionCache;
  /** Shared across requests (see createNeedsMemo); without it each request works out its own. */
  readonly needsOf?: NeedsOf;
  /** Loads in flight across requests (see createInFlightLoads); without it none are shared. */
  readonly inFlight?: InFlightLoads;
  /**
   * The keyer the client's transport and the cache were given: a request's token is then keyed
   * once, for both. Without it each keys the token itself.
   */
  readonly tokenKeyOf?: TokenKeyer;
  /** The shared polls of subscriptions; without it subscriptions are refused. */
  readonly live?: LiveHub;
}

/** What one event of a subscription tells its poll and its result. */
export interface LiveRound {
  readonly onBudgetTaken: () => void;
  readonly onFetched: (atMs: number) => void;
  /** What the poll's other subscribers need (see LoaderOptions.alongside). */
  readonly alongside: () => readonly OperationNeeds[];
  /** Cached data fetched before this (epoch ms) does not answer (see LiveWatch.notBefore). */
  readonly notBefore?: number;
  /** The event's span, parent of its upstream calls' (see OperationTrace.liveEvent). */
  readonly trace?: CallTrace;
}

/** What the context is built from, whichever server received the request. */
export interface ContextRequest {
  readonly authorization: string | null;
  readonly cacheControl: string | null;
  /**
   * A signal aborted when the client goes away, or with a `TimeoutError` once `ms` have passed.
   * Asked for once, on the request's first upstream call.
   */
  signal(ms: number): AbortSignal;
  /** The operation's span, parent of everything its loaders do; undefined when not traced. */
  readonly trace?: OperationTrace;
}

/** The ContextRequest of a Fetch API request (as Yoga hands it to the context factory). */
export function contextRequestOf(request: Request, trace?: OperationTrace): ContextRequest {
  return {
    authorization: request.headers.get('authorization'),
    cacheControl: request.headers.get('cache-control'),
    signal: (ms) => AbortSignal.any([request.signal, AbortSignal.timeout(ms)]),
    trace,
  };
}

/** Builds the per-request context: credentials from this request, fresh loaders bound to them. */
export function createContextFactory(deps: ContextDependencies) {
  return (request: ContextRequest): GatewayContext => {
    const credentials = credentialsFor(request.authorization, deps.serverToken);
    // Without usable credentials resolveScope fails every root field before a loader is used.
    const authorization = 'authorization' in credentials ? credentials.authorization : '';
    const tokenKey =
      authorization === '' || deps.tokenKeyOf === undefined
        ? undefined
        : deps.tokenKeyOf(authorization);
    const loadersFor = (round?: LiveRound): Loaders => {
      const deadline = Date.now() + deps.operationTimeoutMs;
      // A subscription's events are spans of their own, under the operation's.
      const trace = round === undefined ? request.trace : round.trace;
      let signal: AbortSignal | undefined;
      return createLoaders(
        deps.client,
        {
          authorization,
          // A client that goes away, or an operation past its deadline, aborts its upstream calls.
          // Made on the first call: a request answered without one (from the cache, or refused)
          // never pays for the signals and the timer.
          get signal() {
            signal ??= request.signal(Math.max(1, deadline - Date.now()));
            return signal;
          },
          deadline,
          tokenKey,
          onBudgetTaken: round?.onBudgetTaken,
          trace,
        },
        {
          concurrency: deps.concurrencyPerRequest,
          needsOf: deps.needsOf,
          inFlight: deps.inFlight,
          onFetched: round?.onFetched,
          alongside: round?.alongside,
          observer: deps.loaderObserver,
          cache:
            authorization === ''
              ? undefined
              : deps.cache?.forToken(
                  authorization,
                  cacheModeFor(request.cacheControl),
                  tokenKey,
                  round?.notBefore,
                  trace,
                ),
        },
      );
    };
    const { live } = deps;
    return {
      credentials,
      defaults: deps.defaults,
      loaders: loadersFor(),
      freshLoaders: loadersFor,
      liveRead: { fetchedAt: undefined },
      needsOf: (info) =>
        (deps.needsOf ?? needsForOperation)(
          info.schema,
          info.operation,
          info.fragments,
          info.variableValues,
        ),
      live:
        live === undefined || tokenKey === undefined
          ? undefined
          : { join: (resource, needs) => live.join(tokenKey, resource, needs) },
      trace: request.trace,
    };
  };
}
