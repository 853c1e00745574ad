import type { FakeEndpoint, FakeFault } from './types.js';

/** Injected faults, checked in injection order; the first matching one with uses left applies. */

export interface FaultBook {
  add(fault: FakeFault): void;
  clear(): void;
  /** Takes one use of the first fault matching this request, if any. */
  take(request: { endpoint: FakeEndpoint | 'unknown'; id: string | null }): FakeFault | undefined;
}

/** A hung request sends nothing, so every field that shapes a response would be silently ignored: refuse them. */
const NOT_WITH_HANG = [
  'delayMs',
  'status',
  'body',
  'headers',
  'retryAfter',
  'drop',
  'truncateBody',
  'dripBytesPerSecond',
  'ratelimitRemaining',
  'ratelimitReset',
  'echoAuthorization',
] as const satisfies readonly (keyof FakeFault)[];

const isWholeNumber = (value: number): boolean => Number.isSafeInteger(value) && value >= 0;

/** Throws a RangeError for a fault that could not do what it says, so a test's mistake fails at injection. */
export function validateFault(fault: FakeFault): void {
  if (fault.times !== undefined && (!Number.isInteger(fault.times) || fault.times < 1)) {
    throw new RangeError('fault.times must be a positive integer');
  }
  if (
    fault.dripBytesPerSecond !== undefined &&
    !(Number.isFinite(fault.dripBytesPerSecond) && fault.dripBytesPerSecond > 0)
  ) {
    throw new RangeError('fault.dripBytesPerSecond must be a positive number');
  }
  if (fault.dripBytesPerSecond !== undefined && fault.drop === 'before-headers') {
    throw new RangeError('fault.dripBytesPerSecond has nothing to drip with drop: before-headers');
  }
  for (const name of ['ratelimitRemaining', 'ratelimitReset'] as const) {
    const value = fault[name];
    if (value !== undefined && !isWholeNumber(value)) {
      throw new RangeError(`fault.${name} must be a whole number of at least 0`);
    }
  }
  if (fault.echoAuthorization === true && fault.body !== undefined) {
    throw new RangeError('fault.echoAuthorization needs the fake’s own error body, not fault.body');
  }
  if (fault.hang === true) {
    const extra = NOT_WITH_HANG.filter((name) => fault[name] !== undefined);
    if (extra.length > 0) {
      throw new RangeError(`fault.hang sends nothing, so ${extra.join(', ')} cannot apply`);
    }
  }
}

export function createFaultBook(): FaultBook {
  let faults: { fault: FakeFault; remaining: number }[] = [];
  return {
    add(fault) {
      validateFault(fault);
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
