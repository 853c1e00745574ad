import { Client } from 'undici';
import type { Logger } from '../logger.js';

export type NotReadyReason = 'shutting_down' | 'upstream_unreachable';

export type ReadinessState =
  { readonly ready: true } | { readonly ready: false; readonly reason: NotReadyReason };

export interface ReadinessOptions {
  /** The upstream API base; only its origin is probed. */
  readonly baseUrl: string;
  /** How long one probe may take, connect included. */
  readonly timeoutMs?: number;
  /** How long a probe's answer is reused, so that load balancers polling often cost one probe. */
  readonly cacheMs?: number;
  readonly logger: Logger;
  readonly now?: () => number;
}

export interface Readiness {
  check(): Promise<ReadinessState>;
  /** From now on the gateway reports not ready: it is draining and will stop. */
  beginShutdown(): void;
  close(): Promise<void>;
}

/** Why a probe got no answer. */
export type ProbeCause = 'dns' | 'refused' | 'tls' | 'timeout' | 'reset' | 'network';

const PROBE_CAUSES: Readonly<Record<ProbeCause, string>> = {
  dns: 'its name does not resolve (DNS)',
  refused: 'the connection was refused (nothing listens there)',
  tls: 'the TLS handshake failed (certificate or protocol)',
  timeout: 'it did not answer in time',
  reset: 'the connection was reset',
  network: 'the network failed',
};

/** The cause of a failed probe, from the error codes of Node and undici. */
function causeOf(error: unknown): ProbeCause {
  const codes: string[] = [];
  for (let at: unknown = error; at instanceof Error && codes.length < 5; at = at.cause) {
    // A DOMException (an aborted or timed-out signal) has a numeric legacy `code`: its name says.
    const { code } = at as { code?: unknown };
    codes.push(typeof code === 'string' ? code : at.name);
  }
  const has = (test: (code: string) => boolean) => codes.some(test);
  if (has((code) => code === 'ENOTFOUND' || code === 'EAI_AGAIN')) return 'dns';
  if (has((code) => code === 'ECONNREFUSED')) return 'refused';
  if (has((code) => /TLS|CERT|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))) return 'tls';
  if (has((code) => /TIMEOUT|TimeoutError|AbortError/.test(code))) return 'timeout';
  if (has((code) => code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')) return 'reset';
  return 'network';
}

export const READINESS_PROBE_TIMEOUT_MS = 2_000;
export const READINESS_CACHE_MS = 5_000;

/**
 * Readiness: the gateway is ready when it is not shutting down and its upstream answers. The
 * configuration needs no check here: it was validated before anything started. Reachability is a
 * HEAD request to the upstream origin's root, without any Authorization header, on a connection of
 * its own (a probe must never take a slot from real calls, nor trip the circuit breaker). Any HTTP
 * answer, whatever its status, shows the network path and TLS work; only no answer in time is a
 * failure. Concurrent checks share one probe, and its answer is reused for `cacheMs`.
 */
export function createReadiness(options: ReadinessOptions): Readiness {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? READINESS_PROBE_TIMEOUT_MS;
  const cacheMs = options.cacheMs ?? READINESS_CACHE_MS;
  const { origin } = new URL(options.baseUrl);
  const client = new Client(origin, {
    connect: { timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  let shuttingDown = false;
  let last: { readonly atMs: number; readonly reachable: boolean } | undefined;
  let probing: Promise<boolean> | undefined;

  /** The probe's answer: reachable, or why not, in words an operator can act on. */
  async function probe(): Promise<{ readonly reachable: boolean; readonly cause?: ProbeCause }> {
    try {
      const response = await client.request({
        method: 'HEAD',
        path: '/',
        headers: { 'user-agent': 'realtimekit-graphql readiness probe' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body.dump();
      return { reachable: true };
    } catch (error) {
      options.logger.debug('readiness probe failed', {
        upstream: origin,
        error: error instanceof Error ? error : String(error),
      });
      return { reachable: false, cause: causeOf(error) };
    }
  }

  async function upstreamReachable(): Promise<boolean> {
    if (last !== undefined && now() - last.atMs < cacheMs) return last.reachable;
    probing ??= probe().then(({ reachable, cause }) => {
      // Changes only: a load balancer polling every few seconds must not flood the log.
      const wasReachable = last?.reachable ?? true;
      if (wasReachable && !reachable) {
        options.logger.warn(`upstream unreachable: ${PROBE_CAUSES[cause ?? 'network']}`, {
          upstream: origin,
          cause: cause ?? 'network',
        });
      }
      if (!wasReachable && reachable)
        options.logger.info('upstream reachable', { upstream: origin });
      last = { atMs: now(), reachable };
      probing = undefined;
      return reachable;
    });
    return probing;
  }

  return {
    async check() {
      const reachable = shuttingDown ? false : await upstreamReachable();
      // Checked after the probe as well: a shutdown that began while it ran wins.
      if (shuttingDown) return { ready: false, reason: 'shutting_down' };
      return reachable ? { ready: true } : { ready: false, reason: 'upstream_unreachable' };
    },
    beginShutdown() {
      shuttingDown = true;
    },
    async close() {
      await client.destroy();
    },
  };
}
