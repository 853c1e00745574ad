import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBoundedMemo } from './bounded-memo.js';
import { deliver, writeWhole } from './delivery.js';
import {
  FakeHttpError,
  authenticationError,
  badRequest,
  foreignAccount,
  invalidHeaders,
  notFound,
  rateLimited,
  realtimeKitEnvelope,
  routeNotFound,
} from './errors.js';
import { applyFault } from './fault-outcome.js';
import type { Outcome } from './fault-outcome.js';
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
import { createLiveWorld } from './live.js';
import type { LiveWorld } from './live.js';
import type { Query } from './query.js';
import { createRateLimiter } from './rate-limit.js';
import { BASE_PATH, matchRoute, routeLabel } from './routes.js';
import type { RouteMatch } from './routes.js';
import {
  ACCOUNT_ID,
  APP_ID,
  canonicalAppId,
  participantMark,
  resolveTenants,
  sha256,
} from './tenants.js';
import type { ResolvedTenant } from './tenants.js';
import type {
  FakeCall,
  FakeTenant,
  FakeUpstream,
  FakeUpstreamOptions,
  FakeVersion,
} from './types.js';
import { isFakeVersion, versionKnobs } from './versions.js';

export const DEMO_TOKEN = 'rtk-demo-token';
export const DEFAULT_SEED = 42;
export const DEFAULT_RATE_LIMIT = { quota: 250, windowSeconds: 10 } as const;

const BEARER = /^Bearer (\S+)$/i;
const MEMO_ENTRIES = 64;

/** The call log keeps only this: enough to tell tokens apart, useless to replay one. */
export const authHashOf = (header: string): string => sha256(header).slice(0, 16);

/** A tenant's data with what the handlers need beside it; the memo is per tenant, as peer ids are. */
interface ServedTenant extends ResolvedTenant {
  readonly context: Omit<HandlerContext, 'knobs'>;
  /** Its LIVE sessions as the clock sees them: `data`, `sessions` and `peers` at an elapsed time. */
  readonly live: LiveWorld;
}

/** Real time since `startFakeUpstream` was called, for demos: LIVE sessions go on as the minutes pass. */
function realClock(): () => number {
  const startedAt = performance.now();
  return () => performance.now() - startedAt;
}

