import type { PeerReportEventResolvers } from '../generated/resolvers-types.js';

export const PeerReportEvent: PeerReportEventResolvers = {
  name: (event) => event.name ?? null,
  timestamp: (event) => event.timestamp ?? null,
  metadata: (event) => event.metadata ?? null,
};
