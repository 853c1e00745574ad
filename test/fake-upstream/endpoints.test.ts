import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream } from '../../src/fake-upstream/index.js';
import type { FakeUpstream } from '../../src/fake-upstream/index.js';
import {
  DETAILS_BODY,
  FlatPeerReportBody,
  ParticipantsBody,
  SessionBody,
  SessionsBody,
} from './schemas.js';
import { get } from './support.js';

let fake: FakeUpstream;
beforeAll(async () => {
  fake = await startFakeUpstream();
});
afterAll(async () => {
  await fake.close();
});

async function sessions(query: Record<string, string> = {}) {
  const reply = await get(fake, '/sessions', { query });
  expect(reply.status).toBe(200);
  return SessionsBody.parse(reply.json);
}

async function participants(sessionId: string, query: Record<string, string> = {}) {
  const reply = await get(fake, `/sessions/${sessionId}/participants`, { query });
  expect(reply.status).toBe(200);
  return ParticipantsBody.parse(reply.json).data;
}

describe('GET /sessions', () => {
  it('answers the success envelope with top-level paging and JSON content type', async () => {
    const reply = await get(fake, '/sessions');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/json');
    const body = SessionsBody.parse(reply.json);
    expect(body).not.toHaveProperty('result');
    expect(body.paging).toEqual({ total_count: 8, start_offset: 1, end_offset: 8 });
    expect(body.data.sessions.map((s) => s.id)).toContain(fake.demo.endedSessionId);
    for (const session of body.data.sessions) expect(session.organization_id).toBe(fake.appId);
  });

  it('pages with 1-based inclusive offsets', async () => {
    const all = (await sessions()).data.sessions.map((s) => s.id);
    const second = await sessions({ page_no: '2', per_page: '3' });
    expect(second.paging).toEqual({ total_count: 8, start_offset: 4, end_offset: 6 });
    expect(second.data.sessions.map((s) => s.id)).toEqual(all.slice(3, 6));
    const last = await sessions({ page_no: '3', per_page: '3' });
    expect(last.paging).toEqual({ total_count: 8, start_offset: 7, end_offset: 8 });
    const beyond = await sessions({ page_no: '9', per_page: '3' });
    expect(beyond.data.sessions).toEqual([]);
    expect(beyond.paging).toEqual({ total_count: 8, start_offset: 0, end_offset: 0 });
    const capped = await sessions({ per_page: '500' });
    expect(capped.data.sessions).toHaveLength(8);
  });

  it('sorts by createdAt DESC by default and by minutesConsumed on request', async () => {
    const byDefault = (await sessions()).data.sessions.map((s) => Date.parse(s.created_at));
    expect(byDefault).toEqual([...byDefault].sort((a, b) => b - a));
    const asc = (await sessions({ sort_by: 'minutesConsumed', sort_order: 'ASC' })).data.sessions;
    const minutes = asc.map((s) => s.minutes_consumed);
    expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
    const oldestFirst = (await sessions({ sort_order: 'ASC' })).data.sessions.map((s) => s.id);
    expect(oldestFirst).toEqual((await sessions()).data.sessions.map((s) => s.id).reverse());
  });

  it('filters by status', async () => {
    const live = (await sessions({ status: 'LIVE' })).data.sessions;
    expect(live.length).toBeGreaterThanOrEqual(1);
    for (const session of live) {
      expect(session.status).toBe('LIVE');
      expect(session.ended_at).toBeNull();
    }
    expect(live.map((s) => s.id)).toContain(fake.demo.liveSessionId);
    const ended = (await sessions({ status: 'ENDED' })).data.sessions;
    expect(ended.every((s) => s.status === 'ENDED' && s.ended_at !== null)).toBe(true);
    expect(live.length + ended.length).toBe(8);
  });

  it('filters by start time window, participant count, meeting and search', async () => {
    const all = (await sessions()).data.sessions;
    const starts = all.map((s) => s.started_at).sort();
    const [from, to] = [starts[2] ?? '', starts[5] ?? ''];
    const windowed = (await sessions({ start_time: from, end_time: to })).data.sessions;
    expect(windowed.map((s) => s.id).sort()).toEqual(
      all
        .filter((s) => s.started_at >= from && s.started_at <= to)
        .map((s) => s.id)
        .sort(),
    );
    expect(windowed).toHaveLength(4);

    const large = (await sessions({ participants: '30:50' })).data.sessions;
    expect(large.map((s) => s.id)).toEqual([fake.demo.largeSessionId]);

    const recurring = all.find(
      (s) => all.filter((other) => other.associated_id === s.associated_id).length > 1,
    );
    if (recurring === undefined) throw new Error('the seed should have a recurring meeting');
    const sameMeeting = (await sessions({ associated_id: recurring.associated_id })).data.sessions;
    expect(sameMeeting.length).toBeGreaterThan(1);
    expect(sameMeeting.every((s) => s.associated_id === recurring.associated_id)).toBe(true);

    const name = all[0]?.meeting_display_name ?? '';
    const term = name.slice(1, 6).toUpperCase();
    const found = (await sessions({ search: term })).data.sessions;
    expect(found.length).toBeGreaterThanOrEqual(1);
    for (const session of found) {
      expect(session.meeting_display_name.toLowerCase()).toContain(term.toLowerCase());
    }
    const byId = (await sessions({ search: fake.demo.endedSessionId })).data.sessions;
    expect(byId.map((s) => s.id)).toEqual([fake.demo.endedSessionId]);
    expect((await sessions({ search: 'no such meeting anywhere' })).data.sessions).toEqual([]);
  });

  it('ignores unknown query parameters', async () => {
    const plain = await get(fake, '/sessions');
    const extra = await get(fake, '/sessions', { query: { colour: 'blue', page_size: 'x' } });
    expect(extra.status).toBe(200);
    expect(extra.text).toBe(plain.text);
  });
});

