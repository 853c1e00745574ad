import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import { startHarness } from '../support/harness.js';
import type { GraphQLResponse, Harness } from '../support/harness.js';
import {
  fieldTypeAt,
  gatewaySchema,
  graphqlPathOf,
  leavesOf,
  pathKey,
  selectAll,
  startPayloadServer,
  valueAt,
} from '../support/wire-paths.js';
import type { JsonValue, PathSegment, PayloadServer } from '../support/wire-paths.js';

/*
 * One bad leaf costs one field. The fake's own payloads (a participant's details and a peer report,
 * every section) are served by a real HTTP server with one leaf mutated to a value of the wrong JSON
 * type, and queried through the gateway with every field selected. Seeded: a failure replays.
 */

const schema = gatewaySchema();
const SEED = 20261201;

interface Resource {
  readonly name: 'participant' | 'peerReport';
  readonly type: 'Participant' | 'PeerReport';
  readonly query: string;
  /** The resource object inside the body (what leaf paths are relative to). */
  readonly at: readonly string[];
  body: Record<string, JsonValue>;
  baseline: GraphQLResponse;
}

let upstream: PayloadServer;
let harness: Harness;
const resources: Resource[] = [];

async function fakeBody(path: string): Promise<Record<string, JsonValue>> {
  const { fake } = harness;
  const response = await fetch(
    `${fake.url}/accounts/${fake.accountId}/realtime/kit/${fake.appId}${path}`,
    { headers: { authorization: `Bearer ${DEMO_TOKEN}` } },
  );
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, JsonValue>;
}

async function ask(resource: Resource, body: unknown): Promise<GraphQLResponse> {
  upstream.serve(body);
  const { sessionId, participantId } = harness.fake.demo;
  return harness.query(resource.query, {
    variables: { sessionId, participantId, peerId: participantId },
  });
}

beforeAll(async () => {
  upstream = await startPayloadServer();
  harness = await startHarness({ gateway: { upstream: { baseUrl: upstream.baseUrl } } });
  const { sessionId, participantId } = harness.fake.demo;
  const participant: Resource = {
    name: 'participant',
    type: 'Participant',
    query: `query Participant($sessionId: ID!, $participantId: ID!) {
      participant(sessionId: $sessionId, participantId: $participantId) ${selectAll(schema, 'Participant')}
    }`,
    at: ['data', 'participant'],
    body: await fakeBody(`/sessions/${sessionId}/participants/${participantId}`),
    baseline: undefined as unknown as GraphQLResponse,
  };
  const peerReport: Resource = {
    name: 'peerReport',
    type: 'PeerReport',
    query: `query PeerReport($peerId: ID!) { peerReport(peerId: $peerId) ${selectAll(schema, 'PeerReport')} }`,
    at: ['data'],
    body: await fakeBody(`/sessions/peer-report/${participantId}?include_peer_events=true`),
    baseline: undefined as unknown as GraphQLResponse,
  };
  for (const resource of [participant, peerReport]) {
    resource.baseline = await ask(resource, resource.body);
    // The unmutated payload is clean: no error to hide a mutation's behind.
    expect(resource.baseline.body.errors).toBeUndefined();
    resources.push(resource);
  }
});
afterAll(async () => {
  await harness.close();
  await upstream.close();
});

/** The resource's leaves that a nullable GraphQL field exposes (ids are structure, not leaves). */
function mutableLeaves(resource: Resource) {
  const inner = valueAt(resource.body, resource.at) as JsonValue;
  const isJson = (path: readonly PathSegment[]) =>
    fieldTypeAt(schema, resource.type, graphqlPathOf(path))?.type === 'JSON';
  return leavesOf(inner, isJson).filter(({ path, value }) => {
    const field = fieldTypeAt(schema, resource.type, graphqlPathOf(path));
    return (
      value !== null &&
      typeof value !== 'object' &&
      field !== undefined &&
      field.nullable &&
      field.type !== 'JSON' &&
      path[path.length - 1] !== 'id'
    );
  });
}

