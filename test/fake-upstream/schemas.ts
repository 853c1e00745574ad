import { z } from 'zod';

/**
 * The contract's shapes, written out by hand from /work/shared/realtimekit-api.md (not derived from the fake's own
 * code), so a shape drift in the fake fails these. Strict objects: an extra key is a failure too.
 */

export const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Lowercase version-4 UUIDs, as every example in the contract. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const IsoMs = z.string().regex(ISO_MS);
export const Uuid = z.string().regex(UUID);
const Preset = z.enum(['group_call_host', 'group_call_participant', 'webinar_participant']);

export const Paging = z.strictObject({
  total_count: z.number().int().nonnegative(),
  start_offset: z.number().int().nonnegative(),
  end_offset: z.number().int().nonnegative(),
});

const listItemShape = {
  id: Uuid,
  user_id: Uuid,
  custom_participant_id: z.string().min(1),
  display_name: z.string().min(1),
  preset_name: Preset,
  joined_at: IsoMs,
  left_at: IsoMs.nullable(),
  duration: z.number().nonnegative(),
  created_at: IsoMs,
  updated_at: IsoMs,
};

export const PeerEvent = z.strictObject({
  id: Uuid,
  created_at: IsoMs,
  updated_at: IsoMs,
  event_name: z.enum(['PEER_CREATED', 'PEER_JOINING', 'PEER_LEAVING']),
  minutes_consumed: z.number().nullable(),
  participant_id: z.string().nullable(),
  peer_id: Uuid,
  preset_view_type: z.enum(['GROUP_CALL', 'WEBINAR', 'AUDIO_ROOM', 'LIVESTREAM', 'CHAT']),
  session_id: Uuid,
  socket_session_id: Uuid.nullable(),
});

export const ListItem = z.strictObject({
  ...listItemShape,
  peer_events: z.array(PeerEvent).optional(),
});

const sessionShape = {
  id: Uuid,
  associated_id: Uuid,
  meeting_display_name: z.string().min(1),
  type: z.enum(['meeting', 'livestream', 'participant']),
  status: z.enum(['LIVE', 'ENDED']),
  live_participants: z.number().int().nonnegative(),
  max_concurrent_participants: z.number().int().nonnegative(),
  minutes_consumed: z.number().nonnegative(),
  organization_id: Uuid,
  started_at: IsoMs,
  ended_at: IsoMs.nullable(),
  created_at: IsoMs,
  updated_at: IsoMs,
};
export const Session = z.strictObject(sessionShape);
export const SessionWithRooms = z.strictObject({
  ...sessionShape,
  breakout_rooms: z.array(Session).optional(),
});

export const SessionsBody = z.strictObject({
  success: z.literal(true),
  data: z.strictObject({ sessions: z.array(Session) }),
  paging: Paging,
});
export const SessionBody = z.strictObject({ success: z.literal(true), data: SessionWithRooms });
export const ParticipantsBody = z.strictObject({
  success: z.literal(true),
  data: z.strictObject({ participants: z.array(ListItem), paging: Paging }),
});

