/**
 * `npm run bench`: the gateway against its baselines (raw proxy, GraphQL Mesh + Hive Gateway,
 * Tailcall, direct REST calls), and on request against itself with its shared state in Redis
 * (gateway-redis), on the five scenarios of ../../shared/benchmarks.md, sent with real clients'
 * request headers, all on the same fake upstream in one run, systems alternating within each
 * round. Prints a markdown report and writes it, with its JSON twin, under bench/results/. See
 * bench/README.md.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, release, type as osType } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { BROWSER_ORIGIN, CLIENT_PROFILES, withClient } from './clients.js';
import type { ClientName } from './clients.js';
import { startFake } from './fake.js';
import type { FakeProcess, UpstreamCount } from './fake.js';
import {
  cannon,
  DEMO_AUTHORIZATION,
  directClient,
  directLoad,
  postGraphQL,
  quantile,
} from './load.js';
import type { LoadResult } from './load.js';
import { composeMesh, ensureMesh } from './mesh.js';
import { parseOptions, USAGE } from './options.js';
import type { Options, SystemName } from './options.js';
import { cpuMs, peakRssMb, pinSelf, resetPeakRss } from './processes.js';
import { commandsBetween, gatewayRedisUp, startRedis, waitForRedisUp } from './redis.js';
import type { RedisServer } from './redis.js';
import { buildReport, SYSTEM_LABEL } from './report.js';
import { summarize } from './summary.js';
import type { Measurement } from './summary.js';
import { appOf } from './rest.js';
import { DUPLICATE_PEERS, FAN_OUT_PAGE, scenarios } from './scenarios.js';
import type { BenchIds, GraphQLRequest, Scenario, ScenarioName } from './scenarios.js';
import { soak, soakEstimateS, SOAK_SCENARIOS } from './soak.js';
import type { SoakResult } from './soak.js';
import {
  startGateway,
  startGatewayWithRedis,
  startMesh,
  startRawProxy,
  startTailcall,
} from './systems.js';
import type { ServerSystem } from './systems.js';
import { ensureTailcall } from './tailcall.js';
import { loadConfig } from '../src/config.js';

/** Sequential operations after each load whose upstream calls and bytes are counted. */
const PROBE_OPERATIONS = 2;
/**
 * After a load, requests it cut off may still be at work in the server (and making upstream calls,
 * which must not be counted): the count starts once, for SETTLE_QUIET_POLLS polls SETTLE_POLL_MS
 * apart, the fake saw no call and the server and the fake together used at most SETTLE_IDLE_CPU_MS
 * of CPU (two clock ticks). Bounded by SETTLE_MAX_POLLS.
 */
const SETTLE_POLL_MS = 100;
const SETTLE_QUIET_POLLS = 2;
const SETTLE_IDLE_CPU_MS = 20;
const SETTLE_MAX_POLLS = 150;

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

interface Target {
  readonly system: SystemName;
  /** Null for direct. */
  readonly server: ServerSystem | null;
  /** The system's operation for a scenario, without a client's headers. */
  request(scenario: Scenario): GraphQLRequest;
  /** The Redis the server keeps its shared state in (gateway-redis). */
  readonly redis?: RedisServer;
}

/** One system measured with one client profile's requests (none for direct). */
interface Run {
  readonly target: Target;
  readonly client: ClientName | null;
}

function firstDifference(a: unknown, b: unknown, path = 'data'): string {
  if (isDeepStrictEqual(a, b)) return '';
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const inner = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (inner !== '') return inner;
    }
  }
  const show = (value: unknown): string =>
    ((JSON.stringify(value) as string | undefined) ?? 'undefined').slice(0, 80);
  return `${path}: ${show(a)} vs ${show(b)}`;
}

