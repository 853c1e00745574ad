/**
 * Real GraphQL clients' requests: the headers (and body extensions) those libraries send with a
 * query by POST, read from their source (repository, path and commit beside each). Every system
 * gets the same for a given profile, plus the token and the scenario's own header (`cache-control`).
 */
import type { GraphQLRequest } from './scenarios.js';

export const CLIENTS = [
  'apollo',
  'urql',
  'graphql-request',
  'browser',
  'apollo3',
  'plain',
] as const;
export type ClientName = (typeof CLIENTS)[number];

/**
 * The most used client, and the one issue 12 measured: the default. The others are asked for with
 * --clients, since each profile is another full pass over the scenarios and systems.
 */
export const DEFAULT_CLIENTS: readonly ClientName[] = ['apollo'];

/** The browser profile's page; the gateway is started with CORS_ORIGINS set to it. */
export const BROWSER_ORIGIN = 'http://dashboard.bench.test';

export interface ClientProfile {
  readonly headers: Readonly<Record<string, string>>;
  /** What the library puts in every operation's `extensions`. */
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/**
 * Apollo Client 4's HttpLink, @apollo/client 4.2.12, apollographql/apollo-client commit
 * 54084bc22e92651cf153d03d0370b8dff3d1163f: the headers are `defaultHeaders` in
 * src/link/http/selectHttpOptionsAndBody.ts, names lower-cased (removeDuplicateHeaders), and
 * `accept` joins nothing else for a query (BaseHttpLink.ts sets http.accept for subscriptions
 * only); the extension is the ClientAwarenessLink that HttpLink includes
 * (src/link/client-awareness/ClientAwarenessLink.ts, enhancedClientAwareness transport
 * "extensions" by default, `client.version` being the package's).
 */
const APOLLO: ClientProfile = {
  headers: {
    accept: 'application/graphql-response+json,application/json;q=0.9',
    'content-type': 'application/json',
  },
  extensions: { clientLibrary: { name: '@apollo/client', version: '4.2.12' } },
};

export const CLIENT_PROFILES: Readonly<Record<ClientName, ClientProfile>> = {
  apollo: APOLLO,
  /**
   * urql (@urql/core 6.0.3, the fetch exchange): `makeFetchOptions` in urql-graphql/urql
   * packages/core/src/internal/fetchOptions.ts, commit d510a9a110a39ac2c25cbaf6639c2278ced2f6de:
   * the accept below for a query, and `content-type: application/json` when there is a JSON body.
   * By default urql sends a query as GET when the URL stays under 2,048 characters
   * (`preferGetMethod: 'within-url-limit'`, packages/core/src/client.ts); neither the gateway (a
   * GET needs a CSRF prevention header, see its README) nor Tailcall 1.0.0 (GraphQL on POST only,
   * tailcallhq/tailcall src/core/http/request_handler.rs at v1.0.0) answers such a GET, so a urql
   * user of either sets `preferGetMethod: false`: this is that POST.
   */
  urql: {
    headers: {
      accept:
        'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed',
      'content-type': 'application/json',
    },
  },
  /**
   * graphql-request 7 (`request`, `GraphQLClient`): `createFetcher` in jasonkuhrt/graffle
   * src/legacy/helpers/runRequest.ts at tag 7.1.0, commit 30b39bff76d34cc7470796c84b6c0cc3864165f7
   * (ACCEPT_HEADER set to CONTENT_TYPE_GQL and CONTENT_TYPE_JSON joined by ", ", src/lib/http.ts);
   * the published 7.4.0 (build/legacy/helpers/runRequest.js) sends the same.
   */
  'graphql-request': {
    headers: {
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
    },
  },
  /**
   * Apollo Client 4 in a page on another origin (a dashboard calling the gateway), as Chrome sends a
   * cross-origin `fetch`: `origin` on a CORS request (whatwg/fetch fetch.bs, "`Origin` header",
   * commit 586cd2a44c2a865b37c166dc0740f3fb8bb220d6); `referer` cut to the origin by the default
   * policy, strict-origin-when-cross-origin (same file); the Sec-Fetch-* metadata a browser adds
   * to a request to a potentially trustworthy URL such as 127.0.0.1 (w3c/webappsec-fetch-metadata
   * index.bs, commit 6d0c5bffaa3ab068747cb66cf10503d0ad1107e5); and Chrome's own user agent,
   * language and encodings. The preflight (OPTIONS) a browser sends first is cached by it for the
   * max-age the server allows, so it is left out of the load.
   */
  browser: {
    ...APOLLO,
    headers: {
      ...APOLLO.headers,
      origin: BROWSER_ORIGIN,
      referer: `${BROWSER_ORIGIN}/`,
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'cors',
      'sec-fetch-dest': 'empty',
      'user-agent':
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      'accept-language': 'en-US,en;q=0.9',
      'accept-encoding': 'gzip, deflate, br, zstd',
    },
  },
  /**
   * Apollo Client 3, still widely deployed: the same file at v3.14.1, commit
   * ff908283bee96111861d82d1f10f94b1dab21067, sends the wildcard media range as its accept.
   */
  apollo3: { headers: { accept: '*/*', 'content-type': 'application/json' } },
  /** The benchmark's former request shape, kept as a reference row: no client sends only this. */
  plain: { headers: { 'content-type': 'application/json' } },
};

/** The request as `client` sends it: its headers, then the scenario's own; its extensions. */
export function withClient(request: GraphQLRequest, client: ClientName): GraphQLRequest {
  const { headers, extensions } = CLIENT_PROFILES[client];
  return { ...request, headers: { ...headers, ...request.headers }, extensions };
}
