import { write as writeFd, writeSync } from 'node:fs';
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
  /** Lines dropped because the log reader did not keep up (see stderrDestination). */
  droppedLines?(): number;
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

/** Bytes of log lines held while the reader of stderr is behind; past it, lines are dropped. */
const MAX_BUFFERED_LOG_BYTES = 1024 * 1024;
/** Lines are written together once this much has gathered, or after FLUSH_MS at the latest. */
const FLUSH_BYTES = 4096;
const FLUSH_MS = 250;

interface StderrDestination extends DestinationStream {
  dropped(): number;
}

/**
 * Stderr, written asynchronously and bounded. Serving must never wait for a log reader: on Linux a
 * pipe on stderr is written synchronously by Node, so a log shipper under back-pressure (or a
 * paused terminal) would stop the whole process once the pipe's 64 KiB are full. Lines are instead
 * gathered (4 KiB, or 250 ms, so a busy gateway does not make a system call per access line) and
 * written by libuv's thread pool, one write at a time; while one is in flight, new lines wait in a
 * buffer of at most 1 MiB, and a line that does not fit is dropped and counted
 * (`rtk_graphql_log_lines_dropped_total`). At exit what is left is written only if the reader was
 * keeping up, so a stalled pipe cannot hold shutdown either.
 */
function stderrDestination(fd = 2): StderrDestination {
  let queue: string[] = [];
  let queued = 0;
  let writing = false;
  let dropped = 0;
  let timer: NodeJS.Timeout | undefined;

  const writeFrom = (data: Buffer, offset: number) => {
    writeFd(fd, data, offset, data.length - offset, null, (error, written) => {
      if (error !== null) {
        if (error.code === 'EAGAIN') {
          setTimeout(() => {
            writeFrom(data, offset);
          }, 20).unref();
          return;
        }
        // Nowhere left to report it: the lines of this write are lost, and counted as such.
        dropped += countLines(data.subarray(offset).toString('utf8'));
        writing = false;
        return;
      }
      if (offset + written < data.length) {
        writeFrom(data, offset + written);
        return;
      }
      writing = false;
      schedule();
    });
  };
  /** Lines gathered go out once there are enough of them, or after FLUSH_MS at the latest. */
  const schedule = () => {
    if (queued >= FLUSH_BYTES) flush();
    else if (queue.length > 0) timer ??= setTimeout(flush, FLUSH_MS).unref();
  };
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    // The write in flight schedules the next one when it is done.
    if (writing || queue.length === 0) return;
    const data = Buffer.from(queue.join(''), 'utf8');
    queue = [];
    queued = 0;
    writing = true;
    writeFrom(data, 0);
  };
  process.once('exit', () => {
    if (writing || queue.length === 0) return;
    try {
      writeSync(fd, queue.join(''));
    } catch {
      // Exiting: nothing left to tell.
    }
  });
  return {
    write(chunk: string) {
      if (queued + chunk.length > MAX_BUFFERED_LOG_BYTES) {
        dropped += countLines(chunk);
        return;
      }
      queue.push(chunk);
      queued += chunk.length;
      schedule();
    },
    dropped: () => dropped,
  };
}

function countLines(text: string): number {
  let lines = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    lines += 1;
  }
  return Math.max(1, lines);
}

/**
 * A structured logger writing one JSON object per line (pino): `level` as a name, `time` in ISO
 * 8601, `msg`, then the fields. Lines go to stderr, or to `write` (without the newline), which is
 * how tests capture them.
 */
export function createLogger(level: LogLevel, write?: (line: string) => void): Logger {
  const stderr = write === undefined ? stderrDestination() : undefined;
  const destination: DestinationStream = stderr ?? {
    write(chunk: string) {
      write?.(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk);
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
    droppedLines: () => stderr?.dropped() ?? 0,
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
