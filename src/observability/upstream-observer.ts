import type { DriftKind } from '../upstream/wire.js';

/** The five RealtimeKit endpoints, as metric labels name them. */
export type UpstreamEndpoint =
  'sessions' | 'session' | 'participants' | 'participant' | 'peer_report';

/**
 * How one attempt of an upstream call ended: the HTTP status upstream answered with, or why there
 * was no answer. `circuit_open` and `rate_limited_locally` attempts were refused by the gateway
 * itself and never left the process; `aborted` means the GraphQL client went away.
 */
export type UpstreamOutcome =
  number | 'timeout' | 'network' | 'aborted' | 'circuit_open' | 'rate_limited_locally';

export interface UpstreamAttempt {
  readonly endpoint: UpstreamEndpoint | 'other';
  readonly outcome: UpstreamOutcome;
  /** From sending the request to the last body byte; undefined when nothing was sent. */
  readonly seconds: number | undefined;
}

/**
 * What the transport reports about its calls, so that metrics can be kept without the transport
 * knowing how. Every method is called synchronously on the call's path and must not throw.
 */
export interface UpstreamObserver {
  /** One attempt ended, retried or not. */
  attempt(attempt: UpstreamAttempt): void;
  /** A failed attempt is retried; `reason` is how that attempt ended. */
  retry(endpoint: UpstreamEndpoint | 'other', reason: UpstreamOutcome): void;
  /** A call waits `seconds` because upstream paused its token (429, `Ratelimit: r=0`). */
  rateLimitWait(seconds: number): void;
  /** Upstream said how many calls the token has left (`Ratelimit: r=`). */
  rateLimitRemaining(remaining: number): void;
  /** A call took one from the gateway's own bucket for its token; `remaining` whole calls are left. */
  tokenBucketRemaining(remaining: number): void;
  /**
   * A payload held a key the gateway does not know, or a leaf of the wrong type that it replaced
   * with a field error; `path` is the key path in the resource, list positions written `[]`.
   */
  drift(endpoint: UpstreamEndpoint | 'other', path: string, kind: DriftKind): void;
}

export const noopUpstreamObserver: UpstreamObserver = {
  attempt() {
    // Nothing observes calls unless the gateway passes an observer.
  },
  retry() {
    // As above.
  },
  rateLimitWait() {
    // As above.
  },
  rateLimitRemaining() {
    // As above.
  },
  tokenBucketRemaining() {
    // As above.
  },
  drift() {
    // As above.
  },
};

/*
 * Recognised from the resource path (without the API base or query string) that the client module
 * builds. The peer report is tested first: `/sessions/peer-report/<id>` has the shape of a session
 * path with an extra segment.
 */
const ENDPOINT_PATHS: readonly (readonly [RegExp, UpstreamEndpoint])[] = [
  [/\/sessions\/peer-report\/[^/]+$/, 'peer_report'],
  [/\/sessions\/[^/]+\/participants\/[^/]+$/, 'participant'],
  [/\/sessions\/[^/]+\/participants$/, 'participants'],
  [/\/sessions\/[^/]+$/, 'session'],
  [/\/sessions$/, 'sessions'],
];

/** Which endpoint a resource path belongs to, so that no id ever reaches a label. */
export function upstreamEndpointOf(resourcePath: string): UpstreamEndpoint | 'other' {
  for (const [pattern, endpoint] of ENDPOINT_PATHS) {
    if (pattern.test(resourcePath)) return endpoint;
  }
  return 'other';
}