const DeviceInfo = z.strictObject({
  browser: z.enum(['Chrome', 'Firefox', 'Safari']),
  browser_version: z.string(),
  cpus: z.number().int().positive(),
  engine: z.enum(['Blink', 'Gecko', 'WebKit']),
  is_mobile: z.boolean(),
  memory: z.number().positive(),
  os: z.enum(['macOS', 'Windows', 'Android', 'iOS', 'Linux']),
  os_version: z.string(),
  sdk_name: z.literal('web-core'),
  sdk_version: z.string(),
  user_agent: z.string().startsWith('Mozilla/5.0'),
  // A string in participant details (the published example's), unlike browser_metadata's boolean.
  webgl_support: z.string().min(1),
});
const IpInformation = z.strictObject({
  city: z.string(),
  country: z.string().regex(/^[A-Z]{2}$/),
  ip_location: z.string(),
  ipv4: z.ipv4(),
  org: z.string(),
  portal: z.string(),
  region: z.string(),
  timezone: z.string().regex(/^[A-Z][A-Za-z]+\/[A-Za-z_]+$/),
});
const precallShape = {
  backend_rtt: z.number().nonnegative(),
  effective_networktype: z.enum(['4g', '3g', 'wifi']),
  fractional_loss: z.number().min(0).max(1),
  jitter: z.number().nonnegative(),
  reflexive_connectivity: z.boolean(),
  relay_connectivity: z.boolean(),
  rtt: z.number().nonnegative(),
  turn_connectivity: z.boolean(),
};
export const EVENT_TYPES = [
  'precall_begin',
  'precall_end',
  'call_join',
  'audio_on',
  'audio_off',
  'video_on',
  'video_off',
  'screenshare_started',
  'screenshare_stopped',
  'tab_change',
  'browser_backgrounded',
  'browser_foregrounded',
  'disconnect',
  'reconnect_attempt',
  'dominant_speaker',
  'media_permission',
] as const;
const StatsEvent = z.strictObject({ type: z.enum(EVENT_TYPES), timestamp: IsoMs });

const peerStats = (throughputKey: 'throughput' | 'throughtput') =>
  z.strictObject({
    config: z.string(),
    status: z.string(),
    device_info: DeviceInfo,
    events: z.array(StatsEvent).min(3),
    ip_information: IpInformation,
    precall_network_information: z.strictObject({
      ...precallShape,
      [throughputKey]: z.number().positive(),
    }),
  });

export const AudioStat = z.strictObject({
  timestamp: IsoMs,
  concealment_events: z.number().int().nonnegative(),
  packets_lost: z.number().int().nonnegative(),
  jitter: z.number().nonnegative(),
  quality: z.number().min(1).max(5),
});
export const VideoStat = z.strictObject({
  timestamp: IsoMs,
  frame_width: z.number().int().positive(),
  frame_height: z.number().int().positive(),
  frames_dropped: z.number().int().nonnegative(),
  frames_per_second: z.number().positive(),
  packets_lost: z.number().int().nonnegative(),
  jitter: z.number().nonnegative(),
  quality: z.number().min(1).max(5),
});
export const QualityStatsEntry = z.strictObject({
  peer_id: Uuid,
  start: IsoMs,
  end: IsoMs,
  average_quality: z.number().min(1).max(5),
  audio_bandwidth: z.number().nonnegative(),
  video_bandwidth: z.number().nonnegative(),
  audio_packet_loss: z.number().nonnegative(),
  video_packet_loss: z.number().nonnegative(),
  audio_stats: z.array(AudioStat),
  video_stats: z.array(VideoStat),
});

const detailsWithStats = (throughputKey: 'throughput' | 'throughtput', qualityStats: z.ZodType) =>
  z.strictObject({
    ...listItemShape,
    peer_stats: peerStats(throughputKey),
    quality_stats: qualityStats,
  });

const detailsBody = <T extends z.ZodType>(participant: T) =>
  z.strictObject({ success: z.literal(true), data: z.strictObject({ participant }) });

/*
 * Version D's keys that the contract does not name (the fake adds them so that clients are tested
 * against them; see VersionKnobs.extraKeys), each listed here so that any other extra key still fails.
 */
const RegionHint = z.enum(['wnam', 'enam', 'weur', 'eeur', 'apac', 'oc']);
export const D_EXTRA_KEYS = {
  participant: { region_hint: RegionHint },
  peerEvent: { edge_colo: z.enum(['AMS', 'FRA', 'IAD', 'SJC', 'SIN', 'SYD']) },
  metadata: { ice_transport_policy: z.literal('all') },
  quality: { sample_interval_ms: z.literal(7_000) },
} as const;

