import { pino } from 'pino';
import type { DestinationStream } from 'pino';
import type { LogLevel } from './config.js';

export type LogFields = Readonly<Record<string, unknown>>;

export type Severity = Exclude<LogLevel, 'silent'>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /**
   * Whether a line of this severity would be written, so that a wrapper can skip its own work for
   * lines that would be dropped (a debug line per upstream call, at the default level); a logger
   * without it writes everything.
   */
  isLevelEnabled?(severity: Severity): boolean;
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
 * Fields named like a credential header are censored whatever their value looks like, at any depth
 * (a `headers` object passed along, say). The gateway's own calls never log such a field; this is
 * the second line of defence, as `redact` is for strings.
 */
const CREDENTIAL_KEYS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

const CENSORED = '[REDACTED]';

/** Nesting followed when masking strings; deeper values are replaced, not walked. */
const MAX_DEPTH = 6;

/** A copy of a log field with `mask` applied to every string in it, keys included. */
function describe(value: unknown, mask: (text: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return mask(value);
  if (value instanceof Error) return { name: value.name, message: mask(value.message) };
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((item: unknown) => describe(item, mask, depth + 1));
  const described: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    described[mask(name)] = CREDENTIAL_KEYS.has(name.toLowerCase())
      ? CENSORED
      : describe(item, mask, depth + 1);
  }
  return described;
}

/**
 * Stderr, buffered: lines are written together once 4 KiB have gathered, and at least every
 * 250 ms, so a busy gateway does not make a system call per access line (a write per line was a
 * quarter of a small query's CPU; an asynchronous write per line cost as much). What is still
 * buffered is written when the process exits, `process.exit()` and a crash included.
 */
function stderrDestination(): DestinationStream {
  const stream = pino.destination({ dest: 2, sync: true, minLength: 4096, periodicFlush: 250 });
  process.once('exit', () => {
    stream.flushSync();
  });
  return stream;
}

/**
 * A structured logger writing one JSON object per line (pino): `level` as a name, `time` in ISO
 * 8601, `msg`, then the fields. Lines go to stderr, or to `write` (without the newline), which is
 * how tests capture them.
 */
export function createLogger(level: LogLevel, write?: (line: string) => void): Logger {
  const destination: DestinationStream =
    write === undefined
      ? stderrDestination()
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
      // No pino `redact`: describe() censors credential fields, at a fraction of its cost per line.
    },
    destination,
  );
  const log = (severity: Severity, message: string, fields: LogFields = {}) => {
    if (!instance.isLevelEnabled(severity)) return;
    instance[severity](describe(fields, redact) as object, redact(message));
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
    isLevelEnabled: (severity) => instance.isLevelEnabled(severity),
  };
}

/**
 * Shorter values are never masked: they would blot out ordinary words, and no API token is that
 * short. It also leaves an Authorization scheme such as `Bearer` readable.
 */
export const MIN_SECRET_LENGTH = 8;

/**
 * A logger that masks these exact values wherever they appear, in the message, in any field or
 * key, or in an error's message, before `logger` sees them. `redact` only finds what looks like a
 * credential (`Bearer …`); a token echoed bare, as an upstream error body quoting it back would,
 * has no shape to find, but the gateway knows which tokens are in play: the request's own and
 * the server-held one. `secrets` is asked on every line, so it can name the current request's.
 */
export function withSecretsMasked(logger: Logger, secrets: () => Iterable<string>): Logger {
  // Masking walks every field, so it is skipped for a line the logger would drop anyway.
  const enabled = (severity: Severity) => logger.isLevelEnabled?.(severity) ?? true;
  const line = (severity: Severity) => (message: string, fields?: LogFields) => {
    if (!enabled(severity)) return;
    // Asked once per line, not per string in it.
    const inPlay = [...secrets()].filter((secret) => secret.length >= MIN_SECRET_LENGTH);
    if (inPlay.length === 0) {
      logger[severity](message, fields);
      return;
    }
    const mask = (text: string): string =>
      inPlay.reduce(
        (masked, secret) =>
          masked.includes(secret) ? masked.split(secret).join(CENSORED) : masked,
        text,
      );
    logger[severity](
      mask(message),
      fields === undefined ? undefined : (describe(fields, mask) as LogFields),
    );
  };
  return {
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    isLevelEnabled: enabled,
  };
}
