import { notFound, badRequest } from './errors.js';
import { parseFilters } from './filters.js';
import type { Json, JsonObject } from './json.js';
import {
  booleanParam,
  dateTimeParam,
  enumParam,
  pageOf,
  pageRequest,
  pathUuid,
  rangeParam,
  uuidParam,
} from './query.js';
import type { Query } from './query.js';
import { round } from './random.js';
import type {
  ParticipantRecord,
  PeerEventRecord,
  SeedData,
  SeedParticipant,
  SeedSession,
} from './seed-types.js';
import { buildPeerMetadata } from './seed-peer-metadata.js';
import { buildPeerQuality } from './seed-peer-quality.js';
import { buildParticipantStats } from './seed-stats.js';
import type { ParticipantStats } from './seed-stats.js';
import {
  listItem,
  participantDetails,
  peerEventsJson,
  peerReport,
  sessionJson,
  sessionWithRooms,
} from './shapes.js';
import type { HeavySections } from './shapes.js';
import type { VersionKnobs } from './versions.js';

/** The five endpoints as functions of (seed, version, path ids, query) → success body. */

export interface HandlerContext {
  readonly data: SeedData;
  readonly knobs: VersionKnobs;
  readonly sessions: ReadonlyMap<string, SeedSession>;
  readonly peers: ReadonlyMap<string, SeedParticipant>;
  /** Memoizes heavy sections per participant; keys include the peer id and the section. */
  readonly memo: <T>(key: string, build: () => T) => T;
}

export function indexSeed(data: SeedData): Pick<HandlerContext, 'sessions' | 'peers'> {
  const sessions = new Map(data.sessions.map((session) => [session.record.id, session]));
  const peers = new Map(
    data.sessions.flatMap((session) =>
      session.participants.map((participant) => [participant.record.id, participant] as const),
    ),
  );
  return { sessions, peers };
}

/**
 * The memo key of a participant's heavy sections: its peer id, and for a peer of a LIVE session also the instant the
 * clock observes it at (its sections change with every tick until it leaves).
 */
const memoKeyOf = (participant: SeedParticipant): string =>
  participant.live === undefined
    ? participant.record.id
    : `${participant.record.id}@${participant.live.observedMs}`;

const ok = (data: Json, extra: JsonObject = {}): JsonObject => ({ success: true, data, ...extra });

type SortOrder = 'ASC' | 'DESC';
const SORT_ORDERS: readonly SortOrder[] = ['ASC', 'DESC'];

function sortBy<T>(
  items: readonly T[],
  key: (item: T) => number,
  order: SortOrder,
  tieBreak: (item: T) => string,
): T[] {
  const sign = order === 'ASC' ? 1 : -1;
  return [...items].sort(
    (a, b) => sign * (key(a) - key(b)) || tieBreak(a).localeCompare(tieBreak(b)),
  );
}

function findSession(context: HandlerContext, rawId: string): SeedSession {
  const id = pathUuid('session_id', rawId);
  const session = context.sessions.get(id);
  if (session === undefined) throw notFound(`No session found with id ${rawId}`);
  return session;
}

export function listSessions(context: HandlerContext, query: Query): JsonObject {
  const page = pageRequest(query);
  const sortKey =
    enumParam(query, 'sort_by', ['minutesConsumed', 'createdAt'] as const) ?? 'createdAt';
  const order = enumParam(query, 'sort_order', SORT_ORDERS) ?? 'DESC';
  const startTime = dateTimeParam(query, 'start_time');
  const endTime = dateTimeParam(query, 'end_time');
  if (startTime !== undefined && endTime !== undefined && startTime > endTime) {
    throw badRequest('start_time must not be after end_time');
  }
  const participants = rangeParam(query, 'participants');
  const status = enumParam(query, 'status', ['LIVE', 'ENDED'] as const);
  const associatedId = uuidParam(query, 'associated_id');
  const search = query.search?.toLowerCase();

  // A session matches a time window when it started inside it [I: the spec does not say which instant counts].
  const matching = context.data.sessions.filter(({ record, participants: people }) => {
    const startedMs = Date.parse(record.started_at);
    return (
      (status === undefined || record.status === status) &&
      (associatedId === undefined || record.associated_id === associatedId) &&
      (startTime === undefined || startedMs >= startTime) &&
      (endTime === undefined || startedMs <= endTime) &&
      (participants === undefined ||
        (people.length >= participants[0] && people.length <= participants[1])) &&
      (search === undefined ||
        search === '' ||
        record.meeting_display_name.toLowerCase().includes(search) ||
        record.id === search ||
        record.associated_id === search)
    );
  });
  const sorted = sortBy(
    matching,
    ({ record }) =>
      sortKey === 'createdAt' ? Date.parse(record.created_at) : record.minutes_consumed,
    order,
    ({ record }) => record.id,
  );
  const { page: rows, paging } = pageOf(sorted, page);
  return ok({ sessions: rows.map(({ record }) => sessionJson(record)) }, { paging: { ...paging } });
}