describe('GET /sessions/{session_id}', () => {
  it('answers data as the Session itself, without breakout_rooms unless asked', async () => {
    const reply = await get(fake, `/sessions/${fake.demo.endedSessionId}`);
    const body = SessionBody.parse(reply.json);
    expect(body.data.id).toBe(fake.demo.endedSessionId);
    expect(body.data.status).toBe('ENDED');
    expect(body.data).not.toHaveProperty('breakout_rooms');
    expect(body.data).not.toHaveProperty('session');
  });

  it('adds breakout_rooms when include_breakout_rooms=true', async () => {
    const large = SessionBody.parse(
      (
        await get(fake, `/sessions/${fake.demo.largeSessionId}`, {
          query: { include_breakout_rooms: 'true' },
        })
      ).json,
    );
    expect(large.data.breakout_rooms?.length).toBe(2);
    for (const room of large.data.breakout_rooms ?? []) {
      expect(Date.parse(room.started_at)).toBeGreaterThanOrEqual(Date.parse(large.data.started_at));
    }
    const demo = SessionBody.parse(
      (
        await get(fake, `/sessions/${fake.demo.endedSessionId}`, {
          query: { include_breakout_rooms: 'true' },
        })
      ).json,
    );
    expect(demo.data.breakout_rooms).toEqual([]);
    const off = SessionBody.parse(
      (
        await get(fake, `/sessions/${fake.demo.largeSessionId}`, {
          query: { include_breakout_rooms: 'false' },
        })
      ).json,
    );
    expect(off.data).not.toHaveProperty('breakout_rooms');
  });

  it('shows a LIVE session with a null ended_at and its live participant count', async () => {
    const live = SessionBody.parse((await get(fake, `/sessions/${fake.demo.liveSessionId}`)).json);
    expect(live.data.status).toBe('LIVE');
    expect(live.data.ended_at).toBeNull();
    const people = await participants(fake.demo.liveSessionId, { per_page: '100' });
    expect(live.data.live_participants).toBe(
      people.participants.filter((p) => p.left_at === null).length,
    );
    expect(live.data.live_participants).toBeGreaterThan(0);
  });
});

