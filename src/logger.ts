import type { LogLevel } from './config.js';

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const SEVERITY = { debug: 10, info: 20, warn: 30, error: 40, silent: Infinity } as const;

/**
 * Defence in depth: the gateway never hands a token to the logger, but an error message from a
 * dependency could echo a header, so anything shaped like a bearer credential is masked.
 */
const BEARER_TOKEN = /(bearer\s+)[^\s"',;]+/gi;

export function redact(text: string): string {
  return text.replace(BEARER_TOKEN, '$1[REDACTED]');
}

function describe(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: redact(value.message) };
  if (typeof value === 'string') return redact(value);
  return value;
}

/** A structured logger writing one JSON object per line. */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Logger {
  const log = (severity: Exclude<LogLevel, 'silent'>, message: string, fields: LogFields = {}) => {
    if (SEVERITY[severity] < SEVERITY[level]) return;
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level: severity,
      msg: redact(message),
    };
    for (const [name, value] of Object.entries(fields)) entry[name] = describe(value);
    write(JSON.stringify(entry));
  };
  return {
    debug: (message, fields) => {
      log('debug', message, fields);
    },
    info: (message, fields) => {
      log('info', message, fields);
    },
    warn: (message, fields) => {
      log('warn', message, fields);
    },
    error: (message, fields) => {
      log('error', message, fields);
    },
  };
}
