import type { VideoCumulativeResolvers } from '../generated/resolvers-types.js';

export const VideoCumulative: VideoCumulativeResolvers = {
  qualityMos: (summary) => summary.quality_mos ?? null,
  packetLoss: (summary) => summary.packet_loss ?? null,
  rtt: (summary) => summary.rtt ?? null,
  jitterBufferDelay: (summary) => summary.jitter_buffer_delay ?? null,
  // Upstream spells it `frame_per_second`; the GraphQL name matches the samples' `framesPerSecond`.
  framesPerSecond: (summary) => summary.frame_per_second ?? null,
  frameWidth: (summary) => summary.frame_width ?? null,
  issues: (summary) => summary.issues ?? null,
  highNegativeFeedbackFraction: (summary) => summary.high_negative_feedback_fraction ?? null,
  keyFramesEncodedFraction: (summary) => summary.key_frames_encoded_fraction ?? null,
  keyFramesDecodedFraction: (summary) => summary.key_frames_decoded_fraction ?? null,
};
