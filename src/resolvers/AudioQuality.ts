import type { AudioQualityResolvers } from '../generated/resolvers-types.js';

export const AudioQuality: AudioQualityResolvers = {
  producer: (media) => media.producer?.get() ?? null,
  producerCumulative: (media) => media.producerCumulative ?? null,
  consumer: (media) => media.consumer?.get() ?? null,
  consumerCumulative: (media) => media.consumerCumulative ?? null,
};
