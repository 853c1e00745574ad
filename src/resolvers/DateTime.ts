import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput, upstreamBadResponse } from '../upstream/errors.js';

const daysIn = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `YYYY-MM-DDTHH:mm:ss.sssZ`, what toISOString writes: the separators and where they are. */
const SEPARATORS: readonly (readonly [number, string])[] = [
  [4, '-'],
  [7, '-'],
  [10, 'T'],
  [13, ':'],
  [16, ':'],
  [19, '.'],
  [23, 'Z'],
];

/** The number written in `text` from `start` to `end`, or NaN if a character is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let index = start; index < end; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A string in toISOString's own form whose every part is in range is its own ISO string: no Date
 * to make and print (a large participant carries hundreds of timestamps). Out-of-range parts,
 * which Date rolls over (February 30 becomes March 2), go the long way, so the answer is the same.
 */
function canonical(value: string): string | undefined {
  if (value.length !== 24) return undefined;
  for (const [index, separator] of SEPARATORS) {
    if (value[index] !== separator) return undefined;
  }
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  // NaN (a character that is not a digit) fails every comparison.
  const inRange =
    year >= 0 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    (day <= 28 || day <= daysIn(year, month)) &&
    digits(value, 11, 13) <= 23 &&
    digits(value, 14, 16) <= 59 &&
    digits(value, 17, 19) <= 59 &&
    digits(value, 20, 23) >= 0;
  return inRange ? value : undefined;
}

function toIsoString(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const same = canonical(value);
    if (same !== undefined) return same;
  } else if (!(value instanceof Date)) {
    return undefined;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function invalid(value: unknown) {
  return badUserInput(
    `DateTime must be an ISO 8601 date-time string, got ${JSON.stringify(value)}.`,
  );
}

/** ISO 8601 instants, always emitted in UTC with milliseconds whatever offset upstream used. */
export const DateTime = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description:
    'An instant in time, serialized as an ISO 8601 string in UTC with milliseconds (for example `2026-11-20T09:30:00.000Z`).',
  serialize(value) {
    const iso = toIsoString(value);
    // Upstream timestamps are validated at the boundary already; this guards resolver mistakes.
    if (iso === undefined) throw upstreamBadResponse('a timestamp is not ISO 8601');
    return iso;
  },
  parseValue(value) {
    const iso = typeof value === 'string' ? toIsoString(value) : undefined;
    if (iso === undefined) throw invalid(value);
    return iso;
  },
  parseLiteral(ast) {
    const iso = ast.kind === Kind.STRING ? toIsoString(ast.value) : undefined;
    if (iso === undefined) throw invalid(ast.kind === Kind.STRING ? ast.value : ast.kind);
    return iso;
  },
});
