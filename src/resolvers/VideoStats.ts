import type { VideoStatsResolvers } from '../generated/resolvers-types.js';

export const VideoStats: VideoStatsResolvers = {
  timestamp: (sample) => sample.timestamp ?? null,
  frameWidth: (sample) => sample.frame_width ?? null,
  frameHeight: (sample) => sample.frame_height ?? null,
  framesDropped: (sample) => sample.frames_dropped ?? null,
  framesPerSecond: (sample) => sample.frames_per_second ?? null,
  packetsLost: (sample) => sample.packets_lost ?? null,
  jitter: (sample) => sample.jitter ?? null,
  quality: (sample) => sample.quality ?? null,
};
