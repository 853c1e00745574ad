import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws/client';

/*
 * One urql client for the page. Queries go to `/graphql` on the page's own origin (Vite's server
 * forwards it to the gateway), subscriptions over a graphql-ws WebSocket on the same path. No
 * token: the demo gateway holds one. In front of a gateway without a server-held token, send the
 * user's with `fetchOptions: { headers: { authorization } }` and the WebSocket's
 * `connectionParams: { authorization }` (browsers cannot set headers on a WebSocket).
 */

const endpoint = new URL('/graphql', window.location.href);
const wsEndpoint = new URL(endpoint);
wsEndpoint.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';

const ws = createWsClient({
  url: wsEndpoint.href,
  // Opened on the first subscription, and closed a moment after the last one ends.
  lazy: true,
  retryAttempts: 5,
});

export const client = new Client({
  url: endpoint.href,
  // POST with Content-Type application/json. urql would send short queries as GET, which the
  // gateway's CSRF protection refuses from a browser without a preflight header.
  preferGetMethod: false,
  exchanges: [
    cacheExchange,
    fetchExchange,
    subscriptionExchange({
      forwardSubscription(request) {
        const input = { ...request, query: request.query ?? '' };
        return {
          subscribe(sink) {
            const unsubscribe = ws.subscribe(input, sink);
            return { unsubscribe };
          },
        };
      },
    }),
  ],
});
