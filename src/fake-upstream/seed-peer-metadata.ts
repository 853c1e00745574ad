import type { JsonObject } from './json.js';
import { createRandom, hashSeed, round } from './random.js';
import type { Random } from './random.js';
import { SFU_ADDRESSES, TURN_URL } from './seed-catalog.js';
import type { SeedParticipant } from './seed-types.js';
import { callEndMs, callEvents } from './seed-timeline.js';

/** `peer_report.metadata`: device, browser, network, client events, connection and device details. */

const iso = (ms: number): string => new Date(ms).toISOString();

/** The network interface a peer's candidates sit on, shared by both of its transports. */
interface LocalNetwork {
  /** RTCIceCandidateStats.networkType: the medium, unlike `effective_network_type`, which is a speed class. */
  readonly networkType: 'wifi' | 'ethernet' | 'cellular';
  /** The interface's own (private) address: what a reflexive or relayed candidate is related to. */
  readonly privateAddress: string;
}

function localNetworkOf(rng: Random, participant: SeedParticipant): LocalNetwork {
  const { profile } = participant;
  const networkType =
    profile.networkType === '3g'
      ? 'cellular'
      : profile.device.template.isMobile
        ? rng.chance(0.6)
          ? 'cellular'
          : 'wifi'
        : rng.chance(0.7)
          ? 'wifi'
          : 'ethernet';
  // Mobile carriers put phones behind carrier-grade NAT (100.64.0.0/10); homes and offices use RFC 1918 ranges.
  const privateAddress =
    networkType === 'cellular'
      ? `100.${rng.int(64, 127)}.${rng.int(0, 255)}.${rng.int(1, 254)}`
      : rng.chance(0.7)
        ? `192.168.${rng.pick([0, 1, 178])}.${rng.int(2, 254)}`
        : `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(2, 254)}`;
  return { networkType, privateAddress };
}

/** The address the TURN relay hands out, for the relayed candidates of TURN-only peers. */
const RELAY_ADDRESS = '104.30.150.3';

/**
 * One nominated candidate pair, keys in the order of the Dyte v2 example's, with the three keys that example leaves
 * out (`available_incoming_bitrate`, `local_candidate_url`, `remote_candidate_url`) beside their neighbours.
 */
function candidatePair(
  rng: Random,
  participant: SeedParticipant,
  network: LocalNetwork,
  direction: 'producing' | 'consuming',
): JsonObject {
  const { profile } = participant;
  const endMs = callEndMs(participant);
  const seconds = (endMs - Date.parse(participant.record.joined_at)) / 1000;
  const relayed = profile.callProfile === 'turn-only';
  const lossy = profile.callProfile === 'high-loss' || profile.callProfile === 'mobile-3g';
  // The media's RTT shows on the transport too: a relay's detour, a 3g radio, a long path.
  const rtt =
    rng.float(0.02, 0.09, 4) +
    (relayed ? 0.12 : 0) +
    (profile.networkType === '3g' ? 0.3 : 0) +
    (profile.callProfile === 'high-latency' ? 0.3 : 0);
  const kbps = direction === 'producing' ? rng.int(300, 2600) : rng.int(400, 3000);
  const bytesOut = Math.round((kbps * 1000 * seconds) / 8) * (direction === 'producing' ? 1 : 0.02);
  const bytesIn = Math.round((kbps * 1000 * seconds) / 8) * (direction === 'consuming' ? 1 : 0.02);
  const packetsSent = Math.round(bytesOut / 900);
  // A congested uplink makes the socket drop the odd packet before it leaves; a healthy one drops none.
  const packetsDiscarded = lossy ? Math.round(packetsSent * rng.float(0.0005, 0.003, 5)) : 0;
  const sfu = rng.pick(SFU_ADDRESSES);
  // prflx: learnt from the SFU's connectivity checks, as in the Dyte v2 example; srflx: from STUN.
  const localType = relayed
    ? 'relay'
    : rng.chance(0.8)
      ? rng.chance(0.4)
        ? 'prflx'
        : 'srflx'
      : 'host';
  const localUrl =
    localType === 'relay'
      ? TURN_URL
      : localType === 'srflx'
        ? 'stun:stun.cloudflare.com:3478'
        : null;
  const localPort = rng.int(49152, 65535);
  // A relayed candidate relates to the public address the TURN server saw; a reflexive one to the interface's own
  // (a port-preserving NAT keeps the port); a host candidate relates to nothing.
  const relatedAddress =
    localType === 'host' ? null : localType === 'relay' ? profile.ipv4 : network.privateAddress;
  const relatedPort =
    localType === 'host'
      ? null
      : localType !== 'relay' && rng.chance(0.5)
        ? localPort
        : rng.int(49152, 65535);
  return {
    nominated: true,
    current_round_trip_time: rtt,
    total_round_trip_time: round(rtt * (seconds / 2), 3),
    bytes_received: Math.round(bytesIn),
    bytes_sent: Math.round(bytesOut),
    available_outgoing_bitrate: direction === 'producing' ? kbps * 1200 : null,
    available_incoming_bitrate: direction === 'consuming' ? kbps * 1000 : null,
    last_packet_received_timestamp: endMs - rng.int(5, 400),
    last_packet_sent_timestamp: endMs - rng.int(5, 400),
    local_candidate_id: rng.hex(8),
    remote_candidate_id: rng.hex(8),
    bytes_discarded_on_send: packetsDiscarded * 900,
    packets_sent: packetsSent,
    packets_received: Math.round(bytesIn / 900),
    packets_discarded_on_send: packetsDiscarded,
    local_candidate_type: localType,
    // A host candidate is the interface's own address; a reflexive one the public address the NAT maps it to.
    local_candidate_address:
      localType === 'relay'
        ? RELAY_ADDRESS
        : localType === 'host'
          ? network.privateAddress
          : profile.ipv4,
    local_candidate_port: localPort,
    local_candidate_protocol: 'udp',
    local_candidate_network_type: network.networkType,
    local_candidate_related_address: relatedAddress,
    local_candidate_related_port: relatedPort,
    local_candidate_url: localUrl,
    remote_candidate_type: 'host',
    remote_candidate_address: sfu,
    remote_candidate_port: rng.pick([443, 3478, 40000 + rng.int(0, 999)]),
    remote_candidate_protocol: 'udp',
    remote_candidate_url: null,
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
  const network = localNetworkOf(rng, participant);
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
      // A boolean (or null) here, unlike participant details' string (see seed-stats.ts): the wire differs.
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
      producing_transport: [candidatePair(rng, participant, network, 'producing')],
      consuming_transport: [candidatePair(rng, participant, network, 'consuming')],
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
