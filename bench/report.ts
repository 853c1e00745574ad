/** Turns the measurements into the markdown report: ratios first, then each scenario's figures. */
import type { SystemName } from './options.js';
import type { ScenarioName } from './scenarios.js';
import type { SoakResult } from './soak.js';

export interface Measurement {
  readonly scenario: ScenarioName;
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
}

export interface ReportContext {
  readonly title: string;
  readonly header: readonly string[];
  readonly scenarios: readonly { readonly name: ScenarioName; readonly description: string }[];
  readonly systems: readonly SystemName[];
  readonly notes: readonly string[];
  /** The soak's figures, or why there are none. */
  readonly memory: SoakResult | string;
}

/** The memory targets of the performance issue. */
export const HEAP_GROWTH_TARGET_MB = 20;
export const PEAK_RSS_TARGET_MB = 150;

export const SYSTEM_LABEL: Record<SystemName, string> = {
  gateway: 'gateway',
  raw: 'raw proxy',
  mesh: 'Mesh + Hive Gateway',
  direct: 'direct',
};

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/** Three significant digits, without exponent notation. */
function num(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, 2 - magnitude);
  return value.toFixed(Math.min(decimals, 4));
}

function ratioCell(values: readonly number[]): string {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return '—';
  // Two decimals, or two significant digits below 0.1 (bytes ratios can be tiny).
  const fmt = (value: number): string =>
    value === 0 || Math.abs(value) >= 0.1 ? value.toFixed(2) : value.toPrecision(2);
  if (finite.length === 1) return fmt(finite[0] ?? Number.NaN);
  return `${fmt(median(finite))} (${fmt(Math.min(...finite))}–${fmt(Math.max(...finite))})`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

type Pick = (m: Measurement) => number | null;

export function buildReport(context: ReportContext, measurements: readonly Measurement[]): string {
  const find = (
    scenario: ScenarioName,
    system: SystemName,
    round: number,
  ): Measurement | undefined =>
    measurements.find((m) => m.scenario === scenario && m.system === system && m.round === round);
  const rounds = [...new Set(measurements.map((m) => m.round))].sort((a, b) => a - b);

  /** Per round, the gateway's value ÷ the other system's. */
  const ratios = (scenario: ScenarioName, other: SystemName, pick: Pick): number[] =>
    rounds.flatMap((round) => {
      const gateway = find(scenario, 'gateway', round);
      const base = find(scenario, other, round);
      if (gateway === undefined || base === undefined) return [];
      const a = pick(gateway);
      const b = pick(base);
      return a === null || b === null || b === 0 ? [] : [a / b];
    });

  const sections: string[] = [
    `# ${context.title}`,
    context.header.map((line) => `- ${line}`).join('\n'),
  ];

  const has = (system: SystemName): boolean => context.systems.includes(system);
  if (has('gateway') && (has('raw') || has('mesh'))) {
    const head = ['scenario'];
    if (has('raw')) head.push('req/s gateway ÷ raw', 'p99 gateway ÷ raw', 'CPU/op gateway ÷ raw');
    if (has('mesh')) {
      head.push(
        'req/s gateway ÷ Mesh',
        'p99 gateway ÷ Mesh',
        'calls gateway ÷ Mesh',
        'bytes gateway ÷ Mesh',
      );
    }
    const rows = context.scenarios.map(({ name }) => {
      const cells: string[] = [name];
      if (has('raw')) {
        cells.push(
          ratioCell(ratios(name, 'raw', (m) => m.reqPerSec)),
          ratioCell(ratios(name, 'raw', (m) => m.p99Ms)),
          ratioCell(ratios(name, 'raw', (m) => m.cpuMsPerOp)),
        );
      }
      if (has('mesh')) {
        cells.push(
          ratioCell(ratios(name, 'mesh', (m) => m.reqPerSec)),
          ratioCell(ratios(name, 'mesh', (m) => m.p99Ms)),
          ratioCell(ratios(name, 'mesh', (m) => m.callsPerOp)),
          ratioCell(ratios(name, 'mesh', (m) => m.bytesPerOp)),
        );
      }
      return cells;
    });
    sections.push(
      '## Ratios',
      `Median over ${rounds.length} round${rounds.length === 1 ? '' : 's'} of the per-round ratio, with its min–max. req/s above 1 and p99, CPU, calls and bytes below 1 favour the gateway.`,
      table(head, rows),
    );
  }

  const peaks = context.systems.flatMap((system) => {
    const values = measurements
      .filter((m) => m.system === system)
      .map((m) => m.peakRssMb)
      .filter((value): value is number => value !== null);
    return values.length === 0 ? [] : [`${SYSTEM_LABEL[system]} ${num(Math.max(...values))} MB`];
  });
  if (peaks.length > 0) {
    sections.push(
      `Peak RSS over the whole run: ${peaks.join(', ')}. A process keeps the heap its heaviest scenario grew, so a scenario's peak RSS below also reflects the scenarios run before it.`,
    );
  }

  sections.push('## Memory', memorySection(context.memory));

  for (const { name, description } of context.scenarios) {
    const rows = context.systems.flatMap((system) => {
      const runs = measurements.filter((m) => m.scenario === name && m.system === system);
      if (runs.length === 0) return [];
      const med = (pick: Pick): number | null => {
        const values = runs
          .map(pick)
          .filter((value): value is number => value !== null && Number.isFinite(value));
        return values.length === 0 ? null : median(values);
      };
      const bytes = med((m) => m.bytesPerOp);
      const busy = med((m) => m.cpuBusy);
      return [
        [
          SYSTEM_LABEL[system],
          num(med((m) => m.reqPerSec)),
          num(med((m) => m.p50Ms)),
          num(med((m) => m.p99Ms)),
          num(med((m) => m.ok)),
          num(med((m) => m.callsPerOp)),
          num(bytes === null ? null : bytes / 1024),
          num(med((m) => m.cpuMsPerOp)),
          num(busy === null ? null : busy * 100),
          num(med((m) => m.peakRssMb)),
          String(runs.reduce((sum, m) => sum + m.failed, 0)),
          runs
            .at(-1)
            ?.endpoints.map((endpoint) => `\`${endpoint}\``)
            .join(', ') ?? '',
        ],
      ];
    });
    sections.push(
      `## ${name}`,
      description,
      table(
        [
          'system',
          'req/s',
          'p50 ms',
          'p99 ms',
          'ops measured',
          'upstream calls/op',
          'upstream KB/op',
          'CPU ms/op',
          'CPU busy %',
          'peak RSS MB',
          'failed',
          'upstream endpoints',
        ],
        rows,
      ),
    );
  }

  if (context.notes.length > 0) {
    sections.push('## Notes', context.notes.map((note) => `- ${note}`).join('\n'));
  }
  return `${sections.join('\n\n')}\n`;
}

function memorySection(soak: SoakResult | string): string {
  if (typeof soak === 'string') return soak;
  const growth = soak.after.heapUsedMb - soak.baseline.heapUsedMb;
  const verdict = (met: boolean): string => (met ? '**met**' : '**not met**');
  const seconds = (value: number): string => String(Number(value.toFixed(2)));
  const signed = (value: number): string => `${value >= 0 ? '+' : ''}${num(value)}`;
  const lines = [
    `A gateway of its own (node \`--expose-gc\`, \`bench/heap-probe.ts\` preloaded), warmed with ${seconds(soak.warmupPerScenario)} s of load on each of one-call, participant-full, duplicates and hot, then soaked for ${seconds(soak.seconds)} s rotating through them (${soak.slices} slices of ${seconds(soak.seconds / soak.slices)} s, ${soak.connections} connections). Heap used is read after two \`gc()\` calls, 1 s after the load stops, before the soak (baseline) and after it.`,
    table(
      [
        'baseline heap MB',
        'heap after soak MB',
        'difference MB',
        'peak RSS during soak MB',
        'ops in soak',
        'failed',
      ],
      [
        [
          num(soak.baseline.heapUsedMb),
          num(soak.after.heapUsedMb),
          signed(growth),
          num(soak.peakRssMb),
          String(soak.ok),
          String(soak.failed),
        ],
      ],
    ),
    `Heap back within ${HEAP_GROWTH_TARGET_MB} MB of baseline after the soak: ${verdict(growth <= HEAP_GROWTH_TARGET_MB)} (${signed(growth)} MB). Peak RSS under ${PEAK_RSS_TARGET_MB} MB during the soak: ${soak.peakRssMb === null ? 'unknown (no VmHWM)' : `${verdict(soak.peakRssMb < PEAK_RSS_TARGET_MB)} (${num(soak.peakRssMb)} MB)`}${soak.peakRssReset ? '' : '; VmHWM could not be reset, so this is the process’s lifetime peak, warm-up included'}.`,
  ];
  if (soak.seconds < 60) {
    lines.push(
      `The target is stated for a 60 s soak; this one lasted ${seconds(soak.seconds)} s, so it shows that the soak works rather than that the target is met.`,
    );
  }
  return lines.join('\n\n');
}
