/**
 * Logging never blocks serving. The gateway runs as a child process (src/main.ts, transpiled as the
 * signal-shutdown test does) whose stderr is a pipe this test never reads, as a log shipper under
 * back-pressure or a paused terminal would leave it. Once the pipe's 64 KiB are full, a synchronous
 * writer would stop the process: here every request must still be answered, /health too, the lines
 * that did not fit are counted, and SIGTERM still ends the process within its deadline.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transpileProject } from '../support/transpile.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let buildDir: string;

beforeAll(() => {
  mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
  buildDir = mkdtempSync(join(root, 'node_modules', '.cache', 'realtimekit-stalled-stderr-'));
  transpileProject(buildDir, ['src']);
});
afterAll(() => {
  rmSync(buildDir, { recursive: true, force: true });
});

/** A port nothing listens on now; the child must be told it, since its URL is on stderr. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('a stderr nobody reads', () => {
  it('never stops the gateway: requests and /health answer, dropped lines are counted, SIGTERM ends it', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [join(buildDir, 'src', 'main.js')], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        SHUTDOWN_TIMEOUT_MS: '2000',
      },
      // stderr is a pipe with no reader: nothing ever drains it.
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const origin = `http://127.0.0.1:${port}`;
      const ask = (path: string, init?: RequestInit) =>
        fetch(`${origin}${path}`, { ...init, signal: AbortSignal.timeout(5_000) });
      for (let attempt = 0; ; attempt += 1) {
        const up = await ask('/health').then(
          (response) => response.ok,
          () => false,
        );
        if (up) break;
        if (attempt > 200) throw new Error('the gateway did not start');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      // An access line per request: well over the pipe's 64 KiB and the logger's 1 MiB buffer.
      const post = () =>
        ask('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        }).then((response) => response.status);
      let answered = 0;
      for (let batch = 0; batch < 300; batch += 1) {
        const statuses = await Promise.all(Array.from({ length: 20 }, post));
        answered += statuses.filter((status) => status === 200).length;
      }
      expect(answered).toBe(6_000);
      expect((await ask('/health')).status).toBe(200);
      const metrics = await (await ask('/metrics')).text();
      const dropped = /^rtk_graphql_log_lines_dropped_total (\d+)$/m.exec(metrics)?.[1];
      expect(Number(dropped)).toBeGreaterThan(0);

      child.kill('SIGTERM');
      const code = await Promise.race([
        exited,
        new Promise<'hung'>((resolve) =>
          setTimeout(() => {
            resolve('hung');
          }, 10_000),
        ),
      ]);
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      child.stderr.destroy();
    }
  }, 60_000);
});
