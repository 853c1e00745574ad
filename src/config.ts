import type { LiveSettings } from './live/hub.js';
import type { RedisSettings } from './redis/link.js';
import { z } from 'zod';
import type { SectionCacheSettings } from './cache/section-cache.js';
import type { TracingSettings } from './observability/tracing.js';
import type { OperationLimits } from './plugins/operation-limits.js';
import { isAccountId, isAppId } from './upstream/ids.js';

export const DEFAULT_CLOUDFLARE_API_BASE_URL = 'https://api.cloudflare.com/client/v4';

/** Unset and empty variables mean the same thing, as in most shells' `VAR= cmd`. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be an integer from ${min} to ${max}` })
    .int({ error: `must be an integer from ${min} to ${max}` })
    .min(min, { error: `must be an integer from ${min} to ${max}` })
    .max(max, { error: `must be an integer from ${min} to ${max}` });

/** Enumerated OTEL_* values, which the OpenTelemetry specification reads case-insensitively. */
const otelEnum = <const T extends readonly [string, ...string[]]>(values: T, error: string) =>
  optional(
    z.preprocess(
      (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
      z.enum(values, { error }),
    ),
  );

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * The `key=value,key=value` lists of OTEL_EXPORTER_OTLP_HEADERS and OTEL_RESOURCE_ATTRIBUTES,
 * values percent-decoded, as the OpenTelemetry specification writes them. With `headers`, each
 * key must be an HTTP header name and no value may hold a line break.
 */
const keyValueList = (kind: 'headers' | 'attributes') =>
  z.string().transform((text, context) => {
    const entries: Record<string, string> = {};
    const problem = (message: string) => {
      context.addIssue({ code: 'custom', message, input: text });
      return z.NEVER;
    };
    for (const part of text.split(',')) {
      if (part.trim() === '') continue;
      const at = part.indexOf('=');
      const key = part.slice(0, Math.max(0, at)).trim();
      if (at < 0 || key === '') return problem('must be key=value pairs separated by commas');
      let value: string;
      try {
        value = decodeURIComponent(part.slice(at + 1).trim());
      } catch {
        return problem(`has a value that is not percent-encoded correctly (key ${key})`);
      }
      if (kind === 'headers' && (!HEADER_NAME.test(key) || /[\r\n\0]/.test(value))) {
        return problem(`has an invalid HTTP header (key ${JSON.stringify(key)})`);
      }
      entries[kind === 'headers' ? key.toLowerCase() : key] = value;
    }
    return entries;
  });

const otlpEndpoint = optional(
  z.url({
    protocol: /^https?$/,
    error: 'must be an http(s) URL (OTLP over gRPC is not supported)',
  }),
);

const EnvSchema = z.object({
  PORT: optional(integer(0, 65535)).default(4000),
  HOST: optional(z.string()).default('127.0.0.1'),
  CLOUDFLARE_API_BASE_URL: optional(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  ),
  CLOUDFLARE_API_TOKEN: optional(z.string().trim().min(1)),
  CLOUDFLARE_ACCOUNT_ID: optional(
    z.string().refine(isAccountId, { error: 'must be 32 hexadecimal characters' }),
  ),
  REALTIMEKIT_APP_ID: optional(
    z.string().refine(isAppId, { error: 'must be a UUID or 32 hexadecimal characters' }),
  ),
  UPSTREAM_TIMEOUT_MS: optional(integer(1, 600_000)).default(10_000),
  UPSTREAM_CONNECT_TIMEOUT_MS: optional(integer(1, 600_000)).default(5_000),
  // No default of its own: unset, it follows UPSTREAM_TIMEOUT_MS, as before the setting existed.
  UPSTREAM_HEADERS_TIMEOUT_MS: optional(integer(1, 600_000)),
  UPSTREAM_MAX_RESPONSE_BYTES: optional(integer(1024, 1024 ** 3)).default(16 * 1024 * 1024),
  UPSTREAM_CONNECTIONS: optional(integer(1, 1024)).default(32),
  UPSTREAM_CONCURRENCY_PER_REQUEST: optional(integer(1, 256)).default(8),
  UPSTREAM_CONCURRENCY: optional(integer(1, 4096)).default(64),
  UPSTREAM_RETRIES: optional(integer(0, 5)).default(2),
  UPSTREAM_RETRY_BASE_MS: optional(integer(1, 60_000)).default(100),
  UPSTREAM_RETRY_MAX_MS: optional(integer(1, 600_000)).default(2_000),
  TOKEN_BUCKET_CAPACITY: optional(integer(1, 100_000)).default(200),
  TOKEN_BUCKET_REFILL_PER_SECOND: optional(
    z.coerce
      .number({ error: 'must be a positive number' })
      .positive({ error: 'must be a positive number' }),
  ).default(10 / 3),
  BREAKER_FAILURE_THRESHOLD: optional(integer(1, 1000)).default(5),
  BREAKER_COOLDOWN_MS: optional(integer(1, 3_600_000)).default(10_000),
  UPSTREAM_MAX_PAUSE_MS: optional(integer(1_000, 3_600_000)).default(300_000),
  OPERATION_TIMEOUT_MS: optional(integer(1, 600_000)).default(30_000),
  MAX_REQUEST_BYTES: optional(integer(256, 64 * 1024 * 1024)).default(100 * 1024),
  MAX_RESPONSE_BYTES: optional(integer(1024, 1024 * 1024 * 1024)).default(16 * 1024 * 1024),
  REQUEST_READ_TIMEOUT_MS: optional(integer(100, 600_000)).default(10_000),
  MAX_QUERY_TOKENS: optional(integer(1, 1_000_000)).default(2_000),
  MAX_QUERY_DEPTH: optional(integer(1, 1000)).default(12),
  MAX_ALIASES: optional(integer(0, 10_000)).default(30),
  MAX_DIRECTIVES: optional(integer(0, 10_000)).default(30),
  MAX_FIELDS: optional(integer(1, 100_000)).default(1_500),
  MAX_UPSTREAM_CALLS_PER_OPERATION: optional(integer(1, 10_000)).default(120),
  LIVE_POLL_INTERVAL_MS: optional(integer(100, 3_600_000)).default(7_000),
  // Demo mode only: the embedded fake's live call ends after this many minutes (unset: never).
  FAKE_LIVE_SESSION_MINUTES: optional(
    z.coerce.number({ error: 'must be a number of minutes, 0 or more' }).min(0, {
      error: 'must be a number of minutes, 0 or more',
    }),
  ),
  LIVE_POLL_BUDGET_SHARE: optional(
    z.coerce
      .number({ error: 'must be a number from 0 to 1' })
      .gt(0, { error: 'must be above 0' })
      .max(1, { error: 'must be at most 1' }),
  ).default(0.5),
  MAX_SUBSCRIPTIONS_PER_TOKEN: optional(integer(0, 100_000)).default(20),
  MAX_SUBSCRIPTIONS: optional(integer(0, 1_000_000)).default(1_000),
  INTROSPECTION: optional(
    z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true'),
  ).default(true),
  PERSISTED_DOCUMENTS_PATH: optional(z.string()),
  // Origins (scheme://host[:port]) whose pages may read the gateway's answers; none by default.
  CORS_ORIGINS: optional(
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter((o) => o !== ''),
      )
      .pipe(
        z.array(
          z.string().regex(/^https?:\/\/[^/\s,]+$/, {
            error: 'must list origins like https://dash.example.com, separated by commas',
          }),
        ),
      ),
  ).default([]),
  // Shared state of replicas (see docs/replicas.md); none without REDIS_URL.
  REDIS_URL: optional(
    z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }),
  ),
  REDIS_COMMAND_TIMEOUT_MS: optional(integer(10, 60_000)).default(250),
  REDIS_KEY_PREFIX: optional(
    z.string().regex(/^[\w:.-]{0,64}$/, {
      error: 'must be at most 64 letters, digits, and _ : . -',
    }),
  ).default('rtk-graphql:'),
  TOKEN_HASH_SECRET: optional(
    z.string().min(32, { error: 'must be at least 32 characters (e.g. openssl rand -hex 32)' }),
  ),
  REPLICAS: optional(integer(1, 1_000)).default(1),
  LIVE_LEASE_MS: optional(integer(500, 600_000)).default(5_000),
  LOG_LEVEL: optional(z.enum(['debug', 'info', 'warn', 'error', 'silent'])).default('info'),
  SHUTDOWN_TIMEOUT_MS: optional(integer(0, 600_000)).default(10_000),
  CACHE_MAX_ENTRIES: optional(integer(0, 1_000_000)).default(2_000),
  CACHE_MAX_BYTES: optional(integer(0, 1024 ** 3)).default(32 * 1024 * 1024),
  CACHE_FINISHED_TTL_MS: optional(integer(0, 86_400_000)).default(600_000),
  CACHE_LIVE_TTL_MS: optional(integer(0, 600_000)).default(2_000),
  // OpenTelemetry traces (docs/tracing.md): the standard variables, the ones the gateway uses.
  OTEL_SDK_DISABLED: otelEnum(['true', 'false'], 'must be true or false'),
  OTEL_TRACES_EXPORTER: otelEnum(
    ['otlp', 'none'],
    'must be otlp or none (no other exporter is built in)',
  ),
  OTEL_SERVICE_NAME: optional(z.string().trim().min(1)),
  OTEL_RESOURCE_ATTRIBUTES: optional(keyValueList('attributes')),
  OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: otlpEndpoint,
  OTEL_EXPORTER_OTLP_PROTOCOL: otelEnum(
    ['http/protobuf', 'http/json'],
    'must be http/protobuf or http/json (grpc is not supported)',
  ),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: otelEnum(
    ['http/protobuf', 'http/json'],
    'must be http/protobuf or http/json (grpc is not supported)',
  ),
  OTEL_EXPORTER_OTLP_HEADERS: optional(keyValueList('headers')),
  OTEL_EXPORTER_OTLP_TRACES_HEADERS: optional(keyValueList('headers')),
  OTEL_EXPORTER_OTLP_TIMEOUT: optional(integer(1, 600_000)),
  OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: optional(integer(1, 600_000)),
  OTEL_EXPORTER_OTLP_COMPRESSION: otelEnum(['gzip', 'none'], 'must be gzip or none'),
  OTEL_EXPORTER_OTLP_TRACES_COMPRESSION: otelEnum(['gzip', 'none'], 'must be gzip or none'),
  OTEL_TRACES_SAMPLER: otelEnum(
    [
      'always_on',
      'always_off',
      'traceidratio',
      'parentbased_always_on',
      'parentbased_always_off',
      'parentbased_traceidratio',
    ],
    'must be always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off or parentbased_traceidratio',
  ),
  OTEL_TRACES_SAMPLER_ARG: optional(
    z.coerce
      .number({ error: 'must be a number from 0 to 1' })
      .min(0, { error: 'must be a number from 0 to 1' })
      .max(1, { error: 'must be a number from 0 to 1' }),
  ),
  OTEL_BSP_SCHEDULE_DELAY: optional(integer(0, 600_000)),
  OTEL_BSP_EXPORT_TIMEOUT: optional(integer(1, 600_000)),
  OTEL_BSP_MAX_QUEUE_SIZE: optional(integer(1, 1_000_000)),
  OTEL_BSP_MAX_EXPORT_BATCH_SIZE: optional(integer(1, 1_000_000)),
});

