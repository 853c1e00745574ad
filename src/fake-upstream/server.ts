import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createBoundedMemo } from './bounded-memo.js';
import {
  FakeHttpError,
  authenticationError,
  badRequest,
  defaultFaultBody,
  foreignAccount,
  invalidHeaders,
  notFound,
  rateLimited,
  realtimeKitEnvelope,
  routeNotFound,
} from './errors.js';
import { createFaultBook } from './faults.js';
import {
  getParticipant,
  getPeerReport,
  getSession,
  indexSeed,
  listParticipants,
  listSessions,
} from './handlers.js';
import type { HandlerContext } from './handlers.js';
import type { JsonObject } from './json.js';
import type { Query } from './query.js';
import { createRateLimiter } from './rate-limit.js';
import { BASE_PATH, matchRoute, routeLabel } from './routes.js';
import type { RouteMatch } from './routes.js';
import { createSeedData } from './seed-data.js';
import type {
  FakeCall,
  FakeFault,
  FakeUpstream,
  FakeUpstreamOptions,
  FakeVersion,
} from './types.js';
import { isFakeVersion, versionKnobs } from './versions.js';

export const DEMO_TOKEN = 'rtk-demo-token';
export const DEFAULT_SEED = 42;
export const DEFAULT_RATE_LIMIT = { quota: 250, windowSeconds: 10 } as const;

