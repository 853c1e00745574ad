import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { authHashOf, DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import { callSummary, participantPath } from '../support/calls.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';
import { camelize, FULL_PARTICIPANT_FIELDS } from '../support/queries.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => {
  harness.fake.resetCalls();
  harness.fake.setVersion('default');
});

async function restParticipant(sessionId: string, participantId: string): Promise<unknown> {
  const response = await fetch(
    `${harness.fake.url}/accounts/${harness.fake.accountId}/realtime/kit/${harness.fake.appId}/sessions/${sessionId}/participants/${participantId}`,
    { headers: { authorization: `Bearer ${DEMO_TOKEN}` } },
  );
  const body = (await response.json()) as { data: { participant: unknown } };
  harness.fake.resetCalls();
  return body.data.participant;
}

describe('participant details through GraphQL', () => {
  it('returns every field of the upstream payload, renamed, from one upstream call', async () => {
    const { sessionId, participantId } = harness.fake.demo;
    const upstream = await restParticipant(sessionId, participantId);

    const { body } = await harness.query(
      `query ($sessionId: ID!, $participantId: ID!) {
        participant(sessionId: $sessionId, participantId: $participantId) { ${FULL_PARTICIPANT_FIELDS} }
      }`,
      { variables: { sessionId, participantId } },
    );

    expect(body.errors).toBeUndefined();
    expect(body.data?.participant).toEqual({ ...(camelize(upstream) as object), sessionId });
    expect(harness.fake.calls).toEqual([
      {
        method: 'GET',
        endpoint: 'participant',
        path: participantPath(harness.fake, sessionId, participantId),
        query: {},
        authHash: authHashOf(`Bearer ${DEMO_TOKEN}`),
        receivedAt: expect.any(Number) as unknown,
      },
    ]);
  });

  it('makes one upstream call per distinct participant, however often and however spelled it is asked for', async () => {
    const { sessionId, participantId } = harness.fake.demo;
    const other = await findOtherParticipant(sessionId, participantId);
    const { body } = await harness.query(
      `query ($s: ID!, $p: ID!, $q: ID!) {
        a: participant(sessionId: $s, participantId: $p) { displayName }
        b: participant(sessionId: $s, participantId: $p) { ...Quality }
        c: participant(sessionId: "${sessionId.toUpperCase()}", participantId: "${participantId.toUpperCase()}") { id }
        d: participant(sessionId: $s, participantId: $q) { ... on Participant { displayName } }
        e: participant(sessionId: $s, participantId: $q) { duration }
      }
      fragment Quality on Participant { qualityStats { averageQuality } }`,
      { variables: { s: sessionId, p: participantId, q: other } },
    );

    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data ?? {})).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(
      callSummary(harness.fake)
        .map((call) => call.path)
        .sort(),
    ).toEqual(
      [
        participantPath(harness.fake, sessionId, participantId),
        participantPath(harness.fake, sessionId, other),
      ].sort(),
    );
  });

  it('shares nothing between GraphQL requests', async () => {
    const { sessionId, participantId } = harness.fake.demo;
    const query = `{ participant(sessionId: "${sessionId}", participantId: "${participantId}") { id } }`;
    await harness.query(query);
    await harness.query(query);
    expect(harness.fake.calls).toHaveLength(2);
  });

  it('reads the account and app from arguments when given', async () => {
    const { sessionId, participantId } = harness.fake.demo;
    const { body } = await harness.query(
      `{ participant(sessionId: "${sessionId}", participantId: "${participantId}", accountId: "${harness.fake.accountId.toUpperCase()}", appId: "${harness.fake.appId}") { id } }`,
    );
    expect(body.data).toEqual({ participant: { id: participantId } });
    expect(callSummary(harness.fake)).toEqual([
      {
        method: 'GET',
        path: participantPath(harness.fake, sessionId, participantId),
        query: { filters: 'events' },
      },
    ]);
  });
});

describe('upstream shape versions', () => {
  const query = (sessionId: string, participantId: string) => `{
    participant(sessionId: "${sessionId}", participantId: "${participantId}") {
      id displayName presetName duration
      peerStats { precallNetworkInformation { throughput } }
      qualityStats { averageQuality audioStats { quality } }
    }
  }`;

  it.each(['A', 'B', 'C'] as const)('reads version %s with its stats', async (version) => {
    harness.fake.setVersion(version);
    const { sessionId, participantId } = harness.fake.demo;
    const upstream = (await restParticipant(sessionId, participantId)) as {
      peer_stats: { precall_network_information: Record<string, number> };
      quality_stats: unknown;
    };
    const precall = upstream.peer_stats.precall_network_information;
    const { body } = await harness.query(query(sessionId, participantId));

    expect(body.errors).toBeUndefined();
    const participant = body.data?.participant as {
      peerStats: { precallNetworkInformation: { throughput: number } };
      qualityStats: unknown[];
    };
    expect(participant.peerStats.precallNetworkInformation.throughput).toBe(
      precall.throughput ?? precall.throughtput,
    );
    expect(typeof participant.peerStats.precallNetworkInformation.throughput).toBe('number');
    const upstreamQuality = Array.isArray(upstream.quality_stats)
      ? upstream.quality_stats
      : [upstream.quality_stats];
    expect(participant.qualityStats).toHaveLength(upstreamQuality.length);
  });

  it('returns null stats, not an error, for version D which has none', async () => {
    harness.fake.setVersion('D');
    const { sessionId, participantId } = harness.fake.demo;
    const { body } = await harness.query(query(sessionId, participantId));
    expect(body.errors).toBeUndefined();
    expect(body.data?.participant).toMatchObject({
      id: participantId,
      peerStats: null,
      qualityStats: null,
    });
    expect((body.data?.participant as { displayName: unknown }).displayName).toEqual(
      expect.any(String),
    );
  });
});

async function findOtherParticipant(sessionId: string, participantId: string): Promise<string> {
  const response = await fetch(
    `${harness.fake.url}/accounts/${harness.fake.accountId}/realtime/kit/${harness.fake.appId}/sessions/${sessionId}/participants`,
    { headers: { authorization: `Bearer ${DEMO_TOKEN}` } },
  );
  const body = (await response.json()) as { data: { participants: { id: string }[] } };
  harness.fake.resetCalls();
  const other = body.data.participants.find((participant) => participant.id !== participantId);
  if (!other) throw new Error('the demo session needs a second participant');
  return other.id;
}
