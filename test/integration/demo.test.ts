import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startGateway } from '../../src/start.js';
import type { RunningGateway } from '../../src/start.js';

/** The README promises that its first graphql block works as written on the demo data. */
function firstReadmeQuery(): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const match = /```graphql\n([\s\S]*?)```/.exec(readme);
  if (!match?.[1]) throw new Error('README.md has no ```graphql block');
  return match[1];
}

let gateway: RunningGateway;
const logLines: string[] = [];

beforeAll(async () => {
  // Exactly what `npm start` does with an empty environment, but on a free port.
  gateway = await startGateway(
    loadConfig({ PORT: '0' }),
    createLogger('info', (line) => logLines.push(line)),
  );
});
afterAll(async () => {
  await gateway.close();
});

describe('demo mode (npm start without configuration)', () => {
  it('starts the embedded fake and says so in one log line', () => {
    expect(gateway.mode).toBe('demo');
    const demoLines = logLines.filter((line) => line.includes('Demo mode'));
    expect(demoLines).toHaveLength(1);
    expect(JSON.parse(demoLines[0] ?? '')).toMatchObject({ level: 'info', graphql: gateway.url });
  });

  it("answers the README's first example query without any header", async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: firstReadmeQuery() }),
    });
    const body = (await response.json()) as {
      data?: { participant: { displayName: string; peerStats: unknown; qualityStats: unknown[] } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(body.data?.participant.displayName).toEqual(expect.any(String));
    expect(body.data?.participant.peerStats).not.toBeNull();
    expect(body.data?.participant.qualityStats.length).toBeGreaterThan(0);
  });

  it('serves GraphiQL at /graphql, opening on the example query for the demo data', async () => {
    const response = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('RealtimeKit GraphQL');
    const readmeIds = firstReadmeQuery().match(/[0-9a-f]{8}-[0-9a-f-]{27}/g);
    expect(readmeIds).toHaveLength(2);
    for (const id of readmeIds ?? []) expect(html).toContain(id);
  });
});

describe('demo mode with FAKE_LIVE_SESSION_MINUTES', () => {
  it("ends the demo's live call that long after start (0: at once), and leaves it live without it", async () => {
    const statuses: unknown[] = [];
    for (const minutes of ['0', '']) {
      const demo = await startGateway(
        loadConfig({ PORT: '0', FAKE_LIVE_SESSION_MINUTES: minutes }),
        createLogger('silent'),
      );
      try {
        const response = await fetch(demo.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ sessions(perPage: 100) { items { status } } }' }),
        });
        const body = (await response.json()) as {
          data?: { sessions: { items: { status: string }[] } };
        };
        statuses.push(body.data?.sessions.items.some((item) => item.status === 'LIVE'));
      } finally {
        await demo.close();
      }
    }
    expect(statuses).toEqual([false, true]);
  });
});
