import type { Json, JsonObject } from './json.js';
import { round } from './random.js';
import type {
  AudioConsumerSample,
  AudioProducerSample,
  VideoConsumerSample,
  VideoProducerSample,
} from './seed-media-series.js';
import type { ConditionSample } from './seed-timeline.js';

/**
 * The `<series>_cumulative` blocks of a peer report, computed from the very samples the report sends (not from the
 * conditions behind them), so a client that recomputes one from the series gets the same numbers: percentiles
 * `{avg,p50,p75,p90}`, packet loss in percent with the share of intervals at or above 5/10/25/50 %, and latency in
 * ms with the share at or above 100/250/500 ms. The Dyte v2 example bears this out: its `audio_producer_cumulative
 * .rtt` is exactly the mean and shares of its ten samples' `rtt`, in ms. Keys per series as
 * `/tmp/work/wire-keys.md` lists them; inside a block, in the order the example sends them.
 */

export interface MediaSample {
  readonly condition: ConditionSample;
  readonly seconds: number;
}

/** Pairs each sample with the seconds since the previous one (or since `startMs`). */
export function withIntervals(
  conditions: readonly ConditionSample[],
  startMs: number,
): MediaSample[] {
  let previous = startMs;
  return conditions.map((condition) => {
    const seconds = (condition.atMs - previous) / 1000;
    previous = condition.atMs;
    return { condition, seconds };
  });
}

export function percentiles(values: readonly number[], decimals = 3): JsonObject {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
  const avg = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return {
    avg: round(avg, decimals),
    p50: round(at(0.5), decimals),
    p75: round(at(0.75), decimals),
    p90: round(at(0.9), decimals),
  };
}

/** The share (0–1) of `items` for which `predicate` holds; 0 for none. */
function fractionOf<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  return round(items.filter(predicate).length / Math.max(1, items.length), 4);
}

const fractionAtLeast = (values: readonly number[], threshold: number): number =>
  fractionOf(values, (value) => value >= threshold);

const mean = (values: readonly number[], decimals: number): number =>
  round(values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length), decimals);

function packetLossBlock(lossPct: readonly number[]): JsonObject {
  return {
    avg: mean(lossPct, 3),
    '50_or_greater_event_fraction': fractionAtLeast(lossPct, 50),
    '25_or_greater_event_fraction': fractionAtLeast(lossPct, 25),
    '10_or_greater_event_fraction': fractionAtLeast(lossPct, 10),
    '5_or_greater_event_fraction': fractionAtLeast(lossPct, 5),
  };
}

function latencyBlock(ms: readonly number[]): JsonObject {
  return {
    avg: mean(ms, 1),
    '500ms_or_greater_event_fraction': fractionAtLeast(ms, 500),
    '250ms_or_greater_event_fraction': fractionAtLeast(ms, 250),
    '100ms_or_greater_event_fraction': fractionAtLeast(ms, 100),
  };
}

/** What each interval added to a cumulative counter (the first from zero). */
function deltas(counters: readonly number[]): number[] {
  let previous = 0;
  return counters.map((counter) => {
    const delta = counter - previous;
    previous = counter;
    return delta;
  });
}

const percentOf = (part: number, whole: number): number =>
  whole <= 0 ? 0 : round((part / whole) * 100, 2);

/** Per-interval loss of a sender, from its cumulative counters: lost ÷ sent. */
function producerLossPct(samples: readonly AudioProducerSample[]): number[] {
  const lost = deltas(samples.map((sample) => sample.packets_lost));
  const sent = deltas(samples.map((sample) => sample.packets_sent));
  return lost.map((value, index) => percentOf(value, sent[index] ?? 0));
}

/** Per-interval loss of a receiver, from its cumulative counters: lost ÷ (received + lost). */
function consumerLossPct(samples: readonly Omit<AudioConsumerSample, 'concealment_events'>[]) {
  const lost = deltas(samples.map((sample) => sample.packets_lost));
  const received = deltas(samples.map((sample) => sample.packets_received));
  return lost.map((value, index) => percentOf(value, value + (received[index] ?? 0)));
}

const qualityMos = (samples: readonly { readonly mos_quality: number }[]): JsonObject =>
  percentiles(
    samples.map((sample) => sample.mos_quality),
    2,
  );

/** Sample `rtt` is in seconds, the cumulative in ms (as the Dyte v2 example's numbers show). */
const rttMs = (samples: readonly AudioProducerSample[]): JsonObject =>
  latencyBlock(samples.map((sample) => round(sample.rtt * 1000, 1)));