type EnvVars = z.output<typeof EnvSchema>;

/** Where OTLP/HTTP collectors take traces, by the specification's default. */
export const DEFAULT_OTLP_TRACES_ENDPOINT = 'http://localhost:4318/v1/traces';

/**
 * The trace settings, or undefined when traces are off: unless an OTLP endpoint is set or
 * OTEL_TRACES_EXPORTER=otlp, and always with OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none.
 * The traces-specific variables win over the general ones; the general endpoint gets the
 * signal's path `/v1/traces` appended, the specific one is used as it is.
 */
function tracingSettingsOf(vars: EnvVars): TracingSettings | undefined {
  const specific = vars.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const general = vars.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (vars.OTEL_SDK_DISABLED === 'true' || vars.OTEL_TRACES_EXPORTER === 'none') return undefined;
  if (specific === undefined && general === undefined && vars.OTEL_TRACES_EXPORTER !== 'otlp') {
    return undefined;
  }
  const endpoint =
    specific ??
    (general === undefined
      ? DEFAULT_OTLP_TRACES_ENDPOINT
      : `${general.replace(/\/+$/, '')}/v1/traces`);
  const attributes = vars.OTEL_RESOURCE_ATTRIBUTES ?? {};
  return {
    endpoint,
    protocol:
      vars.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ??
      vars.OTEL_EXPORTER_OTLP_PROTOCOL ??
      'http/protobuf',
    headers: { ...vars.OTEL_EXPORTER_OTLP_HEADERS, ...vars.OTEL_EXPORTER_OTLP_TRACES_HEADERS },
    timeoutMs: vars.OTEL_EXPORTER_OTLP_TRACES_TIMEOUT ?? vars.OTEL_EXPORTER_OTLP_TIMEOUT ?? 10_000,
    compression:
      vars.OTEL_EXPORTER_OTLP_TRACES_COMPRESSION ?? vars.OTEL_EXPORTER_OTLP_COMPRESSION ?? 'none',
    serviceName: vars.OTEL_SERVICE_NAME ?? attributes['service.name'] ?? 'realtimekit-graphql',
    resourceAttributes: attributes,
    sampler: vars.OTEL_TRACES_SAMPLER ?? 'parentbased_always_on',
    samplerRatio: vars.OTEL_TRACES_SAMPLER_ARG ?? 1,
    batch: {
      scheduledDelayMs: vars.OTEL_BSP_SCHEDULE_DELAY,
      exportTimeoutMs: vars.OTEL_BSP_EXPORT_TIMEOUT,
      maxQueueSize: vars.OTEL_BSP_MAX_QUEUE_SIZE,
      maxExportBatchSize: vars.OTEL_BSP_MAX_EXPORT_BATCH_SIZE,
    },
  };
}

