import { describe, expect, it } from 'vitest';
import {
  ParticipantDetailsEnvelope,
  ParticipantDetailsRecord,
} from '../../src/upstream/schemas.js';

const ID = '9f3c1a52-7d0e-4b8a-a1c2-5e6f7a8b9c0d';

describe('ParticipantDetailsRecord', () => {
  it('reads both spellings of throughput into `throughput`', () => {
    const typo = ParticipantDetailsRecord.parse({
      id: ID,
      peer_stats: { precall_network_information: { throughtput: 1800 } },
    });
    const real = ParticipantDetailsRecord.parse({
      id: ID,
      peer_stats: { precall_network_information: { throughput: 2400 } },
    });
    expect(typo.peer_stats?.precall_network_information).toEqual({ throughput: 1800 });
    expect(real.peer_stats?.precall_network_information).toEqual({ throughput: 2400 });
  });

  it('turns a single quality_stats object into a one-element list', () => {
    const record = ParticipantDetailsRecord.parse({
      id: ID,
      quality_stats: { average_quality: 4.2 },
    });
    expect(record.quality_stats).toEqual([{ average_quality: 4.2 }]);
  });

  it('keeps missing fields missing and drops unknown keys', () => {
    const record = ParticipantDetailsRecord.parse({
      id: ID,
      brand_new_field: 1,
      display_name: 'Ana',
    });
    expect(record).toEqual({ id: ID, display_name: 'Ana' });
  });

  it('rejects values of the wrong type', () => {
    expect(ParticipantDetailsRecord.safeParse({ id: ID, duration: '12' }).success).toBe(false);
    expect(ParticipantDetailsRecord.safeParse({ id: ID, joined_at: 'yesterday' }).success).toBe(
      false,
    );
    expect(ParticipantDetailsRecord.safeParse({ display_name: 'no id' }).success).toBe(false);
  });
});

describe('ParticipantDetailsEnvelope', () => {
  it('accepts only a success envelope with data.participant', () => {
    expect(
      ParticipantDetailsEnvelope.safeParse({ success: true, data: { participant: { id: ID } } })
        .success,
    ).toBe(true);
    expect(
      ParticipantDetailsEnvelope.safeParse({ success: false, data: { participant: { id: ID } } })
        .success,
    ).toBe(false);
    expect(ParticipantDetailsEnvelope.safeParse({ success: true, data: { id: ID } }).success).toBe(
      false,
    );
  });
});
