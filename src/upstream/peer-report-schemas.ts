import { z } from 'zod';
import { count, flag, text, timestamp } from './schemas.js';

/*
 * Zod schemas for the nested parts of a peer report: `peer_report.metadata`, `peer_report.quality` and
 * `peer_events`. They follow `schemas.ts`: every field is nullish, because a section upstream leaves out (or a
 * later spec version drops) must read as null rather than fail the whole report; `z.object` strips unknown keys;
 * drift is normalised here so that resolvers only rename. Keys that start with a digit are kept as upstream
 * spells them; their resolvers give them readable GraphQL names.
 */

/**
 * An upstream enum value matched case-insensitively against the values the schema knows. An unknown value reads as
 * UNKNOWN (its raw spelling is kept beside it, so nothing is lost) and an absent one as null, so that a value added
 * upstream never fails the report.
 */
export function knownValue<const T extends string>(
  known: readonly T[],
  raw: string | null | undefined,
): T | 'UNKNOWN' | null {
  if (raw === null || raw === undefined) return null;
  const upper = raw.toUpperCase();
  return known.find((value) => value === upper) ?? 'UNKNOWN';
}

// ---------------------------------------------------------------------------------------------------------------
// peer_report.metadata

export const PeerDeviceInfoRecord = z.object({
  cpus: count,
  is_mobile: flag,
  os: text,
  os_version: text,
});
export type PeerDeviceInfoRecord = z.output<typeof PeerDeviceInfoRecord>;

export const BrowserMetadataRecord = z.object({
  browser: text,
  browser_version: text,
  engine: text,
  user_agent: text,
  webgl_support: flag,
});
export type BrowserMetadataRecord = z.output<typeof BrowserMetadataRecord>;

export const AsnRecord = z.object({
  // IP-intelligence sources disagree on `AS7922` versus `7922`; a bare number is kept as its decimal string.
  asn: z
    .union([z.string(), z.number()])
    .nullish()
    .transform((value) => (typeof value === 'number' ? String(value) : value)),
  domain: text,
  name: text,
  route: text,
  type: text,
});
export type AsnRecord = z.output<typeof AsnRecord>;

export const PeerIpInformationRecord = z.object({
  asn: AsnRecord.nullish(),
  city: text,
  country: text,
  ipv4: text,
  org: text,
  region: text,
  timezone: text,
});
export type PeerIpInformationRecord = z.output<typeof PeerIpInformationRecord>;

export const PeerReportEventRecord = z.object({
  name: text,
  timestamp,
  metadata: z.record(z.string(), z.json()).nullish(),
});
export type PeerReportEventRecord = z.output<typeof PeerReportEventRecord>;

export const PcMetadataRecord = z.object({
  effective_network_type: text,
  reflexive_connectivity: flag,
  relay_connectivity: flag,
  turn_connectivity: flag,
  sdp: z.array(z.string()).nullish(),
  timestamp,
});
export type PcMetadataRecord = z.output<typeof PcMetadataRecord>;

export const CandidatePairRecord = z.object({
  bytes_sent: count,
  bytes_received: count,
  packets_sent: count,
  packets_received: count,
  current_round_trip_time: count,
  total_round_trip_time: count,
  available_incoming_bitrate: count,
  available_outgoing_bitrate: count,
  local_candidate_address: text,
  local_candidate_id: text,
  local_candidate_port: count,
  local_candidate_protocol: text,
  local_candidate_type: text,
  local_candidate_url: text,
  remote_candidate_address: text,
  remote_candidate_id: text,
  remote_candidate_port: count,
  remote_candidate_protocol: text,
  remote_candidate_type: text,
  remote_candidate_url: text,
  nominated: flag,
  // Epoch milliseconds, as WebRTC's RTCIceCandidatePairStats reports them.
  last_packet_sent_timestamp: count,
  last_packet_received_timestamp: count,
});
export type CandidatePairRecord = z.output<typeof CandidatePairRecord>;

export const CandidatePairsRecord = z.object({
  producing_transport: z.array(CandidatePairRecord).nullish(),
  consuming_transport: z.array(CandidatePairRecord).nullish(),
});
export type CandidatePairsRecord = z.output<typeof CandidatePairsRecord>;

export const DeviceRecord = z.object({
  device_id: text,
  kind: text,
  label: text,
});
export type DeviceRecord = z.output<typeof DeviceRecord>;

export const DeviceUpdateRecord = z.object({
  added: z.array(DeviceRecord).nullish(),
  removed: z.array(DeviceRecord).nullish(),
  timestamp,
});
export type DeviceUpdateRecord = z.output<typeof DeviceUpdateRecord>;

