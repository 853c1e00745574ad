import type { IncomingMessage } from 'node:http';
import { getCORSHeadersByRequestAndOptions } from '@whatwg-node/server';
import type { CORSOptions } from '@whatwg-node/server';

/** For a request's Origin: the CORS options to answer it with, or false for no CORS headers. */
export type CorsPolicy = (origin: string | null) => CORSOptions | false;

/**
 * Yoga's default CORS reflects any origin with credentials: with a server-held token, any page a
 * user opened could read answers. Only the listed origins get CORS headers, with credentials;
 * same-origin pages (GraphiQL) need none. Given as the whole list, so that with several origins the
 * answer names the one asking and varies by Origin.
 */
export function createCorsPolicy(allowed: readonly string[]): CorsPolicy {
  const origins = new Set(allowed);
  const options: CORSOptions = { origin: [...origins], credentials: true };
  return (origin) => (origin !== null && origins.has(origin) ? options : false);
}

/**
 * The CORS headers of an answer to a node:http request, computed by the same function Yoga's CORS
 * plugin uses (from @whatwg-node/server), so both paths send the same ones. It reads only these
 * request headers.
 */
export function corsHeadersOf(
  request: IncomingMessage,
  policy: CorsPolicy,
): Record<string, string> | null {
  const origin = request.headers.origin;
  if (origin === undefined) return null;
  const options = policy(origin);
  if (options === false) return null;
  const headers = new Headers({ origin });
  for (const name of ['access-control-request-method', 'access-control-request-headers']) {
    const value = request.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  return getCORSHeadersByRequestAndOptions({ headers } as Request, options);
}
