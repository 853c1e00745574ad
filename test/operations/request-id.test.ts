import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';
import { logEntries, originOf } from './support.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let harness: Harness;
let sessionId: string;
let participantId: string;
beforeAll(async () => {
  harness = await startHarness();
  ({ sessionId, participantId } = harness.fake.demo);
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => {
  harness.fake.clearFaults();
  harness.logLines.length = 0;
});

const linesOf = (requestId: string) =>
  logEntries(harness).filter((entry) => entry['requestId'] === requestId);

describe('the request id', () => {
  it('is a new UUID when the request brings none, returned in x-request-id', async () => {
    const first = await harness.query('{ __typename }');
    const second = await harness.query('{ __typename }');
    expect(first.headers.get('x-request-id')).toMatch(UUID);
    expect(second.headers.get('x-request-id')).toMatch(UUID);
    expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
  });

  it('is the incoming x-request-id when that is well-formed', async () => {
    const id = 'lb-7f3a.9c1e_0042';
    const { headers } = await harness.query('{ __typename }', { headers: { 'x-request-id': id } });
    expect(headers.get('x-request-id')).toBe(id);
    const longest = await harness.query('{ __typename }', {
      headers: { 'x-request-id': 'x'.repeat(128) },
    });
    expect(longest.headers.get('x-request-id')).toBe('x'.repeat(128));
  });

  it.each([
    ['too long', 'x'.repeat(129)],
    ['with a space', 'two words'],
    ['with markup', '<script>'],
    ['with a path', '../etc/passwd'],
    ['with a header separator', 'a;b=c'],
  ])('replaces an incoming id %s with a new UUID', async (_name, id) => {
    const { headers } = await harness.query('{ __typename }', { headers: { 'x-request-id': id } });
    expect(headers.get('x-request-id')).toMatch(UUID);
    expect(harness.logLines.join('\n')).not.toContain(id);
  });

  it('is in extensions.requestId of every field error', async () => {
    const { body, headers } = await harness.query(
      `{ participant(sessionId: "${sessionId}", participantId: "not-a-uuid") { id } }`,
      { headers: { 'x-request-id': 'field-error-1' } },
    );
    expect(headers.get('x-request-id')).toBe('field-error-1');
    expect(body.errors?.map((error) => error.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', requestId: 'field-error-1' },
    ]);
  });

  it('is in extensions.requestId of a request refused before execution', async () => {
    const refused = await fetch(`${harness.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'x-request-id': 'csrf-1' },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-request-id')).toBe('csrf-1');
    const body = (await refused.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors.map((error) => error.extensions)).toEqual([
      { code: 'CSRF_PREVENTED', requestId: 'csrf-1' },
    ]);

    const invalid = await harness.query('{ nope }', { headers: { 'x-request-id': 'invalid-1' } });
    expect(invalid.body.errors?.map((error) => error.extensions)).toEqual([
      { code: 'GRAPHQL_VALIDATION_FAILED', requestId: 'invalid-1' },
    ]);
  });

  it('is on the operations endpoints too', async () => {
    const response = await fetch(`${originOf(harness)}/health`, {
      headers: { 'x-request-id': 'probe-1' },
    });
    expect(response.headers.get('x-request-id')).toBe('probe-1');
  });
});

describe('log lines', () => {
  it("carry the request id on every line about the request, the transport's included", async () => {
    harness.fake.injectFault({ match: { endpoint: 'participant' }, status: 503, times: 1 });
    const { body } = await harness.query(
      `{ participant(sessionId: "${sessionId}", participantId: "${participantId}") { id } }`,
      { headers: { 'x-request-id': 'logged-1' } },
    );
    expect(body.errors).toBeUndefined();
    const messages = linesOf('logged-1').map((entry) => entry['msg']);
    expect(messages).toEqual(
      expect.arrayContaining(['upstream call', 'upstream retry', 'request']) as unknown,
    );
    // Every line of the transport was written while this request was the only one.
    const upstreamLines = logEntries(harness).filter((entry) =>
      String(entry['msg']).startsWith('upstream'),
    );
    expect(upstreamLines.length).toBeGreaterThanOrEqual(3);
    for (const entry of upstreamLines) expect(entry['requestId']).toBe('logged-1');
  });

  it('keep concurrent requests apart', async () => {
    const other = await secondParticipant();
    harness.fake.injectFault({ match: { id: participantId }, delayMs: 150 });
    const [slow, fast] = await Promise.all([
      harness.query(
        `{ participant(sessionId: "${sessionId}", participantId: "${participantId}") { id } }`,
        { headers: { 'x-request-id': 'slow-1' } },
      ),
      harness.query(
        `{ participant(sessionId: "${sessionId}", participantId: "${other}") { id } }`,
        { headers: { 'x-request-id': 'fast-1' } },
      ),
    ]);
    expect(slow.body.errors).toBeUndefined();
    expect(fast.body.errors).toBeUndefined();
    const calls = logEntries(harness).filter((entry) => entry['msg'] === 'upstream call');
    expect(
      calls.map((entry) => [entry['requestId'], String(entry['path']).includes(other)]),
    ).toEqual([
      ['fast-1', true],
      ['slow-1', false],
    ]);
  });

  it('include one access-log line per request, without query text, variables or headers', async () => {
    const secret = 'variable-value-7d1e';
    await harness.query(
      'query AccessLogged($id: ID!) { participant(sessionId: $id, participantId: $id) { displayName } }',
      { variables: { id: secret }, headers: { 'x-request-id': 'access-1' } },
    );
    await fetch(`${originOf(harness)}/ready?probe=1`, { headers: { 'x-request-id': 'access-2' } });

    const access = logEntries(harness).filter((entry) => entry['msg'] === 'request');
    expect(access).toEqual([
      {
        level: 'info',
        time: expect.any(String) as unknown,
        pid: process.pid,
        hostname: expect.any(String) as unknown,
        msg: 'request',
        requestId: 'access-1',
        method: 'POST',
        path: '/graphql',
        status: 200,
        durationMs: expect.any(Number) as unknown,
        operation: 'AccessLogged',
        outcome: 'error',
      },
      {
        level: 'info',
        time: expect.any(String) as unknown,
        pid: process.pid,
        hostname: expect.any(String) as unknown,
        msg: 'request',
        requestId: 'access-2',
        method: 'GET',
        path: '/ready',
        status: 200,
        durationMs: expect.any(Number) as unknown,
      },
    ]);
    const text = harness.logLines.join('\n');
    for (const hidden of [secret, 'displayName', DEMO_TOKEN, 'probe=1', 'authorization']) {
      expect(text).not.toContain(hidden);
    }
  });
});

async function secondParticipant(): Promise<string> {
  const { body } = await harness.query(
    `{ session(sessionId: "${sessionId}") { participants { items { id } } } }`,
  );
  const items = (body.data?.['session'] as { participants: { items: { id: string }[] } })
    .participants.items;
  const id = items.find((item) => item.id !== participantId)?.id;
  if (id === undefined) throw new Error('the demo session needs two participants');
  harness.logLines.length = 0;
  return id;
}
