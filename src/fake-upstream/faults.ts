import type { FakeEndpoint, FakeFault } from './types.js';

/** Injected faults, checked in injection order; the first matching one with uses left applies. */

export interface FaultBook {
  add(fault: FakeFault): void;
  clear(): void;
  /** Takes one use of the first fault matching this request, if any. */
  take(request: { endpoint: FakeEndpoint | 'unknown'; id: string | null }): FakeFault | undefined;
}

export function createFaultBook(): FaultBook {
  let faults: { fault: FakeFault; remaining: number }[] = [];
  return {
    add(fault) {
      if (fault.times !== undefined && (!Number.isInteger(fault.times) || fault.times < 1)) {
        throw new RangeError('fault.times must be a positive integer');
      }
      faults.push({ fault: { ...fault }, remaining: fault.times ?? Number.POSITIVE_INFINITY });
    },
    clear() {
      faults = [];
    },
    take({ endpoint, id }) {
      const entry = faults.find(
        ({ fault, remaining }) =>
          remaining > 0 &&
          (fault.match?.endpoint === undefined || fault.match.endpoint === endpoint) &&
          (fault.match?.id === undefined || fault.match.id.toLowerCase() === id?.toLowerCase()),
      );
      if (entry === undefined) return undefined;
      entry.remaining -= 1;
      return entry.fault;
    },
  };
}
