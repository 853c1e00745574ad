import { round } from './random.js';
import type { Random } from './random.js';
import type { MediaSample } from './seed-cumulatives.js';
import type { QualityLimitation, RandomAt } from './seed-timeline.js';

/**
 * Producer and consumer sample series of a peer report, one builder per series kind, each with the keys the wire
 * carries for that kind and no other (`/tmp/work/wire-keys.md`, the Dyte v2 example): a consumer has no `rtt`,
 * `bytes_sent` or `packets_sent`, only a video consumer has `fir_count` among the consumer keys, and so on.
 * Counters (packets, bytes, frames) are cumulative like WebRTC's getStats; per-interval measures (mos, jitter, rtt,
 * fps, jitter buffer delay) describe the ~7 s before each timestamp [I]. Sample `rtt` and `jitter` are in seconds,
 * `jitter_buffer_delay` in ms, cumulative latency blocks in ms [I, per the contract's units]. Each builder draws the
 * random parts of sample i from `rngAt(i)` (see `randomAt`), so a LIVE peer's series grow without rewriting the past.
 *
 * Audio and video of one call differ as they do on a real line: audio takes the interval's loss, RTT and jitter and
 * the speech MOS of its conditions; video takes the figures its own traffic saw (`condition.video`) and a MOS of the
 * picture it carried (`videoMos`). So every cumulative, computed from these samples, has numbers of its own.
 */

const iso = (ms: number): string => new Date(ms).toISOString();
const AUDIO_PACKETS_PER_SECOND = 50;
const AUDIO_SAMPLE_RATE = 48_000;
const VIDEO_BYTES_PER_PACKET = 1100;

/** What a kind of video is judged against: a shared screen is sharp but needs few frames, a camera the reverse. */
export interface VideoContent {
  /** The frame width from which the picture counts as full size. */
  readonly fullWidth: number;
  /** The frame rate from which motion looks smooth. */
  readonly smoothFps: number;
}

export const CAMERA: VideoContent = { fullWidth: 1280, smoothFps: 20 };
export const SCREEN: VideoContent = { fullWidth: 1920, smoothFps: 5 };

/**
 * The MOS of one interval of video [I: our model; the sources publish none]: a picture starts at 4.5 and loses up
 * to 1.2 for a small frame, up to 1.5 for choppy motion, 0.08 per percent of packets lost (frozen or smeared
 * frames), and 0.15 while the encoder is held back. Clamped to 1–5, as a MOS is.
 */
export function videoMos(
  content: VideoContent,
  frameWidth: number,
  fps: number,
  lossPct: number,
  limitation: QualityLimitation,
): number {
  const small = 1 - Math.min(1, frameWidth / content.fullWidth);
  const choppy = Math.max(0, 1 - fps / content.smoothFps);
  const score =
    4.5 - 1.2 * small - 1.5 * choppy - 0.08 * lossPct - (limitation === 'none' ? 0 : 0.15);
  return round(Math.min(5, Math.max(1, score)), 2);
}

export interface Track {
  readonly producerId: string;
  readonly ssrc: number;
  readonly mid: string;
}

export interface Consumer {
  readonly consumerId: string;
  readonly peerId: string;
}

/*
 * Type aliases rather than interfaces: an alias is assignable to `JsonObject` (an interface has no implicit index
 * signature), so the typed samples go into the response as they are and the cumulatives read them typed.
 */

export type AudioProducerSample = {
  readonly mos_quality: number;
  readonly timestamp: string;
  readonly packets_lost: number;
  readonly jitter: number;
  readonly rtt: number;
  readonly packets_sent: number;
  readonly bytes_sent: number;
  readonly producer_id: string;
  readonly ssrc: number;
  readonly mid: string;
};

export type AudioConsumerSample = {
  readonly timestamp: string;
  readonly mos_quality: number;
  readonly packets_lost: number;
  readonly packets_received: number;
  readonly bytes_received: number;
  readonly jitter: number;
  readonly jitter_buffer_delay: number;
  readonly jitter_buffer_emitted_count: number;
  readonly concealment_events: number;
  readonly producer_id: string;
  readonly consumer_id: string;
  readonly peer_id: string;
  readonly ssrc: number;
  readonly mid: string;
};

export type VideoProducerSample = AudioProducerSample & {
  readonly frame_width: number;
  readonly frame_height: number;
  readonly frames_encoded: number;
  readonly frames_per_second: number;
  readonly key_frames_encoded: number;
  readonly fir_count: number;
  readonly pli_count: number;
  readonly quality_limitation_reason: QualityLimitation;
  readonly quality_limitation_durations: {
    readonly bandwidth: number;
    readonly cpu: number;
    readonly none: number;
    readonly other: number;
  };
  readonly quality_limitation_resolution_changes: number;
};

