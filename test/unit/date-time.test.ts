import { Kind } from 'graphql';
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
});