export type LogLevel = EnvVars['LOG_LEVEL'];

export interface UpstreamSettings {
  readonly connectTimeoutMs: number;
  /** From the request sent to the whole response head received. */
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly maxResponseBytes: number;
  readonly connections: number;
  readonly concurrencyPerRequest: number;
  /** Upstream calls in flight at once across all requests. */
  readonly concurrency: number;
  readonly retries: {
    readonly max: number;
    readonly baseDelayMs: number;
    readonly maxDelayMs: number;
  };
  readonly tokenBucket: {
    readonly capacity: number;
    readonly refillPerSecond: number;
    /** UPSTREAM_MAX_PAUSE_MS; 5 minutes when left out (tests that set only the bucket). */
    readonly maxPauseMs?: number;
  };
  readonly breaker: { readonly failureThreshold: number; readonly cooldownMs: number };
}

export interface RequestLimits extends OperationLimits {
  /** Total deadline of one GraphQL operation, upstream calls and retries included. */
  readonly operationTimeoutMs: number;
  /** Most upstream calls one operation may be estimated to make. */
  readonly maxUpstreamCalls: number;
  /** Largest answer sent, serialized, in bytes; larger → RESPONSE_TOO_LARGE and no data. */
  readonly maxResponseBytes: number;
  /** How long a client may take to send a request's headers and body. */
  readonly requestReadTimeoutMs: number;
}