/** A deep copy of the body with the leaf at `path` (inside the resource) replaced. */
function mutated(resource: Resource, path: readonly PathSegment[], value: JsonValue) {
  const copy = structuredClone(resource.body);
  const full = [...resource.at, ...path];
  const parent = valueAt(copy, full.slice(0, -1)) as Record<string | number, JsonValue>;
  parent[full[full.length - 1] as string | number] = value;
  return copy;
}

/**
 * Values no leaf of the schema accepts, whatever its type; a number leaf also refuses words, and an
 * Int leaf fractions and counts beyond GraphQL's 32 bits (which its serializer would fail on).
 */
function wrongValuesFor(original: JsonValue, fieldType: string): fc.Arbitrary<JsonValue> {
  const always = fc.constantFrom<JsonValue>({ unexpected: 1 }, [1, 2], {});
  if (fieldType === 'Int') return fc.oneof(always, fc.constantFrom('n/a', 2.5, 2 ** 31, '1e400'));
  if (typeof original === 'number') return fc.oneof(always, fc.constantFrom('n/a', 'NaN?', ''));
  if (typeof original === 'boolean') return fc.oneof(always, fc.constantFrom('yes', 1));
  return always;
}

describe.each(['participant', 'peerReport'] as const)('one malformed leaf of a %s', (name) => {
  it('nulls that field alone, with one UPSTREAM_BAD_RESPONSE error on its path', async () => {
    const resource = resources.find((candidate) => candidate.name === name) as Resource;
    const leaves = mutableLeaves(resource);
    expect(leaves.length).toBeGreaterThan(50);
    const baselineData = resource.baseline.body.data?.[name];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: leaves.length - 1 }).chain((index) => {
          const leaf = leaves[index] as (typeof leaves)[number];
          const type = fieldTypeAt(schema, resource.type, graphqlPathOf(leaf.path))?.type ?? '';
          return fc.tuple(fc.constant(leaf), wrongValuesFor(leaf.value, type));
        }),
        async ([leaf, value]) => {
          const response = await ask(resource, mutated(resource, leaf.path, value));
          const path = graphqlPathOf(leaf.path);
          const data = response.body.data?.[name];
          const inScalarList = typeof path[path.length - 1] === 'number';
          if (inScalarList) {
            // An element of a list of scalars cannot be null in the schema: it is left out.
            const list = path.slice(0, -1);
            const expected = (valueAt(baselineData, list) as unknown[]).filter(
              (_, index) => index !== path[path.length - 1],
            );
            expect(valueAt(data, list)).toEqual(expected);
            expect(response.body.errors).toBeUndefined();
            return;
          }
          // An enum leaf has two fields, the mapped value and its `…Raw` spelling: both carry it.
          const last = path[path.length - 1] as string;
          const raw = [...path.slice(0, -1), `${last}Raw`];
          const fields =
            fieldTypeAt(schema, resource.type, raw) === undefined ? [path] : [path, raw];
          const expected = structuredClone(baselineData) as Record<string, unknown>;
          for (const field of fields) {
            const parent = valueAt(expected, field.slice(0, -1)) as Record<string, unknown>;
            parent[field[field.length - 1] as string] = null;
          }
          expect(data).toEqual(expected);
          expect(
            (response.body.errors ?? []).map((error) => ({
              path: pathKey(error.path ?? []),
              code: error.extensions?.['code'],
            })),
          ).toEqual(
            fields.map((field) => ({
              path: pathKey([name, ...field]),
              code: 'UPSTREAM_BAD_RESPONSE',
            })),
          );
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('reads a number sent as a numeric string, and a boolean sent as "true"/"false", as itself', async () => {
    const resource = resources.find((candidate) => candidate.name === name) as Resource;
    const coercible = mutableLeaves(resource).filter(({ path, value }) => {
      const type = fieldTypeAt(schema, resource.type, graphqlPathOf(path))?.type;
      return (
        (typeof value === 'number' && (type === 'Float' || type === 'Int')) ||
        (typeof value === 'boolean' && type === 'Boolean')
      );
    });
    expect(coercible.length).toBeGreaterThan(20);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...coercible), async (leaf) => {
        const response = await ask(
          resource,
          mutated(resource, leaf.path, `${leaf.value as number | boolean}`),
        );
        expect(response.body).toEqual(resource.baseline.body);
      }),
      { seed: SEED, numRuns: 30 },
    );
  });
});

