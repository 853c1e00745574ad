import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../../src/logger.js';

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
});
