import type { CandidatePairsResolvers } from '../generated/resolvers-types.js';

export const CandidatePairs: CandidatePairsResolvers = {
  producingTransport: (pairs) => pairs.producing_transport ?? null,
  consumingTransport: (pairs) => pairs.consuming_transport ?? null,
};
