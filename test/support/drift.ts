import { Deferred, ReadContext } from '../../src/upstream/wire.js';
import type { DriftKind, JsonType } from '../../src/upstream/wire.js';

/** One drift report of the wire reader, as a test collects it. */
export interface Report {
  readonly path: string;
  readonly kind: DriftKind;
  readonly seen: JsonType;
}

/** A read context that collects its drift reports. */
export function context(): { at: ReadContext; reports: Report[] } {
  const reports: Report[] = [];
  const at = new ReadContext((path, kind, seen) => {
    reports.push({ path, kind, seen });
  });
  return { at, reports };
}

/**
 * `value` with every Deferred part read (and so its drift reported), as a query selecting all of
 * it would: tests that hold a whole payload to its drift reports read it all first.
 */
export function readAll(value: unknown): unknown {
  if (value instanceof Deferred) return readAll(value.get());
  if (Array.isArray(value)) return value.map(readAll);
  if (value === null || typeof value !== 'object' || value instanceof Error) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, readAll(field)]));
}
