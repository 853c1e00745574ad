import { MalformedLeaf } from './errors.js';
import {
  count,
  deferred,
  integer,
  flag,
  flagOrText,
  json,
  listOf,
  object,
  scalars,
  shape,
  text,
  timestamp,
} from './wire.js';
import type { Deferred, RecordOf, ShapeOutput } from './wire.js';
import { AsnRecord } from './schemas.js';

/*
 * The records of a peer report's nested parts: `peer_report.metadata`, `peer_report.quality` and
 * `peer_events`, read like `schemas.ts` (every leaf optional, a wrong-typed leaf costs its own field,
 * unknown keys are reported). Keys that start with a digit are kept as upstream spells them; their
 * resolvers give them readable GraphQL names.
 */

export { AsnRecord };

/**
 * An upstream enum value matched case-insensitively against the values the schema knows. An unknown value reads as
 * UNKNOWN (its raw spelling is kept beside it, so nothing is lost), an absent one as null, and a malformed one
 * stays the error it is, so that a value added upstream never fails the report.
 */
export function knownValue<const T extends string>(
  known: readonly T[],
  raw: string | null | undefined | MalformedLeaf,
): T | 'UNKNOWN' | null | MalformedLeaf {
  if (raw === null || raw === undefined || raw instanceof MalformedLeaf) return raw ?? null;
  const upper = raw.toUpperCase();
  return known.find((value) => value === upper) ?? 'UNKNOWN';
}

// ---------------------------------------------------------------------------------------------------------------
// peer_report.metadata

export const PeerDeviceInfoRecord = shape({
  cpus: integer,
  is_mobile: flag,
  os: text,
  os_version: text,
});
export type PeerDeviceInfoRecord = RecordOf<typeof PeerDeviceInfoRecord>;

export const BrowserMetadataRecord = shape({
  browser: text,
  browser_version: text,
  engine: text,
  user_agent: text,
  // A boolean or null in the current spec; participant details send a string. Either is kept as sent.
  webgl_support: flagOrText,
});
export type BrowserMetadataRecord = RecordOf<typeof BrowserMetadataRecord>;

export const PeerIpInformationRecord = shape({
  asn: object(AsnRecord),
  city: text,
  country: text,
  ipv4: text,
  org: text,
  region: text,
  timezone: text,
});
export type PeerIpInformationRecord = RecordOf<typeof PeerIpInformationRecord>;

export const PeerReportEventRecord = shape({
  name: text,
  timestamp,
  metadata: json,
});
export type PeerReportEventRecord = RecordOf<typeof PeerReportEventRecord>;

export const PcMetadataRecord = shape({
  effective_network_type: text,
  reflexive_connectivity: flag,
  relay_connectivity: flag,
  turn_connectivity: flag,
  sdp: scalars(text),
  timestamp,
});
export type PcMetadataRecord = RecordOf<typeof PcMetadataRecord>;

export const CandidatePairRecord = shape({
  bytes_sent: count,
  bytes_received: count,
  bytes_discarded_on_send: count,
  packets_sent: integer,
  packets_received: integer,
  packets_discarded_on_send: count,
  current_round_trip_time: count,
  total_round_trip_time: count,
  available_incoming_bitrate: count,
  available_outgoing_bitrate: count,
  local_candidate_address: text,
  local_candidate_id: text,
  local_candidate_network_type: text,
  local_candidate_port: integer,
  local_candidate_protocol: text,
  local_candidate_related_address: text,
  local_candidate_related_port: integer,
  local_candidate_type: text,
  local_candidate_url: text,
  remote_candidate_address: text,
  remote_candidate_id: text,
  remote_candidate_port: integer,
  remote_candidate_protocol: text,
  remote_candidate_type: text,
  remote_candidate_url: text,
  nominated: flag,
  // Epoch milliseconds, as WebRTC's RTCIceCandidatePairStats reports them.
  last_packet_sent_timestamp: count,
  last_packet_received_timestamp: count,
});
export type CandidatePairRecord = RecordOf<typeof CandidatePairRecord>;

export const CandidatePairsRecord = shape({
  producing_transport: listOf(CandidatePairRecord),
  consuming_transport: listOf(CandidatePairRecord),
});
export type CandidatePairsRecord = RecordOf<typeof CandidatePairsRecord>;

export const DeviceRecord = shape({
  device_id: text,
  kind: text,
  label: text,
});
export type DeviceRecord = RecordOf<typeof DeviceRecord>;

export const DeviceUpdateRecord = shape({
  added: listOf(DeviceRecord),
  removed: listOf(DeviceRecord),
  timestamp,
});
export type DeviceUpdateRecord = RecordOf<typeof DeviceUpdateRecord>;

export const SelectedDeviceUpdateRecord = shape({
  device: object(DeviceRecord),
  timestamp,
});
export type SelectedDeviceUpdateRecord = RecordOf<typeof SelectedDeviceUpdateRecord>;

export const NativeMetadataRecord = shape({
  audio_encoder: text,
  video_encoder: text,
});
export type NativeMetadataRecord = RecordOf<typeof NativeMetadataRecord>;

