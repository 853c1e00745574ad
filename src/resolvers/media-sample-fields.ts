import type {
  ConsumerSampleRecordFields,
  SampleRecordFields,
} from '../upstream/peer-report-schemas.js';

/** Resolvers of the fields every quality sample has, producer or consumer, audio or video. */
export function sampleFields<Sample extends SampleRecordFields>() {
  return {
    timestamp: (sample: Sample) => sample.timestamp ?? null,
    mosQuality: (sample: Sample) => sample.mos_quality ?? null,
    packetsLost: (sample: Sample) => sample.packets_lost ?? null,
    packetsSent: (sample: Sample) => sample.packets_sent ?? null,
    bytesSent: (sample: Sample) => sample.bytes_sent ?? null,
    jitter: (sample: Sample) => sample.jitter ?? null,
    rtt: (sample: Sample) => sample.rtt ?? null,
    producerId: (sample: Sample) => sample.producer_id ?? null,
    ssrc: (sample: Sample) => sample.ssrc ?? null,
    mid: (sample: Sample) => sample.mid ?? null,
  };
}

/** Resolvers of the fields a consumer sample adds, audio or video. */
export function consumerSampleFields<Sample extends ConsumerSampleRecordFields>() {
  return {
    bytesReceived: (sample: Sample) => sample.bytes_received ?? null,
    packetsReceived: (sample: Sample) => sample.packets_received ?? null,
    jitterBufferDelay: (sample: Sample) => sample.jitter_buffer_delay ?? null,
    jitterBufferEmittedCount: (sample: Sample) => sample.jitter_buffer_emitted_count ?? null,
    consumerId: (sample: Sample) => sample.consumer_id ?? null,
    peerId: (sample: Sample) => sample.peer_id ?? null,
  };
}
