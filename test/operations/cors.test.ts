import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import { loadConfig } from '../../src/config.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

/*
 * No page of another origin may read the gateway's answers unless CORS_ORIGINS names it: with a
 * server-held token configured, any page a user opens could otherwise query with the server's
 * token and read the result.
 */

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const EVIL = 'https://evil.example';
const DASH = 'https://dash.example.com';

async function preflight(url: string, origin: string) {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, authorization',
    },
  });
}

async function post(url: string, origin: string) {
  return fetch(url, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
}

describe('CORS', () => {
  it('grants no origin anything by default, even with a server-held token', async () => {
    h = await startHarness({ gateway: { serverToken: DEMO_TOKEN } });
    for (const response of [await preflight(h.url, EVIL), await post(h.url, EVIL)]) {
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('grants the origins CORS_ORIGINS lists, with credentials, and no other', async () => {
    const { corsOrigins } = loadConfig({ CORS_ORIGINS: `${DASH}, http://localhost:5173` });
    expect(corsOrigins).toEqual([DASH, 'http://localhost:5173']);
    h = await startHarness({ gateway: { serverToken: DEMO_TOKEN, corsOrigins } });
    const allowed = await preflight(h.url, DASH);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(DASH);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const answered = await post(h.url, DASH);
    expect(answered.headers.get('access-control-allow-origin')).toBe(DASH);
    expect(await answered.json()).toMatchObject({ data: { __typename: 'Query' } });
    for (const response of [await preflight(h.url, EVIL), await post(h.url, EVIL)]) {
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('refuses a CORS_ORIGINS entry that is not an origin, naming the variable', () => {
    expect(() => loadConfig({ CORS_ORIGINS: 'dash.example.com' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://dash.example.com/path' })).toThrow(
      /CORS_ORIGINS/,
    );
  });
});
