/** The five upstream endpoints the fake serves, named as the call log and fault matching see them. */
export type FakeEndpoint = 'sessions' | 'session' | 'participants' | 'participant' | 'peerReport';

/**
 * Which of the 2026 spec revisions the fake answers in. `default` mixes the two seed documents (participant
 * details version A, peer report version B); see `versions.ts` for the knobs behind each letter.
 */
export type FakeVersion = 'default' | 'A' | 'B' | 'C' | 'D';

/** One request as the fake saw it. The raw token is never kept: only a short hash of the header. */
export interface FakeCall {
  method: string;
  endpoint: FakeEndpoint | 'unknown';
  /** The URL path without its query string. */
  path: string;
  /** The raw query parameters (the last value wins when a name repeats). */
  query: Record<string, string>;
  /** The first 16 hex chars of sha256 of the whole Authorization header value; null when absent. */
  authHash: string | null;
  /** When the request arrived, in epoch milliseconds (fractional): for tests that bound call rates. */
  receivedAt: number;
}

/** A scripted misbehaviour applied to matching requests, in injection order. */
export interface FakeFault {
  /** `id` is the last id in the path: the session, participant or peer id. */
  match?: { endpoint?: FakeEndpoint; id?: string };
  /** How many matching requests it applies to; without it, until `clearFaults()`. */
  times?: number;
  /** Wait this long before sending headers. */
  delayMs?: number;
  /** Reply with this status instead of the normal response... */
  status?: number;
  /** ...and this body (an object is sent as JSON); without it, a fitting error envelope. */
  body?: string | object;
  headers?: Record<string, string>;
  /** Sets Retry-After. */
  retryAfter?: string | number;
  /**
   * Destroy the socket: `before-headers` sends nothing; `mid-body` sends the headers (chunked, so no length is
   * promised) and half of the body, then destroys.
   */
  drop?: 'before-headers' | 'mid-body';
  /** Declare the full content-length but send only half of the body, then destroy. */
  truncateBody?: boolean;
  /**
   * Send the headers at once, then the body (normal or faulted, whole or the part `drop`/`truncateBody` leave) a
   * few bytes at a time at this rate, so only a client's total deadline, not an idle timeout, ends it. Stops when
   * the client disconnects or the fake closes. Not with `drop: 'before-headers'`.
   */
  dripBytesPerSecond?: number;
  /**
   * Accept the request and never answer: no headers, no body, until the client disconnects or the fake closes.
   * Only `match` and `times` may accompany it.
   */
  hang?: true;
  /** Overrides `r=` (requests remaining) in the response's `Ratelimit` header, e.g. 0; a whole number ≥ 0. */
  ratelimitRemaining?: number;
  /** Overrides `t=` (seconds until the window resets) in the response's `Ratelimit` header; a whole number ≥ 0. */
  ratelimitReset?: number;
  /**
   * Append the request's whole Authorization header value to every message of the error body, as a careless
   * upstream might: lets a test show that the client never passes an upstream body on. Applies to error envelopes
   * only (status ≥ 400, normal or injected); a success body, or a request without the header, is left as is. Not
   * with `body`.
   */
  echoAuthorization?: true;
}

/** One account the fake serves, with the tokens allowed to read it. */
export interface FakeTenantOptions {
  /** 32 hex chars; kept lowercase. */
  accountId: string;
  /** A UUID or 32 hex chars; default the one generated from the tenant's seed. */
  appId?: string;
  /** Bearer tokens that may read this account; a token listed by several tenants reads all of them. */
  tokens: readonly string[];
  /** Seed of this tenant's data; default one derived from the base `seed` and `accountId`. */
  seed?: number;
}

/** What a test needs to address one tenant's data. */
export interface FakeTenant {
  readonly accountId: string;
  readonly appId: string;
  /** The seed its data was generated from. */
  readonly seed: number;
  readonly demo: FakeDemoIds;
}

