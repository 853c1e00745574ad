import { z } from 'zod';

/*
 * Zod schemas for RealtimeKit payloads, validated at the boundary of the upstream client.
 * Every field other than the resource id is nullish: RealtimeKit's spec changed four times in 2026
 * and a field the upstream leaves out must come back as null, not fail the whole resource.
 * `z.object` strips unknown keys, so extra upstream fields are ignored. Shape drift that is not just
 * a missing field (a renamed key, an object where a list was) is normalised here, once, so that
 * resolvers only rename fields.
 */

export const text = z.string().nullish();
export const count = z.number().nullish();
export const flag = z.boolean().nullish();
export const timestamp = z.iso.datetime({ offset: true }).nullish();

export const DeviceInfoRecord = z.object({
  browser: text,
  browser_version: text,
  cpus: count,
  engine: text,
  is_mobile: flag,
  memory: count,
  os: text,
  os_version: text,
  sdk_name: text,
  sdk_version: text,
  user_agent: text,
  webgl_support: flag,
});
export type DeviceInfoRecord = z.output<typeof DeviceInfoRecord>;

export const PeerStatsEventRecord = z.object({
  type: text,
  timestamp,
});
export type PeerStatsEventRecord = z.output<typeof PeerStatsEventRecord>;

export const IpInformationRecord = z.object({
  city: text,
  country: text,
  ip_location: text,
  ipv4: text,
  org: text,
  portal: text,
  region: text,
  timezone: text,
});
export type IpInformationRecord = z.output<typeof IpInformationRecord>;

export const PrecallNetworkInformationRecord = z
  .object({
    backend_rtt: count,
    effective_networktype: text,
    fractional_loss: count,
    jitter: count,
    reflexive_connectivity: flag,
    relay_connectivity: flag,
    rtt: count,
    throughput: count,
    // The published spec spells it this way; real payloads use `throughput`. Accept both.
    throughtput: count,
    turn_connectivity: flag,
  })
  .transform(({ throughtput, throughput, ...rest }) => ({
    ...rest,
    throughput: throughput ?? throughtput ?? null,
  }));
export type PrecallNetworkInformationRecord = z.output<typeof PrecallNetworkInformationRecord>;

export const PeerStatsRecord = z.object({
  config: text,
  status: text,
  device_info: DeviceInfoRecord.nullish(),
  events: z.array(PeerStatsEventRecord).nullish(),
  ip_information: IpInformationRecord.nullish(),
  precall_network_information: PrecallNetworkInformationRecord.nullish(),
});
export type PeerStatsRecord = z.output<typeof PeerStatsRecord>;

export const AudioStatsRecord = z.object({
  timestamp,
  concealment_events: count,
  packets_lost: count,
  jitter: count,
  quality: count,
});
export type AudioStatsRecord = z.output<typeof AudioStatsRecord>;

export const VideoStatsRecord = z.object({
  timestamp,
  frame_width: count,
  frame_height: count,
  frames_dropped: count,
  frames_per_second: count,
  packets_lost: count,
  jitter: count,
  quality: count,
});
export type VideoStatsRecord = z.output<typeof VideoStatsRecord>;

export const QualityStatsRecord = z.object({
  peer_id: text,
  start: timestamp,
  end: timestamp,
  average_quality: count,
  audio_bandwidth: count,
  video_bandwidth: count,
  audio_packet_loss: count,
  video_packet_loss: count,
  audio_stats: z.array(AudioStatsRecord).nullish(),
  video_stats: z.array(VideoStatsRecord).nullish(),
});
export type QualityStatsRecord = z.output<typeof QualityStatsRecord>;

/** Some spec versions return one quality summary as an object instead of a list of them. */
const QualityStatsList = z
  .union([z.array(QualityStatsRecord), QualityStatsRecord])
  .transform((value) => (Array.isArray(value) ? value : [value]));

/** The basic fields every participant shape carries (the session participants list item). */
export const participantBasics = {
  id: z.string().min(1),
  user_id: text,
  custom_participant_id: text,
  display_name: text,
  preset_name: text,
  joined_at: timestamp,
  left_at: timestamp,
  duration: count,
  created_at: timestamp,
  updated_at: timestamp,
};

export const ParticipantBasicsRecord = z.object(participantBasics);
export type ParticipantBasicsRecord = z.output<typeof ParticipantBasicsRecord>;

/** Participant details: version A carries `peer_stats` and `quality_stats`; version D does not. */
export const ParticipantDetailsRecord = z.object({
  ...participantBasics,
  peer_stats: PeerStatsRecord.nullish(),
  quality_stats: QualityStatsList.nullish(),
});
export type ParticipantDetailsRecord = z.output<typeof ParticipantDetailsRecord>;

export const ParticipantDetailsEnvelope = z.object({
  success: z.literal(true),
  data: z.object({ participant: ParticipantDetailsRecord }),
});

/** The error bodies both layers of the Cloudflare API return; only the codes are read. */
export const UpstreamErrorBody = z.object({
  errors: z.array(z.object({ code: z.number() })).optional(),
  error: z.object({ code: z.union([z.number(), z.string()]) }).optional(),
});
