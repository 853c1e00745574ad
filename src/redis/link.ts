import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/*
 * The gateway's one connection to the Redis its replicas share (REDIS_URL). Everything shared
 * across replicas goes through here: the token budgets (src/upstream/shared-rate-budget.ts), the
 * cache's second level (src/cache/section-cache.ts) and the leases of live polls (src/live/).
 * Every caller treats Redis as optional: a command that fails, or does not answer within the
 * command timeout, is a miss to fall back from, never a failed GraphQL request.
 */

export interface RedisSettings {
  /** redis://[user:password@]host:port[/db], or rediss:// for TLS. */
  readonly url: string;
  /** Longest wait for any one command before it counts as failed (REDIS_COMMAND_TIMEOUT_MS). */
  readonly commandTimeoutMs: number;
  /** Starts every key, so that deployments can share one Redis (REDIS_KEY_PREFIX). */
  readonly keyPrefix: string;
}

/** A Lua script, run by its SHA1 and sent whole only when Redis does not know it yet. */
export interface Script {
  readonly lua: string;
  readonly sha: string;
}

export function script(lua: string): Script {
  return { lua, sha: createHash('sha1').update(lua).digest('hex') };
}

export type RedisValue = string | number | null | RedisValue[];

export interface RedisLink {
  /** Every key this gateway writes starts with this. */
  readonly prefix: string;
  /** Whether the last command succeeded (and the connection is up): shared state is in use. */
  readonly up: boolean;
  /**
   * Runs `command`; its failure marks Redis away (one log line per transition) and gives
   * undefined, so that the caller falls back instead of failing.
   */
  run<T>(command: (client: Redis) => Promise<T>): Promise<T | undefined>;
  /** Runs a script through `run`. */
  eval(
    script: Script,
    keys: readonly string[],
    args: readonly (string | number)[],
  ): Promise<RedisValue | undefined>;
  /**
   * Listens to a pub/sub channel (on a connection of its own, resubscribed after reconnecting);
   * returns how to stop listening.
   */
  subscribe(channel: string, onMessage: (message: string) => void): () => void;
  /** Publishes on a channel; a failure is only a missed message. */
  publish(channel: string, message: string): Promise<void>;
  close(): Promise<void>;
}

/** How long the client waits between reconnection attempts, at most. */
const MAX_RECONNECT_DELAY_MS = 1_000;

export function createRedisLink(settings: RedisSettings, logger: Logger): RedisLink {
  const common = {
    // Reconnect forever, quickly: while Redis is away the gateway runs on its fallbacks.
    retryStrategy: (times: number) => Math.min(times * 100, MAX_RECONNECT_DELAY_MS),
    connectTimeout: Math.max(1_000, settings.commandTimeoutMs),
    lazyConnect: false,
  };
  const client = new Redis(settings.url, {
    ...common,
    commandTimeout: settings.commandTimeoutMs,
    // A command while disconnected fails at once instead of waiting in a queue: a request
    // waiting for Redis would be a request failed by Redis.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // Concurrent requests' commands share one write to the socket.
    enableAutoPipelining: true,
  });
  // The subscriber queues its SUBSCRIBE until connected and resubscribes after a reconnect.
  const subscriber = new Redis(settings.url, { ...common, maxRetriesPerRequest: null });
  // One log line per transition: 'unknown' until the first connection succeeds or fails.
  let state: 'unknown' | 'up' | 'down' = 'unknown';
  const listeners = new Map<string, Set<(message: string) => void>>();

  const markUp = () => {
    if (state === 'up') return;
    logger.info(
      state === 'unknown'
        ? 'Redis connected: budgets, cache and live polls are shared across replicas'
        : 'Redis is back: budgets, cache and live polls are shared again',
    );
    state = 'up';
  };
  let closing = false;
  const markDown = (reason: unknown) => {
    // The gateway closing its own connection is not Redis going away.
    if (state === 'down' || closing) return;
    state = 'down';
    logger.warn(
      "Redis is away: budgets fall back to this replica's share, the cache to this replica's memory, live polls to this replica",
      { reason: reason instanceof Error ? reason.message : String(reason) },
    );
  };
  client.on('ready', markUp);
  // ioredis reports every failed connection attempt as an error event; the transition is logged
  // once by markDown, and an unhandled error event would be printed by ioredis itself.
  client.on('error', (error: Error) => {
    markDown(error);
  });
  client.on('close', () => {
    markDown(new Error('connection closed'));
  });
  subscriber.on('error', () => undefined);
  subscriber.on('message', (channel: string, message: string) => {
    for (const listener of listeners.get(channel) ?? []) listener(message);
  });

  const run = async <T>(command: (redis: Redis) => Promise<T>): Promise<T | undefined> => {
    if (client.status !== 'ready') return undefined;
    try {
      const result = await command(client);
      markUp();
      return result;
    } catch (error) {
      // A script's own error (a bug) is not Redis being away, but is handled the same way.
      markDown(error);
      return undefined;
    }
  };

  return {
    prefix: settings.keyPrefix,
    get up() {
      return state === 'up' && client.status === 'ready';
    },
    run,
    eval: (program, keys, args) =>
      run(async (redis) => {
        try {
          return (await redis.evalsha(program.sha, keys.length, ...keys, ...args)) as RedisValue;
        } catch (error) {
          if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
          return (await redis.eval(program.lua, keys.length, ...keys, ...args)) as RedisValue;
        }
      }),
    subscribe(channel, onMessage) {
      let set = listeners.get(channel);
      if (set === undefined) {
        set = new Set();
        listeners.set(channel, set);
        subscriber.subscribe(channel).catch(() => undefined);
      }
      set.add(onMessage);
      return () => {
        const current = listeners.get(channel);
        current?.delete(onMessage);
        if (current?.size === 0) {
          listeners.delete(channel);
          subscriber.unsubscribe(channel).catch(() => undefined);
        }
      };
    },
    async publish(channel, message) {
      await run((redis) => redis.publish(channel, message));
    },
    async close() {
      closing = true;
      // QUIT lets commands already sent finish (a released lease, handed over at once rather
      // than when it lapses), but never holds shutdown up for long.
      const quit = (redis: Redis) =>
        Promise.race([
          redis.quit(),
          sleep(settings.commandTimeoutMs, undefined, { ref: false }),
        ]).catch(() => undefined);
      await Promise.all([quit(client), quit(subscriber)]);
      client.disconnect();
      subscriber.disconnect();
    },
  };
}
