/**
 * Starting the gateway as an operator does (src/main.ts in a child process): a failure to start
 * is one clear line and exit code 1, and the logged address is one a person can open.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, startFakeUpstream } from '../../src/fake-upstream/index.js';
import type { FakeUpstream } from '../../src/fake-upstream/index.js';
import { buildReplicas, startReplica, stopAll } from '../support/replicas.js';
import type { Replica, ReplicaBuild } from '../support/replicas.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let build: ReplicaBuild;
let fake: FakeUpstream;
const started: Replica[] = [];

beforeAll(async () => {
  build = buildReplicas();
  fake = await startFakeUpstream({ tokens: [DEMO_TOKEN] });
}, 60_000);
afterAll(async () => {
  await stopAll(started);
  await fake.close();
  build.remove();
});

/** Runs the gateway to its end with `env`; gives its exit code and stderr. */
function run(
  env: Readonly<Record<string, string>>,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(build.dir, 'src', 'main.js')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  // A gateway that started after all is stopped, so that the test fails instead of hanging.
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return new Promise((resolve) => {
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

const upstream = () => ({
  CLOUDFLARE_API_BASE_URL: fake.url,
  CLOUDFLARE_API_TOKEN: DEMO_TOKEN,
  CLOUDFLARE_ACCOUNT_ID: fake.accountId,
});

describe('starting the gateway', () => {
  it('says in one line that the port is in use, and exits with 1', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const { code, stderr } = await run({ ...upstream(), HOST: '127.0.0.1', PORT: String(port) });
      expect(code).toBe(1);
      expect(stderr).toContain(
        `Port ${String(port)} on 127.0.0.1 is in use: set PORT to a free port, or stop what listens there.\n`,
      );
      // No stack trace, no JSON dump of the error: the line says it all.
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(stderr).not.toContain('EADDRINUSE');
    } finally {
      taken.close();
    }
  });

  it('says in one line that a persisted-documents file cannot be read', async () => {
    const { code, stderr } = await run({
      ...upstream(),
      PORT: '0',
      PERSISTED_DOCUMENTS_PATH: '/nonexistent/persisted-documents.json',
    });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      'Could not start: PERSISTED_DOCUMENTS_PATH: cannot read /nonexistent/persisted-documents.json as JSON',
    ]);
  });

  it('logs an address a person can open when it listens on every interface', async () => {
    const replica = await startReplica(build, { ...upstream(), HOST: '0.0.0.0' });
    started.push(replica);
    expect(replica.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    const response = await fetch(replica.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
  });

  it('warns of a misspelt setting and of account settings demo mode ignores', async () => {
    const child = spawn(process.execPath, [join(build.dir, 'src', 'main.js')], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        CLOUDFLARE_API_TOKN: 'oops',
        CLOUDFLARE_ACCOUNT_ID: '0123456789abcdef0123456789abcdef',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const lines: { level: string; msg: string }[] = [];
    await new Promise<void>((resolve, reject) => {
      let buffered = '';
      child.stderr.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
          lines.push(JSON.parse(buffered.slice(0, end)) as { level: string; msg: string });
          buffered = buffered.slice(end + 1);
          if (lines.at(-1)?.msg.startsWith('Demo mode')) resolve();
        }
      });
      child.once('close', () => {
        reject(new Error(`exited before serving: ${JSON.stringify(lines)}`));
      });
    });
    child.kill('SIGKILL');
    expect(lines.filter((line) => line.level === 'warn').map((line) => line.msg)).toEqual([
      "CLOUDFLARE_ACCOUNT_ID is ignored in demo mode: the demo serves the embedded fake's account and app. Set CLOUDFLARE_API_TOKEN or CLOUDFLARE_API_BASE_URL to use the real API.",
      'CLOUDFLARE_API_TOKN is not a setting of the gateway; did you mean CLOUDFLARE_API_TOKEN?',
    ]);
  });

  it('says in one line that demo mode needs the fake when the build leaves it out, as the image does', async () => {
    // The Dockerfile's build stage removes dist/fake-upstream; here a copy of the build without it.
    const without = mkdtempSync(join(root, 'node_modules', '.cache', 'realtimekit-nofake-'));
    try {
      cpSync(build.dir, without, {
        recursive: true,
        filter: (source) => !source.includes(`${sep}fake-upstream`),
      });
      expect(existsSync(join(without, 'src', 'fake-upstream'))).toBe(false);
      const child = spawn(process.execPath, [join(without, 'src', 'main.js')], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await new Promise<number | null>((resolve) => {
        child.once('close', (exit) => {
          clearTimeout(timer);
          resolve(exit);
        });
      });
      expect(code).toBe(1);
      const problems = stderr
        .trim()
        .split('\n')
        .filter((line) => !line.startsWith('{'));
      expect(problems).toEqual([
        'Could not start: demo mode needs the embedded fake, which this build leaves out (the Docker image does): set CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID and REALTIMEKIT_APP_ID to serve the real API, or run the demo from a checkout with npm start.',
      ]);
      expect(stderr).not.toMatch(/^\s+at /m);
    } finally {
      rmSync(without, { recursive: true, force: true });
    }
  });
});
