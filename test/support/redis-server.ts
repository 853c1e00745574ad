/**
 * A real redis-server (Debian's, at /usr/bin/redis-server) for tests that need Redis as it behaves,
 * crashes included: each test gets its own process on a free loopback port, with no persistence, so
 * that a restart comes back empty as a crashed cache would. Call stop() in afterEach: it kills the
 * process whatever state the test left it in. Nothing else will: vitest ends its workers with
 * SIGTERM, which runs no 'exit' handler, and a child is not killed with its parent.
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REDIS_SERVER = '/usr/bin/redis-server';
const REDIS_CLI = '/usr/bin/redis-cli';
const READY_TIMEOUT_MS = 10_000;
/** A single probe's budget, so that one hung connection cannot eat the whole readiness timeout. */
const PROBE_TIMEOUT_MS = 1_000;
const POLL_INTERVAL_MS = 25;
/** How often a start is retried on a fresh port when another process took the one we picked. */
const START_ATTEMPTS = 3;

/** Whether the tests that need a real Redis can run here (skip them with `describe.skipIf`). */
export const redisServerAvailable: boolean = existsSync(REDIS_SERVER);

export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** SIGKILL, as a crash would; resolves once the process has exited. */
  kill(): Promise<void>;
  /** Starts it again on the same port (after kill()); resolves once it answers PING. */
  restart(): Promise<void>;
  /** Kills it if running and removes its directory; safe to call more than once. */
  stop(): Promise<void>;
  /** `redis-cli -p <port> ...args`, its stdout trimmed; rejects on an error reply. */
  command(...args: string[]): Promise<string>;
}

/** A port nothing listens on right now (the kernel's pick for port 0). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  if (address === null || typeof address === 'string') throw new Error('no port was assigned');
  return address.port;
}

/** Whether a server on `port` answers PING with PONG, within one probe's budget. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => {
      done(false);
    }, PROBE_TIMEOUT_MS);
    socket.setEncoding('utf8');
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: string) => {
      reply += chunk;
      // A whole reply line: +PONG, or e.g. -LOADING while the server is not ready yet.
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
    socket.once('error', () => {
      done(false);
    });
    socket.once('close', () => {
      done(false);
    });
  });
}

interface Run {
  readonly child: ChildProcess;
  /** Resolves once the process has exited (or failed to spawn). */
  readonly exited: Promise<void>;
  /** stdout and stderr interleaved, for error messages (redis logs to stdout by default). */
  readonly output: () => string;
  readonly alive: () => boolean;
}

function spawnRedis(port: number, dir: string): Run {
  const child = spawn(
    REDIS_SERVER,
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir],
      // No RDB snapshots and no AOF: a restart must come back empty, as after a crash with no disk.
      ...['--save', '', '--appendonly', 'no'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const chunks: string[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk));
  let alive = true;
  const exited = new Promise<void>((resolve) => {
    const end = () => {
      alive = false;
      resolve();
    };
    child.once('exit', end);
    // 'on', not 'once': a failed kill is an 'error' too, and an unhandled one would throw.
    child.on('error', (error) => {
      chunks.push(`\n${error.message}\n`);
      // No pid: it never started, and no 'exit' will come.
      if (child.pid === undefined) end();
    });
  });
  return { child, exited, output: () => chunks.join(''), alive: () => alive };
}

/** Resolves once `run` answers PING; rejects, with its output, if it exits or the time runs out. */
async function untilReady(run: Run, port: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (!run.alive()) {
      throw new Error(`redis-server on port ${port} exited before it was ready:\n${run.output()}`);
    }
    if (await answersPing(port)) return;
    if (Date.now() > deadline) {
      throw new Error(
        `redis-server on port ${port} did not answer PING within ${READY_TIMEOUT_MS} ms:\n${run.output()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** Starts redis-server on `port`; on failure the process is killed before the error is thrown. */
async function startOn(port: number, dir: string): Promise<Run> {
  const run = spawnRedis(port, dir);
  try {
    await untilReady(run, port);
  } catch (error) {
    if (run.alive()) run.child.kill('SIGKILL');
    await run.exited;
    throw error;
  }
  return run;
}

/** Starts a fresh, empty redis-server for one test; call stop() when the test is done (afterEach). */
export async function startRedisServer(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'redis-test-'));
  let run: Run | undefined;
  let port = 0;
  try {
    for (let attempt = 1; run === undefined; attempt += 1) {
      port = await freePort();
      try {
        run = await startOn(port, dir);
      } catch (error) {
        // The port is free when picked but not reserved: another process may take it before
        // redis-server binds it. Only that is worth another try.
        const taken = error instanceof Error && error.message.includes('Address already in use');
        if (!taken || attempt >= START_ATTEMPTS) throw error;
      }
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  let current: Run | undefined = run;
  let stopped = false;
  const kill = async (): Promise<void> => {
    if (current === undefined) return;
    if (current.alive()) current.child.kill('SIGKILL');
    // Once 'exit' has fired the kernel has closed its sockets, so the port can be bound again.
    await current.exited;
  };

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    async restart() {
      if (stopped) throw new Error('restart() after stop()');
      if (current?.alive() === true) throw new Error('restart() while running; kill() it first');
      // Held before it is ready, so that a stop() meanwhile kills it too.
      const next = spawnRedis(port, dir);
      current = next;
      try {
        await untilReady(next, port);
      } catch (error) {
        await kill();
        throw error;
      }
    },
    async stop() {
      stopped = true;
      await kill();
      current = undefined;
      rmSync(dir, { recursive: true, force: true });
    },
    command(...args) {
      return new Promise((resolve, reject) => {
        // -e: an error reply fails the command instead of printing as if it were a value.
        execFile(
          REDIS_CLI,
          ['-h', '127.0.0.1', '-p', String(port), '-e', ...args],
          { timeout: READY_TIMEOUT_MS },
          (error, stdout, stderr) => {
            if (error !== null) {
              const output = `${stdout}${stderr}`.trim();
              reject(new Error(`redis-cli ${args.join(' ')} failed: ${output || error.message}`));
              return;
            }
            resolve(stdout.trim());
          },
        );
      });
    },
  };
}
