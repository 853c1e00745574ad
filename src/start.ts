import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo, Socket } from 'node:net';
import type { AppConfig } from './config.js';
import { exampleQuery } from './example-query.js';
import type { ExampleIds } from './example-query.js';
import type { Logger } from './logger.js';
import { createTracing } from './observability/tracing.js';
import { createGateway } from './server.js';
import { requestTimeout } from './upstream/errors.js';
import type { GatewayConfig } from './server.js';

export interface ShutdownResult {
  /** True when the deadline passed and requests still in flight were cut off. */
  readonly forced: boolean;
}

export interface ServedGateway {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  readonly url: string;
  /** Stops at once: requests in flight are cut off. */
  close(): Promise<void>;
  /**
   * Stops gracefully: `/ready` answers 503 from now on, no new connection is accepted, requests in
   * flight get up to `timeoutMs` to finish (then they are cut off), and then the kept-alive
   * connections and the upstream connection pool are closed. Calling it again, or calling
   * `close()`, joins the stop already under way; `close()` cuts its drain short.
   */
  shutdown(timeoutMs: number): Promise<ShutdownResult>;
}

/** Builds a gateway from its config and serves it over node:http. */
export async function serveGateway(
  config: GatewayConfig,
  listen: { readonly port: number; readonly host: string },
): Promise<ServedGateway> {
  const gateway = createGateway(config);
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  let onIdle: (() => void) | undefined;
  const readTimeoutMs = config.limits.requestReadTimeoutMs;
  const server = createServer(
    {
      // Node's own deadlines for receiving a request: the headers, then the whole request. It checks
      // them every `connectionsCheckingInterval` (30 s by default, far too coarse for these).
      headersTimeout: readTimeoutMs,
      requestTimeout: readTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(readTimeoutMs / 4))),
    },
    (request, response) => {
      inFlight.add(response);
      response.once('close', () => {
        inFlight.delete(response);
        if (inFlight.size === 0) onIdle?.();
      });
      // A kept-alive connection can still bring a request while draining: it is served, and the
      // client is told not to reuse the connection.
      if (draining) response.setHeader('connection', 'close');
      // The gateway answers every request itself, errors included.
      gateway.handle(request, response);
    },
  );
  // graphql-ws over WebSocket, on the same port and path.
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (draining) socket.end('HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\n\r\n');
    else gateway.upgrade(request, socket, head);
  });
  // What Node answers a client error with when nobody listens (lib/_http_server.js), except that a
  // request not received in time gets the gateway's error body, like every other refusal.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (socket.writable && socket.bytesWritten === 0) {
      if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
        const { message, code } = requestTimeout(readTimeoutMs);
        const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
        socket.write(
          `HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
        );
      } else if (error.code === 'HPE_HEADER_OVERFLOW') {
        socket.write('HTTP/1.1 431 Request Header Fields Too Large\r\nconnection: close\r\n\r\n');
      } else {
        socket.write('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
      }
    }
    socket.destroy(error);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  // An address that means every interface is no address to open: the URL names loopback instead.
  const reachable =
    listen.host === '0.0.0.0' || listen.host === ''
      ? '127.0.0.1'
      : listen.host === '::'
        ? '::1'
        : listen.host;
  const host = reachable.includes(':') ? `[${reachable}]` : reachable;

  let forced = false;
  /** Ends every connection now, the ones with a request in flight included. */
  const cutOff = () => {
    if (inFlight.size > 0) forced = true;
    server.closeAllConnections();
  };
  let stopping: Promise<ShutdownResult> | undefined;
  const stop = async (timeoutMs: number): Promise<ShutdownResult> => {
    draining = true;
    gateway.beginShutdown();
    // Subscriptions completed with beginShutdown; their sockets close once that is sent.
    const sockets = gateway.closeSockets(Math.min(timeoutMs, 1_000));
    for (const response of inFlight) {
      if (!response.headersSent) response.setHeader('connection', 'close');
    }
    // Stops accepting connections, and closes the idle kept-alive ones; resolves once none is left.
    const closed = new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
    const idle = new Promise<void>((resolve) => {
      if (inFlight.size === 0) resolve();
      else onIdle = resolve;
    });
    const deadline = setTimeout(() => {
      if (timeoutMs > 0 && inFlight.size > 0) {
        config.logger.warn('Shutdown deadline passed; cutting off requests in flight', {
          inFlight: inFlight.size,
        });
      }
      cutOff();
    }, timeoutMs);
    await idle;
    clearTimeout(deadline);
    await sockets;
    // Connections that finished their last request but were not idle yet when the server closed.
    server.closeAllConnections();
    await closed;
    await gateway.close();
    return { forced };
  };
  return {
    url: `http://${host}:${port}/graphql`,
    async close() {
      const started = stopping !== undefined;
      stopping ??= stop(0);
      if (started) cutOff();
      await stopping;
    },
    shutdown(timeoutMs) {
      if (stopping === undefined) {
        config.logger.info('Draining: no new connections; waiting for requests in flight', {
          inFlight: inFlight.size,
          timeoutMs,
        });
        stopping = stop(timeoutMs);
      }
      return stopping;
    },
  };
}

