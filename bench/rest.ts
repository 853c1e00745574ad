/** The RealtimeKit REST calls of the scenarios, shared by the raw proxy and the direct baseline. */

export interface App {
  /** The fake's origin, e.g. `http://127.0.0.1:PORT`. */
  readonly origin: string;
  /** `/client/v4/accounts/{account}/realtime/kit/{app}`. */
  readonly prefix: string;
}

/** `baseUrl` is the fake's base URL, e.g. `http://127.0.0.1:PORT/client/v4`. */
export function appOf(baseUrl: string, accountId: string, appId: string): App {
  const url = new URL(baseUrl);
  return {
    origin: url.origin,
    prefix: `${url.pathname.replace(/\/$/, '')}/accounts/${accountId}/realtime/kit/${appId}`,
  };
}

const withFilters = (path: string, filters: string | undefined): string =>
  filters === undefined ? path : `${path}?filters=${filters}`;

export const restPath = {
  peerReport: (app: App, peerId: string, filters?: string): string =>
    withFilters(`${app.prefix}/sessions/peer-report/${peerId}`, filters),
  participant: (app: App, sessionId: string, participantId: string, filters?: string): string =>
    withFilters(`${app.prefix}/sessions/${sessionId}/participants/${participantId}`, filters),
  /** The first page, as the gateway asks for it. */
  participants: (app: App, sessionId: string, perPage: number): string =>
    `${app.prefix}/sessions/${sessionId}/participants?page_no=1&per_page=${perPage}`,
};

/** Runs `task` over `items`, at most `limit` at a time; results in the order of `items`. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
