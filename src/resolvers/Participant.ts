import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { ParticipantResolvers } from '../generated/resolvers-types.js';
import type { ParticipantSource } from '../loaders/index.js';
import { insightsOf } from '../insights/call-quality.js';
import { participantBasicFields } from './participant-basic-fields.js';

/** The participant's details: already at hand when the source was loaded by id, else one call. */
async function detailsOf(
  source: ParticipantSource,
  context: GatewayContext,
  info: GraphQLResolveInfo,
) {
  return source.details ?? (await context.loaders.participantDetails(source.key, info));
}

export const Participant: ParticipantResolvers = {
  ...participantBasicFields<ParticipantSource>(),
  // Participant records do not carry their session id; it is the one the participant was reached by.
  sessionId: ({ key }) => key.sessionId,
  peerStats: async (source, _args, context, info) =>
    (await detailsOf(source, context, info)).peer_stats ?? null,
  qualityStats: async (source, _args, context, info) =>
    (await detailsOf(source, context, info)).quality_stats ?? null,
  // The participant id is its peer id; the report's basic fields are the participant's own.
  peerReport: ({ key, basics }) => ({
    key: { accountId: key.accountId, appId: key.appId, peerId: key.participantId },
    sessionId: key.sessionId,
    basics,
  }),
  insights: async ({ key }, _args, context, info) =>
    insightsOf(
      await context.loaders.peerReport(
        { accountId: key.accountId, appId: key.appId, peerId: key.participantId },
        info,
      ),
    ),
};
