import type { VideoProducerSampleResolvers } from '../generated/resolvers-types.js';

export const VideoProducerSample: VideoProducerSampleResolvers = {
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
  frameWidth: (sample) => sample.frame_width ?? null,
  frameHeight: (sample) => sample.frame_height ?? null,
  framesPerSecond: (sample) => sample.frames_per_second ?? null,
  framesEncoded: (sample) => sample.frames_encoded ?? null,
  keyFramesEncoded: (sample) => sample.key_frames_encoded ?? null,
  firCount: (sample) => sample.fir_count ?? null,
  pliCount: (sample) => sample.pli_count ?? null,
  qualityLimitationReason: (sample) => sample.quality_limitation_reason ?? null,
  qualityLimitationReasonRaw: (sample) => sample.quality_limitation_reason_raw ?? null,
  qualityLimitationDurations: (sample) => sample.quality_limitation_durations ?? null,
  qualityLimitationResolutionChanges: (sample) =>
    sample.quality_limitation_resolution_changes ?? null,
};
