import type { PcMetadataResolvers } from '../generated/resolvers-types.js';

export const PcMetadata: PcMetadataResolvers = {
  effectiveNetworkType: (connection) => connection.effective_network_type ?? null,
  reflexiveConnectivity: (connection) => connection.reflexive_connectivity ?? null,
  relayConnectivity: (connection) => connection.relay_connectivity ?? null,
  turnConnectivity: (connection) => connection.turn_connectivity ?? null,
  sdp: (connection) => connection.sdp ?? null,
  timestamp: (connection) => connection.timestamp ?? null,
};
