import { execute, getNamedType, isObjectType, parse } from 'graphql';
import type { GraphQLNamedType, GraphQLObjectType } from 'graphql';
import { createSchema } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { context, readAll } from '../support/drift.js';
import { z } from 'zod';
import { createSeedData, DEFAULT_SEED, startFakeUpstream } from '../../src/fake-upstream/index.js';
import type { FakeUpstream, SeedParticipant } from '../../src/fake-upstream/index.js';
import { BooleanOrString } from '../../src/resolvers/BooleanOrString.js';
import { DateTime } from '../../src/resolvers/DateTime.js';
import { peerReportTypeResolvers } from '../../src/resolvers/peer-report-types.js';
import { loadTypeDefs } from '../../src/server.js';
import { readPeerReport } from '../../src/upstream/envelopes.js';
import { MalformedLeaf } from '../../src/upstream/errors.js';
import {
  PeerEventRecord,
  PeerReportMetadataRecord,
  PeerReportQualityRecord,
} from '../../src/upstream/peer-report-schemas.js';
import { Deferred } from '../../src/upstream/wire.js';
import type { Shape } from '../../src/upstream/wire.js';
import { get } from '../fake-upstream/support.js';

/*
 * Real peer reports from the fake, read by the wire reader (readPeerReport, as the gateway reads them) and resolved
 * through the real SDL and the real type resolvers. Only the three root fields are test-only: the PeerReport type and
 * its loaders belong to another part. The expected results are the upstream payloads converted generically
 * (snake_case to camelCase, digit keys spelled out, the flat quality keys grouped by media), so a field that is
 * forgotten, misnamed or mapped from the wrong key fails the comparison.
 */

const TEST_ROOTS = /* GraphQL */ `
  extend type Query {
    testMetadata: PeerReportMetadata
    testQuality: PeerReportQuality
    testPeerEvents: [PeerEvent!]
  }
`;

const schema = createSchema({
  typeDefs: [...loadTypeDefs(), TEST_ROOTS],
  resolvers: [{ DateTime, BooleanOrString }, peerReportTypeResolvers],
});

interface Roots {
  readonly testMetadata?: PeerReportMetadataRecord | null;
  readonly testQuality?: PeerReportQualityRecord | null;
  readonly testPeerEvents?: readonly PeerEventRecord[] | null;
}

/** A selection set of every field of `type`, recursively (the nested types have no cycles). */
function selectAll(type: GraphQLNamedType): string {
  if (!isObjectType(type)) return '';
  const fields = Object.values(type.getFields()).map(
    (field) => `${field.name} ${selectAll(getNamedType(field.type))}`,
  );
  return `{ ${fields.join(' ')} }`;
}

function rootType(name: string): GraphQLObjectType {
  const type = schema.getType(name);
  if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
  return type;
}

const EVERY_FIELD = `{
  testMetadata ${selectAll(rootType('PeerReportMetadata'))}
  testQuality ${selectAll(rootType('PeerReportQuality'))}
  testPeerEvents ${selectAll(rootType('PeerEvent'))}
}`;

/** Runs `query` with the records as the root value (the default resolver reads the test root fields from it). */
async function run(roots: Roots, query = EVERY_FIELD): Promise<Record<string, unknown>> {
  const result = await execute({ schema, document: parse(query), rootValue: roots });
  expect(result.errors).toBeUndefined();
  // Plain objects: graphql-js builds results with a null prototype.
  return z.record(z.string(), z.unknown()).parse(JSON.parse(JSON.stringify(result.data)));
}

// ---------------------------------------------------------------------------------------------------------------
// The generic conversion the gateway's results must match.

/** Upstream keys whose GraphQL names are not their plain camelCase. */
const RENAMED_KEYS: Readonly<Record<string, string>> = {
  '5_or_greater_event_fraction': 'fiveOrGreaterEventFraction',
  '10_or_greater_event_fraction': 'tenOrGreaterEventFraction',
  '25_or_greater_event_fraction': 'twentyFiveOrGreaterEventFraction',
  '50_or_greater_event_fraction': 'fiftyOrGreaterEventFraction',
  '100ms_or_greater_event_fraction': 'oneHundredMsOrGreaterEventFraction',
  '250ms_or_greater_event_fraction': 'twoHundredFiftyMsOrGreaterEventFraction',
  '500ms_or_greater_event_fraction': 'fiveHundredMsOrGreaterEventFraction',
  frame_per_second: 'framesPerSecond',
};

