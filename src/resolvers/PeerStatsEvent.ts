import type { PeerStatsEventResolvers } from '../generated/resolvers-types.js';

export const PeerStatsEvent: PeerStatsEventResolvers = {
  type: (event) => event.type ?? null,
  timestamp: (event) => event.timestamp ?? null,
  metadata: (event) => event.metadata ?? null,
};
