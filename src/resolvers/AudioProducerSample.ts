import type { AudioProducerSampleResolvers } from '../generated/resolvers-types.js';

export const AudioProducerSample: AudioProducerSampleResolvers = {
  timestamp: (sample) => sample.timestamp ?? null,
  mosQuality: (sample) => sample.mos_quality ?? null,
  packetsLost: (sample) => sample.packets_lost ?? null,
  packetsSent: (sample) => sample.packets_sent ?? null,
  bytesSent: (sample) => sample.bytes_sent ?? null,
  jitter: (sample) => sample.jitter ?? null,
  rtt: (sample) => sample.rtt ?? null,
  producerId: (sample) => sample.producer_id ?? null,
  ssrc: (sample) => sample.ssrc ?? null,
  mid: (sample) => sample.mid ?? null,
};
