import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ERROR_CODES,
  errorFromResponse,
  errorFromTransport,
  GatewayError,
  parseRetryAfter,
} from '../../src/upstream/errors.js';

const failure = (status: number, cloudflareCodes: number[] = [], retryAfter?: number) => ({
  status,
  cloudflareCodes,
  retryAfter,
});

describe('errorFromResponse', () => {
  it.each([
    [401, [], 'UNAUTHENTICATED'],
    [403, [10000], 'UNAUTHENTICATED'],
    [400, [6003], 'UNAUTHENTICATED'],
    [403, [9109], 'FORBIDDEN'],
    [403, [], 'FORBIDDEN'],
    [404, [], 'NOT_FOUND'],
    [429, [971], 'RATE_LIMITED'],
    [400, [7003, 7000], 'BAD_USER_INPUT'],
    [400, [], 'BAD_USER_INPUT'],
    [500, [], 'UPSTREAM_UNAVAILABLE'],
    [502, [], 'UPSTREAM_UNAVAILABLE'],
    [503, [], 'UPSTREAM_UNAVAILABLE'],
    [504, [], 'UPSTREAM_UNAVAILABLE'],
    [302, [], 'UPSTREAM_BAD_RESPONSE'],
    [409, [], 'UPSTREAM_BAD_RESPONSE'],
  ])('maps status %i with Cloudflare codes %j to %s', (status, codes, expected) => {
    const error = errorFromResponse(failure(status, codes));
    expect(error).toBeInstanceOf(GatewayError);
    expect(error.extensions).toEqual({ code: expected, upstreamStatus: status });
  });

  it.each([500, 502, 503, 504])('carries Retry-After seconds on a %i', (status) => {
    expect(errorFromResponse(failure(status, [], 7)).extensions).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      upstreamStatus: status,
      retryAfter: 7,
    });
  });

  it('carries Retry-After seconds on RATE_LIMITED', () => {
    expect(errorFromResponse(failure(429, [971], 30)).extensions).toEqual({
      code: 'RATE_LIMITED',
      upstreamStatus: 429,
      retryAfter: 30,
    });
  });
});

describe('errorFromTransport', () => {
  const undiciError = (code: string) => Object.assign(new Error('boom'), { code });

  it.each(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])(
    'maps %s to UPSTREAM_TIMEOUT',
    (code) => {
      expect(errorFromTransport(undiciError(code), false).code).toBe('UPSTREAM_TIMEOUT');
    },
  );

  it('maps an abort caused by our own deadline to UPSTREAM_TIMEOUT', () => {
    expect(errorFromTransport(undiciError('UND_ERR_ABORTED'), true).code).toBe('UPSTREAM_TIMEOUT');
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_ABORTED'])(
    'maps %s to UPSTREAM_UNAVAILABLE',
    (code) => {
      expect(errorFromTransport(undiciError(code), false).code).toBe('UPSTREAM_UNAVAILABLE');
    },
  );

  it('passes a GatewayError through unchanged', () => {
    const original = errorFromResponse(failure(404));
    expect(errorFromTransport(original, true)).toBe(original);
  });

  it('keeps the cause off the serialized error', () => {
    const error = errorFromTransport(undiciError('ECONNREFUSED'), false);
    expect(error.toJSON()).toEqual({
      message: 'RealtimeKit could not be reached.',
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
    });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-20T12:00:00.000Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date as seconds from now, rounded up and never negative', () => {
    expect(parseRetryAfter('Fri, 20 Nov 2026 12:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Fri, 20 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('returns undefined for absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('ERROR_CODES', () => {
  it('is exactly the documented error-code table, so that the documented list is the closed one', () => {
    const page = readFileSync(new URL('../../docs/limits-and-errors.md', import.meta.url), 'utf8');
    const section = page.split('\n## Errors\n')[1]?.split('\n## ')[0];
    if (section === undefined) throw new Error('the page has no "## Errors" section');
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((match) => match[1]);
    expect(documented).toEqual([...ERROR_CODES]);
  });
});
