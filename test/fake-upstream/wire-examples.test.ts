import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buildPeerMetadata,
  buildPeerQuality,
  createSeedData,
  startFakeUpstream,
} from '../../src/fake-upstream/index.js';
import type { FakeUpstream, FakeVersion } from '../../src/fake-upstream/index.js';
import { asRecord, at } from './schemas.js';
import { get } from './support.js';

/**
 * The fake's payloads against the published ones, key set for key set. The examples in test/fixtures/wire-examples/
 * are verbatim copies of published payloads (see its README) and are read here at test time, never restated; what
 * they cannot show (an empty series in the Dyte v2 example has no sample to take keys from) comes from the key lists
 * of /tmp/work/wire-keys.md, written out below as data.
 */

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/wire-examples/${name}`, import.meta.url), 'utf8'));
const PARTICIPANT_DETAILS_EXAMPLE = fixture('participant-details.cloudflare-docs.json');
const DYTE_REPORT = at(fixture('peer-report.dyte-v2.json'), 'data.participant.peer_report');
const DYTE_QUALITY = asRecord(at(DYTE_REPORT, 'quality'));
const DYTE_METADATA = at(DYTE_REPORT, 'metadata');

/* ---- /tmp/work/wire-keys.md, as data ---- */

const PERCENTILES = ['avg', 'p50', 'p75', 'p90'];
const PACKET_LOSS = [
  'avg',
  '5_or_greater_event_fraction',
  '10_or_greater_event_fraction',
  '25_or_greater_event_fraction',
  '50_or_greater_event_fraction',
];
const LATENCY = [
  'avg',
  '100ms_or_greater_event_fraction',
  '250ms_or_greater_event_fraction',
  '500ms_or_greater_event_fraction',
];

const AUDIO_PRODUCER_SAMPLE = [
  'timestamp',
  'mos_quality',
  'packets_lost',
  'packets_sent',
  'bytes_sent',
  'jitter',
  'rtt',
  'producer_id',
  'ssrc',
  'mid',
];
const AUDIO_CONSUMER_SAMPLE = [
  'timestamp',
  'mos_quality',
  'packets_lost',
  'packets_received',
  'bytes_received',
  'jitter',
  'jitter_buffer_delay',
  'jitter_buffer_emitted_count',
  'concealment_events',
  'producer_id',
  'consumer_id',
  'peer_id',
  'ssrc',
  'mid',
];
const VIDEO_PRODUCER_SAMPLE = [
  ...AUDIO_PRODUCER_SAMPLE,
  'frame_width',
  'frame_height',
  'frames_encoded',
  'frames_per_second',
  'key_frames_encoded',
  'fir_count',
  'pli_count',
  'quality_limitation_reason',
  'quality_limitation_durations.bandwidth',
  'quality_limitation_durations.cpu',
  'quality_limitation_durations.none',
  'quality_limitation_durations.other',
  'quality_limitation_resolution_changes',
];
const VIDEO_CONSUMER_SAMPLE = [
  ...AUDIO_CONSUMER_SAMPLE.filter((key) => key !== 'concealment_events'),
  'fir_count',
  'frame_width',
  'frame_height',
  'frames_decoded',
  'frames_dropped',
  'frames_per_second',
  'key_frames_decoded',
];

/** `block: [sub-keys]` for an object, `key: []` for a number. */
type Blocks = Readonly<Record<string, readonly string[]>>;
const paths = (blocks: Blocks): string[] =>
  Object.entries(blocks).flatMap(([key, subKeys]) =>
    subKeys.length === 0 ? [key] : subKeys.map((subKey) => `${key}.${subKey}`),
  );

const AUDIO_PRODUCER_CUMULATIVE = paths({
  quality_mos: PERCENTILES,
  packet_loss: PACKET_LOSS,
  rtt: LATENCY,
});
const AUDIO_CONSUMER_CUMULATIVE = paths({
  quality_mos: PERCENTILES,
  packet_loss: PACKET_LOSS,
  jitter_buffer_delay: LATENCY,
});
const VIDEO_PRODUCER_CUMULATIVE = paths({
  quality_mos: PERCENTILES,
  packet_loss: PACKET_LOSS,
  rtt: LATENCY,
  frame_per_second: PERCENTILES,
  frame_width: PERCENTILES,
  high_negative_feedback_fraction: [],
  key_frames_encoded_fraction: [],
  issues: [
    'bandwidth_quality_limitation_fraction',
    'cpu_quality_limitation_fraction',
    'no_video_fraction',
    'poor_resolution_fraction',
    'quality_limitation_fraction',
  ],
});
const VIDEO_CONSUMER_CUMULATIVE = paths({
  quality_mos: PERCENTILES,
  packet_loss: PACKET_LOSS,
  jitter_buffer_delay: LATENCY,
  frame_per_second: PERCENTILES,
  frame_width: PERCENTILES,
  key_frames_decoded_fraction: [],
  issues: ['lag_fraction', 'no_video_fraction', 'poor_resolution_fraction'],
});

/** Each of the sixteen quality keys' expected key paths: a series' per sample, a cumulative's own. */
const QUALITY_KEYS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  (['', 'screenshare_'] as const).flatMap((prefix) => [
    [`${prefix}audio_producer`, AUDIO_PRODUCER_SAMPLE],
    [`${prefix}audio_producer_cumulative`, AUDIO_PRODUCER_CUMULATIVE],
    [`${prefix}audio_consumer`, AUDIO_CONSUMER_SAMPLE],
    [`${prefix}audio_consumer_cumulative`, AUDIO_CONSUMER_CUMULATIVE],
    [`${prefix}video_producer`, VIDEO_PRODUCER_SAMPLE],
    [`${prefix}video_producer_cumulative`, VIDEO_PRODUCER_CUMULATIVE],
    [`${prefix}video_consumer`, VIDEO_CONSUMER_SAMPLE],
    [`${prefix}video_consumer_cumulative`, VIDEO_CONSUMER_CUMULATIVE],
  ]),
);

const CANDIDATE_PAIR = [
  'available_incoming_bitrate',
  'available_outgoing_bitrate',
  'bytes_discarded_on_send',
  'bytes_received',
  'bytes_sent',
  'current_round_trip_time',
  'last_packet_received_timestamp',
  'last_packet_sent_timestamp',
  'local_candidate_address',
  'local_candidate_id',
  'local_candidate_network_type',
  'local_candidate_port',
  'local_candidate_protocol',
  'local_candidate_related_address',
  'local_candidate_related_port',
  'local_candidate_type',
  'local_candidate_url',
  'nominated',
  'packets_discarded_on_send',
  'packets_received',
  'packets_sent',
  'remote_candidate_address',
  'remote_candidate_id',
  'remote_candidate_port',
  'remote_candidate_protocol',
  'remote_candidate_type',
  'remote_candidate_url',
  'total_round_trip_time',
];

/**
 * Metadata keys the Dyte v2 example cannot show (its device-update arrays are empty, its events carry no metadata
 * map, its `asn` only `asn`), as the contract's section 3 lists them from the current published spec. wire-keys.md
 * lists none of these; they are the only allowance here that does not come from it or from the example.
 */
const CONTRACT_METADATA_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': ['native_metadata', 'sdk_type'],
  ip_information: ['org'],
  'ip_information.asn': ['asn', 'domain', 'name', 'route', 'type'],
  'events[]': ['name', 'timestamp', 'metadata'],
  'pc_metadata[]': ['sdp'],
  ...Object.fromEntries(
    ['audio_devices_updates', 'video_devices_updates', 'speaker_devices_updates'].flatMap(
      (name) => [
        [`${name}[]`, ['added', 'removed', 'timestamp']],
        [`${name}[].added[]`, ['device_id', 'kind', 'label']],
        [`${name}[].removed[]`, ['device_id', 'kind', 'label']],
      ],
    ),
  ),
  'selected_device_updates[]': ['device', 'timestamp'],
  'selected_device_updates[].device': ['device_id', 'kind', 'label'],
  native_metadata: ['audio_encoder', 'video_encoder'],
};
/** A free-form map (`metadata: map` in the contract): its keys are data, not schema. */
const MAP_PATHS = new Set(['events[].metadata']);

/* ---- walking JSON ---- */

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every object's keys by path (`a.b[].c`), array elements merged. */
function keysByPath(value: unknown, path = '', out = new Map<string, Set<string>>()) {
  if (Array.isArray(value)) {
    for (const item of value) keysByPath(item, `${path}[]`, out);
  } else if (isPlainObject(value)) {
    const keys = out.get(path) ?? new Set<string>();
    out.set(path, keys);
    for (const [key, child] of Object.entries(value)) {
      keys.add(key);
      keysByPath(child, path === '' ? key : `${path}.${key}`, out);
    }
  }
  return out;
}

/** Leaf key paths of one object, nested objects flattened (`quality_mos.avg`), sorted. */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (!isPlainObject(value)) return [];
  return Object.entries(value)
    .flatMap(([key, child]) => {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      return isPlainObject(child) && Object.keys(child).length > 0
        ? leafPaths(child, path)
        : [path];
    })
    .sort();
}

const jsonType = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/**
 * Where `fake` and `example` both have an object, the keys one has and the other lacks; arrays are compared element
 * by element with the example's first element. Leaves with different JSON types are listed too.
 */
function differences(fake: unknown, example: unknown, path = '$'): string[] {
  if (Array.isArray(fake) && Array.isArray(example)) {
    const model: unknown = example[0];
    if (model === undefined) return [];
    return fake.flatMap((item, index) => differences(item, model, `${path}[${index}]`));
  }
  if (isPlainObject(fake) && isPlainObject(example)) {
    const fakeKeys = Object.keys(fake);
    const exampleKeys = Object.keys(example);
    return [
      ...fakeKeys.filter((key) => !(key in example)).map((key) => `${path}: extra key ${key}`),
      ...exampleKeys.filter((key) => !(key in fake)).map((key) => `${path}: missing key ${key}`),
      ...fakeKeys
        .filter((key) => key in example)
        .flatMap((key) => differences(fake[key], example[key], `${path}.${key}`)),
    ];
  }
  return jsonType(fake) === jsonType(example)
    ? []
    : [`${path}: ${jsonType(fake)} where the example has ${jsonType(example)}`];
}

/* ---- the fake ---- */

let fake: FakeUpstream;
beforeAll(async () => {
  fake = await startFakeUpstream();
});
afterEach(() => {
  fake.setVersion('default');
});
afterAll(async () => {
  await fake.close();
});

const VERSIONS: readonly FakeVersion[] = ['default', 'A', 'B', 'C', 'D'];
const reportOf = async (peerId: string): Promise<unknown> => {
  const json = (await get(fake, `/sessions/peer-report/${peerId}`)).json;
  // B and default answer flat, C and D wrapped (see versions.ts).
  return at(json, 'data.peer_report') ?? at(json, 'data.participant.peer_report');
};

const SEED = 42;
const seedData = createSeedData(SEED);
const everyone = seedData.sessions.flatMap((session) => session.participants);

describe('the fixtures are what this test expects', () => {
  it('has a Dyte v2 peer report with a flat sixteen-key quality and an audio producer series', () => {
    expect(Object.keys(DYTE_QUALITY)).toHaveLength(16);
    expect(Array.isArray(DYTE_QUALITY.audio_producer)).toBe(true);
    expect(Object.keys(asRecord(DYTE_QUALITY.audio_producer_cumulative))).not.toHaveLength(0);
    expect(Object.keys(QUALITY_KEYS).sort()).toEqual(Object.keys(DYTE_QUALITY).sort());
  });
});

describe('participant details (version A) against the published example', () => {
  it('has, at every object path, exactly the keys of the published example, with its JSON types', async () => {
    fake.setVersion('A');
    const session = seedData.sessions.find(
      (candidate) => candidate.record.id === fake.demo.endedSessionId,
    );
    const participants = session?.participants ?? [];
    expect(participants.length).toBeGreaterThan(1);
    for (const participant of participants) {
      const reply = await get(
        fake,
        `/sessions/${fake.demo.endedSessionId}/participants/${participant.record.id}`,
      );
      expect(reply.status).toBe(200);
      // Every participant of an ENDED session has left: no null where the example has a string.
      expect(differences(reply.json, PARTICIPANT_DETAILS_EXAMPLE)).toEqual([]);
    }
  });

  it('sends device_info.webgl_support as a string, as the example does', async () => {
    fake.setVersion('A');
    const reply = await get(
      fake,
      `/sessions/${fake.demo.endedSessionId}/participants/${fake.demo.participantId}`,
    );
    const webgl = at(reply.json, 'data.participant.peer_stats.device_info.webgl_support');
    expect(webgl).toEqual(expect.any(String));
    expect(
      at(PARTICIPANT_DETAILS_EXAMPLE, 'data.participant.peer_stats.device_info.webgl_support'),
    ).toEqual(expect.any(String));
  });
});

describe.each(VERSIONS)(
  'peer report quality in version %s against the Dyte v2 example',
  (version) => {
    it('is one flat object with exactly the example quality keys', async () => {
      fake.setVersion(version);
      for (const peerId of [fake.demo.peerId, ...everyone.slice(0, 6).map((p) => p.record.id)]) {
        const quality = asRecord(at(await reportOf(peerId), 'quality'));
        const keys = Object.keys(quality);
        // D's one extra key (VersionKnobs.extraKeys), the first of the object; nothing else.
        const expected =
          version === 'D'
            ? ['sample_interval_ms', ...Object.keys(DYTE_QUALITY)]
            : Object.keys(DYTE_QUALITY);
        expect([...keys].sort()).toEqual([...expected].sort());
        if (version === 'D') expect(keys[0]).toBe('sample_interval_ms');
        for (const [key, example] of Object.entries(DYTE_QUALITY)) {
          expect(jsonType(quality[key]), key).toBe(jsonType(example));
        }
      }
    });
  },
);

describe('peer report keys: none the published sources do not name', () => {
  const dyteMetadataKeys = keysByPath(DYTE_METADATA);
  const allowedAt = (path: string): Set<string> => {
    const allowed = new Set([
      ...(dyteMetadataKeys.get(path) ?? []),
      ...(CONTRACT_METADATA_KEYS[path] ?? []),
    ]);
    if (path.startsWith('candidate_pairs.') && path.endsWith('_transport[]')) {
      for (const key of CANDIDATE_PAIR) allowed.add(key);
    }
    return allowed;
  };
  const unnamedKeys = (metadata: unknown): string[] =>
    [...keysByPath(metadata)].flatMap(([path, keys]) =>
      MAP_PATHS.has(path)
        ? []
        : [...keys].filter((key) => !allowedAt(path).has(key)).map((key) => `${path}: ${key}`),
    );

  it.each(VERSIONS)(
    'emits in peer_report.metadata only keys of the Dyte v2 example, wire-keys.md or the contract (version %s)',
    async (version) => {
      fake.setVersion(version);
      const metadata = at(await reportOf(fake.demo.peerId), 'metadata');
      // D's one extra metadata key, sent on purpose to exercise tolerance of unknown keys.
      expect(unnamedKeys(metadata)).toEqual(version === 'D' ? [': ice_transport_policy'] : []);
    },
  );

  it('does so for every seeded peer, and has every key of the example where it has the object', () => {
    for (const participant of everyone) {
      const metadata = buildPeerMetadata(SEED, participant);
      expect(unnamedKeys(metadata)).toEqual([]);
      const fakeKeys = keysByPath(metadata);
      for (const [path, keys] of dyteMetadataKeys) {
        const emitted = fakeKeys.get(path);
        if (emitted === undefined) continue;
        expect(
          [...keys].filter((key) => !emitted.has(key)),
          path,
        ).toEqual([]);
      }
    }
  });

  it('gives every candidate pair exactly the keys of wire-keys.md, a superset of the example pair', () => {
    const examplePair = at(DYTE_METADATA, 'candidate_pairs.producing_transport');
    const exampleKeys = Object.keys(asRecord(Array.isArray(examplePair) ? examplePair[0] : {}));
    expect(exampleKeys.filter((key) => !CANDIDATE_PAIR.includes(key))).toEqual([]);
    for (const participant of everyone) {
      const pairs = asRecord(buildPeerMetadata(SEED, participant).candidate_pairs);
      for (const transport of ['producing_transport', 'consuming_transport']) {
        const list = pairs[transport];
        expect(Array.isArray(list) ? list.length : 0).toBeGreaterThan(0);
        for (const pair of Array.isArray(list) ? list : []) {
          expect(Object.keys(asRecord(pair)).sort()).toEqual([...CANDIDATE_PAIR].sort());
        }
      }
    }
  });

  it('gives audio producer samples and audio_producer_cumulative exactly the keys of the example', async () => {
    const exampleSeries = DYTE_QUALITY.audio_producer;
    const exampleSample: unknown = Array.isArray(exampleSeries) ? exampleSeries[0] : undefined;
    const exampleSampleKeys = leafPaths(exampleSample);
    const exampleCumulativeKeys = leafPaths(DYTE_QUALITY.audio_producer_cumulative);
    // The example and wire-keys.md agree here, so either could be the reference.
    expect(exampleSampleKeys).toEqual([...AUDIO_PRODUCER_SAMPLE].sort());
    expect(exampleCumulativeKeys).toEqual([...AUDIO_PRODUCER_CUMULATIVE].sort());
    const quality = asRecord(at(await reportOf(fake.demo.peerId), 'quality'));
    const series = quality.audio_producer;
    expect(Array.isArray(series) ? series.length : 0).toBeGreaterThan(10);
    for (const sample of Array.isArray(series) ? series : []) {
      expect(leafPaths(sample)).toEqual(exampleSampleKeys);
    }
    expect(leafPaths(quality.audio_producer_cumulative)).toEqual(exampleCumulativeKeys);
  });

  it('gives every sample and cumulative of every seeded peer exactly the keys of wire-keys.md', () => {
    const seen = new Set<string>();
    for (const participant of everyone) {
      const quality = buildPeerQuality(SEED, participant);
      for (const [key, expected] of Object.entries(QUALITY_KEYS)) {
        const value = quality[key];
        const items = Array.isArray(value) ? value : [value];
        for (const item of items) {
          // An empty stream's cumulative is `{}`, as in the example.
          if (Object.keys(asRecord(item)).length === 0) continue;
          seen.add(key);
          expect(leafPaths(item), key).toEqual([...expected].sort());
        }
      }
    }
    // Not vacuous: every kind the seed produces was checked (nobody shares screen audio or receives a share).
    expect([...seen].sort()).toEqual(
      Object.keys(QUALITY_KEYS)
        .filter(
          (key) =>
            !key.startsWith('screenshare_audio') && !key.startsWith('screenshare_video_consumer'),
        )
        .sort(),
    );
  });
});
