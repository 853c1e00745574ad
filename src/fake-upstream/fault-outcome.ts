import { defaultFaultBody } from './errors.js';
import type { FakeFault } from './types.js';

/**
 * What a fault changes in the answer itself (status, body, headers), before a byte is sent. How the bytes then go
 * on the wire (delays, drips, drops, hangs) is `delivery.ts`'s business.
 */

export interface Outcome {
  readonly status: number;
  readonly body: string | object;
  readonly headers: Readonly<Record<string, string>>;
}

export function applyFault(
  outcome: Outcome,
  fault: FakeFault | undefined,
  authorization: string | undefined,
): Outcome {
  if (fault === undefined) return outcome;
  const headers: Record<string, string> = {
    ...outcome.headers,
    ...lowercaseKeys(fault.headers ?? {}),
  };
  if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
  if (fault.ratelimitRemaining !== undefined || fault.ratelimitReset !== undefined) {
    headers.ratelimit = overrideRatelimit(headers.ratelimit, {
      r: fault.ratelimitRemaining,
      t: fault.ratelimitReset,
    });
  }
  const status = fault.status ?? outcome.status;
  let body =
    fault.body ??
    (fault.status === undefined || fault.status < 400
      ? outcome.body
      : defaultFaultBody(fault.status, statusText(fault.status)));
  if (fault.echoAuthorization === true && authorization !== undefined && status >= 400) {
    body = echoIntoMessages(body, authorization);
  }
  return { status, body, headers };
}

/**
 * Replaces the `r=`/`t=` parameters of a `Ratelimit` header (`"default";r=249;t=10`), adding any that are
 * missing, so an override keeps whatever else the header says.
 */
export function overrideRatelimit(
  header: string | undefined,
  values: { readonly r: number | undefined; readonly t: number | undefined },
): string {
  const params = (header ?? '"default"').split(';');
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const at = params.findIndex((param) => param.trim().startsWith(`${name}=`));
    if (at === -1) params.push(`${name}=${value}`);
    else params[at] = `${name}=${value}`;
  }
  return params.join(';');
}

/** Both envelopes: every `errors[].message` of Cloudflare's, the `error.message` of RealtimeKit's. */
function echoIntoMessages(body: string | object, authorization: string): string | object {
  if (typeof body === 'string') return body;
  const echo = (message: unknown): string =>
    `${typeof message === 'string' ? message : 'Error'} (Authorization: ${authorization})`;
  const envelope = body as { errors?: unknown; error?: unknown };
  if (Array.isArray(envelope.errors)) {
    return {
      ...body,
      errors: envelope.errors.map((entry: unknown) =>
        isRecord(entry) ? { ...entry, message: echo(entry.message) } : entry,
      ),
    };
  }
  if (isRecord(envelope.error)) {
    return { ...body, error: { ...envelope.error, message: echo(envelope.error.message) } };
  }
  return body;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function statusText(status: number): string {
  return STATUS_TEXT[status] ?? 'Injected fault';
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  404: 'Not found',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

function lowercaseKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
}
