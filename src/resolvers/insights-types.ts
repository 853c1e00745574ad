import type {
  CallQualityInsightsResolvers,
  QualityBucketResolvers,
  QualityIssueCountResolvers,
  QualityIssueResolvers,
  QualityOverviewResolvers,
} from '../generated/resolvers-types.js';

/*
 * The computed call-quality types (src/insights/): their records are already in the schema's
 * names, so these only hand each field over.
 */

const CallQualityInsights: CallQualityInsightsResolvers = {
  verdict: ({ verdict }) => verdict,
  audioMos: ({ audioMos }) => audioMos,
  issues: ({ issues }) => [...issues],
};

const QualityIssue: QualityIssueResolvers = {
  kind: ({ kind }) => kind,
  media: ({ media }) => media,
  direction: ({ direction }) => direction,
  value: ({ value }) => value,
  threshold: ({ threshold }) => threshold,
  description: ({ description }) => description,
};

const QualityBucket: QualityBucketResolvers = {
  from: ({ from }) => from,
  to: ({ to }) => to,
  audioMos: ({ audioMos }) => audioMos,
  packetLoss: ({ packetLoss }) => packetLoss,
  rtt: ({ rtt }) => rtt,
  videoFps: ({ videoFps }) => videoFps,
};

const QualityIssueCount: QualityIssueCountResolvers = {
  kind: ({ kind }) => kind,
  participants: ({ participants }) => participants,
};

const QualityOverview: QualityOverviewResolvers = {
  analysed: ({ analysed }) => analysed,
  unavailable: ({ unavailable }) => unavailable,
  complete: ({ complete }) => complete,
  good: ({ good }) => good,
  fair: ({ fair }) => fair,
  poor: ({ poor }) => poor,
  unknown: ({ unknown }) => unknown,
  worst: ({ worst }) => [...worst],
  commonIssues: ({ commonIssues }) => [...commonIssues],
};

export const insightsTypeResolvers = {
  CallQualityInsights,
  QualityIssue,
  QualityBucket,
  QualityIssueCount,
  QualityOverview,
};