/** What replicas share through Redis, and how (see docs/replicas.md). */
export interface SharedSettings {
  readonly redis: RedisSettings;
  /** Keys tokens alike on every replica (TOKEN_HASH_SECRET). */
  readonly tokenHashSecret: string;
  /** Replicas in the fleet (REPLICAS): each one's share of a token's budget while Redis is away. */
  readonly replicas: number;
  /** How long a replica's lease on a live poll lasts unless renewed (LIVE_LEASE_MS). */
  readonly leaseMs: number;
}

/** Variables whose values never appear in an error message. */
const SECRET_VARIABLES = new Set([
  'CLOUDFLARE_API_TOKEN',
  'TOKEN_HASH_SECRET',
  'REDIS_URL',
  // A collector's API key travels in these; an endpoint may hold credentials in its URL.
  'OTEL_EXPORTER_OTLP_HEADERS',
  'OTEL_EXPORTER_OTLP_TRACES_HEADERS',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
]);

/**
 * Demo mode runs the embedded RealtimeKit fake; it is chosen only when nothing points at a real
 * upstream, so a configured token can never be sent to the fake and vice versa.
 */
export type AppConfig = {
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
  /** How long requests in flight may take to finish after SIGTERM or SIGINT. */
  readonly shutdownTimeoutMs: number;
  readonly upstream: UpstreamSettings;
  readonly limits: RequestLimits;
  /** Introspection and GraphiQL, on or off together. */
  readonly introspection: boolean;
  /** When set, only the operations of this persisted-documents file are accepted. */
  readonly persistedDocumentsPath: string | undefined;
  /** Origins allowed to read answers cross-origin (CORS_ORIGINS); none by default. */
  readonly corsOrigins: readonly string[];
  /** The cross-request cache of upstream resources. */
  readonly cache: SectionCacheSettings;
  /** The shared polls of subscriptions. */
  readonly live: LiveSettings;
  /** State shared by replicas through Redis; undefined without REDIS_URL. */
  readonly shared: SharedSettings | undefined;
  /** How OpenTelemetry traces are exported (OTLP/HTTP); undefined (off) without an endpoint. */
  readonly traceExport: TracingSettings | undefined;
} & (
  | {
      readonly mode: 'demo';
      /** FAKE_LIVE_SESSION_MINUTES: the demo's live call ends this long after start; unset, never. */
      readonly liveSessionMinutes: number | undefined;
    }
  | {
      readonly mode: 'upstream';
      readonly baseUrl: string;
      readonly apiToken: string | undefined;
      readonly accountId: string | undefined;
      readonly appId: string | undefined;
    }
);

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment once at boot; throws a ConfigError listing every bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        // Never echo a secret's value (a REDIS_URL may hold a password), even when it is wrong.
        const shown = SECRET_VARIABLES.has(name) ? '' : ` (got ${JSON.stringify(env[name])})`;
        return `${name}: ${issue.message}${shown}`;
      }),
    );
  }
  const vars = parsed.data;
  if (vars.REDIS_URL !== undefined && vars.TOKEN_HASH_SECRET === undefined) {
    throw new ConfigError([
      'TOKEN_HASH_SECRET: is required when REDIS_URL is set: every replica must key tokens with the same secret (set one random value on all of them, e.g. openssl rand -hex 32)',
    ]);
  }
  const shared: SharedSettings | undefined =
    vars.REDIS_URL === undefined || vars.TOKEN_HASH_SECRET === undefined
      ? undefined
      : {
          redis: {
            url: vars.REDIS_URL,
            commandTimeoutMs: vars.REDIS_COMMAND_TIMEOUT_MS,
            keyPrefix: vars.REDIS_KEY_PREFIX,
          },
          tokenHashSecret: vars.TOKEN_HASH_SECRET,
          replicas: vars.REPLICAS,
          leaseMs: vars.LIVE_LEASE_MS,
        };
  const base = {
    port: vars.PORT,
    host: vars.HOST,
    logLevel: vars.LOG_LEVEL,
    shutdownTimeoutMs: vars.SHUTDOWN_TIMEOUT_MS,
    upstream: {
      connectTimeoutMs: vars.UPSTREAM_CONNECT_TIMEOUT_MS,
      headersTimeoutMs: vars.UPSTREAM_HEADERS_TIMEOUT_MS ?? vars.UPSTREAM_TIMEOUT_MS,
      requestTimeoutMs: vars.UPSTREAM_TIMEOUT_MS,
      maxResponseBytes: vars.UPSTREAM_MAX_RESPONSE_BYTES,
      connections: vars.UPSTREAM_CONNECTIONS,
      concurrencyPerRequest: vars.UPSTREAM_CONCURRENCY_PER_REQUEST,
      concurrency: vars.UPSTREAM_CONCURRENCY,
      retries: {
        max: vars.UPSTREAM_RETRIES,
        baseDelayMs: vars.UPSTREAM_RETRY_BASE_MS,
        maxDelayMs: vars.UPSTREAM_RETRY_MAX_MS,
      },
      tokenBucket: {
        capacity: vars.TOKEN_BUCKET_CAPACITY,
        refillPerSecond: vars.TOKEN_BUCKET_REFILL_PER_SECOND,
        maxPauseMs: vars.UPSTREAM_MAX_PAUSE_MS,
      },
      breaker: {
        failureThreshold: vars.BREAKER_FAILURE_THRESHOLD,
        cooldownMs: vars.BREAKER_COOLDOWN_MS,
      },
    },
    limits: {
      operationTimeoutMs: vars.OPERATION_TIMEOUT_MS,
      maxRequestBytes: vars.MAX_REQUEST_BYTES,
      maxResponseBytes: vars.MAX_RESPONSE_BYTES,
      requestReadTimeoutMs: vars.REQUEST_READ_TIMEOUT_MS,
      maxTokens: vars.MAX_QUERY_TOKENS,
      maxDepth: vars.MAX_QUERY_DEPTH,
      maxAliases: vars.MAX_ALIASES,
      maxDirectives: vars.MAX_DIRECTIVES,
      maxFields: vars.MAX_FIELDS,
      maxUpstreamCalls: vars.MAX_UPSTREAM_CALLS_PER_OPERATION,
    },
    live: {
      intervalMs: vars.LIVE_POLL_INTERVAL_MS,
      maxPerToken: vars.MAX_SUBSCRIPTIONS_PER_TOKEN,
      maxTotal: vars.MAX_SUBSCRIPTIONS,
      budgetShare: vars.LIVE_POLL_BUDGET_SHARE,
    },
    shared,
    traceExport: tracingSettingsOf(vars),
    introspection: vars.INTROSPECTION,
    persistedDocumentsPath: vars.PERSISTED_DOCUMENTS_PATH,
    corsOrigins: vars.CORS_ORIGINS,
    cache: {
      maxEntries: vars.CACHE_MAX_ENTRIES,
      maxBytes: vars.CACHE_MAX_BYTES,
      finishedTtlMs: vars.CACHE_FINISHED_TTL_MS,
      liveTtlMs: vars.CACHE_LIVE_TTL_MS,
    },
  };
  if (vars.CLOUDFLARE_API_TOKEN === undefined && vars.CLOUDFLARE_API_BASE_URL === undefined) {
    return { ...base, mode: 'demo', liveSessionMinutes: vars.FAKE_LIVE_SESSION_MINUTES };
  }
  if (vars.CLOUDFLARE_API_TOKEN !== undefined && vars.CLOUDFLARE_ACCOUNT_ID === undefined) {
    throw new ConfigError([
      'CLOUDFLARE_ACCOUNT_ID: is required when CLOUDFLARE_API_TOKEN is set, because the server-held token is only used for that account',
    ]);
  }
  return {
    ...base,
    mode: 'upstream',
    baseUrl: vars.CLOUDFLARE_API_BASE_URL ?? DEFAULT_CLOUDFLARE_API_BASE_URL,
    apiToken: vars.CLOUDFLARE_API_TOKEN,
    accountId: vars.CLOUDFLARE_ACCOUNT_ID?.toLowerCase(),
    appId: vars.REALTIMEKIT_APP_ID?.toLowerCase(),
  };
}

