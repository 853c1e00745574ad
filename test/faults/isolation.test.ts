import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

/*
 * A randomized isolation trial: many interleaved concurrent operations across 5 tokens and 3
 * accounts against a fake that marks every payload with its tenant. A response may only ever carry
 * the data of the tenant its token belongs to, and a token asking for another tenant's account gets
 * FORBIDDEN. Seeded, so a failure replays.
 */

const ACCOUNTS = [
  'a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0',
  'b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1',
  'c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2',
] as const;
/** Token → index of the only account it may read. */
const TOKENS = [
  ['rtk-tenant-a-1', 0],
  ['rtk-tenant-a-2', 0],
  ['rtk-tenant-b-1', 1],
  ['rtk-tenant-b-2', 1],
  ['rtk-tenant-c-1', 2],
] as const;
const OPERATIONS = 1_000;
const CONCURRENCY = 40;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    fake: {
      markTenants: true,
      rateLimit: { quota: 1_000_000, windowSeconds: 10 },
      tenants: ACCOUNTS.map((accountId, index) => ({
        accountId,
        tokens: TOKENS.filter(([, account]) => account === index).map(([token]) => token),
      })),
    },
    gateway: {
      defaults: { accountId: undefined, appId: undefined },
      upstream: { tokenBucket: { capacity: 1_000_000, refillPerSecond: 1_000_000 } },
      // The cross-request cache on, at its defaults: repeated reads are answered from it, and
      // must still only ever reach the token that fetched them.
      cache: loadConfig({}).cache,
    },
  });
});
afterAll(async () => {
  await harness.close();
});

type Kind = 'participant' | 'peerReport' | 'participants' | 'sessions';

function operation(kind: Kind, accountIndex: number): string {
  const tenant = harness.fake.tenants[accountIndex];
  if (tenant === undefined) throw new Error('unknown tenant');
  const scope = `accountId: "${tenant.accountId}", appId: "${tenant.appId}"`;
  const { sessionId, participantId } = tenant.demo;
  switch (kind) {
    case 'participant':
      return `{ r: participant(sessionId: "${sessionId}", participantId: "${participantId}", ${scope}) { customParticipantId peerReport { customParticipantId } } }`;
    case 'peerReport':
      return `{ r: peerReport(peerId: "${participantId}", ${scope}) { customParticipantId participant { customParticipantId } } }`;
    case 'participants':
      return `{ r: session(sessionId: "${sessionId}", ${scope}) { meetingDisplayName participants(perPage: 5) { items { customParticipantId } } } }`;
    case 'sessions':
      return `{ r: sessions(perPage: 3, ${scope}) { items { meetingDisplayName } } }`;
  }
}

/** Every tenant mark in a response: `<accountId>:` prefixes of the marked fields. */
function marks(value: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown) => {
    if (typeof node === 'string') {
      const match = /^([0-9a-f]{32}):/.exec(node);
      if (match?.[1]) found.push(match[1]);
    } else if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (typeof node === 'object' && node !== null) {
      Object.values(node).forEach(visit);
    }
  };
  visit(value);
  return found;
}

describe('tenant isolation', () => {
  it(`${OPERATIONS} interleaved operations: no response carries another tenant's data`, async () => {
    const plan = fc.sample(
      fc.record({
        token: fc.integer({ min: 0, max: TOKENS.length - 1 }),
        account: fc.integer({ min: 0, max: ACCOUNTS.length - 1 }),
        kind: fc.constantFrom<Kind>('participant', 'peerReport', 'participants', 'sessions'),
      }),
      { numRuns: OPERATIONS, seed: 20261124 },
    );
    const outcomes = { own: 0, forbidden: 0, leaks: 0, unexpected: [] as string[] };
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < plan.length; index = next++) {
        const step = plan[index];
        const token = step === undefined ? undefined : TOKENS[step.token];
        if (step === undefined || token === undefined) continue;
        const [tokenValue, ownAccount] = token;
        const { body } = await harness.query(operation(step.kind, step.account), {
          headers: { authorization: `Bearer ${tokenValue}` },
        });
        const seen = marks(body.data);
        if (seen.some((account) => account !== ACCOUNTS[step.account])) outcomes.leaks += 1;
        if (step.account === ownAccount) {
          if (body.errors === undefined && seen.length > 0) outcomes.own += 1;
          else outcomes.unexpected.push(JSON.stringify(body).slice(0, 300));
        } else {
          const codes = new Set(body.errors?.map((error) => error.extensions?.code));
          if (seen.length === 0 && codes.size === 1 && codes.has('FORBIDDEN'))
            outcomes.forbidden += 1;
          else outcomes.unexpected.push(JSON.stringify(body).slice(0, 300));
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    expect(outcomes.leaks).toBe(0);
    expect(outcomes.unexpected).toEqual([]);
    expect(outcomes.own + outcomes.forbidden).toBe(OPERATIONS);
    // The plan must really exercise both sides.
    expect(outcomes.own).toBeGreaterThan(200);
    expect(outcomes.forbidden).toBeGreaterThan(200);
    // ...and the cross-request cache really answered some of them.
    const metrics = await (await fetch(new URL('/metrics', harness.url))).text();
    const hits = [...metrics.matchAll(/^rtk_graphql_cache_hits_total\{[^}]*\} (\d+)$/gm)].reduce(
      (sum, match) => sum + Number(match[1]),
      0,
    );
    expect(hits).toBeGreaterThan(100);
  }, 120_000);
});
