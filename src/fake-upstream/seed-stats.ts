import type { JsonObject } from './json.js';
import { createRandom, hashSeed, round } from './random.js';
import { CAMERA, videoMos } from './seed-media-series.js';
import type { SeedParticipant } from './seed-types.js';
import {
  callEndMs,
  callEvents,
  callInstants,
  conditionSeries,
  profileParams,
  randomAt,
} from './seed-timeline.js';

/**
 * The stats sections of "participant details" (spec versions A–C): `peer_stats` and one `quality_stats` entry.
 * Spelled the way real payloads are (`throughput`); `versions.ts` reshapes for the older spellings and shapes.
 */

export interface ParticipantStats {
  readonly peerStats: {
    readonly config: string;
    readonly status: string;
    readonly device_info: JsonObject;
    readonly events: readonly { readonly type: string; readonly timestamp: string }[];
    readonly ip_information: JsonObject;
    readonly precall_network_information: JsonObject;
  };
  readonly qualityStats: JsonObject;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * `device_info.webgl_support` in participant details is a STRING on the wire: the published example sends
 * `"webgl_support": "webgl_support"` (a placeholder) and the Dyte v2 example `null`, so neither shows real values.
 * That it names the highest WebGL context the browser could create ("webgl2", else "webgl") is our inference [I].
 * Every browser in the catalog supports WebGL 2; the odd "webgl" stands for a GPU blocklisted for it. Drawn from its
 * own stream so that it leaves the other stats' values as they were.
 */
function webglSupportOf(seed: number, participant: SeedParticipant): string {
  const rng = createRandom(hashSeed(seed, participant.record.id, 'webgl'));
  return rng.chance(0.9) ? 'webgl2' : 'webgl';
}

export function buildParticipantStats(
  seed: number,
  participant: SeedParticipant,
): ParticipantStats {
  const rng = createRandom(hashSeed(seed, participant.record.id, 'participant-stats'));
  const { profile, record } = participant;
  const { device, location } = profile;
  const params = profileParams(profile.callProfile);
  const turnOnly = profile.callProfile === 'turn-only';

  const { instants, fixed } = callInstants(seed, participant);
  const conditions = conditionSeries(seed, participant, instants, 'uplink');
  const audioRng = randomAt(rng, fixed, seed, participant, 'audio_stats');
  const videoRng = randomAt(rng, fixed, seed, participant, 'video_stats');
  const audioStats = conditions.map((sample, index) => ({
    timestamp: iso(sample.atMs),
    concealment_events: Math.round(sample.lossPct * audioRng(index).float(0.5, 1.5)),
    packets_lost: Math.round((350 * sample.lossPct) / 100),
    jitter: sample.jitterMs,
    quality: sample.mos,
  }));
  // Video as the peer report's video producer series sees it: its own loss, jitter and picture MOS.
  const videoStats = profile.producesVideo
    ? conditions.map((sample, index) => ({
        timestamp: iso(sample.atMs),
        frame_width: sample.frameWidth,
        frame_height: sample.frameHeight,
        frames_dropped: Math.round(
          sample.fps * 7 * (sample.video.lossPct / 100) * videoRng(index).float(0.5, 1.2),
        ),
        frames_per_second: sample.fps,
        packets_lost: Math.round((sample.videoKbps * 7 * sample.video.lossPct) / 100 / 9.6),
        jitter: sample.video.jitterMs,
        quality: videoMos(
          CAMERA,
          sample.frameWidth,
          sample.fps,
          sample.video.lossPct,
          sample.limitation,
        ),
      }))
    : [];

  return {
    peerStats: {
      config: 'default',
      status: record.left_at === null ? 'JOINED' : 'LEFT',
      device_info: {
        browser: device.template.browser,
        browser_version: device.browserVersion,
        cpus: device.cpus,
        engine: device.template.engine,
        is_mobile: device.template.isMobile,
        memory: device.memory,
        os: device.template.os,
        os_version: device.osVersion,
        sdk_name: 'web-core',
        sdk_version: device.sdkVersion,
        user_agent: device.userAgent,
        webgl_support: webglSupportOf(seed, participant),
      },
      events: callEvents(seed, participant).map((event) => ({
        type: event.type,
        timestamp: iso(event.atMs),
      })),
      ip_information: {
        city: location.city,
        country: location.country,
        ip_location: location.latLon,
        ipv4: profile.ipv4,
        org: `${location.asn} ${location.org}`,
        portal: location.postalCode,
        region: location.region,
        timezone: location.timezone,
      },
      precall_network_information: {
        // Seconds for the round trips, kbps for throughput [I: the spec gives no units].
        backend_rtt: round(rng.float(params.rtt[0], params.rtt[1]) / 1000 + 0.01, 3),
        effective_networktype: profile.networkType,
        fractional_loss: round(rng.float(params.loss[0], params.loss[1]) / 100, 4),
        jitter: rng.float(params.jitter[0], params.jitter[1], 1),
        reflexive_connectivity: !turnOnly,
        relay_connectivity: true,
        rtt: round(rng.float(params.rtt[0], params.rtt[1]) / 1000, 3),
        throughput: profile.networkType === '3g' ? rng.int(300, 900) : rng.int(8000, 90000),
        turn_connectivity: true,
      },
    },
    qualityStats: {
      peer_id: record.id,
      start: record.joined_at,
      end: record.left_at ?? iso(callEndMs(participant)),
      average_quality: round(mean(conditions.map((sample) => sample.mos)), 2),
      audio_bandwidth: round(mean(conditions.map((sample) => sample.audioKbps)), 1),
      video_bandwidth: profile.producesVideo
        ? round(mean(conditions.map((sample) => sample.videoKbps)), 1)
        : 0,
      // Percent of packets lost over the call, like the cumulative `packet_loss.avg` [I].
      audio_packet_loss: round(mean(conditions.map((sample) => sample.lossPct)), 2),
      video_packet_loss: profile.producesVideo
        ? round(mean(conditions.map((sample) => sample.video.lossPct)), 2)
        : 0,
      audio_stats: audioStats,
      video_stats: videoStats,
    },
  };
}
