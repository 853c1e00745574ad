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
   */
  forToken(authorization: string, mode?: CacheMode, tokenKey?: string): TokenScopedCache;
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
      if (covers(entry.need as Need, need)) {
        entries.delete(key);
        entries.set(key, entry);
        return entry;
      }
    }
    return undefined;
  }

  function store<Need, Value>(
    resource: CachedResource<Need, Value>,
    group: string,
    need: Need,
    { value, bytes: size }: Sized<Value>,
  ): void {
    const ttl =
      resource.lifetime(value) === 'finished' ? settings.finishedTtlMs : settings.liveTtlMs;
    if (ttl <= 0 || size > settings.maxBytes) return;
    // Entries the new one covers would never be chosen over it again.
    for (const key of [...(groups.get(group) ?? [])]) {
      const entry = entries.get(key);
      if (entry !== undefined && resource.covers(need, entry.need as Need)) remove(key);
    }
    const key = `${group}#${resource.needKey(need)}`;
    remove(key);
    const at = now();
    entries.set(key, { group, need, value, expiresAt: at + ttl, fetchedAt: at, bytes: size });
    bytes += size;
    let keys = groups.get(group);
    if (keys === undefined) {
      keys = new Set();
      groups.set(group, keys);
    }
    keys.add(key);
    evict();
  }

  return {
    forToken(authorization, mode = 'use', tokenKey = tokenKeyOf(authorization)) {
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
          const cached = mode === 'use' ? lookup(group, need, resource.covers) : undefined;
          if (cached !== undefined) {
            observer?.hit(resource.name);
            fetchedAt?.(cached.fetchedAt);
            return cached.value as Value;
          }
          observer?.miss(resource.name);
          const fetched = await fetch();
          fetchedAt?.(now());
          store(resource, group, need, fetched);
          return fetched.value;
        },
      };
    },
    get size() {
      return { entries: entries.size, bytes };
    },
  };
}