/** Upstream enum strings: exposed upper-cased as an enum, and verbatim as `<name>Raw`. */
const ENUM_KEYS = new Set(['event_name', 'preset_view_type', 'quality_limitation_reason']);

const camelCase = (key: string): string =>
  RENAMED_KEYS[key] ?? key.replace(/_(.)/g, (_match, letter: string) => letter.toUpperCase());

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function toGraphQLShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toGraphQLShape);
  if (!isObject(value)) return value;
  const shaped: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const name = camelCase(key);
    if (key === 'metadata') {
      // A client event's metadata is the JSON scalar: passed through with upstream's own keys.
      shaped[name] = field;
    } else if (ENUM_KEYS.has(key) && typeof field === 'string') {
      shaped[name] = field.toUpperCase();
      shaped[`${name}Raw`] = field;
    } else {
      shaped[name] = toGraphQLShape(field);
    }
  }
  return shaped;
}

/**
 * Drops null-valued keys on both sides: GraphQL adds null for fields upstream left out (every field of an empty
 * cumulative `{}`, the consumer-only blocks of a producer summary). A field upstream did send is still compared.
 */
function withoutNulls(value: unknown): unknown {
  if (value instanceof Deferred) return withoutNulls(value.get());
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null)
      .map(([key, field]) => [key, withoutNulls(field)]),
  );
}

/** `Type.field` for every field of the types reachable from `type`. */
function fieldsReachableFrom(type: GraphQLObjectType, into = new Set<string>()): Set<string> {
  for (const field of Object.values(type.getFields())) {
    const coordinate = `${type.name}.${field.name}`;
    if (into.has(coordinate)) continue;
    into.add(coordinate);
    const named = getNamedType(field.type);
    if (isObjectType(named)) fieldsReachableFrom(named, into);
  }
  return into;
}

/** `Type.field` for every field that resolved to a non-null value somewhere in `value`. */
function fieldsWithValues(type: GraphQLObjectType, value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) fieldsWithValues(type, item, into);
    return;
  }
  if (!isObject(value)) return;
  for (const field of Object.values(type.getFields())) {
    const fieldValue = value[field.name];
    if (fieldValue === null || fieldValue === undefined) continue;
    into.add(`${type.name}.${field.name}`);
    const named = getNamedType(field.type);
    if (isObjectType(named)) fieldsWithValues(named, fieldValue, into);
  }
}

/** The schema's grouping of the flat `peer_report.quality` keys: `audio_producer` is `audio.producer`, and so on. */
const QUALITY_MEDIA = ['audio', 'video', 'screenshare_audio', 'screenshare_video'] as const;
const QUALITY_PARTS = [
  'producer',
  'producer_cumulative',
  'consumer',
  'consumer_cumulative',
] as const;
const FLAT_QUALITY_KEYS = QUALITY_MEDIA.flatMap((media) =>
  QUALITY_PARTS.map((part) => `${media}_${part}`),
);

