import type { VideoConsumerSampleResolvers } from '../generated/resolvers-types.js';
import type { VideoConsumerSampleRecord } from '../upstream/peer-report-schemas.js';
import { consumerSampleFields, sampleFields } from './media-sample-fields.js';

export const VideoConsumerSample: VideoConsumerSampleResolvers = {
  ...sampleFields<VideoConsumerSampleRecord>(),
  ...consumerSampleFields<VideoConsumerSampleRecord>(),
  frameWidth: (sample) => sample.frame_width ?? null,
  frameHeight: (sample) => sample.frame_height ?? null,
  framesPerSecond: (sample) => sample.frames_per_second ?? null,
  framesDecoded: (sample) => sample.frames_decoded ?? null,
  framesDropped: (sample) => sample.frames_dropped ?? null,
  keyFramesDecoded: (sample) => sample.key_frames_decoded ?? null,
  firCount: (sample) => sample.fir_count ?? null,
};
