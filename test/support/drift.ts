import { ReadContext } from '../../src/upstream/wire.js';
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
