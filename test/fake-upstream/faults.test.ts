import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, startFakeUpstream } from '../../src/fake-upstream/index.js';
import type { FakeUpstream } from '../../src/fake-upstream/index.js';
import { appUrl, cloudflareError, get, realtimeKitError, request } from './support.js';

let fake: FakeUpstream;
beforeAll(async () => {
  fake = await startFakeUpstream();
});
afterEach(() => {
  fake.clearFaults();
  fake.resetCalls();
});
afterAll(async () => {
  await fake.close();
});

const reportPath = (): string => `/sessions/peer-report/${fake.demo.peerId}`;
const statuses = async (paths: readonly string[]): Promise<number[]> => {
  const out: number[] = [];
  for (const path of paths) out.push((await get(fake, path)).status);
  return out;
};

describe('faults', () => {
  it('replaces status and body, for `times` matching requests only', async () => {
    fake.injectFault({ status: 503, body: { oops: true }, times: 2 });
    const first = await get(fake, '/sessions');
    expect(first.status).toBe(503);
    expect(first.json).toEqual({ oops: true });
    expect(first.headers.get('content-type')).toBe('application/json');
    expect(await statuses(['/sessions', '/sessions'])).toEqual([503, 200]);
  });

  it('sends a string body as is', async () => {
    fake.injectFault({
      status: 502,
      body: '<html>bad gateway</html>',
      headers: { 'Content-Type': 'text/html' },
    });
    const reply = await get(fake, '/sessions');
    expect(reply.status).toBe(502);
    expect(reply.text).toBe('<html>bad gateway</html>');
    expect(reply.headers.get('content-type')).toBe('text/html');
  });

  it('uses a fitting envelope when no body is given', async () => {
    fake.injectFault({ status: 429, times: 1 });
    fake.injectFault({ status: 500, times: 1 });
    fake.injectFault({ status: 403, times: 1 });
    const [limited, broken, forbidden] = [
      await get(fake, '/sessions'),
      await get(fake, '/sessions'),
      await get(fake, '/sessions'),
    ];
    expect(limited.json).toEqual(
      cloudflareError({
        code: 971,
        message: 'Please wait and consider throttling your request speed',
      }),
    );
    expect(broken.json).toEqual(realtimeKitError(500, 'Internal server error'));
    expect(forbidden.json).toEqual(
      cloudflareError({ code: 10000, message: 'Authentication error' }),
    );
  });

  it('sets Retry-After and extra headers', async () => {
    fake.injectFault({ status: 429, retryAfter: 7, headers: { 'X-Fault': 'yes' } });
    const reply = await get(fake, '/sessions');
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('7');
    expect(reply.headers.get('x-fault')).toBe('yes');
    expect(reply.headers.get('ratelimit')).toMatch(/^"default";r=\d+;t=\d+$/);
  });

  it('delays before the headers, then answers normally', async () => {
    fake.injectFault({ delayMs: 300, times: 1 });
    const started = performance.now();
    const reply = await get(fake, '/sessions');
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    expect(reply.status).toBe(200);
    const quick = performance.now();
    await get(fake, '/sessions');
    expect(performance.now() - quick).toBeLessThan(250);
  });

  it('drops the connection before the headers', async () => {
    fake.injectFault({ drop: 'before-headers', times: 1 });
    await expect(get(fake, '/sessions')).rejects.toThrow();
    expect((await get(fake, '/sessions')).status).toBe(200);
  });

  it('drops the connection mid-body, after the headers', async () => {
    fake.injectFault({ drop: 'mid-body', times: 1 });
    const response = await fetch(`${appUrl(fake)}${reportPath()}`, {
      headers: { authorization: `Bearer ${DEMO_TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBeNull();
    await expect(response.text()).rejects.toThrow();
  });

  it('truncates the body under a full content-length', async () => {
    const full = await get(fake, '/sessions');
    fake.injectFault({ truncateBody: true, times: 1 });
    const response = await fetch(`${appUrl(fake)}/sessions`, {
      headers: { authorization: `Bearer ${DEMO_TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(full.text));
    await expect(response.text()).rejects.toThrow();
  });

  it('matches by endpoint', async () => {
    fake.injectFault({ match: { endpoint: 'peerReport' }, status: 500 });
    const session = `/sessions/${fake.demo.endedSessionId}`;
    expect(await statuses(['/sessions', session, reportPath(), reportPath()])).toEqual([
      200, 200, 500, 500,
    ]);
  });

  it('matches by the last id in the path', async () => {
    fake.injectFault({ match: { id: fake.demo.participantId }, status: 504 });
    const details = `/sessions/${fake.demo.endedSessionId}/participants/${fake.demo.participantId}`;
    const otherPeer = `/sessions/peer-report/${fake.demo.liveSessionId}`;
    expect(
      await statuses([details, reportPath(), `/sessions/${fake.demo.endedSessionId}/participants`]),
    ).toEqual([504, 504, 200]);
    // An unknown id is still looked up normally when the fault does not match it.
    expect(await statuses([otherPeer])).toEqual([404]);
  });

  it('matches by endpoint and id together', async () => {
    fake.injectFault({
      match: { endpoint: 'participants', id: fake.demo.endedSessionId },
      status: 500,
    });
    const list = `/sessions/${fake.demo.endedSessionId}/participants`;
    const session = `/sessions/${fake.demo.endedSessionId}`;
    const otherList = `/sessions/${fake.demo.liveSessionId}/participants`;
    expect(await statuses([list, session, otherList])).toEqual([500, 200, 200]);
  });

  it('applies the first matching fault with uses left, in injection order', async () => {
    fake.injectFault({ match: { endpoint: 'sessions' }, status: 502, times: 1 });
    fake.injectFault({ status: 503, times: 2 });
    fake.injectFault({ status: 504 });
    expect(await statuses(['/sessions', '/sessions', '/sessions', '/sessions'])).toEqual([
      502, 503, 503, 504,
    ]);
    fake.clearFaults();
    expect(await statuses(['/sessions'])).toEqual([200]);
  });

  it('faults rejected and unknown requests too', async () => {
    fake.injectFault({ status: 418, body: 'teapot', times: 1 });
    const reply = await request(`${fake.url}/nowhere`, { token: null });
    expect(reply.status).toBe(418);
    expect(reply.text).toBe('teapot');
  });

  it('validates times', () => {
    expect(() => {
      fake.injectFault({ status: 500, times: 0 });
    }).toThrow(RangeError);
  });

  it('close() ends pending delayed requests and open sockets', async () => {
    const other = await startFakeUpstream();
    other.injectFault({ delayMs: 10_000 });
    const pending = get(other, '/sessions');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await other.close();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
    await other.close();
  });
});

describe('call log', () => {
  const expectedHash = (header: string): string =>
    createHash('sha256').update(header).digest('hex').slice(0, 16);

  it('records every call in order with method, endpoint, path, raw query and auth hash', async () => {
    const details = `/sessions/${fake.demo.endedSessionId}/participants/${fake.demo.participantId}`;
    await get(fake, '/sessions', { query: { per_page: '5', colour: 'blue' } });
    await get(fake, details, { query: { filters: 'events,quality_stats' } });
    await get(fake, reportPath(), { token: null });
    await get(fake, `/sessions/${fake.demo.endedSessionId}/participants`);
    await get(fake, `/sessions/${fake.demo.endedSessionId}`, { token: 'stolen' });
    await request(`${fake.url}/elsewhere?x=1`, { method: 'POST' });

    const prefix = new URL(appUrl(fake)).pathname;
    const demoHash = expectedHash(`Bearer ${DEMO_TOKEN}`);
    expect(
      fake.calls.map(({ method, endpoint, path, query, authHash }) => ({
        method,
        endpoint,
        path,
        query,
        authHash,
      })),
    ).toEqual([
      {
        method: 'GET',
        endpoint: 'sessions',
        path: `${prefix}/sessions`,
        query: { per_page: '5', colour: 'blue' },
        authHash: demoHash,
      },
      {
        method: 'GET',
        endpoint: 'participant',
        path: `${prefix}${details}`,
        query: { filters: 'events,quality_stats' },
        authHash: demoHash,
      },
      {
        method: 'GET',
        endpoint: 'peerReport',
        path: `${prefix}${reportPath()}`,
        query: {},
        authHash: null,
      },
      {
        method: 'GET',
        endpoint: 'participants',
        path: `${prefix}/sessions/${fake.demo.endedSessionId}/participants`,
        query: {},
        authHash: demoHash,
      },
      {
        method: 'GET',
        endpoint: 'session',
        path: `${prefix}/sessions/${fake.demo.endedSessionId}`,
        query: {},
        authHash: expectedHash('Bearer stolen'),
      },
      {
        method: 'POST',
        endpoint: 'unknown',
        path: '/client/v4/elsewhere',
        query: { x: '1' },
        authHash: demoHash,
      },
    ]);
  });

  it('never holds the raw token', async () => {
    await get(fake, '/sessions');
    await get(fake, '/sessions', { token: 'super-secret-value' });
    const log = JSON.stringify(fake.calls);
    expect(log).not.toContain(DEMO_TOKEN);
    expect(log).not.toContain('super-secret-value');
    for (const call of fake.calls) {
      expect(call.authHash).toMatch(/^[0-9a-f]{16}$/);
      expect(call.authHash).not.toBe(DEMO_TOKEN);
    }
    expect(fake.calls[0]?.authHash).not.toBe(fake.calls[1]?.authHash);
  });

  it('records faulted, rate-limited and failed calls', async () => {
    fake.injectFault({ drop: 'before-headers', times: 1 });
    await expect(get(fake, '/sessions')).rejects.toThrow();
    await get(fake, '/sessions/not-a-uuid');
    expect(fake.calls.map((call) => call.endpoint)).toEqual(['sessions', 'session']);
  });

  it('hands out copies and resets', async () => {
    await get(fake, '/sessions');
    const snapshot = fake.calls;
    (snapshot as unknown[]).length = 0;
    expect(fake.calls).toHaveLength(1);
    fake.resetCalls();
    expect(fake.calls).toEqual([]);
  });
});
