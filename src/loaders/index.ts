import DataLoader from 'dataloader';
import type { GraphQLResolveInfo, OperationDefinitionNode } from 'graphql';
import type {
  AppScope,
  CallContext,
  Page,
  ParticipantKey,
  PeerKey,
  Query,
  SessionKey,
  UpstreamClient,
} from '../upstream/client.js';
import type { PeerReportRecord } from '../upstream/peer-report-record.js';
import type { ParticipantBasicsRecord, ParticipantDetailsRecord } from '../upstream/schemas.js';
import type { SessionRecord } from '../upstream/session-schemas.js';
import { createLimiter } from '../upstream/limiter.js';
import { coversSections, needsForOperation, sectionNeedKey, sectionQuery } from './needs.js';
import type { OperationNeeds, SectionNeed, SessionNeed } from './needs.js';
import { createSectionedLoader } from './sectioned-loader.js';

export type * from './sources.js';

export interface LoaderOptions {
  /** Upstream calls one GraphQL request may have in flight at once. */
  readonly concurrency: number;
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

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Creates the data access of one GraphQL request. Everything here is bound to that request's
 * credentials and dropped with it, so no cache entry can serve another token. Each resource is
 * fetched with the sections the whole operation needs from its kind (see needsForOperation), so
 * every resource costs one upstream call however many times, and by however many paths, it is
 * reached.
 */
export function createLoaders(client: UpstreamClient, call: CallContext, options: LoaderOptions) {
  const limit = createLimiter(options.concurrency);

  const needsByOperation = new WeakMap<OperationDefinitionNode, OperationNeeds>();
  const needsOf = (info: GraphQLResolveInfo): OperationNeeds => {
    let needs = needsByOperation.get(info.operation);
    if (needs === undefined) {
      needs = needsForOperation(info.schema, info.operation, info.fragments, info.variableValues);
      needsByOperation.set(info.operation, needs);
    }
    return needs;
  };

  const participants = createSectionedLoader<ParticipantKey, SectionNeed, ParticipantDetailsRecord>(
    {
      resourceKey: participantKey,
      needKey: sectionNeedKey,
      covers: coversSections,
      fetch: (key, need) => client.getParticipantDetails(key, sectionQuery(need), call),
      limit,
    },
  );
  const peerReports = createSectionedLoader<PeerKey, SectionNeed, PeerReportRecord>({
    resourceKey: peerKey,
    needKey: sectionNeedKey,
    covers: coversSections,
    fetch: (key, need) => client.getPeerReport(key, sectionQuery(need), call),
    limit,
  });
  const sessions = createSectionedLoader<SessionKey, SessionNeed, SessionRecord>({
    resourceKey: sessionKey,
    needKey: (need) => (need.breakoutRooms ? 'rooms' : ''),
    covers: (have, want) => have.breakoutRooms || !want.breakoutRooms,
    fetch: (key, need) =>
      client.getSession(
        key,
        { include_breakout_rooms: need.breakoutRooms ? 'true' : undefined },
        call,
      ),
    limit,
  });
  const participantPages = new DataLoader<
    { key: SessionKey; query: Query },
    Page<ParticipantBasicsRecord>,
    string
  >(
    (requests) =>
      Promise.all(
        requests.map(({ key, query }) =>
          limit(() => client.listSessionParticipants(key, query, call)).catch(asError),
        ),
      ),
    { cacheKeyFn: ({ key, query }) => `${sessionKey(key)}?${queryKey(query)}` },
  );
  const sessionPages = new DataLoader<
    { scope: AppScope; query: Query },
    Page<SessionRecord>,
    string
  >(
    (requests) =>
      Promise.all(
        requests.map(({ scope, query }) =>
          limit(() => client.listSessions(scope, query, call)).catch(asError),
        ),
      ),
    { cacheKeyFn: ({ scope, query }) => `${scopeKey(scope)}?${queryKey(query)}` },
  );

  return {
    participantDetails: (key: ParticipantKey, info: GraphQLResolveInfo) =>
      participants.load(key, needsOf(info).participant),
    peerReport: (key: PeerKey, info: GraphQLResolveInfo) =>
      peerReports.load(key, needsOf(info).peerReport),
    session: (key: SessionKey, info: GraphQLResolveInfo) =>
      sessions.load(key, needsOf(info).session),
    sessionParticipants: (key: SessionKey, query: Query) => participantPages.load({ key, query }),
    sessions: (scope: AppScope, query: Query) => sessionPages.load({ scope, query }),
  };
}
