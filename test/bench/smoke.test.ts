/**
 * Keeps the benchmark from rotting: runs it for real, tiny (one scenario, one round, 1 s, no Mesh, a
 * 1 s memory soak), and checks the report. The benchmark runs as Node processes (itself, the fake,
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
import type { Measurement } from '../../bench/report.js';
import { transpileProject } from '../support/transpile.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The measurement fields the smoke test checks, as the benchmark's --json writes them. */
type Row = Pick<
  Measurement,
  | 'scenario'
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
    ({ measurements: rows, soak } = JSON.parse(readFileSync(json, 'utf8')) as {
      measurements: Row[];
      soak: Soak | string;
    });
    const report = readdirSync(outDir).find((name) => name.endsWith('.md'));
    markdown = readFileSync(join(outDir, report ?? 'missing.md'), 'utf8');
  }, 60_000);

  afterAll(() => {
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('measures every requested system with sane numbers', () => {
    expect(rows.map((row) => `${row.scenario}/${row.system}`)).toEqual([
      'one-call/gateway',
      'one-call/raw',
      'one-call/direct',
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

  it('writes the markdown report with the ratios and one row per system', () => {
    expect(markdown).toMatch(/^# Benchmark/);
    expect(markdown).toContain('Node v');
    expect(markdown).toMatch(/^\| one-call\s+\| \d+\.\d\d\s+\|/m);
    for (const label of ['gateway', 'raw proxy', 'direct']) {
      expect(markdown).toMatch(new RegExp(`^\\| ${label}\\s+\\| \\d`, 'm'));
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
