import { describe, expect, it } from 'vitest';
import { parseAccountId, parseAppId, parseUuid } from '../../src/upstream/ids.js';

describe('identifier parsing', () => {
  it('lower-cases and trims a UUID so two spellings share one loader entry', () => {
    expect(parseUuid(' 9F3C1A52-7D0E-4B8A-A1C2-5E6F7A8B9C0D ', 'sessionId')).toBe(
      '9f3c1a52-7d0e-4b8a-a1c2-5e6f7a8b9c0d',
    );
  });

  it.each([
    '',
    'abc',
    '9f3c1a52-7d0e-4b8a-a1c2-5e6f7a8b9c0',
    '9f3c1a52/7d0e-4b8a-a1c2-5e6f7a8b9c0d',
    '../x',
  ])('rejects %j as a UUID with BAD_USER_INPUT naming the argument', (value) => {
    expect(() => parseUuid(value, 'participantId')).toThrow(
      expect.objectContaining({
        message: expect.stringContaining('"participantId"') as unknown,
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    );
  });

  it('accepts 32 hex characters as an account id and nothing else', () => {
    expect(parseAccountId('0123456789ABCDEF0123456789abcdef', 'accountId')).toBe(
      '0123456789abcdef0123456789abcdef',
    );
    expect(() => parseAccountId('0123456789abcdef0123456789abcde', 'accountId')).toThrow(
      /accountId/,
    );
  });

  it('accepts both a UUID and 32 hex characters as an app id', () => {
    expect(parseAppId('9f3c1a52-7d0e-4b8a-a1c2-5e6f7a8b9c0d', 'appId')).toBe(
      '9f3c1a52-7d0e-4b8a-a1c2-5e6f7a8b9c0d',
    );
    expect(parseAppId('0123456789abcdef0123456789abcdef', 'appId')).toBe(
      '0123456789abcdef0123456789abcdef',
    );
    expect(() => parseAppId('my-app', 'appId')).toThrow(/appId/);
  });
});
