import { unionOfNeeds } from '../loaders/needs.js';
import type { OperationNeeds } from '../loaders/needs.js';
import { tooManySubscriptions } from '../upstream/errors.js';

/*
 * The shared polls of live subscriptions. Every subscriber of one resource with one token joins
 * one poll: a timer that fires every LIVE_POLL_INTERVAL_MS while anyone watches. On each tick all
 * of them re-run their selection at the same moment, so their upstream loads meet in the shared
 * in-flight calls and the cross-request cache (src/cache/): 50 subscribers cost what one costs.
 * Different tokens never share a poll (the key starts with the token's keyed hash).
 */

/** Schedules `fire` after `ms`; returns how to cancel it. Injected so tests drive the ticks. */
export type Schedule = (fire: () => void, ms: number) => () => void;

export const realSchedule: Schedule = (fire, ms) => {
  const timer = setTimeout(fire, ms);
  timer.unref();
  return () => {
    clearTimeout(timer);
  };
};

export interface LiveSettings {
  /** How often a shared poll fires (LIVE_POLL_INTERVAL_MS). */
  readonly intervalMs: number;
  /** Subscriptions one token may hold at once (MAX_SUBSCRIPTIONS_PER_TOKEN). */
  readonly maxPerToken: number;
  /** Subscriptions the gateway holds at once (MAX_SUBSCRIPTIONS). */
  readonly maxTotal: number;
  /**
   * The share of a token's refill rate its polls may spend (LIVE_POLL_BUDGET_SHARE), and that
   * rate (calls per second, the rate budget's): when a token's polls would spend more, every poll
   * of that token waits longer between ticks, so queries of the token keep the rest. Without a
   * rate, intervals never stretch.
   */
  readonly budgetShare?: number;
  readonly refillPerSecond?: number;
  readonly schedule?: Schedule;
  /**
   * Elects, among replicas, the one that polls each resource (see LiveCoordinator); without it
   * every poll is this process's own.
   */
  readonly coordinator?: LiveCoordinator;
}

/** What one replica's round of a poll tells the others: its data is in the shared cache. */
export interface LiveRoundNews {
  /** The oldest data the round's reads used (epoch ms on the polling replica's clock). */
  readonly oldest: number;
}

/**
 * How replicas share polls (in Redis, see createRedisCoordinator). The replica holding a poll's
 * lease polls: its subscribers read upstream, filling the shared cache, and it announces each
 * round; the others' subscribers read that round from the cache when told. A lease not renewed
 * lapses, and another replica with subscribers takes it. Every method tolerates Redis being away:
 * `claim` then says undefined, and each replica polls for itself, as without a coordinator.
 */
export interface LiveCoordinator {
  /** Takes or renews the lease of a poll: true when this replica holds it. */
  claim(poll: string): Promise<boolean | undefined>;
  /** Gives the lease up, if this replica holds it (its last subscriber left). */
  release(poll: string): void;
  announce(poll: string, news: LiveRoundNews): void;
  /** Listens to the rounds other replicas announce; returns how to stop. */
  listen(poll: string, onRound: (news: LiveRoundNews) => void): () => void;
  /** Shares what this replica's subscribers need (undefined: none left); gives the others'. */
  shareNeeds(
    poll: string,
    needs: OperationNeeds | undefined,
  ): Promise<readonly OperationNeeds[] | undefined>;
  /** How often leases are renewed, and others' lapsed leases taken. */
  readonly heartbeatMs: number;
}

/** The longest wait between the ticks of a poll whose upstream keeps failing. */
export const MAX_BACKOFF_MS = 120_000;