export interface FakeUpstreamOptions {
  /** Seed of the generated data; default 42. */
  seed?: number;
  /** Bearer tokens the fake accepts; default `[DEMO_TOKEN]`. Not used when `tenants` is given. */
  tokens?: readonly string[];
  /**
   * Serve several accounts instead of the single seeded one, each with its own data and tokens. A token may read
   * only the accounts of the tenants that list it: any other well-formed account id gets 403 / 9109
   * "Unauthorized to access requested resource"; a token no tenant lists gets 403 / 10000. The first tenant is the
   * one `accountId`, `appId` and `demo` describe. Without it: one tenant, the seed's own account, read by `tokens`.
   */
  tenants?: readonly FakeTenantOptions[];
  /**
   * Mark every record with its tenant, in string fields a client passes through unchanged (free text that zod
   * validation accepts and GraphQL returns), so a test can see whose data reached a response:
   * - participants, participant-list items and peer reports: `custom_participant_id` becomes
   *   `<accountId>:<custom id>`;
   * - sessions and their breakout rooms: `meeting_display_name` becomes `<accountId>: <name>`.
   *
   * Default false: the fields carry the seed's plain values.
   */
  markTenants?: boolean;
  version?: FakeVersion;
  /** Fixed window per token; default 250 requests per 10 s, RealtimeKit's published limit. */
  rateLimit?: { quota: number; windowSeconds: number };
  /**
   * The fake's clock: milliseconds elapsed since its start, read on every request. At 0 (the start) the data is the
   * seed's, as at `SEED_NOW`; later, LIVE sessions go on (see `live.ts`): peers leave and join, every peer still in
   * gains a quality sample per 7 s tick, and the sessions' counts follow. The world changes only from one 7 s tick to
   * the next (the elapsed time is rounded down to a multiple of `SAMPLE_INTERVAL_MS`), and the same seed at the same
   * elapsed time gives the same bytes. ENDED sessions never change. Default: real time since `startFakeUpstream` was
   * called (for demos); tests inject one, e.g. `() => 0` for the state at the start, or a variable they advance.
   */
  clock?: () => number;
  /**
   * Minutes after the fake's start (by `clock`) at which its LIVE sessions end: from then on they are ENDED, with
   * `ended_at` that instant, everyone still in the call having left then. A number ≥ 0 (fractions allowed).
   * Default: LIVE sessions stay live forever. `npm run fake` reads it from `FAKE_LIVE_SESSION_MINUTES`.
   */
  liveSessionMinutes?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
}

/** Ids worth knowing without reading the seed: all belong to one account and app (the first tenant's in `demo`). */
export interface FakeDemoIds {
  /**
   * The same session as `endedSessionId`. Its participants show every verdict and issue kind of a call-quality check
   * on `peer_report.quality` (see `SESSION_PLANS` in seed-data.ts).
   */
  sessionId: string;
  /** A good-call participant of that session who left normally and never rejoined. */
  participantId: string;
  /** The same peer as `participantId`: a participant's id is its peer id. */
  peerId: string;
  endedSessionId: string;
  liveSessionId: string;
  /** A session with at least 30 participants, for fan-out. */
  largeSessionId: string;
}

export interface FakeUpstream {
  /** E.g. `http://127.0.0.1:PORT/client/v4`: the base URL a client appends `/accounts/...` to. */
  readonly url: string;
  readonly accountId: string;
  readonly appId: string;
  readonly demo: FakeDemoIds;
  /** Every tenant, in the order given; without the `tenants` option, the one seeded account. */
  readonly tenants: readonly FakeTenant[];
  /**
   * Requests received whose response has neither finished nor been cut off: delayed, dripping or hung ones. Lets a
   * test see that a client's abort reached the fake. It catches up a tick after the socket closes, so poll it.
   */
  readonly inFlight: number;
  /**
   * The highest `inFlight` since the fake started or `resetCalls()` was last called: how many requests a client had
   * open at once, e.g. to check a concurrency bound.
   */
  readonly maxInFlight: number;
  /** A copy of the call log, in arrival order. */
  readonly calls: readonly FakeCall[];
  /** Empties the call log and restarts `maxInFlight` from the requests still in flight. */
  resetCalls(): void;
  injectFault(fault: FakeFault): void;
  clearFaults(): void;
  setVersion(version: FakeVersion): void;
  /** Closes the server and destroys open sockets. */
  close(): Promise<void>;
}
