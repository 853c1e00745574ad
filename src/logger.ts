import { pino } from 'pino';
import type { DestinationStream } from 'pino';
import type { LogLevel } from './config.js';

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/**
 * Defence in depth: the gateway never hands a token to the logger, but an error message from a
 * dependency could echo a header, so anything shaped like a bearer credential is masked.
 */
const BEARER_TOKEN = /(bearer\s+)[^\s"',;]+/gi;

export function redact(text: string): string {
  return text.replace(BEARER_TOKEN, '$1[REDACTED]');
}

/**
 * Credential headers pino censors wherever a log call passes headers along (as `headers`, `req`,
 * `request` or `response`), whatever their value looks like. The gateway's own calls never do;
 * this is the second line of defence, as `redact` is for strings.
 */
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie'];

export const REDACTED_PATHS = CREDENTIAL_HEADERS.flatMap((name) => {
  const key = `["${name}"]`;
  return [
    key,
    `headers${key}`,
    `req.headers${key}`,
    `request.headers${key}`,
    `response.headers${key}`,
    `*.headers${key}`,
  ];
});

/** Nesting followed when masking strings; deeper values are replaced, not walked. */
const MAX_DEPTH = 6;

function describe(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (value instanceof Error) return { name: value.name, message: redact(value.message) };
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((item: unknown) => describe(item, depth + 1));
  const described: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) described[name] = describe(item, depth + 1);
  return described;
}

/**
 * A structured logger writing one JSON object per line (pino): `level` as a name, `time` in ISO
 * 8601, `msg`, then the fields. Lines go to stderr, or to `write` (without the newline), which is
 * how tests capture them.
 */
export function createLogger(level: LogLevel, write?: (line: string) => void): Logger {
  const destination: DestinationStream =
    write === undefined
      ? // Synchronous, so that nothing logged is lost when the process exits right after.
        pino.destination({ dest: 2, sync: true })
      : {
          write(chunk: string) {
            write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk);
          },
        };
  const instance = pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Errors are already reduced to their name and masked message by describe().
      serializers: { err: (value: unknown) => value },
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
    },
    destination,
  );
  const log = (severity: Exclude<LogLevel, 'silent'>, message: string, fields: LogFields = {}) => {
    if (!instance.isLevelEnabled(severity)) return;
    instance[severity](describe(fields) as object, redact(message));
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
