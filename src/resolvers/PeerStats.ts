import type { PeerStatsResolvers } from '../generated/resolvers-types.js';

export const PeerStats: PeerStatsResolvers = {
  config: (stats) => stats.config ?? null,
  status: (stats) => stats.status ?? null,
  deviceInfo: (stats) => stats.device_info ?? null,
  events: (stats) => stats.events ?? null,
  ipInformation: (stats) => stats.ip_information ?? null,
  precallNetworkInformation: (stats) => stats.precall_network_information ?? null,
};
