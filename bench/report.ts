/** Turns the run's summary (summary.ts) into the markdown report: ratios first, then each scenario's figures. */
import type { ClientName } from './clients.js';
import type { SystemName } from './options.js';
import type { ScenarioName } from './scenarios.js';
import type { SoakResult } from './soak.js';
import type { Figure, Range, Summary } from './summary.js';

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
  'gateway-redis': 'gateway + Redis',
  raw: 'raw proxy',
  mesh: 'Mesh + Hive Gateway',
  tailcall: 'Tailcall',
  direct: 'direct',
};

const clientLabel = (client: ClientName | null): string => client ?? '—';

/** Three significant digits, without exponent notation. */
function num(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, 2 - magnitude);
  return value.toFixed(Math.min(decimals, 4));
}

function ratioCell(range: Range | null): string {
  if (range === null) return '—';
  // Two decimals, or two significant digits below 0.1 (bytes ratios can be tiny).
  const fmt = (value: number): string =>
    value === 0 || Math.abs(value) >= 0.1 ? value.toFixed(2) : value.toPrecision(2);
  if (range.min === range.max) return fmt(range.median);
  return `${fmt(range.median)} (${fmt(range.min)}–${fmt(range.max)})`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The ratio columns: req/s above 1 and the rest below 1 favour the gateway. */
const RATIO_COLUMNS: readonly (readonly [Figure, string])[] = [
  ['reqPerSec', 'req/s'],
  ['p99Ms', 'p99'],
  ['cpuMsPerOp', 'CPU/op'],
  ['peakRssMb', 'peak RSS'],
  ['callsPerOp', 'upstream calls'],
  ['bytesPerOp', 'upstream bytes'],
];

/** The columns of gateway + Redis ÷ gateway: p50 too, as a Redis round trip adds to every call. */
const REDIS_RATIO_COLUMNS: readonly (readonly [Figure, string])[] = [
  ['reqPerSec', 'req/s'],
  ['p50Ms', 'p50'],
  ['p99Ms', 'p99'],
  ['cpuMsPerOp', 'CPU/op'],
  ['peakRssMb', 'peak RSS'],
  ['callsPerOp', 'upstream calls'],
  ['bytesPerOp', 'upstream bytes'],
];

const roundsOf = (ratios: readonly { readonly rounds: number }[]): string => {
  const rounds = Math.max(...ratios.map((r) => r.rounds));
  return `${rounds} round${rounds === 1 ? '' : 's'}`;
};

export function buildReport(context: ReportContext, summary: Summary): string {
  const sections: string[] = [
    `# ${context.title}`,
    context.header.map((line) => `- ${line}`).join('\n'),
  ];

  const baselines = summary.ratios.filter((ratio) => ratio.system === 'gateway');
  if (baselines.length > 0) {
    sections.push(
      '## Ratios',
      `Gateway ÷ each baseline, for the same scenario and client profile: the median over ${roundsOf(baselines)} of the per-round ratio, with its min–max. req/s above 1 and p99, CPU, RSS, calls and bytes below 1 favour the gateway.`,
      table(
        ['scenario', 'client', 'gateway ÷', ...RATIO_COLUMNS.map(([, label]) => label)],
        baselines.map((ratio) => [
          ratio.scenario,
          ratio.client,
          SYSTEM_LABEL[ratio.baseline],
          ...RATIO_COLUMNS.map(([figure]) => ratioCell(ratio[figure])),
        ]),
      ),
    );
  }

  const shared = summary.ratios.filter((ratio) => ratio.system === 'gateway-redis');
  if (shared.length > 0) {
    sections.push(
      '## Shared state: gateway + Redis ÷ gateway',
      `The same gateway with \`REDIS_URL\` set (token budgets, the cache's second level and live-poll leases in Redis) ÷ the gateway alone, for the same scenario and client profile: the median over ${roundsOf(shared)} of the per-round ratio, with its min–max. req/s below 1 and p50, p99 and CPU above 1 are what sharing state costs; Redis's own CPU time (on the load core) is not in CPU/op.`,
      table(
        ['scenario', 'client', 'ratio', ...REDIS_RATIO_COLUMNS.map(([, label]) => label)],
        shared.map((ratio) => [
          ratio.scenario,
          ratio.client,
          `${SYSTEM_LABEL[ratio.system]} ÷ ${SYSTEM_LABEL[ratio.baseline]}`,
          ...REDIS_RATIO_COLUMNS.map(([figure]) => ratioCell(ratio[figure])),
        ]),
      ),
    );
  }

  const peaks = context.systems.flatMap((system) => {
    const values = summary.systems
      .filter((s) => s.system === system)
      .map((s) => s.peakRssMb)
      .filter((value): value is number => value !== null);
    return values.length === 0 ? [] : [`${SYSTEM_LABEL[system]} ${num(Math.max(...values))} MB`];
  });
  if (peaks.length > 0) {
    sections.push(
      `Peak RSS over the whole run (the largest per-scenario median): ${peaks.join(', ')}. A process keeps the heap its heaviest scenario grew, so a scenario's peak RSS below also reflects the scenarios run before it.`,
    );
  }

  sections.push('## Memory', memorySection(context.memory));

  // Redis commands per operation, only in a run with a system that has Redis.
  const withRedis = summary.systems.some((s) => s.redisCommandsPerOp !== null);
  for (const { name, description } of context.scenarios) {
    const rows = summary.systems
      .filter((s) => s.scenario === name)
      .map((s) => [
        clientLabel(s.client),
        SYSTEM_LABEL[s.system],
        num(s.reqPerSec),
        num(s.p50Ms),
        num(s.p99Ms),
        num(s.ops),
        num(s.callsPerOp),
        num(s.bytesPerOp === null ? null : s.bytesPerOp / 1024),
        num(s.cpuMsPerOp),
        num(s.cpuBusy === null ? null : s.cpuBusy * 100),
        num(s.peakRssMb),
        ...(withRedis ? [num(s.redisCommandsPerOp)] : []),
        String(s.failed),
        s.endpoints.map((endpoint) => `\`${endpoint}\``).join(', '),
      ]);
    sections.push(
      `## ${name}`,
      description,
      table(
        [
          'client',
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
          ...(withRedis ? ['Redis commands/op'] : []),
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
