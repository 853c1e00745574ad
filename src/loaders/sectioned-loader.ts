import DataLoader from 'dataloader';
import type { Limiter } from '../upstream/limiter.js';

export interface SectionedLoaderOptions<Key, Need, Value> {
  /** Identifies the resource, whatever sections are asked for. */
  readonly resourceKey: (key: Key) => string;
  readonly needKey: (need: Need) => string;
  /** Whether a response fetched for `have` answers a request for `want`. */
  readonly covers: (have: Need, want: Need) => boolean;
  readonly fetch: (key: Key, need: Need) => Promise<Value>;
  readonly limit: Limiter;
  /** Called with the size of each batch the DataLoader dispatches (for metrics). */
  readonly onBatch?: (size: number) => void;
  /** Called when an earlier load answers a load, so that it costs no call (for metrics). */
  readonly onDedupe?: () => void;
}

export interface SectionedLoader<Key, Need, Value> {
  load(key: Key, need: Need): Promise<Value>;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * A per-request loader for resources that can be fetched with more or fewer sections. A load is
 * served by any earlier load of the same resource whose sections cover it (a narrower selection
 * never costs a second call); otherwise it goes through a DataLoader that dedupes identical
 * requests made in the same tick and runs the distinct ones concurrently under the request's
 * limiter. RealtimeKit has no batch endpoint, so a batch is that many concurrent calls. A failure
 * is that key's value, failing only the fields that asked for it.
 */
export function createSectionedLoader<Key, Need, Value>(
  options: SectionedLoaderOptions<Key, Need, Value>,
): SectionedLoader<Key, Need, Value> {
  const { resourceKey, needKey, covers, fetch, limit } = options;
  const loader = new DataLoader<{ key: Key; need: Need }, Value, string>(
    (requests) => {
      options.onBatch?.(requests.length);
      return Promise.all(
        requests.map(({ key, need }) => limit(() => fetch(key, need)).catch(asError)),
      );
    },
    { cacheKeyFn: ({ key, need }) => `${resourceKey(key)}#${needKey(need)}` },
  );
  const loaded = new Map<string, { need: Need; value: Promise<Value> }[]>();

  return {
    load(key, need) {
      const id = resourceKey(key);
      const earlier = loaded.get(id) ?? [];
      const covering = earlier.find((entry) => covers(entry.need, need));
      if (covering) {
        options.onDedupe?.();
        return covering.value;
      }
      const value = loader.load({ key, need });
      loaded.set(id, [...earlier, { need, value }]);
      return value;
    },
  };
}
