import type { NativeMetadataResolvers } from '../generated/resolvers-types.js';

export const NativeMetadata: NativeMetadataResolvers = {
  audioEncoder: (native) => native.audio_encoder ?? null,
  videoEncoder: (native) => native.video_encoder ?? null,
};