/** One subscriber's place in a shared poll. */
export interface LiveWatch {
  /** Resolves at the poll's next tick: true, or false once the watch has ended. */
  nextTick(): Promise<boolean>;
  /** Leaves the poll (the last one out stops it); a pending nextTick resolves false. */
  leave(): void;
  /** What every subscriber of this poll needs from upstream (see LoaderOptions.alongside). */
  needs(): readonly OperationNeeds[];
  /** One upstream call was taken from the token's budget for this poll. */
  spend(): void;
  /**
   * This subscriber's read of the latest tick succeeded, or failed in a way polling may cure;
   * `oldest` is when the oldest data it read came from upstream.
   */
  settle(ok: boolean, oldest?: number): void;
  /**
   * For a round another replica polled: data fetched before this (epoch ms) is older than the
   * round's, so it must not answer. Undefined when this replica polls.
   */
  notBefore(): number | undefined;
}

export interface LiveHub {
  /**
   * Joins the poll of `resource` for `tokenKey`, or throws TOO_MANY_SUBSCRIPTIONS; `needs` is what
   * this subscriber's selection needs, fetched for every subscriber of the poll.
   */
  join(tokenKey: string, resource: string, needs?: OperationNeeds): LiveWatch;
  /** Milliseconds the poll of `resource` for `tokenKey` waits before its next tick (for tests). */
  delayOf(tokenKey: string, resource: string): number | undefined;
  /** Subscriptions and polls running now. */
  readonly size: { readonly subscriptions: number; readonly polls: number };
  /** Ends every watch (shutdown): their streams complete. */
  close(): void;
}

interface Poll {
  readonly tokenKey: string;
  /** Subscribers waiting for the next tick: how to wake each, and its leave function. */
  readonly waiters: Set<readonly [(alive: boolean) => void, () => void]>;
  /** Each subscriber's needs, by its leave function. */
  readonly needs: Map<() => void, OperationNeeds>;
  /** Upstream calls since the last tick, and in the round before it. */
  spent: number;
  lastRound: number;
  /** Whether a read failed since the last tick; ticks in a row with a failure. */
  failedNow: boolean;
  failures: number;
  delayMs: number;
  members: number;
  /** Ticks so far: a subscriber still busy with its last event when one fired polls at once. */
  ticks: number;
  cancel: () => void;
  /** Whether this replica polls (it holds the lease, or there is no coordinator to ask). */
  polling: boolean;
  /** The latest round another replica polled (see LiveWatch.notBefore). */
  notBefore: number | undefined;
  /** Subscribers woken by this replica's latest tick that have not settled yet. */
  owing: Set<() => void>;
  /** The oldest data of the round so far. */
  roundOldest: number | undefined;
  /** What other replicas' subscribers need. */
  remoteNeeds: readonly OperationNeeds[];
  stopSharing: () => void;
}

/** What this replica's subscribers of a poll need together; undefined when they need nothing. */
function unionOfNeedsOf(poll: Poll): OperationNeeds | undefined {
  const local = [...poll.needs.values()];
  return local.length === 0 ? undefined : unionOfNeeds(local);
}

