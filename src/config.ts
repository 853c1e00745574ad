import { z } from 'zod';
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
  UPSTREAM_MAX_RESPONSE_BYTES: optional(integer(1024, 1024 ** 3)).default(16 * 1024 * 1024),
  UPSTREAM_CONNECTIONS: optional(integer(1, 1024)).default(32),
  UPSTREAM_CONCURRENCY_PER_REQUEST: optional(integer(1, 256)).default(8),
  LOG_LEVEL: optional(z.enum(['debug', 'info', 'warn', 'error', 'silent'])).default('info'),
});

export type LogLevel = z.output<typeof EnvSchema>['LOG_LEVEL'];

export interface UpstreamSettings {
  readonly connectTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly maxResponseBytes: number;
  readonly connections: number;
  readonly concurrencyPerRequest: number;
}

/**
 * Demo mode runs the embedded RealtimeKit fake; it is chosen only when nothing points at a real
 * upstream, so a configured token can never be sent to the fake and vice versa.
 */
export type AppConfig = {
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
  readonly upstream: UpstreamSettings;
} & (
  | { readonly mode: 'demo' }
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
        // Never echo the token's value, even when it is the one that is wrong.
        const shown = name === 'CLOUDFLARE_API_TOKEN' ? '' : ` (got ${JSON.stringify(env[name])})`;
        return `${name}: ${issue.message}${shown}`;
      }),
    );
  }
  const vars = parsed.data;
  const base = {
    port: vars.PORT,
    host: vars.HOST,
    logLevel: vars.LOG_LEVEL,
    upstream: {
      connectTimeoutMs: vars.UPSTREAM_CONNECT_TIMEOUT_MS,
      requestTimeoutMs: vars.UPSTREAM_TIMEOUT_MS,
      maxResponseBytes: vars.UPSTREAM_MAX_RESPONSE_BYTES,
      connections: vars.UPSTREAM_CONNECTIONS,
      concurrencyPerRequest: vars.UPSTREAM_CONCURRENCY_PER_REQUEST,
    },
  };
  if (vars.CLOUDFLARE_API_TOKEN === undefined && vars.CLOUDFLARE_API_BASE_URL === undefined) {
    return { ...base, mode: 'demo' };
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