export type VideoConsumerSample = Omit<AudioConsumerSample, 'concealment_events'> & {
  readonly fir_count: number;
  readonly frame_width: number;
  readonly frame_height: number;
  readonly frames_decoded: number;
  readonly frames_dropped: number;
  readonly frames_per_second: number;
  readonly key_frames_decoded: number;
};

/*
 * The builders write each sample as one object literal rather than spreading shared parts: V8 keeps literals in
 * fast mode, and with ~1,000 samples per report the spreads made a report ten times slower to build.
 */

/** The uplink of a sent audio track; keys in the order of the Dyte v2 example's `audio_producer`. */
export function audioProducerSeries(
  samples: readonly MediaSample[],
  track: Track,
): AudioProducerSample[] {
  let packetsSent = 0;
  let bytesSent = 0;
  let lost = 0;
  return samples.map(({ condition, seconds }): AudioProducerSample => {
    const packets = Math.round(seconds * AUDIO_PACKETS_PER_SECOND);
    packetsSent += packets;
    bytesSent += Math.round((condition.audioKbps * 1000 * seconds) / 8);
    lost += Math.round((packets * condition.lossPct) / 100);
    return {
      mos_quality: condition.mos,
      timestamp: iso(condition.atMs),
      packets_lost: lost,
      jitter: round(condition.jitterMs / 1000, 4),
      rtt: round(condition.rttMs / 1000, 4),
      packets_sent: packetsSent,
      bytes_sent: bytesSent,
      producer_id: track.producerId,
      ssrc: track.ssrc,
      mid: track.mid,
    };
  });
}

/** The ids a consumer sample names its stream by: the track it receives and the consumer receiving it. */
function consumedStream(track: Track, consumer: Consumer) {
  return {
    producer_id: track.producerId,
    consumer_id: consumer.consumerId,
    peer_id: consumer.peerId,
    ssrc: track.ssrc,
    mid: track.mid,
  };
}

/** A received audio track: receive-side counters only, since a consumer does not send (no rtt either). */
export function audioConsumerSeries(
  rngAt: RandomAt,
  samples: readonly MediaSample[],
  track: Track,
  consumer: Consumer,
): AudioConsumerSample[] {
  let received = 0;
  let bytesReceived = 0;
  let lost = 0;
  let concealment = 0;
  let emitted = 0;
  return samples.map(({ condition, seconds }, index): AudioConsumerSample => {
    const rng = rngAt(index);
    const packets = Math.round(seconds * AUDIO_PACKETS_PER_SECOND);
    const intervalLost = Math.round((packets * condition.lossPct) / 100);
    const bytes = Math.round((condition.audioKbps * 1000 * seconds) / 8);
    lost += intervalLost;
    received += packets - intervalLost;
    bytesReceived += bytes - Math.round((bytes * condition.lossPct) / 100);
    concealment += Math.round(intervalLost * rng.float(0.3, 0.9));
    emitted += Math.round(seconds * AUDIO_SAMPLE_RATE);
    return {
      timestamp: iso(condition.atMs),
      mos_quality: round(Math.max(1, condition.mos - rng.float(0, 0.15)), 2),
      packets_lost: lost,
      packets_received: received,
      bytes_received: bytesReceived,
      jitter: round(condition.jitterMs / 1000, 4),
      // Milliseconds of buffering over the interval [I].
      jitter_buffer_delay: round(condition.jitterMs * rng.float(2, 3.5), 1),
      jitter_buffer_emitted_count: emitted,
      concealment_events: concealment,
      ...consumedStream(track, consumer),
    };
  });
}

/** Per-interval video counters both sides draw from: what one ~7 s interval adds. */
interface VideoInterval {
  readonly packets: number;
  readonly bytes: number;
  readonly lost: number;
  readonly frames: number;
  readonly keyFrames: number;
  readonly fir: number;
}

/**
 * Key frames come every few seconds only on loss (a receiver asks for one) or now and then; FIR only on heavy
 * loss. The first interval always carries the key frame an encoder starts with.
 */
function videoInterval(rng: Random, sample: MediaSample, first: boolean): VideoInterval {
  const { condition, seconds } = sample;
  const { lossPct } = condition.video;
  const bytes = Math.round((condition.videoKbps * 1000 * seconds) / 8);
  const packets = Math.ceil(bytes / VIDEO_BYTES_PER_PACKET);
  const keyFrames = (first ? 1 : 0) + (lossPct > 3 ? rng.int(1, 3) : rng.chance(0.1) ? 1 : 0);
  return {
    packets,
    bytes,
    lost: Math.round((packets * lossPct) / 100),
    frames: Math.round(condition.fps * seconds),
    keyFrames,
    fir: lossPct > 15 ? 1 : 0,
  };
}

