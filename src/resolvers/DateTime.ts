import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput, upstreamBadResponse } from '../upstream/errors.js';

/** Already what toISOString writes: UTC, with milliseconds. */
const CANONICAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}Z$/;

const daysIn = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * A string in the canonical form whose every part is in range is its own ISO string: no Date to
 * make (a large participant carries hundreds of timestamps). Out-of-range parts, which Date rolls
 * over (February 30 becomes March 2), go the long way, so the answer is the same either way.
 */
function canonical(value: string): string | undefined {
  const parts = CANONICAL.exec(value);
  if (parts === null) return undefined;
  const [year, month, day, hours, minutes, seconds] = parts.slice(1).map(Number);
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const inRange =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    (day <= 28 || day <= daysIn(year, month)) &&
    (hours ?? 24) <= 23 &&
    (minutes ?? 60) <= 59 &&
    (seconds ?? 60) <= 59;
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
