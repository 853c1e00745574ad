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
}

export interface FakeUpstreamOptions {
  /** Seed of the generated data; default 42. */
  seed?: number;
  /** Bearer tokens the fake accepts; default `[DEMO_TOKEN]`. */
  tokens?: readonly string[];
  version?: FakeVersion;
  /** Fixed window per token; default 250 requests per 10 s, RealtimeKit's published limit. */
  rateLimit?: { quota: number; windowSeconds: number };
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
}

/** Ids worth knowing without reading the seed: all belong to the fake's own account and app. */
export interface FakeDemoIds {
  /** The same session as `endedSessionId`. */
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
  /** A copy of the call log, in arrival order. */
  readonly calls: readonly FakeCall[];
  resetCalls(): void;
  injectFault(fault: FakeFault): void;
  clearFaults(): void;
  setVersion(version: FakeVersion): void;
  /** Closes the server and destroys open sockets. */
  close(): Promise<void>;
}
