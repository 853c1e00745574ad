import { createTransport } from './transport.js';
import type { CallContext, Query, Sized, TransportOptions } from './transport.js';
import {
  readParticipantDetails,
  readParticipantList,
  readPeerReport,
  readPeerReportWithoutSeries,
  readSession,
  readSessionList,
} from './envelopes.js';
import type { PeerReportRecord } from './peer-report-record.js';
import { ReadContext } from './wire.js';
import type { ParticipantBasicsRecord, ParticipantDetailsRecord } from './schemas.js';
import type { PagingRecord, SessionRecord } from './session-schemas.js';

export type UpstreamClientOptions = TransportOptions;
export type { CallContext, Query, Sized };

/** The account and app a RealtimeKit resource lives under. */
export interface AppScope {
  readonly accountId: string;
  readonly appId: string;
}

export interface SessionKey extends AppScope {
  readonly sessionId: string;
}

export interface ParticipantKey extends SessionKey {
  readonly participantId: string;
}

export interface PeerKey extends AppScope {
  readonly peerId: string;
}

export interface Page<Item> {
  readonly items: readonly Item[];
  readonly paging: PagingRecord | null;
}

/** One method per RealtimeKit endpoint (contract section 2); `query` carries its parameters. */
export interface UpstreamClient {
  listSessions(scope: AppScope, query: Query, call: CallContext): Promise<Page<SessionRecord>>;
  /** Single resources come with their body size, so that a cache can bound its bytes. */
  getSession(key: SessionKey, query: Query, call: CallContext): Promise<Sized<SessionRecord>>;
  listSessionParticipants(
    key: SessionKey,
    query: Query,
    call: CallContext,
  ): Promise<Page<ParticipantBasicsRecord>>;
  getParticipantDetails(
    key: ParticipantKey,
    query: Query,
    call: CallContext,
  ): Promise<Sized<ParticipantDetailsRecord>>;
  /** `series: false` drops the report's quality sample series unread (readPeerReportWithoutSeries). */
  getPeerReport(
    key: PeerKey,
    query: Query,
    call: CallContext,
    options?: { readonly series: boolean },
  ): Promise<Sized<PeerReportRecord>>;
  close(): Promise<void>;
}

/** Drift in a body read again was counted when it was first read. */
const quietly = () => new ReadContext(() => undefined);

/**
 * The endpoints' readers, for a body a cache kept (see CachedResource.shared): the value is then
 * the very one the call gave, wrong leaves and all.
 */
export const rereadBody = {
  session: (body: string) => readSession(JSON.parse(body), quietly()),
  participantDetails: (body: string) => readParticipantDetails(JSON.parse(body), quietly()),
  peerReport: (body: string, options: { readonly series: boolean }) =>
    (options.series ? readPeerReport : readPeerReportWithoutSeries)(JSON.parse(body), quietly()),
};

function appPath({ accountId, appId }: AppScope): string {
  return `/accounts/${encodeURIComponent(accountId)}/realtime/kit/${encodeURIComponent(appId)}`;
}

/**
 * RealtimeKit's endpoints as typed methods. HTTP, retries, budgets and validation live in the
 * transport; this module only knows paths and which schema each answer must match.
 */
export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const transport = createTransport(options);
  const getJson = transport.getJson.bind(transport);
  const segment = encodeURIComponent;
  const sessionPath = (key: SessionKey) => `${appPath(key)}/sessions/${segment(key.sessionId)}`;

  return {
    async listSessions(scope, query, call) {
      const path = `${appPath(scope)}/sessions`;
      return (await getJson(path, query, readSessionList, call)).value;
    },
    getSession(key, query, call) {
      return getJson(sessionPath(key), query, readSession, call);
    },
    async listSessionParticipants(key, query, call) {
      const path = `${sessionPath(key)}/participants`;
      return (await getJson(path, query, readParticipantList, call)).value;
    },
    getParticipantDetails(key, query, call) {
      const path = `${sessionPath(key)}/participants/${segment(key.participantId)}`;
      return getJson(path, query, readParticipantDetails, call);
    },
    getPeerReport(key, query, call, options = { series: true }) {
      const path = `${appPath(key)}/sessions/peer-report/${segment(key.peerId)}`;
      return getJson(
        path,
        query,
        options.series ? readPeerReport : readPeerReportWithoutSeries,
        call,
      );
    },
    close: () => transport.close(),
  };
}
