import type { FakeEndpoint } from './types.js';

/**
 * Path → endpoint, by shape only: identifiers are checked later, so the call log and fault matching know the
 * endpoint even of requests that are then refused.
 */

export const BASE_PATH = '/client/v4';

export interface RouteMatch {
  readonly endpoint: FakeEndpoint;
  readonly accountId: string;
  readonly appId: string;
  readonly sessionId?: string;
  readonly participantId?: string;
  readonly peerId?: string;
  /** The last id in the path (session, participant or peer), for fault matching. */
  readonly lastId: string | null;
}

export function matchRoute(path: string): RouteMatch | null {
  const segments = path.split('/').filter((segment) => segment.length > 0);
  const [client, v4, accounts, accountId, realtime, kit, appId, sessions, ...rest] = segments;
  if (
    client !== 'client' ||
    v4 !== 'v4' ||
    accounts !== 'accounts' ||
    realtime !== 'realtime' ||
    kit !== 'kit' ||
    sessions !== 'sessions' ||
    accountId === undefined ||
    appId === undefined
  ) {
    return null;
  }
  const base = { accountId, appId };
  const [first, second, third] = rest;
  switch (rest.length) {
    case 0:
      return { ...base, endpoint: 'sessions', lastId: null };
    case 1:
      if (first === undefined) return null;
      return { ...base, endpoint: 'session', sessionId: first, lastId: first };
    case 2:
      if (first === undefined || second === undefined) return null;
      // peer-report shares its segment count with /{session_id}/participants, so it is matched first.
      if (first === 'peer-report')
        return { ...base, endpoint: 'peerReport', peerId: second, lastId: second };
      if (second !== 'participants') return null;
      return { ...base, endpoint: 'participants', sessionId: first, lastId: first };
    case 3:
      if (first === undefined || third === undefined || second !== 'participants') return null;
      return {
        ...base,
        endpoint: 'participant',
        sessionId: first,
        participantId: third,
        lastId: third,
      };
    default:
      return null;
  }
}

/** How Cloudflare names the path in a 7003 message: without the `/client/v4` prefix. */
export function routeLabel(path: string): string {
  return path.startsWith(`${BASE_PATH}/`) ? path.slice(BASE_PATH.length) : path;
}