export const SelectedDeviceUpdateRecord = z.object({
  device: DeviceRecord.nullish(),
  timestamp,
});
export type SelectedDeviceUpdateRecord = z.output<typeof SelectedDeviceUpdateRecord>;

export const NativeMetadataRecord = z.object({
  audio_encoder: text,
  video_encoder: text,
});
export type NativeMetadataRecord = z.output<typeof NativeMetadataRecord>;

export const PeerReportMetadataRecord = z.object({
  device_info: PeerDeviceInfoRecord.nullish(),
  browser_metadata: BrowserMetadataRecord.nullish(),
  ip_information: PeerIpInformationRecord.nullish(),
  events: z.array(PeerReportEventRecord).nullish(),
  pc_metadata: z.array(PcMetadataRecord).nullish(),
  candidate_pairs: CandidatePairsRecord.nullish(),
  audio_devices_updates: z.array(DeviceUpdateRecord).nullish(),
  video_devices_updates: z.array(DeviceUpdateRecord).nullish(),
  speaker_devices_updates: z.array(DeviceUpdateRecord).nullish(),
  selected_device_updates: z.array(SelectedDeviceUpdateRecord).nullish(),
  native_metadata: NativeMetadataRecord.nullish(),
  room_view_type: text,
  sdk_name: text,
  sdk_type: text,
  sdk_version: text,
});
export type PeerReportMetadataRecord = z.output<typeof PeerReportMetadataRecord>;

// ---------------------------------------------------------------------------------------------------------------
// peer_report.quality

/** The fields every sample carries, producer or consumer, audio or video. */
const sampleFields = {
  timestamp,
  mos_quality: count,
  packets_lost: count,
  packets_sent: count,
  bytes_sent: count,
  // Seconds, as WebRTC reports them; the cumulative blocks use milliseconds.
  jitter: count,
  rtt: count,
  producer_id: text,
  ssrc: count,
  mid: text,
};

/** What a consumer sample adds, audio or video. */
const consumerFields = {
  bytes_received: count,
  packets_received: count,
  jitter_buffer_delay: count,
  jitter_buffer_emitted_count: count,
  consumer_id: text,
  peer_id: text,
};

/** The shared part of every sample record, for resolvers that map it once. */
export type SampleRecordFields = z.output<z.ZodObject<typeof sampleFields>>;
export type ConsumerSampleRecordFields = z.output<z.ZodObject<typeof consumerFields>>;

export const AudioProducerSampleRecord = z.object(sampleFields);
export type AudioProducerSampleRecord = z.output<typeof AudioProducerSampleRecord>;

export const AudioConsumerSampleRecord = z.object({
  ...sampleFields,
  ...consumerFields,
  concealment_events: count,
});
export type AudioConsumerSampleRecord = z.output<typeof AudioConsumerSampleRecord>;

export const QualityLimitationDurationsRecord = z.object({
  bandwidth: count,
  cpu: count,
  none: count,
  other: count,
});
export type QualityLimitationDurationsRecord = z.output<typeof QualityLimitationDurationsRecord>;

export const QUALITY_LIMITATION_REASONS = ['CPU', 'BANDWIDTH', 'NONE', 'OTHER'] as const;

// The reason is mapped to the GraphQL enum by the resolver, only when it is asked for: a
// report holds hundreds of samples, and a copy of each costs more than the rest of its parsing.
export const VideoProducerSampleRecord = z.object({
  ...sampleFields,
  frame_width: count,
  frame_height: count,
  frames_per_second: count,
  frames_encoded: count,
  key_frames_encoded: count,
  fir_count: count,
  pli_count: count,
  quality_limitation_reason: text,
  quality_limitation_durations: QualityLimitationDurationsRecord.nullish(),
  quality_limitation_resolution_changes: count,
});
export type VideoProducerSampleRecord = z.output<typeof VideoProducerSampleRecord>;

export const VideoConsumerSampleRecord = z.object({
  ...sampleFields,
  ...consumerFields,
  frame_width: count,
  frame_height: count,
  frames_per_second: count,
  frames_decoded: count,
  frames_dropped: count,
  key_frames_decoded: count,
});
export type VideoConsumerSampleRecord = z.output<typeof VideoConsumerSampleRecord>;

export const PercentilesRecord = z.object({
  avg: count,
  p50: count,
  p75: count,
  p90: count,
});
export type PercentilesRecord = z.output<typeof PercentilesRecord>;