export function createLiveHub(settings: LiveSettings): LiveHub {
  const schedule = settings.schedule ?? realSchedule;
  const { coordinator } = settings;
  const polls = new Map<string, Poll>();
  // A token's polls, which share its budget: at most MAX_SUBSCRIPTIONS_PER_TOKEN of them.
  const pollsOfToken = new Map<string, Set<Poll>>();
  const perToken = new Map<string, number>();
  const watches = new Set<() => void>();
  let subscriptions = 0;

  const share = settings.budgetShare ?? 0.5;
  const rate = settings.refillPerSecond;

  /**
   * The wait before a poll's next tick: the interval, stretched so that all polls of its token
   * together spend at most `share` of the token's refill rate (each round costs what the last
   * one did), and doubled per failing round in a row, up to MAX_BACKOFF_MS.
   */
  const delayFor = (poll: Poll): number => {
    let delay = settings.intervalMs;
    if (rate !== undefined && rate > 0 && share > 0) {
      let perRound = 0;
      for (const other of pollsOfToken.get(poll.tokenKey) ?? []) {
        // Another poll's round may be under way: what it spent so far counts if it is more.
        perRound += other === poll ? poll.lastRound : Math.max(other.lastRound, other.spent);
      }
      delay = Math.max(delay, Math.ceil((perRound / (rate * share)) * 1000));
    }
    if (poll.failures > 0) {
      const backoff = settings.intervalMs * 2 ** Math.min(poll.failures, 20);
      delay = Math.max(delay, Math.min(backoff, Math.max(settings.intervalMs, MAX_BACKOFF_MS)));
    }
    return delay;
  };

  const arm = (key: string, poll: Poll) => {
    poll.delayMs = delayFor(poll);
    poll.cancel = schedule(() => {
      // A replica that does not poll waits for the one that does to announce its rounds.
      if (poll.polling) tick(key, undefined);
      else arm(key, poll);
    }, poll.delayMs);
  };

  /** Announces this replica's round once every subscriber it woke has read it. */
  const roundRead = (key: string, poll: Poll) => {
    if (poll.owing.size > 0 || !poll.polling || poll.roundOldest === undefined) return;
    coordinator?.announce(key, { oldest: poll.roundOldest });
    poll.roundOldest = undefined;
  };

  /** `notBefore`: the round was polled by another replica, with data no older than that. */
  const tick = (key: string, notBefore: number | undefined) => {
    const poll = polls.get(key);
    if (poll === undefined) return;
    const waiting = [...poll.waiters];
    poll.waiters.clear();
    poll.ticks += 1;
    poll.notBefore = notBefore;
    poll.lastRound = poll.spent;
    poll.spent = 0;
    poll.failures = poll.failedNow ? poll.failures + 1 : 0;
    poll.failedNow = false;
    poll.owing = notBefore === undefined ? new Set(waiting.map(([, leave]) => leave)) : new Set();
    poll.roundOldest = undefined;
    poll.cancel();
    arm(key, poll);
    for (const [wake] of waiting) wake(true);
  };

  /**
   * With a coordinator: renews or takes the poll's lease, shares this replica's needs and reads
   * the others', every heartbeat while the poll has subscribers here.
   */
  const coordinate = (key: string, poll: Poll) => {
    if (coordinator === undefined) return () => undefined;
    let stopped = false;
    // Read through a function: the returned stop sets it while a beat awaits Redis.
    const isStopped = () => stopped;
    let cancelBeat: () => void = () => undefined;
    const unlisten = coordinator.listen(key, (news) => {
      if (!poll.polling) tick(key, news.oldest);
    });
    const beat = async () => {
      if (isStopped()) return;
      const [holds, others] = await Promise.all([
        coordinator.claim(key),
        coordinator.shareNeeds(key, unionOfNeedsOf(poll)),
      ]);
      if (isStopped()) return;
      // Without an answer from Redis, each replica polls for itself.
      poll.polling = holds !== false;
      poll.remoteNeeds = others ?? [];
      cancelBeat = schedule(() => {
        void beat();
      }, coordinator.heartbeatMs);
    };
    // After the join that made the poll has recorded its subscriber's needs.
    queueMicrotask(() => {
      void beat();
    });
    return () => {
      stopped = true;
      cancelBeat();
      unlisten();
      void coordinator.shareNeeds(key, undefined);
      coordinator.release(key);
    };
  };

  return {
    join(tokenKey, resource, needs) {
      const held = perToken.get(tokenKey) ?? 0;
      if (held >= settings.maxPerToken) throw tooManySubscriptions('token', settings.maxPerToken);
      if (subscriptions >= settings.maxTotal) {
        throw tooManySubscriptions('gateway', settings.maxTotal);
      }
      const key = `${tokenKey}\n${resource}`;
      let poll = polls.get(key);
      if (poll === undefined) {
        const created: Poll = {
          tokenKey,
          waiters: new Set(),
          needs: new Map(),
          spent: 0,
          lastRound: 0,
          failedNow: false,
          failures: 0,
          delayMs: settings.intervalMs,
          members: 0,
          ticks: 0,
          cancel: () => undefined,
          // Until the first claim is answered this replica polls: no subscriber waits on Redis.
          polling: true,
          notBefore: undefined,
          owing: new Set(),
          roundOldest: undefined,
          remoteNeeds: [],
          stopSharing: () => undefined,
        };
        polls.set(key, created);
        const ofToken = pollsOfToken.get(tokenKey) ?? new Set<Poll>();
        ofToken.add(created);
        pollsOfToken.set(tokenKey, ofToken);
        arm(key, created);
        created.stopSharing = coordinate(key, created);
        poll = created;
      }
      const joined = poll;
      joined.members += 1;
      perToken.set(tokenKey, held + 1);
      subscriptions += 1;
      let pending: readonly [(alive: boolean) => void, () => void] | undefined;
      let left = false;
      let seen = joined.ticks;
      const leave = () => {
        if (left) return;
        left = true;
        watches.delete(leave);
        subscriptions -= 1;
        const count = (perToken.get(tokenKey) ?? 1) - 1;
        if (count === 0) perToken.delete(tokenKey);
        else perToken.set(tokenKey, count);
        joined.members -= 1;
        joined.needs.delete(leave);
        if (pending !== undefined) joined.waiters.delete(pending);
        pending?.[0](false);
        pending = undefined;
        if (joined.owing.delete(leave)) roundRead(key, joined);
        if (joined.members === 0) {
          joined.cancel();
          joined.stopSharing();
          polls.delete(key);
          const ofToken = pollsOfToken.get(tokenKey);
          ofToken?.delete(joined);
          if (ofToken?.size === 0) pollsOfToken.delete(tokenKey);
        }
      };
      watches.add(leave);
      if (needs !== undefined) joined.needs.set(leave, needs);
      return {
        needs: () => [...joined.needs.values(), ...joined.remoteNeeds],
        nextTick: () => {
          if (left) return Promise.resolve(false);
          if (joined.ticks > seen) {
            seen = joined.ticks;
            return Promise.resolve(true);
          }
          return new Promise<boolean>((resolve) => {
            const wake = (alive: boolean) => {
              pending = undefined;
              seen = joined.ticks;
              resolve(alive && !left);
            };
            pending = [wake, leave];
            joined.waiters.add(pending);
          });
        },
        notBefore: () => joined.notBefore,
        leave,
        spend: () => {
          joined.spent += 1;
        },
        settle: (ok, oldest) => {
          if (!ok) joined.failedNow = true;
          // A subscriber still busy when the tick fired reads the round late, but reads it: the
          // others hear of its data too (a second announcement of a round costs them cache reads).
          joined.owing.delete(leave);
          if (oldest !== undefined) {
            joined.roundOldest = Math.min(joined.roundOldest ?? oldest, oldest);
          }
          roundRead(key, joined);
        },
      };
    },
    delayOf: (tokenKey, resource) => polls.get(`${tokenKey}\n${resource}`)?.delayMs,
    get size() {
      return { subscriptions, polls: polls.size };
    },
    close() {
      for (const leave of [...watches]) leave();
    },
  };
}

/**
 * The events of one subscription: the first at once, then one per tick of its poll, until `poll`
 * says the resource is finished (after sending that last state) or the watch ends. A plain
 * iterator rather than an async generator, so that `return()` (the client went away) leaves the
 * poll at once instead of after the next tick.
 */
export function liveEvents<T>(
  watch: LiveWatch,
  poll: () => Promise<{ readonly value: T; readonly last: boolean }>,
): AsyncIterableIterator<T> {
  let first = true;
  let done = false;
  // Read through a function: `return()` may set it while next() awaits a tick.
  const ended = () => done;
  const end = (): IteratorResult<T> => {
    done = true;
    watch.leave();
    return { done: true, value: undefined };
  };
  return {
    async next() {
      if (done) return { done: true, value: undefined };
      if (!first && !(await watch.nextTick())) return end();
      first = false;
      if (ended()) return { done: true, value: undefined };
      const { value, last } = await poll();
      if (last) {
        done = true;
        watch.leave();
      }
      return { done: false, value };
    },
    return: () => Promise.resolve(end()),
    throw: (error: unknown) => {
      end();
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
