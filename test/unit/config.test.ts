import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  configWarnings,
  DEFAULT_CLOUDFLARE_API_BASE_URL,
  loadConfig,
} from '../../src/config.js';

const ACCOUNT = '0123456789abcdef0123456789abcdef';

function problems(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs the embedded demo when nothing points at a real upstream', () => {
    expect(loadConfig({})).toMatchObject({ mode: 'demo', port: 4000, host: '127.0.0.1' });
    expect(loadConfig({ CLOUDFLARE_API_TOKEN: '', CLOUDFLARE_API_BASE_URL: '' }).mode).toBe('demo');
  });

  it('serves the real Cloudflare base when a token is set', () => {
    expect(
      loadConfig({ CLOUDFLARE_API_TOKEN: 'secret', CLOUDFLARE_ACCOUNT_ID: ACCOUNT.toUpperCase() }),
    ).toMatchObject({
      mode: 'upstream',
      baseUrl: DEFAULT_CLOUDFLARE_API_BASE_URL,
      apiToken: 'secret',
      accountId: ACCOUNT,
    });
  });

  it('serves a configured base URL without a server token', () => {
    expect(
      loadConfig({ CLOUDFLARE_API_BASE_URL: 'http://127.0.0.1:4010/client/v4' }),
    ).toMatchObject({
      mode: 'upstream',
      baseUrl: 'http://127.0.0.1:4010/client/v4',
      apiToken: undefined,
    });
  });

  it('lists every bad variable with a clear message', () => {
    expect(
      problems({
        PORT: 'eighty',
        CLOUDFLARE_API_BASE_URL: 'ftp://example',
        CLOUDFLARE_ACCOUNT_ID: 'acc',
        REALTIMEKIT_APP_ID: 'app',
        LOG_LEVEL: 'loud',
      }).map((problem) => problem.split(':')[0]),
    ).toEqual([
      'PORT',
      'CLOUDFLARE_API_BASE_URL',
      'CLOUDFLARE_ACCOUNT_ID',
      'REALTIMEKIT_APP_ID',
      'LOG_LEVEL',
    ]);
    expect(problems({ PORT: '70000' })).toEqual([
      'PORT: must be an integer from 0 to 65535 (got "70000")',
    ]);
  });

  it('requires the account a server-held token is for', () => {
    expect(problems({ CLOUDFLARE_API_TOKEN: 'secret' })).toEqual([
      expect.stringMatching(/^CLOUDFLARE_ACCOUNT_ID: is required/) as unknown,
    ]);
  });

  it('waits for the response head as long as UPSTREAM_TIMEOUT_MS unless UPSTREAM_HEADERS_TIMEOUT_MS says', () => {
    expect(loadConfig({}).upstream).toMatchObject({ headersTimeoutMs: 10_000 });
    expect(loadConfig({ UPSTREAM_TIMEOUT_MS: '4000' }).upstream).toMatchObject({
      headersTimeoutMs: 4_000,
      requestTimeoutMs: 4_000,
    });
    expect(loadConfig({ UPSTREAM_HEADERS_TIMEOUT_MS: '1500' }).upstream).toMatchObject({
      headersTimeoutMs: 1_500,
      requestTimeoutMs: 10_000,
    });
    expect(problems({ UPSTREAM_HEADERS_TIMEOUT_MS: '0' })).toEqual([
      'UPSTREAM_HEADERS_TIMEOUT_MS: must be an integer from 1 to 600000 (got "0")',
    ]);
  });

  it('never echoes the token in a problem', () => {
    const messages = problems({ CLOUDFLARE_API_TOKEN: '   ', PORT: 'x' }).join('\n');
    expect(messages).toContain('CLOUDFLARE_API_TOKEN');
    expect(messages).not.toContain('"   "');
  });

  it('refuses REDIS_URL without TOKEN_HASH_SECRET, and never echoes either', () => {
    expect(problems({ REDIS_URL: 'redis://127.0.0.1:6379' })).toEqual([
      expect.stringMatching(/^TOKEN_HASH_SECRET: is required when REDIS_URL is set/) as unknown,
    ]);
    const messages = problems({
      REDIS_URL: 'http://user:hunter2@redis:6379',
      TOKEN_HASH_SECRET: 'short-secret',
    }).join('\n');
    expect(messages).toContain('REDIS_URL: must be a redis:// or rediss:// URL');
    expect(messages).toContain('TOKEN_HASH_SECRET: must be at least 32 characters');
    expect(messages).not.toContain('hunter2');
    expect(messages).not.toContain('short-secret');
  });

  it('shares state only with REDIS_URL, and reads the replica settings then', () => {
    expect(loadConfig({}).shared).toBeUndefined();
    const secret = 'x'.repeat(32);
    expect(
      loadConfig({
        REDIS_URL: 'redis://redis:6379/2',
        TOKEN_HASH_SECRET: secret,
        REPLICAS: '3',
        LIVE_LEASE_MS: '4000',
      }).shared,
    ).toEqual({
      redis: { url: 'redis://redis:6379/2', commandTimeoutMs: 250, keyPrefix: 'rtk-graphql:' },
      tokenHashSecret: secret,
      replicas: 3,
      leaseMs: 4000,
    });
  });

  it('warns only of names that look like a misspelt setting of its own', () => {
    const warn = (env: Record<string, string>) => configWarnings(env, loadConfig(env));
    expect(
      warn({
        PATH: '/usr/bin',
        CI: '1',
        OTEL_FOO: 'x',
        CACHE_MAX_ENTRIES: '10',
        CACHE_MAX_ENTRYS: '10',
        UPSTREAM_TIMEOUT: '5',
        MAX_QUERY_DEPHT: '3',
        CLOUDFLARE_SOMETHING_ELSE_ENTIRELY: 'x',
      }),
    ).toEqual([
      'CACHE_MAX_ENTRYS is not a setting of the gateway; did you mean CACHE_MAX_ENTRIES?',
      'MAX_QUERY_DEPHT is not a setting of the gateway; did you mean MAX_QUERY_DEPTH?',
    ]);
    // Demo mode says it ignores the account settings; the real upstream uses them.
    expect(warn({ REALTIMEKIT_APP_ID: '0123456789abcdef0123456789abcdef' })).toEqual([
      expect.stringMatching(/^REALTIMEKIT_APP_ID is ignored in demo mode/) as unknown,
    ]);
    expect(
      warn({
        CLOUDFLARE_API_TOKEN: 't',
        CLOUDFLARE_ACCOUNT_ID: ACCOUNT,
        REALTIMEKIT_APP_ID: ACCOUNT,
      }),
    ).toEqual([]);
  });
});
