import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import type { Schedule } from '../../src/live/hub.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

/*
 * A live call moving: the fake's clock and the shared poll's ticks are both the test's, so each
 * step is "7 s pass upstream, then the poll fires". Over real HTTP and SSE.
 */

let elapsed = 0;
const pending = new Set<() => void>();
const schedule: Schedule = (fire) => {
  pending.add(fire);
  return () => pending.delete(fire);
};
const fire = () => {
  const due = [...pending];
  pending.clear();
  for (const run of due) run();
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    fake: { clock: () => elapsed },
    gateway: { live: { intervalMs: 7000, maxPerToken: 20, maxTotal: 100, schedule } },
  });
});
afterAll(() => h.close());

async function sse(query: string) {
  const response = await fetch(h.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: `Bearer ${DEMO_TOKEN}`,
    },
    body: JSON.stringify({ query }),
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  return {
    async next(): Promise<Record<string, unknown> | 'complete'> {
      for (;;) {
        const end = buffered.indexOf('\n\n');
        if (end >= 0) {
          const lines = buffered.slice(0, end).split('\n');
          buffered = buffered.slice(end + 2);
          const event = lines
            .find((line) => line.startsWith('event:'))
            ?.slice(6)
            .trim();
          const data = lines
            .find((line) => line.startsWith('data:'))
            ?.slice(5)
            .trim();
          if (event === 'complete') return 'complete';
          if (event === 'next' && data !== undefined) {
            return JSON.parse(data) as Record<string, unknown>;
          }
          continue;
        }
        const { value, done } = await reader.read();
        if (done) return 'complete';
        buffered += decoder.decode(value, { stream: true });
      }
    },
    close: () => reader.cancel(),
  };
}

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
    const stream = await sse(
      `subscription { peerReportUpdates(peerId: "${present?.id ?? ''}") { id quality { audio { producer { timestamp } } } } }`,
    );
    const samples = (event: Record<string, unknown> | 'complete') =>
      event === 'complete'
        ? -1
        : (event['data'] as { peerReportUpdates: { quality: { audio: { producer: unknown[] } } } })
            .peerReportUpdates.quality.audio.producer.length;
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