export const PeerReportMetadataRecord = shape({
  device_info: object(PeerDeviceInfoRecord),
  browser_metadata: object(BrowserMetadataRecord),
  ip_information: object(PeerIpInformationRecord),
  events: listOf(PeerReportEventRecord),
  pc_metadata: listOf(PcMetadataRecord),
  candidate_pairs: object(CandidatePairsRecord),
  audio_devices_updates: listOf(DeviceUpdateRecord),
  video_devices_updates: listOf(DeviceUpdateRecord),
  speaker_devices_updates: listOf(DeviceUpdateRecord),
  selected_device_updates: listOf(SelectedDeviceUpdateRecord),
  native_metadata: object(NativeMetadataRecord),
  room_view_type: text,
  sdk_name: text,
  sdk_type: text,
  sdk_version: text,
});
export type PeerReportMetadataRecord = RecordOf<typeof PeerReportMetadataRecord>;

// ---------------------------------------------------------------------------------------------------------------
// peer_report.quality

/** The fields every sample carries, producer or consumer, audio or video. */
const sampleFields = {
  timestamp,
  mos_quality: count,
  packets_lost: integer,
  // Seconds, as WebRTC reports them; the cumulative blocks use milliseconds.
  jitter: count,
  producer_id: text,
  ssrc: count,
  mid: text,
};

/**
 * What a producer sample adds. The contract lists these for consumers too; Cloudflare's published
 * reference does not, so consumer samples read them when sent and they are null otherwise.
 */
const producerFields = {
  packets_sent: integer,
  bytes_sent: count,
  rtt: count,
};

/** What a consumer sample adds, audio or video. */
const consumerFields = {
  ...producerFields,
  bytes_received: count,
  packets_received: integer,
  jitter_buffer_delay: count,
  jitter_buffer_emitted_count: count,
  consumer_id: text,
  peer_id: text,
};

/** The shared part of every sample record, for resolvers that map it once. */
export type SampleRecordFields = ShapeOutput<typeof sampleFields & typeof producerFields>;
export type ConsumerSampleRecordFields = ShapeOutput<typeof consumerFields>;

export const AudioProducerSampleRecord = shape({ ...sampleFields, ...producerFields });
export type AudioProducerSampleRecord = RecordOf<typeof AudioProducerSampleRecord>;

export const AudioConsumerSampleRecord = shape({
  ...sampleFields,
  ...consumerFields,
  concealment_events: integer,
});
export type AudioConsumerSampleRecord = RecordOf<typeof AudioConsumerSampleRecord>;

export const QualityLimitationDurationsRecord = shape({
  bandwidth: count,
  cpu: count,
  none: count,
  other: count,
});
export type QualityLimitationDurationsRecord = RecordOf<typeof QualityLimitationDurationsRecord>;

export const QUALITY_LIMITATION_REASONS = ['CPU', 'BANDWIDTH', 'NONE', 'OTHER'] as const;

// The reason is mapped to the GraphQL enum by the resolver, only when it is asked for: a
// report holds hundreds of samples, and a copy of each costs more than the rest of its reading.
export const VideoProducerSampleRecord = shape({
  ...sampleFields,
  ...producerFields,
  frame_width: integer,
  frame_height: integer,
  frames_per_second: count,
  frames_encoded: integer,
  key_frames_encoded: integer,
  fir_count: integer,
  pli_count: integer,
  quality_limitation_reason: text,
  quality_limitation_durations: object(QualityLimitationDurationsRecord),
  quality_limitation_resolution_changes: integer,
});
export type VideoProducerSampleRecord = RecordOf<typeof VideoProducerSampleRecord>;

export const VideoConsumerSampleRecord = shape({
  ...sampleFields,
  ...consumerFields,
  frame_width: integer,
  frame_height: integer,
  frames_per_second: count,
  frames_decoded: integer,
  frames_dropped: integer,
  key_frames_decoded: integer,
  fir_count: integer,
});
export type VideoConsumerSampleRecord = RecordOf<typeof VideoConsumerSampleRecord>;

export const PercentilesRecord = shape({
  avg: count,
  p50: count,
  p75: count,
  p90: count,
});
export type PercentilesRecord = RecordOf<typeof PercentilesRecord>;

/** Loss in percent; the fractions are shares of sample intervals at or above each threshold. */
export const PacketLossCumulativeRecord = shape({
  avg: count,
  '5_or_greater_event_fraction': count,
  '10_or_greater_event_fraction': count,
  '25_or_greater_event_fraction': count,
  '50_or_greater_event_fraction': count,
});
export type PacketLossCumulativeRecord = RecordOf<typeof PacketLossCumulativeRecord>;

const latencyFields = {
  avg: count,
  '100ms_or_greater_event_fraction': count,
  '250ms_or_greater_event_fraction': count,
  '500ms_or_greater_event_fraction': count,
};

/** Round-trip time in milliseconds; the fractions are shares of sample intervals at or above each threshold. */
export const LatencyCumulativeRecord = shape(latencyFields);
export type LatencyCumulativeRecord = RecordOf<typeof LatencyCumulativeRecord>;

