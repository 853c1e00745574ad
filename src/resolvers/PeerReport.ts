import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { PeerReportResolvers } from '../generated/resolvers-types.js';
import type { PeerReportSource } from '../loaders/index.js';

/** The full report: already at hand when loaded by id, else one call (e.g. after a link). */
async function reportOf(
  source: PeerReportSource,
  context: GatewayContext,
  info: GraphQLResolveInfo,
) {
  return source.report ?? (await context.loaders.peerReport(source.key, info));
}

export const PeerReport: PeerReportResolvers = {
  id: ({ basics }) => basics.id,
  sessionId: ({ sessionId }) => sessionId,
  userId: ({ basics }) => basics.user_id ?? null,
  customParticipantId: ({ basics }) => basics.custom_participant_id ?? null,
  displayName: ({ basics }) => basics.display_name ?? null,
  presetName: ({ basics }) => basics.preset_name ?? null,
  joinedAt: ({ basics }) => basics.joined_at ?? null,
  leftAt: ({ basics }) => basics.left_at ?? null,
  createdAt: ({ basics }) => basics.created_at ?? null,
  updatedAt: ({ basics }) => basics.updated_at ?? null,
  duration: ({ basics }) => basics.duration ?? null,
  peerEvents: async (source, _args, context, info) =>
    (await reportOf(source, context, info)).peer_events ?? null,
  metadata: async (source, _args, context, info) =>
    (await reportOf(source, context, info)).peer_report?.metadata ?? null,
  quality: async (source, _args, context, info) =>
    (await reportOf(source, context, info)).peer_report?.quality ?? null,
  // The peer id is the participant id; the participant's basic fields are the report's own.
  participant: ({ key, sessionId, basics }) =>
    sessionId === null
      ? null
      : {
          key: { accountId: key.accountId, appId: key.appId, sessionId, participantId: key.peerId },
          basics,
        },
};