/** Prefixes of the gateway's own variables: a name with one of them is meant for it. */
const OWN_PREFIXES = [
  'CLOUDFLARE_',
  'REALTIMEKIT_',
  'UPSTREAM_',
  'TOKEN_',
  'BREAKER_',
  'OPERATION_',
  'MAX_',
  'REQUEST_',
  'LIVE_',
  'CACHE_',
  'REDIS_',
  'FAKE_',
  'SHUTDOWN_',
  'PERSISTED_',
  'CORS_',
];

/** The variables the gateway reads (the fake's own included, read by its main). */
export const KNOWN_VARIABLES: readonly string[] = [
  ...Object.keys(EnvSchema.shape),
  'FAKE_HOST',
  'FAKE_PORT',
  'FAKE_SEED',
  'FAKE_VERSION',
];

/** Edits (insert, delete, substitute, swap neighbours) between two names. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] ?? 0, ((rows[i - 2] as number[])[j - 2] ?? 0) + 1);
      }
    }
  }
  return (rows[a.length] as number[])[b.length] ?? 0;
}

/**
 * What the operator should hear about the environment at start, beside what stops it: settings
 * demo mode ignores, and names that look like a misspelt setting (`CLOUDFLARE_API_TOKN`), which
 * would otherwise be ignored in silence.
 */