export function videoProducerSeries(
  rngAt: RandomAt,
  samples: readonly MediaSample[],
  track: Track,
  content: VideoContent,
): VideoProducerSample[] {
  let packetsSent = 0;
  let bytesSent = 0;
  let lost = 0;
  let framesEncoded = 0;
  let keyFrames = 0;
  let fir = 0;
  let pli = 0;
  let resolutionChanges = 0;
  let bandwidthSeconds = 0;
  let cpuSeconds = 0;
  let unlimitedSeconds = 0;
  let previousWidth = samples[0]?.condition.frameWidth ?? 0;
  return samples.map((sample, index): VideoProducerSample => {
    const rng = rngAt(index);
    const { condition, seconds } = sample;
    const { video } = condition;
    const interval = videoInterval(rng, sample, index === 0);
    packetsSent += interval.packets;
    bytesSent += interval.bytes;
    lost += interval.lost;
    framesEncoded += interval.frames;
    keyFrames += interval.keyFrames;
    fir += interval.fir;
    pli += video.lossPct > 3 ? rng.int(1, 4) : rng.chance(0.05) ? 1 : 0;
    if (condition.frameWidth !== previousWidth) resolutionChanges += 1;
    previousWidth = condition.frameWidth;
    if (condition.limitation === 'bandwidth') bandwidthSeconds += seconds;
    else if (condition.limitation === 'cpu') cpuSeconds += seconds;
    else unlimitedSeconds += seconds;
    return {
      mos_quality: videoMos(
        content,
        condition.frameWidth,
        condition.fps,
        video.lossPct,
        condition.limitation,
      ),
      timestamp: iso(condition.atMs),
      packets_lost: lost,
      jitter: round(video.jitterMs / 1000, 4),
      rtt: round(video.rttMs / 1000, 4),
      packets_sent: packetsSent,
      bytes_sent: bytesSent,
      producer_id: track.producerId,
      ssrc: track.ssrc,
      mid: track.mid,
      frame_width: condition.frameWidth,
      frame_height: condition.frameHeight,
      frames_encoded: framesEncoded,
      frames_per_second: condition.fps,
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
  });
}

/** A received video track; `fir_count` here counts the full-intra requests this receiver sent. */
export function videoConsumerSeries(
  rngAt: RandomAt,
  samples: readonly MediaSample[],
  track: Track,
  consumer: Consumer,
  content: VideoContent,
): VideoConsumerSample[] {
  let received = 0;
  let bytesReceived = 0;
  let lost = 0;
  let framesDecoded = 0;
  let dropped = 0;
  let keyFrames = 0;
  let fir = 0;
  let emitted = 0;
  return samples.map((sample, index): VideoConsumerSample => {
    const rng = rngAt(index);
    const { condition } = sample;
    const { video } = condition;
    const interval = videoInterval(rng, sample, index === 0);
    const intervalDropped = Math.round((interval.frames * video.lossPct) / 100);
    lost += interval.lost;
    received += interval.packets - interval.lost;
    bytesReceived += interval.bytes - Math.round((interval.bytes * video.lossPct) / 100);
    framesDecoded += interval.frames - intervalDropped;
    dropped += intervalDropped;
    keyFrames += interval.keyFrames;
    fir += interval.fir;
    emitted += interval.frames - intervalDropped;
    // The picture as decoded, a little worse than as sent, as for audio.
    const sentMos = videoMos(
      content,
      condition.frameWidth,
      condition.fps,
      video.lossPct,
      condition.limitation,
    );
    return {
      timestamp: iso(condition.atMs),
      mos_quality: round(Math.max(1, sentMos - rng.float(0, 0.15)), 2),
      packets_lost: lost,
      packets_received: received,
      bytes_received: bytesReceived,
      jitter: round(video.jitterMs / 1000, 4),
      // Milliseconds of buffering over the interval [I]; video buffers a little more than audio.
      jitter_buffer_delay: round(video.jitterMs * rng.float(2, 4), 1),
      jitter_buffer_emitted_count: emitted,
      ...consumedStream(track, consumer),
      fir_count: fir,
      frame_width: condition.frameWidth,
      frame_height: condition.frameHeight,
      frames_decoded: framesDecoded,
      frames_dropped: dropped,
      frames_per_second: condition.fps,
      key_frames_decoded: keyFrames,
    };
  });
}