/** Participant details per version, as sections 3 and our version knobs describe them. */
export const DETAILS_BODY = {
  default: detailsBody(detailsWithStats('throughput', z.array(QualityStatsEntry).length(1))),
  A: detailsBody(detailsWithStats('throughtput', z.array(QualityStatsEntry).length(1))),
  B: detailsBody(detailsWithStats('throughput', QualityStatsEntry)),
  C: detailsBody(detailsWithStats('throughput', z.array(QualityStatsEntry).length(1))),
  D: detailsBody(z.strictObject({ ...listItemShape, ...D_EXTRA_KEYS.participant })),
} as const;

const Device = z.strictObject({
  device_id: z.string().min(1),
  kind: z.enum(['audioinput', 'videoinput', 'audiooutput']),
  label: z.string(),
});
const DeviceUpdate = z.strictObject({
  added: z.array(Device),
  removed: z.array(Device),
  timestamp: IsoMs,
});
/** `/tmp/work/wire-keys.md`'s candidate-pair keys (the Dyte v2 example has all but three of them). */
const CandidatePair = z.strictObject({
  available_incoming_bitrate: z.number().nullable(),
  available_outgoing_bitrate: z.number().nullable(),
  bytes_discarded_on_send: z.number().int().nonnegative(),
  bytes_received: z.number().int().nonnegative(),
  bytes_sent: z.number().int().nonnegative(),
  current_round_trip_time: z.number().nonnegative(),
  last_packet_received_timestamp: z.number().int(),
  last_packet_sent_timestamp: z.number().int(),
  local_candidate_address: z.string(),
  local_candidate_id: z.string(),
  local_candidate_network_type: z.enum([
    'bluetooth',
    'cellular',
    'ethernet',
    'wifi',
    'wimax',
    'vpn',
    'unknown',
  ]),
  local_candidate_port: z.number().int(),
  local_candidate_protocol: z.enum(['udp', 'tcp']),
  local_candidate_related_address: z.ipv4().nullable(),
  local_candidate_related_port: z.number().int().nullable(),
  local_candidate_type: z.enum(['host', 'srflx', 'prflx', 'relay']),
  local_candidate_url: z.string().nullable(),
  nominated: z.boolean(),
  packets_discarded_on_send: z.number().int().nonnegative(),
  packets_received: z.number().int().nonnegative(),
  packets_sent: z.number().int().nonnegative(),
  remote_candidate_address: z.string(),
  remote_candidate_id: z.string(),
  remote_candidate_port: z.number().int(),
  remote_candidate_protocol: z.enum(['udp', 'tcp']),
  remote_candidate_type: z.enum(['host', 'srflx', 'prflx', 'relay']),
  remote_candidate_url: z.string().nullable(),
  total_round_trip_time: z.number().nonnegative(),
});
export const Metadata = z.strictObject({
  device_info: z.strictObject({
    cpus: z.number().int().positive(),
    is_mobile: z.boolean(),
    os: z.string(),
    os_version: z.string(),
  }),
  browser_metadata: z.strictObject({
    browser: z.string(),
    browser_version: z.string(),
    engine: z.string(),
    user_agent: z.string(),
    webgl_support: z.boolean(),
  }),
  ip_information: z.strictObject({
    asn: z.strictObject({
      asn: z.string().regex(/^AS\d+$/),
      domain: z.string(),
      name: z.string(),
      route: z.string(),
      type: z.string(),
    }),
    city: z.string(),
    country: z.string().regex(/^[A-Z]{2}$/),
    ipv4: z.ipv4(),
    org: z.string(),
    region: z.string(),
    timezone: z.string(),
  }),
  events: z.array(
    z.strictObject({
      name: z.enum(EVENT_TYPES),
      timestamp: IsoMs,
      metadata: z.record(z.string(), z.string()),
    }),
  ),
  pc_metadata: z.array(
    z.strictObject({
      effective_network_type: z.enum(['4g', '3g', 'wifi']),
      reflexive_connectivity: z.boolean(),
      relay_connectivity: z.boolean(),
      turn_connectivity: z.boolean(),
      sdp: z.array(z.string()),
      timestamp: IsoMs,
    }),
  ),
  candidate_pairs: z.strictObject({
    producing_transport: z.array(CandidatePair),
    consuming_transport: z.array(CandidatePair),
  }),
  audio_devices_updates: z.array(DeviceUpdate),
  video_devices_updates: z.array(DeviceUpdate),
  speaker_devices_updates: z.array(DeviceUpdate),
  selected_device_updates: z.array(z.strictObject({ device: Device, timestamp: IsoMs })),
  native_metadata: z.strictObject({ audio_encoder: z.string(), video_encoder: z.string() }),
  room_view_type: z.string(),
  sdk_name: z.literal('web-core'),
  sdk_type: z.string(),
  sdk_version: z.string(),
});

