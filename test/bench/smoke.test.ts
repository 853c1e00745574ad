/**
 * Keeps the benchmark from rotting: runs it for real, tiny (one scenario, two client profiles, one
 * round, 1 s, no Mesh nor Tailcall, a 1 s memory soak), and checks the report and its JSON twin. The benchmark runs as Node processes (itself, the fake,
 * the gateways, the raw proxy), so it needs JavaScript: rather than `npm run bench`'s type-checked tsc
 * build (seconds too slow here, and type checking is `npm run typecheck`'s job), the test transpiles
 * src/ and bench/ file by file with TypeScript's transpileModule (the code base is
 * isolatedModules-clean) into a fresh directory under node_modules/.cache, laid out as run.sh lays
 * out its build.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClientProfile } from '../../bench/clients.js';
import type { Measurement, RatioSummary, SystemSummary } from '../../bench/summary.js';
import { transpileProject } from '../support/transpile.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The measurement fields the smoke test checks, as the benchmark's --json writes them. */
type Row = Pick<
  Measurement,
  | 'scenario'
  | 'client'
  | 'system'
  | 'ok'
  | 'failed'
  | 'reqPerSec'
  | 'p50Ms'
  | 'p99Ms'
  | 'cpuMsPerOp'
  | 'peakRssMb'
  | 'callsPerOp'
  | 'bytesPerOp'
>;

interface Soak {
  readonly baseline: { readonly heapUsedMb: number };
  readonly after: { readonly heapUsedMb: number };
  readonly peakRssMb: number | null;
  readonly ok: number;
  readonly failed: number;
}