export async function startFakeUpstream(options: FakeUpstreamOptions = {}): Promise<FakeUpstream> {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be an integer');
  let version = options.version ?? 'default';
  if (!isFakeVersion(version)) throw new RangeError(`unknown version ${String(version)}`);
  const { liveSessionMinutes } = options;
  if (
    liveSessionMinutes !== undefined &&
    !(Number.isFinite(liveSessionMinutes) && liveSessionMinutes >= 0)
  ) {
    throw new RangeError('liveSessionMinutes must be a number ≥ 0');
  }
  const clock = options.clock ?? realClock();

  // Accepted tokens are held as hashes, so the fake never keeps a raw token past start-up.
  const directory = resolveTenants({
    baseSeed: seed,
    tokens: options.tokens ?? [DEMO_TOKEN],
    tenants: options.tenants,
    markTenants: options.markTenants ?? false,
  });
  const served = new Map<string, ServedTenant>(
    directory.tenants.map((tenant) => [
      tenant.accountId,
      {
        ...tenant,
        context: {
          data: tenant.data,
          memo: createBoundedMemo(MEMO_ENTRIES),
          ...indexSeed(tenant.data),
        },
        live: createLiveWorld({
          data: tenant.data,
          endAfterMs: liveSessionMinutes === undefined ? null : liveSessionMinutes * 60_000,
          mapJoiner: options.markTenants === true ? participantMark(tenant.accountId) : undefined,
        }),
      },
    ]),
  );
  const [primary] = directory.tenants;
  if (primary === undefined) throw new Error('the fake serves no tenant');
  const limiter = createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const faults = createFaultBook();
  const shutdown = new AbortController();
  let calls: FakeCall[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  /** The accounts the header's token may read; throws the Cloudflare error for a missing or unknown one. */
  function authorize(header: string | undefined): ReadonlySet<string> {
    if (header === undefined) throw authenticationError();
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) throw invalidHeaders();
    const accounts = directory.accountsByTokenHash.get(sha256(token));
    if (accounts === undefined) throw authenticationError();
    return accounts;
  }

  function dispatch(tenant: ServedTenant, route: RouteMatch, query: Query): JsonObject {
    const context: HandlerContext = {
      ...tenant.context,
      ...tenant.live.at(clock()),
      knobs: versionKnobs(version),
    };
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
    // Per token, whichever tenant it reads: Cloudflare counts a token's calls, not an account's.
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
      const readable = authorize(authorization);
      const accountId = route.accountId.toLowerCase();
      const tenant = served.get(accountId);
      // An account the fake does not serve and one the token may not read look the same, as on Cloudflare.
      if (tenant === undefined || !readable.has(accountId)) throw foreignAccount();
      if (!APP_ID.test(route.appId)) throw badRequest('app_id must be a UUID');
      if (canonicalAppId(route.appId) !== canonicalAppId(tenant.appId)) {
        throw notFound(`No app found with id ${route.appId}`);
      }
      if (method !== 'GET') {
        throw new FakeHttpError(405, realtimeKitEnvelope(405, `Method ${method} not allowed`), {
          allow: 'GET',
        });
      }
      return { status: 200, body: dispatch(tenant, route, query), headers };
    } catch (error) {
      if (!(error instanceof FakeHttpError)) throw error;
      return { status: error.status, body: error.body, headers: { ...headers, ...error.headers } };
    }
  }

  /**
   * Aborts when the response closes unfinished (the client went away, or close() destroyed the socket) or the
   * fake shuts down; without AbortSignal.any, so no listener outlives its request on the long-lived shutdown signal.
   */
  function exchangeSignal(response: ServerResponse): AbortSignal {
    const ended = new AbortController();
    const onShutdown = (): void => {
      ended.abort();
    };
    shutdown.signal.addEventListener('abort', onShutdown, { once: true });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    response.once('close', () => {
      inFlight -= 1;
      shutdown.signal.removeEventListener('abort', onShutdown);
      ended.abort();
    });
    if (shutdown.signal.aborted) ended.abort();
    return ended.signal;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const signal = exchangeSignal(response);
    request.resume();
    // Prefixed rather than resolved against a base, so a path starting with `//` stays a path.
    const url = new URL(`http://fake-upstream.invalid${request.url ?? '/'}`);
    const path = url.pathname;
    const query = Object.fromEntries(url.searchParams);
    const method = request.method ?? 'GET';
    const authorization = request.headers.authorization;
    const authHash = authorization === undefined ? null : authHashOf(authorization);
    const route = matchRoute(path);
    calls.push({
      method,
      endpoint: route?.endpoint ?? 'unknown',
      path,
      query,
      authHash,
      receivedAt: performance.timeOrigin + performance.now(),
    });
    const fault = faults.take({
      endpoint: route?.endpoint ?? 'unknown',
      id: route?.lastId ?? null,
    });
    const outcome = applyFault(
      respond(method, path, query, authorization, authHash, route),
      fault,
      authorization,
    );
    await deliver({ request, response, signal }, outcome, fault);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        request.socket.destroy();
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      writeWhole(response, {
        status: 500,
        body: realtimeKitEnvelope(500, `fake upstream bug: ${message}`),
        headers: {},
      });
    });
  });
  // undici subtracts a 2 s safety margin from the server's keep-alive hint, so anything at or below
  // 2 s makes every call open a new connection; close() ends idle connections itself.
  server.keepAliveTimeout = 10_000;

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
  const tenants: readonly FakeTenant[] = directory.tenants.map((tenant) => ({
    accountId: tenant.accountId,
    appId: tenant.appId,
    seed: tenant.seed,
    demo: { ...tenant.data.demo },
  }));

  return {
    url: `http://${host}:${address.port}${BASE_PATH}`,
    accountId: primary.accountId,
    appId: primary.appId,
    demo: { ...primary.data.demo },
    get tenants() {
      return tenants.map((tenant) => ({ ...tenant, demo: { ...tenant.demo } }));
    },
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    get calls() {
      return calls.map((call) => ({ ...call, query: { ...call.query } }));
    },
    resetCalls() {
      calls = [];
      maxInFlight = inFlight;
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
