import { describe, expect, it } from 'vitest';
import { cacheModeFor, createSectionCache } from '../../src/cache/section-cache.js';
import type {
  CacheMode,
  CachedResource,
  SectionCacheSettings,
} from '../../src/cache/section-cache.js';

/** A resource whose need is a set of section names and whose value says whether it is final. */
interface Value {
  readonly sections: readonly string[];
  readonly finished: boolean;
  readonly padding?: string;
}
const resource: CachedResource<readonly string[], Value> = {
  name: 'peer_report',
  needKey: (need) => [...need].sort().join(','),
  covers: (have, want) => want.every((section) => have.includes(section)),
  lifetime: (value) => (value.finished ? 'finished' : 'live'),
};

const SETTINGS: SectionCacheSettings = {
  maxEntries: 100,
  maxBytes: 1_000_000,
  finishedTtlMs: 60_000,
  liveTtlMs: 1_000,
};

function setup(settings: Partial<SectionCacheSettings> = {}) {
  let clock = 1_000_000;
  const events: string[] = [];
  const cache = createSectionCache(
    { ...SETTINGS, ...settings },
    {
      now: () => clock,
      observer: {
        hit: (name) => events.push(`hit ${name}`),
        miss: (name) => events.push(`miss ${name}`),
      },
    },
  );
  const fetched: string[] = [];
  /** Loads `id` with `need` through the cache as `token`, recording each upstream fetch. */
  const load = (
    token: string,
    id: string,
    need: readonly string[],
    value?: Partial<Value>,
    mode?: CacheMode,
  ) =>
    cache.forToken(token, mode).through(resource, id, need, () => {
      fetched.push(`${token} ${id} ${need.join(',')}`);
      const fresh: Value = { sections: need, finished: true, ...value };
      // The body a value came in is about as long as its JSON.
      return Promise.resolve({ value: fresh, bytes: JSON.stringify(fresh).length });
    });
  return {
    cache,
    load,
    fetched,
    events,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

describe('the cross-request section cache', () => {
  it('answers a repeated load of the same token without fetching again', async () => {
    const { load, fetched, events } = setup();
    const first = await load('Bearer a', 'p1', ['quality_stats']);
    const second = await load('Bearer a', 'p1', ['quality_stats']);
    expect(second).toBe(first);
    expect(fetched).toEqual(['Bearer a p1 quality_stats']);
    expect(events).toEqual(['miss peer_report', 'hit peer_report']);
  });

  it('never answers one token with what another token fetched', async () => {
    const { load, fetched } = setup();
    await load('Bearer a', 'p1', ['quality_stats']);
    await load('Bearer b', 'p1', ['quality_stats']);
    await load('Bearer a', 'p1', ['quality_stats']);
    expect(fetched).toEqual(['Bearer a p1 quality_stats', 'Bearer b p1 quality_stats']);
  });

  it('answers fewer sections from an entry with more, but not the other way round', async () => {
    const { load, fetched, cache } = setup();
    await load('Bearer a', 'p1', ['device_info']);
    await load('Bearer a', 'p1', ['device_info', 'quality_stats']);
    await load('Bearer a', 'p1', ['quality_stats']);
    await load('Bearer a', 'p1', ['device_info']);
    expect(fetched).toEqual(['Bearer a p1 device_info', 'Bearer a p1 device_info,quality_stats']);
    // The narrower entry was dropped when the wider one, which covers it, arrived.
    expect(cache.size.entries).toBe(1);
  });

  it('keeps finished data for the finished lifetime and live data for the live one', async () => {
    const { load, fetched, advance } = setup();
    await load('Bearer a', 'done', ['events'], { finished: true });
    await load('Bearer a', 'live', ['events'], { finished: false });
    advance(999);
    await load('Bearer a', 'done', ['events']);
    await load('Bearer a', 'live', ['events']);
    expect(fetched).toHaveLength(2);
    advance(1);
    await load('Bearer a', 'live', ['events'], { finished: false });
    advance(59_000);
    await load('Bearer a', 'done', ['events']);
    expect(fetched).toEqual([
      'Bearer a done events',
      'Bearer a live events',
      'Bearer a live events',
      'Bearer a done events',
    ]);
  });

  it('does not keep data whose lifetime is 0', async () => {
    const { load, fetched, cache } = setup({ liveTtlMs: 0 });
    await load('Bearer a', 'live', ['events'], { finished: false });
    await load('Bearer a', 'live', ['events'], { finished: false });
    expect(fetched).toHaveLength(2);
    expect(cache.size.entries).toBe(0);
  });

  it('never keeps a failure', async () => {
    const { cache, load, fetched } = setup();
    const failing = cache
      .forToken('Bearer a')
      .through(resource, 'p1', ['events'], () => Promise.reject(new Error('upstream 503')));
    await expect(failing).rejects.toThrow('upstream 503');
    await load('Bearer a', 'p1', ['events']);
    expect(fetched).toEqual(['Bearer a p1 events']);
  });

  it('drops the least recently used entry when it holds too many', async () => {
    const { load, fetched, cache } = setup({ maxEntries: 2 });
    await load('Bearer a', 'p1', ['events']);
    await load('Bearer a', 'p2', ['events']);
    await load('Bearer a', 'p1', ['events']); // p1 is now the most recently used
    await load('Bearer a', 'p3', ['events']); // evicts p2
    await load('Bearer a', 'p1', ['events']);
    await load('Bearer a', 'p2', ['events']);
    expect(fetched).toEqual([
      'Bearer a p1 events',
      'Bearer a p2 events',
      'Bearer a p3 events',
      'Bearer a p2 events',
    ]);
    expect(cache.size.entries).toBe(2);
  });

  it('stays within its byte bound, and does not keep a value larger than the bound', async () => {
    const { load, fetched, cache } = setup({ maxBytes: 2_500 });
    const padding = 'x'.repeat(1_000);
    await load('Bearer a', 'p1', ['events'], { padding });
    await load('Bearer a', 'p2', ['events'], { padding });
    await load('Bearer a', 'p3', ['events'], { padding }); // over 2,500 bytes: p1 goes
    expect(cache.size.entries).toBe(2);
    expect(cache.size.bytes).toBeLessThanOrEqual(2_500);
    await load('Bearer a', 'huge', ['events'], { padding: 'x'.repeat(3_000) });
    await load('Bearer a', 'huge', ['events'], { padding: 'x'.repeat(3_000) });
    await load('Bearer a', 'p1', ['events'], { padding });
    expect(fetched.filter((line) => line.includes('huge'))).toHaveLength(2);
    expect(fetched.filter((line) => line.includes('p1'))).toHaveLength(2);
  });

  it('is off with maxEntries 0', async () => {
    const { load, fetched, cache, events } = setup({ maxEntries: 0 });
    await load('Bearer a', 'p1', ['events']);
    await load('Bearer a', 'p1', ['events']);
    expect(fetched).toHaveLength(2);
    expect(cache.size.entries).toBe(0);
    expect(events).toEqual([]);
  });

  it('asks upstream again on refresh and keeps the fresh answer; bypass neither reads nor keeps', async () => {
    const { load, fetched, cache } = setup();
    await load('Bearer a', 'p1', ['events'], { padding: 'old' });
    const refreshed = await load('Bearer a', 'p1', ['events'], { padding: 'new' }, 'refresh');
    const next = await load('Bearer a', 'p1', ['events']);
    expect(refreshed.padding).toBe('new');
    expect(next).toBe(refreshed);
    await load('Bearer a', 'p2', ['events'], {}, 'bypass');
    await load('Bearer a', 'p1', ['events'], {}, 'bypass');
    expect(fetched).toHaveLength(4);
    expect(cache.size.entries).toBe(1);
  });
});

describe('the cache mode a Cache-Control header asks for', () => {
  it.each([
    [null, 'use'],
    ['max-age=60', 'use'],
    ['no-cache', 'refresh'],
    ['No-Cache, private', 'refresh'],
    ['max-age = 0', 'refresh'],
    ['no-store', 'bypass'],
    ['no-cache, no-store', 'bypass'],
  ] as const)('%s → %s', (header, mode) => {
    expect(cacheModeFor(header)).toBe(mode);
  });
});
