import type { AudioStatsResolvers } from '../generated/resolvers-types.js';

export const AudioStats: AudioStatsResolvers = {
  timestamp: (sample) => sample.timestamp ?? null,
  concealmentEvents: (sample) => sample.concealment_events ?? null,
  packetsLost: (sample) => sample.packets_lost ?? null,
  jitter: (sample) => sample.jitter ?? null,
  quality: (sample) => sample.quality ?? null,
};
