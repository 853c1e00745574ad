import type { QualityStatsResolvers } from '../generated/resolvers-types.js';

export const QualityStats: QualityStatsResolvers = {
  peerId: (stats) => stats.peer_id ?? null,
  start: (stats) => stats.start ?? null,
  end: (stats) => stats.end ?? null,
  averageQuality: (stats) => stats.average_quality ?? null,
  audioBandwidth: (stats) => stats.audio_bandwidth ?? null,
  videoBandwidth: (stats) => stats.video_bandwidth ?? null,
  audioPacketLoss: (stats) => stats.audio_packet_loss ?? null,
  videoPacketLoss: (stats) => stats.video_packet_loss ?? null,
  audioStats: (stats) => stats.audio_stats ?? null,
  videoStats: (stats) => stats.video_stats ?? null,
};