/**
 * Jitter-buffer delay in milliseconds. Cloudflare's published reference sends it as a latency block
 * (thresholds at 100/250/500 ms); the contract calls it percentiles. Both sets of keys are read.
 */
export const DelayCumulativeRecord = shape({
  ...latencyFields,
  p50: count,
  p75: count,
  p90: count,
});
export type DelayCumulativeRecord = RecordOf<typeof DelayCumulativeRecord>;

/** Producer-side issues are about the encoder's limits, consumer-side ones about what was shown. */
export const VideoIssuesRecord = shape({
  lag_fraction: count,
  no_video_fraction: count,
  poor_resolution_fraction: count,
  quality_limitation_fraction: count,
  cpu_quality_limitation_fraction: count,
  bandwidth_quality_limitation_fraction: count,
});
export type VideoIssuesRecord = RecordOf<typeof VideoIssuesRecord>;

const commonCumulativeFields = {
  quality_mos: object(PercentilesRecord),
  packet_loss: object(PacketLossCumulativeRecord),
  rtt: object(LatencyCumulativeRecord),
  jitter_buffer_delay: object(DelayCumulativeRecord),
};

/**
 * Producer and consumer summaries share one record: the producer side sends `rtt`, the consumer
 * side `jitter_buffer_delay`. An absent stream's summary is `{}`, which reads as all-null fields.
 */
export const AudioCumulativeRecord = shape({
  ...commonCumulativeFields,
  // No published payload carries it; read in case a version does (see the schema's deprecation).
  jitter: object(PercentilesRecord),
});
export type AudioCumulativeRecord = RecordOf<typeof AudioCumulativeRecord>;

export const VideoCumulativeRecord = shape({
  ...commonCumulativeFields,
  frame_per_second: object(PercentilesRecord),
  frame_width: object(PercentilesRecord),
  high_negative_feedback_fraction: count,
  key_frames_encoded_fraction: count,
  key_frames_decoded_fraction: count,
  issues: object(VideoIssuesRecord),
});
export type VideoCumulativeRecord = RecordOf<typeof VideoCumulativeRecord>;

/**
 * `peer_report.quality` as the wire has it: one flat object with sixteen keys (published OpenAPI
 * `realtimekit_PeerReportQuality`, the Dyte v2 example). The schema's grouping by media and
 * direction is made by the resolvers. The sample series are read only when selected (deferred).
 */
export const PeerReportQualityRecord = shape({
  audio_producer: deferred(listOf(AudioProducerSampleRecord)),
  audio_producer_cumulative: object(AudioCumulativeRecord),
  audio_consumer: deferred(listOf(AudioConsumerSampleRecord)),
  audio_consumer_cumulative: object(AudioCumulativeRecord),
  video_producer: deferred(listOf(VideoProducerSampleRecord)),
  video_producer_cumulative: object(VideoCumulativeRecord),
  video_consumer: deferred(listOf(VideoConsumerSampleRecord)),
  video_consumer_cumulative: object(VideoCumulativeRecord),
  screenshare_audio_producer: deferred(listOf(AudioProducerSampleRecord)),
  screenshare_audio_producer_cumulative: object(AudioCumulativeRecord),
  screenshare_audio_consumer: deferred(listOf(AudioConsumerSampleRecord)),
  screenshare_audio_consumer_cumulative: object(AudioCumulativeRecord),
  screenshare_video_producer: deferred(listOf(VideoProducerSampleRecord)),
  screenshare_video_producer_cumulative: object(VideoCumulativeRecord),
  screenshare_video_consumer: deferred(listOf(VideoConsumerSampleRecord)),
  screenshare_video_consumer_cumulative: object(VideoCumulativeRecord),
});
export type PeerReportQualityRecord = RecordOf<typeof PeerReportQualityRecord>;

/** One media's four flat keys gathered, as the schema's AudioQuality and VideoQuality present them. */
export interface MediaQualitySource<Producer, Consumer, Cumulative> {
  readonly producer: Deferred<Producer[] | null | MalformedLeaf> | null;
  readonly producerCumulative: Cumulative | null | MalformedLeaf;
  readonly consumer: Deferred<Consumer[] | null | MalformedLeaf> | null;
  readonly consumerCumulative: Cumulative | null | MalformedLeaf;
}

export type AudioQualitySource = MediaQualitySource<
  AudioProducerSampleRecord,
  AudioConsumerSampleRecord,
  AudioCumulativeRecord
>;
export type VideoQualitySource = MediaQualitySource<
  VideoProducerSampleRecord,
  VideoConsumerSampleRecord,
  VideoCumulativeRecord
>;

// ---------------------------------------------------------------------------------------------------------------
// peer_events

export const PEER_EVENT_NAMES = ['PEER_CREATED', 'PEER_JOINING', 'PEER_LEAVING'] as const;
export const PRESET_VIEW_TYPES = [
  'GROUP_CALL',
  'WEBINAR',
  'AUDIO_ROOM',
  'LIVESTREAM',
  'CHAT',
] as const;

// The enum values are mapped by the resolver, beside the raw spelling it also returns.
export const PeerEventRecord = shape({
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
});
export type PeerEventRecord = RecordOf<typeof PeerEventRecord>;
