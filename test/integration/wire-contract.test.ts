import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrape, sample } from '../operations/support.js';
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
 * The gateway held to the payloads Cloudflare and Dyte publish (test/fixtures/wire-examples/, copied
 * verbatim from ../shared/wire-examples/). Each payload is served by a real HTTP server and queried
 * through the gateway with every field of the resource selected. Every leaf of the payload must come
 * back in the field that exposes it, with the same value; a leaf of the wrong type must come back
 * null with one UPSTREAM_BAD_RESPONSE error on that field alone. A published leaf no field carries
 * fails the test unless it is listed below as not exposed, with the reason.
 */

const schema = gatewaySchema();
const SESSION_ID = '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e';
const PEER_ID = 'bd45f5a3-44d0-4d48-a9e5-b880b39d9e1c';

function fixture(name: string): { data: Record<string, JsonValue> } & Record<string, JsonValue> {
  const url = new URL(`../fixtures/wire-examples/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as { data: Record<string, JsonValue> };
}

/** Published leaves no GraphQL field carries, by key path with list positions left out. */
interface NotExposed {
  readonly prefix: string;
  readonly reason: string;
}

const PLACEHOLDER_MAP =
  'a placeholder key of an untyped map in the published example (`{"foo": "bar"}`), not a RealtimeKit field';

const PARTICIPANT_QUERY = `query Participant($sessionId: ID!, $participantId: ID!) {
  participant(sessionId: $sessionId, participantId: $participantId) ${selectAll(schema, 'Participant')}
}`;
const PEER_REPORT_QUERY = `query PeerReport($peerId: ID!) {
  peerReport(peerId: $peerId) ${selectAll(schema, 'PeerReport')}
}`;

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[-+]\d{2}:?\d{2})$/;

/** Leaves the gateway must answer as field errors: values that cannot be the field's type. */
function isMalformed(fieldType: string, value: JsonValue): boolean {
  return fieldType === 'DateTime' && typeof value === 'string' && !ISO_TIMESTAMP.test(value);
}

const withoutIndices = (path: readonly PathSegment[]) =>
  path.filter((segment) => typeof segment === 'string').join('.');

interface Outcome {
  /** GraphQL paths (from the root field) that must carry an UPSTREAM_BAD_RESPONSE error. */
  readonly malformed: string[];
  readonly checked: number;
  readonly skipped: number;
}

/**
 * Checks every leaf of `resource` against the response: present with the same value, or null with
 * its error when malformed. Returns what it checked, so a test can also pin the exact error paths.
 */
function holdToWire(
  resource: JsonValue,
  response: GraphQLResponse,
  root: { readonly field: string; readonly type: string },
  notExposed: readonly NotExposed[],
  options: { readonly qualityStatsIsObject?: boolean } = {},
): Outcome {
  const answer = response.body.data?.[root.field];
  expect(answer, 'the resource itself resolves').toBeTruthy();
  const errorsByPath = new Map<string, NonNullable<GraphQLResponse['body']['errors']>>();
  for (const error of response.body.errors ?? []) {
    const key = pathKey(error.path ?? []);
    errorsByPath.set(key, [...(errorsByPath.get(key) ?? []), error]);
  }
  const isJsonLeaf = (path: readonly PathSegment[]) =>
    fieldTypeAt(schema, root.type, graphqlPathOf(path, options))?.type === 'JSON';

  const malformed: string[] = [];
  let checked = 0;
  let skipped = 0;
  for (const leaf of leavesOf(resource, isJsonLeaf)) {
    const wireKey = withoutIndices(leaf.path);
    if (notExposed.some(({ prefix }) => wireKey === prefix || wireKey.startsWith(`${prefix}.`))) {
      skipped += 1;
      continue;
    }
    const path = graphqlPathOf(leaf.path, options);
    const field = fieldTypeAt(schema, root.type, path);
    expect(
      field,
      `published leaf ${pathKey(leaf.path)} has a field (${pathKey(path)})`,
    ).toBeDefined();
    const got = valueAt(answer, path);
    const where = `${pathKey(leaf.path)} → ${pathKey(path)}`;
    checked += 1;
    if (field !== undefined && isMalformed(field.type, leaf.value)) {
      expect(got, where).toBeNull();
      const errors = errorsByPath.get(pathKey([root.field, ...path])) ?? [];
      expect(
        errors.map((error) => error.extensions?.['code']),
        where,
      ).toEqual(['UPSTREAM_BAD_RESPONSE']);
      // The path names the field, which a placeholder may spell like its value; nothing else may.
      const said = errors.map(({ message, extensions }) => ({ message, extensions }));
      expect(JSON.stringify(said), `${where}: no upstream value in the error`).not.toContain(
        JSON.stringify(leaf.value),
      );
      malformed.push(pathKey(path));
    } else if (Array.isArray(leaf.value) && leaf.value.length === 0) {
      expect(got, where).toEqual([]);
    } else if (typeof leaf.value === 'object' && leaf.value !== null && !isJsonLeaf(leaf.path)) {
      // An empty object upstream (`{}` for a stream that never existed) is an object of nulls.
      expect(got, where).toBeTypeOf('object');
      expect(
        leavesOf(got as JsonValue).every(({ value }) => value === null),
        where,
      ).toBe(true);
    } else {
      expect(got, where).toEqual(leaf.value);
    }
  }
  // Nothing else failed: every error belongs to a malformed leaf.
  expect(
    (response.body.errors ?? []).map((error) => pathKey((error.path ?? []).slice(1))).sort(),
  ).toEqual([...malformed].sort());
  return { malformed, checked, skipped };
}

/** The drift series of one endpoint, with their counts, as `/metrics` shows them. */
const driftLines = (text: string, endpoint: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('rtk_graphql_upstream_drift_total{'))
    .filter((line) => line.includes(`endpoint="${endpoint}"`));

let upstream: PayloadServer;
let harness: Harness;

beforeAll(async () => {
  upstream = await startPayloadServer();
  harness = await startHarness({ gateway: { upstream: { baseUrl: upstream.baseUrl } } });
});
afterAll(async () => {
  await harness.close();
  await upstream.close();
});

describe('the published participant-details example (Cloudflare docs, version A)', () => {
  const body = fixture('participant-details.cloudflare-docs.json');
  const participant = body.data['participant'] as JsonValue;

  it('resolves every well-typed leaf and answers each placeholder timestamp with its own error', async () => {
    upstream.serve(body);
    const response = await harness.query(PARTICIPANT_QUERY, {
      variables: { sessionId: SESSION_ID, participantId: PEER_ID },
    });
    const outcome = holdToWire(
      participant,
      response,
      { field: 'participant', type: 'Participant' },
      [],
    );
    // The published placeholders (`"created_at": "created_at"`) are the only malformed leaves.
    expect(outcome.malformed.sort()).toEqual(
      [
        'createdAt',
        'joinedAt',
        'leftAt',
        'updatedAt',
        'peerStats.events.0.timestamp',
        'qualityStats.0.start',
        'qualityStats.0.end',
        'qualityStats.0.audioStats.0.timestamp',
        'qualityStats.0.videoStats.0.timestamp',
      ].sort(),
    );
    expect(outcome.skipped).toBe(0);
    const data = response.body.data?.['participant'] as Record<string, unknown>;
    // The leaves issue 10 names: a string webgl_support, and a sibling that must not sink with it.
    expect(valueAt(data, ['peerStats', 'deviceInfo', 'webglSupport'])).toBe('webgl_support');
    expect(valueAt(data, ['peerStats', 'deviceInfo', 'cpus'])).toBe(0);
    expect(valueAt(data, ['peerStats', 'precallNetworkInformation', 'effectiveNetworkType'])).toBe(
      'effective_networktype',
    );
  });

  it('answers the same whichever path serves the request (lean lane or Yoga)', async () => {
    upstream.serve(body);
    const variables = { sessionId: SESSION_ID, participantId: PEER_ID };
    const lean = await harness.query(PARTICIPANT_QUERY, { variables });
    // The lean lane takes only a plain Accept; this one, which Apollo Client sends, goes to Yoga.
    const yoga = await harness.query(PARTICIPANT_QUERY, {
      variables,
      headers: { accept: 'application/graphql-response+json,application/json;q=0.9' },
    });
    const withoutIds = (response: GraphQLResponse) =>
      JSON.parse(
        JSON.stringify(response.body)
          .split(response.headers.get('x-request-id') ?? '-')
          .join('<id>'),
      ) as unknown;
    expect(yoga.body.errors).toHaveLength(9);
    expect(withoutIds(yoga)).toEqual(withoutIds(lean));
  });

  it('counts each placeholder as wrong_type drift at its key path', async () => {
    upstream.serve(body);
    await harness.query(PARTICIPANT_QUERY, {
      variables: { sessionId: SESSION_ID, participantId: PEER_ID },
    });
    const text = await scrape(harness);
    const drift = (path: string, kind: string) =>
      sample(text, 'rtk_graphql_upstream_drift_total', { endpoint: 'participant', path, kind });
    expect(drift('created_at', 'wrong_type')).toBeGreaterThanOrEqual(1);
    expect(drift('peer_stats.events[].timestamp', 'wrong_type')).toBeGreaterThanOrEqual(1);
    expect(drift('quality_stats[].audio_stats[].timestamp', 'wrong_type')).toBeGreaterThanOrEqual(
      1,
    );
    // Well-typed leaves are not drift; the published keys are all known.
    expect(drift('peer_stats.device_info.webgl_support', 'wrong_type')).toBe(0);
    expect(text).not.toMatch(
      /kind="unknown_key"[^\n]*endpoint="participant"|endpoint="participant"[^\n]*kind="unknown_key"/,
    );
  });
});

describe('the published peer-report example (Cloudflare docs, version B)', () => {
  const body = fixture('peer-report.cloudflare-docs.json');

  it('resolves every leaf it has a field for, and reports the placeholder map keys as unknown', async () => {
    upstream.serve(body);
    const response = await harness.query(PEER_REPORT_QUERY, { variables: { peerId: PEER_ID } });
    const outcome = holdToWire(body.data, response, { field: 'peerReport', type: 'PeerReport' }, [
      { prefix: 'peer_events.foo', reason: PLACEHOLDER_MAP },
      { prefix: 'peer_report.metadata.foo', reason: PLACEHOLDER_MAP },
      { prefix: 'peer_report.quality.foo', reason: PLACEHOLDER_MAP },
    ]);
    expect(outcome.skipped).toBe(3);
    expect(outcome.malformed.sort()).toEqual(['createdAt', 'joinedAt', 'leftAt', 'updatedAt']);
    const text = await scrape(harness);
    for (const path of [
      'peer_events[].foo',
      'peer_report.metadata.foo',
      'peer_report.quality.foo',
    ]) {
      expect(
        sample(text, 'rtk_graphql_upstream_drift_total', {
          endpoint: 'peer_report',
          path,
          kind: 'unknown_key',
        }),
        path,
      ).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('the published Dyte v2 peer report (a real call)', () => {
  const body = fixture('peer-report.dyte-v2.json');
  const report = body.data['participant'] as Record<string, JsonValue>;

  it('resolves every leaf of the report, the flat sixteen quality keys and its peer_stats included', async () => {
    upstream.serve(body);
    const driftBefore = driftLines(await scrape(harness), 'peer_report');
    const response = await harness.query(PEER_REPORT_QUERY, { variables: { peerId: PEER_ID } });
    // Dyte v2 sends `quality_stats` as one object: the schema's list holds it as its one element.
    const outcome = holdToWire(report, response, { field: 'peerReport', type: 'PeerReport' }, [], {
      qualityStatsIsObject: true,
    });
    expect(outcome.malformed).toEqual([]);
    expect(outcome.skipped).toBe(0);
    expect(response.body.errors).toBeUndefined();
    // The call quality users came for: not null.
    const quality = valueAt(response.body.data, ['peerReport', 'quality']);
    expect(valueAt(quality, ['audio', 'producer', 9, 'rtt'])).toBe(0.011108);
    expect(valueAt(quality, ['audio', 'producerCumulative', 'rtt', 'avg'])).toBe(135.7009);
    expect(outcome.checked).toBeGreaterThan(200);
    // A published report whose every key is known leaves no drift behind.
    expect(driftLines(await scrape(harness), 'peer_report')).toEqual(driftBefore);
  });
});