/* Samples and cumulatives, key for key as `/tmp/work/wire-keys.md` lists them. */

const sampleShape = {
  timestamp: IsoMs,
  mos_quality: z.number().min(1).max(5),
  packets_lost: z.number().int().nonnegative(),
  jitter: z.number().nonnegative(),
  producer_id: Uuid,
  ssrc: z.number().int().positive(),
  mid: z.string(),
};
const producerShape = {
  ...sampleShape,
  packets_sent: z.number().int().nonnegative(),
  bytes_sent: z.number().int().nonnegative(),
  rtt: z.number().nonnegative(),
};
/** No rtt, bytes_sent or packets_sent: a consumer does not send. */
const consumerShape = {
  ...sampleShape,
  packets_received: z.number().int().nonnegative(),
  bytes_received: z.number().int().nonnegative(),
  jitter_buffer_delay: z.number().nonnegative(),
  jitter_buffer_emitted_count: z.number().int().nonnegative(),
  consumer_id: Uuid,
  peer_id: Uuid,
};
const pictureShape = {
  frame_width: z.number().int().positive(),
  frame_height: z.number().int().positive(),
  frames_per_second: z.number().nonnegative(),
  fir_count: z.number().int().nonnegative(),
};
export const AudioProducerSample = z.strictObject(producerShape);
export const AudioConsumerSample = z.strictObject({
  ...consumerShape,
  concealment_events: z.number().int().nonnegative(),
});
export const VideoProducerSample = z.strictObject({
  ...producerShape,
  ...pictureShape,
  frames_encoded: z.number().int().nonnegative(),
  key_frames_encoded: z.number().int().nonnegative(),
  pli_count: z.number().int().nonnegative(),
  quality_limitation_reason: z.enum(['cpu', 'bandwidth', 'none', 'other']),
  quality_limitation_durations: z.strictObject({
    bandwidth: z.number(),
    cpu: z.number(),
    none: z.number(),
    other: z.number(),
  }),
  quality_limitation_resolution_changes: z.number().int().nonnegative(),
});
export const VideoConsumerSample = z.strictObject({
  ...consumerShape,
  ...pictureShape,
  frames_decoded: z.number().int().nonnegative(),
  frames_dropped: z.number().int().nonnegative(),
  key_frames_decoded: z.number().int().nonnegative(),
});

const Percentiles = z.strictObject({
  avg: z.number(),
  p50: z.number(),
  p75: z.number(),
  p90: z.number(),
});
const Fraction = z.number().min(0).max(1);
const PacketLoss = z.strictObject({
  avg: z.number(),
  '5_or_greater_event_fraction': Fraction,
  '10_or_greater_event_fraction': Fraction,
  '25_or_greater_event_fraction': Fraction,
  '50_or_greater_event_fraction': Fraction,
});
const Latency = z.strictObject({
  avg: z.number(),
  '100ms_or_greater_event_fraction': Fraction,
  '250ms_or_greater_event_fraction': Fraction,
  '500ms_or_greater_event_fraction': Fraction,
});
const pictureCumulative = { frame_per_second: Percentiles, frame_width: Percentiles };
const Empty = z.strictObject({});
const orEmpty = <T extends z.ZodType>(schema: T) => z.union([schema, Empty]);

