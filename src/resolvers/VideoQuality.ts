import type { VideoQualityResolvers } from '../generated/resolvers-types.js';

export const VideoQuality: VideoQualityResolvers = {
  producer: (media) => media.producer?.get() ?? null,
  producerCumulative: (media) => media.producerCumulative ?? null,
  consumer: (media) => media.consumer?.get() ?? null,
  consumerCumulative: (media) => media.consumerCumulative ?? null,
};
