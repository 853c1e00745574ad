import type { PeerReportQualityResolvers } from '../generated/resolvers-types.js';

export const PeerReportQuality: PeerReportQualityResolvers = {
  audio: (quality) => quality.audio ?? null,
  video: (quality) => quality.video ?? null,
  screenshareAudio: (quality) => quality.screenshare_audio ?? null,
  screenshareVideo: (quality) => quality.screenshare_video ?? null,
};