/** No `jitter` block on an audio producer. */
export const AudioProducerCumulative = z.strictObject({
  quality_mos: Percentiles,
  packet_loss: PacketLoss,
  rtt: Latency,
});
/** `jitter_buffer_delay` is a latency block (ms), not percentiles; no rtt on a consumer. */
export const AudioConsumerCumulative = z.strictObject({
  quality_mos: Percentiles,
  packet_loss: PacketLoss,
  jitter_buffer_delay: Latency,
});
export const VideoProducerCumulative = z.strictObject({
  quality_mos: Percentiles,
  packet_loss: PacketLoss,
  rtt: Latency,
  ...pictureCumulative,
  high_negative_feedback_fraction: Fraction,
  key_frames_encoded_fraction: Fraction,
  issues: z.strictObject({
    bandwidth_quality_limitation_fraction: Fraction,
    cpu_quality_limitation_fraction: Fraction,
    no_video_fraction: Fraction,
    poor_resolution_fraction: Fraction,
    quality_limitation_fraction: Fraction,
  }),
});
export const VideoConsumerCumulative = z.strictObject({
  quality_mos: Percentiles,
  packet_loss: PacketLoss,
  jitter_buffer_delay: Latency,
  ...pictureCumulative,
  key_frames_decoded_fraction: Fraction,
  issues: z.strictObject({
    lag_fraction: Fraction,
    no_video_fraction: Fraction,
    poor_resolution_fraction: Fraction,
  }),
});

/** `peer_report.quality`: one flat object of sixteen keys; an empty series is `[]`, its cumulative `{}`. */
export const Quality = z.strictObject({
  audio_producer: z.array(AudioProducerSample),
  audio_producer_cumulative: orEmpty(AudioProducerCumulative),
  audio_consumer: z.array(AudioConsumerSample),
  audio_consumer_cumulative: orEmpty(AudioConsumerCumulative),
  video_producer: z.array(VideoProducerSample),
  video_producer_cumulative: orEmpty(VideoProducerCumulative),
  video_consumer: z.array(VideoConsumerSample),
  video_consumer_cumulative: orEmpty(VideoConsumerCumulative),
  screenshare_audio_producer: z.array(AudioProducerSample),
  screenshare_audio_producer_cumulative: orEmpty(AudioProducerCumulative),
  screenshare_audio_consumer: z.array(AudioConsumerSample),
  screenshare_audio_consumer_cumulative: orEmpty(AudioConsumerCumulative),
  screenshare_video_producer: z.array(VideoProducerSample),
  screenshare_video_producer_cumulative: orEmpty(VideoProducerCumulative),
  screenshare_video_consumer: z.array(VideoConsumerSample),
  screenshare_video_consumer_cumulative: orEmpty(VideoConsumerCumulative),
});

const peerReportFields = {
  session_id: Uuid,
  peer_report: z.strictObject({ metadata: Metadata, quality: Quality }),
};

export const FlatPeerReportBody = z.strictObject({
  success: z.literal(true),
  data: z.strictObject({ ...listItemShape, ...peerReportFields }),
});
export const WrappedPeerReportBody = z.strictObject({
  success: z.literal(true),
  data: z.strictObject({
    participant: z
      .strictObject(listItemShape)
      .omit({ preset_name: true })
      .extend({ role: Preset, ...peerReportFields }),
  }),
});

/** Version D's peer report: C's shape plus D's extra keys in the participant, metadata and quality. */
export const WrappedPeerReportBodyD = z.strictObject({
  success: z.literal(true),
  data: z.strictObject({
    participant: z
      .strictObject(listItemShape)
      .omit({ preset_name: true })
      .extend({
        role: Preset,
        session_id: Uuid,
        ...D_EXTRA_KEYS.participant,
        peer_report: z.strictObject({
          metadata: Metadata.extend(D_EXTRA_KEYS.metadata),
          quality: Quality.extend(D_EXTRA_KEYS.quality),
        }),
      }),
  }),
});

/** Peek into an unknown JSON value without `any`: a record view or an empty one. */
export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Walks `a.b.c` through records; undefined as soon as a step is missing. */
export function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((current, key) => asRecord(current)[key], value);
}
