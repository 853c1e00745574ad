import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { InFlightObserver } from '../cache/in-flight.js';
import type { CacheObserver } from '../cache/section-cache.js';
import type { LoaderObserver } from './loader-observer.js';
import { createBoundedLabel, createOperationLabeler } from './operation-label.js';
import type { UpstreamObserver, UpstreamOutcome } from './upstream-observer.js';

/**
 * How a GraphQL operation ended: `success` without errors, `partial` with errors and at least one
 * root field resolved, `error` when nothing resolved (a refused request, or every root field null).
 */
export type OperationOutcome = 'success' | 'partial' | 'error';

/** Which path answered a request: the lean lane for plain queries, or Yoga for the rest. */
export type RequestLane = 'lean' | 'yoga';

export interface GatewayMetrics {
  /** Told about every upstream attempt; pass it to the transport. */
  readonly upstream: UpstreamObserver;
  /** Told about loader batches and dedupe hits; pass it to each request's loaders. */
  readonly loaders: LoaderObserver;
  /** Told about cross-request cache hits and misses; pass it to the cache. */
  readonly cache: CacheObserver;
  /** Told about loads that joined an identical one in flight; pass it to createInFlightLoads. */
  readonly inFlight: InFlightObserver;
  /** One GraphQL operation ended; the name is bounded here before it becomes a label. */
  operation(name: string | undefined, outcome: OperationOutcome, seconds: number): void;
  /** One request was answered, by the lean lane or by Yoga (see createFastLane). */
  lane(lane: RequestLane): void;
  /** The Prometheus text exposition of this gateway's metrics. */
  render(): Promise<{ readonly contentType: string; readonly body: string }>;
}

const PREFIX = 'rtk_graphql_';

/**
 * Distinct drift paths kept as labels. Paths come from upstream's keys, so a payload that invents a
 * key per call could otherwise add a series per call; past the cap, new paths count as one.
 */
const MAX_DRIFT_PATHS = 200;
const OTHER_DRIFT_PATH = '_other';
const MAX_DRIFT_PATH_LENGTH = 200;

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Statuses worth their own series; any other becomes its class (`3xx`, `4xx`, …). */
const LABELLED_STATUSES = new Set([200, 400, 401, 403, 404, 429, 500, 502, 503, 504]);

function outcomeLabel(outcome: UpstreamOutcome): string {
  if (typeof outcome !== 'number') return outcome;
  if (LABELLED_STATUSES.has(outcome)) return String(outcome);
  return outcome >= 100 && outcome < 600 ? `${Math.floor(outcome / 100)}xx` : 'invalid';
}

/**
 * The gateway's Prometheus metrics, in a registry of their own: nothing is registered globally, so
 * each gateway (and each test's gateway) counts only its own traffic. Labels carry only bounded
 * values: endpoint and loader names, statuses, outcomes, and operation names bounded by
 * createOperationLabeler. Never a token, an id or an account.
 */
export interface MetricsSources {
  /** Log lines dropped so far because stderr's reader fell behind (see createLogger). */
  readonly logLinesDropped?: () => number;
  /** Whether the Redis replicas share state through is in use; absent without REDIS_URL. */
  readonly redisUp?: () => boolean;
}

