import type { DelayCumulativeResolvers } from '../generated/resolvers-types.js';

// Either form upstream sends (latency thresholds or percentiles) fills its own fields.
export const DelayCumulative: DelayCumulativeResolvers = {
  avg: (delay) => delay.avg ?? null,
  p50: (delay) => delay.p50 ?? null,
  p75: (delay) => delay.p75 ?? null,
  p90: (delay) => delay.p90 ?? null,
  oneHundredMsOrGreaterEventFraction: (delay) => delay['100ms_or_greater_event_fraction'] ?? null,
  twoHundredFiftyMsOrGreaterEventFraction: (delay) =>
    delay['250ms_or_greater_event_fraction'] ?? null,
  fiveHundredMsOrGreaterEventFraction: (delay) => delay['500ms_or_greater_event_fraction'] ?? null,
};