describe.skipIf(process.platform !== 'linux')('the benchmark', () => {
  let buildDir: string;
  let outDir: string;
  let rows: Row[];
  let results: SystemSummary[];
  let ratios: RatioSummary[];
  let clients: Record<string, ClientProfile>;
  let soak: Soak | string;
  let markdown: string;

  beforeAll(async () => {
    mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
    buildDir = mkdtempSync(join(root, 'node_modules', '.cache', 'realtimekit-bench-smoke-'));
    outDir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
    transpileProject(buildDir, ['src', 'bench']);
    const json = join(outDir, 'measurements.json');
    const args = [
      join(buildDir, 'bench', 'run.js'),
      ...['--quick', '--scenario', 'one-call', '--systems', 'gateway,raw,direct'],
      // The default profile and the one with an Origin, which the gateway must allow.
      ...['--clients', 'apollo,browser'],
      ...['--rounds', '1', '--duration', '1', '--warmup', '0.3', '--connections', '4'],
      // The soak's own gateway, heap probe and report section, at the smallest useful length.
      ...['--soak', '1'],
      ...['--no-pin', '--out', outDir, '--json', json],
    ];
    const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(process.execPath, args, { cwd: root, timeout: 50_000 }, (error, _stdout, err) => {
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
          stderr: err,
        });
      });
    });
    expect(code, stderr).toBe(0);
    const text = readFileSync(json, 'utf8');
    ({
      measurements: rows,
      results,
      ratios,
      clients,
      soak,
    } = JSON.parse(text) as {
      measurements: Row[];
      results: SystemSummary[];
      ratios: RatioSummary[];
      clients: Record<string, ClientProfile>;
      soak: Soak | string;
    });
    const report = readdirSync(outDir).find((name) => name.endsWith('.md')) ?? 'missing.md';
    markdown = readFileSync(join(outDir, report), 'utf8');
    // The twin written beside the report is the same document as --json's.
    expect(readFileSync(join(outDir, report.replace(/\.md$/, '.json')), 'utf8')).toBe(text);
  }, 60_000);

  afterAll(() => {
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('measures every requested system with sane numbers', () => {
    // Direct sends REST calls, not a client's request: measured once, with no profile.
    expect(rows.map((row) => `${row.scenario}/${row.client}/${row.system}`)).toEqual([
      'one-call/apollo/gateway',
      'one-call/apollo/raw',
      'one-call/null/direct',
      'one-call/browser/gateway',
      'one-call/browser/raw',
    ]);
    for (const row of rows) {
      expect(row.ok).toBeGreaterThan(0);
      expect(row.failed).toBe(0);
      expect(row.reqPerSec).toBeGreaterThan(0);
      expect(row.p50Ms).toBeGreaterThan(0);
      expect(row.p99Ms).toBeGreaterThanOrEqual(row.p50Ms);
      // One peer report per operation, with filters=device_info: under a kilobyte or two.
      expect(row.callsPerOp).toBe(1);
      expect(row.bytesPerOp).toBeGreaterThan(100);
      expect(row.bytesPerOp).toBeLessThan(10_000);
      if (row.system === 'direct') {
        expect(row.cpuMsPerOp).toBeNull();
      } else {
        expect(row.cpuMsPerOp).toBeGreaterThanOrEqual(0);
        expect(row.peakRssMb).toBeGreaterThan(10);
      }
    }
  });

  it('summarizes each system and the ratios to the raw proxy in the JSON twin', () => {
    expect(results.map((r) => `${r.client}/${r.system}`)).toEqual([
      'apollo/gateway',
      'apollo/raw',
      'browser/gateway',
      'browser/raw',
      'null/direct',
    ]);
    for (const result of results) {
      expect(result.reqPerSec).toBeGreaterThan(0);
      expect(result.callsPerOp).toBe(1);
    }
    expect(ratios.map((r) => `${r.client}/${r.baseline}`)).toEqual(['apollo/raw', 'browser/raw']);
    for (const ratio of ratios) {
      for (const figure of ['reqPerSec', 'p99Ms', 'peakRssMb'] as const) {
        expect(ratio[figure]?.median).toBeGreaterThan(0);
      }
      expect(ratio.callsPerOp?.median).toBe(1);
    }
    // The profiles as sent, e.g. the browser's Origin and Apollo Client's extension.
    expect(clients.browser?.headers.origin).toBe('http://dashboard.bench.test');
    expect(clients.apollo?.headers.accept).toBe(
      'application/graphql-response+json,application/json;q=0.9',
    );
    expect(clients.apollo?.extensions).toHaveProperty('clientLibrary.name', '@apollo/client');
  });

  it('writes the markdown report with the ratios and one row per system and profile', () => {
    expect(markdown).toMatch(/^# Benchmark/);
    expect(markdown).toContain('Node v');
    expect(markdown).toMatch(/^\| one-call\s+\| apollo\s+\| raw proxy\s+\| \d+\.\d\d\s+\|/m);
    for (const [client, label] of [
      ['apollo', 'gateway'],
      ['browser', 'raw proxy'],
      ['—', 'direct'],
    ]) {
      expect(markdown).toMatch(new RegExp(`^\\| ${client}\\s+\\| ${label}\\s+\\| \\d`, 'm'));
    }
    expect(markdown).toContain('returned exactly the gateway’s `data`');
    expect(markdown).not.toContain('Warning');
  });

  it('soaks a gateway of its own and reports its heap after GC', () => {
    if (typeof soak === 'string') throw new Error(`no soak: ${soak}`);
    expect(soak.ok).toBeGreaterThan(0);
    expect(soak.failed).toBe(0);
    // A running gateway's heap is some MB, not bytes nor GB: the probe's units are right.
    for (const heap of [soak.baseline, soak.after]) {
      expect(heap.heapUsedMb).toBeGreaterThan(1);
      expect(heap.heapUsedMb).toBeLessThan(1000);
    }
    expect(soak.peakRssMb).toBeGreaterThan(10);
    expect(markdown).toContain('## Memory');
    expect(markdown).toMatch(/^\| \d+(\.\d+)?\s+\| \d+(\.\d+)?\s+\| [+-]\d/m);
    expect(markdown).toMatch(
      /Heap back within 20 MB of baseline after the soak: \*\*(not )?met\*\*/,
    );
  });
});
