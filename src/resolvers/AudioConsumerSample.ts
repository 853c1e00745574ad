import type { AudioConsumerSampleResolvers } from '../generated/resolvers-types.js';
import type { AudioConsumerSampleRecord } from '../upstream/peer-report-schemas.js';
import { consumerSampleFields, sampleFields } from './media-sample-fields.js';

export const AudioConsumerSample: AudioConsumerSampleResolvers = {
  ...sampleFields<AudioConsumerSampleRecord>(),
  ...consumerSampleFields<AudioConsumerSampleRecord>(),
  concealmentEvents: (sample) => sample.concealment_events ?? null,
};
