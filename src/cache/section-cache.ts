import { createTokenKeyer } from '../upstream/token-key.js';
import type { TokenKeyer } from '../upstream/token-key.js';
import type { Sized } from '../upstream/transport.js';

export interface SectionCacheSettings {
  /** Most entries held at once; 0 turns the cache off. */
  readonly maxEntries: number;
  /** Most bytes held at once, counted as the sizes of the upstream bodies the values came in. */
  readonly maxBytes: number;
  /** Lifetime of data that can no longer change: a peer that left, an ended session. */
  readonly finishedTtlMs: number;
  /** Lifetime of data that still changes: a peer still in a call, a live session. 0: not cached. */
  readonly liveTtlMs: number;
}

/** Whether a value can still change upstream, which decides how long it may be served. */
export type Lifetime = 'finished' | 'live';

/** How one kind of upstream resource is cached. */
export interface CachedResource<Need, Value> {
  /** Names the resource in keys and metrics. */
  readonly name: string;
  readonly needKey: (need: Need) => string;
  /** Whether a value fetched for `have` answers a request for `want`. */
  readonly covers: (have: Need, want: Need) => boolean;
  readonly lifetime: (value: Value) => Lifetime;
  /**
   * How an entry travels through the second level shared by replicas (see SharedEntries): the
   * need as text and back, and the value read again from the upstream body it came in, with the
   * same reader as a fresh answer (so that it is the very value a fetch would give). Without it
   * the resource is kept in this process only.
   */
  readonly shared?: {
    readonly encodeNeed: (need: Need) => string;
    readonly decodeNeed: (text: string) => Need;
    readonly revive: (body: string, need: Need) => Value;
  };
}

/** One entry as the second level keeps it: no token, nothing a token could be recovered from. */
export interface SharedEntry {
  readonly need: string;
  readonly fetchedAt: number;
  readonly expiresAt: number;
  /** The upstream body the value was read from. */
  readonly body: string;
}

/**
 * The cache's second level, shared by every replica (in Redis, see createRedisEntries), under the
 * same keys as the first. A read that fails is a miss; a write that fails is forgotten.
 */
export interface SharedEntries {
  read(group: string): Promise<readonly SharedEntry[]>;
  write(group: string, entry: SharedEntry, ttlMs: number): void;
}

export interface CacheObserver {
  hit(resource: string): void;
  miss(resource: string): void;
}

/** The cache as one request sees it: every key it reads or writes is scoped to its token. */
export interface TokenScopedCache {
  /**
   * Answers from a live entry whose sections cover `need`, or calls `fetch` and keeps its value.
   * Failures are never kept: the next request asks upstream again. `fetchedAt` is told when the
   * value came from upstream (epoch ms): now, or when the entry that answered was fetched.
   */
  through<Need, Value>(
    resource: CachedResource<Need, Value>,
    resourceKey: string,
    need: Need,
    fetch: () => Promise<Sized<Value>>,
    fetchedAt?: (atMs: number) => void,
  ): Promise<Value>;
}

/**
 * How a request uses the cache, from its `Cache-Control` header: `use` reads and fills it;
 * `refresh` (`no-cache`, `max-age=0`) always asks upstream and keeps the fresh answer; `bypass`
 * (`no-store`) neither reads nor keeps anything.
 */
export type CacheMode = 'use' | 'refresh' | 'bypass';

export function cacheModeFor(cacheControl: string | null): CacheMode {
  if (cacheControl === null) return 'use';
  const directives = cacheControl
    .toLowerCase()
    .split(',')
    .map((directive) => directive.trim().replace(/\s*=\s*/, '='));
  if (directives.includes('no-store')) return 'bypass';
  if (directives.includes('no-cache') || directives.includes('max-age=0')) return 'refresh';
  return 'use';
}

/** What a request without the cache uses: every load asks upstream, nothing is kept. */
export const noCache: TokenScopedCache = {
  through: async (_resource, _key, _need, fetch, fetchedAt) => {
    const { value } = await fetch();
    fetchedAt?.(Date.now());
    return value;
  },
};

export interface SectionCache {
  /**
   * Binds the cache to the `Authorization` value a request's upstream calls are made with;
   * `tokenKey`, when given, is that value keyed by this cache's `tokenKeyOf`, computed already.
   * `notBefore` (epoch ms): entries fetched earlier do not answer (a live poll's round, whose
   * data another replica just fetched). `requestObserver` is told of the hits of this request
   * alone (its trace), besides the cache's observer.
   */
  forToken(
    authorization: string,
    mode?: CacheMode,
    tokenKey?: string,
    notBefore?: number,
    requestObserver?: Pick<CacheObserver, 'hit'>,
  ): TokenScopedCache;
  readonly size: { readonly entries: number; readonly bytes: number };
}

interface Entry {
  readonly group: string;
  readonly need: unknown;
  readonly value: unknown;
  readonly expiresAt: number;
  readonly fetchedAt: number;
  readonly bytes: number;
}

export interface SectionCacheOptions {
  readonly now?: () => number;
  /** Keys entries by token; its own keyer by default. */
  readonly tokenKeyOf?: TokenKeyer;
  readonly observer?: CacheObserver;
  /** The second level, shared by replicas; without it entries live in this process only. */
  readonly shared?: SharedEntries;
}

/**
 * A bounded, in-process cache of upstream resources, shared across requests. Every key starts with
 * a keyed hash of the request's token (the account and app are part of the resource key), so an
 * entry can only ever answer the token that fetched it, and no token is held in memory. Entries are
 * kept per resource and set of sections: a later request for fewer sections is answered by an
 * entry with more. Least recently used entries go first when either bound is reached.
 */
