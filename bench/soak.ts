/**
 * The soak behind the memory target ("after a 60 s soak, heap back to within 20 MB of baseline after
 * GC"): a gateway of its own, with heap-probe.ts preloaded, is warmed on a mix of scenarios and its
 * heap read after GC (baseline); then it is loaded for --soak seconds rotating through the same
 * scenarios, with its peak RSS tracked, and its heap is read after GC again.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { withClient } from './clients.js';
import type { ClientName } from './clients.js';
import { cannon } from './load.js';
import { peakRssMb, resetPeakRss } from './processes.js';
import { scenarios } from './scenarios.js';
import type { BenchIds, Scenario, ScenarioName } from './scenarios.js';
import { startGateway } from './systems.js';
import type { StartOptions } from './systems.js';

/** The mix: small and large answers, deduplication, the cache; fan-out is left out as too heavy. */
export const SOAK_SCENARIOS: readonly ScenarioName[] = [
  'one-call',
  'participant-full',
  'duplicates',
  'hot',
];
/** Longest slice of one scenario: a 60 s soak goes through the mix 3 times. */
const SLICE_S = 5;
/**
 * Both heap readings wait this long after the load stops, so that requests cut off at its end have
 * finished and the two readings are taken alike.
 */
const QUIET_MS = 1_000;
const HEAP_TIMEOUT_MS = 10_000;
const MB = 1024 * 1024;

export interface Heap {
  readonly heapUsedMb: number;
  readonly rssMb: number;
}

export interface SoakResult {
  readonly seconds: number;
  /** Seconds of load on each scenario before the baseline. */
  readonly warmupPerScenario: number;
  readonly slices: number;
  readonly connections: number;
  readonly baseline: Heap;
  readonly after: Heap;
  /** VmHWM over the soak; over the process's life when it could not be reset. */
  readonly peakRssMb: number | null;
  readonly peakRssReset: boolean;
  /** Operations answered 2xx, and failed, during the soak. */
  readonly ok: number;
  readonly failed: number;
}

export interface SoakOptions {
  readonly start: StartOptions;
  readonly ids: BenchIds;
  /** Whose requests the soak sends (the first of --clients). */
  readonly client: ClientName;
  readonly connections: number;
  readonly warmupPerScenario: number;
  readonly seconds: number;
}

/** Roughly how long soak() takes: the loads, plus startup, the quiet waits and the GCs. */
export function soakEstimateS(seconds: number, warmupPerScenario: number): number {
  return seconds + SOAK_SCENARIOS.length * warmupPerScenario + 5;
}

export async function soak(options: SoakOptions): Promise<SoakResult> {
  const mix: Scenario[] = SOAK_SCENARIOS.map((name) => {
    const scenario = scenarios.get(name);
    if (scenario === undefined) throw new Error(`unknown scenario ${name}`);
    return scenario;
  });
  const dir = mkdtempSync(join(tmpdir(), 'bench-heap-'));
  const file = join(dir, 'heap.json');
  const gateway = await startGateway(options.start, {
    name: 'gateway-soak',
    nodeArgs: ['--expose-gc', '--import', new URL('./heap-probe.js', import.meta.url).href],
    env: { BENCH_HEAP_FILE: file },
  });
  try {
    const load = (scenario: Scenario, seconds: number) =>
      cannon(
        gateway.url,
        withClient(scenario.gateway(options.ids), options.client),
        options.connections,
        seconds,
        false,
      );

    for (const scenario of mix) await load(scenario, options.warmupPerScenario);
    await sleep(QUIET_MS);
    const baseline = await readHeap(gateway.pid, file);

    // Whole rotations of equal slices, none longer than SLICE_S.
    const slices = mix.length * Math.ceil(options.seconds / SLICE_S / mix.length);
    const peakRssReset = resetPeakRss(gateway.pid);
    let ok = 0;
    let failed = 0;
    for (let slice = 0; slice < slices; slice++) {
      const scenario = mix[slice % mix.length];
      if (scenario === undefined) continue;
      const result = await load(scenario, options.seconds / slices);
      ok += result.ok;
      failed += result.failed;
    }
    const peak = peakRssMb(gateway.pid);
    await sleep(QUIET_MS);
    const after = await readHeap(gateway.pid, file);
    return {
      seconds: options.seconds,
      warmupPerScenario: options.warmupPerScenario,
      slices,
      connections: options.connections,
      baseline,
      after,
      peakRssMb: peak,
      peakRssReset,
      ok,
      failed,
    };
  } finally {
    await gateway.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Signals the probe and waits for the figures it writes. */
async function readHeap(pid: number, file: string): Promise<Heap> {
  rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + HEAP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    await sleep(50);
    // The probe renames a complete file into place: if it exists, it is whole.
    if (!existsSync(file)) continue;
    const figures = JSON.parse(readFileSync(file, 'utf8')) as { heapUsed?: unknown; rss?: unknown };
    if (typeof figures.heapUsed !== 'number' || typeof figures.rss !== 'number') {
      throw new Error(`heap probe wrote unexpected figures: ${JSON.stringify(figures)}`);
    }
    return { heapUsedMb: figures.heapUsed / MB, rssMb: figures.rss / MB };
  }
  throw new Error(`the heap probe did not answer SIGUSR2 within ${HEAP_TIMEOUT_MS / 1000} s`);
}
