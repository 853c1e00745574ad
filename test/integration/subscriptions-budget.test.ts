import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import { startHarness } from '../support/harness.js';
import { manualSchedule, openSse } from '../support/live.js';
import type { Harness } from '../support/harness.js';

/*
 * LIVE_POLL_BUDGET_SHARE with a real gateway and fake: a token whose bucket cannot sustain its
 * polls at the base interval gets longer intervals, measured from the calls its polls really took,
 * and its queries still get their calls. The cache is off, so every round costs upstream calls.
 */

const clock = manualSchedule();
const REFILL = 0.5;
const SHARE = 0.5;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    gateway: {
      live: {
        intervalMs: 7000,
        maxPerToken: 5,
        maxTotal: 10,
        budgetShare: SHARE,
        schedule: clock.schedule,
      },
      upstream: { tokenBucket: { capacity: 30, refillPerSecond: REFILL } },
    },
  });
});
afterAll(() => h.close());

const until = async (ready: () => boolean) => {
  while (!ready()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('live polls within their share of the budget', () => {
  it('stretches the interval to what the polls cost, and queries of the token still succeed', async () => {
    const session = h.fake.demo.liveSessionId;
    h.fake.resetCalls();
    const stream = await openSse(
      h.url,
      `subscription { sessionUpdates(sessionId: "${session}") { id participants(perPage: 5) { items { id peerStats { status } } } } }`,
      DEMO_TOKEN,
    );
    const first = await stream.next();
    expect(first.data?.errors, JSON.stringify(first.data?.errors)).toBeUndefined();
    const perRound = h.fake.calls.length;
    // A session, a page of participants and their peer stats: several calls a round.
    expect(perRound).toBeGreaterThan(2);
    expect(clock.delays()).toEqual([7000]);
    clock.fire();
    // The tick measured the round before it: perRound calls at REFILL × SHARE calls per second.
    expect(clock.delays()).toEqual([Math.ceil((perRound / (REFILL * SHARE)) * 1000)]);
    expect(clock.delays()[0]).toBeGreaterThan(7000);
    // The tick's round (its result unchanged, so not sent) spends as much again.
    await until(() => h.fake.calls.length >= 2 * perRound);
    // A query of the same token is answered: the polls left it its share of the bucket.
    const answer = await h.query(`{ session(sessionId: "${session}") { id status } }`);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toMatchObject({ session: { id: session } });
    await stream.close();
  });

  it('sends an upstream failure as the event, with its code, backs off, and goes on once upstream recovers', async () => {
    const session = h.fake.demo.liveSessionId;
    const stream = await openSse(
      h.url,
      `subscription { sessionUpdates(sessionId: "${session}") { id status } }`,
      DEMO_TOKEN,
    );
    expect((await stream.next()).data?.data).toEqual({
      sessionUpdates: { id: session, status: 'LIVE' },
    });
    // Every attempt of the next round fails (the retries included).
    h.fake.injectFault({ match: { endpoint: 'session' }, status: 503, times: 10 });
    clock.fire();
    const failed = await stream.next();
    expect(failed.data?.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE' }) as unknown,
      }),
    ]);
    h.fake.clearFaults();
    // The tick after the failed round waits twice the interval (and more if the budget says so).
    clock.fire();
    expect(clock.delays()[0]).toBeGreaterThanOrEqual(14_000);
    expect((await stream.next()).data?.data).toEqual({
      sessionUpdates: { id: session, status: 'LIVE' },
    });
    await stream.close();
  });
});
