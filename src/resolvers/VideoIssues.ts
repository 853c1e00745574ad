import type { VideoIssuesResolvers } from '../generated/resolvers-types.js';

export const VideoIssues: VideoIssuesResolvers = {
  lagFraction: (issues) => issues.lag_fraction ?? null,
  noVideoFraction: (issues) => issues.no_video_fraction ?? null,
  poorResolutionFraction: (issues) => issues.poor_resolution_fraction ?? null,
  qualityLimitationFraction: (issues) => issues.quality_limitation_fraction ?? null,
  cpuQualityLimitationFraction: (issues) => issues.cpu_quality_limitation_fraction ?? null,
  bandwidthQualityLimitationFraction: (issues) =>
    issues.bandwidth_quality_limitation_fraction ?? null,
};
