import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/observability/metrics.js';

const series = (text: string) =>
  text.split('\n').filter((line) => line.startsWith('rtk_graphql_upstream_drift_total{'));

describe('rtk_graphql_upstream_drift_total', () => {
  it('counts drift by endpoint, path and kind', async () => {
    const metrics = createMetrics();
    metrics.upstream.drift('participant', 'peer_stats.device_info.cpus', 'wrong_type');
    metrics.upstream.drift('participant', 'peer_stats.device_info.cpus', 'wrong_type');
    metrics.upstream.drift('peer_report', 'peer_report.quality.foo', 'unknown_key');
    expect(series((await metrics.render()).body)).toEqual([
      'rtk_graphql_upstream_drift_total{endpoint="participant",path="peer_stats.device_info.cpus",kind="wrong_type"} 2',
      'rtk_graphql_upstream_drift_total{endpoint="peer_report",path="peer_report.quality.foo",kind="unknown_key"} 1',
    ]);
  });

  it('keeps at most 200 distinct paths and counts every later one under _other', async () => {
    const metrics = createMetrics();
    // A payload that invents a key per call must not add a series per call.
    for (let index = 0; index < 250; index += 1) {
      metrics.upstream.drift('peer_report', `peer_report.metadata.key_${index}`, 'unknown_key');
    }
    metrics.upstream.drift('peer_report', 'peer_report.metadata.key_0', 'unknown_key');
    const lines = series((await metrics.render()).body);
    expect(lines).toHaveLength(201);
    expect(lines).toContain(
      'rtk_graphql_upstream_drift_total{endpoint="peer_report",path="peer_report.metadata.key_0",kind="unknown_key"} 2',
    );
    expect(lines).toContain(
      'rtk_graphql_upstream_drift_total{endpoint="peer_report",path="_other",kind="unknown_key"} 50',
    );
  });

  it('cuts a very long path to 200 characters', async () => {
    const metrics = createMetrics();
    metrics.upstream.drift('session', `x${'y'.repeat(500)}`, 'unknown_key');
    const [line] = series((await metrics.render()).body);
    expect(line).toContain(`path="x${'y'.repeat(199)}"`);
  });
});
