/**
 * Load: autocannon (programmatic, fixed connections) against the GraphQL systems, and a closed loop
 * of the same shape (fixed concurrency) sending the scenario's REST calls straight to the fake for the
 * direct baseline. Both are bounded in time; the direct loop in operation count too. Latencies are
 * kept per operation in ms, with sub-ms precision (autocannon's own histogram has 1 ms buckets).
 */
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { Pool, request as undiciRequest } from 'undici';
import { DEMO_TOKEN } from '../src/fake-upstream/index.js';
import { mapLimit } from './rest.js';
import type { App } from './rest.js';
import type { DirectPlan, GraphQLRequest } from './scenarios.js';

export interface LoadResult {
  /** Operations answered with a 2xx status. */
  readonly ok: number;
  /** Operations that failed: non-2xx, connection errors, timeouts. */
  readonly failed: number;
  readonly elapsedMs: number;
  /** Sorted ascending; empty unless recorded. */
  readonly latenciesMs: readonly number[];
}

/** At most this many latencies are kept per run (a bound on memory, far above what runs reach). */
const MAX_SAMPLES = 2_000_000;
const REQUEST_TIMEOUT_S = 30;

export const DEMO_AUTHORIZATION = `Bearer ${DEMO_TOKEN}`;

/** The JSON body; `extensions` is left out when undefined, as every client leaves it out. */
export function graphqlBody(request: GraphQLRequest): string {
  return JSON.stringify({
    operationName: request.operationName,
    query: request.query,
    variables: request.variables,
    extensions: request.extensions,
  });
}

/**
 * The request's headers (its client profile's and its scenario's, see clients.ts) and the token:
 * nothing else, so that every system gets exactly what the client sends.
 */
function requestHeaders(request: GraphQLRequest): Record<string, string> {
  return { ...request.headers, authorization: DEMO_AUTHORIZATION };
}

/** One autocannon run of `seconds` against a GraphQL endpoint. */
export function cannon(
  url: string,
  request: GraphQLRequest,
  connections: number,
  seconds: number,
  record: boolean,
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let ok = 0;
    let failed = 0;
    let started = performance.now();
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers: requestHeaders(request),
        body: graphqlBody(request),
        connections,
        duration: seconds,
        timeout: REQUEST_TIMEOUT_S,
        // autocannon stops at the first sample tick after the duration: tick often.
        sampleInt: 100,
      },
      (error: unknown, result: autocannon.Result) => {
        if (error !== null && error !== undefined) {
          reject(error instanceof Error ? error : new Error('autocannon failed'));
          return;
        }
        resolve({
          ok,
          failed: failed + result.errors,
          elapsedMs: performance.now() - started,
          latenciesMs: latencies.sort((a, b) => a - b),
        });
      },
    );
    instance.on('start', () => {
      started = performance.now();
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) {
        ok += 1;
        if (record && latencies.length < MAX_SAMPLES) latencies.push(responseTime);
      } else {
        failed += 1;
      }
    });
  });
}

/** The REST client of the direct baseline, with the gateway's default connection count. */
export interface DirectClient {
  readonly app: App;
  /** Runs one operation of the plan: its calls, bodies read to the end. */
  run(plan: DirectPlan): Promise<void>;
  close(): Promise<void>;
}

export function directClient(app: App, connections: number, concurrency: number): DirectClient {
  const pool = new Pool(app.origin, { connections });

  async function get(path: string): Promise<ArrayBuffer> {
    const { statusCode, body } = await pool.request({
      path,
      method: 'GET',
      headers: { authorization: DEMO_AUTHORIZATION },
      headersTimeout: REQUEST_TIMEOUT_S * 1000,
      bodyTimeout: REQUEST_TIMEOUT_S * 1000,
    });
    const bytes = await body.arrayBuffer();
    if (statusCode !== 200) throw new Error(`GET ${path}: ${statusCode}`);
    return bytes;
  }

  return {
    app,
    async run(plan) {
      if (plan.kind === 'calls') {
        await mapLimit(plan.paths, concurrency, (path) => get(path(app)));
        return;
      }
      const list = JSON.parse(Buffer.from(await get(plan.list(app))).toString('utf8')) as {
        data?: { participants?: { id: string }[] };
      };
      const ids = (list.data?.participants ?? []).map((participant) => participant.id);
      await mapLimit(ids, concurrency, (id) => get(plan.each(id)(app)));
    },
    close: () => pool.close(),
  };
}

/** `connections` loops each running the plan back to back for `seconds`. */
export async function directLoad(
  client: DirectClient,
  plan: DirectPlan,
  connections: number,
  seconds: number,
  record: boolean,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async (): Promise<void> => {
    while (performance.now() < deadline && ok + failed < MAX_SAMPLES) {
      const begin = performance.now();
      try {
        await client.run(plan);
        ok += 1;
        if (record) latencies.push(performance.now() - begin);
      } catch {
        failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return {
    ok,
    failed,
    elapsedMs: performance.now() - started,
    latenciesMs: latencies.sort((a, b) => a - b),
  };
}

/** The q-quantile (0 < q ≤ 1) of ascending values, nearest-rank; NaN when there are none. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/**
 * Posts one GraphQL request with exactly the headers of the load (undici's `request` adds none, as
 * `fetch` would) and returns the parsed body's data; throws on a non-2xx status or GraphQL errors.
 */
export async function postGraphQL(url: string, request: GraphQLRequest): Promise<unknown> {
  const response = await undiciRequest(url, {
    method: 'POST',
    headers: requestHeaders(request),
    body: graphqlBody(request),
    headersTimeout: REQUEST_TIMEOUT_S * 1000,
    bodyTimeout: REQUEST_TIMEOUT_S * 1000,
  });
  const status = response.statusCode;
  const text = await response.body.text();
  let body: { data?: unknown; errors?: { message?: string }[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`${status}, not JSON: ${text.slice(0, 200)}`);
  }
  if (status < 200 || status >= 300 || body.errors !== undefined) {
    const messages = (body.errors ?? []).map((error) => error.message ?? '?').slice(0, 3);
    throw new Error(`${status}: ${messages.join('; ') || text.slice(0, 200)}`);
  }
  if (body.data === undefined || body.data === null) throw new Error('no data');
  return body.data;
}
