import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput, upstreamBadResponse } from '../upstream/errors.js';
import { canonical } from '../upstream/iso-instant.js';

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
