import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from './config.js';
import { exampleQuery } from './example-query.js';
import type { ExampleIds } from './example-query.js';
import { DEMO_TOKEN, startFakeUpstream } from './fake-upstream/index.js';
import type { Logger } from './logger.js';
import { createGateway } from './server.js';
import type { GatewayConfig } from './server.js';

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  readonly url: string;
  readonly mode: AppConfig['mode'];
  close(): Promise<void>;
}

/** Placeholder ids for the GraphiQL example when the gateway serves a real upstream. */
const PLACEHOLDER_IDS: ExampleIds = {
  sessionId: '00000000-0000-4000-8000-000000000000',
  participantId: '00000000-0000-4000-8000-000000000000',
};

/**
 * Starts the gateway and, in demo mode, the embedded RealtimeKit fake it points at. The fake only
 * ever listens on loopback: it is a local demo, not a service.
 */
export async function startGateway(config: AppConfig, logger: Logger): Promise<RunningGateway> {
  const fake =
    config.mode === 'demo' ? await startFakeUpstream({ host: '127.0.0.1', port: 0 }) : undefined;
  const upstream = {
    ...config.upstream,
    baseUrl: fake ? fake.url : config.mode === 'upstream' ? config.baseUrl : '',
  };
  const gatewayConfig: GatewayConfig = fake
    ? {
        upstream,
        serverToken: DEMO_TOKEN,
        defaults: { accountId: fake.accountId, appId: fake.appId },
        exampleQuery: exampleQuery(fake.demo),
        logger,
      }
    : {
        upstream,
        serverToken: config.mode === 'upstream' ? config.apiToken : undefined,
        defaults:
          config.mode === 'upstream'
            ? { accountId: config.accountId, appId: config.appId }
            : { accountId: undefined, appId: undefined },
        exampleQuery: exampleQuery(PLACEHOLDER_IDS),
        logger,
      };
  const gateway = createGateway(gatewayConfig);
  const server = createServer(gateway.yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}/graphql`;
  if (fake) {
    logger.info(
      'Demo mode: no CLOUDFLARE_API_TOKEN or CLOUDFLARE_API_BASE_URL set, serving the embedded RealtimeKit fake with seeded data',
      {
        graphql: url,
        upstream: fake.url,
        accountId: fake.accountId,
        appId: fake.appId,
        demo: fake.demo,
      },
    );
  } else {
    logger.info('Serving the configured RealtimeKit upstream', {
      graphql: url,
      upstream: upstream.baseUrl,
    });
  }
  return {
    url,
    mode: config.mode,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      await gateway.close();
      await fake?.close();
    },
  };
}
