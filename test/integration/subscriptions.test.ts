import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import { loadConfig } from '../../src/config.js';
import { startHarness } from '../support/harness.js';
import { manualSchedule, openSse } from '../support/live.js';
import type { Harness } from '../support/harness.js';

/*
 * Subscriptions over GraphQL over Server-Sent Events, with real HTTP streams to a real gateway and
 * fake. The shared polls' ticks are fired by the test (an injected schedule), never by a clock.
 */

const clock = manualSchedule();
const { schedule, fire } = clock;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    fake: { tokens: [DEMO_TOKEN, 'second-token'] },
    gateway: {
      live: { intervalMs: 7000, maxPerToken: 25, maxTotal: 100, schedule },
      // The cache on, as users run it: subscribers of one tick meet in it and in shared calls.
      cache: loadConfig({}).cache,
    },
  });
});
afterAll(() => h.close());
beforeEach(() => {
  h.fake.resetCalls();
});

type Stream = Awaited<ReturnType<typeof openSse>>;

async function subscribe(query: string, token = DEMO_TOKEN): Promise<Stream> {
  const stream = await openSse(h.url, query, token);
  expect(stream.status).toBe(200);
  expect(stream.contentType).toContain('text/event-stream');
  return stream;
}

/** Waits until `ready` holds, checking after each macrotask (bounded by the test's timeout). */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((resolve) => setTimeout(resolve, 5));
}

const liveSession = () => h.fake.demo.liveSessionId;

describe('subscriptions over SSE', () => {
  it('sends the current state at once', async () => {
    const stream = await subscribe(
      `subscription { sessionUpdates(sessionId: "${liveSession()}") { id status liveParticipants } }`,
    );
    const first = await stream.next();
    expect(first.data?.errors).toBeUndefined();
    expect(first.data?.data?.['sessionUpdates']).toMatchObject({
      id: liveSession(),
      status: 'LIVE',
    });
    await stream.close();
  });

  it('costs 20 subscribers of one token what one costs, and stops polling with the last', async () => {
    const query = `subscription { sessionUpdates(sessionId: "${liveSession()}") { id status } }`;
    const streams = await Promise.all(Array.from({ length: 20 }, () => subscribe(query)));
    const firsts = await Promise.all(streams.map((stream) => stream.next()));
    expect(new Set(firsts.map((event) => JSON.stringify(event))).size).toBe(1);
    // One poll for all of them.
    expect(clock.pending()).toBe(1);
    const onFirst = h.fake.calls.length;
    expect(onFirst).toBeLessThanOrEqual(1);
    fire();
    // The tick's reads meet in one shared call, or in the cache it just filled.
    expect(clock.pending()).toBe(1);
    await Promise.all(streams.map((stream) => stream.close()));
    await until(() => clock.pending() === 0);
    const afterAll = h.fake.calls.length;
    expect(afterAll - onFirst).toBeLessThanOrEqual(1);
    fire();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.fake.calls.length).toBe(afterAll);
  });

  it('never shares a poll between two tokens', async () => {
    // A session no earlier test has read, so neither token finds it in the cache.
    const query = `subscription { sessionUpdates(sessionId: "${h.fake.demo.largeSessionId}") { id } }`;
    const [a, b] = await Promise.all([subscribe(query), subscribe(query, 'second-token')]);
    const [eventA, eventB] = await Promise.all([a.next(), b.next()]);
    expect(eventB.data?.data).toEqual(eventA.data?.data);
    // Each token read the session itself: no call or cached answer crossed between them.
    expect(new Set(h.fake.calls.map((call) => call.authHash)).size).toBe(2);
    await Promise.all([a.close(), b.close()]);
  });

  it('sends an ENDED session once, then completes', async () => {
    const stream = await subscribe(
      `subscription { sessionUpdates(sessionId: "${h.fake.demo.sessionId}") { id status } }`,
    );
    const first = await stream.next();
    expect(first.data?.data?.['sessionUpdates']).toEqual({
      id: h.fake.demo.sessionId,
      status: 'ENDED',
    });
    expect(await stream.next()).toEqual({ complete: true });
  });

  it('sends a peer that has left once, with nested fields, then completes', async () => {
    const stream = await subscribe(
      `subscription { peerReportUpdates(peerId: "${h.fake.demo.participantId}") { id leftAt quality { audio { producerCumulative { qualityMos { avg } } } } } }`,
    );
    const first = await stream.next();
    expect(first.data?.errors).toBeUndefined();
    expect(first.data?.data?.['peerReportUpdates']).toMatchObject({
      id: h.fake.demo.participantId,
    });
    expect(await stream.next()).toEqual({ complete: true });
  });

  it('refuses a subscription over MAX_SUBSCRIPTIONS_PER_TOKEN with TOO_MANY_SUBSCRIPTIONS', async () => {
    const query = `subscription { sessionUpdates(sessionId: "${liveSession()}") { id } }`;
    const held = await Promise.all(Array.from({ length: 25 }, () => subscribe(query)));
    await Promise.all(held.map((stream) => stream.next()));
    const refused = await subscribe(query);
    const event = await refused.next();
    expect(event.data?.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'TOO_MANY_SUBSCRIPTIONS',
          limit: 'token',
          max: 25,
        }) as unknown,
      }),
    ]);
    await Promise.all([...held, refused].map((stream) => stream.close()));
  });

  it('refuses, before any poll, a subscription whose every poll could cost more than MAX_UPSTREAM_CALLS_PER_OPERATION', async () => {
    h.fake.resetCalls();
    // Two pages of 100 participants with each one's stats: over the default 120 calls.
    const refused = await subscribe(
      `subscription { sessionUpdates(sessionId: "${liveSession()}") { first: participants(perPage: 100) { items { peerStats { status } } } second: participants(perPage: 100, pageNo: 2) { items { peerStats { status } } } } }`,
    );
    const event = await refused.next();
    expect(event.data?.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'UPSTREAM_BUDGET_EXCEEDED' }) as unknown,
      }),
    ]);
    expect(h.fake.calls).toHaveLength(0);
    expect(clock.pending()).toBe(0);
    await refused.close();
  });

  it('tells in extensions.fetchedAt when the data came from upstream, the cached answer included', async () => {
    const query = `subscription { sessionUpdates(sessionId: "${h.fake.demo.liveSessionId}") { id liveParticipants } }`;
    // A query refreshes the cache first (no-cache: it asks upstream and keeps the answer); then two
    // subscribers are answered from it.
    const before = Date.now();
    await h.query(
      `{ session(sessionId: "${h.fake.demo.liveSessionId}") { id liveParticipants } }`,
      {
        headers: { 'cache-control': 'no-cache' },
      },
    );
    const after = Date.now();
    h.fake.resetCalls();
    const [a, b] = await Promise.all([subscribe(query), subscribe(query)]);
    const [first, second] = await Promise.all([a.next(), b.next()]);
    expect(h.fake.calls).toHaveLength(0);
    const fetchedAt = Date.parse(String(first.data?.extensions?.['fetchedAt']));
    expect(fetchedAt).toBeGreaterThanOrEqual(before);
    expect(fetchedAt).toBeLessThanOrEqual(after);
    expect(second.data?.extensions?.['fetchedAt']).toBe(first.data?.extensions?.['fetchedAt']);
    expect(first.data?.extensions?.['fetchedAt']).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    await Promise.all([a.close(), b.close()]);
  });
});
