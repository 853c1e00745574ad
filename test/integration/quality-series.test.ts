import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import { participantIds } from '../support/calls.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

/*
 * A peer report read for an operation that selects none of its quality sample series drops them
 * unread (SectionNeed.series, see src/loaders/field-costs.ts). The fear: a series dropped that a
 * field then wants. Every way to ask for one gets it, in the same operation as a cumulatives-only
 * read of the same report, and after such a read has filled the cross-request cache.
 */

let h: Harness;

beforeAll(async () => {
  // The cache on, as users run it: a report cached without its series must not answer for them.
  h = await startHarness({ gateway: { cache: loadConfig({}).cache } });
});
afterAll(() => h.close());
beforeEach(() => {
  h.fake.resetCalls();
});

const cumulatives = 'quality { video { producerCumulative { qualityMos { avg } } } }';
const samples = 'quality { video { producer { timestamp } } audio { consumer { timestamp } } }';

interface Quality {
  readonly quality: {
    readonly video: { readonly producer: unknown[] | null };
    readonly audio: { readonly consumer: unknown[] | null };
  };
}

const seriesOf = (report: Quality) => [
  report.quality.video.producer?.length ?? 0,
  report.quality.audio.consumer?.length ?? 0,
];

describe('quality series dropped unread', () => {
  it('are kept for an operation that selects them beside a cumulatives-only alias', async () => {
    const { participantId } = h.fake.demo;
    const answer = await h.query(
      `{ a: peerReport(peerId: "${participantId}") { ${cumulatives} } b: peerReport(peerId: "${participantId}") { ${samples} } }`,
      { headers: { 'cache-control': 'no-cache' } },
    );
    expect(answer.body.errors).toBeUndefined();
    const b = answer.body.data?.['b'] as Quality;
    expect(seriesOf(b).every((length) => length > 0)).toBe(true);
    expect(h.fake.calls).toHaveLength(1);
  });

  it('are kept through the participant link and a fragment', async () => {
    const { sessionId, participantId } = h.fake.demo;
    const answer = await h.query(
      `{ participant(sessionId: "${sessionId}", participantId: "${participantId}") { peerReport { ...Q } } } fragment Q on PeerReport { ${samples} }`,
      { headers: { 'cache-control': 'no-cache' } },
    );
    expect(answer.body.errors).toBeUndefined();
    const report = (answer.body.data?.['participant'] as { peerReport: Quality }).peerReport;
    expect(seriesOf(report).every((length) => length > 0)).toBe(true);
  });

  it('are fetched again when a cached report was read without them', async () => {
    // A peer no earlier test has read, so the cache starts without it.
    const [participantId] = await participantIds(h.fake, DEMO_TOKEN, h.fake.demo.largeSessionId);
    const first = await h.query(`{ peerReport(peerId: "${participantId}") { ${cumulatives} } }`);
    expect(first.body.errors).toBeUndefined();
    const cached = await h.query(`{ peerReport(peerId: "${participantId}") { ${cumulatives} } }`);
    expect(cached.body.data).toEqual(first.body.data);
    // The cumulatives are answered from the cache: one call for the two reads.
    expect(h.fake.calls).toHaveLength(1);
    const wanted = await h.query(`{ peerReport(peerId: "${participantId}") { ${samples} } }`);
    expect(wanted.body.errors).toBeUndefined();
    expect(seriesOf(wanted.body.data?.['peerReport'] as Quality).every((n) => n > 0)).toBe(true);
    expect(h.fake.calls).toHaveLength(2);
  });
});
