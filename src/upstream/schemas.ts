import {
  aliased,
  count,
  integer,
  flag,
  flagOrText,
  identity,
  json,
  listOf,
  object,
  oneOrMany,
  scalars,
  shape,
  text,
  textOrNumber,
  timestamp,
} from './wire.js';
import type { RecordOf } from './wire.js';

/*
 * The records of participant details (contract section 3, version A; version D sends the basic
 * fields only), read by the wire reader (see wire.ts). Every leaf is optional, because RealtimeKit's
 * spec changed four times in 2026 and a field a version leaves out must read as null; a leaf of the
 * wrong type reads as a MalformedLeaf that costs its own field only. Keys are upstream's, so that
 * resolvers only rename; drift in spelling is absorbed here, once (`aliased`).
 */

/** An autonomous system an IP address belongs to (peer reports, and Dyte-era participant stats). */
export const AsnRecord = shape({
  asn: textOrNumber,
  domain: text,
  name: text,
  route: text,
  type: text,
});
export type AsnRecord = RecordOf<typeof AsnRecord>;

export const DeviceInfoRecord = shape({
  browser: text,
  browser_version: text,
  cpus: integer,
  engine: text,
  is_mobile: flag,
  memory: count,
  os: text,
  os_version: text,
  sdk_name: text,
  sdk_version: text,
  user_agent: text,
  // A string in the published participant-details example; a boolean in peer reports. Kept as sent.
  webgl_support: flagOrText,
});
export type DeviceInfoRecord = RecordOf<typeof DeviceInfoRecord>;

export const PeerStatsEventRecord = shape({
  type: text,
  timestamp,
  // Dyte-era payloads attach event details (`call_join` carries the peer's metadata).
  metadata: json,
});
export type PeerStatsEventRecord = RecordOf<typeof PeerStatsEventRecord>;

export const IpInformationRecord = shape({
  asn: object(AsnRecord),
  city: text,
  country: text,
  ip_location: text,
  ipv4: text,
  org: text,
  portal: text,
  region: text,
  timezone: text,
});
export type IpInformationRecord = RecordOf<typeof IpInformationRecord>;

export const PrecallNetworkInformationRecord = shape({
  backend_rtt: count,
  effective_networktype: text,
  fractional_loss: count,
  jitter: count,
  reflexive_connectivity: flag,
  relay_connectivity: flag,
  rtt: count,
  // The published spec spells it `throughtput`; real payloads use `throughput`. Both are read.
  throughput: aliased(['throughput', 'throughtput'], count),
  turn_connectivity: flag,
});
export type PrecallNetworkInformationRecord = RecordOf<typeof PrecallNetworkInformationRecord>;

export const PeerStatsRecord = shape({
  config: text,
  status: text,
  device_info: object(DeviceInfoRecord),
  events: listOf(PeerStatsEventRecord),
  ip_information: object(IpInformationRecord),
  precall_network_information: object(PrecallNetworkInformationRecord),
});
export type PeerStatsRecord = RecordOf<typeof PeerStatsRecord>;

export const AudioStatsRecord = shape({
  timestamp,
  concealment_events: integer,
  packets_lost: integer,
  jitter: count,
  quality: count,
});
export type AudioStatsRecord = RecordOf<typeof AudioStatsRecord>;

export const VideoStatsRecord = shape({
  timestamp,
  frame_width: integer,
  frame_height: integer,
  frames_dropped: integer,
  frames_per_second: count,
  packets_lost: integer,
  jitter: count,
  quality: count,
});
export type VideoStatsRecord = RecordOf<typeof VideoStatsRecord>;

export const QualityStatsRecord = shape({
  peer_id: text,
  // The Dyte v2 form (one object for the whole call) names its peers and counts packets instead.
  peer_ids: scalars(text),
  start: timestamp,
  end: timestamp,
  average_quality: count,
  audio_bandwidth: count,
  video_bandwidth: count,
  audio_packet_loss: count,
  video_packet_loss: count,
  total_audio_packets: count,
  total_audio_packets_lost: count,
  total_video_packets: count,
  total_video_packets_lost: count,
  first_audio_packet_received: timestamp,
  first_video_packet_received: timestamp,
  last_audio_packet_received: timestamp,
  last_video_packet_received: timestamp,
  audio_stats: listOf(AudioStatsRecord),
  video_stats: listOf(VideoStatsRecord),
});
export type QualityStatsRecord = RecordOf<typeof QualityStatsRecord>;

/** The basic fields every participant shape carries (the session participants list item). */
export const participantBasics = {
  id: identity,
  user_id: text,
  custom_participant_id: text,
  display_name: text,
  // Versions C and D of the peer report renamed `preset_name` to `role`.
  preset_name: aliased(['preset_name', 'role'], text),
  joined_at: timestamp,
  left_at: timestamp,
  duration: count,
  created_at: timestamp,
  updated_at: timestamp,
};

export const ParticipantBasicsRecord = shape(participantBasics);
export type ParticipantBasicsRecord = RecordOf<typeof ParticipantBasicsRecord>;

/** Participant details: version A carries `peer_stats` and `quality_stats`; version D does not. */
export const ParticipantDetailsRecord = shape({
  ...participantBasics,
  peer_stats: object(PeerStatsRecord),
  // Some versions send one quality summary as an object instead of a list of them.
  quality_stats: oneOrMany(QualityStatsRecord),
});
export type ParticipantDetailsRecord = RecordOf<typeof ParticipantDetailsRecord>;
