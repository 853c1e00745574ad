import DataLoader from 'dataloader';
import type { CacheMap } from 'dataloader';
import type { GraphQLResolveInfo, OperationDefinitionNode } from 'graphql';
import type {
  AppScope,
  CallContext,
  Page,
  ParticipantKey,
  PeerKey,
  Query,
  SessionKey,
  Sized,
  UpstreamClient,
} from '../upstream/client.js';
import type { PeerReportRecord } from '../upstream/peer-report-record.js';
import type { ParticipantDetailsRecord } from '../upstream/schemas.js';
import type { SessionRecord } from '../upstream/session-schemas.js';
import type { InFlightLoads } from '../cache/in-flight.js';
import { noCache } from '../cache/section-cache.js';
import type { CachedResource, Lifetime, TokenScopedCache } from '../cache/section-cache.js';
import { noopLoaderObserver } from '../observability/loader-observer.js';
import type { LoaderName, LoaderObserver } from '../observability/loader-observer.js';
import { createLimiter } from '../upstream/limiter.js';
import { rereadBody } from '../upstream/client.js';
import {
  coversSections,
  decodeSectionNeed,
  encodeSectionNeed,
  needsForOperation,
  sectionNeedKey,
  sectionQuery,
  unionOfNeeds,
} from './needs.js';
import type { NeedsOf, OperationNeeds, SectionNeed, SessionNeed } from './needs.js';
import { createSectionedLoader } from './sectioned-loader.js';

export type * from './sources.js';

export interface LoaderOptions {
  /** Upstream calls one GraphQL request may have in flight at once. */
  readonly concurrency: number;
  /** Told about batch sizes and loads answered without a call (for metrics); nothing by default. */
  readonly observer?: LoaderObserver;
  /** The cross-request cache, bound to this request's token; without it nothing is kept. */
  readonly cache?: TokenScopedCache;
  /** Works out an operation's needs; a memo shared across requests saves doing it per request. */
  readonly needsOf?: NeedsOf;
  /** Loads in flight across requests, joined by identical ones; without it none are shared. */
  readonly inFlight?: InFlightLoads;
  /** Told, for each load, when its data came from upstream (epoch ms): subscriptions report it. */
  readonly onFetched?: (atMs: number) => void;
  /**
   * What other readers of the same resources need (a live poll's other subscribers): each
   * resource is then fetched with the union, so that their reads are the same call.
   */
  readonly alongside?: () => readonly OperationNeeds[];
}

export type Loaders = ReturnType<typeof createLoaders>;

const scopeKey = (scope: AppScope) => `${scope.accountId}/${scope.appId}`;
const sessionKey = (key: SessionKey) => `${scopeKey(key)}/${key.sessionId}`;
const participantKey = (key: ParticipantKey) => `${sessionKey(key)}/${key.participantId}`;
const peerKey = (key: PeerKey) => `${scopeKey(key)}/peer/${key.peerId}`;
const queryKey = (query: Query) =>
  JSON.stringify(
    Object.entries(query)
      .filter(([, value]) => value !== undefined)
      .sort(),
  );

/**
 * A peer that has left the call has final statistics; one still in it has not. A `left_at` that is
 * not a timestamp proves nothing, so such a record is kept as briefly as a live one.
 */
const peerLifetime = (record: { readonly left_at: unknown }): Lifetime =>
  typeof record.left_at === 'string' ? 'finished' : 'live';

const participantResource: CachedResource<SectionNeed, ParticipantDetailsRecord> = {
  name: 'participant',
  needKey: sectionNeedKey,
  covers: coversSections,
  lifetime: peerLifetime,
  shared: {
    encodeNeed: encodeSectionNeed,
    decodeNeed: decodeSectionNeed,
    revive: (body) => rereadBody.participantDetails(body),
  },
};
const peerReportResource: CachedResource<SectionNeed, PeerReportRecord> = {
  name: 'peer_report',
  needKey: sectionNeedKey,
  covers: coversSections,
  lifetime: peerLifetime,
  shared: {
    encodeNeed: encodeSectionNeed,
    decodeNeed: decodeSectionNeed,
    // The series were dropped unread when the need did not ask for them; so again.
    revive: (body, need) => rereadBody.peerReport(body, { series: need.series }),
  },
};
const sessionResource: CachedResource<SessionNeed, SessionRecord> = {
  name: 'session',
  needKey: (need) => (need.breakoutRooms ? 'rooms' : ''),
  covers: (have, want) => have.breakoutRooms || !want.breakoutRooms,
  lifetime: (record) => (record.status === 'ENDED' ? 'finished' : 'live'),
  shared: {
    encodeNeed: (need) => (need.breakoutRooms ? 'rooms' : ''),
    decodeNeed: (text) => ({ breakoutRooms: text === 'rooms' }),
    revive: (body) => rereadBody.session(body),
  },
};

/** Made on first use: most requests need one or two of a request's loaders, not all five. */
function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** DataLoader's per-request cache, reporting each hit: a load that costs no new call. */
function observedCache<Value>(onHit: () => void): CacheMap<string, Promise<Value>> {
  const entries = new Map<string, Promise<Value>>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value !== undefined) onHit();
      return value;
    },
    set: (key, value) => entries.set(key, value),
    delete: (key) => entries.delete(key),
    clear: () => {
      entries.clear();
    },
  };
}