function groupedQuality(quality: unknown): unknown {
  if (!isObject(quality)) return quality;
  return Object.fromEntries(
    QUALITY_MEDIA.map((media) => [
      media,
      Object.fromEntries(QUALITY_PARTS.map((part) => [part, quality[`${media}_${part}`] ?? null])),
    ]),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Reading upstream values as the gateway does.

/** `value` read as `record`, which must read without drift (a test of drift says so itself). */
function read<Out>(record: Shape<Out>, value: unknown): Out {
  const { at, reports } = context();
  const out = record.readRecord(value, at);
  readAll(out);
  expect(reports).toEqual([]);
  if (out === undefined) throw new Error('the record was not read');
  return out;
}

/** A field that must have been read as its record or null, not as a MalformedLeaf. */
function wellTyped<T>(value: T | null | MalformedLeaf): T | null {
  if (value instanceof MalformedLeaf) throw new Error(`unexpected MalformedLeaf: ${value.message}`);
  return value;
}
// ---------------------------------------------------------------------------------------------------------------
// Fetching real payloads from the fake.

const RawReport = z.object({
  success: z.literal(true),
  data: z.object({
    peer_events: z.array(z.unknown()),
    peer_report: z.object({ metadata: z.unknown(), quality: z.unknown().optional() }),
  }),
});

interface Payload {
  readonly body: unknown;
  readonly metadata: unknown;
  readonly quality: unknown;
  readonly peerEvents: unknown;
}

let fake: FakeUpstream;
beforeAll(async () => {
  fake = await startFakeUpstream();
});
afterAll(async () => {
  await fake.close();
});

async function fetchPayload(peerId: string, query: Record<string, string> = {}): Promise<Payload> {
  const reply = await get(fake, `/sessions/peer-report/${peerId}`, {
    query: { include_peer_events: 'true', ...query },
  });
  expect(reply.status).toBe(200);
  const { data } = RawReport.parse(reply.json);
  return {
    body: reply.json,
    metadata: data.peer_report.metadata,
    quality: data.peer_report.quality ?? null,
    peerEvents: data.peer_events,
  };
}

/** The report read by the envelope reader, as the gateway reads it; the fake sends nothing the reader does not know. */
function readRoots(payload: Payload): Roots {
  const { at, reports } = context();
  const report = readPeerReport(payload.body, at);
  expect(reports).toEqual([]);
  const peerReport = wellTyped(report.peer_report);
  return {
    testMetadata: wellTyped(peerReport?.metadata ?? null),
    testQuality: wellTyped(peerReport?.quality ?? null),
    testPeerEvents: wellTyped(report.peer_events),
  };
}

const seed = createSeedData(DEFAULT_SEED);
const everyone = seed.sessions.flatMap((session) => session.participants);

function participantWhere(
  what: string,
  predicate: (participant: SeedParticipant) => boolean,
): SeedParticipant {
  const found = everyone.find(predicate);
  if (found === undefined) throw new Error(`the seed has no participant ${what}`);
  return found;
}

/** The participants whose reports are compared, chosen for what their payloads contain. */
const CASES = [
  ['the demo peer (a good call)', (p: SeedParticipant) => p.record.id === seed.demo.peerId],
  ['a peer who shared the screen', (p: SeedParticipant) => p.profile.screenshare !== null],
  [
    'a webinar attendee (empty producer series and `{}` cumulatives)',
    (p: SeedParticipant) => !p.profile.producesAudio && !p.profile.producesVideo,
  ],
  ['a bandwidth-limited peer', (p: SeedParticipant) => p.profile.callProfile === 'high-loss'],
] as const;

// ---------------------------------------------------------------------------------------------------------------

describe('peer report nested types against the fake', () => {
  it('uses the seed the fake serves', () => {
    expect(fake.demo).toEqual(seed.demo);
  });

  it.each(CASES)('resolves every field of %s as upstream sent it', async (name, predicate) => {
    const participant = participantWhere(name, predicate);
    const payload = await fetchPayload(participant.record.id);
    const data = await run(readRoots(payload));
    expect(withoutNulls(data)).toEqual(
      withoutNulls({
        testMetadata: toGraphQLShape(payload.metadata),
        testQuality: toGraphQLShape(groupedQuality(payload.quality)),
        testPeerEvents: toGraphQLShape(payload.peerEvents),
      }),
    );
  });

  it('exercises every field of the nested types across the compared reports', async () => {
    const roots = ['PeerReportMetadata', 'PeerReportQuality', 'PeerEvent'].map(rootType);
    const all = new Set<string>();
    for (const type of roots) fieldsReachableFrom(type, all);
    const seen = new Set<string>();
    for (const [name, predicate] of CASES) {
      const data = await run(
        readRoots(await fetchPayload(participantWhere(name, predicate).record.id)),
      );
      fieldsWithValues(rootType('PeerReportMetadata'), data.testMetadata, seen);
      fieldsWithValues(rootType('PeerReportQuality'), data.testQuality, seen);
      fieldsWithValues(rootType('PeerEvent'), data.testPeerEvents, seen);
    }
    // The fake sends the published wire keys (test/fake-upstream/wire-examples.test.ts holds it to them), so the fields
    // that only the contract's forms fill stay null: the producer counters of a consumer sample, the deprecated
    // audio `jitter` summary, and the percentile form of the jitter-buffer delay. And the fake never gathers a remote
    // candidate from a STUN or TURN server: the media server is a host candidate.
    expect([...all].filter((field) => !seen.has(field)).sort()).toEqual([
      'AudioConsumerSample.bytesSent',
      'AudioConsumerSample.packetsSent',
      'AudioConsumerSample.rtt',
      'AudioCumulative.jitter',
      'CandidatePair.remoteCandidateUrl',
      'DelayCumulative.p50',
      'DelayCumulative.p75',
      'DelayCumulative.p90',
      'VideoConsumerSample.bytesSent',
      'VideoConsumerSample.packetsSent',
      'VideoConsumerSample.rtt',
    ]);
  });

  it('keeps the upstream shapes the comparison relies on', async () => {
    const attendee = participantWhere('without media', (p) => !p.profile.producesAudio);
    const { quality } = await fetchPayload(attendee.record.id);
    // One flat object of sixteen keys, the grouping by media being the schema's.
    expect(Object.keys(isObject(quality) ? quality : {}).sort()).toEqual(
      [...FLAT_QUALITY_KEYS].sort(),
    );
    const audio = z
      .object({ audio_producer: z.array(z.unknown()), audio_producer_cumulative: z.unknown() })
      .parse(quality);
    expect(audio.audio_producer).toEqual([]);
    expect(audio.audio_producer_cumulative).toEqual({});
  });

  it('reads the sections `filters` left out as null', async () => {
    const payload = await fetchPayload(seed.demo.peerId, { filters: 'events' });
    const data = await run(
      readRoots(payload),
      '{ testMetadata { deviceInfo { os } ipInformation { city } events { name } pcMetadata { timestamp } sdkName } testQuality { audio { producer { mosQuality } } } }',
    );
    expect(data.testQuality).toBeNull();
    expect(data.testMetadata).toMatchObject({
      deviceInfo: null,
      ipInformation: null,
      pcMetadata: null,
      sdkName: 'web-core',
    });
    expect(z.object({ events: z.array(z.unknown()) }).parse(data.testMetadata).events).not.toEqual(
      [],
    );
  });
});

describe('empty upstream parts', () => {
  it('resolves an empty cumulative `{}` to an object whose fields are all null, and `[]` series to `[]`', async () => {
    const quality = read(
      PeerReportQualityRecord,
      Object.fromEntries(
        FLAT_QUALITY_KEYS.map((key) => [key, key.endsWith('_cumulative') ? {} : []]),
      ),
    );
    const data = await run({ testQuality: quality });
    const audioSummary = {
      qualityMos: null,
      packetLoss: null,
      rtt: null,
      jitter: null,
      jitterBufferDelay: null,
    };
    const videoSummary = {
      qualityMos: null,
      packetLoss: null,
      rtt: null,
      jitterBufferDelay: null,
      framesPerSecond: null,
      frameWidth: null,
      issues: null,
      highNegativeFeedbackFraction: null,
      keyFramesEncodedFraction: null,
      keyFramesDecodedFraction: null,
    };
    const audio = {
      producer: [],
      producerCumulative: audioSummary,
      consumer: [],
      consumerCumulative: audioSummary,
    };
    const video = {
      producer: [],
      producerCumulative: videoSummary,
      consumer: [],
      consumerCumulative: videoSummary,
    };
    expect(data.testQuality).toEqual({
      audio,
      video,
      screenshareAudio: audio,
      screenshareVideo: video,
    });
  });

  it('resolves an empty metadata object and missing quality parts to nulls', async () => {
    const data = await run(
      {
        testMetadata: read(PeerReportMetadataRecord, {}),
        testQuality: read(PeerReportQualityRecord, { audio_producer: [] }),
        testPeerEvents: [],
      },
      '{ testMetadata { deviceInfo { os } events { name } sdkName } testQuality { audio { producer { rtt } producerCumulative { rtt { avg } } } video { producer { rtt } } } testPeerEvents { id } }',
    );
    expect(data).toEqual({
      testMetadata: { deviceInfo: null, events: null, sdkName: null },
      testQuality: { audio: { producer: [], producerCumulative: null }, video: { producer: null } },
      testPeerEvents: [],
    });
  });
});

describe('upstream enum values', () => {
  const event = {
    id: '3c7f7f5e-9a53-4e38-9d47-7f0c6f1f3c11',
    created_at: '2026-11-19T10:26:12.037Z',
    updated_at: '2026-11-19T10:26:12.037Z',
    event_name: 'PEER_JOINING',
    minutes_consumed: 0,
    participant_id: 'b0e6b2f4-67a1-4f55-8e0e-5c4a3d1f2e90',
    peer_id: 'fafb7c36-5b1b-4796-8dd2-56cd05d26852',
    preset_view_type: 'GROUP_CALL',
    session_id: 'db173b0b-c7b4-4d4a-ba24-57943eb189ac',
    socket_session_id: null,
  };
  const enumQuery =
    '{ testPeerEvents { eventName eventNameRaw presetViewType presetViewTypeRaw } testQuality { video { producer { qualityLimitationReason qualityLimitationReasonRaw } } } }';
  const withReason = (reason: unknown) =>
    read(PeerReportQualityRecord, { video_producer: [{ quality_limitation_reason: reason }] });

  it('reads unknown values as UNKNOWN and keeps the raw value readable', async () => {
    const data = await run(
      {
        testPeerEvents: [
          read(PeerEventRecord, {
            ...event,
            event_name: 'PEER_KICKED',
            preset_view_type: 'BREAKOUT_ROOM',
          }),
        ],
        testQuality: withReason('thermal'),
      },
      enumQuery,
    );
    expect(data).toEqual({
      testPeerEvents: [
        {
          eventName: 'UNKNOWN',
          eventNameRaw: 'PEER_KICKED',
          presetViewType: 'UNKNOWN',
          presetViewTypeRaw: 'BREAKOUT_ROOM',
        },
      ],
      testQuality: {
        video: {
          producer: [{ qualityLimitationReason: 'UNKNOWN', qualityLimitationReasonRaw: 'thermal' }],
        },
      },
    });
  });

  it('keeps the raw spelling in the record and maps it only in the resolver', () => {
    expect(read(PeerEventRecord, { ...event, preset_view_type: 'audio_room' })).toMatchObject({
      event_name: 'PEER_JOINING',
      preset_view_type: 'audio_room',
    });
  });

  it('matches known values whatever their case, and keeps their raw spelling', async () => {
    const data = await run(
      {
        testPeerEvents: [read(PeerEventRecord, { ...event, preset_view_type: 'audio_room' })],
        testQuality: withReason('bandwidth'),
      },
      enumQuery,
    );
    expect(data).toEqual({
      testPeerEvents: [
        {
          eventName: 'PEER_JOINING',
          eventNameRaw: 'PEER_JOINING',
          presetViewType: 'AUDIO_ROOM',
          presetViewTypeRaw: 'audio_room',
        },
      ],
      testQuality: {
        video: {
          producer: [
            { qualityLimitationReason: 'BANDWIDTH', qualityLimitationReasonRaw: 'bandwidth' },
          ],
        },
      },
    });
  });

  it('reads absent values as null, not UNKNOWN', async () => {
    // `event_name` left out, `preset_view_type` sent as null.
    const absent = Object.fromEntries(
      Object.entries(event).filter(([key]) => key !== 'event_name'),
    );
    const data = await run(
      {
        testPeerEvents: [read(PeerEventRecord, { ...absent, preset_view_type: null })],
        testQuality: withReason(null),
      },
      enumQuery,
    );
    expect(data).toEqual({
      testPeerEvents: [
        { eventName: null, eventNameRaw: null, presetViewType: null, presetViewTypeRaw: null },
      ],
      testQuality: {
        video: { producer: [{ qualityLimitationReason: null, qualityLimitationReasonRaw: null }] },
      },
    });
  });
});

/** Every MalformedLeaf in a read value. */
function malformedLeaves(value: unknown, into: MalformedLeaf[] = []): MalformedLeaf[] {
  if (value instanceof Deferred) malformedLeaves(value.get(), into);
  else if (value instanceof MalformedLeaf) into.push(value);
  else if (Array.isArray(value)) for (const item of value) malformedLeaves(item, into);
  else if (isObject(value)) for (const field of Object.values(value)) malformedLeaves(field, into);
  return into;
}

describe('wire boundary', () => {
  it('leaves unknown upstream keys out at every level, and reports each', () => {
    const metadata = context();
    const readMetadata = PeerReportMetadataRecord.readRecord(
      {
        device_info: { cpus: 8, is_mobile: false, os: 'macOS', os_version: '15.6', gpu: 'M2' },
        ip_information: { asn: { asn: 'AS7922', rir: 'ARIN' }, city: 'San Francisco', lat: 37.7 },
        sdk_name: 'web-core',
        sdk_build: 1234,
      },
      metadata.at,
    );
    expect(withoutNulls(readMetadata)).toEqual({
      device_info: { cpus: 8, is_mobile: false, os: 'macOS', os_version: '15.6' },
      ip_information: { asn: { asn: 'AS7922' }, city: 'San Francisco' },
      sdk_name: 'web-core',
    });
    expect(metadata.reports).toEqual([
      { path: 'device_info.gpu', kind: 'unknown_key', seen: 'string' },
      { path: 'ip_information.asn.rir', kind: 'unknown_key', seen: 'string' },
      { path: 'ip_information.lat', kind: 'unknown_key', seen: 'number' },
      { path: 'sdk_build', kind: 'unknown_key', seen: 'number' },
    ]);

    const quality = context();
    const readQuality = PeerReportQualityRecord.readRecord(
      {
        audio_producer: [{ rtt: 0.05, codec: 'opus' }],
        audio_producer_cumulative: { rtt: { avg: 50, '1000ms_or_greater_event_fraction': 0 } },
        audio_bitrate: {},
        data_channel: {},
      },
      quality.at,
    );
    expect(withoutNulls(readQuality)).toEqual({
      audio_producer: [{ rtt: 0.05 }],
      audio_producer_cumulative: { rtt: { avg: 50 } },
    });
    // The sample series are read when first asked for (withoutNulls asks), so reported last.
    expect(quality.reports).toEqual([
      {
        path: 'audio_producer_cumulative.rtt.1000ms_or_greater_event_fraction',
        kind: 'unknown_key',
        seen: 'number',
      },
      { path: 'audio_bitrate', kind: 'unknown_key', seen: 'object' },
      { path: 'data_channel', kind: 'unknown_key', seen: 'object' },
      { path: 'audio_producer[].codec', kind: 'unknown_key', seen: 'string' },
    ]);

    const events = context();
    const parsedEvent = PeerEventRecord.readRecord(
      { id: 'e1', event_name: 'PEER_CREATED', room: 'x' },
      events.at,
    );
    expect(parsedEvent).not.toHaveProperty('room');
    expect(events.reports).toEqual([{ path: 'room', kind: 'unknown_key', seen: 'string' }]);
  });

  it('does not read the nested quality form (`quality.audio.producer`): the wire is flat', () => {
    const { at, reports } = context();
    const quality = PeerReportQualityRecord.readRecord({ audio: { producer: [] } }, at);
    expect(withoutNulls(quality)).toEqual({});
    expect(reports).toEqual([{ path: 'audio', kind: 'unknown_key', seen: 'object' }]);
  });

  it.each([
    [
      'a non-numeric string where a number is expected',
      PeerReportQualityRecord,
      { audio_producer: [{ packets_lost: 'three', rtt: 0.05 }] },
      'audio_producer[].packets_lost',
      'string',
      'Int',
    ],
    [
      'a fraction where a whole count is expected',
      PeerReportQualityRecord,
      { audio_producer: [{ packets_lost: 2.5, rtt: 0.05 }] },
      'audio_producer[].packets_lost',
      'number',
      'Int',
    ],
    [
      'a count beyond GraphQL Int',
      PeerReportQualityRecord,
      { audio_producer: [{ packets_sent: 2 ** 31, rtt: 0.05 }] },
      'audio_producer[].packets_sent',
      'number',
      'Int',
    ],
    [
      'a word where a Float is expected',
      PeerReportQualityRecord,
      { audio_producer: [{ rtt: 'fast' }] },
      'audio_producer[].rtt',
      'string',
      'Float',
    ],
    [
      'a number where a string is expected',
      PeerReportMetadataRecord,
      { device_info: { os: 15, cpus: 8 } },
      'device_info.os',
      'number',
      'String',
    ],
    [
      'an object where a list is expected',
      PeerReportMetadataRecord,
      { pc_metadata: { sdp: [] }, sdk_name: 'web-core' },
      'pc_metadata',
      'object',
      'a list',
    ],
    [
      'a string where a flag is expected',
      PeerReportMetadataRecord,
      { device_info: { is_mobile: 'yes', os: 'iOS' } },
      'device_info.is_mobile',
      'string',
      'Boolean',
    ],
    [
      'a number where webgl_support (a boolean or a string) is expected',
      PeerReportMetadataRecord,
      { browser_metadata: { webgl_support: 1, browser: 'Chrome' } },
      'browser_metadata.webgl_support',
      'number',
      'BooleanOrString',
    ],
    [
      'a timestamp that is not ISO 8601',
      PeerEventRecord,
      { id: 'e1', created_at: 'yesterday' },
      'created_at',
      'string',
      'DateTime',
    ],
    [
      'a cumulative block that is a number',
      PeerReportQualityRecord,
      { video_consumer_cumulative: { issues: 0.2, key_frames_decoded_fraction: 0.01 } },
      'video_consumer_cumulative.issues',
      'number',
      'an object',
    ],
  ] as const)(
    'reads %s as a MalformedLeaf for that field only, and reports its path',
    (_name, record: Shape<unknown>, value, path, seen, expected) => {
      const { at, reports } = context();
      const out = record.readRecord(value, at);
      expect(malformedLeaves(out).map((leaf) => leaf.expected)).toEqual([expected]);
      expect(reports).toEqual([{ path, kind: 'wrong_type', seen }]);
      // Every other leaf sent is still read.
      const sent = Object.keys(value);
      expect(isObject(out) ? Object.keys(withoutNulls(out) as object) : []).toEqual(sent);
    },
  );

  it('reads a numeric string as its number, and a string webgl_support as sent', () => {
    const quality = read(PeerReportQualityRecord, { audio_producer: [{ packets_lost: '3' }] });
    expect(wellTyped(quality.audio_producer?.get() ?? null)?.[0]?.packets_lost).toBe(3);
    const metadata = read(PeerReportMetadataRecord, { browser_metadata: { webgl_support: 'yes' } });
    expect(wellTyped(metadata.browser_metadata)?.webgl_support).toBe('yes');
  });

  it('resolves a MalformedLeaf as an error on its own field, its siblings resolved', async () => {
    const { at } = context();
    const metadata = PeerReportMetadataRecord.readRecord(
      { device_info: { os: 15, cpus: 8 }, sdk_name: 'web-core' },
      at,
    );
    const result = await execute({
      schema,
      document: parse('{ testMetadata { deviceInfo { os cpus } sdkName } }'),
      rootValue: { testMetadata: metadata },
    });
    expect(JSON.parse(JSON.stringify(result.data))).toEqual({
      testMetadata: { deviceInfo: { os: null, cpus: 8 }, sdkName: 'web-core' },
    });
    expect(result.errors?.map((error) => [error.path, error.extensions['code']])).toEqual([
      [['testMetadata', 'deviceInfo', 'os'], 'UPSTREAM_BAD_RESPONSE'],
    ]);
    expect(result.errors?.[0]?.message).not.toContain('15');
  });

  it('reads a numeric AS number as its decimal string', () => {
    const metadata = read(PeerReportMetadataRecord, { ip_information: { asn: { asn: 7922 } } });
    const ip = wellTyped(metadata.ip_information);
    expect(wellTyped(ip?.asn ?? null)?.asn).toBe('7922');
  });

  it('passes any JSON value through the event metadata', async () => {
    const metadata = { reason: 'ice_failed', attempt: 2, nested: { list: [1, 'two', null, true] } };
    const data = await run(
      {
        testMetadata: read(PeerReportMetadataRecord, {
          events: [{ name: 'disconnect', timestamp: '2026-11-19T10:30:00.000Z', metadata }],
        }),
      },
      '{ testMetadata { events { name timestamp metadata } } }',
    );
    expect(data.testMetadata).toEqual({
      events: [{ name: 'disconnect', timestamp: '2026-11-19T10:30:00.000Z', metadata }],
    });
  });
});
