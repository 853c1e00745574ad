/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Whether an issue is on what the participant sent or what it received. */
export type MediaDirection =
  /** The streams it received (consumer cumulatives). */
  | 'RECEIVING'
  /** The participant's own streams (producer cumulatives). */
  | 'SENDING';

/** What went wrong in a call, each with its threshold (see QualityIssue). */
export type QualityIssueKind =
  /** A video producer's `issues.bandwidth_quality_limitation_fraction` is 0.2 or more: the encoder was held back by bandwidth a fifth of the time. */
  | 'BANDWIDTH_LIMITED'
  /** A video producer's `issues.cpu_quality_limitation_fraction` is 0.2 or more: the encoder was held back by CPU a fifth of the time. */
  | 'CPU_LIMITED'
  /** A cumulative's `rtt.250ms_or_greater_event_fraction` is 0.1 or more: 10% of the intervals had a round trip of 250 ms or more. */
  | 'HIGH_LATENCY'
  /** A cumulative's `packet_loss.5_or_greater_event_fraction` is 0.1 or more: 10% of the intervals lost 5% of packets or more. */
  | 'HIGH_PACKET_LOSS'
  /** A video cumulative's `issues.poor_resolution_fraction` is 0.2 or more. */
  | 'POOR_RESOLUTION'
  /** A `pc_metadata` entry shows `relay_connectivity` true and `reflexive_connectivity` false: media could only go through a TURN relay. */
  | 'RELAY_ONLY'
  /** A video consumer's `issues.lag_fraction` is 0.1 or more. */
  | 'VIDEO_LAG';

/** The media an issue is about. */
export type QualityMedia =
  /** Microphone audio. */
  | 'AUDIO'
  /** The connection itself (RELAY_ONLY). */
  | 'NETWORK'
  /** Screen share, audio or video. */
  | 'SCREENSHARE'
  /** Camera video. */
  | 'VIDEO';

/**
 * A verdict on one participant's call, from its peer report's audio MOS and issues. The bands are
 * ITU-T G.107's E-model (MOS from the R factor): below 3.1 "many users dissatisfied", from 4.0 up
 * "satisfied".
 */
export type QualityVerdict =
  /** The lowest audio MOS average is from 3.1 to below 4.0, or it is higher but an issue was found. */
  | 'FAIR'
  /** The lowest audio MOS average is 4.0 or more and no issue was found. */
  | 'GOOD'
  /** The lowest audio MOS average is below 3.1 (ITU-T G.107: many users dissatisfied). */
  | 'POOR'
  /** No audio MOS average is present (no audio was sent or received, or the report has no quality). */
  | 'UNKNOWN';

/** Whether a session is running. */
export type SessionStatus =
  /** The session has ended. */
  | 'ENDED'
  /** The session is running. */
  | 'LIVE';

export type DashboardSessionsQueryVariables = Exact<{
  perPage: number;
}>;


export type DashboardSessionsQuery = { sessions: { paging: { totalCount: number | null }, items: Array<{ id: string, meetingDisplayName: string | null, status: SessionStatus | null, startedAt: string | null, liveParticipants: number | null, maxConcurrentParticipants: number | null }> } | null };

export type SessionOverviewQueryVariables = Exact<{
  sessionId: string | number;
}>;


export type SessionOverviewQuery = { session: { id: string, meetingDisplayName: string | null, status: SessionStatus | null, startedAt: string | null, endedAt: string | null, liveParticipants: number | null, maxConcurrentParticipants: number | null, minutesConsumed: number | null, qualityOverview: { analysed: number, unavailable: number, complete: boolean, good: number, fair: number, poor: number, unknown: number, worst: Array<{ id: string, displayName: string | null, insights: { audioMos: number | null, verdict: QualityVerdict } | null }>, commonIssues: Array<{ kind: QualityIssueKind, participants: number }> } } | null };

export type SessionParticipantsQueryVariables = Exact<{
  sessionId: string | number;
  perPage: number;
}>;


export type SessionParticipantsQuery = { session: { id: string, participants: { paging: { totalCount: number | null }, items: Array<{ id: string, displayName: string | null, presetName: string | null, joinedAt: string | null, leftAt: string | null, duration: number | null, insights: { verdict: QualityVerdict, audioMos: number | null, issues: Array<{ kind: QualityIssueKind, media: QualityMedia, direction: MediaDirection | null, description: string }> } | null, peerReport: { qualityTimeline: Array<{ from: string, audioMos: number | null, packetLoss: number | null }> } | null }> } | null } | null };

export type SessionLiveSubscriptionVariables = Exact<{
  sessionId: string | number;
}>;


export type SessionLiveSubscription = { sessionUpdates: { id: string, status: SessionStatus | null, endedAt: string | null, liveParticipants: number | null, maxConcurrentParticipants: number | null, minutesConsumed: number | null } };


export const DashboardSessionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardSessions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"perPage"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"perPage"},"value":{"kind":"Variable","name":{"kind":"Name","value":"perPage"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"paging"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"meetingDisplayName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"liveParticipants"}},{"kind":"Field","name":{"kind":"Name","value":"maxConcurrentParticipants"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardSessionsQuery, DashboardSessionsQueryVariables>;
export const SessionOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SessionOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"meetingDisplayName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"liveParticipants"}},{"kind":"Field","name":{"kind":"Name","value":"maxConcurrentParticipants"}},{"kind":"Field","name":{"kind":"Name","value":"minutesConsumed"}},{"kind":"Field","name":{"kind":"Name","value":"qualityOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analysed"}},{"kind":"Field","name":{"kind":"Name","value":"unavailable"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"good"}},{"kind":"Field","name":{"kind":"Name","value":"fair"}},{"kind":"Field","name":{"kind":"Name","value":"poor"}},{"kind":"Field","name":{"kind":"Name","value":"unknown"}},{"kind":"Field","name":{"kind":"Name","value":"worst"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"insights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"audioMos"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"commonIssues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"participants"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SessionOverviewQuery, SessionOverviewQueryVariables>;
export const SessionParticipantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SessionParticipants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"perPage"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"perPage"},"value":{"kind":"Variable","name":{"kind":"Name","value":"perPage"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"paging"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"presetName"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"leftAt"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"insights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"audioMos"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"media"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"peerReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qualityTimeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"bucketSeconds"},"value":{"kind":"IntValue","value":"30"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"audioMos"}},{"kind":"Field","name":{"kind":"Name","value":"packetLoss"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SessionParticipantsQuery, SessionParticipantsQueryVariables>;
export const SessionLiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SessionLive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionUpdates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"liveParticipants"}},{"kind":"Field","name":{"kind":"Name","value":"maxConcurrentParticipants"}},{"kind":"Field","name":{"kind":"Name","value":"minutesConsumed"}}]}}]}}]} as unknown as DocumentNode<SessionLiveSubscription, SessionLiveSubscriptionVariables>;