export function getSession(context: HandlerContext, sessionId: string, query: Query): JsonObject {
  const includeRooms = booleanParam(query, 'include_breakout_rooms');
  return ok(sessionWithRooms(findSession(context, sessionId), includeRooms));
}

interface ParticipantRow {
  readonly row: ParticipantRecord;
  readonly events: readonly PeerEventRecord[];
}

const latest = (values: readonly string[]): string | undefined => [...values].sort().at(-1);

/**
 * `view=consolidated`: one row per user. The row keeps the first peer's id and record fields, spans the first join
 * to the last leave (null while any peer is still in), and sums the durations [I: the spec only names the view].
 */
function consolidate(participants: readonly SeedParticipant[]): ParticipantRow[] {
  const byUser = new Map<string, SeedParticipant[]>();
  for (const participant of participants) {
    const peers = byUser.get(participant.record.user_id);
    if (peers === undefined) byUser.set(participant.record.user_id, [participant]);
    else peers.push(participant);
  }
  return [...byUser.values()].flatMap((peers) => {
    const [first] = peers;
    if (first === undefined) return [];
    const stillIn = peers.some((peer) => peer.record.left_at === null);
    const row: ParticipantRecord = {
      ...first.record,
      left_at: stillIn ? null : (latest(peers.map((peer) => peer.record.left_at ?? '')) ?? null),
      duration: round(
        peers.reduce((sum, peer) => sum + peer.record.duration, 0),
        2,
      ),
      updated_at: latest(peers.map((peer) => peer.record.updated_at)) ?? first.record.updated_at,
    };
    return [{ row, events: peers.flatMap((peer) => peer.peerEvents) }];
  });
}

export function listParticipants(
  context: HandlerContext,
  sessionId: string,
  query: Query,
): JsonObject {
  const session = findSession(context, sessionId);
  const page = pageRequest(query);
  const sortKey = enumParam(query, 'sort_by', ['joinedAt', 'duration'] as const) ?? 'joinedAt';
  const order = enumParam(query, 'sort_order', SORT_ORDERS) ?? 'ASC';
  const includePeerEvents = booleanParam(query, 'include_peer_events');
  const view = enumParam(query, 'view', ['raw', 'consolidated'] as const) ?? 'raw';
  const search = query.search?.toLowerCase();

  const rows: ParticipantRow[] =
    view === 'consolidated'
      ? consolidate(session.participants)
      : session.participants.map((participant) => ({
          row: participant.record,
          events: participant.peerEvents,
        }));
  const matching = rows.filter(
    ({ row }) =>
      search === undefined ||
      search === '' ||
      row.display_name.toLowerCase().includes(search) ||
      row.custom_participant_id.toLowerCase().includes(search) ||
      row.id === search ||
      row.user_id === search,
  );
  const sorted = sortBy(
    matching,
    ({ row }) => (sortKey === 'joinedAt' ? Date.parse(row.joined_at) : row.duration),
    order,
    ({ row }) => row.id,
  );
  const { page: pageRows, paging } = pageOf(sorted, page);
  return ok({
    participants: pageRows.map(({ row, events }) =>
      includePeerEvents ? { ...listItem(row), peer_events: peerEventsJson(events) } : listItem(row),
    ),
    paging: { ...paging },
  });
}

function statsOf(
  context: HandlerContext,
  participant: SeedParticipant,
): HeavySections<ParticipantStats> {
  return {
    get: () =>
      context.memo(`${memoKeyOf(participant)}:stats`, () =>
        buildParticipantStats(context.data.seed, participant),
      ),
  };
}

export function getParticipant(
  context: HandlerContext,
  sessionId: string,
  participantId: string,
  query: Query,
): JsonObject {
  const session = findSession(context, sessionId);
  const id = pathUuid('participant_id', participantId);
  const selection = parseFilters(query.filters);
  const includePeerEvents = booleanParam(query, 'include_peer_events');
  const participant = session.participants.find((candidate) => candidate.record.id === id);
  if (participant === undefined) throw notFound(`No user found with id ${participantId}`);
  return ok({
    participant: participantDetails(
      participant,
      statsOf(context, participant),
      context.knobs,
      selection,
      includePeerEvents,
    ),
  });
}

export function getPeerReport(context: HandlerContext, peerId: string, query: Query): JsonObject {
  const id = pathUuid('peer_id', peerId);
  const selection = parseFilters(query.filters);
  const includePeerEvents = booleanParam(query, 'include_peer_events');
  const participant = context.peers.get(id);
  if (participant === undefined) throw notFound(`No peer found with id ${peerId}`);
  const { seed } = context.data;
  const key = memoKeyOf(participant);
  return ok(
    peerReport(
      participant,
      {
        metadata: {
          get: () => context.memo(`${key}:metadata`, () => buildPeerMetadata(seed, participant)),
        },
        quality: {
          get: () => context.memo(`${key}:quality`, () => buildPeerQuality(seed, participant)),
        },
      },
      context.knobs,
      selection,
      includePeerEvents,
    ),
  );
}
