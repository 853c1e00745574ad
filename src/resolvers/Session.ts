import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { SessionResolvers } from '../generated/resolvers-types.js';
import type { ParticipantSource, SessionSource } from '../loaders/index.js';
import { OVERVIEW_PAGE_SIZE, overviewArguments, overviewOf } from '../insights/overview.js';
import { MalformedLeaf } from '../upstream/errors.js';
import { pageOf, participantListQuery } from '../upstream/list-queries.js';

/** The session record: at hand when it came from a list, else one call (shared by all fields). */
async function recordOf(source: SessionSource, context: GatewayContext, info: GraphQLResolveInfo) {
  return source.record ?? (await context.loaders.session(source.key, info));
}

const STATUSES = new Set(['LIVE', 'ENDED'] as const);
const isStatus = (value: string): value is 'LIVE' | 'ENDED' =>
  (STATUSES as ReadonlySet<string>).has(value);

export const Session: SessionResolvers = {
  id: ({ key }) => key.sessionId,
  associatedId: async (source, _args, context, info) =>
    (await recordOf(source, context, info)).associated_id ?? null,
  meetingDisplayName: async (source, _args, context, info) =>
    (await recordOf(source, context, info)).meeting_display_name ?? null,
  type: async (source, _args, context, info) =>
    (await recordOf(source, context, info)).type ?? null,
  status: async (source, _args, context, info) => {
    const raw = (await recordOf(source, context, info)).status;
    if (raw instanceof MalformedLeaf) return raw;
    const status = raw?.toUpperCase();
    // An unknown status reads as null rather than failing the field.
    return status !== undefined && isStatus(status) ? status : null;
  },
  liveParticipants: async (source, _args, context, info) =>
    (await recordOf(source, context, info)).live_participants ?? null,
  maxConcurrentParticipants: async (source, _args, context, info) =>
    (await recordOf(source, context, info)).max_concurrent_participants ?? null,
  minutesConsumed: async (source, _args, context, info) =>
    (await recordOf(source, context, info)).minutes_consumed ?? null,
  organizationId: async (source, _args, context, info) =>
    (await recordOf(source, context, info)).organization_id ?? null,
  startedAt: async (source, _args, context, info) =>
    (await recordOf(source, context, info)).started_at ?? null,
  endedAt: async (source, _args, context, info) =>
    (await recordOf(source, context, info)).ended_at ?? null,
  createdAt: async (source, _args, context, info) =>
    (await recordOf(source, context, info)).created_at ?? null,
  updatedAt: async (source, _args, context, info) =>
    (await recordOf(source, context, info)).updated_at ?? null,
  breakoutRooms: async (source, _args, context, info) => {
    // A listed session lacks its rooms (they need include_breakout_rooms), so always ask the loader.
    const rooms = (await context.loaders.session(source.key, info)).breakout_rooms;
    if (rooms instanceof MalformedLeaf) return rooms;
    return (rooms ?? []).map((room) => ({
      key: { ...source.key, sessionId: room.id },
      record: room,
    }));
  },
  async qualityOverview(source, { limit, worst }, context, info) {
    overviewArguments(limit, worst);
    // Pages of the session's participants until `limit` are read or the session has no more.
    const listed: ParticipantSource[] = [];
    let total: number | undefined;
    for (let pageNo = 1; listed.length < limit; pageNo += 1) {
      const perPage = Math.min(OVERVIEW_PAGE_SIZE, limit - listed.length);
      const page = await context.loaders.sessionParticipants(
        source.key,
        participantListQuery({ pageNo, perPage }, { pageNo, perPage }),
      );
      const count = page.paging?.total_count;
      total = typeof count === 'number' ? count : total;
      listed.push(
        ...page.items
          .slice(0, limit - listed.length)
          .map((basics) => ({ key: { ...source.key, participantId: basics.id }, basics })),
      );
      if (page.items.length < perPage) break;
    }
    // A report that cannot be read is counted as unavailable, not failed: the rest still judge.
    const judged = await Promise.all(
      listed.map(async (participant) => ({
        participant,
        report: await context.loaders
          .peerReport(
            {
              accountId: source.key.accountId,
              appId: source.key.appId,
              peerId: participant.basics.id,
            },
            info,
          )
          .catch(() => undefined),
      })),
    );
    return overviewOf(judged, worst, total);
  },
  async participants(source, args, context) {
    const page = pageOf(args);
    const result = await context.loaders.sessionParticipants(
      source.key,
      participantListQuery(args, page),
    );
    return {
      ...page,
      paging: result.paging,
      items: result.items.map((basics) => ({
        key: { ...source.key, participantId: basics.id },
        basics,
      })),
    };
  },
};
