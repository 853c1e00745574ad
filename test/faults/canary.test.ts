import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

/*
 * A canary token travels every path a token can take — the client's header, the server-held
 * token, upstream bodies and errors that echo it, configuration errors — and must appear nowhere:
 * not in a log line (debug level, so everything is logged), an error, a response body or a header.
 */

const CANARY = 'canary-7f3a9c1e-do-not-leak';
const captured: string[] = [];

let client: Harness;
let server: Harness;
beforeAll(async () => {
  client = await startHarness({ fake: { tokens: [CANARY] } });
  server = await startHarness({ fake: { tokens: [CANARY] }, gateway: { serverToken: CANARY } });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

async function capture(h: Harness, query: string, authorization: string | null) {
  const response = await h.query(query, { headers: { authorization } });
  captured.push(JSON.stringify(response.body));
  response.headers.forEach((value, name) => captured.push(`${name}: ${value}`));
}

function queries(h: Harness): string[] {
  const { sessionId, participantId } = h.fake.demo;
  return [
    `{ participant(sessionId: "${sessionId}", participantId: "${participantId}") { displayName peerReport { quality { audio { producerCumulative { qualityMos { avg } } } } } } }`,
    `{ session(sessionId: "${sessionId}") { status participants { items { displayName } } } }`,
    `{ participant(sessionId: "${sessionId}", participantId: "not-a-uuid") { id } }`,
    `{ participant(sessionId: "${sessionId}", participantId: "${participantId}", accountId: "fedcba9876543210fedcba9876543210") { id } }`,
    '{ nope }',
    '{ participant(',
  ];
}

describe('a canary token', () => {
  it('never appears in logs, errors, responses or headers', async () => {
    for (const h of [client, server]) {
      for (const fault of [
        undefined,
        { status: 401, echoAuthorization: true as const },
        { status: 500, echoAuthorization: true as const },
        { status: 200, body: `{"echo":"Bearer ${CANARY}"` },
        // Bare, without a `Bearer` before it: nothing shaped like a credential gives it away. No
        // code logs an upstream body today; if one ever does, the logger masks the tokens in play
        // (withSecretsMasked, tested in test/unit/logger.test.ts).
        { status: 500, body: `upstream trace: token=${CANARY}` },
        { status: 400, body: { success: false, errors: [{ code: 7000, message: CANARY }] } },
        { status: 200, body: CANARY },
        { status: 200, body: { success: true, data: { [CANARY]: CANARY, id: CANARY } } },
        { status: 429, retryAfter: 3600, echoAuthorization: true as const },
      ]) {
        h.fake.clearFaults();
        if (fault) h.fake.injectFault(fault);
        for (const query of queries(h)) {
          await capture(h, query, h === client ? `Bearer ${CANARY}` : null);
        }
      }
      // A malformed header that contains the canary is refused without being echoed.
      await capture(h, '{ __typename }', `Token ${CANARY}`);
      await capture(h, queries(h)[0] ?? '', `Bearer ${CANARY} extra`);
    }
    try {
      loadConfig({ CLOUDFLARE_API_TOKEN: CANARY, PORT: 'nope' });
    } catch (error) {
      if (error instanceof ConfigError) captured.push(error.message);
    }

    const everything = [...captured, ...client.logLines, ...server.logLines].join('\n');
    expect(client.logLines.length + server.logLines.length).toBeGreaterThan(50);
    expect(everything.split(CANARY).length - 1).toBe(0);
    // The fake did receive it: the canary really travelled.
    expect(client.fake.calls.length).toBeGreaterThan(10);
    expect(server.fake.calls.length).toBeGreaterThan(10);
  });
});
