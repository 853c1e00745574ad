import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import type { Client, ExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import { startHarness } from '../support/harness.js';
import { manualSchedule, openSse } from '../support/live.js';
import type { Harness } from '../support/harness.js';

/*
 * graphql-ws over a real WebSocket, on the gateway's own port and path, with the graphql-ws
 * package's own client (as Apollo Client's GraphQLWsLink and urql's subscriptionExchange use it).
 * The shared polls' ticks are fired by the test.
 */

const clock = manualSchedule();

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    fake: { tokens: [DEMO_TOKEN, 'second-token'] },
    gateway: {
      live: { intervalMs: 7000, maxPerToken: 25, maxTotal: 100, schedule: clock.schedule },
      corsOrigins: ['https://dashboard.example'],
    },
  });
});
afterAll(() => h.close());

const wsUrl = () => h.url.replace(/^http/, 'ws');

function client(
  connectionParams?: Record<string, string>,
  options: WebSocket.ClientOptions = {},
): Client {
  return createClient({
    url: wsUrl(),
    connectionParams,
    lazy: true,
    retryAttempts: 0,
    webSocketImpl: class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, options);
      }
    },
  });
}

/** Every message of one subscription, until it completes or fails. */
function collect(ws: Client, query: string) {
  const events: ExecutionResult[] = [];
  let failure: unknown;
  let completed = false;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of [...waiters]) waiter();
  };
  const dispose = ws.subscribe(
    { query },
    {
      next: (event) => {
        events.push(event as ExecutionResult);
        wake();
      },
      error: (error) => {
        failure = error;
        wake();
      },
      complete: () => {
        completed = true;
        wake();
      },
    },
  );
  const until = (ready: () => boolean) =>
    new Promise<void>((resolve) => {
      if (ready()) {
        resolve();
        return;
      }
      const check = () => {
        if (!ready()) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
    });
  return {
    events,
    failure: () => failure,
    completed: () => completed,
    until,
    dispose,
  };
}

const sessionQuery = (id: string) =>
  `subscription { sessionUpdates(sessionId: "${id}") { id status } }`;

describe('subscriptions over graphql-ws', () => {
  it('authorizes with connectionParams.authorization and sends the current state at once', async () => {
    const ws = client({ authorization: `Bearer ${DEMO_TOKEN}` });
    const live = collect(ws, sessionQuery(h.fake.demo.liveSessionId));
    await live.until(() => live.events.length > 0 || live.failure() !== undefined);
    expect(live.events[0]?.errors).toBeUndefined();
    expect(live.events[0]?.data).toEqual({
      sessionUpdates: { id: h.fake.demo.liveSessionId, status: 'LIVE' },
    });
    live.dispose();
    await ws.dispose();
  });

  it("takes the upgrade request's Authorization header, and completes an ENDED session after one event", async () => {
    const ws = client(undefined, { headers: { authorization: `Bearer ${DEMO_TOKEN}` } });
    const ended = collect(ws, sessionQuery(h.fake.demo.sessionId));
    await ended.until(() => ended.completed() || ended.failure() !== undefined);
    expect(ended.events.map((event) => event.data)).toEqual([
      { sessionUpdates: { id: h.fake.demo.sessionId, status: 'ENDED' } },
    ]);
    expect(ended.events[0]?.extensions?.['fetchedAt']).toEqual(expect.any(String));
    await ws.dispose();
  });

  it('shares one poll between WebSocket and SSE subscribers of one token, and none with another', async () => {
    const ws = client({ authorization: `Bearer ${DEMO_TOKEN}` });
    const other = client({ authorization: 'Bearer second-token' });
    const query = sessionQuery(h.fake.demo.liveSessionId);
    const subscribers = Array.from({ length: 5 }, () => collect(ws, query));
    const sse = await openSse(h.url, query, DEMO_TOKEN);
    const foreign = collect(other, query);
    await Promise.all([...subscribers, foreign].map((s) => s.until(() => s.events.length > 0)));
    const first = await sse.next();
    // One poll for the demo token's six subscribers, one for the other token.
    expect(clock.pending()).toBe(2);
    expect(first.data?.data).toEqual(subscribers[0]?.events[0]?.data);
    expect(foreign.events[0]?.data).toEqual(subscribers[0]?.events[0]?.data);
    for (const s of [...subscribers, foreign]) s.dispose();
    await sse.close();
    await Promise.all([ws.dispose(), other.dispose()]);
  });

  it('sends a refusal with its code and ends the subscription: no token, a bad one', async () => {
    const anonymous = client();
    const refused = collect(anonymous, sessionQuery(h.fake.demo.liveSessionId));
    await refused.until(() => refused.completed() || refused.failure() !== undefined);
    const codes = refused.events.flatMap((event) =>
      (event.errors ?? []).map((error) => error.extensions['code']),
    );
    expect(codes).toEqual(['UNAUTHENTICATED']);
    await anonymous.dispose();

    const wrong = client({ authorization: 'Bearer not-a-known-token' });
    const denied = collect(wrong, sessionQuery(h.fake.demo.liveSessionId));
    await denied.until(() => denied.completed() || denied.failure() !== undefined);
    expect(denied.completed()).toBe(true);
    expect(denied.events[0]?.errors?.[0]?.extensions['code']).toBe('UNAUTHENTICATED');
    await wrong.dispose();
  });

  it('answers an invalid document with a coded error', async () => {
    const ws = client({ authorization: `Bearer ${DEMO_TOKEN}` });
    const invalid = collect(ws, 'subscription { nothingHere }');
    await invalid.until(() => invalid.failure() !== undefined || invalid.completed());
    const errors = invalid.failure() as { extensions?: { code?: string } }[];
    expect(errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    await ws.dispose();
  });

  it("refuses a WebSocket from another site's page, and takes the gateway's own origin and listed ones", async () => {
    const status = (origin: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(wsUrl(), 'graphql-transport-ws', { origin });
        socket.once('unexpected-response', (_request, response) => {
          resolve(response.statusCode ?? 0);
        });
        socket.once('open', () => {
          socket.close();
          resolve(101);
        });
      });
    expect(await status('https://evil.example')).toBe(403);
    expect(await status('https://dashboard.example')).toBe(101);
    expect(await status(new URL(h.url).origin)).toBe(101);
  });
});
