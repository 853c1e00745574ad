/**
 * The Redis of the `gateway-redis` system: a real `redis-server` started by the benchmark on a free
 * loopback port, without persistence, and a minimal RESP client to check it answers and to read its
 * command counts. It runs on this process's core (the load core when pinned), beside the fake
 * upstream and the load generator, so the system core stays the gateway's alone.
 */
import { execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import { baseEnv, freePort, spawnPinned, stopChild } from './processes.js';

export interface RedisServer {
  /** REDIS_URL for the gateway. */
  readonly url: string;
  readonly pid: number;
  /** `redis-server --version`'s version, e.g. 7.0.15. */
  readonly version: string;
  /**
   * Commands Redis has run so far, by name, as `INFO commandstats` counts them (a command a Lua
   * script or a MULTI runs counts too), the benchmark's own INFO and PING left out.
   */
  commandCounts(): Promise<ReadonlyMap<string, number>>;
  /** commandCounts once two readings SETTLE_MS apart agree (at most SETTLE_MAX_MS). */
  settledCommandCounts(): Promise<ReadonlyMap<string, number>>;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 10_000;
const COMMAND_TIMEOUT_MS = 5_000;
const SETTLE_MS = 50;
const SETTLE_MAX_MS = 2_000;

/** The first `name` on PATH that can be run, or undefined. */
export function findExecutable(name: string): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  for (const dir of [...dirs, '/usr/bin', '/usr/local/bin']) {
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

/** The RESP reply at the start of `buffer` (one command's), or undefined while it is incomplete. */
function parseReply(buffer: Buffer): { text: string; error: boolean } | undefined {
  const lineEnd = buffer.indexOf('\r\n');
  if (lineEnd < 0) return undefined;
  const kind = String.fromCharCode(buffer[0] ?? 0);
  const line = buffer.subarray(1, lineEnd).toString('utf8');
  if (kind === '+' || kind === ':') return { text: line, error: false };
  if (kind === '-') return { text: line, error: true };
  if (kind === '$') {
    const length = Number(line);
    if (length < 0) return { text: '', error: false };
    const start = lineEnd + 2;
    if (buffer.length < start + length + 2) return undefined;
    return { text: buffer.subarray(start, start + length).toString('utf8'), error: false };
  }
  return { text: `unexpected reply type ${kind}`, error: true };
}

/** Sends one command on a connection of its own and resolves with its reply. */
function redisCommand(port: number, args: readonly string[]): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let received = Buffer.alloc(0);
    const fail = (error: Error): void => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(COMMAND_TIMEOUT_MS, () => {
      fail(new Error(`Redis did not answer ${args[0] ?? ''} within ${COMMAND_TIMEOUT_MS} ms`));
    });
    socket.once('error', fail);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const reply = parseReply(received);
      if (reply === undefined) return;
      socket.end();
      if (reply.error) reject(new Error(`Redis: ${reply.text}`));
      else resolve(reply.text);
    });
    const encoded = args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('');
    socket.write(`*${args.length}\r\n${encoded}`);
  });
}

/** `INFO commandstats` as a map from command name to calls. */
function commandCountsOf(info: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    const [, name, calls] = match;
    if (name === undefined || calls === undefined || name === 'info' || name === 'ping') continue;
    counts.set(name, Number(calls));
  }
  return counts;
}

/**
 * Starts `redis-server --save '' --appendonly no --bind 127.0.0.1 --port <free port>` (in the
 * temporary directory, so that nothing could ever be written into the repository) and waits until
 * it answers PING. Not pinned by taskset: it inherits this process's affinity, the load core when
 * pinning is on.
 */
export async function startRedis(logDir: string | undefined): Promise<RedisServer> {
  const bin = findExecutable('redis-server');
  if (bin === undefined) {
    throw new Error('redis-server not found on PATH (Debian: apt-get install redis-server)');
  }
  const versionLine = execFileSync(bin, ['--version'], { encoding: 'utf8' });
  const version = /\bv=(\S+)/.exec(versionLine)?.[1] ?? versionLine.trim();
  const port = await freePort();
  const child: ChildProcess = spawnPinned(
    bin,
    ['--save', '', '--appendonly', 'no', '--bind', '127.0.0.1', '--port', String(port)],
    { env: baseEnv(), cwd: tmpdir(), pin: false, logName: 'redis.log', logDir },
  );
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (spawnError !== undefined || child.exitCode !== null || child.signalCode !== null) {
      await stopChild(child);
      throw new Error(
        `redis-server ${spawnError === undefined ? `exited (${String(child.exitCode ?? child.signalCode)})` : `did not start: ${spawnError.message}`} before it answered`,
      );
    }
    try {
      if ((await redisCommand(port, ['PING'])) === 'PONG') break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`redis-server did not answer PING within ${STARTUP_TIMEOUT_MS / 1000} s`);
    }
    await sleep(50);
  }
  if (child.pid === undefined) throw new Error('redis-server: no pid');
  const commandCounts = async (): Promise<Map<string, number>> =>
    commandCountsOf(await redisCommand(port, ['INFO', 'commandstats']));
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: child.pid,
    version,
    commandCounts,
    async settledCommandCounts() {
      const deadline = Date.now() + SETTLE_MAX_MS;
      let last = await commandCounts();
      for (;;) {
        await sleep(SETTLE_MS);
        const now = await commandCounts();
        if (isDeepStrictEqual(now, last) || Date.now() > deadline) return now;
        last = now;
      }
    },
    stop: () => stopChild(child),
  };
}

/** What Redis ran between two commandCounts readings, by name, most frequent first. */
export function commandsBetween(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
): [string, number][] {
  return [...after]
    .map(([name, calls]): [string, number] => [name, calls - (before.get(name) ?? 0)])
    .filter(([, calls]) => calls > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Whether the gateway serving `graphqlUrl` says Redis is up (its `rtk_graphql_redis_up` gauge). */
export async function gatewayRedisUp(graphqlUrl: string): Promise<boolean> {
  const response = await fetch(new URL('/metrics', graphqlUrl), {
    signal: AbortSignal.timeout(COMMAND_TIMEOUT_MS),
  });
  return /^rtk_graphql_redis_up 1$/m.test(await response.text());
}

/** Waits until the gateway has connected to its Redis; throws after STARTUP_TIMEOUT_MS. */
export async function waitForRedisUp(graphqlUrl: string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (!(await gatewayRedisUp(graphqlUrl).catch(() => false))) {
    if (Date.now() > deadline) {
      throw new Error(
        `the gateway did not report Redis up (rtk_graphql_redis_up 1) within ${STARTUP_TIMEOUT_MS / 1000} s`,
      );
    }
    await sleep(100);
  }
}