describe('drift as operators see it', () => {
  it('logs the first sighting of each drift once, at warn, with its path and JSON type, never its value', async () => {
    const resource = resources.find((candidate) => candidate.name === 'participant') as Resource;
    const secret = 'SECRET-UPSTREAM-VALUE-7d1f';
    const body = structuredClone(resource.body);
    const participant = valueAt(body, resource.at) as Record<string, JsonValue>;
    participant['duration'] = secret;
    participant['surprise_key'] = secret;
    // A gateway of its own: the first sighting is per gateway, and the properties above have
    // sighted drift in this file's gateway already.
    const own = await startHarness({ gateway: { upstream: { baseUrl: upstream.baseUrl } } });
    const { sessionId, participantId } = own.fake.demo;
    upstream.serve(body);
    const send = () =>
      own.query(resource.query, { variables: { sessionId, participantId, peerId: participantId } });
    const first = await send();
    const second = await send();
    const logged = own.logLines.join('\n');
    const metrics = await fetch(`${new URL(own.url).origin}/metrics`).then((r) => r.text());
    await own.close();
    const lines = own.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const drift = lines.filter((line) => line['msg'] === 'upstream payload drift');
    expect(
      drift.map(({ level, endpoint, path, kind, seen }) => ({ level, endpoint, path, kind, seen })),
    ).toEqual([
      {
        level: 'warn',
        endpoint: 'participant',
        path: 'duration',
        kind: 'wrong_type',
        seen: 'string',
      },
      {
        level: 'warn',
        endpoint: 'participant',
        path: 'surprise_key',
        kind: 'unknown_key',
        seen: 'string',
      },
    ]);
    for (const response of [first, second]) {
      expect(response.body.errors?.map((error) => error.path)).toEqual([
        ['participant', 'duration'],
      ]);
      expect(JSON.stringify(response.body)).not.toContain(secret);
    }
    expect(logged).not.toContain(secret);
    expect(metrics).not.toContain(secret);
    expect(metrics).toContain(
      'rtk_graphql_upstream_drift_total{endpoint="participant",path="duration",kind="wrong_type"} 2',
    );
  });
});

describe('the quality series, read only when selected', () => {
  it('costs nothing when unselected and one field when selected, for a series that is not a list', async () => {
    const resource = resources.find((candidate) => candidate.name === 'peerReport') as Resource;
    const body = mutated(resource, ['peer_report', 'quality', 'audio_producer'], { not: 'a list' });
    upstream.serve(body);
    const { participantId } = harness.fake.demo;
    const cumulatives = await harness.query(
      `query Q($peerId: ID!) { peerReport(peerId: $peerId) { quality { audio { producerCumulative { qualityMos { avg } } } } } }`,
      { variables: { peerId: participantId } },
    );
    expect(cumulatives.body.errors).toBeUndefined();
    const avg = valueAt(resource.baseline.body.data, [
      'peerReport',
      'quality',
      'audio',
      'producerCumulative',
      'qualityMos',
      'avg',
    ]);
    expect(typeof avg).toBe('number');
    expect(cumulatives.body.data).toEqual({
      peerReport: { quality: { audio: { producerCumulative: { qualityMos: { avg } } } } },
    });
    const samples = await harness.query(
      `query Q($peerId: ID!) { peerReport(peerId: $peerId) { quality { audio { producer { timestamp } consumer { timestamp } } } } }`,
      { variables: { peerId: participantId } },
    );
    expect(
      samples.body.errors?.map((error) => [pathKey(error.path ?? []), error.extensions?.['code']]),
    ).toEqual([['peerReport.quality.audio.producer', 'UPSTREAM_BAD_RESPONSE']]);
    expect(
      (samples.body.data?.['peerReport'] as { quality: { audio: { consumer: unknown[] } } }).quality
        .audio.consumer.length,
    ).toBeGreaterThan(0);
  });
});