export function createSectionCache(
  settings: SectionCacheSettings,
  options: SectionCacheOptions = {},
): SectionCache {
  const now = options.now ?? Date.now;
  const observer = options.observer;
  const shared = options.shared;
  // The keyer's secret lives as long as the process, and so do the entries it keys.
  const tokenKeyOf = options.tokenKeyOf ?? createTokenKeyer();
  // Insertion order is recency order: a hit moves its entry to the end.
  const entries = new Map<string, Entry>();
  // Which entry keys exist per token and resource, so that a covering entry is found directly.
  const groups = new Map<string, Set<string>>();
  let bytes = 0;

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (entry === undefined) return;
    entries.delete(key);
    bytes -= entry.bytes;
    const group = groups.get(entry.group);
    group?.delete(key);
    if (group?.size === 0) groups.delete(entry.group);
  };

  const evict = () => {
    for (const key of entries.keys()) {
      if (entries.size <= settings.maxEntries && bytes <= settings.maxBytes) return;
      remove(key);
    }
  };

  function lookup<Need>(
    group: string,
    need: Need,
    covers: (have: Need, want: Need) => boolean,
    notBefore: number,
  ): Entry | undefined {
    const keys = groups.get(group);
    if (keys === undefined) return undefined;
    const at = now();
    for (const key of [...keys]) {
      const entry = entries.get(key);
      if (entry === undefined) continue;
      if (entry.expiresAt <= at) {
        remove(key);
        continue;
      }
      if (entry.fetchedAt >= notBefore && covers(entry.need as Need, need)) {
        entries.delete(key);
        entries.set(key, entry);
        return entry;
      }
    }
    return undefined;
  }

  /** Keeps an entry in this process, until `expiresAt`; the time to live it had is returned. */
  function store<Need, Value>(
    resource: CachedResource<Need, Value>,
    group: string,
    need: Need,
    { value, bytes: size }: Sized<Value>,
    fetchedAt: number,
    expiresAt?: number,
  ): number {
    const ttl =
      expiresAt === undefined
        ? resource.lifetime(value) === 'finished'
          ? settings.finishedTtlMs
          : settings.liveTtlMs
        : expiresAt - now();
    if (ttl <= 0 || size > settings.maxBytes) return 0;
    // Entries the new one covers would never be chosen over it again.
    for (const key of [...(groups.get(group) ?? [])]) {
      const entry = entries.get(key);
      if (entry !== undefined && resource.covers(need, entry.need as Need)) remove(key);
    }
    const key = `${group}#${resource.needKey(need)}`;
    remove(key);
    entries.set(key, { group, need, value, expiresAt: now() + ttl, fetchedAt, bytes: size });
    bytes += size;
    let keys = groups.get(group);
    if (keys === undefined) {
      keys = new Set();
      groups.set(group, keys);
    }
    keys.add(key);
    evict();
    return ttl;
  }

  /** An entry of the second level that answers `need`, read into this process's first level. */
  async function lookupShared<Need, Value>(
    resource: CachedResource<Need, Value>,
    group: string,
    need: Need,
    notBefore: number,
  ): Promise<{ readonly value: Value; readonly fetchedAt: number } | undefined> {
    const codec = resource.shared;
    if (shared === undefined || codec === undefined) return undefined;
    const at = now();
    for (const entry of await shared.read(group)) {
      if (entry.expiresAt <= at || entry.fetchedAt < notBefore) continue;
      let have: Need;
      let value: Value;
      try {
        have = codec.decodeNeed(entry.need);
        if (!resource.covers(have, need)) continue;
        value = codec.revive(entry.body, have);
      } catch {
        // Written by another version of the gateway, or damaged: not an answer.
        continue;
      }
      store(
        resource,
        group,
        have,
        { value, bytes: entry.body.length },
        entry.fetchedAt,
        entry.expiresAt,
      );
      return { value, fetchedAt: entry.fetchedAt };
    }
    return undefined;
  }

  return {
    forToken(
      authorization,
      mode = 'use',
      tokenKey = tokenKeyOf(authorization),
      notBefore = 0,
      requestObserver,
    ) {
      if (settings.maxEntries <= 0 || mode === 'bypass') return noCache;
      return {
        async through<Need, Value>(
          resource: CachedResource<Need, Value>,
          resourceKey: string,
          need: Need,
          fetch: () => Promise<Sized<Value>>,
          fetchedAt?: (atMs: number) => void,
        ): Promise<Value> {
          const group = `${tokenKey}|${resource.name}|${resourceKey}`;
          if (mode === 'use') {
            const cached =
              lookup(group, need, resource.covers, notBefore) ??
              (await lookupShared(resource, group, need, notBefore));
            if (cached !== undefined) {
              observer?.hit(resource.name);
              requestObserver?.hit(resource.name);
              fetchedAt?.(cached.fetchedAt);
              return cached.value as Value;
            }
          }
          observer?.miss(resource.name);
          const fetched = await fetch();
          const at = now();
          fetchedAt?.(at);
          const ttl = store(resource, group, need, fetched, at);
          const codec = resource.shared;
          if (
            shared !== undefined &&
            codec !== undefined &&
            ttl > 0 &&
            fetched.body !== undefined
          ) {
            shared.write(
              group,
              {
                need: codec.encodeNeed(need),
                fetchedAt: at,
                expiresAt: at + ttl,
                body: fetched.body,
              },
              ttl,
            );
          }
          return fetched.value;
        },
      };
    },
    get size() {
      return { entries: entries.size, bytes };
    },
  };
}
