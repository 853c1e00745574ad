import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { PeerReportResolvers } from '../generated/resolvers-types.js';
import type { PeerReportSource } from '../loaders/index.js';
import { MalformedLeaf } from '../upstream/errors.js';
import type { PeerReportRecord } from '../upstream/peer-report-record.js';
import { insightsOf, timelineOf } from '../insights/call-quality.js';
import { participantBasicFields } from './participant-basic-fields.js';

/** The full report: already at hand when loaded by id, else one call (e.g. after a link). */
async function reportOf(
  source: PeerReportSource,
  context: GatewayContext,
  info: GraphQLResolveInfo,
) {
  return source.report ?? (await context.loaders.peerReport(source.key, info));
}

/** One half of `peer_report`; both halves carry the error when `peer_report` itself is malformed. */
function partOf<Part extends 'metadata' | 'quality'>(report: PeerReportRecord, part: Part) {
  const container = report.peer_report;
  if (container instanceof MalformedLeaf) return container;
  return container?.[part] ?? null;
}

export const PeerReport: PeerReportResolvers = {
  ...participantBasicFields<PeerReportSource>(),
  sessionId: ({ sessionId }) => sessionId,
  peerEvents: async (source, _args, context, info) =>
    (await reportOf(source, context, info)).peer_events ?? null,
  peerStats: async (source, _args, context, info) =>
    (await reportOf(source, context, info)).peer_stats ?? null,
  qualityStats: async (source, _args, context, info) =>
    (await reportOf(source, context, info)).quality_stats ?? null,
  metadata: async (source, _args, context, info) =>
    partOf(await reportOf(source, context, info), 'metadata'),
  quality: async (source, _args, context, info) =>
    partOf(await reportOf(source, context, info), 'quality'),
  insights: async (source, _args, context, info) =>
    insightsOf(await reportOf(source, context, info)),
  qualityTimeline: async (source, { bucketSeconds }, context, info) =>
    timelineOf(await reportOf(source, context, info), bucketSeconds),
  // The peer id is the participant id; the participant's basic fields are the report's own.
  participant: ({ key, sessionId, basics }) =>
    typeof sessionId !== 'string'
      ? null
      : {
          key: { accountId: key.accountId, appId: key.appId, sessionId, participantId: key.peerId },
          basics,
        },
};
