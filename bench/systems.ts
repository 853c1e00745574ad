/**
 * The server systems under test, each in a child process of its own (so its CPU time and RSS are its
 * own), pinned to the system core when pinning is on.
 */
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import type { FakeReady } from './protocol.js';
import { BROWSER_ORIGIN } from './clients.js';
import { baseEnv, freePort, spawnPinned, stopChild, waitForHttp } from './processes.js';
import type { MeshPaths } from './mesh.js';
import { tailcallConfig, tailcallEnv } from './tailcall.js';
import type { TailcallPaths } from './tailcall.js';

export interface ServerSystem {
  /** The endpoint the load generator posts to. */
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly fake: FakeReady;
  readonly pin: boolean;
  readonly logDir: string | undefined;
}

const STARTUP_TIMEOUT_MS = 60_000;

/** Starts `command <args>` (node unless told otherwise) and waits until it answers at `path`. */
async function serve(
  name: string,
  args: readonly string[],
  env: Record<string, string>,
  options: StartOptions & {
    readonly cwd?: string;
    readonly port: number;
    readonly path: string;
    readonly command?: string;
  },
): Promise<ServerSystem> {
  const child: ChildProcess = spawnPinned(options.command ?? process.execPath, args, {
    env: { ...baseEnv(), ...env },
    cwd: options.cwd,
    pin: options.pin,
    logName: `${name}.log`,
    logDir: options.logDir,
  });
  const url = `http://127.0.0.1:${options.port}${options.path}`;
  try {
    await waitForHttp(url, child, STARTUP_TIMEOUT_MS);
  } catch (error) {
    await stopChild(child);
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (child.pid === undefined) throw new Error(`${name}: no pid`);
  return { url, pid: child.pid, stop: () => stopChild(child) };
}

/** For the soak (soak.ts): node flags before the script, more environment, its own log name. */
export interface GatewayExtra {
  readonly name?: string;
  readonly nodeArgs?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * The gateway as users run it: the built `src/main.js`, configured by its environment, at its
 * documented defaults except three. The upstream is the fake (requests bring the fake's token); the
 * client-side token bucket, which models Cloudflare's 1,200 calls per 5 minutes, is opened wide, as
 * the fake's rate limit is: the benchmark measures the gateway, not the budget; and the browser
 * client profile's page is an allowed origin (CORS_ORIGINS), as a dashboard's would be.
 */
export async function startGateway(
  options: StartOptions,
  extra: GatewayExtra = {},
): Promise<ServerSystem> {
  const port = await freePort();
  const main = fileURLToPath(new URL('../src/main.js', import.meta.url));
  return serve(
    extra.name ?? 'gateway',
    [...(extra.nodeArgs ?? []), main],
    {
      ...extra.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CLOUDFLARE_API_BASE_URL: options.fake.url,
      CLOUDFLARE_ACCOUNT_ID: options.fake.accountId,
      REALTIMEKIT_APP_ID: options.fake.appId,
      TOKEN_BUCKET_CAPACITY: '100000',
      TOKEN_BUCKET_REFILL_PER_SECOND: '1000000',
      CORS_ORIGINS: BROWSER_ORIGIN,
    },
    { ...options, port, path: '/graphql' },
  );
}

/** 40 characters, the same on every run: the key of tokens in Redis (HMAC-SHA256). */
export const BENCH_TOKEN_HASH_SECRET = 'realtimekit-graphql-bench-token-hash-key';

/**
 * The `gateway-redis` system: the gateway exactly as startGateway runs it, plus its shared state in
 * the Redis at `redisUrl` (budgets, the cache's second level, live-poll leases), as one replica of a
 * fleet of one (REPLICAS=1).
 */
export function startGatewayWithRedis(
  options: StartOptions,
  redisUrl: string,
): Promise<ServerSystem> {
  return startGateway(options, {
    name: 'gateway-redis',
    env: { REDIS_URL: redisUrl, TOKEN_HASH_SECRET: BENCH_TOKEN_HASH_SECRET, REPLICAS: '1' },
  });
}

/** The raw proxy, with the gateway's default upstream connections and per-request concurrency. */
export async function startRawProxy(options: StartOptions): Promise<ServerSystem> {
  const port = await freePort();
  const defaults = loadConfig({}).upstream;
  const script = fileURLToPath(new URL('./raw-proxy.js', import.meta.url));
  return serve(
    'raw',
    [script],
    {
      PORT: String(port),
      BENCH_UPSTREAM_URL: options.fake.url,
      BENCH_ACCOUNT_ID: options.fake.accountId,
      BENCH_APP_ID: options.fake.appId,
      BENCH_UPSTREAM_CONNECTIONS: String(defaults.connections),
      BENCH_CONCURRENCY_PER_REQUEST: String(defaults.concurrencyPerRequest),
    },
    { ...options, port, path: '/graphql' },
  );
}

/** Hive Gateway serving the composed Mesh supergraph, one process (no fork). */
export async function startMesh(
  options: StartOptions,
  paths: MeshPaths,
  supergraph: string,
): Promise<ServerSystem> {
  const port = await freePort();
  return serve(
    'mesh',
    [
      paths.gatewayBin,
      'supergraph',
      supergraph,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--fork',
      '1',
    ],
    {},
    { ...options, cwd: paths.workDir, port, path: '/graphql' },
  );
}

/** Tailcall serving bench/tailcall/realtimekit.graphql against the fake's app (`appUrl`). */
export async function startTailcall(
  options: StartOptions,
  paths: TailcallPaths,
  appUrl: string,
): Promise<ServerSystem> {
  const port = await freePort();
  return serve(
    'tailcall',
    ['start', tailcallConfig(paths, port)],
    { ...tailcallEnv(paths.workDir), RTK_APP_URL: appUrl },
    { ...options, command: paths.bin, cwd: paths.workDir, port, path: '/graphql' },
  );
}