const ACCOUNT_ID = /^[0-9a-f]{32}$/i;
const APP_ID = /^([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const BEARER = /^Bearer (\S+)$/i;
const MEMO_ENTRIES = 64;

interface Outcome {
  status: number;
  body: string | object;
  headers: Record<string, string>;
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** The call log keeps only this: enough to tell tokens apart, useless to replay one. */
export const authHashOf = (header: string): string => sha256(header).slice(0, 16);

/** App ids are accepted as a UUID or as its 32-hex form, since the spec shows both [V]. */
const canonicalAppId = (appId: string): string => appId.replaceAll('-', '').toLowerCase();

export async function startFakeUpstream(options: FakeUpstreamOptions = {}): Promise<FakeUpstream> {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be an integer');
  let version = options.version ?? 'default';
  if (!isFakeVersion(version)) throw new RangeError(`unknown version ${String(version)}`);

  const data = createSeedData(seed);
  const index = indexSeed(data);
  const memo = createBoundedMemo(MEMO_ENTRIES);
  // Accepted tokens are held as hashes, so the fake never keeps a raw token past start-up.
  const tokenHashes = new Set((options.tokens ?? [DEMO_TOKEN]).map(sha256));
  const limiter = createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const faults = createFaultBook();
  const shutdown = new AbortController();
  let calls: FakeCall[] = [];

  function authorize(header: string | undefined): void {
    if (header === undefined) throw authenticationError();
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) throw invalidHeaders();
    if (!tokenHashes.has(sha256(token))) throw authenticationError();
  }

  function dispatch(route: RouteMatch, query: Query): JsonObject {
    const context: HandlerContext = { data, knobs: versionKnobs(version), memo, ...index };
    switch (route.endpoint) {
      case 'sessions':
        return listSessions(context, query);
      case 'session':
        return getSession(context, route.sessionId ?? '', query);
      case 'participants':
        return listParticipants(context, route.sessionId ?? '', query);
      case 'participant':
        return getParticipant(context, route.sessionId ?? '', route.participantId ?? '', query);
      case 'peerReport':
        return getPeerReport(context, route.peerId ?? '', query);
    }
  }

  /** Cloudflare's edge answers first (rate limit, route, auth, account), then RealtimeKit (app, method, query). */
  function respond(
    method: string,
    path: string,
    query: Query,
    authorization: string | undefined,
    authHash: string | null,
    route: RouteMatch | null,
  ): Outcome {
    const rate = limiter.consume(authHash ?? 'anonymous');
    const headers = { ...rate.headers };
    if (!rate.allowed) {
      return {
        status: 429,
        body: rateLimited(),
        headers: { ...headers, 'retry-after': String(rate.resetSeconds) },
      };
    }
    try {
      if (route === null || !ACCOUNT_ID.test(route.accountId)) {
        throw routeNotFound(routeLabel(path));
      }
      authorize(authorization);
      if (route.accountId.toLowerCase() !== data.accountId) throw foreignAccount();
      if (!APP_ID.test(route.appId)) throw badRequest('app_id must be a UUID');
      if (canonicalAppId(route.appId) !== canonicalAppId(data.appId)) {
        throw notFound(`No app found with id ${route.appId}`);
      }
      if (method !== 'GET') {
        throw new FakeHttpError(405, realtimeKitEnvelope(405, `Method ${method} not allowed`), {
          allow: 'GET',
        });
      }
      return { status: 200, body: dispatch(route, query), headers };
    } catch (error) {
      if (!(error instanceof FakeHttpError)) throw error;
      return { status: error.status, body: error.body, headers: { ...headers, ...error.headers } };
    }
  }

  function withFault(outcome: Outcome, fault: FakeFault | undefined): Outcome {
    if (fault === undefined) return outcome;
    const headers = { ...outcome.headers, ...lowercaseKeys(fault.headers ?? {}) };
    if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
    if (fault.status === undefined) {
      return { ...outcome, body: fault.body ?? outcome.body, headers };
    }
    const body =
      fault.body ??
      (fault.status < 400
        ? outcome.body
        : defaultFaultBody(fault.status, statusText(fault.status)));
    return { status: fault.status, body, headers };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    request.resume();
    // Prefixed rather than resolved against a base, so a path starting with `//` stays a path.
    const url = new URL(`http://fake-upstream.invalid${request.url ?? '/'}`);
    const path = url.pathname;
    const query = Object.fromEntries(url.searchParams);
    const method = request.method ?? 'GET';
    const authorization = request.headers.authorization;
    const authHash = authorization === undefined ? null : authHashOf(authorization);
    const route = matchRoute(path);
    calls.push({ method, endpoint: route?.endpoint ?? 'unknown', path, query, authHash });
    const fault = faults.take({
      endpoint: route?.endpoint ?? 'unknown',
      id: route?.lastId ?? null,
    });
    const outcome = withFault(respond(method, path, query, authorization, authHash, route), fault);
    if (fault?.delayMs !== undefined && fault.delayMs > 0) {
      try {
        await sleep(fault.delayMs, undefined, { signal: shutdown.signal });
      } catch {
        request.socket.destroy();
        return;
      }
    }
    if (fault?.drop === 'before-headers') {
      request.socket.destroy();
      return;
    }
    send(request, response, outcome, fault);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        request.socket.destroy();
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      send(request, response, {
        status: 500,
        body: realtimeKitEnvelope(500, `fake upstream bug: ${message}`),
        headers: {},
      });
    });
  });
  // Short keep-alive so test runs and benchmarks exit promptly after close().
  server.keepAliveTimeout = 2000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${host}:${address.port}${BASE_PATH}`,
    accountId: data.accountId,
    appId: data.appId,
    demo: { ...data.demo },
    get calls() {
      return calls.map((call) => ({ ...call, query: { ...call.query } }));
    },
    resetCalls() {
      calls = [];
    },
    injectFault(fault) {
      faults.add(fault);
    },
    clearFaults() {
      faults.clear();
    },
    setVersion(next: FakeVersion) {
      if (!isFakeVersion(next)) throw new RangeError(`unknown version ${String(next)}`);
      version = next;
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        shutdown.abort();
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

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

function send(
  request: IncomingMessage,
  response: ServerResponse,
  outcome: Outcome,
  fault?: FakeFault,
): void {
  const payload = Buffer.from(
    typeof outcome.body === 'string' ? outcome.body : JSON.stringify(outcome.body),
  );
  const headers: OutgoingHttpHeaders = { 'content-type': 'application/json', ...outcome.headers };
  const half = payload.subarray(0, Math.floor(payload.length / 2));
  if (fault?.drop === 'mid-body') {
    // Chunked: no length is promised, so only the abrupt close tells the client the body is cut.
    response.writeHead(outcome.status, headers);
    response.write(half, () => request.socket.destroy());
    return;
  }
  if (fault?.truncateBody === true) {
    response.writeHead(outcome.status, { ...headers, 'content-length': payload.length });
    response.write(half, () => request.socket.destroy());
    return;
  }
  response.writeHead(outcome.status, { ...headers, 'content-length': payload.length });
  response.end(payload);
}
