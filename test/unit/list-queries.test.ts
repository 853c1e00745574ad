import { describe, expect, it } from 'vitest';
import { pageOf, participantListQuery, sessionListQuery } from '../../src/upstream/list-queries.js';

describe('list arguments', () => {
  it('defaults and bounds the page', () => {
    expect(pageOf({})).toEqual({ pageNo: 1, perPage: 20 });
    expect(() => pageOf({ pageNo: 0 })).toThrow(/pageNo/);
    expect(() => pageOf({ perPage: 101 })).toThrow(/perPage/);
    expect(() => pageOf({ perPage: 0 })).toThrow(/perPage/);
  });

  it('maps session list arguments to RealtimeKit parameters', () => {
    expect(
      sessionListQuery(
        {
          status: 'ENDED',
          startTime: '2026-11-01T00:00:00.000Z',
          endTime: '2026-11-02T00:00:00.000Z',
          minParticipants: 2,
          search: 'standup',
          associatedId: 'm',
          sortBy: 'MINUTES_CONSUMED',
          sortOrder: 'ASC',
        },
        { pageNo: 2, perPage: 5 },
      ),
    ).toEqual({
      page_no: '2',
      per_page: '5',
      status: 'ENDED',
      start_time: '2026-11-01T00:00:00.000Z',
      end_time: '2026-11-02T00:00:00.000Z',
      participants: '2:100000',
      search: 'standup',
      associated_id: 'm',
      sort_by: 'minutesConsumed',
      sort_order: 'ASC',
    });
  });

  it('refuses contradictory ranges', () => {
    const page = { pageNo: 1, perPage: 20 };
    expect(() => sessionListQuery({ minParticipants: 5, maxParticipants: 2 }, page)).toThrow(
      /minParticipants/,
    );
    expect(() => sessionListQuery({ minParticipants: -1 }, page)).toThrow(/0 or more/);
    expect(() =>
      sessionListQuery(
        { startTime: '2026-11-02T00:00:00.000Z', endTime: '2026-11-01T00:00:00.000Z' },
        page,
      ),
    ).toThrow(/startTime/);
  });

  it('maps participant list arguments', () => {
    expect(
      participantListQuery(
        { search: 'ana', sortBy: 'DURATION', sortOrder: 'DESC', view: 'CONSOLIDATED' },
        { pageNo: 1, perPage: 30 },
      ),
    ).toEqual({
      page_no: '1',
      per_page: '30',
      search: 'ana',
      sort_by: 'duration',
      sort_order: 'DESC',
      view: 'consolidated',
    });
  });
});