const jitterBufferDelay = (samples: readonly { readonly jitter_buffer_delay: number }[]) =>
  latencyBlock(samples.map((sample) => sample.jitter_buffer_delay));

const picture = (
  samples: readonly { readonly frames_per_second: number; readonly frame_width: number }[],
): Record<string, Json> => ({
  frame_per_second: percentiles(
    samples.map((sample) => sample.frames_per_second),
    1,
  ),
  frame_width: percentiles(
    samples.map((sample) => sample.frame_width),
    0,
  ),
});

/** Intervals under one frame per second: the video froze or was never there. */
const NO_VIDEO_BELOW_FPS = 1;
/** A receiver lags when the picture stutters or waits long in the jitter buffer [I: thresholds ours]. */
const LAG_BELOW_FPS = 12;
const LAG_AT_JITTER_BUFFER_MS = 250;
/**
 * PLI + FIR requests in one ~7 s interval from which a sender counts as under heavy negative feedback [I]: one now
 * and then is normal, two or more mean the receivers keep losing the picture.
 */
const HIGH_NEGATIVE_FEEDBACK_PER_INTERVAL = 2;

export function audioProducerCumulative(samples: readonly AudioProducerSample[]): JsonObject {
  return {
    quality_mos: qualityMos(samples),
    packet_loss: packetLossBlock(producerLossPct(samples)),
    rtt: rttMs(samples),
  };
}

export function audioConsumerCumulative(samples: readonly AudioConsumerSample[]): JsonObject {
  return {
    quality_mos: qualityMos(samples),
    packet_loss: packetLossBlock(consumerLossPct(samples)),
    jitter_buffer_delay: jitterBufferDelay(samples),
  };
}

/** Of all frames coded, the share that were key frames [I: the sources name the key only]. */
function keyFrameFraction(keyFrames: number | undefined, frames: number | undefined): number {
  return keyFrames === undefined || frames === undefined || frames === 0
    ? 0
    : round(keyFrames / frames, 4);
}

/** The issues both sides of a video stream report about its picture. */
function pictureIssues(
  samples: readonly { readonly frames_per_second: number; readonly frame_width: number }[],
  poorBelowWidth: number,
): JsonObject {
  return {
    no_video_fraction: fractionOf(
      samples,
      (sample) => sample.frames_per_second < NO_VIDEO_BELOW_FPS,
    ),
    poor_resolution_fraction: fractionOf(samples, (sample) => sample.frame_width < poorBelowWidth),
  };
}

/** `poorBelowWidth`: the frame width under which the picture counts as poor for this kind of video. */
export function videoProducerCumulative(
  samples: readonly VideoProducerSample[],
  poorBelowWidth: number,
): JsonObject {
  const feedback = deltas(samples.map((sample) => sample.pli_count + sample.fir_count));
  const last = samples.at(-1);
  return {
    quality_mos: qualityMos(samples),
    packet_loss: packetLossBlock(producerLossPct(samples)),
    rtt: rttMs(samples),
    ...picture(samples),
    high_negative_feedback_fraction: fractionAtLeast(feedback, HIGH_NEGATIVE_FEEDBACK_PER_INTERVAL),
    key_frames_encoded_fraction: keyFrameFraction(last?.key_frames_encoded, last?.frames_encoded),
    issues: {
      bandwidth_quality_limitation_fraction: fractionOf(
        samples,
        (sample) => sample.quality_limitation_reason === 'bandwidth',
      ),
      cpu_quality_limitation_fraction: fractionOf(
        samples,
        (sample) => sample.quality_limitation_reason === 'cpu',
      ),
      ...pictureIssues(samples, poorBelowWidth),
      // Limited for any reason: at least the bandwidth and cpu shares together.
      quality_limitation_fraction: fractionOf(
        samples,
        (sample) => sample.quality_limitation_reason !== 'none',
      ),
    },
  };
}

export function videoConsumerCumulative(
  samples: readonly VideoConsumerSample[],
  poorBelowWidth: number,
): JsonObject {
  const last = samples.at(-1);
  return {
    quality_mos: qualityMos(samples),
    packet_loss: packetLossBlock(consumerLossPct(samples)),
    jitter_buffer_delay: jitterBufferDelay(samples),
    ...picture(samples),
    key_frames_decoded_fraction: keyFrameFraction(last?.key_frames_decoded, last?.frames_decoded),
    issues: {
      lag_fraction: fractionOf(
        samples,
        (sample) =>
          sample.frames_per_second < LAG_BELOW_FPS ||
          sample.jitter_buffer_delay >= LAG_AT_JITTER_BUFFER_MS,
      ),
      ...pictureIssues(samples, poorBelowWidth),
    },
  };
}
