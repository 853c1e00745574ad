import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/fake-upstream/rate-limit.js';
import { startFakeUpstream } from '../../src/fake-upstream/index.js';
import type { FakeUpstream } from '../../src/fake-upstream/index.js';
import { cloudflareError, get } from './support.js';

const RATE_LIMITED = cloudflareError({
  code: 971,
  message: 'Please wait and consider throttling your request speed',
});

describe('rate limit over HTTP', () => {
  let fake: FakeUpstream;
  beforeAll(async () => {
    fake = await startFakeUpstream({
      tokens: ['alpha', 'beta'],
      rateLimit: { quota: 3, windowSeconds: 30 },
    });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('counts down in Ratelimit headers, then answers 429 with Retry-After', async () => {
    const replies = [];
    for (let i = 0; i < 5; i += 1) replies.push(await get(fake, '/sessions', { token: 'alpha' }));
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 429, 429]);
    const remaining = replies.map(
      (reply) => /;r=(\d+);/.exec(reply.headers.get('ratelimit') ?? '')?.[1],
    );
    expect(remaining).toEqual(['2', '1', '0', '0', '0']);
    for (const reply of replies) {
      expect(reply.headers.get('ratelimit')).toMatch(/^"default";r=\d+;t=\d+$/);
      expect(reply.headers.get('ratelimit-policy')).toBe('"burst";q=3;w=30');
      const reset = Number(/;t=(\d+)$/.exec(reply.headers.get('ratelimit') ?? '')?.[1]);
      expect(reset).toBeGreaterThanOrEqual(1);
      expect(reset).toBeLessThanOrEqual(30);
    }
    const limited = replies[3];
    expect(limited?.json).toEqual(RATE_LIMITED);
    expect(limited?.headers.get('content-type')).toBe('application/json');
    const retryAfter = limited?.headers.get('retry-after') ?? '';
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(30);
    expect(replies[0]?.headers.get('retry-after')).toBeNull();
  });

  it('keeps a separate window per token', async () => {
    const reply = await get(fake, '/sessions', { token: 'beta' });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('ratelimit')).toMatch(/^"default";r=2;t=\d+$/);
  });

  it('sends the headers on error responses too', async () => {
    const reply = await get(fake, '/sessions/not-a-uuid', { token: 'beta' });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('ratelimit')).toMatch(/^"default";r=1;t=\d+$/);
    expect(reply.headers.get('ratelimit-policy')).toBe('"burst";q=3;w=30');
  });

  it('defaults to RealtimeKit’s 250 requests per 10 s', async () => {
    const other = await startFakeUpstream();
    try {
      const reply = await get(other, '/sessions');
      expect(reply.headers.get('ratelimit-policy')).toBe('"burst";q=250;w=10');
      expect(reply.headers.get('ratelimit')).toBe('"default";r=249;t=10');
    } finally {
      await other.close();
    }
  });
});

describe('createRateLimiter', () => {
  it('opens a fresh window once the old one has passed', () => {
    let now = 1_000_000;
    const limiter = createRateLimiter({ quota: 2, windowSeconds: 10, now: () => now });
    expect(limiter.consume('t').allowed).toBe(true);
    now += 4_200;
    const second = limiter.consume('t');
    expect(second).toMatchObject({ allowed: true, remaining: 0, resetSeconds: 6 });
    const third = limiter.consume('t');
    expect(third.allowed).toBe(false);
    expect(third.headers.ratelimit).toBe('"default";r=0;t=6');
    now += 5_800;
    expect(limiter.consume('t')).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 10 });
  });

  it('rejects nonsense limits', () => {
    expect(() => createRateLimiter({ quota: 0, windowSeconds: 10 })).toThrow(RangeError);
    expect(() => createRateLimiter({ quota: 5, windowSeconds: 0.5 })).toThrow(RangeError);
  });
});
