import type { PacketLossCumulativeResolvers } from '../generated/resolvers-types.js';

// Upstream keys start with a digit, which GraphQL names cannot: the numbers are spelled out.
export const PacketLossCumulative: PacketLossCumulativeResolvers = {
  avg: (loss) => loss.avg ?? null,
  fiveOrGreaterEventFraction: (loss) => loss['5_or_greater_event_fraction'] ?? null,
  tenOrGreaterEventFraction: (loss) => loss['10_or_greater_event_fraction'] ?? null,
  twentyFiveOrGreaterEventFraction: (loss) => loss['25_or_greater_event_fraction'] ?? null,
  fiftyOrGreaterEventFraction: (loss) => loss['50_or_greater_event_fraction'] ?? null,
};
