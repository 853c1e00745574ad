import type { LatencyCumulativeResolvers } from '../generated/resolvers-types.js';

// Upstream keys start with a digit, which GraphQL names cannot: the numbers are spelled out.
export const LatencyCumulative: LatencyCumulativeResolvers = {
  avg: (latency) => latency.avg ?? null,
  oneHundredMsOrGreaterEventFraction: (latency) =>
    latency['100ms_or_greater_event_fraction'] ?? null,
  twoHundredFiftyMsOrGreaterEventFraction: (latency) =>
    latency['250ms_or_greater_event_fraction'] ?? null,
  fiveHundredMsOrGreaterEventFraction: (latency) =>
    latency['500ms_or_greater_event_fraction'] ?? null,
};
