import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from './config.js';
import { exampleQuery } from './example-query.js';
import type { ExampleIds } from './example-query.js';
import { DEMO_TOKEN, startFakeUpstream } from './fake-upstream/index.js';
import type { Logger } from './logger.js';
import { createGateway } from './server.js';
import type { GatewayConfig } from './server.js';

export interface ServedGateway {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  readonly url: string;
  close(): Promise<void>;
}

/** Builds a gateway from its config and serves it over node:http. */
export async function serveGateway(
  config: GatewayConfig,
  listen: { readonly port: number; readonly host: string },
): Promise<ServedGateway> {
  const gateway = createGateway(config);
  // Yoga answers every request itself, errors included, so its promise carries nothing to handle.
  const server = createServer((request, response) => {
    void gateway.yoga(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  return {
    url: `http://${host}:${port}/graphql`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      await gateway.close();
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
        logger,
      },
      listen,
    );
    logger.info('Serving the configured RealtimeKit upstream', {
      graphql: served.url,
      upstream: config.baseUrl,
    });
    return { ...served, mode: config.mode };
  }

  const fake = await startFakeUpstream({ host: '127.0.0.1', port: 0 });
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
      logger,
    },
    listen,
  ).catch(async (error: unknown) => {
    await fake.close();
    throw error;
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
  };
}
