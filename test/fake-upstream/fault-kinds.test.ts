import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, startFakeUpstream } from '../../src/fake-upstream/index.js';
import type { FakeFault, FakeUpstream } from '../../src/fake-upstream/index.js';
import { overrideRatelimit } from '../../src/fake-upstream/fault-outcome.js';
import { appUrl, cloudflareError, eventually, get, realtimeKitError } from './support.js';

/**
 * The slow and lying fault kinds, over real HTTP. Timing bounds are deliberately loose: they tell "dripped" from
 * "sent at once" and "ended" from "left open", nothing finer.
 */

let fake: FakeUpstream;
beforeAll(async () => {
  fake = await startFakeUpstream();
});
afterEach(async () => {
  fake.clearFaults();
  fake.resetCalls();
  await eventually(() => fake.inFlight === 0);
});
afterAll(async () => {
  await fake.close();
});

const AUTH = { authorization: `Bearer ${DEMO_TOKEN}` };
const sessionPath = (): string => `/sessions/${fake.demo.endedSessionId}`;

interface Streamed {
  readonly status: number;
  readonly headersAtMs: number;
  readonly doneAtMs: number;
  readonly chunks: number;
  readonly text: string;
}

/** Reads a response chunk by chunk, timing the headers and the end of the body from the request's start. */
async function stream(url: string, init: RequestInit = {}): Promise<Streamed> {
  const started = performance.now();
  const response = await fetch(url, { headers: AUTH, ...init });
  const headersAtMs = performance.now() - started;
  const body = response.body;
  if (body === null) throw new Error('no body');
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let chunks = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks += 1;
    text += decoder.decode(value, { stream: true });
  }
  return {
    status: response.status,
    headersAtMs,
    doneAtMs: performance.now() - started,
    chunks,
    text,
  };
}

describe('dripBytesPerSecond', () => {
  it('sends the headers at once, then the normal body a few bytes at a time', async () => {
    const whole = await get(fake, sessionPath());
    const size = Buffer.byteLength(whole.text);
    const rate = 2_000;
    fake.injectFault({ dripBytesPerSecond: rate, times: 1 });
    const dripped = await stream(`${appUrl(fake)}${sessionPath()}`);
    expect(dripped.status).toBe(200);
    expect(dripped.text).toBe(whole.text);
    const expectedMs = (size / rate) * 1000;
    expect(expectedMs).toBeGreaterThan(150);
    expect(dripped.doneAtMs).toBeGreaterThan(expectedMs * 0.5);
    expect(dripped.doneAtMs).toBeLessThan(expectedMs * 10 + 2_000);
    expect(dripped.headersAtMs).toBeLessThan(dripped.doneAtMs - expectedMs * 0.4);
    expect(dripped.chunks).toBeGreaterThanOrEqual(5);

    const after = await stream(`${appUrl(fake)}${sessionPath()}`);
    expect(after.chunks).toBeLessThanOrEqual(2);
  });

  it('drips a fault body with its status and a full content-length', async () => {
    const body = { success: false, error: { code: 503, message: 'x'.repeat(80) } };
    fake.injectFault({ status: 503, body, dripBytesPerSecond: 250, times: 1 });
    const started = performance.now();
    const response = await fetch(`${appUrl(fake)}/sessions`, { headers: AUTH });
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('content-length'))).toBe(JSON.stringify(body).length);
    expect(await response.json()).toEqual(body);
    // About 115 bytes at 250 B/s: nearly half a second, where an undripped answer takes milliseconds.
    expect(performance.now() - started).toBeGreaterThan(200);
  });

  it('drips only the half that truncateBody sends, then cuts', async () => {
    fake.injectFault({ truncateBody: true, dripBytesPerSecond: 4_000, times: 1 });
    const response = await fetch(`${appUrl(fake)}${sessionPath()}`, { headers: AUTH });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });

  it('ends the drip when the client disconnects', async () => {
    fake.injectFault({ dripBytesPerSecond: 10, times: 1 });
    const controller = new AbortController();
    const response = await fetch(`${appUrl(fake)}/sessions`, {
      headers: AUTH,
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(first?.value?.length).toBeGreaterThan(0);
    expect(fake.inFlight).toBe(1);
    controller.abort();
    await eventually(() => fake.inFlight === 0);
  });

  it('ends the drip, and its socket, on close()', async () => {
    const other = await startFakeUpstream();
    other.injectFault({ dripBytesPerSecond: 10 });
    const response = await fetch(`${appUrl(other)}/sessions`, { headers: AUTH });
    // The expectation is made before close(), so the body's failure always has a handler waiting.
    const cut = expect(response.text()).rejects.toThrow();
    await eventually(() => other.inFlight === 1);
    const started = performance.now();
    await other.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    await cut;
    await eventually(() => other.inFlight === 0);
  });
});

