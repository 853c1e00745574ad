import { Kind } from 'graphql';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DateTime } from '../../src/resolvers/DateTime.js';

describe('DateTime scalar', () => {
  it('serializes any ISO 8601 instant as UTC with milliseconds', () => {
    expect(DateTime.serialize('2026-11-20T09:30:00Z')).toBe('2026-11-20T09:30:00.000Z');
    expect(DateTime.serialize('2026-11-20T10:30:00.250+01:00')).toBe('2026-11-20T09:30:00.250Z');
  });

  it('refuses a value that is not a date', () => {
    expect(() => DateTime.serialize('yesterday')).toThrow(
      expect.objectContaining({ extensions: { code: 'UPSTREAM_BAD_RESPONSE' } }),
    );
  });

  it('parses input values and literals, rejecting anything else with BAD_USER_INPUT', () => {
    expect(DateTime.parseValue('2026-11-20T09:30:00Z')).toBe('2026-11-20T09:30:00.000Z');
    expect(DateTime.parseLiteral({ kind: Kind.STRING, value: '2026-11-20' })).toBe(
      '2026-11-20T00:00:00.000Z',
    );
    expect(() => DateTime.parseValue(12)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }),
    );
    expect(() => DateTime.parseLiteral({ kind: Kind.INT, value: '12' })).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }),
    );
  });

  it('answers a canonical UTC string exactly as Date would, out-of-range parts included', () => {
    const pad = (value: number, width: number) => String(value).padStart(width, '0');
    fc.assert(
      fc.property(
        fc.record({
          year: fc.integer({ min: 1970, max: 2400 }),
          month: fc.integer({ min: 0, max: 13 }),
          day: fc.integer({ min: 0, max: 32 }),
          hours: fc.integer({ min: 0, max: 25 }),
          minutes: fc.integer({ min: 0, max: 60 }),
          seconds: fc.integer({ min: 0, max: 60 }),
          millis: fc.integer({ min: 0, max: 999 }),
        }),
        ({ year, month, day, hours, minutes, seconds, millis }) => {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(millis, 3)}Z`;
          const date = new Date(text);
          if (Number.isNaN(date.getTime())) {
            expect(() => DateTime.serialize(text)).toThrow();
          } else {
            expect(DateTime.serialize(text)).toBe(date.toISOString());
          }
        },
      ),
      { seed: 20261130, numRuns: 2_000 },
    );
    expect(DateTime.serialize('2026-02-30T00:00:00.000Z')).toBe('2026-03-02T00:00:00.000Z');
    expect(DateTime.serialize('2024-02-29T23:59:59.999Z')).toBe('2024-02-29T23:59:59.999Z');
    for (const text of [
      '20x6-01-01T00:00:00.000Z',
      '2026-01-01T00:00:0x.000Z',
      '2026-01-01T00:00:00.00xZ',
    ]) {
      expect(() => DateTime.serialize(text)).toThrow();
    }
  });
});