describe('GET /sessions/{session_id}/participants', () => {
  it('puts paging inside data and defaults to 20 per page', async () => {
    const first = await participants(fake.demo.largeSessionId);
    expect(first.participants).toHaveLength(20);
    expect(first.paging.start_offset).toBe(1);
    expect(first.paging.end_offset).toBe(20);
    expect(first.paging.total_count).toBeGreaterThanOrEqual(30);
    const second = await participants(fake.demo.largeSessionId, { page_no: '2' });
    expect(second.paging.start_offset).toBe(21);
    expect(second.paging.end_offset).toBe(Math.min(40, first.paging.total_count));
    const ids = new Set([...first.participants, ...second.participants].map((p) => p.id));
    expect(ids.size).toBe(first.participants.length + second.participants.length);
    const everyone = await participants(fake.demo.largeSessionId, { per_page: '100' });
    expect(everyone.participants).toHaveLength(first.paging.total_count);
  });

  it('sorts by joinedAt ascending by default, or by duration', async () => {
    const joined = (await participants(fake.demo.endedSessionId)).participants.map(
      (p) => p.joined_at,
    );
    expect(joined).toEqual([...joined].sort());
    const longest = (
      await participants(fake.demo.endedSessionId, { sort_by: 'duration', sort_order: 'DESC' })
    ).participants.map((p) => p.duration);
    expect(longest).toEqual([...longest].sort((a, b) => b - a));
  });

  it('searches display names case-insensitively', async () => {
    const everyone = (await participants(fake.demo.endedSessionId)).participants;
    const target = everyone[3];
    if (target === undefined) throw new Error('demo session too small');
    const lastName = target.display_name.split(' ').at(-1) ?? '';
    const found = (await participants(fake.demo.endedSessionId, { search: lastName.toLowerCase() }))
      .participants;
    expect(found.map((p) => p.id)).toContain(target.id);
    for (const p of found) expect(p.display_name.toLowerCase()).toContain(lastName.toLowerCase());
  });

  it('adds peer_events only with include_peer_events=true', async () => {
    const without = (await participants(fake.demo.endedSessionId)).participants;
    expect(without.every((p) => !('peer_events' in p))).toBe(true);
    const withEvents = (
      await participants(fake.demo.endedSessionId, { include_peer_events: 'true' })
    ).participants;
    for (const p of withEvents) {
      expect(p.peer_events?.map((e) => e.event_name)).toEqual([
        'PEER_CREATED',
        'PEER_JOINING',
        'PEER_LEAVING',
      ]);
      expect(p.peer_events?.every((e) => e.peer_id === p.id)).toBe(true);
    }
  });

  it('merges rejoins into one row per user with view=consolidated', async () => {
    const raw = (await participants(fake.demo.endedSessionId, { view: 'raw' })).participants;
    const merged = (await participants(fake.demo.endedSessionId, { view: 'consolidated' }))
      .participants;
    const users = new Set(raw.map((p) => p.user_id));
    expect(merged).toHaveLength(users.size);
    expect(merged.length).toBeLessThan(raw.length);
    expect(new Set(merged.map((p) => p.user_id)).size).toBe(merged.length);
    for (const row of merged) {
      const peers = raw.filter((p) => p.user_id === row.user_id);
      const total = peers.reduce((sum, p) => sum + p.duration, 0);
      expect(row.duration).toBeCloseTo(total, 1);
      expect(row.joined_at).toBe(peers.map((p) => p.joined_at).sort()[0]);
      expect(row.left_at).toBe(
        peers
          .map((p) => p.left_at ?? '')
          .sort()
          .at(-1),
      );
    }
  });
});

describe('GET participant details and peer report (default version)', () => {
  it('serves participant details version A with stats and `throughput`', async () => {
    const reply = await get(
      fake,
      `/sessions/${fake.demo.endedSessionId}/participants/${fake.demo.participantId}`,
    );
    expect(reply.status).toBe(200);
    const participant = DETAILS_BODY.default.parse(reply.json).data.participant;
    expect(participant).toMatchObject({ id: fake.demo.participantId });
    expect(participant).not.toHaveProperty('peer_events');
  });

  it('serves the peer report version B: flat data with preset_name', async () => {
    const reply = await get(fake, `/sessions/peer-report/${fake.demo.peerId}`);
    expect(reply.status).toBe(200);
    const data = FlatPeerReportBody.parse(reply.json).data;
    expect(data.id).toBe(fake.demo.peerId);
    expect(data.session_id).toBe(fake.demo.endedSessionId);
    expect(data).not.toHaveProperty('peer_events');
    expect(data.peer_report.quality.audio_producer.length).toBeGreaterThan(10);
  });

  it('agrees between list, details and peer report on the basic fields', async () => {
    const list = (await participants(fake.demo.endedSessionId)).participants;
    const row = list.find((p) => p.id === fake.demo.participantId);
    const details = DETAILS_BODY.default.parse(
      (
        await get(
          fake,
          `/sessions/${fake.demo.endedSessionId}/participants/${fake.demo.participantId}`,
        )
      ).json,
    ).data.participant;
    const report = FlatPeerReportBody.parse(
      (await get(fake, `/sessions/peer-report/${fake.demo.peerId}`)).json,
    ).data;
    for (const key of ['user_id', 'display_name', 'joined_at', 'left_at', 'duration'] as const) {
      expect(details[key]).toEqual(row?.[key]);
      expect(report[key]).toEqual(row?.[key]);
    }
  });

  it('serves peer reports of LIVE participants up to now', async () => {
    const live = (await participants(fake.demo.liveSessionId)).participants.find(
      (p) => p.left_at === null,
    );
    if (live === undefined) throw new Error('no one in the live call');
    const data = FlatPeerReportBody.parse(
      (await get(fake, `/sessions/peer-report/${live.id}`)).json,
    ).data;
    expect(data.left_at).toBeNull();
    expect(data.peer_report.quality.audio_consumer.length).toBeGreaterThan(0);
  });
});
