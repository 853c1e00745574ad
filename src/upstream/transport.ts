import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import type { AttemptTrace, CallTrace } from '../observability/tracing.js';
import { noopUpstreamObserver, upstreamEndpointOf } from '../observability/upstream-observer.js';
import type {
  UpstreamEndpoint,
  UpstreamObserver,
  UpstreamOutcome,
} from '../observability/upstream-observer.js';
import { createCircuitBreaker } from './circuit-breaker.js';
import type { BreakerSettings } from './circuit-breaker.js';
import {
  circuitOpen,
  errorFromResponse,
  errorFromTransport,
  parseRetryAfter,
  rateLimitedLocally,
  upstreamBadResponse,
} from './errors.js';
import type { GatewayError } from './errors.js';
import { createLimiter } from './limiter.js';
import { createRateBudget, DEFAULT_MAX_PAUSE_MS, parseRatelimitHeader } from './rate-budget.js';
import type { RateBudget, TokenBucketSettings } from './rate-budget.js';
import { backoffDelayMs, isRetryable } from './retry-policy.js';
import type { RetrySettings } from './retry-policy.js';
import { ReadContext } from './wire.js';
import type { DriftKind, JsonType } from './wire.js';
import { createTokenKeyer } from './token-key.js';
import type { TokenKeyer } from './token-key.js';

export interface TransportOptions {
  /** Base URL up to and including the API version, e.g. `https://api.cloudflare.com/client/v4`. */
  readonly baseUrl: string;
  readonly connectTimeoutMs: number;
  /**
   * How long an attempt may wait for the response head once the request is sent. An upstream that
   * is up but stuck is then given up on early, leaving the rest of the operation's deadline to a
   * retry, while a slow but streaming body still gets the whole attempt deadline. undici checks
   * it about twice a second, so it fires up to about a second late.
   */
  readonly headersTimeoutMs: number;
  /** Deadline of one attempt, from sending the request to the last body byte. */
  readonly requestTimeoutMs: number;
  readonly maxResponseBytes: number;
  /** Keep-alive connections to the upstream origin. */
  readonly connections: number;
  /** Upstream calls in flight at once across all requests. */
  readonly concurrency: number;
  readonly retries: RetrySettings;
  readonly tokenBucket: TokenBucketSettings;
  readonly breaker: BreakerSettings;
  readonly logger?: Logger;
  /**
   * The per-token budgets of upstream calls: one shared by every replica through Redis, or by
   * default one of this process's own with `tokenBucket`'s settings.
   */
  readonly budget?: RateBudget;
  /** Keys the per-token rate budgets; its own keyer by default. */
  readonly tokenKeyOf?: TokenKeyer;
  /** Told about every attempt, retry and rate-limit wait (for metrics); nothing by default. */
  readonly observer?: UpstreamObserver;
  /** Clock and randomness, replaceable so that policies can be tested deterministically. */
  readonly now?: () => number;
  readonly random?: () => number;
}

/** Per-call inputs that come from the GraphQL request rather than from the resource. */
export interface CallContext {
  /** The full `Authorization` header value to send upstream. */
  readonly authorization: string;
  /** Aborts the call when the client goes away or the operation's deadline passes. */
  readonly signal?: AbortSignal;
  /** Epoch milliseconds by which the GraphQL operation must be answered. */
  readonly deadline: number;
  /** `authorization` keyed by the transport's `tokenKeyOf`, when the caller already computed it. */
  readonly tokenKey?: string;
  /** Told of each call taken from the token's budget (retries too): live polls measure their cost. */
  readonly onBudgetTaken?: () => void;
  /**
   * The trace the call is made for (an operation, or an event of a subscription): each attempt
   * is a span of it. Undefined when tracing is off, which then costs one branch per attempt.
   */
  readonly trace?: CallTrace;
}

/** Query parameters, by their RealtimeKit names; undefined values are not sent. */
export type Query = Readonly<Record<string, string | undefined>>;

/** A validated payload and the size of the body it came in, for caches that bound their bytes. */
export interface Sized<T> {
  readonly value: T;
  readonly bytes: number;
  /** The body the value was read from: what a cache shared by replicas keeps (see SharedEntry). */
  readonly body?: string;
}

