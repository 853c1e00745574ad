import type { PrecallNetworkInformationResolvers } from '../generated/resolvers-types.js';

export const PrecallNetworkInformation: PrecallNetworkInformationResolvers = {
  backendRtt: (precall) => precall.backend_rtt ?? null,
  effectiveNetworkType: (precall) => precall.effective_networktype ?? null,
  fractionalLoss: (precall) => precall.fractional_loss ?? null,
  jitter: (precall) => precall.jitter ?? null,
  reflexiveConnectivity: (precall) => precall.reflexive_connectivity ?? null,
  relayConnectivity: (precall) => precall.relay_connectivity ?? null,
  rtt: (precall) => precall.rtt ?? null,
  // Both upstream spellings were merged into `throughput` at the boundary.
  throughput: (precall) => precall.throughput,
  turnConnectivity: (precall) => precall.turn_connectivity ?? null,
};
