import type { JsonObject } from './json.js';

/**
 * The two error envelopes that answer under the same host (contract section 5): the Cloudflare API layer (auth,
 * routing, rate limits) and the RealtimeKit service behind it (resource and query errors).
 */

export interface CloudflareErrorEntry {
  readonly code: number;
  readonly message: string;
}

export function cloudflareEnvelope(errors: readonly CloudflareErrorEntry[]): JsonObject {
  return {
    success: false,
    errors: errors.map((error) => ({ code: error.code, message: error.message })),
    messages: [],
    result: null,
  };
}

export function realtimeKitEnvelope(status: number, message: string): JsonObject {
  return { success: false, error: { code: status, message } };
}

/** Thrown by handlers; the server turns it into the matching envelope. */
export class FakeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: JsonObject,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`fake upstream answered ${status}`);
    this.name = 'FakeHttpError';
  }
}

export const badRequest = (detail: string): FakeHttpError =>
  new FakeHttpError(400, realtimeKitEnvelope(400, `BAD_REQUEST: ${detail}`));

export const notFound = (message: string): FakeHttpError =>
  new FakeHttpError(404, realtimeKitEnvelope(404, message));

export function routeNotFound(path: string): FakeHttpError {
  return new FakeHttpError(
    400,
    cloudflareEnvelope([
      {
        code: 7003,
        message: `Could not route to ${path}, perhaps your object identifier is invalid?`,
      },
      { code: 7000, message: 'No route for that URI' },
    ]),
  );
}

export const authenticationError = (): FakeHttpError =>
  new FakeHttpError(403, cloudflareEnvelope([{ code: 10000, message: 'Authentication error' }]));

export const invalidHeaders = (): FakeHttpError =>
  new FakeHttpError(400, cloudflareEnvelope([{ code: 6003, message: 'Invalid request headers' }]));

export const foreignAccount = (): FakeHttpError =>
  new FakeHttpError(
    403,
    cloudflareEnvelope([{ code: 9109, message: 'Unauthorized to access requested resource' }]),
  );

export const rateLimited = (): JsonObject =>
  cloudflareEnvelope([
    { code: 971, message: 'Please wait and consider throttling your request speed' },
  ]);

/** The body a fault sends when it sets a status but no body: the envelope that status would normally carry. */
export function defaultFaultBody(status: number, statusText: string): JsonObject {
  if (status === 429) return rateLimited();
  if (status === 401 || status === 403) {
    return cloudflareEnvelope([{ code: 10000, message: 'Authentication error' }]);
  }
  if (status === 400) return realtimeKitEnvelope(400, 'BAD_REQUEST: injected fault');
  return realtimeKitEnvelope(status, statusText);
}
