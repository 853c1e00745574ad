import type { VideoQualityResolvers } from '../generated/resolvers-types.js';

export const VideoQuality: VideoQualityResolvers = {
  producer: (media) => media.producer ?? null,
  producerCumulative: (media) => media.producer_cumulative ?? null,
  consumer: (media) => media.consumer ?? null,
  consumerCumulative: (media) => media.consumer_cumulative ?? null,
};
