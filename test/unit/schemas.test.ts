import { context } from '../support/drift.js';
import type { Report } from '../support/drift.js';
import { describe, expect, it } from 'vitest';
import {
  readParticipantDetails,
  readParticipantList,
  readPeerReport,
  readSession,
  readSessionList,
} from '../../src/upstream/envelopes.js';
import { GatewayError, MalformedLeaf } from '../../src/upstream/errors.js';
import { ParticipantDetailsRecord } from '../../src/upstream/schemas.js';

const ID = '9f3c1a52-7d0e-4b8a-a1c2-5e6f7a8b9c0d';

function readDetails(value: unknown): { record: ParticipantDetailsRecord; reports: Report[] } {
  const { at, reports } = context();
  const record = ParticipantDetailsRecord.readRecord(value, at);
  if (record === undefined) throw new Error('the participant was not read');
  return { record, reports };
}

/** The value, known not to be a MalformedLeaf (the test fails otherwise). */
function wellTyped<T>(value: T | MalformedLeaf): T {
  if (value instanceof MalformedLeaf) throw new Error(`unexpected MalformedLeaf: ${value.message}`);
  return value;
}

/** Runs `read` and returns the GatewayError it throws. */
function failure(read: () => unknown): GatewayError {
  try {
    read();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('the read did not fail');
}

describe('ParticipantDetailsRecord', () => {
  it('reads both spellings of throughput into `throughput`', () => {
    const typo = readDetails({
      id: ID,
      peer_stats: { precall_network_information: { throughtput: 1800 } },
    });
    const real = readDetails({
      id: ID,
      peer_stats: { precall_network_information: { throughput: 2400 } },
    });
    const precall = (record: ParticipantDetailsRecord) =>
      wellTyped(wellTyped(record.peer_stats)?.precall_network_information ?? null);
    expect(precall(typo.record)?.throughput).toBe(1800);
    expect(precall(real.record)?.throughput).toBe(2400);
    expect(precall(typo.record)).not.toHaveProperty('throughtput');
    expect([...typo.reports, ...real.reports]).toEqual([]);
  });

  it('turns a single quality_stats object into a one-element list', () => {
    const { record, reports } = readDetails({ id: ID, quality_stats: { average_quality: 4.2 } });
    const stats = wellTyped(record.quality_stats);
    expect(stats).toHaveLength(1);
    expect(stats?.[0]?.average_quality).toBe(4.2);
    expect(reports).toEqual([]);
  });

  it('reads missing fields as null and leaves unknown keys out, reporting them', () => {
    const { record, reports } = readDetails({ id: ID, brand_new_field: 1, display_name: 'Ana' });
    expect(record).toEqual({
      id: ID,
      user_id: null,
      custom_participant_id: null,
      display_name: 'Ana',
      preset_name: null,
      joined_at: null,
      left_at: null,
      duration: null,
      created_at: null,
      updated_at: null,
      peer_stats: null,
      quality_stats: null,
    });
    expect(reports).toEqual([{ path: 'brand_new_field', kind: 'unknown_key', seen: 'number' }]);
  });

  it('reads a numeric string as its number', () => {
    const { record, reports } = readDetails({ id: ID, duration: '12' });
    expect(record.duration).toBe(12);
    expect(reports).toEqual([]);
  });

  it('reads a value of the wrong type as a MalformedLeaf for that field only', () => {
    const { record, reports } = readDetails({
      id: ID,
      display_name: 'Ana',
      joined_at: 'yesterday',
      duration: 'twelve',
    });
    expect(record.joined_at).toBeInstanceOf(MalformedLeaf);
    expect(record.joined_at).toMatchObject({ expected: 'DateTime', code: 'UPSTREAM_BAD_RESPONSE' });
    expect(record.duration).toBeInstanceOf(MalformedLeaf);
    expect(record.display_name).toBe('Ana');
    expect(reports).toEqual([
      { path: 'joined_at', kind: 'wrong_type', seen: 'string' },
      { path: 'duration', kind: 'wrong_type', seen: 'string' },
    ]);
  });

  it('does not read a participant without an id', () => {
    const { at, reports } = context();
    expect(ParticipantDetailsRecord.readRecord({ display_name: 'no id' }, at)).toBeUndefined();
    expect(reports).toEqual([{ path: 'id', kind: 'wrong_type', seen: 'null' }]);
  });
});

describe('readParticipantDetails', () => {
  it('reads a success envelope with data.participant', () => {
    const { at, reports } = context();
    const record = readParticipantDetails({ success: true, data: { participant: { id: ID } } }, at);
    expect(record.id).toBe(ID);
    expect(reports).toEqual([]);
  });

  it.each([
    ['a body that is not an object', ['not', 'an', 'object']],
    ['success: false', { success: false, data: { participant: { id: ID } } }],
    ['no data', { success: true }],
    ['no data.participant', { success: true, data: { id: ID } }],
    [
      'a participant without an id',
      { success: true, data: { participant: { display_name: 'x' } } },
    ],
  ])('fails the whole resource as UPSTREAM_BAD_RESPONSE for %s', (_name, body) => {
    expect(failure(() => readParticipantDetails(body, context().at)).code).toBe(
      'UPSTREAM_BAD_RESPONSE',
    );
  });

  it('reports drift with paths that start at the participant', () => {
    const { at, reports } = context();
    readParticipantDetails(
      {
        success: true,
        data: { participant: { id: ID, peer_stats: { device_info: { cpus: 'many' } } } },
      },
      at,
    );
    expect(reports).toEqual([
      { path: 'peer_stats.device_info.cpus', kind: 'wrong_type', seen: 'string' },
    ]);
  });
});

describe('readPeerReport', () => {
  const report = { id: ID, role: 'host', session_id: 's1', peer_report: { metadata: {} } };

  it('reads the report flat in data (version B) and wrapped as data.participant (C and D)', () => {
    for (const data of [report, { participant: report }]) {
      const { at, reports } = context();
      const record = readPeerReport({ success: true, data }, at);
      expect(record).toMatchObject({ id: ID, preset_name: 'host', session_id: 's1' });
      expect(reports).toEqual([]);
    }
  });

  it('fails as UPSTREAM_BAD_RESPONSE without a report id', () => {
    const body = { success: true, data: { participant: { role: 'host' } } };
    expect(failure(() => readPeerReport(body, context().at)).code).toBe('UPSTREAM_BAD_RESPONSE');
  });
});

describe('session envelopes', () => {
  it('reads a session from data, or from data.session as older versions wrap it', () => {
    for (const data of [{ id: 's1' }, { session: { id: 's1' } }]) {
      expect(readSession({ success: true, data }, context().at).id).toBe('s1');
    }
  });

  it('reads breakout rooms as sessions, their drift under breakout_rooms[]', () => {
    const { at, reports } = context();
    const session = readSession(
      { success: true, data: { id: 's1', breakout_rooms: [{ id: 's2', live_participants: 'x' }] } },
      at,
    );
    expect(wellTyped(session.breakout_rooms)?.map((room) => room.id)).toEqual(['s2']);
    expect(reports).toEqual([
      { path: 'breakout_rooms[].live_participants', kind: 'wrong_type', seen: 'string' },
    ]);
  });

  it('reads a session list with its paging, leaving out sessions without an id', () => {
    const { at, reports } = context();
    const page = readSessionList(
      {
        success: true,
        data: { sessions: [{ id: 's1' }, { status: 'ENDED' }] },
        paging: { total_count: 2, start_offset: 1, end_offset: 2 },
      },
      at,
    );
    expect(page.items.map((session) => session.id)).toEqual(['s1']);
    expect(page.paging).toEqual({ total_count: 2, start_offset: 1, end_offset: 2 });
    expect(reports).toEqual([{ path: 'sessions[].id', kind: 'wrong_type', seen: 'null' }]);
  });

  it('fails a list body without its list as UPSTREAM_BAD_RESPONSE', () => {
    expect(failure(() => readSessionList({ success: true, data: {} }, context().at)).code).toBe(
      'UPSTREAM_BAD_RESPONSE',
    );
  });

  it('reads a participant list with paging inside data, its drift under participants[]', () => {
    const { at, reports } = context();
    const page = readParticipantList(
      {
        success: true,
        data: {
          participants: [{ id: ID, joined_at: 'soon' }],
          paging: { total_count: 1, start_offset: 1, end_offset: 1 },
        },
      },
      at,
    );
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.joined_at).toBeInstanceOf(MalformedLeaf);
    expect(page.paging).toEqual({ total_count: 1, start_offset: 1, end_offset: 1 });
    expect(reports).toEqual([
      { path: 'participants[].joined_at', kind: 'wrong_type', seen: 'string' },
    ]);
  });
});
