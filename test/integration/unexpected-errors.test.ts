/**
 * An error the gateway did not expect (a bug) is masked for the client, who sees only
 * `Unexpected error.`, and logged with everything an operator needs to fix it: the stack, the
 * causes and the field. To provoke one for real, the gateway is given a tracer that throws when an
 * upstream attempt begins, as a broken exporter library might: the throw happens inside a field's
 * load, where no error of the gateway's own is expected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import type { OperationTrace, Tracing } from '../../src/observability/tracing.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

const BREAKAGE = 'the tracer broke while starting an attempt';

/** Throws from here, so that this file's name is in the stack the log must show. */
function brokenAttempt(): never {
  throw new TypeError(BREAKAGE, { cause: new RangeError('deeper cause') });
}

const brokenTracing: Tracing = {
  enabled: true,
  startOperation: (): OperationTrace => ({
    attempt: brokenAttempt,
    hit: () => undefined,
    coalesced: () => undefined,
    identify: () => undefined,
    errors: () => undefined,
    liveEvent: () => {
      throw new Error('not used here');
    },
    end: () => undefined,
  }),
  shutdown: () => Promise.resolve(),
};

interface LoggedError {
  readonly msg: string;
  readonly path?: string;
  readonly error?: { name: string; message: string; stack?: string };
  readonly causes?: { name: string; message: string; stack?: string }[];
}

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ gateway: { tracing: brokenTracing } });
});
afterAll(async () => {
  await harness.close();
});

describe('an unexpected error', () => {
  it('reaches the client masked, costs only its field, and is logged with its stack', async () => {
    const { sessionId } = harness.fake.demo;
    const before = harness.logLines.length;
    const response = await harness.query(
      `{ __typename session(sessionId: "${sessionId}") { id meetingDisplayName } }`,
    );

    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({
      __typename: 'Query',
      session: { id: sessionId, meetingDisplayName: null },
    });
    expect(response.body.errors).toHaveLength(1);
    const [error] = response.body.errors ?? [];
    expect(error?.message).toBe('Unexpected error.');
    expect(error?.path).toEqual(['session', 'meetingDisplayName']);
    expect(error?.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
    const sent = JSON.stringify(response.body);
    expect(sent).not.toContain(BREAKAGE);
    expect(sent).not.toContain('unexpected-errors.test');

    const logged = harness.logLines
      .slice(before)
      .map((line) => JSON.parse(line) as LoggedError & { level: string })
      .filter((line) => line.level === 'error');
    expect(logged).toHaveLength(1);
    const [line] = logged;
    expect(line?.msg).toMatch(/^Unexpected error/);
    expect(line?.path).toBe('session.meetingDisplayName');
    const chain = [line?.error, ...(line?.causes ?? [])];
    const thrown = chain.find((entry) => entry?.name === 'TypeError');
    expect(thrown?.message).toBe(BREAKAGE);
    expect(thrown?.stack).toContain('brokenAttempt');
    expect(thrown?.stack).toContain('unexpected-errors.test.ts');
    expect(chain.map((entry) => entry?.message)).toContain('deeper cause');
    expect(harness.logLines.slice(before).join('\n')).not.toContain(DEMO_TOKEN);
  });
});
