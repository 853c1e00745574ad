import type { AudioCumulativeResolvers } from '../generated/resolvers-types.js';

export const AudioCumulative: AudioCumulativeResolvers = {
  qualityMos: (summary) => summary.quality_mos ?? null,
  packetLoss: (summary) => summary.packet_loss ?? null,
  rtt: (summary) => summary.rtt ?? null,
  jitter: (summary) => summary.jitter ?? null,
  jitterBufferDelay: (summary) => summary.jitter_buffer_delay ?? null,
};
