import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Outcome } from './fault-outcome.js';
import type { FakeFault } from './types.js';

/**
 * How an answer goes on the wire: at once, or as a fault scripts it (late, dripped, cut short, or never). Every
 * wait ends when the client disconnects or the fake closes, and every path that does not finish the response
 * destroys the socket, so no fault leaves a connection open behind it.
 */

export interface Exchange {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  /** Aborts when the response closes before finishing (the client went away) or the fake shuts down. */
  readonly signal: AbortSignal;
}

/** At most this many writes a second: a slow drip sends 1 byte per tick, a faster one a few more. */
const MAX_DRIP_TICKS_PER_SECOND = 50;

export async function deliver(
  exchange: Exchange,
  outcome: Outcome,
  fault: FakeFault | undefined,
): Promise<void> {
  const { request, response, signal } = exchange;
  const cut = (): void => {
    request.socket.destroy();
  };
  if (fault?.hang === true) {
    await aborted(signal);
    cut();
    return;
  }
  if (fault?.delayMs !== undefined && fault.delayMs > 0) {
    try {
      await sleep(fault.delayMs, undefined, { signal });
    } catch {
      cut();
      return;
    }
  }
  if (fault?.drop === 'before-headers') {
    cut();
    return;
  }

  const payload = payloadOf(outcome);
  const midBody = fault?.drop === 'mid-body';
  const cutShort = midBody || fault?.truncateBody === true;
  const sent = cutShort ? payload.subarray(0, Math.floor(payload.length / 2)) : payload;
  const headers: OutgoingHttpHeaders = { 'content-type': 'application/json', ...outcome.headers };
  // Mid-body drops go chunked: no length is promised, so only the abrupt close tells the client the body is cut.
  if (!midBody) headers['content-length'] = payload.length;
  response.writeHead(outcome.status, headers);

  if (fault?.dripBytesPerSecond === undefined) {
    if (cutShort) response.write(sent, cut);
    else response.end(sent);
    return;
  }
  response.flushHeaders();
  try {
    await drip(response, sent, fault.dripBytesPerSecond, signal);
  } catch {
    cut();
    return;
  }
  if (cutShort) cut();
  else response.end();
}

/** Sends a whole answer at once; for answers that cannot wait for a fault (the fake's own failures). */
export function writeWhole(response: ServerResponse, outcome: Outcome): void {
  const payload = payloadOf(outcome);
  response.writeHead(outcome.status, {
    'content-type': 'application/json',
    ...outcome.headers,
    'content-length': payload.length,
  });
  response.end(payload);
}

function payloadOf(outcome: Outcome): Buffer {
  return Buffer.from(
    typeof outcome.body === 'string' ? outcome.body : JSON.stringify(outcome.body),
  );
}

async function drip(
  response: ServerResponse,
  bytes: Buffer,
  bytesPerSecond: number,
  signal: AbortSignal,
): Promise<void> {
  const chunk = Math.max(1, Math.ceil(bytesPerSecond / MAX_DRIP_TICKS_PER_SECOND));
  const intervalMs = (1000 * chunk) / bytesPerSecond;
  for (let at = 0; at < bytes.length; at += chunk) {
    if (at > 0) await sleep(intervalMs, undefined, { signal });
    await written(response, bytes.subarray(at, at + chunk), signal);
  }
}

/** Resolves once the chunk is handed to the socket, so a cut after the last one does not discard it. */
function written(response: ServerResponse, chunk: Buffer, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    response.write(chunk, (error) => {
      signal.removeEventListener('abort', onAbort);
      if (error === undefined || error === null) resolve();
      else reject(error);
    });
  });
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else
      signal.addEventListener(
        'abort',
        () => {
          resolve();
        },
        { once: true },
      );
  });
}
