/* eslint-disable */
import * as types from './graphql.js';
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
    "\n  query ParticipantCallQuality($sessionId: ID!, $participantId: ID!) {\n    participant(sessionId: $sessionId, participantId: $participantId) {\n      id\n      displayName\n      presetName\n      joinedAt\n      leftAt\n      duration\n      qualityStats {\n        averageQuality\n        audioPacketLoss\n        videoPacketLoss\n      }\n      peerReport {\n        quality {\n          audio {\n            producerCumulative {\n              qualityMos {\n                avg\n                p90\n              }\n              packetLoss {\n                avg\n                fiveOrGreaterEventFraction\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ParticipantCallQualityDocument,
    "\n  query SessionWorstCalls($sessionId: ID!, $perPage: Int) {\n    session(sessionId: $sessionId) {\n      participants(perPage: $perPage) {\n        paging {\n          totalCount\n        }\n        items {\n          id\n          displayName\n          peerReport {\n            quality {\n              audio {\n                producerCumulative {\n                  qualityMos {\n                    avg\n                  }\n                  packetLoss {\n                    avg\n                  }\n                  rtt {\n                    avg\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.SessionWorstCallsDocument,
    "\n  query PeerDeviceAndNetwork($peerId: ID!) {\n    peerReport(peerId: $peerId) {\n      id\n      displayName\n      metadata {\n        deviceInfo {\n          os\n          osVersion\n          isMobile\n        }\n        browserMetadata {\n          browser\n          browserVersion\n        }\n        ipInformation {\n          city\n          country\n          asn {\n            name\n          }\n        }\n        pcMetadata {\n          effectiveNetworkType\n          relayConnectivity\n          turnConnectivity\n        }\n      }\n    }\n  }\n": typeof types.PeerDeviceAndNetworkDocument,
};
const documents: Documents = {
    "\n  query ParticipantCallQuality($sessionId: ID!, $participantId: ID!) {\n    participant(sessionId: $sessionId, participantId: $participantId) {\n      id\n      displayName\n      presetName\n      joinedAt\n      leftAt\n      duration\n      qualityStats {\n        averageQuality\n        audioPacketLoss\n        videoPacketLoss\n      }\n      peerReport {\n        quality {\n          audio {\n            producerCumulative {\n              qualityMos {\n                avg\n                p90\n              }\n              packetLoss {\n                avg\n                fiveOrGreaterEventFraction\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ParticipantCallQualityDocument,
    "\n  query SessionWorstCalls($sessionId: ID!, $perPage: Int) {\n    session(sessionId: $sessionId) {\n      participants(perPage: $perPage) {\n        paging {\n          totalCount\n        }\n        items {\n          id\n          displayName\n          peerReport {\n            quality {\n              audio {\n                producerCumulative {\n                  qualityMos {\n                    avg\n                  }\n                  packetLoss {\n                    avg\n                  }\n                  rtt {\n                    avg\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.SessionWorstCallsDocument,
    "\n  query PeerDeviceAndNetwork($peerId: ID!) {\n    peerReport(peerId: $peerId) {\n      id\n      displayName\n      metadata {\n        deviceInfo {\n          os\n          osVersion\n          isMobile\n        }\n        browserMetadata {\n          browser\n          browserVersion\n        }\n        ipInformation {\n          city\n          country\n          asn {\n            name\n          }\n        }\n        pcMetadata {\n          effectiveNetworkType\n          relayConnectivity\n          turnConnectivity\n        }\n      }\n    }\n  }\n": types.PeerDeviceAndNetworkDocument,
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
export function graphql(source: "\n  query ParticipantCallQuality($sessionId: ID!, $participantId: ID!) {\n    participant(sessionId: $sessionId, participantId: $participantId) {\n      id\n      displayName\n      presetName\n      joinedAt\n      leftAt\n      duration\n      qualityStats {\n        averageQuality\n        audioPacketLoss\n        videoPacketLoss\n      }\n      peerReport {\n        quality {\n          audio {\n            producerCumulative {\n              qualityMos {\n                avg\n                p90\n              }\n              packetLoss {\n                avg\n                fiveOrGreaterEventFraction\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ParticipantCallQuality($sessionId: ID!, $participantId: ID!) {\n    participant(sessionId: $sessionId, participantId: $participantId) {\n      id\n      displayName\n      presetName\n      joinedAt\n      leftAt\n      duration\n      qualityStats {\n        averageQuality\n        audioPacketLoss\n        videoPacketLoss\n      }\n      peerReport {\n        quality {\n          audio {\n            producerCumulative {\n              qualityMos {\n                avg\n                p90\n              }\n              packetLoss {\n                avg\n                fiveOrGreaterEventFraction\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionWorstCalls($sessionId: ID!, $perPage: Int) {\n    session(sessionId: $sessionId) {\n      participants(perPage: $perPage) {\n        paging {\n          totalCount\n        }\n        items {\n          id\n          displayName\n          peerReport {\n            quality {\n              audio {\n                producerCumulative {\n                  qualityMos {\n                    avg\n                  }\n                  packetLoss {\n                    avg\n                  }\n                  rtt {\n                    avg\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SessionWorstCalls($sessionId: ID!, $perPage: Int) {\n    session(sessionId: $sessionId) {\n      participants(perPage: $perPage) {\n        paging {\n          totalCount\n        }\n        items {\n          id\n          displayName\n          peerReport {\n            quality {\n              audio {\n                producerCumulative {\n                  qualityMos {\n                    avg\n                  }\n                  packetLoss {\n                    avg\n                  }\n                  rtt {\n                    avg\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeerDeviceAndNetwork($peerId: ID!) {\n    peerReport(peerId: $peerId) {\n      id\n      displayName\n      metadata {\n        deviceInfo {\n          os\n          osVersion\n          isMobile\n        }\n        browserMetadata {\n          browser\n          browserVersion\n        }\n        ipInformation {\n          city\n          country\n          asn {\n            name\n          }\n        }\n        pcMetadata {\n          effectiveNetworkType\n          relayConnectivity\n          turnConnectivity\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PeerDeviceAndNetwork($peerId: ID!) {\n    peerReport(peerId: $peerId) {\n      id\n      displayName\n      metadata {\n        deviceInfo {\n          os\n          osVersion\n          isMobile\n        }\n        browserMetadata {\n          browser\n          browserVersion\n        }\n        ipInformation {\n          city\n          country\n          asn {\n            name\n          }\n        }\n        pcMetadata {\n          effectiveNetworkType\n          relayConnectivity\n          turnConnectivity\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;