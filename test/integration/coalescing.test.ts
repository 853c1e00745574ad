import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import { startHarness } from '../support/harness.js';
import type { Harness, HarnessOptions } from '../support/harness.js';

/*
 * Identical loads of concurrent requests share one upstream call: the same resource, for the same
 * token, with covering sections. The harness's cross-request cache is off, so only coalescing can
 * spare a call here.
 */

const OTHER_TOKEN = 'rtk-coalescing-other';
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function start(options: HarnessOptions = {}): Promise<Harness> {
  h = await startHarness({ fake: { tokens: [DEMO_TOKEN, OTHER_TOKEN] }, ...options });
  return h;
}

const twoResources = (harness: Harness) => {
  const { sessionId, participantId } = harness.fake.demo;
  return `{ participant(sessionId: "${sessionId}", participantId: "${participantId}") { displayName peerStats { deviceInfo { os } } } peerReport(peerId: "${participantId}") { quality { audio { producerCumulative { qualityMos { avg } } } } } }`;
};

const metric = async (harness: Harness, name: string, labels: string) => {
  const text = await fetch(`${new URL(harness.url).origin}/metrics`).then((r) => r.text());
  return Number(new RegExp(`^${name}\\{${labels}\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
};

describe('coalescing identical concurrent loads', () => {
  it('makes one upstream call per distinct resource for 60 concurrent identical requests', async () => {
    const harness = await start();
    // Slow enough that all 60 requests are in flight together.
    harness.fake.injectFault({ delayMs: 300 });
    const query = twoResources(harness);
    const answers = await Promise.all(Array.from({ length: 60 }, () => harness.query(query)));
    for (const answer of answers) expect(answer.body.errors).toBeUndefined();
    expect(
      answers.every((answer) => JSON.stringify(answer.body) === JSON.stringify(answers[0]?.body)),
    ).toBe(true);
    expect(harness.fake.calls.map((call) => call.endpoint).sort()).toEqual([
      'participant',
      'peerReport',
    ]);
    expect(
      await metric(harness, 'rtk_graphql_upstream_coalesced_total', 'resource="participant"'),
    ).toBe(59);
    expect(
      await metric(harness, 'rtk_graphql_upstream_coalesced_total', 'resource="peer_report"'),
    ).toBe(59);
  });

  it('never shares a call between two tokens', async () => {
    const harness = await start();
    harness.fake.injectFault({ delayMs: 300 });
    const query = twoResources(harness);
    await Promise.all([
      harness.query(query),
      harness.query(query, { headers: { authorization: `Bearer ${OTHER_TOKEN}` } }),
    ]);
    expect(harness.fake.calls).toHaveLength(4);
  });

  it('delivers a failure to every waiter, and keeps nothing of it', async () => {
    const harness = await start({
      gateway: { upstream: { retries: { max: 0, baseDelayMs: 1, maxDelayMs: 1 } } },
    });
    harness.fake.injectFault({ status: 503, delayMs: 200, times: 2 });
    const query = twoResources(harness);
    const answers = await Promise.all(Array.from({ length: 5 }, () => harness.query(query)));
    for (const answer of answers) {
      expect(answer.body.errors?.map((error) => error.extensions?.['code'])).toEqual([
        'UPSTREAM_UNAVAILABLE',
        'UPSTREAM_UNAVAILABLE',
      ]);
    }
    expect(harness.fake.calls).toHaveLength(2);
    // The next request asks again, and now succeeds.
    expect((await harness.query(query)).body.errors).toBeUndefined();
    expect(harness.fake.calls).toHaveLength(4);
  });

  it('keeps the shared call going for the others when the client that started it hangs up', async () => {
    const harness = await start();
    harness.fake.injectFault({ delayMs: 400 });
    const query = twoResources(harness);
    const controller = new AbortController();
    const starter = fetch(harness.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKEN}` },
      body: JSON.stringify({ query }),
      signal: controller.signal,
    }).catch((error: unknown) => error);
    // Once the starter's calls are in flight, others join them; then the starter leaves.
    while (harness.fake.inFlight < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    const others = Array.from({ length: 3 }, () => harness.query(query));
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await starter;
    for (const answer of await Promise.all(others)) expect(answer.body.errors).toBeUndefined();
    expect(harness.fake.calls).toHaveLength(2);
  });
});
