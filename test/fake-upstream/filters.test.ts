import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILTER_VALUES, startFakeUpstream } from '../../src/fake-upstream/index.js';
import type { FakeUpstream, FilterValue } from '../../src/fake-upstream/index.js';
import { asRecord, at } from './schemas.js';
import { get, realtimeKitError } from './support.js';

let fake: FakeUpstream;
beforeAll(async () => {
  fake = await startFakeUpstream();
});
afterAll(async () => {
  await fake.close();
});

const BASIC_FIELDS = [
  'id',
  'user_id',
  'custom_participant_id',
  'display_name',
  'preset_name',
  'joined_at',
  'left_at',
  'duration',
  'created_at',
  'updated_at',
];
const METADATA_BASICS = ['room_view_type', 'sdk_name', 'sdk_type', 'sdk_version'];

const detailsPath = (): string =>
  `/sessions/${fake.demo.endedSessionId}/participants/${fake.demo.participantId}`;
const reportPath = (): string => `/sessions/peer-report/${fake.demo.peerId}`;

async function details(query: Record<string, string>): Promise<Record<string, unknown>> {
  const reply = await get(fake, detailsPath(), { query });
  expect(reply.status).toBe(200);
  return asRecord(at(reply.json, 'data.participant'));
}

async function report(query: Record<string, string>): Promise<Record<string, unknown>> {
  const reply = await get(fake, reportPath(), { query });
  expect(reply.status).toBe(200);
  return asRecord(reply.json).data as Record<string, unknown>;
}

/** Which peer-report metadata keys each filter value selects (contract section 4). */
const METADATA_FOR: Readonly<Record<FilterValue, readonly string[]>> = {
  device_info: ['device_info', 'browser_metadata'],
  ip_information: ['ip_information'],
  precall_network_information: ['pc_metadata'],
  events: ['events'],
  quality_stats: [],
};

describe('filters on participant details', () => {
  it('returns every section without filters', async () => {
    const full = await details({});
    expect(Object.keys(full)).toEqual([...BASIC_FIELDS, 'peer_stats', 'quality_stats']);
    expect(Object.keys(asRecord(full.peer_stats))).toEqual([
      'config',
      'status',
      'device_info',
      'events',
      'ip_information',
      'precall_network_information',
    ]);
  });

  it.each(FILTER_VALUES.filter((value) => value !== 'quality_stats'))(
    'filters=%s returns only that peer_stats section and the basic fields',
    async (value) => {
      const full = await details({});
      const only = await details({ filters: value });
      expect(Object.keys(only)).toEqual([...BASIC_FIELDS, 'peer_stats']);
      expect(only.peer_stats).toEqual({ [value]: asRecord(full.peer_stats)[value] });
    },
  );

  it('filters=quality_stats returns quality_stats and no peer_stats', async () => {
    const full = await details({});
    const only = await details({ filters: 'quality_stats' });
    expect(Object.keys(only)).toEqual([...BASIC_FIELDS, 'quality_stats']);
    expect(only.quality_stats).toEqual(full.quality_stats);
  });

  it('combines values', async () => {
    const combined = await details({ filters: 'events,quality_stats,ip_information' });
    expect(Object.keys(combined)).toEqual([...BASIC_FIELDS, 'peer_stats', 'quality_stats']);
    expect(Object.keys(asRecord(combined.peer_stats)).sort()).toEqual(['events', 'ip_information']);
    const everything = await details({ filters: FILTER_VALUES.join(',') });
    expect(Object.keys(asRecord(everything.peer_stats)).sort()).toEqual([
      'device_info',
      'events',
      'ip_information',
      'precall_network_information',
    ]);
  });

  it('adds peer_events only with include_peer_events=true, whatever the filters', async () => {
    expect(await details({})).not.toHaveProperty('peer_events');
    expect(await details({ include_peer_events: 'false' })).not.toHaveProperty('peer_events');
    const withEvents = await details({ include_peer_events: 'true', filters: 'events' });
    expect(Object.keys(withEvents)).toEqual([...BASIC_FIELDS, 'peer_stats', 'peer_events']);
    const events = withEvents.peer_events;
    expect(Array.isArray(events) && events.map((e) => asRecord(e).event_name)).toEqual([
      'PEER_CREATED',
      'PEER_JOINING',
      'PEER_LEAVING',
    ]);
  });

  it('still validates filters in version D, which has no stats', async () => {
    fake.setVersion('D');
    try {
      // D's one extra key at this level comes whatever the filters (see versions.test.ts).
      expect(Object.keys(await details({ filters: 'events' }))).toEqual([
        ...BASIC_FIELDS,
        'region_hint',
      ]);
      const bad = await get(fake, detailsPath(), { query: { filters: 'nope' } });
      expect(bad.status).toBe(400);
    } finally {
      fake.setVersion('default');
    }
  });
});

describe('filters on the peer report', () => {
  it('returns metadata and quality without filters', async () => {
    const data = await report({});
    expect(Object.keys(asRecord(data.peer_report))).toEqual(['metadata', 'quality']);
    expect(Object.keys(asRecord(at(data, 'peer_report.metadata'))).length).toBeGreaterThan(10);
  });

  it.each(FILTER_VALUES)('filters=%s returns only its sections', async (value) => {
    const full = await report({});
    const data = await report({ filters: value });
    expect(Object.keys(data)).toEqual([...BASIC_FIELDS, 'session_id', 'peer_report']);
    const metadata = asRecord(at(data, 'peer_report.metadata'));
    expect(Object.keys(metadata).sort()).toEqual(
      [...METADATA_FOR[value], ...METADATA_BASICS].sort(),
    );
    for (const key of METADATA_FOR[value]) {
      expect(metadata[key]).toEqual(at(full, `peer_report.metadata.${key}`));
    }
    if (value === 'quality_stats') {
      expect(at(data, 'peer_report.quality')).toEqual(at(full, 'peer_report.quality'));
    } else {
      expect(asRecord(data.peer_report)).not.toHaveProperty('quality');
    }
  });

  it('combines values', async () => {
    const data = await report({ filters: 'device_info,events' });
    expect(Object.keys(asRecord(at(data, 'peer_report.metadata'))).sort()).toEqual(
      ['browser_metadata', 'device_info', 'events', ...METADATA_BASICS].sort(),
    );
    expect(asRecord(data.peer_report)).not.toHaveProperty('quality');
  });

  it('adds peer_events only with include_peer_events=true', async () => {
    expect(await report({})).not.toHaveProperty('peer_events');
    const data = await report({ include_peer_events: 'true' });
    const events = data.peer_events;
    expect(Array.isArray(events) ? events.length : 0).toBe(3);
    expect(Object.keys(data).slice(-3)).toEqual(['session_id', 'peer_events', 'peer_report']);
  });
});

describe('invalid filters', () => {
  it.each([
    ['bogus', 'bogus'],
    ['events,bogus', 'bogus'],
    ['events, device_info', ' device_info'],
    ['', ''],
    ['Events', 'Events'],
  ])('filters=%j is a 400 naming %j', async (filters, culprit) => {
    const expected = realtimeKitError(
      400,
      `BAD_REQUEST: filters must be a comma-separated list of device_info, ip_information, precall_network_information, events, quality_stats; got '${culprit}'`,
    );
    const onDetails = await get(fake, detailsPath(), { query: { filters } });
    expect(onDetails.status).toBe(400);
    expect(onDetails.json).toEqual(expected);
    const onReport = await get(fake, reportPath(), { query: { filters } });
    expect(onReport.status).toBe(400);
    expect(onReport.json).toEqual(expected);
  });
});
