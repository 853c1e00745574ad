import type { AudioProducerSampleResolvers } from '../generated/resolvers-types.js';
import type { AudioProducerSampleRecord } from '../upstream/peer-report-schemas.js';
import { sampleFields } from './media-sample-fields.js';

export const AudioProducerSample: AudioProducerSampleResolvers = {
  ...sampleFields<AudioProducerSampleRecord>(),
};
