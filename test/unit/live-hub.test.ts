import { describe, expect, it } from 'vitest';
import { createLiveHub, liveEvents } from '../../src/live/hub.js';
import { manualSchedule } from '../support/live.js';

const settings = { intervalMs: 7000, maxPerToken: 3, maxTotal: 4 };

describe('live hub', () => {
  it('runs one poll per token and resource, however many watch it, and stops with the last', async () => {
    const clock = manualSchedule();
    const hub = createLiveHub({
      ...settings,
      maxPerToken: 50,
      maxTotal: 50,
      schedule: clock.schedule,
    });
    const watches = Array.from({ length: 20 }, () => hub.join('token-a', 'session:1'));
    const other = hub.join('token-b', 'session:1');
    expect(hub.size).toEqual({ subscriptions: 21, polls: 2 });
    expect(clock.pending()).toBe(2);
    const ticks = Promise.all(watches.map((watch) => watch.nextTick()));
    clock.fire();
    expect(await ticks).toEqual(Array.from({ length: 20 }, () => true));
    for (const watch of watches) watch.leave();
    expect(hub.size).toEqual({ subscriptions: 1, polls: 1 });
    other.leave();
    expect(hub.size).toEqual({ subscriptions: 0, polls: 0 });
    expect(clock.pending()).toBe(0);
  });

  it('refuses a subscription over the per-token and the total limits, before any poll', () => {
    const clock = manualSchedule();
    const hub = createLiveHub({ ...settings, schedule: clock.schedule });
    for (let index = 0; index < 3; index += 1) hub.join('token-a', `session:${index}`);
    expect(() => hub.join('token-a', 'session:9')).toThrow(
      expect.objectContaining({
        extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: 'token', max: 3 },
      }) as Error,
    );
    hub.join('token-b', 'session:1');
    expect(() => hub.join('token-c', 'session:1')).toThrow(
      expect.objectContaining({
        extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: 'gateway', max: 4 },
      }) as Error,
    );
    expect(hub.size.subscriptions).toBe(4);
  });

  it('sends the first event at once, one per tick, and ends after the last state', async () => {
    const clock = manualSchedule();
    const hub = createLiveHub({ ...settings, schedule: clock.schedule });
    let polls = 0;
    const events = liveEvents(hub.join('t', 'r'), () => {
      polls += 1;
      return Promise.resolve({ value: polls, last: polls === 2 });
    });
    expect(await events.next()).toEqual({ done: false, value: 1 });
    const second = events.next();
    expect(polls).toBe(1);
    clock.fire();
    expect(await second).toEqual({ done: false, value: 2 });
    expect(await events.next()).toEqual({ done: true, value: undefined });
    expect(hub.size).toEqual({ subscriptions: 0, polls: 0 });
  });

  it('leaves the poll at once when the subscriber goes away between ticks', async () => {
    const clock = manualSchedule();
    const hub = createLiveHub({ ...settings, schedule: clock.schedule });
    const events = liveEvents(hub.join('t', 'r'), () => Promise.resolve({ value: 1, last: false }));
    await events.next();
    const waiting = events.next();
    await events.return?.();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(hub.size).toEqual({ subscriptions: 0, polls: 0 });
    expect(clock.pending()).toBe(0);
  });

  it('completes every stream on close (shutdown)', async () => {
    const clock = manualSchedule();
    const hub = createLiveHub({ ...settings, schedule: clock.schedule });
    const events = liveEvents(hub.join('t', 'r'), () => Promise.resolve({ value: 1, last: false }));
    await events.next();
    const waiting = events.next();
    hub.close();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(clock.pending()).toBe(0);
  });
});

describe('live hub ticks', () => {
  it('lets a subscriber busy when a tick fired poll at once, and only once per tick', async () => {
    const clock = manualSchedule();
    const hub = createLiveHub({ ...settings, schedule: clock.schedule });
    const watch = hub.join('t', 'r');
    clock.fire();
    expect(await watch.nextTick()).toBe(true);
    let woke = false;
    const next = watch.nextTick().then((alive) => {
      woke = alive;
    });
    await Promise.resolve();
    expect(woke).toBe(false);
    clock.fire();
    await next;
    expect(woke).toBe(true);
  });
});

describe('live hub budget and backoff', () => {
  it("stretches a token's intervals so its polls spend at most their share of its refill rate", () => {
    const clock = manualSchedule();
    // 1 call per second, half of it for polls: 0.5 calls/s for polls.
    const hub = createLiveHub({
      ...settings,
      budgetShare: 0.5,
      refillPerSecond: 1,
      schedule: clock.schedule,
    });
    const a = hub.join('token-a', 'session:1');
    const b = hub.join('token-a', 'session:2');
    const other = hub.join('token-b', 'session:1');
    expect(hub.delayOf('token-a', 'session:1')).toBe(7000);
    // Rounds of 3 and 4 calls for token a, one for token b.
    for (let call = 0; call < 3; call += 1) a.spend();
    for (let call = 0; call < 4; call += 1) b.spend();
    other.spend();
    clock.fire();
    // Token a: 7 calls per round at 0.5 calls/s is one round per 14 s, for both its polls.
    expect(hub.delayOf('token-a', 'session:1')).toBe(14_000);
    expect(hub.delayOf('token-a', 'session:2')).toBe(14_000);
    // Token b's single call fits its share in the base interval: other tokens are not slowed.
    expect(hub.delayOf('token-b', 'session:1')).toBe(7000);
    // Rounds that cost nothing (answered from the cache) go back to the base interval, once the
    // token's other poll costs nothing either.
    clock.fire();
    expect(hub.delayOf('token-a', 'session:1')).toBe(8000);
    clock.fire();
    expect(hub.delayOf('token-a', 'session:1')).toBe(7000);
  });

  it('backs off while reads fail, doubling up to the cap, and returns to the interval once one succeeds', () => {
    const clock = manualSchedule();
    const hub = createLiveHub({ ...settings, schedule: clock.schedule });
    const watch = hub.join('token-a', 'session:1');
    const delays: (number | undefined)[] = [];
    for (let round = 0; round < 8; round += 1) {
      watch.settle(false);
      clock.fire();
      delays.push(hub.delayOf('token-a', 'session:1'));
    }
    expect(delays).toEqual([14_000, 28_000, 56_000, 112_000, 120_000, 120_000, 120_000, 120_000]);
    watch.settle(true);
    clock.fire();
    expect(hub.delayOf('token-a', 'session:1')).toBe(7000);
  });
});
