/**
 * Graceful shutdown as an operator triggers it: a real SIGTERM to the process `npm start` runs
 * (src/main.ts), not a call to `shutdown()`. The gateway runs as a child process, so it needs
 * JavaScript: as the benchmark's smoke test does, src/ is transpiled file by file with TypeScript's
 * transpileModule (type checking is `npm run typecheck`'s job, and a full tsc build takes seconds)
 * into a fresh directory under node_modules/.cache, where the compiled files still resolve the
 * project's dependencies. The child is pointed at a fake in this process rather than run in demo
 * mode, because only a fake the test holds can be told to answer slowly.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { transpileProject } from '../support/transpile.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, startFakeUpstream } from '../../src/fake-upstream/index.js';
import type { FakeUpstream } from '../../src/fake-upstream/index.js';
import { askForParticipant, refusesConnections, until } from './support.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface LogEntry {
  readonly msg: string;
  readonly [field: string]: unknown;
}

interface Child {
  readonly process: ChildProcess;
  /** The GraphQL endpoint the child announced. */
  readonly url: string;
  /** Every log line so far, parsed. */
  readonly logs: LogEntry[];
  /** Resolves with the exit code (or the signal that killed it) once the process has ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let buildDir: string;
let fake: FakeUpstream;
let child: Child | undefined;

beforeAll(() => {
  mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
  buildDir = mkdtempSync(join(root, 'node_modules', '.cache', 'realtimekit-signal-shutdown-'));
  transpileProject(buildDir, ['src']);
});
afterAll(() => {
  rmSync(buildDir, { recursive: true, force: true });
});
beforeEach(async () => {
  fake = await startFakeUpstream({ tokens: [DEMO_TOKEN] });
});
afterEach(async () => {
  // A test that failed half-way must not leave its gateway running.
  if (child !== undefined && child.process.exitCode === null && child.process.signalCode === null) {
    child.process.kill('SIGKILL');
    await child.exited;
  }
  child = undefined;
  await fake.close();
});

/** Starts src/main.ts as `npm start` would, against this test's fake; resolves once it listens. */
async function startChild(env: Readonly<Record<string, string>>): Promise<Child> {
  const spawned = spawn(process.execPath, [join(buildDir, 'src', 'main.js')], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      CLOUDFLARE_API_BASE_URL: fake.url,
      CLOUDFLARE_API_TOKEN: DEMO_TOKEN,
      CLOUDFLARE_ACCOUNT_ID: fake.accountId,
      REALTIMEKIT_APP_ID: fake.appId,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    // 'close', not 'exit': by then stderr is read to its end, so every log line is in.
    spawned.once('close', (code, signal) => {
      resolve({ code, signal });
    });
  });
  const logs: LogEntry[] = [];
  const stderr: string[] = [];
  const listening = new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: spawned.stderr });
    lines.on('line', (line) => {
      stderr.push(line);
      let entry: LogEntry;
      try {
        entry = JSON.parse(line) as LogEntry;
      } catch {
        return;
      }
      logs.push(entry);
      if (entry.msg === 'Serving the configured RealtimeKit upstream') {
        resolve(String(entry.graphql));
      }
    });
    void exited.then(({ code }) => {
      reject(
        new Error(
          `the gateway exited with ${String(code)} before listening:\n${stderr.join('\n')}`,
        ),
      );
    });
  });
  child = { process: spawned, url: await listening, logs, exited };
  return child;
}

const participantQuery = (url: string): Promise<Response> => askForParticipant(url, fake.demo);

/**
 * Whether new connections come to be refused. The listener closes in the same tick as the drain
 * line is written, but on a loaded machine a connection can still slip in between (it is then
 * served, or reset), so this asks again rather than once.
 */
async function comesToRefuseConnections(url: string): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (await refusesConnections(url)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

const logged = (running: Child, msg: string) => () =>
  running.logs.some((entry) => entry.msg === msg);

describe('the gateway process on SIGTERM', () => {
  it('finishes the request in flight, refuses new connections, and exits with 0', async () => {
    const running = await startChild({ SHUTDOWN_TIMEOUT_MS: '5000' });
    fake.injectFault({ match: { endpoint: 'participant' }, delayMs: 1_000 });
    let answered = false;
    const slow = participantQuery(running.url).finally(() => {
      answered = true;
    });
    await until(() => fake.inFlight === 1);

    running.process.kill('SIGTERM');
    await until(logged(running, 'Draining: no new connections; waiting for requests in flight'));
    expect(await comesToRefuseConnections(running.url)).toBe(true);
    // Refused while draining, not merely because the process had gone.
    expect(answered).toBe(false);

    const response = await slow;
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data?: { participant: { id: string } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(body.data?.participant.id).toBe(fake.demo.participantId);

    expect(await running.exited).toEqual({ code: 0, signal: null });
    expect(running.logs.find((entry) => entry.msg === 'Stopped')).toMatchObject({ forced: false });
    expect(await refusesConnections(running.url)).toBe(true);
    expect(fake.calls).toHaveLength(1);
  });

  it('exits with 1 at once on a second signal, without waiting for the drain', async () => {
    // A drain deadline far beyond the test's timeout: only the second signal can end it in time.
    const running = await startChild({ SHUTDOWN_TIMEOUT_MS: '600000' });
    fake.injectFault({ match: { endpoint: 'participant' }, hang: true });
    const hung = participantQuery(running.url).then(
      () => 'answered',
      () => 'cut off',
    );
    await until(() => fake.inFlight === 1);

    running.process.kill('SIGTERM');
    await until(logged(running, 'Shutting down'));
    running.process.kill('SIGINT');

    expect(await running.exited).toEqual({ code: 1, signal: null });
    expect(await hung).toBe('cut off');
    expect(running.logs.map((entry) => entry.msg)).toContain(
      'Second signal during shutdown; exiting now',
    );
  });
});