/** Reads a parsed body into the resource, throwing a GatewayError when its structure is wrong. */
export type BodyReader<T> = (body: unknown, at: ReadContext) => T;

export interface Transport {
  getJson<T>(path: string, query: Query, read: BodyReader<T>, call: CallContext): Promise<Sized<T>>;
  close(): Promise<void>;
}

/** The error bodies both layers of the Cloudflare API return; only the codes are read. */
const UpstreamErrorBody = z.object({
  errors: z.array(z.object({ code: z.number() })).optional(),
  error: z.object({ code: z.union([z.number(), z.string()]) }).optional(),
});

/** Error bodies are only read for their codes, so a small cap is enough. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, value);
  }
  const encoded = params.toString();
  return encoded === '' ? '' : `?${encoded}`;
}

function headerValue(
  headers: Dispatcher.ResponseData['headers'],
  name: string,
): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readCapped(
  body: Dispatcher.ResponseData['body'],
  maxBytes: number,
): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      body.destroy();
      return undefined;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function cloudflareCodes(text: string | undefined): number[] {
  if (text === undefined) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const parsed = UpstreamErrorBody.safeParse(json);
  return parsed.success ? (parsed.data.errors ?? []).map((entry) => entry.code) : [];
}

/** Distinct drift sightings logged per transport; later ones are only counted. */
const MAX_DRIFT_LOGGED = 500;

const secondsFrom = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/** Whether a signal fired because a deadline passed (AbortSignal.timeout), not a disconnect. */
function abortedByTimeout(signal: AbortSignal | undefined): boolean {
  const reason: unknown = signal?.aborted ? signal.reason : undefined;
  return reason instanceof DOMException && reason.name === 'TimeoutError';
}

/**
 * An attempt's abort signal: its own deadline or the call's signal, whichever fires first. A plain
 * controller and timer, cleared as soon as the attempt ends: AbortSignal.timeout and
 * AbortSignal.any leave a timer and weak references behind on every call, which showed in profiles.
 */
function attemptSignal(parent: AbortSignal | undefined, ms: number) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The upstream attempt timed out.', 'TimeoutError'));
  }, ms);
  timer.unref();
  const onAbort = () => {
    controller.abort(parent?.reason);
  };
  if (parent?.aborted === true) onAbort();
  else parent?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * How a failed attempt ended, for metrics: an answer that was refused (a body over the size cap)
 * keeps its status; a client that went away is not an upstream failure.
 */
function failedOutcome(
  failure: GatewayError,
  answeredStatus: number | undefined,
  clientGone: boolean,
): UpstreamOutcome {
  if (failure.code === 'UPSTREAM_TIMEOUT') return 'timeout';
  if (failure.code === 'UPSTREAM_BAD_RESPONSE' && answeredStatus !== undefined) {
    return answeredStatus;
  }
  return clientGone ? 'aborted' : 'network';
}

/** Why a call is retried, in the same words as the attempt's outcome. */
function retryReason(failure: GatewayError): UpstreamOutcome {
  const { upstreamStatus } = failure.extensions;
  if (upstreamStatus !== undefined) return upstreamStatus;
  return failure.code === 'UPSTREAM_TIMEOUT' ? 'timeout' : 'network';
}

/**
 * The only component that speaks HTTP to RealtimeKit, and the only layer that retries. For every
 * call it checks the circuit breaker and the token's rate budget, runs under the process-wide
 * concurrency bound, enforces the per-attempt and per-operation deadlines and the response-size
 * cap, maps failures to gateway codes, learns from `Ratelimit` and `Retry-After`, retries what is
 * worth retrying, and validates the payload. Callers get validated data or a GatewayError.
 */
