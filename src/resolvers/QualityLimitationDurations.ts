import type { QualityLimitationDurationsResolvers } from '../generated/resolvers-types.js';

export const QualityLimitationDurations: QualityLimitationDurationsResolvers = {
  bandwidth: (durations) => durations.bandwidth ?? null,
  cpu: (durations) => durations.cpu ?? null,
  none: (durations) => durations.none ?? null,
  other: (durations) => durations.other ?? null,
};
