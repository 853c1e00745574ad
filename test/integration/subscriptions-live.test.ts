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
    fake: { clock: () => elapsed },
    gateway: { live: { intervalMs: 7000, maxPerToken: 20, maxTotal: 100, schedule } },
  });
});
afterAll(() => h.close());

describe('a live call, watched', () => {
  it("sends a peer's report again when a new quality sample arrives, and only then", async () => {
    const { liveSessionId } = h.fake.demo;
    const listed = await h.query(
      `{ session(sessionId: "${liveSessionId}") { participants(perPage: 100) { items { id leftAt } } } }`,
    );
    const items = (
      listed.body.data?.['session'] as {
        participants: { items: { id: string; leftAt: unknown }[] };
      }
    ).participants.items;
    const present = items.find((item) => item.leftAt === null);
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
});
