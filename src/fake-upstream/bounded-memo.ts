/**
 * A small least-recently-used memo. Peer reports are pure functions of (seed, peer), so caching a few keeps
 * benchmark fan-outs cheap without holding every participant's series in memory.
 */
export function createBoundedMemo(limit: number): <T>(key: string, build: () => T) => T {
  const entries = new Map<string, unknown>();
  return <T>(key: string, build: () => T): T => {
    if (entries.has(key)) {
      const value = entries.get(key) as T;
      entries.delete(key);
      entries.set(key, value);
      return value;
    }
    const value = build();
    entries.set(key, value);
    if (entries.size > limit) {
      const oldest = entries.keys().next();
      if (oldest.done !== true) entries.delete(oldest.value);
    }
    return value;
  };
}
