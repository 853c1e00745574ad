import type { AudioQualityResolvers } from '../generated/resolvers-types.js';

export const AudioQuality: AudioQualityResolvers = {
  producer: (media) => media.producer ?? null,
  producerCumulative: (media) => media.producerCumulative ?? null,
  consumer: (media) => media.consumer ?? null,
  consumerCumulative: (media) => media.consumerCumulative ?? null,
};
