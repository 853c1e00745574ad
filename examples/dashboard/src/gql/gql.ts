/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query DashboardSessions($perPage: Int!) {\n    sessions(perPage: $perPage) {\n      paging {\n        totalCount\n      }\n      items {\n        id\n        meetingDisplayName\n        status\n        startedAt\n        liveParticipants\n        maxConcurrentParticipants\n      }\n    }\n  }\n": typeof types.DashboardSessionsDocument,
    "\n  query SessionOverview($sessionId: ID!) {\n    session(sessionId: $sessionId) {\n      id\n      meetingDisplayName\n      status\n      startedAt\n      endedAt\n      liveParticipants\n      maxConcurrentParticipants\n      minutesConsumed\n      qualityOverview {\n        analysed\n        unavailable\n        complete\n        good\n        fair\n        poor\n        unknown\n        worst {\n          id\n          displayName\n          insights {\n            audioMos\n            verdict\n          }\n        }\n        commonIssues {\n          kind\n          participants\n        }\n      }\n    }\n  }\n": typeof types.SessionOverviewDocument,
    "\n  query SessionParticipants($sessionId: ID!, $perPage: Int!) {\n    session(sessionId: $sessionId) {\n      id\n      participants(perPage: $perPage) {\n        paging {\n          totalCount\n        }\n        items {\n          id\n          displayName\n          presetName\n          joinedAt\n          leftAt\n          duration\n          insights {\n            verdict\n            audioMos\n            issues {\n              kind\n              media\n              direction\n              description\n            }\n          }\n          peerReport {\n            qualityTimeline(bucketSeconds: 30) {\n              from\n              audioMos\n              packetLoss\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.SessionParticipantsDocument,
    "\n  subscription SessionLive($sessionId: ID!) {\n    sessionUpdates(sessionId: $sessionId) {\n      id\n      status\n      endedAt\n      liveParticipants\n      maxConcurrentParticipants\n      minutesConsumed\n    }\n  }\n": typeof types.SessionLiveDocument,
};
const documents: Documents = {
    "\n  query DashboardSessions($perPage: Int!) {\n    sessions(perPage: $perPage) {\n      paging {\n        totalCount\n      }\n      items {\n        id\n        meetingDisplayName\n        status\n        startedAt\n        liveParticipants\n        maxConcurrentParticipants\n      }\n    }\n  }\n": types.DashboardSessionsDocument,
    "\n  query SessionOverview($sessionId: ID!) {\n    session(sessionId: $sessionId) {\n      id\n      meetingDisplayName\n      status\n      startedAt\n      endedAt\n      liveParticipants\n      maxConcurrentParticipants\n      minutesConsumed\n      qualityOverview {\n        analysed\n        unavailable\n        complete\n        good\n        fair\n        poor\n        unknown\n        worst {\n          id\n          displayName\n          insights {\n            audioMos\n            verdict\n          }\n        }\n        commonIssues {\n          kind\n          participants\n        }\n      }\n    }\n  }\n": types.SessionOverviewDocument,
    "\n  query SessionParticipants($sessionId: ID!, $perPage: Int!) {\n    session(sessionId: $sessionId) {\n      id\n      participants(perPage: $perPage) {\n        paging {\n          totalCount\n        }\n        items {\n          id\n          displayName\n          presetName\n          joinedAt\n          leftAt\n          duration\n          insights {\n            verdict\n            audioMos\n            issues {\n              kind\n              media\n              direction\n              description\n            }\n          }\n          peerReport {\n            qualityTimeline(bucketSeconds: 30) {\n              from\n              audioMos\n              packetLoss\n            }\n          }\n        }\n      }\n    }\n  }\n": types.SessionParticipantsDocument,
    "\n  subscription SessionLive($sessionId: ID!) {\n    sessionUpdates(sessionId: $sessionId) {\n      id\n      status\n      endedAt\n      liveParticipants\n      maxConcurrentParticipants\n      minutesConsumed\n    }\n  }\n": types.SessionLiveDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardSessions($perPage: Int!) {\n    sessions(perPage: $perPage) {\n      paging {\n        totalCount\n      }\n      items {\n        id\n        meetingDisplayName\n        status\n        startedAt\n        liveParticipants\n        maxConcurrentParticipants\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardSessions($perPage: Int!) {\n    sessions(perPage: $perPage) {\n      paging {\n        totalCount\n      }\n      items {\n        id\n        meetingDisplayName\n        status\n        startedAt\n        liveParticipants\n        maxConcurrentParticipants\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionOverview($sessionId: ID!) {\n    session(sessionId: $sessionId) {\n      id\n      meetingDisplayName\n      status\n      startedAt\n      endedAt\n      liveParticipants\n      maxConcurrentParticipants\n      minutesConsumed\n      qualityOverview {\n        analysed\n        unavailable\n        complete\n        good\n        fair\n        poor\n        unknown\n        worst {\n          id\n          displayName\n          insights {\n            audioMos\n            verdict\n          }\n        }\n        commonIssues {\n          kind\n          participants\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SessionOverview($sessionId: ID!) {\n    session(sessionId: $sessionId) {\n      id\n      meetingDisplayName\n      status\n      startedAt\n      endedAt\n      liveParticipants\n      maxConcurrentParticipants\n      minutesConsumed\n      qualityOverview {\n        analysed\n        unavailable\n        complete\n        good\n        fair\n        poor\n        unknown\n        worst {\n          id\n          displayName\n          insights {\n            audioMos\n            verdict\n          }\n        }\n        commonIssues {\n          kind\n          participants\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionParticipants($sessionId: ID!, $perPage: Int!) {\n    session(sessionId: $sessionId) {\n      id\n      participants(perPage: $perPage) {\n        paging {\n          totalCount\n        }\n        items {\n          id\n          displayName\n          presetName\n          joinedAt\n          leftAt\n          duration\n          insights {\n            verdict\n            audioMos\n            issues {\n              kind\n              media\n              direction\n              description\n            }\n          }\n          peerReport {\n            qualityTimeline(bucketSeconds: 30) {\n              from\n              audioMos\n              packetLoss\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SessionParticipants($sessionId: ID!, $perPage: Int!) {\n    session(sessionId: $sessionId) {\n      id\n      participants(perPage: $perPage) {\n        paging {\n          totalCount\n        }\n        items {\n          id\n          displayName\n          presetName\n          joinedAt\n          leftAt\n          duration\n          insights {\n            verdict\n            audioMos\n            issues {\n              kind\n              media\n              direction\n              description\n            }\n          }\n          peerReport {\n            qualityTimeline(bucketSeconds: 30) {\n              from\n              audioMos\n              packetLoss\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SessionLive($sessionId: ID!) {\n    sessionUpdates(sessionId: $sessionId) {\n      id\n      status\n      endedAt\n      liveParticipants\n      maxConcurrentParticipants\n      minutesConsumed\n    }\n  }\n"): (typeof documents)["\n  subscription SessionLive($sessionId: ID!) {\n    sessionUpdates(sessionId: $sessionId) {\n      id\n      status\n      endedAt\n      liveParticipants\n      maxConcurrentParticipants\n      minutesConsumed\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;