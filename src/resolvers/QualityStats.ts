import type { QualityStatsResolvers } from '../generated/resolvers-types.js';

export const QualityStats: QualityStatsResolvers = {
  peerId: (stats) => stats.peer_id ?? null,
  peerIds: (stats) => stats.peer_ids ?? null,
  start: (stats) => stats.start ?? null,
  end: (stats) => stats.end ?? null,
  averageQuality: (stats) => stats.average_quality ?? null,
  audioBandwidth: (stats) => stats.audio_bandwidth ?? null,
  videoBandwidth: (stats) => stats.video_bandwidth ?? null,
  audioPacketLoss: (stats) => stats.audio_packet_loss ?? null,
  videoPacketLoss: (stats) => stats.video_packet_loss ?? null,
  totalAudioPackets: (stats) => stats.total_audio_packets ?? null,
  totalAudioPacketsLost: (stats) => stats.total_audio_packets_lost ?? null,
  totalVideoPackets: (stats) => stats.total_video_packets ?? null,
  totalVideoPacketsLost: (stats) => stats.total_video_packets_lost ?? null,
  firstAudioPacketReceived: (stats) => stats.first_audio_packet_received ?? null,
  firstVideoPacketReceived: (stats) => stats.first_video_packet_received ?? null,
  lastAudioPacketReceived: (stats) => stats.last_audio_packet_received ?? null,
  lastVideoPacketReceived: (stats) => stats.last_video_packet_received ?? null,
  audioStats: (stats) => stats.audio_stats ?? null,
  videoStats: (stats) => stats.video_stats ?? null,
};
