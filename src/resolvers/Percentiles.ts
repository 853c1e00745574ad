import type { PercentilesResolvers } from '../generated/resolvers-types.js';

export const Percentiles: PercentilesResolvers = {
  avg: (values) => values.avg ?? null,
  p50: (values) => values.p50 ?? null,
  p75: (values) => values.p75 ?? null,
  p90: (values) => values.p90 ?? null,
};
