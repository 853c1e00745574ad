import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { PeerReportResolvers } from '../generated/resolvers-types.js';
import type { PeerReportSource } from '../loaders/index.js';
import { participantBasicFields } from './participant-basic-fields.js';

/** The full report: already at hand when loaded by id, else one call (e.g. after a link). */
async function reportOf(
  source: PeerReportSource,
  context: GatewayContext,
  info: GraphQLResolveInfo,
) {
  return source.report ?? (await context.loaders.peerReport(source.key, info));
}

export const PeerReport: PeerReportResolvers = {
  ...participantBasicFields<PeerReportSource>(),
  sessionId: ({ sessionId }) => sessionId,
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
