import type { JsonObject } from './json.js';
import { createRandom, hashSeed, round } from './random.js';
import type { Random } from './random.js';
import { SFU_ADDRESSES, TURN_URL } from './seed-catalog.js';
import type { SeedParticipant } from './seed-types.js';
import { callEndMs, callEvents } from './seed-timeline.js';

/** `peer_report.metadata`: device, browser, network, client events, connection and device details. */

const iso = (ms: number): string => new Date(ms).toISOString();

function candidatePair(
  rng: Random,
  participant: SeedParticipant,
  direction: 'producing' | 'consuming',
): JsonObject {
  const { profile } = participant;
  const endMs = callEndMs(participant);
  const seconds = (endMs - Date.parse(participant.record.joined_at)) / 1000;
  const relayed = profile.callProfile === 'turn-only';
  const rtt =
    rng.float(0.02, 0.09, 4) + (relayed ? 0.12 : 0) + (profile.networkType === '3g' ? 0.3 : 0);
  const kbps = direction === 'producing' ? rng.int(300, 2600) : rng.int(400, 3000);
  const bytesOut = Math.round((kbps * 1000 * seconds) / 8) * (direction === 'producing' ? 1 : 0.02);
  const bytesIn = Math.round((kbps * 1000 * seconds) / 8) * (direction === 'consuming' ? 1 : 0.02);
  const sfu = rng.pick(SFU_ADDRESSES);
  const localType = relayed ? 'relay' : rng.chance(0.8) ? 'srflx' : 'host';
  const localUrl =
    localType === 'relay'
      ? TURN_URL
      : localType === 'srflx'
        ? 'stun:stun.cloudflare.com:3478'
        : null;
  return {
    bytes_sent: Math.round(bytesOut),
    bytes_received: Math.round(bytesIn),
    packets_sent: Math.round(bytesOut / 900),
    packets_received: Math.round(bytesIn / 900),
    current_round_trip_time: rtt,
    total_round_trip_time: round(rtt * (seconds / 2), 3),
    available_incoming_bitrate: direction === 'consuming' ? kbps * 1000 : null,
    available_outgoing_bitrate: direction === 'producing' ? kbps * 1200 : null,
    local_candidate_address: relayed ? '104.30.150.3' : profile.ipv4,
    local_candidate_id: rng.hex(8),
    local_candidate_port: rng.int(49152, 65535),
    local_candidate_protocol: 'udp',
    local_candidate_type: localType,
    local_candidate_url: localUrl,
    remote_candidate_address: sfu,
    remote_candidate_id: rng.hex(8),
    remote_candidate_port: rng.pick([443, 3478, 40000 + rng.int(0, 999)]),
    remote_candidate_protocol: 'udp',
    remote_candidate_type: 'host',
    remote_candidate_url: null,
    nominated: true,
    last_packet_sent_timestamp: endMs - rng.int(5, 400),
    last_packet_received_timestamp: endMs - rng.int(5, 400),
  };
}

function buildMetadata(seed: number, participant: SeedParticipant, rng: Random): JsonObject {
  const { profile, record } = participant;
  const { device, location } = profile;
  const template = device.template;
  const joinMs = Date.parse(record.joined_at);
  const createdMs = Date.parse(record.created_at);
  const deviceId = (): string => rng.hex(64);
  const microphone = { device_id: deviceId(), kind: 'audioinput', label: template.microphone };
  const camera = { device_id: deviceId(), kind: 'videoinput', label: template.camera };
  const speaker = { device_id: deviceId(), kind: 'audiooutput', label: template.speaker };
  const connectivity = (atMs: number, kind: string): JsonObject => ({
    effective_network_type: profile.networkType,
    reflexive_connectivity: profile.callProfile !== 'turn-only',
    relay_connectivity: true,
    turn_connectivity: true,
    sdp: [`m=audio 9 UDP/TLS/RTP/SAVPF 111 63`, `m=video 9 UDP/TLS/RTP/SAVPF 96 97 ${kind}`],
    timestamp: iso(atMs),
  });
  const events = callEvents(seed, participant);
  const reconnects = events.filter((event) => event.type === 'reconnect_attempt');
  return {
    device_info: {
      cpus: device.cpus,
      is_mobile: template.isMobile,
      os: template.os,
      os_version: device.osVersion,
    },
    browser_metadata: {
      browser: template.browser,
      browser_version: device.browserVersion,
      engine: template.engine,
      user_agent: device.userAgent,
      webgl_support: true,
    },
    ip_information: {
      asn: {
        asn: location.asn,
        domain: location.domain,
        name: location.org,
        route: `${location.prefix[0]}.${location.prefix[1]}.0.0/16`,
        type: location.networkKind,
      },
      city: location.city,
      country: location.country,
      ipv4: profile.ipv4,
      org: location.org,
      region: location.region,
      timezone: location.timezone,
    },
    events: events.map((event) => ({
      name: event.type,
      timestamp: iso(event.atMs),
      metadata: { ...event.metadata },
    })),
    pc_metadata: [
      connectivity(joinMs - 400, 'send'),
      connectivity(joinMs - 350, 'recv'),
      ...reconnects.map((event) => connectivity(event.atMs + 200, 'send')),
    ],
    candidate_pairs: {
      producing_transport: [candidatePair(rng, participant, 'producing')],
      consuming_transport: [candidatePair(rng, participant, 'consuming')],
    },
    audio_devices_updates: [{ added: [microphone], removed: [], timestamp: iso(createdMs) }],
    video_devices_updates: profile.producesVideo
      ? [{ added: [camera], removed: [], timestamp: iso(createdMs) }]
      : [],
    speaker_devices_updates: [{ added: [speaker], removed: [], timestamp: iso(createdMs) }],
    selected_device_updates: [
      { device: microphone, timestamp: iso(createdMs + 120) },
      ...(profile.producesVideo ? [{ device: camera, timestamp: iso(createdMs + 140) }] : []),
      { device: speaker, timestamp: iso(createdMs + 160) },
    ],
    native_metadata: {
      audio_encoder: 'opus',
      video_encoder: template.browser === 'Safari' ? 'H264' : 'VP8',
    },
    room_view_type: profile.viewType === 'WEBINAR' ? 'webinar' : 'groupCall',
    sdk_name: 'web-core',
    sdk_type: 'web',
    sdk_version: device.sdkVersion,
  };
}

/** The metadata half of a peer report: device, network, events and connection details. */
export function buildPeerMetadata(seed: number, participant: SeedParticipant): JsonObject {
  return buildMetadata(
    seed,
    participant,
    createRandom(hashSeed(seed, participant.record.id, 'peer-metadata')),
  );
}
