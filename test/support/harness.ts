import { DEMO_TOKEN, startFakeUpstream } from '../../src/fake-upstream/index.js';
import type { FakeUpstream, FakeUpstreamOptions } from '../../src/fake-upstream/index.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import type { GatewayConfig } from '../../src/server.js';
import { serveGateway } from '../../src/start.js';

export interface GraphQLResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    data?: Record<string, unknown> | null;
    errors?: {
      message: string;
      path?: (string | number)[];
      extensions?: Record<string, unknown>;
    }[];
  };
}

export interface RequestOptions {
  readonly variables?: Record<string, unknown>;
  /** Extra request headers; a null value removes a header (`authorization: null` sends none). */
  readonly headers?: Record<string, string | null>;
}

export interface Harness {
  readonly fake: FakeUpstream;
  readonly url: string;
  readonly logLines: string[];
  query(query: string, options?: RequestOptions): Promise<GraphQLResponse>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly fake?: FakeUpstreamOptions;
  /** Overrides of the gateway config; upstream settings and limits are merged. */
  readonly gateway?: Partial<Omit<GatewayConfig, 'upstream' | 'limits'>> & {
    readonly upstream?: Partial<GatewayConfig['upstream']>;
    readonly limits?: Partial<GatewayConfig['limits']>;
  };
}

/** The gateway's documented defaults, so tests run what users run unless they say otherwise. */
const defaultConfig = loadConfig({});

/**
 * `GATEWAY_PATH=yoga` (set by the `yoga` test project, see vitest.config.ts) turns the lean lane
 * off in every harness that does not choose, so the integration suite runs against both paths
 * that answer GraphQL and they cannot drift apart.
 */
const leanLane = process.env['GATEWAY_PATH'] !== 'yoga';

/**
 * Starts a real fake upstream and a real gateway, both on loopback port 0, with the gateway's
 * server-held token unset: requests authenticate with their own header unless a test says otherwise.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  // A frozen clock: the fake's LIVE sessions stay as at its start, so answers compare across requests and fakes.
  const fake = await startFakeUpstream({ tokens: [DEMO_TOKEN], clock: () => 0, ...options.fake });
  const logLines: string[] = [];
  const served = await serveGateway(
    {
      serverToken: undefined,
      defaults: { accountId: fake.accountId, appId: fake.appId },
      graphiql: { exampleQuery: '{ __typename }', demoAuthorization: undefined },
      persistedDocumentsPath: undefined,
      logger: createLogger('debug', (line) => logLines.push(line)),
      introspection: true,
      // Off unless a test turns it on: most tests pin the upstream calls each request makes, and
      // a resource cached by an earlier test would hide them.
      cache: { ...defaultConfig.cache, maxEntries: 0 },
      leanLane,
      ...options.gateway,
      limits: { ...defaultConfig.limits, ...options.gateway?.limits },
      upstream: {
        ...defaultConfig.upstream,
        baseUrl: fake.url,
        connectTimeoutMs: 1_000,
        requestTimeoutMs: 2_000,
        maxResponseBytes: 16 * 1024 * 1024,
        connections: 8,
        concurrencyPerRequest: 8,
        // Fast retries keep the suite quick; a breaker that never opens keeps tests that inject
        // failures independent of each other. Tests of those policies set their own values.
        retries: { max: 2, baseDelayMs: 5, maxDelayMs: 20 },
        breaker: { failureThreshold: 1_000_000, cooldownMs: 1_000 },
        ...options.gateway?.upstream,
      },
    },
    { port: 0, host: '127.0.0.1' },
  );
  return {
    fake,
    url: served.url,
    logLines,
    async query(query, { variables, headers } = {}) {
      const merged: Record<string, string | null> = {
        'content-type': 'application/json',
        authorization: `Bearer ${DEMO_TOKEN}`,
        ...headers,
      };
      const response = await fetch(served.url, {
        method: 'POST',
        headers: Object.fromEntries(
          Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== null),
        ),
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as GraphQLResponse['body'],
      };
    },
    async close() {
      await served.close();
      await fake.close();
    },
  };
}