export function createTransport(options: TransportOptions): Transport {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const observer = options.observer ?? noopUpstreamObserver;
  const base = new URL(options.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const pool = new Pool(base.origin, {
    connections: options.connections,
    connect: { timeout: options.connectTimeoutMs },
    headersTimeout: options.headersTimeoutMs,
    // The attempt deadline below is the real bound of a body; this only stops a silent one earlier.
    bodyTimeout: options.requestTimeoutMs,
  });
  const limit = createLimiter(options.concurrency);
  const breaker = createCircuitBreaker(options.breaker, now);
  const budget = options.budget ?? createRateBudget(options.tokenBucket, now);
  // Budgets are keyed by a keyed hash, so no token is held in memory as a map key or ever logged.
  const tokenKeyOf = options.tokenKeyOf ?? createTokenKeyer();
  const maxPauseSeconds = Math.ceil(
    (options.tokenBucket.maxPauseMs ?? DEFAULT_MAX_PAUSE_MS) / 1000,
  );
  /** Upstream's `Retry-After`, no longer than the longest pause the gateway accepts. */
  const capPauseSeconds = (seconds: number | undefined) =>
    seconds === undefined ? undefined : Math.min(seconds, maxPauseSeconds);
  // The first sighting of each kind of drift is logged once; the set is bounded like the metric's
  // paths, so a payload that invents a new key per call cannot grow it without end.
  const driftSeen = new Set<string>();

  /** Counts a key the reader did not know or a leaf it replaced, and logs its first sighting. */
  function drift(
    endpoint: UpstreamEndpoint | 'other',
    path: string,
    kind: DriftKind,
    seen: JsonType,
  ): void {
    observer.drift(endpoint, path, kind);
    const key = `${endpoint} ${kind} ${path}`;
    if (driftSeen.has(key) || driftSeen.size >= MAX_DRIFT_LOGGED) return;
    driftSeen.add(key);
    options.logger?.warn('upstream payload drift', { endpoint, path, kind, seen });
  }

  /**
   * Waits out a pause upstream asked for, if it ends in time; otherwise fails fast. Gives the
   * calls left in the bucket once this one is taken.
   */
  async function takeBudget(
    tokenKey: string,
    call: CallContext,
    endpoint: UpstreamEndpoint | 'other',
    traced: AttemptTrace | undefined,
  ): Promise<number> {
    for (;;) {
      const decision = await budget.take(tokenKey);
      if (decision.ok) {
        observer.tokenBucketRemaining(decision.remaining);
        call.onBudgetTaken?.();
        return decision.remaining;
      }
      if (!decision.paused || now() + decision.waitMs > call.deadline) {
        observer.attempt({ endpoint, outcome: 'rate_limited_locally', seconds: undefined });
        traced?.outcome('rate_limited_locally');
        throw rateLimitedLocally(secondsFrom(decision.waitMs));
      }
      observer.rateLimitWait(decision.waitMs / 1000);
      traced?.waited(decision.waitMs);
      await sleep(decision.waitMs, undefined, { signal: call.signal });
    }
  }

  async function attempt<T>(
    path: string,
    read: BodyReader<T>,
    tokenKey: string,
    call: CallContext,
    endpoint: UpstreamEndpoint | 'other',
    traced: AttemptTrace | undefined,
  ): Promise<Sized<T>> {
    const bucketRemaining = await takeBudget(tokenKey, call, endpoint, traced);
    if (!breaker.tryAcquire()) {
      observer.attempt({ endpoint, outcome: 'circuit_open', seconds: undefined });
      traced?.outcome('circuit_open');
      throw circuitOpen(secondsFrom(breaker.retryInMs()));
    }

    const started = now();
    const attemptMs = Math.max(1, Math.min(options.requestTimeoutMs, call.deadline - started));
    const deadline = attemptSignal(call.signal, attemptMs);
    let status: number;
    let headers: Dispatcher.ResponseData['headers'];
    let text: string | undefined;
    let answeredStatus: number | undefined;
    try {
      ({ status, headers, text } = await limit(async () => {
        const response = await pool.request({
          method: 'GET',
          path,
          headers: {
            authorization: call.authorization,
            accept: 'application/json',
            'user-agent': 'realtimekit-graphql',
          },
          signal: deadline.signal,
        });
        answeredStatus = response.statusCode;
        const ok = response.statusCode >= 200 && response.statusCode < 300;
        const body = await readCapped(
          response.body,
          ok ? options.maxResponseBytes : MAX_ERROR_BODY_BYTES,
        );
        if (ok && body === undefined) {
          throw upstreamBadResponse(`the body exceeds ${options.maxResponseBytes} bytes`);
        }
        return { status: response.statusCode, headers: response.headers, text: body };
      }));
    } catch (error) {
      const timedOut = deadline.timedOut() || abortedByTimeout(call.signal);
      const failure = errorFromTransport(error, timedOut);
      // A call our own client abandoned says nothing about upstream's health: counting it would
      // let anyone open the breaker for every tenant by hanging up on a few requests.
      const clientGone = call.signal?.aborted === true && !timedOut;
      if (clientGone) breaker.onAbandon();
      else if (failure.code === 'UPSTREAM_BAD_RESPONSE') breaker.onSuccess();
      else breaker.onFailure();
      options.logger?.debug('upstream call failed', {
        path,
        code: failure.code,
        ms: now() - started,
      });
      const outcome = failedOutcome(failure, answeredStatus, clientGone);
      observer.attempt({ endpoint, outcome, seconds: (now() - started) / 1000 });
      traced?.outcome(outcome);
      throw failure;
    } finally {
      deadline.dispose();
    }
    options.logger?.debug('upstream call', { path, status, ms: now() - started });
    observer.attempt({ endpoint, outcome: status, seconds: (now() - started) / 1000 });
    traced?.outcome(status);

    if (status >= 500) breaker.onFailure();
    else breaker.onSuccess();
    const ratelimit = parseRatelimitHeader(headerValue(headers, 'ratelimit'));
    if (ratelimit) {
      observer.rateLimitRemaining(ratelimit.remaining);
      // Only a reading below the bucket's level can lower it: the rest would cost a shared
      // budget a round trip to Redis for nothing.
      if (ratelimit.remaining < bucketRemaining) {
        budget.observeRemaining(tokenKey, ratelimit.remaining);
      }
      if (ratelimit.remaining === 0) {
        await budget.pause(tokenKey, now() + ratelimit.resetSeconds * 1000);
      }
    }

    if (status < 200 || status >= 300) {
      const retryAfter = capPauseSeconds(
        parseRetryAfter(headerValue(headers, 'retry-after'), now()),
      );
      // After a 429 no call of this token goes out until Retry-After ends, whoever makes it.
      if (status === 429 && retryAfter !== undefined) {
        await budget.pause(tokenKey, now() + retryAfter * 1000);
      }
      throw errorFromResponse({ status, cloudflareCodes: cloudflareCodes(text), retryAfter });
    }
    let json: unknown;
    try {
      json = JSON.parse(text ?? '');
    } catch (error) {
      throw upstreamBadResponse('the body is not JSON', error);
    }
    const at = new ReadContext((where, kind, seen) => {
      drift(endpoint, where, kind, seen);
    });
    const value = read(json, at);
    return { value, bytes: text?.length ?? 0, body: text };
  }

  return {
    async getJson(resourcePath, query, read, call) {
      const path = `${basePath}${resourcePath}${queryString(query)}`;
      const tokenKey = call.tokenKey ?? tokenKeyOf(call.authorization);
      const endpoint = upstreamEndpointOf(resourcePath);
      let retryDelayMs = 0;
      for (let retry = 0; ; retry += 1) {
        // Ended here rather than in attempt(), so that the span covers reading the payload and
        // carries the code the attempt failed with, however it failed.
        const traced = call.trace?.attempt(endpoint, retry + 1, retryDelayMs);
        try {
          const sized = await attempt(path, read, tokenKey, call, endpoint, traced);
          traced?.end(undefined);
          return sized;
        } catch (error) {
          const failure = errorFromTransport(error, abortedByTimeout(call.signal));
          traced?.end(failure.code);
          if (retry >= options.retries.max || !isRetryable(failure) || call.signal?.aborted) {
            throw failure;
          }
          // Only a retryable answer of upstream's carries its Retry-After here (a 429 or a 5xx,
          // a 503 above all); the gateway's own pauses are never retried (see isRetryable).
          const retryAfter = failure.extensions.retryAfter;
          const delayMs =
            retryAfter === undefined
              ? backoffDelayMs(retry, options.retries, random)
              : retryAfter * 1000;
          // Honour Retry-After exactly, or not at all: never retry early, never outlive the deadline.
          if (now() + delayMs > call.deadline) throw failure;
          observer.retry(endpoint, retryReason(failure));
          options.logger?.debug('upstream retry', { path, code: failure.code, delayMs });
          retryDelayMs = delayMs;
          try {
            await sleep(delayMs, undefined, { signal: call.signal });
          } catch {
            throw failure;
          }
        }
      }
    },
    async close() {
      await pool.close();
    },
  };
}
