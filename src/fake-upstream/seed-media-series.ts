import type { JsonObject } from './json.js';
import { round } from './random.js';
import type { Random } from './random.js';
import type { MediaSample } from './seed-cumulatives.js';

/**
 * Producer and consumer sample series of a peer report. Counters (packets, bytes, frames) are cumulative like
 * WebRTC's getStats; per-interval measures (mos, jitter, rtt, fps) describe the ~7 s before each timestamp [I].
 * Sample `rtt` and `jitter` are in seconds, cumulative latency blocks in ms [I, per the contract's units].
 */

const iso = (ms: number): string => new Date(ms).toISOString();
const AUDIO_PACKETS_PER_SECOND = 50;
const VIDEO_BYTES_PER_PACKET = 1100;

export interface Track {
  readonly producerId: string;
  readonly ssrc: number;
  readonly mid: string;
}

/*
 * The series builders write each sample as one object literal rather than spreading shared parts: V8 keeps
 * literals in fast mode, and with ~1,000 samples per report the spreads made a report ten times slower to build.
 */

export interface Consumer {
  readonly consumerId: string;
  readonly peerId: string;
}

export function audioSeries(
  rng: Random,
  samples: readonly MediaSample[],
  track: Track,
  consumer: Consumer | null,
): JsonObject[] {
  let packetsSent = 0;
  let bytesSent = 0;
  let lost = 0;
  let concealment = 0;
  let emitted = 0;
  return samples.map(({ condition, seconds }): JsonObject => {
    const packets = Math.round(seconds * AUDIO_PACKETS_PER_SECOND);
    packetsSent += packets;
    bytesSent += Math.round((condition.audioKbps * 1000 * seconds) / 8);
    lost += Math.round((packets * condition.lossPct) / 100);
    const timestamp = iso(condition.atMs);
    const jitter = round(condition.jitterMs / 1000, 4);
    const rtt = round(condition.rttMs / 1000, 4);
    if (consumer === null) {
      return {
        timestamp,
        mos_quality: condition.mos,
        packets_lost: lost,
        packets_sent: packetsSent,
        bytes_sent: bytesSent,
        jitter,
        rtt,
        producer_id: track.producerId,
        ssrc: track.ssrc,
        mid: track.mid,
      };
    }
    concealment += Math.round(((packets * condition.lossPct) / 100) * rng.float(0.3, 0.9));
    emitted += Math.round(seconds * 48000);
    return {
      timestamp,
      mos_quality: round(Math.max(1, condition.mos - rng.float(0, 0.15)), 2),
      packets_lost: lost,
      // What the remote sender reports having sent, as the contract lists the producer counters here too.
      packets_sent: packetsSent,
      bytes_sent: bytesSent,
      jitter,
      rtt,
      producer_id: track.producerId,
      ssrc: track.ssrc,
      mid: track.mid,
      bytes_received: bytesSent - Math.round((bytesSent * condition.lossPct) / 100),
      packets_received: packetsSent - lost,
      concealment_events: concealment,
      // Milliseconds of buffering over the interval [I].
      jitter_buffer_delay: round(condition.jitterMs * rng.float(2, 3.5), 1),
      jitter_buffer_emitted_count: emitted,
      consumer_id: consumer.consumerId,
      peer_id: consumer.peerId,
    };
  });
}

export function videoSeries(
  rng: Random,
  samples: readonly MediaSample[],
  track: Track,
  consumer: Consumer | null,
): JsonObject[] {
  let packetsSent = 0;
  let bytesSent = 0;
  let lost = 0;
  let framesEncoded = 0;
  let keyFrames = 0;
  let fir = 0;
  let pli = 0;
  let dropped = 0;
  let resolutionChanges = 0;
  let emitted = 0;
  let bandwidthSeconds = 0;
  let cpuSeconds = 0;
  let unlimitedSeconds = 0;
  let previousWidth = samples[0]?.condition.frameWidth ?? 0;
  return samples.map(({ condition, seconds }): JsonObject => {
    const bytes = Math.round((condition.videoKbps * 1000 * seconds) / 8);
    const packets = Math.ceil(bytes / VIDEO_BYTES_PER_PACKET);
    packetsSent += packets;
    bytesSent += bytes;
    lost += Math.round((packets * condition.lossPct) / 100);
    const intervalFrames = Math.round(condition.fps * seconds);
    framesEncoded += intervalFrames;
    keyFrames += condition.lossPct > 3 ? rng.int(1, 3) : rng.chance(0.1) ? 1 : 0;
    pli += condition.lossPct > 3 ? rng.int(1, 4) : rng.chance(0.05) ? 1 : 0;
    fir += condition.lossPct > 15 ? 1 : 0;
    dropped += Math.round((intervalFrames * condition.lossPct) / 100);
    if (condition.frameWidth !== previousWidth) resolutionChanges += 1;
    previousWidth = condition.frameWidth;
    if (condition.limitation === 'bandwidth') bandwidthSeconds += seconds;
    else if (condition.limitation === 'cpu') cpuSeconds += seconds;
    else unlimitedSeconds += seconds;
    emitted += intervalFrames;
    const timestamp = iso(condition.atMs);
    const jitter = round(condition.jitterMs / 1000, 4);
    const rtt = round(condition.rttMs / 1000, 4);
    if (consumer === null) {
      return {
        timestamp,
        mos_quality: condition.mos,
        packets_lost: lost,
        packets_sent: packetsSent,
        bytes_sent: bytesSent,
        jitter,
        rtt,
        producer_id: track.producerId,
        ssrc: track.ssrc,
        mid: track.mid,
        frame_width: condition.frameWidth,
        frame_height: condition.frameHeight,
        frames_per_second: condition.fps,
        frames_encoded: framesEncoded,
        key_frames_encoded: keyFrames,
        fir_count: fir,
        pli_count: pli,
        quality_limitation_reason: condition.limitation,
        quality_limitation_durations: {
          bandwidth: round(bandwidthSeconds, 3),
          cpu: round(cpuSeconds, 3),
          none: round(unlimitedSeconds, 3),
          other: 0,
        },
        quality_limitation_resolution_changes: resolutionChanges,
      };
    }
    return {
      timestamp,
      mos_quality: round(Math.max(1, condition.mos - rng.float(0, 0.15)), 2),
      packets_lost: lost,
      packets_sent: packetsSent,
      bytes_sent: bytesSent,
      jitter,
      rtt,
      producer_id: track.producerId,
      ssrc: track.ssrc,
      mid: track.mid,
      frame_width: condition.frameWidth,
      frame_height: condition.frameHeight,
      frames_per_second: condition.fps,
      frames_decoded: framesEncoded - dropped,
      frames_dropped: dropped,
      key_frames_decoded: keyFrames,
      bytes_received: bytesSent - Math.round((bytesSent * condition.lossPct) / 100),
      packets_received: packetsSent - lost,
      jitter_buffer_delay: round(condition.jitterMs * rng.float(2, 4), 1),
      jitter_buffer_emitted_count: emitted,
      consumer_id: consumer.consumerId,
      peer_id: consumer.peerId,
    };
  });
}