export interface RunningGateway extends ServedGateway {
  readonly mode: AppConfig['mode'];
}

/** Placeholder ids for the GraphiQL example when the gateway serves a real upstream. */
const PLACEHOLDER_IDS: ExampleIds = {
  sessionId: '00000000-0000-4000-8000-000000000000',
  participantId: '00000000-0000-4000-8000-000000000000',
};

/**
 * Starts the gateway for an application config. In demo mode it first starts the embedded
 * RealtimeKit fake, on loopback only (it is a local demo, not a service), and points the gateway at
 * it with the fake's token as the server-held token.
 */
export async function startGateway(config: AppConfig, logger: Logger): Promise<RunningGateway> {
  const listen = { port: config.port, host: config.host };
  // Handed to the gateway, whose close() shuts it down; until then, shut down here on failure.
  const tracing = await createTracing(config.traceExport, logger);
  const failed = async (error: unknown): Promise<never> => {
    await tracing.shutdown();
    throw error;
  };
  if (config.traceExport !== undefined) {
    logger.info('Exporting OpenTelemetry traces', {
      protocol: config.traceExport.protocol,
      serviceName: config.traceExport.serviceName,
      sampler: config.traceExport.sampler,
    });
  }
  if (config.mode === 'upstream') {
    const served = await serveGateway(
      {
        upstream: { ...config.upstream, baseUrl: config.baseUrl },
        limits: config.limits,
        introspection: config.introspection,
        serverToken: config.apiToken,
        defaults: { accountId: config.accountId, appId: config.appId },
        graphiql: { exampleQuery: exampleQuery(PLACEHOLDER_IDS), demoAuthorization: undefined },
        persistedDocumentsPath: config.persistedDocumentsPath,
        corsOrigins: config.corsOrigins,
        cache: config.cache,
        live: config.live,
        shared: config.shared,
        tracing,
        logger,
      },
      listen,
    ).catch(failed);
    logger.info('Serving the configured RealtimeKit upstream', {
      graphql: served.url,
      upstream: config.baseUrl,
    });
    return { ...served, mode: config.mode };
  }

  // Imported here, not at the top: a gateway in front of the real upstream never loads the fake,
  // and the Docker image leaves it out of dist/ altogether.
  const { DEMO_TOKEN, startFakeUpstream } = await import('./fake-upstream/index.js').catch(
    (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
      throw new Error(
        'demo mode needs the embedded fake, which this build leaves out (the Docker image does): set CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID and REALTIMEKIT_APP_ID to serve the real API, or run the demo from a checkout with npm start.',
      );
    },
  );
  const fake = await startFakeUpstream({
    host: '127.0.0.1',
    port: 0,
    liveSessionMinutes: config.liveSessionMinutes,
  }).catch(failed);
  const served = await serveGateway(
    {
      upstream: { ...config.upstream, baseUrl: fake.url },
      limits: config.limits,
      introspection: config.introspection,
      serverToken: DEMO_TOKEN,
      defaults: { accountId: fake.accountId, appId: fake.appId },
      graphiql: {
        exampleQuery: exampleQuery(fake.demo),
        demoAuthorization: `Bearer ${DEMO_TOKEN}`,
      },
      persistedDocumentsPath: config.persistedDocumentsPath,
      corsOrigins: config.corsOrigins,
      cache: config.cache,
      live: config.live,
      shared: config.shared,
      tracing,
      logger,
    },
    listen,
  ).catch(async (error: unknown) => {
    await fake.close();
    return failed(error);
  });
  logger.info(
    'Demo mode: no CLOUDFLARE_API_TOKEN or CLOUDFLARE_API_BASE_URL is set, so the gateway serves the embedded RealtimeKit fake and its seeded data',
    { graphql: served.url, upstream: fake.url, demo: fake.demo },
  );
  return {
    url: served.url,
    mode: config.mode,
    async close() {
      await served.close();
      await fake.close();
    },
    // The fake stops last: requests still draining may be waiting for its answers.
    async shutdown(timeoutMs) {
      const result = await served.shutdown(timeoutMs);
      await fake.close();
      return result;
    },
  };
}