/** Loss in percent; the fractions are shares of sample intervals at or above each threshold. */
export const PacketLossCumulativeRecord = z.object({
  avg: count,
  '5_or_greater_event_fraction': count,
  '10_or_greater_event_fraction': count,
  '25_or_greater_event_fraction': count,
  '50_or_greater_event_fraction': count,
});
export type PacketLossCumulativeRecord = z.output<typeof PacketLossCumulativeRecord>;

/** Round-trip time in milliseconds; the fractions are shares of sample intervals at or above each threshold. */
export const LatencyCumulativeRecord = z.object({
  avg: count,
  '100ms_or_greater_event_fraction': count,
  '250ms_or_greater_event_fraction': count,
  '500ms_or_greater_event_fraction': count,
});
export type LatencyCumulativeRecord = z.output<typeof LatencyCumulativeRecord>;

export const VideoIssuesRecord = z.object({
  lag_fraction: count,
  no_video_fraction: count,
  poor_resolution_fraction: count,
  cpu_limitation_fraction: count,
  bandwidth_limitation_fraction: count,
});
export type VideoIssuesRecord = z.output<typeof VideoIssuesRecord>;

const commonCumulativeFields = {
  quality_mos: PercentilesRecord.nullish(),
  packet_loss: PacketLossCumulativeRecord.nullish(),
  rtt: LatencyCumulativeRecord.nullish(),
  jitter_buffer_delay: PercentilesRecord.nullish(),
};

/**
 * Producer and consumer summaries share one schema: they differ by one block each (`jitter` on the producer side,
 * `jitter_buffer_delay` on the consumer side). An absent stream's summary is `{}`, which parses to all-null fields.
 */
export const AudioCumulativeRecord = z.object({
  ...commonCumulativeFields,
  jitter: PercentilesRecord.nullish(),
});
export type AudioCumulativeRecord = z.output<typeof AudioCumulativeRecord>;

export const VideoCumulativeRecord = z.object({
  ...commonCumulativeFields,
  frame_per_second: PercentilesRecord.nullish(),
  frame_width: PercentilesRecord.nullish(),
  issues: VideoIssuesRecord.nullish(),
});
export type VideoCumulativeRecord = z.output<typeof VideoCumulativeRecord>;

export const AudioQualityRecord = z.object({
  producer: z.array(AudioProducerSampleRecord).nullish(),
  producer_cumulative: AudioCumulativeRecord.nullish(),
  consumer: z.array(AudioConsumerSampleRecord).nullish(),
  consumer_cumulative: AudioCumulativeRecord.nullish(),
});
export type AudioQualityRecord = z.output<typeof AudioQualityRecord>;

export const VideoQualityRecord = z.object({
  producer: z.array(VideoProducerSampleRecord).nullish(),
  producer_cumulative: VideoCumulativeRecord.nullish(),
  consumer: z.array(VideoConsumerSampleRecord).nullish(),
  consumer_cumulative: VideoCumulativeRecord.nullish(),
});
export type VideoQualityRecord = z.output<typeof VideoQualityRecord>;

export const PeerReportQualityRecord = z.object({
  audio: AudioQualityRecord.nullish(),
  video: VideoQualityRecord.nullish(),
  screenshare_audio: AudioQualityRecord.nullish(),
  screenshare_video: VideoQualityRecord.nullish(),
});
export type PeerReportQualityRecord = z.output<typeof PeerReportQualityRecord>;

// ---------------------------------------------------------------------------------------------------------------
// peer_events

const PEER_EVENT_NAMES = ['PEER_CREATED', 'PEER_JOINING', 'PEER_LEAVING'] as const;
const PRESET_VIEW_TYPES = ['GROUP_CALL', 'WEBINAR', 'AUDIO_ROOM', 'LIVESTREAM', 'CHAT'] as const;

export const PeerEventRecord = z
  .object({
    id: text,
    created_at: timestamp,
    updated_at: timestamp,
    event_name: text,
    minutes_consumed: count,
    participant_id: text,
    peer_id: text,
    preset_view_type: text,
    session_id: text,
    socket_session_id: text,
  })
  .transform(({ event_name: eventName, preset_view_type: viewType, ...rest }) => ({
    ...rest,
    event_name: knownValue(PEER_EVENT_NAMES, eventName),
    event_name_raw: eventName ?? null,
    preset_view_type: knownValue(PRESET_VIEW_TYPES, viewType),
    preset_view_type_raw: viewType ?? null,
  }));
export type PeerEventRecord = z.output<typeof PeerEventRecord>;
