/**
 * What OpenTelemetry tracing costs the gateway (docs/tracing.md): the built gateway with tracing
 * off, on (every operation traced) and sampled (`parentbased_traceidratio` at 0.1), side by side
 * in one run, on the benchmark's fake and load generator. The traced ones export over OTLP
 * http/protobuf (the default) to a receiver in this process that reads and discards every export;
 * everything else is the benchmark's `gateway` system (systems.ts). Rounds alternate the three
 * (the order rotates each round); the figures are the per-round ratios to the untraced gateway.
 *
 *   npx tsc -p bench/tsconfig.json && \
 *     node node_modules/.cache/realtimekit-bench/bench/tracing-cost.js [rounds] [seconds]
 *
 * (run.sh writes the package.json and the schema link that build needs; run `npm run bench:quick`
 * once, or see run.sh.) Defaults: 3 rounds, 1 s warm-up and 4 s measured per run.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFake } from './fake.js';
import { withClient } from './clients.js';
import { cannon, postGraphQL } from './load.js';
import { cpuMs, pinSelf } from './processes.js';
import { scenarios } from './scenarios.js';
import type { BenchIds, GraphQLRequest, ScenarioName } from './scenarios.js';
import { startGateway } from './systems.js';
import type { ServerSystem } from './systems.js';

const rounds = Number(process.argv[2] ?? 3);
const seconds = Number(process.argv[3] ?? 4);
const WARMUP_S = 1;
const CONNECTIONS = 10;
const SCENARIOS: readonly ScenarioName[] = ['one-call', 'hot'];

interface Measured {
  readonly perSecond: number;
  readonly cpuMsPerOp: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
};

/** An OTLP/HTTP receiver that reads every export and throws it away. */
async function startDiscardingReceiver() {
  let exports = 0;
  let bytes = 0;
  const server = createServer((request, response) => {
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    request.on('end', () => {
      exports += 1;
      // An empty ExportTraceServiceResponse: nothing rejected.
      response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/traces`,
    counts: () => ({ exports, bytes }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

async function measure(system: ServerSystem, request: GraphQLRequest): Promise<Measured> {
  await cannon(system.url, request, CONNECTIONS, WARMUP_S, false);
  const before = cpuMs(system.pid);
  const result = await cannon(system.url, request, CONNECTIONS, seconds, false);
  const cpu = cpuMs(system.pid) - before;
  if (result.failed > 0) throw new Error(`${String(result.failed)} operations failed`);
  return { perSecond: (result.ok * 1000) / result.elapsedMs, cpuMsPerOp: cpu / result.ok };
}

const unpinned = pinSelf(true);
if (unpinned !== null) process.stderr.write(`warning: not pinned: ${unpinned}\n`);
const fake = await startFake(undefined);
const receiver = await startDiscardingReceiver();
const startOptions = { fake: fake.ready, pin: unpinned === null, logDir: undefined };
const traced = { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.url, OTEL_SERVICE_NAME: 'bench' };
const systems: readonly { readonly name: string; readonly server: ServerSystem }[] = [
  { name: 'off', server: await startGateway(startOptions, { name: 'gateway' }) },
  { name: 'on', server: await startGateway(startOptions, { name: 'gateway-traced', env: traced }) },
  {
    name: 'sampled 10%',
    server: await startGateway(startOptions, {
      name: 'gateway-sampled',
      env: {
        ...traced,
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '0.1',
      },
    }),
  },
];
const range = (values: readonly number[]) =>
  `${median(values).toFixed(3)} (${Math.min(...values).toFixed(3)}–${Math.max(...values).toFixed(3)})`;
try {
  const { demo } = fake.ready;
  const ids: BenchIds = {
    sessionId: demo.sessionId,
    participantId: demo.participantId,
    largeSessionId: demo.largeSessionId,
    duplicatePeers: [],
  };
  const lines = [
    '| scenario | round | tracing | req/s | CPU ms/op | req/s ÷ off | CPU/op ÷ off |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  const summary: string[] = [];
  for (const name of SCENARIOS) {
    const scenario = scenarios.get(name);
    if (scenario === undefined) throw new Error(`no scenario ${name}`);
    const request = withClient(scenario.gateway(ids), 'apollo');
    // Every one answers, and the same.
    const answers = await Promise.all(
      systems.map(({ server }) => postGraphQL(server.url, request)),
    );
    if (new Set(answers.map((answer) => JSON.stringify(answer))).size !== 1) {
      throw new Error(`${name}: the answers differ`);
    }
    const ratios = new Map(
      systems.map((system) => [system.name, { rps: [] as number[], cpu: [] as number[] }]),
    );
    for (let round = 0; round < rounds; round += 1) {
      const results = new Map<string, Measured>();
      // The order rotates, so that no system always runs first (or right after another).
      for (let i = 0; i < systems.length; i += 1) {
        const system = systems[(i + round) % systems.length];
        if (system !== undefined) results.set(system.name, await measure(system.server, request));
      }
      const base = results.get('off');
      if (base === undefined) throw new Error('the untraced run is missing');
      for (const system of systems) {
        const result = results.get(system.name);
        const ratio = ratios.get(system.name);
        if (result === undefined || ratio === undefined) throw new Error('a run is missing');
        ratio.rps.push(result.perSecond / base.perSecond);
        ratio.cpu.push(result.cpuMsPerOp / base.cpuMsPerOp);
        lines.push(
          `| ${name} | ${String(round + 1)} | ${system.name} | ${result.perSecond.toFixed(0)} | ${result.cpuMsPerOp.toFixed(3)} | ${(result.perSecond / base.perSecond).toFixed(3)} | ${(result.cpuMsPerOp / base.cpuMsPerOp).toFixed(3)} |`,
        );
      }
    }
    for (const system of systems.slice(1)) {
      const ratio = ratios.get(system.name);
      if (ratio === undefined) continue;
      summary.push(
        `${name}, ${system.name}: req/s ÷ off ${range(ratio.rps)}, CPU/op ÷ off ${range(ratio.cpu)}`,
      );
    }
  }
  const { exports, bytes } = receiver.counts();
  process.stdout.write(
    `${lines.join('\n')}\n\n${summary.join('\n')}\nreceiver: ${String(exports)} exports, ${(bytes / 1e6).toFixed(1)} MB\n`,
  );
} finally {
  await Promise.all(systems.map(({ server }) => server.stop()));
  await fake.stop();
  await receiver.close();
}
