/**
 * Child processes of the benchmark: pinning with taskset, free ports, readiness, CPU time and peak RSS
 * from /proc, and stopping. Only processes this benchmark started are ever signalled, by their pid.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Core of the system under test, and of the fake upstream plus the load generator. */
export const SYSTEM_CORE = 0;
export const LOAD_CORE = 1;

export function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides whether processes are pinned and, if so, moves this process (all its threads) to the load
 * core: children it starts inherit that, and servers are started on the system core instead.
 * Returns why pinning is off, or null when it is on.
 */
export function pinSelf(wanted: boolean): string | null {
  if (!wanted) return 'off (--no-pin)';
  if (process.platform !== 'linux') return `off (not Linux: ${process.platform})`;
  if (availableParallelism() < 2) return `off (${availableParallelism()} core)`;
  if (!hasTaskset()) return 'off (taskset not found)';
  execFileSync('taskset', ['-a', '-c', '-p', String(LOAD_CORE), String(process.pid)], {
    stdio: 'ignore',
  });
  return null;
}

export interface SpawnOptions {
  readonly env: Record<string, string>;
  readonly cwd?: string;
  readonly pin: boolean;
  /** Log file name (without directory) when logs are kept. */
  readonly logName: string;
  readonly logDir: string | undefined;
  readonly ipc?: boolean;
}

/** A clean environment: the children get only what they are given, plus a PATH and HOME. */
export function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/**
 * Starts `command <args>` (on the system core when pinned: taskset execs the command, so the pid is
 * the command's).
 */
export function spawnPinned(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
): ChildProcess {
  const output =
    options.logDir === undefined ? 'ignore' : openSync(join(options.logDir, options.logName), 'a');
  const stdio: ('ignore' | 'ipc' | number)[] = ['ignore', output, output];
  if (options.ipc === true) stdio.push('ipc');
  const [file, fileArgs] = options.pin
    ? ['taskset', ['-c', String(SYSTEM_CORE), command, ...args]]
    : [command, [...args]];
  const child = spawn(file, fileArgs, { env: options.env, cwd: options.cwd, stdio });
  if (typeof output === 'number') closeSync(output);
  return child;
}

/** Starts `node <args>`, pinned as spawnPinned pins. */
export const spawnNode = (args: readonly string[], options: SpawnOptions): ChildProcess =>
  spawnPinned(process.execPath, args, options);

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return port;
}

/** Waits until something answers HTTP at `url` (any status), the child exits, or the time is up. */
export async function waitForHttp(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`exited (${String(child.exitCode ?? child.signalCode)}) before it listened`);
    }
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
        signal: AbortSignal.timeout(1_000),
      });
      await response.arrayBuffer();
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`did not answer at ${url} within ${timeoutMs / 1000} s`);
}

let clockTicks: number | undefined;

function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** User + system CPU time of a process so far, in ms (from /proc/<pid>/stat, 10 ms resolution). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces; the fields after it do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / ticksPerSecond();
}

/** Starts a new peak-RSS window (Linux ≥ 4.0: writing 5 to clear_refs resets VmHWM). */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Peak resident set size since start or since resetPeakRss, in MB (VmHWM). */
export function peakRssMb(pid: number): number | null {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match?.[1] === undefined ? null : Number(match[1]) / 1024;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    child.kill('SIGKILL');
  }, graceMs);
  await exited;
  clearTimeout(timer);
}