export function configWarnings(
  env: Readonly<Record<string, string | undefined>>,
  config: AppConfig,
): string[] {
  const warnings: string[] = [];
  if (config.mode === 'demo') {
    const ignored = ['CLOUDFLARE_ACCOUNT_ID', 'REALTIMEKIT_APP_ID'].filter(
      (name) => (env[name] ?? '') !== '',
    );
    if (ignored.length > 0) {
      warnings.push(
        `${ignored.join(' and ')} ${ignored.length > 1 ? 'are' : 'is'} ignored in demo mode: the demo serves the embedded fake's account and app. Set CLOUDFLARE_API_TOKEN or CLOUDFLARE_API_BASE_URL to use the real API.`,
      );
    }
  }
  const known = new Set(KNOWN_VARIABLES);
  for (const name of Object.keys(env).sort()) {
    if (known.has(name) || !OWN_PREFIXES.some((prefix) => name.startsWith(prefix))) continue;
    const [closest] = KNOWN_VARIABLES.map((candidate) => ({
      candidate,
      edits: distance(name, candidate),
    }))
      .filter(({ edits }) => edits <= 2)
      .sort((a, b) => a.edits - b.edits);
    if (closest !== undefined) {
      warnings.push(`${name} is not a setting of the gateway; did you mean ${closest.candidate}?`);
    }
  }
  return warnings;
}