export function createMetrics(sources: MetricsSources = {}): GatewayMetrics {
  const registry = new Registry();
  const registers = [registry];
  const operationLabel = createOperationLabeler();

  const operations = new Counter({
    name: `${PREFIX}operations_total`,
    help: 'GraphQL operations by operation name and outcome (success, partial, error).',
    labelNames: ['operation', 'outcome'] as const,
    registers,
  });
  const operationSeconds = new Histogram({
    name: `${PREFIX}operation_duration_seconds`,
    help: 'Time from receiving a GraphQL request to its response, by operation name and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: SECONDS_BUCKETS,
    registers,
  });
  const upstreamRequests = new Counter({
    name: `${PREFIX}upstream_requests_total`,
    help: 'Upstream call attempts by endpoint and status: the HTTP status, or timeout, network, aborted, circuit_open, rate_limited_locally.',
    labelNames: ['endpoint', 'status'] as const,
    registers,
  });
  const upstreamSeconds = new Histogram({
    name: `${PREFIX}upstream_request_duration_seconds`,
    help: 'Latency of upstream call attempts that were sent, by endpoint and status.',
    labelNames: ['endpoint', 'status'] as const,
    buckets: SECONDS_BUCKETS,
    registers,
  });
  const retries = new Counter({
    name: `${PREFIX}upstream_retries_total`,
    help: 'Upstream call retries by endpoint and reason (how the retried attempt ended).',
    labelNames: ['endpoint', 'reason'] as const,
    registers,
  });
  const rateLimitWaits = new Counter({
    name: `${PREFIX}upstream_rate_limit_waits_total`,
    help: 'Times a call waited because upstream paused its token (429 or Ratelimit r=0).',
    registers,
  });
  const rateLimitWaitSeconds = new Counter({
    name: `${PREFIX}upstream_rate_limit_wait_seconds_total`,
    help: 'Seconds calls were told to wait because upstream paused their token.',
    registers,
  });
  const rateLimitRemaining = new Histogram({
    name: `${PREFIX}upstream_rate_limit_remaining`,
    help: 'Calls left in the token budget, as upstream reported them (Ratelimit r=), across all tokens.',
    buckets: [0, 1, 5, 10, 25, 50, 100, 250, 500, 1000],
    registers,
  });
  // The gateway's own per-token bucket, next to upstream's view above: how close tokens run to
  // being refused locally. All tokens share one series, so no token (or hash of one) is a label.
  const tokenBucketRemaining = new Histogram({
    name: `${PREFIX}token_bucket_remaining`,
    help: "Calls left in the gateway's own per-token bucket right after a call took one, across all tokens.",
    buckets: [0, 1, 5, 10, 25, 50, 100, 150, 200, 500, 1000],
    registers,
  });
  const batchSize = new Histogram({
    name: `${PREFIX}loader_batch_size`,
    help: 'Distinct loads per dispatched loader batch (each costs one upstream call), by loader.',
    labelNames: ['loader'] as const,
    buckets: [1, 2, 4, 8, 16, 32, 64],
    registers,
  });
  const dedupeHits = new Counter({
    name: `${PREFIX}loader_dedupe_hits_total`,
    help: 'Loads answered by an earlier load of the same request, without an upstream call.',
    labelNames: ['loader'] as const,
    registers,
  });
  const cacheHits = new Counter({
    name: `${PREFIX}cache_hits_total`,
    help: 'Upstream resources answered by the cross-request cache, by resource.',
    labelNames: ['resource'] as const,
    registers,
  });
  const drift = new Counter({
    name: `${PREFIX}upstream_drift_total`,
    help: 'Keys upstream sent that the gateway does not know (unknown_key), and leaves of the wrong type it answered as field errors (wrong_type), by endpoint and key path.',
    labelNames: ['endpoint', 'path', 'kind'],
    registers,
  });
  const driftPath = createBoundedLabel(MAX_DRIFT_PATHS, OTHER_DRIFT_PATH);
  const coalesced = new Counter({
    name: `${PREFIX}upstream_coalesced_total`,
    help: 'Loads answered by an identical upstream call already in flight for the same token (another request started it).',
    labelNames: ['resource'],
    registers,
  });
  let droppedSeen = 0;
  new Counter({
    name: `${PREFIX}log_lines_dropped_total`,
    help: 'Log lines dropped because the reader of stderr did not keep up (serving never waits for it).',
    registers,
    collect() {
      const dropped = sources.logLinesDropped?.() ?? 0;
      if (dropped > droppedSeen) this.inc(dropped - droppedSeen);
      droppedSeen = dropped;
    },
  });
  if (sources.redisUp !== undefined) {
    const redisUp = sources.redisUp;
    new Gauge({
      name: `${PREFIX}redis_up`,
      help: 'Whether the Redis the replicas share state through answers (1), or the gateway runs on its per-replica fallbacks (0).',
      registers,
      collect() {
        this.set(redisUp() ? 1 : 0);
      },
    });
  }
  const lanes = new Counter({
    name: `${PREFIX}requests_by_lane_total`,
    help: 'HTTP requests by the path that answered them: lean (plain queries) or yoga (everything else).',
    labelNames: ['lane'] as const,
    registers,
  });
  const cacheMisses = new Counter({
    name: `${PREFIX}cache_misses_total`,
    help: 'Upstream resources the cross-request cache could not answer, by resource.',
    labelNames: ['resource'] as const,
    registers,
  });

  return {
    upstream: {
      attempt({ endpoint, outcome, seconds }) {
        const labels = { endpoint, status: outcomeLabel(outcome) };
        upstreamRequests.inc(labels);
        if (seconds !== undefined) upstreamSeconds.observe(labels, seconds);
      },
      retry(endpoint, reason) {
        retries.inc({ endpoint, reason: outcomeLabel(reason) });
      },
      rateLimitWait(seconds) {
        rateLimitWaits.inc();
        rateLimitWaitSeconds.inc(seconds);
      },
      rateLimitRemaining(remaining) {
        rateLimitRemaining.observe(remaining);
      },
      tokenBucketRemaining(remaining) {
        tokenBucketRemaining.observe(remaining);
      },
      drift(endpoint, path, kind) {
        const label = path.slice(0, MAX_DRIFT_PATH_LENGTH);
        drift.inc({ endpoint, path: driftPath(`${endpoint} ${label}`, label), kind });
      },
    },
    loaders: {
      batch(loader, size) {
        batchSize.observe({ loader }, size);
      },
      dedupeHit(loader) {
        dedupeHits.inc({ loader });
      },
    },
    cache: {
      hit(resource) {
        cacheHits.inc({ resource });
      },
      miss(resource) {
        cacheMisses.inc({ resource });
      },
    },
    inFlight: {
      coalesced(resource) {
        coalesced.inc({ resource });
      },
    },
    lane(lane) {
      lanes.inc({ lane });
    },
    operation(name, outcome, seconds) {
      const labels = { operation: operationLabel(name), outcome };
      operations.inc(labels);
      operationSeconds.observe(labels, seconds);
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
