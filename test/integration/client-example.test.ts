import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import { execute } from '../../examples/client/src/client.js';
import {
  ParticipantCallQuality,
  PeerDeviceAndNetwork,
  SessionWorstCalls,
} from '../../examples/client/src/documents.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

/*
 * The example client's typed documents, run against a real gateway: a schema change that breaks a
 * client query fails here (and its types fail `npm test`'s typecheck).
 */

const PERSISTED = fileURLToPath(
  new URL('../../examples/client/src/gql/persisted-documents.json', import.meta.url),
);

describe('the example client', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  it('runs its dashboard queries on the demo data', async () => {
    const options = { url: harness.url, token: DEMO_TOKEN };
    const { sessionId, participantId, largeSessionId } = harness.fake.demo;

    const call = await execute(options, ParticipantCallQuality, { sessionId, participantId });
    expect(call.errors).toBeUndefined();
    expect(call.data?.participant?.id).toBe(participantId);
    expect(
      call.data?.participant?.peerReport?.quality?.audio?.producerCumulative?.qualityMos?.avg,
    ).toEqual(expect.any(Number));

    const session = await execute(options, SessionWorstCalls, {
      sessionId: largeSessionId,
      perPage: 30,
    });
    expect(session.errors).toBeUndefined();
    expect(session.data?.session?.participants?.items).toHaveLength(30);

    const peer = await execute(options, PeerDeviceAndNetwork, { peerId: participantId });
    expect(peer.errors).toBeUndefined();
    expect(peer.data?.peerReport?.metadata?.deviceInfo?.os).toEqual(expect.any(String));
  });
});

describe('persisted documents', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ gateway: { persistedDocumentsPath: PERSISTED } });
  });
  afterAll(async () => {
    await harness.close();
  });

  it('runs an allow-listed document sent by its id', async () => {
    const { sessionId, participantId } = harness.fake.demo;
    const result = await execute(
      { url: harness.url, token: DEMO_TOKEN, persisted: true },
      ParticipantCallQuality,
      { sessionId, participantId },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.participant?.id).toBe(participantId);
  });

  it('refuses query text and unknown ids before any upstream call', async () => {
    harness.fake.resetCalls();
    const text = await harness.query('{ __typename }');
    expect(text.body.errors?.map((error) => error.extensions?.code)).toEqual([
      'PERSISTED_DOCUMENT_REQUIRED',
    ]);
    const unknown = await fetch(harness.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKEN}` },
      body: JSON.stringify({ documentId: 'f'.repeat(64) }),
    });
    const body = (await unknown.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((error) => error.extensions.code)).toEqual([
      'PERSISTED_DOCUMENT_NOT_FOUND',
    ]);
    expect(harness.fake.calls).toEqual([]);
  });
});
