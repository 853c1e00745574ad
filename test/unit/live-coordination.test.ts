/**
 * The live hub with a coordinator: which replica ticks, what it announces, and what the others
 * read. The coordinator here is an in-memory stand-in for src/live/redis-coordinator.ts (whose
 * Redis side test/replicas/ drives with real processes), so that every step is the test's.
 */
import { describe, expect, it } from 'vitest';
import { createLiveHub } from '../../src/live/hub.js';
import type { LiveCoordinator, LiveRoundNews } from '../../src/live/hub.js';
import type { OperationNeeds } from '../../src/loaders/needs.js';
import { manualSchedule } from '../support/live.js';

const NEED = (sections: string[]): OperationNeeds =>
  ({
    participant: { all: false, sections: new Set(), peerEvents: false, series: false },
    peerReport: { all: false, sections: new Set(sections), peerEvents: false, series: false },
    session: { breakoutRooms: false },
  }) as OperationNeeds;

function coordinator(holds: () => boolean | undefined, others: readonly OperationNeeds[] = []) {
  const announced: LiveRoundNews[] = [];
  const listeners = new Set<(news: LiveRoundNews) => void>();
  const released: string[] = [];
  const shared: (OperationNeeds | undefined)[] = [];
  const live: LiveCoordinator = {
    heartbeatMs: 1_000,
    claim: () => Promise.resolve(holds()),
    release: (poll) => {
      released.push(poll);
    },
    announce: (_poll, news) => {
      announced.push(news);
    },
    listen: (_poll, onRound) => {
      listeners.add(onRound);
      return () => listeners.delete(onRound);
    },
    shareNeeds: (_poll, needs) => {
      shared.push(needs);
      return Promise.resolve(holds() === undefined ? undefined : others);
    },
  };
  const deliver = (news: LiveRoundNews) => {
    for (const listener of listeners) listener(news);
  };
  return { live, announced, released, shared, deliver, listeners };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A hub on a manual clock with `c` as its coordinator. */
function started(c: ReturnType<typeof coordinator>) {
  const clock = manualSchedule();
  const hub = createLiveHub({
    intervalMs: 500,
    maxPerToken: 5,
    maxTotal: 5,
    schedule: clock.schedule,
    coordinator: c.live,
  });
  return { clock, c, hub };
}

describe('live hub with a coordinator', () => {
  it('ticks on its own timer while it holds the lease, and announces once every subscriber read', async () => {
    const { clock, c, hub } = started(coordinator(() => true));
    const first = hub.join('token', 'session:1', NEED(['quality_stats']));
    const second = hub.join('token', 'session:1', NEED(['events']));
    await settle();
    const ticks = Promise.all([first.nextTick(), second.nextTick()]);
    clock.fire();
    expect(await ticks).toEqual([true, true]);
    expect(first.notBefore()).toBeUndefined();
    first.settle(true, 1_000);
    expect(c.announced).toEqual([]);
    second.settle(true, 900);
    // The oldest data of the round: what the others may not read older than.
    expect(c.announced).toEqual([{ oldest: 900 }]);
    first.leave();
    second.leave();
    expect(c.released).toEqual(['token\nsession:1']);
    expect(c.shared.at(-1)).toBeUndefined();
  });

  it('does not poll while another replica holds the lease: it ticks when that one announces', async () => {
    const { clock, c, hub } = started(coordinator(() => false, [NEED(['events'])]));
    const watch = hub.join('token', 'session:1', NEED(['quality_stats']));
    await settle();
    let ticked = false;
    const tick = watch.nextTick().then((alive) => {
      ticked = alive;
    });
    // The timer fires (the heartbeat too, here), but this replica does not poll.
    clock.fire();
    await settle();
    expect(ticked).toBe(false);
    c.deliver({ oldest: 12_345 });
    await tick;
    expect(ticked).toBe(true);
    expect(watch.notBefore()).toBe(12_345);
    // It shared its own needs, and reads with the other replica's beside them.
    expect(c.shared[0]).toEqual(NEED(['quality_stats']));
    expect(watch.needs()).toEqual([NEED(['quality_stats']), NEED(['events'])]);
    // A follower announces nothing.
    watch.settle(true, 12_345);
    expect(c.announced).toEqual([]);
    watch.leave();
  });

  it('polls for itself when Redis cannot say who holds the lease', async () => {
    const { clock, hub } = started(coordinator(() => undefined));
    const watch = hub.join('token', 'session:1');
    await settle();
    const tick = watch.nextTick();
    clock.fire();
    expect(await tick).toBe(true);
    expect(watch.notBefore()).toBeUndefined();
    watch.leave();
  });

  it('takes over once the lease becomes its own, and stops hearing the old holder', async () => {
    let holder = false;
    const { clock, c, hub } = started(coordinator(() => holder));
    const watch = hub.join('token', 'session:1');
    await settle();
    holder = true;
    // The next heartbeat claims the lease; the timer after it ticks.
    clock.fire();
    await settle();
    const tick = watch.nextTick();
    clock.fire();
    expect(await tick).toBe(true);
    expect(watch.notBefore()).toBeUndefined();
    watch.leave();
    expect(c.listeners.size).toBe(0);
  });

  it('announces the read of a subscriber that was still busy when the tick fired', async () => {
    const { clock, c, hub } = started(coordinator(() => true));
    const watch = hub.join('token', 'session:1');
    await settle();
    // Not waiting for a tick when it fires: its next read is at once.
    clock.fire();
    expect(await watch.nextTick()).toBe(true);
    watch.settle(true, 4_000);
    expect(c.announced).toEqual([{ oldest: 4_000 }]);
    watch.leave();
  });
});
