/**
 * Gateway processes (src/main.ts, as `npm start` runs it) for tests that need several replicas, or
 * a replica that dies: a real process can be SIGKILLed mid-request, an in-process gateway cannot.
 * As in test/operations/signal-shutdown.test.ts, src/ is transpiled once per file (see
 * transpileProject) into a directory under node_modules/.cache, where the compiled files still
 * resolve the project's dependencies; every replica runs from that one build.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { transpileProject } from './transpile.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const LISTENING_MSG = 'Serving the configured RealtimeKit upstream';
const START_TIMEOUT_MS = 15_000;

export interface LogEntry {
  readonly msg: string;
  readonly [field: string]: unknown;
}

export interface Replica {
  /** The GraphQL endpoint the replica announced: `http://127.0.0.1:<port>/graphql`. */
  readonly url: string;
  /** Every log line so far, parsed. */
  readonly logs: LogEntry[];
  /** Resolves once the process has ended and its stderr is read to the end. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Whether the process has not exited yet. */
  readonly alive: boolean;
  /** Sends `signal` (SIGKILL unless told) if still alive; resolves once the process has ended. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface ReplicaBuild {
  /** Where the transpiled project lives; `src/main.js` under it is what replicas run. */
  readonly dir: string;
  remove(): void;
}

/** Transpiles src/ once, for every replica of a test file (call in beforeAll; remove() in afterAll). */
export function buildReplicas(): ReplicaBuild {
  mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
  const dir = mkdtempSync(join(root, 'node_modules', '.cache', 'realtimekit-replicas-'));
  try {
    transpileProject(dir, ['src']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts one replica with `env` on top of the defaults (an ephemeral loopback port, info logs);
 * resolves once it listens. The caller supplies the upstream settings (CLOUDFLARE_API_BASE_URL...).
 * On failure the process is killed and the error carries its stderr.
 */
export async function startReplica(
  build: ReplicaBuild,
  env: Readonly<Record<string, string>>,
): Promise<Replica> {
  const child = spawn(process.execPath, [join(build.dir, 'src', 'main.js')], {
    cwd: root,
    // Nothing else from this process's environment: a developer's shell settings (a REDIS_URL, a
    // real token) must not change what the test runs.
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stderr: string[] = [];
  const logs: LogEntry[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    // 'close', not 'exit': by then stderr is read to its end, so every log line is in.
    child.once('close', (code, signal) => {
      resolve({ code, signal });
    });
  });
  // Exited as soon as the OS says so, not only once 'close' has come after it.
  const isAlive = () => child.exitCode === null && child.signalCode === null;
  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    if (isAlive()) child.kill(signal);
    await exited;
  };

  let timer: NodeJS.Timeout | undefined;
  const listening = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stderr }).on('line', (line) => {
      stderr.push(line);
      let entry: unknown;
      try {
        entry = JSON.parse(line);
      } catch {
        return; // not a log line (e.g. a stack trace), kept in `stderr` only
      }
      if (typeof entry !== 'object' || entry === null || !('msg' in entry)) return;
      const logged = entry as LogEntry;
      logs.push(logged);
      if (logged.msg === LISTENING_MSG) resolve(String(logged.graphql));
    });
    const failed = (reason: string) => {
      reject(new Error(`the gateway ${reason}; its stderr:\n${stderr.join('\n')}`));
    };
    void exited.then(({ code, signal }) => {
      failed(`exited (code ${String(code)}, signal ${String(signal)}) before listening`);
    });
    // 'on', not 'once': a failed kill is an 'error' too, and an unhandled one would throw.
    child.on('error', (error) => {
      failed(`could not be started (${error.message})`);
    });
    timer = setTimeout(() => {
      failed(`did not log '${LISTENING_MSG}' within ${START_TIMEOUT_MS} ms`);
    }, START_TIMEOUT_MS);
  });

  let url: string;
  try {
    url = await listening;
  } catch (error) {
    // A spawn that failed has no process to wait for: 'close' may never come.
    if (child.pid !== undefined) await kill();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return {
    url,
    logs,
    exited,
    get alive() {
      return isAlive();
    },
    kill,
  };
}

/**
 * SIGKILLs every replica still alive and waits for each to end. Call it in afterEach: vitest ends
 * its workers with SIGTERM, which runs no exit handler, and a child is not killed with its parent.
 */
export async function stopAll(replicas: readonly Replica[]): Promise<void> {
  await Promise.all(replicas.map((replica) => replica.kill('SIGKILL')));
}
