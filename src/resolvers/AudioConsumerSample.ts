import type { AudioConsumerSampleResolvers } from '../generated/resolvers-types.js';

export const AudioConsumerSample: AudioConsumerSampleResolvers = {
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
  bytesReceived: (sample) => sample.bytes_received ?? null,
  packetsReceived: (sample) => sample.packets_received ?? null,
  concealmentEvents: (sample) => sample.concealment_events ?? null,
  jitterBufferDelay: (sample) => sample.jitter_buffer_delay ?? null,
  jitterBufferEmittedCount: (sample) => sample.jitter_buffer_emitted_count ?? null,
  consumerId: (sample) => sample.consumer_id ?? null,
  peerId: (sample) => sample.peer_id ?? null,
};
