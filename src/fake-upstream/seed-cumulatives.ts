import type { Json, JsonObject } from './json.js';
import { round } from './random.js';
import type { ConditionSample } from './seed-timeline.js';

/**
 * The `<name>_cumulative` blocks of a peer report, computed from the very samples it sends so the two agree:
 * percentiles `{avg,p50,p75,p90}`, packet loss in percent with the share of intervals at or above 5/10/25/50 %, and
 * latency in ms with the share at or above 100/250/500 ms.
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

const fractionAtLeast = (values: readonly number[], threshold: number): number =>
  round(values.filter((value) => value >= threshold).length / Math.max(1, values.length), 4);

function packetLossBlock(lossPct: readonly number[]): JsonObject {
  return {
    avg: round(lossPct.reduce((sum, value) => sum + value, 0) / Math.max(1, lossPct.length), 3),
    '5_or_greater_event_fraction': fractionAtLeast(lossPct, 5),
    '10_or_greater_event_fraction': fractionAtLeast(lossPct, 10),
    '25_or_greater_event_fraction': fractionAtLeast(lossPct, 25),
    '50_or_greater_event_fraction': fractionAtLeast(lossPct, 50),
  };
}

function latencyBlock(rttMs: readonly number[]): JsonObject {
  return {
    avg: round(rttMs.reduce((sum, value) => sum + value, 0) / Math.max(1, rttMs.length), 1),
    '100ms_or_greater_event_fraction': fractionAtLeast(rttMs, 100),
    '250ms_or_greater_event_fraction': fractionAtLeast(rttMs, 250),
    '500ms_or_greater_event_fraction': fractionAtLeast(rttMs, 500),
  };
}

export function commonCumulative(samples: readonly MediaSample[]): Record<string, Json> {
  return {
    quality_mos: percentiles(
      samples.map((sample) => sample.condition.mos),
      2,
    ),
    packet_loss: packetLossBlock(samples.map((sample) => sample.condition.lossPct)),
    rtt: latencyBlock(samples.map((sample) => sample.condition.rttMs)),
  };
}

export function videoCumulative(
  samples: readonly MediaSample[],
  poorBelowWidth: number,
): Record<string, Json> {
  const fraction = (predicate: (sample: ConditionSample) => boolean): number =>
    round(
      samples.filter((sample) => predicate(sample.condition)).length / Math.max(1, samples.length),
      4,
    );
  return {
    frame_per_second: percentiles(
      samples.map((sample) => sample.condition.fps),
      1,
    ),
    frame_width: percentiles(
      samples.map((sample) => sample.condition.frameWidth),
      0,
    ),
    issues: {
      lag_fraction: fraction((sample) => sample.rttMs >= 250 || sample.fps < 12),
      no_video_fraction: fraction((sample) => sample.fps < 1),
      poor_resolution_fraction: fraction((sample) => sample.frameWidth < poorBelowWidth),
      cpu_limitation_fraction: fraction((sample) => sample.limitation === 'cpu'),
      bandwidth_limitation_fraction: fraction((sample) => sample.limitation === 'bandwidth'),
    },
  };
}
