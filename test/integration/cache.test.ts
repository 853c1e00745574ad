import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import { loadConfig } from '../../src/config.js';
import type { SectionCacheSettings } from '../../src/cache/section-cache.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';
import { appPrefix, callSummary } from '../support/calls.js';

/*
 * The cross-request cache over real HTTP: what a second request costs upstream, for the same token
 * and for another token of the same account, for finished and live data, and after a failure.
 */

const OTHER_TOKEN = 'rtk-second-token-of-the-same-account';
const DEFAULTS = loadConfig({}).cache;

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(cache: Partial<SectionCacheSettings> = {}): Promise<Harness> {
  harness = await startHarness({
    fake: { tokens: [DEMO_TOKEN, OTHER_TOKEN] },
    gateway: { cache: { ...DEFAULTS, ...cache } },
  });
  return harness;
}

const QUALITY = `query Quality($peerId: ID!) {
  peerReport(peerId: $peerId) { id quality { audio { producerCumulative { qualityMos { avg } } } } }
}`;
const DEVICE_AND_QUALITY = `query Both($peerId: ID!) {
  peerReport(peerId: $peerId) {
    metadata { deviceInfo { os } }
    quality { audio { producerCumulative { qualityMos { avg } } } }
  }
}`;

function peerPath(h: Harness, peerId: string): string {
  return `${appPrefix(h.fake)}/sessions/peer-report/${peerId}`;
}

/** A participant of the live session who is still in the call (no `left_at`). */
async function peerStillInCall(h: Harness): Promise<string> {
  const response = await fetch(
    `${h.fake.url}/accounts/${h.fake.accountId}/realtime/kit/${h.fake.appId}/sessions/${h.fake.demo.liveSessionId}/participants?per_page=100`,
    { headers: { authorization: `Bearer ${DEMO_TOKEN}` } },
  );
  const body = (await response.json()) as {
    data: { participants: { id: string; left_at?: string | null }[] };
  };
  h.fake.resetCalls();
  const peer = body.data.participants.find((participant) => participant.left_at == null);
  if (peer === undefined) throw new Error('the seed has no participant still in the live call');
  return peer.id;
}

describe('the cross-request cache', () => {
  it('answers a finished peer again for the same token without an upstream call', async () => {
    const h = await start();
    const { peerId } = h.fake.demo;
    const first = await h.query(QUALITY, { variables: { peerId } });
    const second = await h.query(QUALITY, { variables: { peerId } });
    expect(first.body.errors).toBeUndefined();
    expect(second.body).toEqual(first.body);
    expect(callSummary(h.fake)).toEqual([
      { method: 'GET', path: peerPath(h, peerId), query: { filters: 'quality_stats' } },
    ]);
  });

  it('answers a narrower selection from a wider entry, and fetches a wider one again', async () => {
    const h = await start();
    const { peerId } = h.fake.demo;
    await h.query(DEVICE_AND_QUALITY, { variables: { peerId } });
    const narrower = await h.query(QUALITY, { variables: { peerId } });
    expect(narrower.body.errors).toBeUndefined();
    await h.query(`{ peerReport(peerId: "${peerId}") { metadata { ipInformation { city } } } }`);
    expect(callSummary(h.fake)).toEqual([
      {
        method: 'GET',
        path: peerPath(h, peerId),
        query: { filters: 'device_info,quality_stats' },
      },
      { method: 'GET', path: peerPath(h, peerId), query: { filters: 'ip_information' } },
    ]);
  });

  it('never serves one token what another token of the same account fetched', async () => {
    const h = await start();
    const { peerId } = h.fake.demo;
    await h.query(QUALITY, { variables: { peerId } });
    const other = await h.query(QUALITY, {
      variables: { peerId },
      headers: { authorization: `Bearer ${OTHER_TOKEN}` },
    });
    expect(other.body.errors).toBeUndefined();
    const calls = h.fake.calls;
    expect(calls).toHaveLength(2);
    expect(new Set(calls.map((call) => call.authHash)).size).toBe(2);
  });

  it('keeps a participant still in the call only for the live lifetime', async () => {
    const h = await start({ liveTtlMs: 0 });
    const peerId = await peerStillInCall(h);
    await h.query(QUALITY, { variables: { peerId } });
    await h.query(QUALITY, { variables: { peerId } });
    expect(h.fake.calls).toHaveLength(2);
  });

  it('keeps live data for its lifetime, then asks upstream again', async () => {
    const h = await start({ liveTtlMs: 300 });
    const peerId = await peerStillInCall(h);
    await h.query(QUALITY, { variables: { peerId } });
    await h.query(QUALITY, { variables: { peerId } });
    expect(h.fake.calls).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 350));
    await h.query(QUALITY, { variables: { peerId } });
    expect(h.fake.calls).toHaveLength(2);
  });

  it('never keeps a failure: the next request asks upstream again', async () => {
    const h = await start({});
    const { peerId } = h.fake.demo;
    h.fake.injectFault({ match: { endpoint: 'peerReport', id: peerId }, status: 404, times: 1 });
    const failed = await h.query(QUALITY, { variables: { peerId } });
    expect(failed.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const answered = await h.query(QUALITY, { variables: { peerId } });
    expect(answered.body.errors).toBeUndefined();
    expect(h.fake.calls).toHaveLength(2);
  });

  it('caches participants and sessions too, and counts hits and misses in /metrics', async () => {
    const h = await start();
    const { sessionId, participantId } = h.fake.demo;
    const query = `{
      session(sessionId: "${sessionId}") { id status }
      participant(sessionId: "${sessionId}", participantId: "${participantId}") { id qualityStats { averageQuality } }
    }`;
    const first = await h.query(query);
    const second = await h.query(query);
    expect(first.body.errors).toBeUndefined();
    expect(second.body).toEqual(first.body);
    expect(h.fake.calls).toHaveLength(2);
    const metrics = await (await fetch(new URL('/metrics', h.url))).text();
    expect(metrics).toContain('rtk_graphql_cache_hits_total{resource="session"} 1');
    expect(metrics).toContain('rtk_graphql_cache_hits_total{resource="participant"} 1');
    expect(metrics).toContain('rtk_graphql_cache_misses_total{resource="participant"} 1');
  });

  it('asks upstream again for Cache-Control: no-cache and keeps the fresh answer', async () => {
    const h = await start();
    const { peerId } = h.fake.demo;
    await h.query(QUALITY, { variables: { peerId } });
    await h.query(QUALITY, { variables: { peerId }, headers: { 'cache-control': 'no-cache' } });
    await h.query(QUALITY, { variables: { peerId } });
    expect(h.fake.calls).toHaveLength(2);
    await h.query(QUALITY, { variables: { peerId }, headers: { 'cache-control': 'no-store' } });
    expect(h.fake.calls).toHaveLength(3);
  });
});
