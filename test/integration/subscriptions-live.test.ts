import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import { startHarness } from '../support/harness.js';
import { manualSchedule, openSse } from '../support/live.js';
import type { SseMessage } from '../support/live.js';
import type { Harness } from '../support/harness.js';

/*
 * A live call moving: the fake's clock and the shared poll's ticks are both the test's, so each
 * step is "7 s pass upstream, then the poll fires". Over real HTTP and SSE.
 */

let elapsed = 0;
const { schedule, fire } = manualSchedule();

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    // The live call ends 5 minutes in: the last test moves the clock there.
    fake: { clock: () => elapsed, liveSessionMinutes: 5 },
    gateway: { live: { intervalMs: 7000, maxPerToken: 20, maxTotal: 100, schedule } },
  });
});
afterAll(() => h.close());

/** A participant of the live session who has not left, as a query lists them now. */
async function aPeerStillIn(): Promise<{ id: string } | undefined> {
  const listed = await h.query(
    `{ session(sessionId: "${h.fake.demo.liveSessionId}") { participants(perPage: 100) { items { id leftAt } } } }`,
  );
  const items = (
    listed.body.data?.['session'] as {
      participants: { items: { id: string; leftAt: unknown }[] };
    }
  ).participants.items;
  return items.find((item) => item.leftAt === null);
}

describe('a live call, watched', () => {
  it("sends a peer's report again when a new quality sample arrives, and only then", async () => {
    const present = await aPeerStillIn();
    expect(present).toBeDefined();
    const stream = await openSse(
      h.url,
      `subscription { peerReportUpdates(peerId: "${present?.id ?? ''}") { id quality { audio { producer { timestamp } } } } }`,
      DEMO_TOKEN,
    );
    const samples = (message: SseMessage) =>
      (
        message.data?.data as
          { peerReportUpdates: { quality: { audio: { producer: unknown[] } } } } | undefined
      )?.peerReportUpdates.quality.audio.producer.length ?? -1;
    const first = samples(await stream.next());
    expect(first).toBeGreaterThan(0);
    elapsed += 7_000;
    fire();
    expect(samples(await stream.next())).toBe(first + 1);
    elapsed += 7_000;
    fire();
    expect(samples(await stream.next())).toBe(first + 2);
    // A tick with nothing new upstream sends nothing: the next event is the next sample's.
    fire();
    elapsed += 7_000;
    fire();
    expect(samples(await stream.next())).toBe(first + 3);
    await stream.close();
  });

  it('fetches what all subscribers of a peer need together: different selections, one call per tick', async () => {
    const peerId = (await aPeerStillIn())?.id ?? '';
    // One needs the quality series, the other the peer's metadata: different sections upstream.
    const quality = await openSse(
      h.url,
      `subscription { peerReportUpdates(peerId: "${peerId}") { quality { audio { producer { timestamp } } } } }`,
      DEMO_TOKEN,
    );
    const metadata = await openSse(
      h.url,
      `subscription { peerReportUpdates(peerId: "${peerId}") { metadata { ipInformation { city } } } }`,
      DEMO_TOKEN,
    );
    await Promise.all([quality.next(), metadata.next()]);
    h.fake.resetCalls();
    elapsed += 7_000;
    fire();
    await quality.next();
    const reports = h.fake.calls.filter((call) => call.endpoint === 'peerReport');
    // The cache is off: only reading with the union of both selections makes it one call.
    expect(reports).toHaveLength(1);
    expect(reports[0]?.query['filters'] ?? '').not.toBe('');
    await Promise.all([quality.close(), metadata.close()]);
  });

  it('sends the final state when the live session ends, then completes', async () => {
    const { liveSessionId } = h.fake.demo;
    const stream = await openSse(
      h.url,
      `subscription { sessionUpdates(sessionId: "${liveSessionId}") { id status } }`,
      DEMO_TOKEN,
    );
    expect((await stream.next()).data?.data).toEqual({
      sessionUpdates: { id: liveSessionId, status: 'LIVE' },
    });
    elapsed = 5 * 60_000;
    fire();
    expect((await stream.next()).data?.data).toEqual({
      sessionUpdates: { id: liveSessionId, status: 'ENDED' },
    });
    expect(await stream.next()).toEqual({ complete: true });
  });
});
