/**
 * The figures of a run, summarized once for both outputs (report.ts's markdown and the JSON twin):
 * per scenario, client profile and system the median over rounds, and per scenario and client the
 * gateway ÷ each baseline (and the gateway with Redis ÷ the gateway), the median of the per-round
 * ratios with their min–max.
 */
import type { ClientName } from './clients.js';
import type { SystemName } from './options.js';
import type { ScenarioName } from './scenarios.js';

export interface Measurement {
  readonly scenario: ScenarioName;
  /** Null for direct, which sends REST calls, not a GraphQL client's request. */
  readonly client: ClientName | null;
  readonly system: SystemName;
  readonly round: number;
  /** Operations answered 2xx during the measured window. */
  readonly ok: number;
  readonly failed: number;
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Null for direct, which has no server process. */
  readonly cpuMsPerOp: number | null;
  /** CPU time ÷ wall time of the server over the measured window (1 = one core busy); null for direct. */
  readonly cpuBusy: number | null;
  readonly peakRssMb: number | null;
  /** Counted at the fake over a few sequential operations after the load. */
  readonly callsPerOp: number;
  readonly bytesPerOp: number;
  readonly endpoints: readonly string[];
  /**
   * Redis commands per operation, counted at Redis over the same sequential operations as the
   * upstream calls; null for the systems without Redis.
   */
  readonly redisCommandsPerOp: number | null;
}

/**
 * The ratios computed, `system ÷ baseline`: the gateway ÷ each baseline, and the gateway with its
 * shared state in Redis ÷ the gateway alone.
 */
export const COMPARISONS = [
  { system: 'gateway', baseline: 'raw' },
  { system: 'gateway', baseline: 'mesh' },
  { system: 'gateway', baseline: 'tailcall' },
  { system: 'gateway-redis', baseline: 'gateway' },
] as const satisfies readonly { system: SystemName; baseline: SystemName }[];
export type Compared = (typeof COMPARISONS)[number]['system'];
export type Baseline = (typeof COMPARISONS)[number]['baseline'];

/** The figures that have a median per system and a gateway ÷ baseline ratio. */
export const FIGURES = [
  'reqPerSec',
  'p50Ms',
  'p99Ms',
  'cpuMsPerOp',
  'peakRssMb',
  'callsPerOp',
  'bytesPerOp',
] as const;
export type Figure = (typeof FIGURES)[number];

export interface Range {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export interface SystemSummary extends Readonly<Record<Figure, number | null>> {
  readonly scenario: ScenarioName;
  readonly client: ClientName | null;
  readonly system: SystemName;
  readonly rounds: number;
  /** Median operations measured per round. */
  readonly ops: number | null;
  readonly cpuBusy: number | null;
  /** Failed operations over all rounds. */
  readonly failed: number;
  /** Of the last round. */
  readonly endpoints: readonly string[];
  /** Median over rounds; null for the systems without Redis. */
  readonly redisCommandsPerOp: number | null;
}

export interface RatioSummary extends Readonly<Record<Figure, Range | null>> {
  readonly scenario: ScenarioName;
  readonly client: ClientName;
  /** The numerator: `gateway`, or `gateway-redis` (whose baseline is then `gateway`). */
  readonly system: Compared;
  readonly baseline: Baseline;
  readonly rounds: number;
}

export interface Summary {
  readonly systems: readonly SystemSummary[];
  readonly ratios: readonly RatioSummary[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

const finite = (values: readonly (number | null)[]): number[] =>
  values.filter((value): value is number => value !== null && Number.isFinite(value));

const medianOrNull = (values: readonly (number | null)[]): number | null => {
  const kept = finite(values);
  return kept.length === 0 ? null : median(kept);
};

const range = (values: readonly number[]): Range | null =>
  values.length === 0
    ? null
    : { median: median(values), min: Math.min(...values), max: Math.max(...values) };

export function summarize(
  measurements: readonly Measurement[],
  order: {
    readonly scenarios: readonly ScenarioName[];
    readonly clients: readonly ClientName[];
    readonly systems: readonly SystemName[];
  },
): Summary {
  const systems: SystemSummary[] = [];
  const ratios: RatioSummary[] = [];
  for (const scenario of order.scenarios) {
    for (const client of [...order.clients, null]) {
      const runsOf = (system: SystemName): Measurement[] =>
        measurements.filter(
          (m) => m.scenario === scenario && m.client === client && m.system === system,
        );
      for (const system of order.systems) {
        const runs = runsOf(system);
        if (runs.length === 0) continue;
        const figures = Object.fromEntries(
          FIGURES.map((figure) => [figure, medianOrNull(runs.map((m) => m[figure]))]),
        ) as Record<Figure, number | null>;
        systems.push({
          scenario,
          client,
          system,
          rounds: runs.length,
          ...figures,
          ops: medianOrNull(runs.map((m) => m.ok)),
          cpuBusy: medianOrNull(runs.map((m) => m.cpuBusy)),
          failed: runs.reduce((sum, m) => sum + m.failed, 0),
          endpoints: runs.at(-1)?.endpoints ?? [],
          redisCommandsPerOp: medianOrNull(runs.map((m) => m.redisCommandsPerOp)),
        });
      }
      if (client === null) continue;
      for (const { system, baseline } of COMPARISONS) {
        const compared = runsOf(system);
        const base = runsOf(baseline);
        // Per round: the compared system's value ÷ the baseline's.
        const pairs = compared.flatMap((g) => {
          const b = base.find((m) => m.round === g.round);
          return b === undefined ? [] : [[g, b] as const];
        });
        if (pairs.length === 0) continue;
        const ratio = (figure: Figure): Range | null =>
          range(
            finite(
              pairs.map(([g, b]) => {
                const a = g[figure];
                const d = b[figure];
                return a === null || d === null || d === 0 ? null : a / d;
              }),
            ),
          );
        ratios.push({
          scenario,
          client,
          system,
          baseline,
          rounds: pairs.length,
          ...(Object.fromEntries(FIGURES.map((figure) => [figure, ratio(figure)])) as Record<
            Figure,
            Range | null
          >),
        });
      }
    }
  }
  return { systems, ratios };
}