/**
 * Creates the data access of one GraphQL request. Everything here is bound to that request's
 * credentials and dropped with it; only the cross-request cache outlives it, and its every key is
 * scoped to the request's token, so no cache entry can serve another token. Each resource is
 * fetched with the sections the whole operation needs from its kind (see needsForOperation), so
 * every resource costs one upstream call however many times, and by however many paths, it is
 * reached.
 */
export function createLoaders(client: UpstreamClient, call: CallContext, options: LoaderOptions) {
  const limit = createLimiter(options.concurrency);
  const cache = options.cache ?? noCache;
  const observer = options.observer ?? noopLoaderObserver;
  const observed = (name: LoaderName) => ({
    onBatch: (size: number) => {
      observer.batch(name, size);
    },
    onDedupe: () => {
      observer.dedupeHit(name);
    },
  });

  const analyse = options.needsOf ?? needsForOperation;
  const needsByOperation = new WeakMap<OperationDefinitionNode, OperationNeeds>();
  const needsOf = (info: GraphQLResolveInfo): OperationNeeds => {
    let needs = needsByOperation.get(info.operation);
    if (needs === undefined) {
      needs = analyse(info.schema, info.operation, info.fragments, info.variableValues);
      if (options.alongside !== undefined) needs = unionOfNeeds([needs, ...options.alongside()]);
      needsByOperation.set(info.operation, needs);
    }
    return needs;
  };

  /**
   * A call of this request's, or one in flight for the same token, resource and covering
   * sections, shared with the requests that started it or joined it (see createInFlightLoads).
   * Without a keyed token there is nothing safe to share by.
   */
  const shared = <Need, Value>(
    resource: CachedResource<Need, Value>,
    resourceKey: string,
    need: Need,
    get: (call: CallContext) => Promise<Sized<Value>>,
  ): Promise<Sized<Value>> => {
    const { inFlight } = options;
    if (inFlight === undefined || call.tokenKey === undefined) return get(call);
    return inFlight.join(
      `${call.tokenKey}|${resource.name}|${resourceKey}`,
      resource.name,
      need,
      resource.covers,
      call.signal,
      (signal) => get({ ...call, signal }),
      call.trace,
    );
  };

  /** A request's loader of one resource kind, fetched through the cross-request cache. */
  const sectioned = <Key, Need, Value>(
    name: LoaderName,
    resource: CachedResource<Need, Value>,
    keyOf: (key: Key) => string,
    get: (key: Key, need: Need, call: CallContext) => Promise<Sized<Value>>,
  ) =>
    lazy(() =>
      createSectionedLoader<Key, Need, Value>({
        resourceKey: keyOf,
        needKey: resource.needKey,
        covers: resource.covers,
        fetch: (key, need) =>
          cache.through(
            resource,
            keyOf(key),
            need,
            () => shared(resource, keyOf(key), need, (shareable) => get(key, need, shareable)),
            options.onFetched,
          ),
        limit,
        ...observed(name),
      }),
    );
  /** A request's loader of one list endpoint: identical pages are asked for once. */
  const pages = <Request, Item>(
    name: LoaderName,
    keyOf: (request: Request) => string,
    list: (request: Request) => Promise<Page<Item>>,
  ) =>
    lazy(
      () =>
        new DataLoader<Request, Page<Item>, string>(
          (requests) => {
            observer.batch(name, requests.length);
            return Promise.all(
              requests.map((request) =>
                limit(async () => {
                  const page = await list(request);
                  options.onFetched?.(Date.now());
                  return page;
                }).catch(asError),
              ),
            );
          },
          {
            cacheKeyFn: keyOf,
            cacheMap: observedCache(() => {
              observer.dedupeHit(name);
            }),
          },
        ),
    );

  const participants = sectioned(
    'participant',
    participantResource,
    participantKey,
    (key: ParticipantKey, need, shareable) =>
      client.getParticipantDetails(key, sectionQuery(need), shareable),
  );
  const peerReports = sectioned(
    'peer_report',
    peerReportResource,
    peerKey,
    (key: PeerKey, need, shareable) =>
      client.getPeerReport(key, sectionQuery(need), shareable, { series: need.series }),
  );
  const sessions = sectioned(
    'session',
    sessionResource,
    sessionKey,
    (key: SessionKey, need, shareable) =>
      client.getSession(
        key,
        { include_breakout_rooms: need.breakoutRooms ? 'true' : undefined },
        shareable,
      ),
  );
  const participantPages = pages(
    'participants',
    ({ key, query }: { key: SessionKey; query: Query }) => `${sessionKey(key)}?${queryKey(query)}`,
    ({ key, query }) => client.listSessionParticipants(key, query, call),
  );
  const sessionPages = pages(
    'sessions',
    ({ scope, query }: { scope: AppScope; query: Query }) =>
      `${scopeKey(scope)}?${queryKey(query)}`,
    ({ scope, query }) => client.listSessions(scope, query, call),
  );

  return {
    participantDetails: (key: ParticipantKey, info: GraphQLResolveInfo) =>
      participants().load(key, needsOf(info).participant),
    peerReport: (key: PeerKey, info: GraphQLResolveInfo) =>
      peerReports().load(key, needsOf(info).peerReport),
    session: (key: SessionKey, info: GraphQLResolveInfo) =>
      sessions().load(key, needsOf(info).session),
    sessionParticipants: (key: SessionKey, query: Query) => participantPages().load({ key, query }),
    sessions: (scope: AppScope, query: Query) => sessionPages().load({ scope, query }),
  };
}