async function main(): Promise<number> {
  const root = process.cwd();
  if (!existsSync(join(root, 'bench', 'mesh', 'openapi.yaml'))) {
    log('Run the benchmark from the repository root: npm run bench');
    return 2;
  }
  let options: Options | undefined;
  try {
    options = parseOptions(process.argv.slice(2), join(root, 'bench', 'results'));
  } catch (error) {
    log(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (options === undefined) {
    log(USAGE);
    return 0;
  }
  const opts = options;
  const startedAt = new Date();
  const notes: string[] = [];
  const warn = (message: string): void => {
    log(`WARNING: ${message}`);
    notes.push(`**Warning:** ${message}`);
  };
  if (opts.logs !== undefined) mkdirSync(opts.logs, { recursive: true });

  // The peers are installed (once) before pinning, so npm may use both cores.
  let meshStatus = 'not run (not among --systems)';
  const mesh = opts.systems.includes('mesh')
    ? await ensureMesh(root, opts.meshInstall, log)
    : undefined;
  if (mesh !== undefined && !mesh.ok) {
    meshStatus = `unavailable: ${mesh.reason}`;
    warn(`GraphQL Mesh is unavailable and left out: ${mesh.reason}`);
  }
  let tailcallStatus = 'not run (not among --systems)';
  const tailcall = opts.systems.includes('tailcall')
    ? await ensureTailcall(root, opts.tailcallInstall, log)
    : undefined;
  if (tailcall !== undefined && !tailcall.ok) {
    tailcallStatus = `unavailable: ${tailcall.reason}`;
    warn(`Tailcall is unavailable and left out: ${tailcall.reason}`);
  }
  let redisStatus = 'not run (gateway-redis not among --systems)';
  const restShapedNote = `operations REST-shaped, ${opts.meshFilters ? 'with `filters` passed by hand' : 'without `filters` (it cannot derive them from the selection)'}`;

  // Read before pinning: afterwards this process sees only its own core.
  const cores = availableParallelism();
  const unpinned = pinSelf(opts.pin);
  if (unpinned !== null && opts.pin) warn(`processes are not pinned to cores: ${unpinned}`);
  const pinning =
    unpinned === null
      ? `system under test on core 0; fake upstream${opts.systems.includes('gateway-redis') ? ', Redis (gateway + Redis)' : ''} and load generator on core 1 (taskset)`
      : unpinned;

  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async (): Promise<void> => {
    for (const stop of cleanups.reverse()) await stop().catch(() => undefined);
    cleanups.length = 0;
  };
  const onSignal = (): void => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const fake: FakeProcess = await startFake(opts.logs);
    cleanups.push(() => fake.stop());
    const app = appOf(fake.ready.url, fake.ready.accountId, fake.ready.appId);
    const ids = await benchIds(fake);
    const upstreamDefaults = loadConfig({}).upstream;

    const startOptions = { fake: fake.ready, pin: unpinned === null, logDir: opts.logs };
    // The servers start side by side; a failure of the gateway or the raw proxy ends the run, one
    // of a peer leaves it out.
    const restShaped = (s: Scenario): GraphQLRequest => s.restShaped(ids, opts.meshFilters);
    const startTarget = async (system: SystemName): Promise<Target | undefined> => {
      if (system === 'direct') return { system, server: null, request: (s) => s.gateway(ids) };
      if (system === 'tailcall') {
        if (tailcall === undefined || !tailcall.ok) return undefined;
        try {
          const server = await startTailcall(
            startOptions,
            tailcall.paths,
            `${app.origin}${app.prefix}`,
          );
          cleanups.push(() => server.stop());
          tailcallStatus = `${tailcall.versions}; ${restShapedNote}`;
          return { system, server, request: restShaped };
        } catch (error) {
          tailcallStatus = `unavailable: ${error instanceof Error ? error.message : String(error)}`;
          warn(`Tailcall did not start and is left out: ${tailcallStatus}`);
          return undefined;
        }
      }
      if (system === 'gateway-redis') {
        // Redis first, so that the gateway finds it up; left out, like a peer, if either fails.
        try {
          const redis = await startRedis(opts.logs);
          cleanups.push(() => redis.stop());
          const server = await startGatewayWithRedis(startOptions, redis.url);
          cleanups.push(() => server.stop());
          await waitForRedisUp(server.url);
          redisStatus = `redis-server ${redis.version} on 127.0.0.1 (\`--save '' --appendonly no\`), ${unpinned === null ? 'on core 1 with the fake and the load generator' : 'unpinned'}; the gateway with \`REDIS_URL\`, a fixed 40-character \`TOKEN_HASH_SECRET\`, \`REPLICAS=1\``;
          return { system, server, request: (s) => s.gateway(ids), redis };
        } catch (error) {
          redisStatus = `unavailable: ${error instanceof Error ? error.message : String(error)}`;
          warn(`gateway + Redis did not start and is left out: ${redisStatus}`);
          return undefined;
        }
      }
      if (system !== 'mesh') {
        const server =
          system === 'gateway'
            ? await startGateway(startOptions)
            : await startRawProxy(startOptions);
        cleanups.push(() => server.stop());
        return { system, server, request: (s) => s.gateway(ids) };
      }
      if (mesh === undefined || !mesh.ok) return undefined;
      try {
        log('Composing the Mesh supergraph…');
        const supergraph = await composeMesh(mesh.paths, `${app.origin}${app.prefix}`);
        const server = await startMesh(startOptions, mesh.paths, supergraph);
        cleanups.push(() => server.stop());
        meshStatus = `${mesh.versions}; ${restShapedNote}`;
        return { system, server, request: restShaped };
      } catch (error) {
        meshStatus = `unavailable: ${error instanceof Error ? error.message : String(error)}`;
        warn(`GraphQL Mesh did not start and is left out: ${meshStatus}`);
        return undefined;
      }
    };
    const started = await Promise.allSettled(opts.systems.map(startTarget));
    const targets: Target[] = [];
    for (const outcome of started) {
      if (outcome.status === 'rejected') throw outcome.reason;
      if (outcome.value !== undefined) targets.push(outcome.value);
    }
    const direct = directClient(
      app,
      upstreamDefaults.connections,
      upstreamDefaults.concurrencyPerRequest,
    );
    cleanups.push(() => direct.close());

    /** The connections and measured-window factor of a scenario's load. */
    const shape = (scenario: Scenario): { connections: number; durationFactor: number } => ({
      connections: Math.min(opts.connections, scenario.load?.maxConnections ?? opts.connections),
      durationFactor: scenario.load?.durationFactor ?? 1,
    });

    const selected = opts.scenarios.map((name) => {
      const scenario = scenarios.get(name);
      if (scenario === undefined) throw new Error(`unknown scenario ${name}`);
      return scenario;
    });

    /** Waits until the server and the fake are idle (see SETTLE_POLL_MS); bounded. */
    async function settle(serverPid: number): Promise<void> {
      const busy = (): number => cpuMs(serverPid) + cpuMs(fake.pid);
      let before = busy();
      let quiet = 0;
      for (let poll = 0; poll < SETTLE_MAX_POLLS && quiet < SETTLE_QUIET_POLLS; poll++) {
        await sleep(SETTLE_POLL_MS);
        const { calls } = await fake.count();
        const now = busy();
        quiet = calls === 0 && now - before <= SETTLE_IDLE_CPU_MS ? quiet + 1 : 0;
        before = now;
      }
    }

    /**
     * The runs of one scenario in one round, systems in `order`: every client profile with every
     * server, and direct once (it sends REST calls, no client's request).
     */
    const runsOf = (order: readonly Target[]): Run[] =>
      opts.clients.flatMap((client, index) =>
        order.flatMap((target): Run[] => {
          if (target.server !== null) return [{ target, client }];
          return index === 0 ? [{ target, client: null }] : [];
        }),
      );
    const label = (run: Run): string =>
      `${SYSTEM_LABEL[run.target.system]}${run.client === null ? '' : ` (${run.client})`}`;
    const requestOf = (run: Run, scenario: Scenario): GraphQLRequest =>
      withClient(run.target.request(scenario), run.client ?? 'plain');

    /** Runs a few operations one after another and counts their upstream calls at the fake. */
    async function probe(
      run: Run,
      scenario: Scenario,
    ): Promise<{ data: unknown; count: UpstreamCount; redis: [string, number][] | null }> {
      const { redis } = run.target;
      await fake.reset();
      const before = await redis?.commandCounts();
      let data: unknown;
      for (let i = 0; i < PROBE_OPERATIONS; i++) {
        if (run.target.server === null) await direct.run(scenario.direct(ids));
        else data = await postGraphQL(run.target.server.url, requestOf(run, scenario));
      }
      const count = await fake.count();
      // The gateway writes the cache's second level without waiting: the last write may land
      // after the answer.
      const after = await redis?.settledCommandCounts();
      return {
        data,
        count,
        redis: before === undefined || after === undefined ? null : commandsBetween(before, after),
      };
    }

    // Check every system answers every scenario correctly before measuring anything: the raw proxy
    // gives the gateway's data, Tailcall gives Mesh's (the same REST-shaped operation).
    const broken = new Set<string>();
    const key = (scenario: ScenarioName, run: Run): string =>
      `${scenario}/${run.client ?? ''}/${run.target.system}`;
    const SAME_DATA = [
      { system: 'raw', reference: 'gateway', text: 'The raw proxy returned exactly the gateway’s' },
      {
        system: 'gateway-redis',
        reference: 'gateway',
        text: 'The gateway with Redis returned exactly the gateway’s',
      },
      { system: 'tailcall', reference: 'mesh', text: 'Tailcall returned exactly Mesh’s' },
    ] as const;
    const differs = new Set<SystemName>();
    /** Per scenario, the Redis commands of one gateway + Redis operation (the first profile's). */
    const redisCommands = new Map<ScenarioName, [string, number][]>();
    for (const scenario of selected) {
      const dataOf = new Map<string, unknown>();
      for (const run of runsOf(targets)) {
        try {
          const { data, count, redis } = await probe(run, scenario);
          dataOf.set(`${run.client ?? ''}/${run.target.system}`, data);
          if (redis !== null && !redisCommands.has(scenario.name))
            redisCommands.set(scenario.name, redis);
          const perOp = count.calls / PROBE_OPERATIONS;
          const expected = `${scenario.name}: the gateway${run.target.system === 'gateway-redis' ? ' with Redis' : ''} made ${num(perOp)} upstream calls per operation where ${scenario.expectedGatewayCalls} are expected.`;
          if (
            (run.target.system === 'gateway' || run.target.system === 'gateway-redis') &&
            perOp !== scenario.expectedGatewayCalls &&
            !notes.includes(expected)
          )
            notes.push(expected);
          const check = SAME_DATA.find((c) => c.system === run.target.system);
          const other =
            check === undefined ? undefined : dataOf.get(`${run.client ?? ''}/${check.reference}`);
          if (check !== undefined && other !== undefined && !isDeepStrictEqual(data, other)) {
            differs.add(check.system);
            warn(
              `${scenario.name}: ${label(run)}'s data differs from ${SYSTEM_LABEL[check.reference]}'s (${firstDifference(data, other)})`,
            );
          }
        } catch (error) {
          broken.add(key(scenario.name, run));
          warn(
            `${scenario.name}: ${label(run)} failed and is left out of this scenario: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
    }
    const measured = (system: SystemName): boolean => targets.some((t) => t.system === system);
    if (redisCommands.size > 0) {
      const perOp = (calls: number): string => num(calls / PROBE_OPERATIONS);
      notes.push(
        `Redis commands per gateway + Redis operation, counted at Redis (\`INFO commandstats\`, where the commands a Lua script or a MULTI runs count too) over the same ${PROBE_OPERATIONS} sequential operations as the upstream calls, in the check before measuring: ${[
          ...redisCommands,
        ]
          .map(
            ([scenario, commands]) =>
              `${scenario} ${commands.length === 0 ? 'none' : commands.map(([name, calls]) => `${perOp(calls)} ${name}`).join(' + ')}`,
          )
          .join('; ')}.`,
      );
    }
    for (const { system, reference, text } of SAME_DATA) {
      if (measured(system) && measured(reference) && !differs.has(system))
        notes.push(
          `${text} \`data\` in every scenario and client profile (checked before measuring).`,
        );
    }

    const measurements: Measurement[] = [];
    const perRound = runsOf(targets).length;
    const total = opts.rounds * selected.length * perRound;
    const estimateS =
      opts.rounds *
      perRound *
      selected.reduce(
        (sum, s) => sum + opts.warmup + opts.duration * shape(s).durationFactor + 0.4,
        0,
      );
    const soaking = opts.soak > 0 && targets.some((t) => t.system === 'gateway');
    const soakS = soaking ? soakEstimateS(opts.soak, opts.warmup) : 0;
    log(
      `Measuring ${total} runs (${opts.rounds} rounds × ${selected.length} scenarios × ${perRound} systems and client profiles)${soaking ? `, then a ${opts.soak} s memory soak` : ''}: about ${Math.ceil((estimateS + soakS) / 60)} min…`,
    );
    // A hard bound on the measuring phase: twice the estimate, plus a minute.
    const deadline = Date.now() + (2 * estimateS + 60) * 1000;
    let stoppedEarly = false;

    rounds: for (let round = 1; round <= opts.rounds; round++) {
      for (const scenario of selected) {
        // A B C, then B C A, then C A B…: no system always goes first.
        const shift = (round - 1) % targets.length;
        const order = [...targets.slice(shift), ...targets.slice(0, shift)];
        for (const run of runsOf(order)) {
          if (broken.has(key(scenario.name, run))) continue;
          if (Date.now() > deadline) {
            stoppedEarly = true;
            break rounds;
          }
          const measurement = await measure(run, scenario, round);
          measurements.push(measurement);
          log(
            `  round ${round}/${opts.rounds} ${scenario.name.padEnd(16)} ${label(run).padEnd(36)} ${num(measurement.reqPerSec).padStart(7)} req/s  p50 ${num(measurement.p50Ms)} ms  p99 ${num(measurement.p99Ms)} ms  ${num(measurement.callsPerOp)} calls/op${measurement.failed > 0 ? `  ${measurement.failed} FAILED` : ''}`,
          );
        }
      }
    }
    if (stoppedEarly) warn('the run hit its time bound and stopped early: some rounds are missing');

    async function load(
      run: Run,
      scenario: Scenario,
      seconds: number,
      record: boolean,
    ): Promise<LoadResult> {
      const { connections } = shape(scenario);
      if (run.target.server === null) {
        return directLoad(direct, scenario.direct(ids), connections, seconds, record);
      }
      return cannon(run.target.server.url, requestOf(run, scenario), connections, seconds, record);
    }

    async function measure(run: Run, scenario: Scenario, round: number): Promise<Measurement> {
      const pid = run.target.server?.pid;
      await fake.reset();
      const rssWindow = pid !== undefined && resetPeakRss(pid);
      if (pid !== undefined && !rssWindow && !notes.includes(RSS_LIFETIME_NOTE))
        notes.push(RSS_LIFETIME_NOTE);
      await load(run, scenario, opts.warmup, false);
      await fake.reset();
      const cpuBefore = pid === undefined ? 0 : cpuMs(pid);
      const result = await load(
        run,
        scenario,
        opts.duration * shape(scenario).durationFactor,
        true,
      );
      const cpuAfter = pid === undefined ? 0 : cpuMs(pid);
      const rss = pid === undefined ? null : peakRssMb(pid);
      if (pid !== undefined) await settle(pid);
      if (run.target.redis !== undefined && run.target.server !== null) {
        const up = await gatewayRedisUp(run.target.server.url).catch(() => false);
        if (!up)
          warn(
            `${scenario.name}, round ${round}: ${label(run)} reported Redis away after the load (rtk_graphql_redis_up 0): it ran, at least in part, on its per-replica fallbacks`,
          );
      }
      let count: UpstreamCount = { calls: Number.NaN, bytes: Number.NaN, endpoints: [] };
      let redisCommandsPerOp: number | null = null;
      try {
        let redis: [string, number][] | null;
        ({ count, redis } = await probe(run, scenario));
        if (redis !== null)
          redisCommandsPerOp = redis.reduce((sum, [, calls]) => sum + calls, 0) / PROBE_OPERATIONS;
      } catch (error) {
        warn(
          `${scenario.name}, round ${round}: counting ${label(run)}'s upstream calls failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      return {
        scenario: scenario.name,
        client: run.client,
        system: run.target.system,
        round,
        ok: result.ok,
        failed: result.failed,
        reqPerSec: result.ok / (result.elapsedMs / 1000),
        p50Ms: quantile(result.latenciesMs, 0.5),
        p99Ms: quantile(result.latenciesMs, 0.99),
        cpuMsPerOp:
          pid === undefined || result.ok === 0 ? null : (cpuAfter - cpuBefore) / result.ok,
        cpuBusy: pid === undefined ? null : (cpuAfter - cpuBefore) / result.elapsedMs,
        peakRssMb: rss,
        callsPerOp: count.calls / PROBE_OPERATIONS,
        bytesPerOp: count.bytes / PROBE_OPERATIONS,
        endpoints: count.endpoints,
        redisCommandsPerOp,
      };
    }

    // After the measurements, on the same fake; the servers measured above sit idle meanwhile.
    let memory: SoakResult | string;
    if (!soaking) {
      memory =
        opts.soak === 0
          ? 'No soak in this run (`--soak 0`).'
          : 'No soak in this run: the gateway is not among `--systems`.';
    } else {
      log(
        `Memory soak: ${opts.warmup} s warm-up on each of ${SOAK_SCENARIOS.join(', ')}, then ${opts.soak} s…`,
      );
      try {
        memory = await soak({
          start: startOptions,
          ids,
          client: opts.clients[0] ?? 'apollo',
          connections: opts.connections,
          warmupPerScenario: opts.warmup,
          seconds: opts.soak,
        });
        log(
          `  heap ${num(memory.baseline.heapUsedMb)} → ${num(memory.after.heapUsedMb)} MB after GC, peak RSS ${num(memory.peakRssMb ?? Number.NaN)} MB, ${memory.ok} ops${memory.failed > 0 ? `, ${memory.failed} FAILED` : ''}`,
        );
      } catch (error) {
        memory = `The soak failed: ${error instanceof Error ? error.message : String(error)}`;
        warn(memory);
      }
    }

    await cleanup();

    const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cores} cores, ${osType()} ${release()}, Node ${process.version}`;
    const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
    notes.push(
      `Upstream calls and bytes are counted at the fake over ${PROBE_OPERATIONS} operations sent one after another after each load; bytes are response bodies. CPU time is the server process's user + system time over the measured window (from /proc, 10 ms ticks) ÷ operations; peak RSS is its VmHWM over warm-up + measured window.`,
      'Latencies are per operation, measured by the load generator: for direct, one operation is all of its REST calls (a list call first, then the rest at most 8 at a time, like the gateway).',
      `The gateway runs the built \`src/main.js\` at its documented defaults (\`loadConfig({})\`, log level included: one JSON line per request), except that its client-side token bucket is opened wide (the fake’s rate limit is too) and the browser profile’s origin is allowed (\`CORS_ORIGINS=${BROWSER_ORIGIN}\`; Tailcall’s config allows it too) (the breaker is at its default: the load generator cuts the connections of requests in flight at the end of each run, and calls abandoned that way are not upstream failures). Defaults kept: ${upstreamDefaults.connections} upstream connections, ${upstreamDefaults.concurrencyPerRequest} calls at a time per request; the raw proxy uses the same two numbers.`,
      'CPU busy is the server’s CPU time ÷ wall time over the measured window: near 100 % the system itself is the bottleneck; well below, something else is (with 2 cores, usually core 1, shared by the fake and the load generator, as when the raw proxy is about as fast as direct). gateway ÷ raw req/s then understates the gap, and CPU/op gateway ÷ raw is the better measure.',
      `Requests carry the headers (and body extensions) of the client profile named beside each figure, exactly as that library sends them (bench/clients.ts cites where in its source), the same for every system: ${opts.clients.map((client) => `${client} \`${JSON.stringify(CLIENT_PROFILES[client])}\``).join('; ')}; plus \`authorization\` and the scenario’s \`cache-control\`.`,
      'The gateway’s cross-request cache is on (its default); one-call, participant-full, fan-out and duplicates send `Cache-Control: no-cache`, so the gateway asks upstream every time and refreshes the cache, as a dashboard’s refresh button does. hot sends no such header: once warm, the cache answers it. The other systems have no cache and ignore the header.',
    );
    if (measured('gateway-redis'))
      notes.push(
        `gateway + Redis is the gateway’s process exactly as measured above, with its shared state in a redis-server of its own (\`REDIS_URL\`, \`TOKEN_HASH_SECRET\`, \`REPLICAS=1\`): every upstream call first takes its token’s budget with one Lua script (one round trip, awaited) and the answer’s \`Ratelimit\` reading is written back with another (not awaited), every body fetched (up to 4 MiB) is also written to the cache’s second level, without waiting for it, and a first-level miss reads the second level before calling upstream (hot is answered by the first level once warm). Redis runs ${unpinned === null ? 'on core 1, beside the fake and the load generator' : 'unpinned'}; its CPU time is in no CPU/op figure.`,
      );
    const summary = summarize(measurements, {
      scenarios: selected.map((s) => s.name),
      clients: opts.clients,
      systems: targets.map((t) => t.system),
    });
    const report = buildReport(
      {
        title: `Benchmark, ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        header: [
          `Machine: ${machine}`,
          `Pinning: ${pinning}`,
          `Load: autocannon, ${opts.connections} connections; per system and scenario ${opts.warmup} s warm-up, then ${opts.duration} s measured; ${opts.rounds} round${opts.rounds === 1 ? '' : 's'}, systems alternating (order rotated each round)${selected
            .filter((s) => s.load !== undefined)
            .map(
              (s) =>
                `; ${s.name}: ${shape(s).connections} connections, ${opts.duration * shape(s).durationFactor} s measured`,
            )
            .join('')}`,
          `Systems: ${targets.map((t) => SYSTEM_LABEL[t.system]).join(', ')}`,
          `Client profiles (request headers, bench/clients.ts): ${opts.clients.join(', ')}`,
          `GraphQL Mesh: ${meshStatus}`,
          `Tailcall: ${tailcallStatus}`,
          `Redis (gateway + Redis): ${redisStatus}`,
          `Fan-out is a page of ${FAN_OUT_PAGE}; duplicates asks for ${DUPLICATE_PEERS} peers 4 times each`,
          `Command: \`${command}\``,
          // The default run must stay under 10 minutes: this is how to check.
          `Run time: ${num((Date.now() - startedAt.getTime()) / 60_000)} min`,
        ],
        scenarios: selected.map(({ name, description }) => ({ name, description })),
        systems: targets.map((t) => t.system),
        notes,
        memory,
      },
      summary,
    );

    mkdirSync(opts.out, { recursive: true });
    const date = startedAt.toISOString().slice(0, 10);
    const suffix = opts.custom ? '-custom' : opts.quick ? '-quick' : '';
    const file = join(opts.out, `${date}${suffix}.md`);
    const prettierConfig = (await resolveConfig(file)) ?? {};
    const markdown = await format(report, { ...prettierConfig, parser: 'markdown' });
    // The JSON twin (its shape is in bench/README.md).
    const json = `${JSON.stringify(
      {
        format: 'realtimekit-graphql-bench/1',
        startedAt: startedAt.toISOString(),
        command,
        machine,
        pinning,
        load: {
          connections: opts.connections,
          warmupS: opts.warmup,
          durationS: opts.duration,
          rounds: opts.rounds,
        },
        peers: { mesh: meshStatus, tailcall: tailcallStatus },
        clients: Object.fromEntries(
          opts.clients.map((client) => [client, CLIENT_PROFILES[client]]),
        ),
        results: summary.systems,
        ratios: summary.ratios,
        soak: memory,
        notes,
        measurements,
      },
      null,
      2,
    )}\n`;
    writeFileSync(file, markdown);
    writeFileSync(file.replace(/\.md$/, '.json'), json);
    if (suffix === '') {
      writeFileSync(join(opts.out, 'latest.md'), markdown);
      writeFileSync(join(opts.out, 'latest.json'), json);
    }
    if (opts.json !== undefined) writeFileSync(opts.json, json);
    process.stdout.write(markdown);
    log(`Written to ${file} and .json${suffix === '' ? ', latest.md and latest.json' : ''}`);
    return 0;
  } finally {
    await cleanup();
  }
}

const RSS_LIFETIME_NOTE =
  'Peak RSS could not be reset between runs (/proc/<pid>/clear_refs not writable): it is the process’s lifetime peak.';

/** The fake's demo ids plus the large session's first peers; forgets the call it took. */
async function benchIds(fake: FakeProcess): Promise<BenchIds> {
  const { url, accountId, appId, demo } = fake.ready;
  const response = await fetch(
    `${url}/accounts/${accountId}/realtime/kit/${appId}/sessions/${demo.largeSessionId}/participants?per_page=${FAN_OUT_PAGE}`,
    { headers: { authorization: DEMO_AUTHORIZATION }, signal: AbortSignal.timeout(10_000) },
  );
  const body = (await response.json()) as { data?: { participants?: { id: string }[] } };
  const peers = (body.data?.participants ?? []).map((participant) => participant.id);
  await fake.reset();
  if (peers.length < FAN_OUT_PAGE)
    throw new Error(`the large session has only ${peers.length} participants`);
  return {
    sessionId: demo.sessionId,
    participantId: demo.participantId,
    largeSessionId: demo.largeSessionId,
    duplicatePeers: peers.slice(0, DUPLICATE_PEERS),
  };
}

function num(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(
      `Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  },
);
