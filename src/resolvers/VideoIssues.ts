import type { VideoIssuesResolvers } from '../generated/resolvers-types.js';

export const VideoIssues: VideoIssuesResolvers = {
  lagFraction: (issues) => issues.lag_fraction ?? null,
  noVideoFraction: (issues) => issues.no_video_fraction ?? null,
  poorResolutionFraction: (issues) => issues.poor_resolution_fraction ?? null,
  cpuLimitationFraction: (issues) => issues.cpu_limitation_fraction ?? null,
  bandwidthLimitationFraction: (issues) => issues.bandwidth_limitation_fraction ?? null,
};
