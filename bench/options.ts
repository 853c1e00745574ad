/** Command-line options of `npm run bench`. */
import { parseArgs } from 'node:util';
import { CLIENTS, DEFAULT_CLIENTS } from './clients.js';
import type { ClientName } from './clients.js';
import { SCENARIOS } from './scenarios.js';
import type { ScenarioName } from './scenarios.js';

export const SYSTEMS = ['gateway', 'gateway-redis', 'raw', 'mesh', 'tailcall', 'direct'] as const;
export type SystemName = (typeof SYSTEMS)[number];
/**
 * The systems of a run without --systems: all but gateway-redis, which would take the default run
 * past its 10 minutes (about 1½ more); `--systems gateway,gateway-redis` compares the two.
 */
export const DEFAULT_SYSTEMS: readonly SystemName[] = SYSTEMS.filter(
  (system) => system !== 'gateway-redis',
);

export interface Options {
  readonly quick: boolean;
  readonly scenarios: readonly ScenarioName[];
  readonly systems: readonly SystemName[];
  /** The client request profiles (clients.ts), each a pass over every scenario and system. */
  readonly clients: readonly ClientName[];
  readonly rounds: number;
  /** Seconds of load per system and scenario, measured. */
  readonly duration: number;
  /** Seconds of load before each measured run, discarded. */
  readonly warmup: number;
  readonly connections: number;
  /** Seconds of the gateway's memory soak after the measurements (soak.ts); 0 skips it. */
  readonly soak: number;
  /** Directory the markdown report and its JSON twin are written to. */
  readonly out: string;
  /** Also write the JSON twin here. */
  readonly json: string | undefined;
  readonly pin: boolean;
  /** Pass RealtimeKit's `filters` by hand in the REST-shaped operations of Mesh and Tailcall. */
  readonly meshFilters: boolean;
  /** Install bench/mesh/node_modules when missing (about 0.5 GB, a few minutes once). */
  readonly meshInstall: boolean;
  /** Install bench/tailcall/node_modules when missing (about 25 MB). */
  readonly tailcallInstall: boolean;
  /** Directory for the child processes' stdout and stderr; discarded when unset. */
  readonly logs: string | undefined;
  /** True when scenarios, systems or timings differ from the defaults of the mode. */
  readonly custom: boolean;
}

export const USAGE = `Usage: npm run bench [-- options]

  --quick                 short run (3 rounds, 0.3 s warm-up + 0.5 s measured); default 3 rounds, 1 s + 4 s
  --scenario <list>       comma-separated, from ${SCENARIOS.join(', ')} (default all)
  --systems <list>        comma-separated, from ${SYSTEMS.join(', ')}
                          (default ${DEFAULT_SYSTEMS.join(', ')}); gateway-redis is the gateway
                          with REDIS_URL, on a redis-server the benchmark starts
  --clients <list>        request header profiles, comma-separated, from ${CLIENTS.join(', ')}
                          (default ${DEFAULT_CLIENTS.join(', ')}); each one is a full pass
  --rounds <n>            rounds of alternating systems (default 3)
  --duration <s>          measured seconds per system and scenario
  --warmup <s>            warm-up seconds before each measured run
  --connections <n>       load-generator connections (default 10)
  --soak <s>              seconds of the gateway's memory soak after the measurements
                          (default 60; with --quick 3); 0 skips it
  --out <dir>             where the markdown report and its JSON twin go (default bench/results)
  --json <file>           also write the JSON twin (summary and every measurement) here
  --no-pin                do not pin processes to cores with taskset
  --mesh-filters          pass RealtimeKit's filters by hand in the Mesh and Tailcall operations
  --no-mesh-install       report Mesh as unavailable rather than install bench/mesh/node_modules
  --no-tailcall-install   report Tailcall as unavailable rather than install bench/tailcall/node_modules
  --logs <dir>            keep the child processes' output in this directory
  --help`;

function list<T extends string>(
  raw: string | undefined,
  allowed: readonly T[],
  what: string,
  fallback: readonly T[] = allowed,
): T[] {
  if (raw === undefined) return [...fallback];
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !allowed.includes(name as T));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(`--${what}: expected some of ${allowed.join(', ')}; got ${raw}`);
  }
  // In the canonical order, whatever order they were given in.
  return allowed.filter((name) => names.includes(name));
}

function positive(
  raw: string | undefined,
  fallback: number,
  what: string,
  integer: boolean,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`--${what}: expected a positive ${integer ? 'integer' : 'number'}; got ${raw}`);
  }
  return value;
}

/** Returns undefined when --help was asked for. */
export function parseOptions(args: readonly string[], defaultOut: string): Options | undefined {
  const { values } = parseArgs({
    args: [...args],
    allowPositionals: false,
    options: {
      quick: { type: 'boolean', default: false },
      scenario: { type: 'string' },
      systems: { type: 'string' },
      clients: { type: 'string' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      soak: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'string' },
      'no-pin': { type: 'boolean', default: false },
      'mesh-filters': { type: 'boolean', default: false },
      'no-mesh-install': { type: 'boolean', default: false },
      'no-tailcall-install': { type: 'boolean', default: false },
      logs: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return undefined;
  const quick = values.quick;
  const custom =
    values.scenario !== undefined ||
    values.systems !== undefined ||
    values.clients !== undefined ||
    values.rounds !== undefined ||
    values.duration !== undefined ||
    values.warmup !== undefined ||
    values.connections !== undefined ||
    values.soak !== undefined ||
    values['mesh-filters'] ||
    values['no-pin'];
  return {
    quick,
    scenarios: list(values.scenario, SCENARIOS, 'scenario'),
    systems: list(values.systems, SYSTEMS, 'systems', DEFAULT_SYSTEMS),
    clients: list(values.clients, CLIENTS, 'clients', DEFAULT_CLIENTS),
    rounds: positive(values.rounds, 3, 'rounds', true),
    duration: positive(values.duration, quick ? 0.5 : 4, 'duration', false),
    warmup: positive(values.warmup, quick ? 0.3 : 1, 'warmup', false),
    connections: positive(values.connections, 10, 'connections', true),
    soak: values.soak === '0' ? 0 : positive(values.soak, quick ? 3 : 60, 'soak', false),
    out: values.out ?? defaultOut,
    json: values.json,
    pin: !values['no-pin'],
    meshFilters: values['mesh-filters'],
    meshInstall: !values['no-mesh-install'],
    tailcallInstall: !values['no-tailcall-install'],
    logs: values.logs,
    custom,
  };
}
