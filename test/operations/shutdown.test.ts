import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { DEMO_TOKEN, startFakeUpstream } from '../../src/fake-upstream/index.js';
import type { FakeUpstream } from '../../src/fake-upstream/index.js';
import { createLogger } from '../../src/logger.js';
import { startGateway } from '../../src/start.js';
import type { RunningGateway } from '../../src/start.js';
import { askForParticipant, refusesConnections, until } from './support.js';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { openSse } from '../support/live.js';

let fake: FakeUpstream;
let gateway: RunningGateway | undefined;
let logLines: string[];

beforeEach(async () => {
  fake = await startFakeUpstream({ tokens: [DEMO_TOKEN] });
  logLines = [];
});
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
  await fake.close();
});

/** The gateway main.ts starts, pointed at this test's fake so that the test can script it. */
async function start(): Promise<RunningGateway> {
  gateway = await startGateway(
    loadConfig({
      PORT: '0',
      CLOUDFLARE_API_BASE_URL: fake.url,
      CLOUDFLARE_API_TOKEN: DEMO_TOKEN,
      CLOUDFLARE_ACCOUNT_ID: fake.accountId,
      REALTIMEKIT_APP_ID: fake.appId,
    }),
    createLogger('info', (line) => logLines.push(line)),
  );
  return gateway;
}

const participantQuery = (url: string): Promise<Response> => askForParticipant(url, fake.demo);

describe('SHUTDOWN_TIMEOUT_MS', () => {
  it('defaults to 10 seconds and must be a whole number of milliseconds', () => {
    expect(loadConfig({}).shutdownTimeoutMs).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '2500' }).shutdownTimeoutMs).toBe(2_500);
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: 'soon' })).toThrow(ConfigError);
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: 'soon' })).toThrow(
      'SHUTDOWN_TIMEOUT_MS: must be an integer from 0 to 600000 (got "soon")',
    );
  });
});

describe('graceful shutdown', () => {
  it('lets a request in flight finish, refuses new connections, then closes everything', async () => {
    const running = await start();
    fake.injectFault({ match: { endpoint: 'participant' }, delayMs: 400 });
    const slow = participantQuery(running.url);
    await until(() => fake.inFlight === 1);

    const stopped = running.shutdown(5_000);
    expect(await refusesConnections(running.url)).toBe(true);

    const response = await slow;
    expect(response.status).toBe(200);
    // The client is told not to reuse the connection it came on.
    expect(response.headers.get('connection')).toBe('close');
    const body = (await response.json()) as { data: { participant: { id: string } } };
    expect(body.data.participant.id).toBe(fake.demo.participantId);
    expect(await stopped).toEqual({ forced: false });
    expect(fake.calls).toHaveLength(1);
    expect(logLines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toContain(
      'Draining: no new connections; waiting for requests in flight',
    );
  });

  it('cuts off requests still in flight at the deadline and reports it', async () => {
    const running = await start();
    fake.injectFault({ match: { endpoint: 'participant' }, hang: true });
    const hung = participantQuery(running.url).then(
      () => 'answered',
      () => 'cut off',
    );
    await until(() => fake.inFlight === 1);

    const started = Date.now();
    expect(await running.shutdown(200)).toEqual({ forced: true });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await hung).toBe('cut off');
    // The upstream call was abandoned with its client.
    await until(() => fake.inFlight === 0);
    expect(logLines.join('\n')).toContain('Shutdown deadline passed');
  });

  it('stops at once when nothing is in flight', async () => {
    const running = await start();
    expect((await participantQuery(running.url)).status).toBe(200);
    const started = Date.now();
    expect(await running.shutdown(10_000)).toEqual({ forced: false });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await refusesConnections(running.url)).toBe(true);
  });

  it('completes open subscriptions, over WebSocket and SSE, and closes their connections', async () => {
    const running = await start();
    const query = `subscription { sessionUpdates(sessionId: "${fake.demo.liveSessionId}") { id } }`;
    const ws = createClient({
      url: running.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    const wsEvents: unknown[] = [];
    const wsDone = new Promise<string>((resolve) => {
      ws.subscribe(
        { query },
        {
          next: (event) => wsEvents.push(event),
          complete: () => {
            resolve('complete');
          },
          error: () => {
            resolve('error');
          },
        },
      );
    });
    const sse = await openSse(running.url, query, DEMO_TOKEN);
    expect((await sse.next()).data?.data).toEqual({
      sessionUpdates: { id: fake.demo.liveSessionId },
    });
    await until(() => wsEvents.length === 1);
    expect(await running.shutdown(5_000)).toEqual({ forced: false });
    expect(await wsDone).toBe('complete');
    expect(await sse.next()).toEqual({ complete: true });
    await ws.dispose();
  });

  it('is the same stop when asked twice', async () => {
    const running = await start();
    const first = running.shutdown(1_000);
    expect(running.shutdown(1_000)).toBe(first);
    expect(await first).toEqual({ forced: false });
  });

  it('in demo mode, closes the embedded fake last', async () => {
    const demoLines: string[] = [];
    const demo = await startGateway(
      loadConfig({ PORT: '0' }),
      createLogger('info', (line) => demoLines.push(line)),
    );
    const announced = demoLines
      .map((line) => JSON.parse(line) as { msg: string; upstream?: string })
      .find((entry) => entry.msg.startsWith('Demo mode'));
    const fakeUrl = announced?.upstream ?? '';
    expect(fakeUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/client\/v4$/);
    expect((await fetch(new URL('/ready', demo.url))).status).toBe(200);

    expect(await demo.shutdown(1_000)).toEqual({ forced: false });
    expect(await refusesConnections(demo.url)).toBe(true);
    expect(await refusesConnections(fakeUrl)).toBe(true);
  });
});
