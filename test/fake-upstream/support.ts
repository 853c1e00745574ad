import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import type { FakeTenant, FakeUpstream } from '../../src/fake-upstream/index.js';

/** Real HTTP against the fake over loopback: what every client of the fake does. */

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: unknown;
}

export interface CallOptions {
  /** `null` sends no Authorization header. */
  readonly token?: string | null;
  readonly authorization?: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly method?: string;
}

export function appUrl(fake: FakeUpstream): string {
  return `${fake.url}/accounts/${fake.accountId}/realtime/kit/${fake.appId}`;
}

/** The app prefix of one tenant of a multi-tenant fake. */
export function tenantUrl(
  fake: FakeUpstream,
  tenant: Pick<FakeTenant, 'accountId' | 'appId'>,
): string {
  return `${fake.url}/accounts/${tenant.accountId}/realtime/kit/${tenant.appId}`;
}

/** Polls until `done()` holds, for what the fake does after a client has gone: no fixed sleeps. */
export async function eventually(done: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function request(url: string, options: CallOptions = {}): Promise<Reply> {
  const target = new URL(url);
  for (const [name, value] of Object.entries(options.query ?? {})) {
    target.searchParams.set(name, value);
  }
  const token = options.token === undefined ? DEMO_TOKEN : options.token;
  const headers: Record<string, string> = {};
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  else if (token !== null) headers.authorization = `Bearer ${token}`;
  const response = await fetch(target, { method: options.method ?? 'GET', headers });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** GET a path under the fake's own account and app, e.g. `/sessions`. */
export function get(fake: FakeUpstream, path: string, options: CallOptions = {}): Promise<Reply> {
  return request(`${appUrl(fake)}${path}`, options);
}

export const realtimeKitError = (code: number, message: string): unknown => ({
  success: false,
  error: { code, message },
});

export const cloudflareError = (...errors: { code: number; message: string }[]): unknown => ({
  success: false,
  errors,
  messages: [],
  result: null,
});
