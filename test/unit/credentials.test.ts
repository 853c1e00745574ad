import { describe, expect, it } from 'vitest';
import { credentialsFor, resolveScope } from '../../src/credentials.js';

const ACCOUNT = '0123456789abcdef0123456789abcdef';
const OTHER_ACCOUNT = 'fedcba9876543210fedcba9876543210';
const APP = '9f3c1a52-7d0e-4b8a-a1c2-5e6f7a8b9c0d';
const defaults = { accountId: ACCOUNT, appId: APP };

describe('credentialsFor', () => {
  it("forwards the client's bearer header unchanged, even when a server token exists", () => {
    expect(credentialsFor('Bearer client-token', 'server-token')).toEqual({
      source: 'client',
      authorization: 'Bearer client-token',
    });
  });

  it('falls back to the server token only when the request has no Authorization header', () => {
    expect(credentialsFor(null, 'server-token')).toEqual({
      source: 'server',
      authorization: 'Bearer server-token',
    });
    expect(credentialsFor(null, undefined)).toEqual({ source: 'none' });
  });

  it('never falls back to the server token for a malformed header', () => {
    expect(credentialsFor('Basic dXNlcjpwYXNz', 'server-token')).toEqual({ source: 'invalid' });
    expect(credentialsFor('Bearer', 'server-token')).toEqual({ source: 'invalid' });
    // Present but empty is still present: no fallback to the server's token.
    expect(credentialsFor('', 'server-token')).toEqual({ source: 'invalid' });
    expect(credentialsFor('  ', 'server-token')).toEqual({ source: 'invalid' });
  });
});

describe('resolveScope', () => {
  const client = credentialsFor('Bearer t', undefined);
  const server = credentialsFor(null, 'server-token');

  it('defaults account and app from the configuration', () => {
    expect(resolveScope({}, client, defaults)).toEqual({ accountId: ACCOUNT, appId: APP });
  });

  it('uses the arguments when given, normalised', () => {
    expect(
      resolveScope({ accountId: OTHER_ACCOUNT.toUpperCase(), appId: null }, client, defaults),
    ).toEqual({ accountId: OTHER_ACCOUNT, appId: APP });
  });

  it('asks for an account and app when neither argument nor configuration has one', () => {
    const none = { accountId: undefined, appId: undefined };
    expect(() => resolveScope({}, client, none)).toThrow(/CLOUDFLARE_ACCOUNT_ID/);
    expect(() => resolveScope({ accountId: ACCOUNT }, client, none)).toThrow(/REALTIMEKIT_APP_ID/);
  });

  it('refuses the server token for another account with FORBIDDEN', () => {
    expect(() => resolveScope({ accountId: OTHER_ACCOUNT }, server, defaults)).toThrow(
      expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }),
    );
    expect(resolveScope({ accountId: ACCOUNT }, server, defaults)).toEqual({
      accountId: ACCOUNT,
      appId: APP,
    });
  });

  it('fails with UNAUTHENTICATED without usable credentials', () => {
    for (const credentials of [
      credentialsFor(null, undefined),
      credentialsFor('Token x', undefined),
    ]) {
      expect(() => resolveScope({}, credentials, defaults)).toThrow(
        expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }),
      );
    }
  });

  it('reports bad input before missing credentials', () => {
    expect(() =>
      resolveScope({ accountId: 'nope' }, credentialsFor(null, undefined), defaults),
    ).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
  });
});
