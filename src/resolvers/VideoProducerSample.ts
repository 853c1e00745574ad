import type { VideoProducerSampleResolvers } from '../generated/resolvers-types.js';
import { knownValue, QUALITY_LIMITATION_REASONS } from '../upstream/peer-report-schemas.js';
import type { VideoProducerSampleRecord } from '../upstream/peer-report-schemas.js';
import { sampleFields } from './media-sample-fields.js';

export const VideoProducerSample: VideoProducerSampleResolvers = {
  ...sampleFields<VideoProducerSampleRecord>(),
  frameWidth: (sample) => sample.frame_width ?? null,
  frameHeight: (sample) => sample.frame_height ?? null,
  framesPerSecond: (sample) => sample.frames_per_second ?? null,
  framesEncoded: (sample) => sample.frames_encoded ?? null,
  keyFramesEncoded: (sample) => sample.key_frames_encoded ?? null,
  firCount: (sample) => sample.fir_count ?? null,
  pliCount: (sample) => sample.pli_count ?? null,
  qualityLimitationReason: (sample) =>
    knownValue(QUALITY_LIMITATION_REASONS, sample.quality_limitation_reason),
  qualityLimitationReasonRaw: (sample) => sample.quality_limitation_reason ?? null,
  qualityLimitationDurations: (sample) => sample.quality_limitation_durations ?? null,
  qualityLimitationResolutionChanges: (sample) =>
    sample.quality_limitation_resolution_changes ?? null,
};