describe('hang', () => {
  it('never answers, until the client gives up; then the fake lets the request go', async () => {
    fake.injectFault({ hang: true, times: 1 });
    const started = performance.now();
    await expect(
      fetch(`${appUrl(fake)}/sessions`, { headers: AUTH, signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow();
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    await eventually(() => fake.inFlight === 0);
    expect(fake.calls.map((call) => call.endpoint)).toEqual(['sessions']);
    expect((await get(fake, '/sessions')).status).toBe(200);
  });

  it('keeps matching and ordering: only the matching request hangs', async () => {
    fake.injectFault({ match: { endpoint: 'peerReport' }, hang: true, times: 1 });
    fake.injectFault({ status: 503, times: 1 });
    const hung = fetch(`${appUrl(fake)}/sessions/peer-report/${fake.demo.peerId}`, {
      headers: AUTH,
      signal: AbortSignal.timeout(400),
    });
    expect((await get(fake, '/sessions')).status).toBe(503);
    expect((await get(fake, '/sessions')).status).toBe(200);
    await expect(hung).rejects.toThrow();
  });

  it('ends on close(), promptly', async () => {
    const other = await startFakeUpstream();
    other.injectFault({ hang: true });
    const refused = expect(get(other, '/sessions')).rejects.toThrow();
    await eventually(() => other.inFlight === 1);
    const started = performance.now();
    await other.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    await refused;
    await eventually(() => other.inFlight === 0);
  });

  it('refuses response-shaping fields beside it', () => {
    expect(() => {
      fake.injectFault({ hang: true, status: 500 });
    }).toThrow(/hang sends nothing, so status cannot apply/);
    expect(() => {
      fake.injectFault({ hang: true, delayMs: 10, dripBytesPerSecond: 5 });
    }).toThrow(/delayMs, dripBytesPerSecond/);
  });
});

describe('every slow fault at once', () => {
  it('leaves no socket open after close()', async () => {
    const other = await startFakeUpstream();
    const faults: FakeFault[] = [
      { hang: true, times: 1 },
      { dripBytesPerSecond: 5, times: 1 },
      { delayMs: 10_000, times: 1 },
      { dripBytesPerSecond: 5, drop: 'mid-body', times: 1 },
    ];
    for (const fault of faults) other.injectFault(fault);
    const settled = Promise.allSettled(
      faults.map(() =>
        fetch(`${appUrl(other)}/sessions`, { headers: AUTH }).then((response) => response.text()),
      ),
    );
    await eventually(() => other.inFlight === faults.length);
    const started = performance.now();
    await other.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect((await settled).map((result) => result.status)).toEqual(faults.map(() => 'rejected'));
    await eventually(() => other.inFlight === 0);
  });
});

describe('ratelimitRemaining and ratelimitReset', () => {
  const ratelimitOf = async (fault: FakeFault): Promise<Headers> => {
    fake.injectFault({ ...fault, times: 1 });
    return (await get(fake, '/sessions')).headers;
  };

  it('override r= and t= of the Ratelimit header, and nothing else', async () => {
    const remaining = await ratelimitOf({ ratelimitRemaining: 0 });
    expect(remaining.get('ratelimit')).toMatch(/^"default";r=0;t=\d+$/);
    expect(remaining.get('ratelimit-policy')).toBe('"burst";q=250;w=10');
    expect(remaining.get('retry-after')).toBeNull();
    const reset = await ratelimitOf({ ratelimitReset: 42 });
    expect(reset.get('ratelimit')).toMatch(/^"default";r=\d+;t=42$/);
    const both = await ratelimitOf({
      status: 429,
      retryAfter: 9,
      ratelimitRemaining: 0,
      ratelimitReset: 777,
    });
    expect(both.get('ratelimit')).toBe('"default";r=0;t=777');
    expect(both.get('retry-after')).toBe('9');
    expect((await get(fake, '/sessions')).headers.get('ratelimit')).not.toMatch(/;t=(42|777)$/);
  });

  it('edit a Ratelimit header the fault itself sets', async () => {
    const headers = await ratelimitOf({
      headers: { Ratelimit: '"edge";r=17' },
      ratelimitReset: 3,
    });
    expect(headers.get('ratelimit')).toBe('"edge";r=17;t=3');
  });

  it('must be whole numbers of at least 0', () => {
    expect(() => {
      fake.injectFault({ ratelimitRemaining: -1 });
    }).toThrow(RangeError);
    expect(() => {
      fake.injectFault({ ratelimitReset: 1.5 });
    }).toThrow(RangeError);
    expect(() => {
      fake.injectFault({ dripBytesPerSecond: 0 });
    }).toThrow(RangeError);
  });

  it('are computed by a pure helper', () => {
    expect(overrideRatelimit(undefined, { r: 0, t: undefined })).toBe('"default";r=0');
    expect(overrideRatelimit('"default";r=249;t=10', { r: 5, t: 1 })).toBe('"default";r=5;t=1');
  });
});

describe('echoAuthorization', () => {
  it('puts the whole Authorization header into an injected error’s message', async () => {
    fake.injectFault({ status: 502, echoAuthorization: true, times: 1 });
    const reply = await get(fake, '/sessions');
    expect(reply.status).toBe(502);
    expect(reply.json).toEqual(
      realtimeKitError(502, `Bad gateway (Authorization: Bearer ${DEMO_TOKEN})`),
    );
  });

  it('puts it into every message of the fake’s own Cloudflare error', async () => {
    fake.injectFault({ echoAuthorization: true, times: 1 });
    const reply = await get(fake, '/sessions', { token: 'leaked-secret' });
    expect(reply.status).toBe(403);
    expect(reply.json).toEqual(
      cloudflareError({
        code: 10000,
        message: 'Authentication error (Authorization: Bearer leaked-secret)',
      }),
    );
    fake.injectFault({ echoAuthorization: true, times: 1 });
    const routed = await get(fake, '/sessions/a/b/c/d', { token: 'leaked-secret' });
    const messages = (routed.json as { errors: { message: string }[] }).errors.map(
      (error) => error.message,
    );
    expect(messages).toHaveLength(2);
    for (const message of messages) expect(message).toContain('Bearer leaked-secret');
  });

  it('leaves success bodies and requests without the header alone', async () => {
    const plain = await get(fake, '/sessions');
    fake.injectFault({ echoAuthorization: true, times: 2 });
    const success = await get(fake, '/sessions');
    expect(success.text).toBe(plain.text);
    const anonymous = await get(fake, '/sessions', { token: null });
    expect(anonymous.json).toEqual(
      cloudflareError({ code: 10000, message: 'Authentication error' }),
    );
  });

  it('does not go with a body of the test’s own', () => {
    expect(() => {
      fake.injectFault({ status: 500, body: 'nope', echoAuthorization: true });
    }).toThrow(RangeError);
  });
});

describe('inFlight', () => {
  it('counts a delayed request while it waits, and none after', async () => {
    fake.injectFault({ delayMs: 300, times: 1 });
    const pending = get(fake, '/sessions');
    await eventually(() => fake.inFlight === 1);
    expect((await pending).status).toBe(200);
    await eventually(() => fake.inFlight === 0);
  });
});

describe('maxInFlight', () => {
  it('is the most requests in flight at once, until resetCalls() restarts it', async () => {
    fake.resetCalls();
    expect(fake.maxInFlight).toBe(0);
    fake.injectFault({ delayMs: 200, times: 3 });
    const responses = await Promise.all([1, 2, 3].map(() => get(fake, '/sessions')));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(fake.maxInFlight).toBe(3);
    expect((await get(fake, '/sessions')).status).toBe(200);
    expect(fake.maxInFlight).toBe(3);
    await eventually(() => fake.inFlight === 0);
    fake.resetCalls();
    expect(fake.maxInFlight).toBe(0);
  });
});
