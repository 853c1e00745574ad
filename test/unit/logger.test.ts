import { describe, expect, it } from 'vitest';
import { createLogger, redact, withSecretsMasked } from '../../src/logger.js';
import { createRequestScope, requestStartOf } from '../../src/observability/request-scope.js';

describe('logger', () => {
  it('masks bearer credentials wherever they appear', () => {
    expect(redact('authorization: Bearer abc.DEF-123 sent')).toBe(
      'authorization: Bearer [REDACTED] sent',
    );
    expect(redact('{"authorization":"bearer xyz"}')).toBe('{"authorization":"bearer [REDACTED]"}');
  });

  it('writes one JSON object per line at or above its level, redacting fields and errors', () => {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    logger.debug('hidden');
    logger.info('hello', {
      header: 'Bearer secret-1',
      error: new Error('failed with Bearer secret-2'),
    });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(entry).toMatchObject({
      level: 'info',
      msg: 'hello',
      header: 'Bearer [REDACTED]',
      error: { name: 'Error', message: 'failed with Bearer [REDACTED]' },
    });
    expect(lines[0]).not.toContain('secret');
  });

  it('censors credential header fields at any depth, whatever their value looks like', () => {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    logger.info('call', {
      headers: { Authorization: 'raw-token-1', accept: 'application/json' },
      request: { headers: { cookie: 'session=raw-2', 'Proxy-Authorization': 'raw-3' } },
      'set-cookie': ['raw-4'],
    });
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      headers: { Authorization: '[REDACTED]', accept: 'application/json' },
      request: { headers: { cookie: '[REDACTED]', 'Proxy-Authorization': '[REDACTED]' } },
      'set-cookie': '[REDACTED]',
    });
    expect(lines[0]).not.toMatch(/raw-\d/);
  });
});

describe('withSecretsMasked', () => {
  const TOKEN = 'rtk-bare-token-0123456789';

  function capture(secrets: () => Iterable<string>) {
    const lines: string[] = [];
    const logger = withSecretsMasked(
      createLogger('debug', (line) => lines.push(line)),
      secrets,
    );
    return { logger, lines };
  }

  it('masks a bare token in the message, any field, any key and an error', () => {
    const { logger, lines } = capture(() => [TOKEN]);
    logger.warn(`upstream said ${TOKEN}`, {
      body: `{"message":"invalid token ${TOKEN}"}`,
      nested: { list: [TOKEN, 42, null], [TOKEN]: true },
      error: new SyntaxError(`Unexpected token 'r', "${TOKEN}" is not valid JSON`),
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(TOKEN);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      msg: 'upstream said [REDACTED]',
      body: '{"message":"invalid token [REDACTED]"}',
      nested: { list: ['[REDACTED]', 42, null], '[REDACTED]': true },
      error: {
        name: 'SyntaxError',
        message: `Unexpected token 'r', "[REDACTED]" is not valid JSON`,
      },
    });
  });

  it('asks for the secrets on every line, and leaves values too short to be a token', () => {
    let current: string[] = [];
    const { logger, lines } = capture(() => current);
    logger.info(`first ${TOKEN}`);
    current = [TOKEN, 'Bearer'];
    logger.info(`second Bearer ${TOKEN}`);
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual([
      `first ${TOKEN}`,
      'second Bearer [REDACTED]',
    ]);
  });

  it('does no work for a line its logger would drop', () => {
    let asked = 0;
    const lines: string[] = [];
    const logger = withSecretsMasked(
      createLogger('info', (line) => lines.push(line)),
      () => {
        asked += 1;
        return [TOKEN];
      },
    );
    logger.debug(`dropped ${TOKEN}`, { body: TOKEN });
    expect(asked).toBe(0);
    logger.info(`kept ${TOKEN}`);
    expect(asked).toBeGreaterThan(0);
    expect(lines).toHaveLength(1);
  });

  it("gets the current request's credentials from the request scope", () => {
    const scope = createRequestScope();
    const { logger, lines } = capture(() => scope.credentials());
    const request = (authorization: string) =>
      requestStartOf(new Request('http://gateway.test/graphql', { headers: { authorization } }));
    scope.run(request(`Bearer ${TOKEN}`), () => {
      logger.info(`echoed ${TOKEN}`);
    });
    scope.run(request(`Token ${TOKEN}x extra`), () => {
      logger.info(`echoed ${TOKEN}x`);
    });
    logger.info(`outside any request ${TOKEN}`);
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual([
      'echoed [REDACTED]',
      'echoed [REDACTED]',
      `outside any request ${TOKEN}`,
    ]);
  });
});
