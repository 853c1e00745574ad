import type { Plugin } from 'graphql-yoga';
import type { GatewayMetrics } from './metrics.js';
import type { Readiness } from './readiness.js';

export const HEALTH_PATH = '/health';
export const READY_PATH = '/ready';
export const METRICS_PATH = '/metrics';

/**
 * Yoga answers its own health check (an empty 200) at `healthCheckEndpoint`, before any plugin of
 * ours can, and has no switch to turn it off. A request URL never ends with a line feed (URL parsing
 * strips it, and HTTP request lines cannot hold one), so pointing Yoga's check here disables it and
 * leaves `/health` to this plugin.
 */
export const YOGA_HEALTH_CHECK_DISABLED = '/\n';

export interface OperationsEndpointsOptions {
  readonly readiness: Readiness;
  readonly metrics: GatewayMetrics;
  /** Where GraphQL is served: every other path but the ones above is a JSON 404 naming it. */
  readonly graphqlPath?: string;
}

interface Answer {
  readonly status: number;
  readonly body: string;
  readonly contentType: string;
}

const json = (status: number, body: object): Answer => ({
  status,
  body: JSON.stringify(body),
  contentType: 'application/json; charset=utf-8',
});

/**
 * The endpoints for the platform rather than for API clients, answered in `onRequest`, before Yoga
 * parses anything, so they need no token and never meet the GraphQL request checks (CSRF, limits):
 *
 * - `GET /health`, liveness: 200 `{"status":"ok"}` whenever the process can answer at all.
 * - `GET /ready`, readiness: 200 `{"status":"ready"}`, or 503 `{"status":"not_ready","reason":…}`
 *   while shutting down or while the upstream cannot be reached.
 * - `GET /metrics`: the Prometheus text exposition.
 *
 * HEAD works like GET; any other method gets 405.
 */
export function useOperationsEndpoints(options: OperationsEndpointsOptions): Plugin {
  const { readiness, metrics } = options;
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const routes = new Map<string, () => Promise<Answer>>([
    [HEALTH_PATH, () => Promise.resolve(json(200, { status: 'ok' }))],
    [
      READY_PATH,
      async () => {
        const state = await readiness.check();
        return state.ready
          ? json(200, { status: 'ready' })
          : json(503, { status: 'not_ready', reason: state.reason });
      },
    ],
    [
      METRICS_PATH,
      async () => {
        const { contentType, body } = await metrics.render();
        return { status: 200, body, contentType };
      },
    ],
  ]);

  return {
    async onRequest(event) {
      const { url, request, fetchAPI } = event;
      const route = routes.get(url.pathname);
      if (route === undefined) {
        // Any other path but the GraphQL endpoint: say where it is, in the errors' own shape.
        if (url.pathname === graphqlPath) return;
        event.endResponse(
          new fetchAPI.Response(
            request.method === 'HEAD'
              ? null
              : JSON.stringify({
                  errors: [
                    {
                      message: `Nothing is served at ${url.pathname}: the GraphQL endpoint is ${graphqlPath} (and ${HEALTH_PATH}, ${READY_PATH}, ${METRICS_PATH} for operators).`,
                      extensions: { code: 'NOT_FOUND' },
                    },
                  ],
                }),
            { status: 404, headers: { 'content-type': 'application/json; charset=utf-8' } },
          ),
        );
        return;
      }
      const allowed = request.method === 'GET' || request.method === 'HEAD';
      const answer = allowed ? await route() : json(405, { status: 'method_not_allowed' });
      event.endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : answer.body, {
          status: answer.status,
          headers: {
            'content-type': answer.contentType,
            ...(allowed ? {} : { allow: 'GET, HEAD' }),
          },
        }),
      );
    },
  };
}
