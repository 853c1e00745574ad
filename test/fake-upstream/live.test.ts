import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SAMPLE_INTERVAL_MS,
  SEED_NOW,
  buildPeerQuality,
  createSeedData,
  startFakeUpstream,
} from '../../src/fake-upstream/index.js';
import type { FakeUpstream, FakeUpstreamOptions } from '../../src/fake-upstream/index.js';
import { FlatPeerReportBody, ParticipantsBody, SessionBody, SessionsBody } from './schemas.js';
import { get } from './support.js';
import type { Reply } from './support.js';

/**
 * LIVE sessions go on after the fake's start, as its injected clock says: elapsed milliseconds since the start.
 * Every request here sets the clock first, so nothing depends on how long the test takes.
 */

const SEED = 42;
const START_MS = Date.parse(SEED_NOW);
const MINUTE = 60_000;
const SERIES = ['audio_producer', 'audio_consumer', 'video_producer', 'video_consumer'] as const;

interface ClockedFake {
  readonly fake: FakeUpstream;
  /** Sets the clock, then GETs the path. */
  call(elapsedMs: number, path: string, query?: Record<string, string>): Promise<Reply>;
  /** The same, expecting 200: the body's text. */
  read(elapsedMs: number, path: string, query?: Record<string, string>): Promise<string>;
}

async function clockedFake(options: FakeUpstreamOptions = {}): Promise<ClockedFake> {
  let elapsed = 0;
  const fake = await startFakeUpstream({
    seed: SEED,
    rateLimit: { quota: 1_000_000, windowSeconds: 1 },
    ...options,
    clock: () => elapsed,
  });
  const call = (elapsedMs: number, path: string, query: Record<string, string> = {}) => {
    elapsed = elapsedMs;
    return get(fake, path, { query });
  };
  return {
    fake,
    call,
    async read(elapsedMs, path, query = {}) {
      const reply = await call(elapsedMs, path, query);
      expect(reply.status, `${path} at ${elapsedMs} ms`).toBe(200);
      return reply.text;
    },
  };
}

const minutesBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / 600) / 100;

let live: ClockedFake;
let sessionId: string;
beforeAll(async () => {
  live = await clockedFake();
  sessionId = live.fake.demo.liveSessionId;
});
afterAll(async () => {
  await live.fake.close();
});

const sessionAt = async (elapsedMs: number, id = sessionId) =>
  SessionBody.parse(JSON.parse(await live.read(elapsedMs, `/sessions/${id}`))).data;
const participantsAt = async (elapsedMs: number, id = sessionId) =>
  ParticipantsBody.parse(
    JSON.parse(
      await live.read(elapsedMs, `/sessions/${id}/participants`, {
        per_page: '100',
        include_peer_events: 'true',
      }),
    ),
  ).data.participants;
const reportAt = async (elapsedMs: number, peerId: string) =>
  FlatPeerReportBody.parse(
    JSON.parse(await live.read(elapsedMs, `/sessions/peer-report/${peerId}`)),
  ).data;

describe('a LIVE session at elapsed 0', () => {
  const seed = createSeedData(SEED);
  const seeded = seed.sessions.filter((session) => session.record.status === 'LIVE');

  it('is the seed, record for record and sample for sample', async () => {
    expect(seeded).toHaveLength(2);
    for (const session of seeded) {
      expect(await sessionAt(0, session.record.id)).toEqual(session.record);
      const list = ParticipantsBody.parse(
        JSON.parse(
          await live.read(0, `/sessions/${session.record.id}/participants`, { per_page: '100' }),
        ),
      );
      expect(list.data.participants).toEqual(
        // The list's default order: by join.
        session.participants
          .map((participant) => participant.record)
          .sort((a, b) => Date.parse(a.joined_at) - Date.parse(b.joined_at)),
      );
      const present = session.participants.find((p) => p.record.left_at === null);
      if (present === undefined) throw new Error('nobody in the live call');
      // As sent, key order included (the schemas' parse would reorder keys).
      const report = JSON.parse(
        await live.read(0, `/sessions/peer-report/${present.record.id}`),
      ) as { data: { peer_report: { quality: unknown } } };
      expect(JSON.stringify(report.data.peer_report.quality)).toBe(
        JSON.stringify(buildPeerQuality(SEED, present)),
      );
    }
  });

  it('stays so for the whole first tick', async () => {
    const path = `/sessions/${sessionId}/participants`;
    expect(await live.read(SAMPLE_INTERVAL_MS - 1, path)).toBe(await live.read(0, path));
    expect(await live.read(SAMPLE_INTERVAL_MS, path)).not.toBe(await live.read(0, path));
  });
});

describe('a LIVE session as time passes', () => {
  it('adds one sample per 7 s tick to every series of a peer still in the call', async () => {
    const ticks = 5;
    const later = ticks * SAMPLE_INTERVAL_MS;
    const rows = await participantsAt(0);
    const rowsLater = await participantsAt(later);
    const stayer = rows.find(
      (row) =>
        row.left_at === null && rowsLater.find((other) => other.id === row.id)?.left_at === null,
    );
    if (stayer === undefined) throw new Error('nobody stays in the call');
    const before = (await reportAt(0, stayer.id)).peer_report.quality;
    const after = (await reportAt(later, stayer.id)).peer_report.quality;
    let grown = 0;
    for (const series of SERIES) {
      const old = before[series];
      if (old.length === 0) {
        expect(after[series], series).toEqual([]);
        continue;
      }
      grown += 1;
      expect(after[series], series).toHaveLength(old.length + ticks);
      // The past stays as it was; the new samples lie in the ticks since the start, about 7 s apart.
      expect(after[series].slice(0, old.length), series).toEqual(old);
      const added = after[series].slice(old.length).map((sample) => Date.parse(sample.timestamp));
      added.forEach((atMs, index) => {
        expect(atMs).toBeGreaterThan(START_MS + index * SAMPLE_INTERVAL_MS);
        expect(atMs).toBeLessThanOrEqual(START_MS + (index + 1) * SAMPLE_INTERVAL_MS);
      });
      const instants = [Date.parse(old.at(-1)?.timestamp ?? ''), ...added];
      for (const [index, atMs] of instants.slice(1).entries()) {
        const gap = atMs - (instants[index] ?? 0);
        expect(gap).toBeGreaterThan(6_500);
        expect(gap).toBeLessThan(7_500);
      }
      expect(after[`${series}_cumulative`], series).not.toEqual(before[`${series}_cumulative`]);
    }
    expect(grown).toBeGreaterThanOrEqual(2);
    const row = rowsLater.find((other) => other.id === stayer.id);
    expect(row?.duration).toBe(
      minutesBetween(stayer.joined_at, new Date(START_MS + later).toISOString()),
    );
  });

  it('grows participant details quality_stats the same way', async () => {
    const rows = await participantsAt(0);
    const host = rows[0];
    if (host === undefined) throw new Error('no host');
    const statsAt = async (elapsedMs: number) =>
      JSON.parse(
        await live.read(elapsedMs, `/sessions/${sessionId}/participants/${host.id}`, {
          filters: 'quality_stats',
        }),
      ) as { data: { participant: { quality_stats: [{ audio_stats: unknown[]; end: string }] } } };
    const [before] = (await statsAt(0)).data.participant.quality_stats;
    const [after] = (await statsAt(3 * SAMPLE_INTERVAL_MS)).data.participant.quality_stats;
    expect(before.end).toBe(SEED_NOW);
    expect(after.end).toBe(new Date(START_MS + 3 * SAMPLE_INTERVAL_MS).toISOString());
    expect(after.audio_stats).toHaveLength(before.audio_stats.length + 3);
    expect(after.audio_stats.slice(0, before.audio_stats.length)).toEqual(before.audio_stats);
  });

  it('lets people leave and join, and the counts follow', async () => {
    const atStart = await participantsAt(0);
    const atStartIds = new Set(atStart.map((row) => row.id));
    const presentAtStart = atStart.filter((row) => row.left_at === null).map((row) => row.id);
    let sawLeave = false;
    let sawJoin = false;
    for (let minute = 0; minute <= 12; minute += 1) {
      const elapsed = minute * MINUTE;
      const observed = new Date(
        START_MS + Math.floor(elapsed / SAMPLE_INTERVAL_MS) * SAMPLE_INTERVAL_MS,
      );
      const session = await sessionAt(elapsed);
      const rows = await participantsAt(elapsed);
      const present = rows.filter((row) => row.left_at === null);
      expect(session.status).toBe('LIVE');
      expect(session.ended_at).toBeNull();
      expect(session.live_participants).toBe(present.length);
      expect(session.max_concurrent_participants).toBeGreaterThanOrEqual(present.length);
      expect(session.minutes_consumed).toBeCloseTo(
        rows.reduce((sum, row) => sum + row.duration, 0),
        1,
      );
      for (const row of rows) {
        expect(Date.parse(row.joined_at)).toBeLessThanOrEqual(observed.getTime());
        const end = row.left_at ?? observed.toISOString();
        expect(row.duration).toBe(minutesBetween(row.joined_at, end));
        const leaving = row.peer_events?.filter((event) => event.event_name === 'PEER_LEAVING');
        expect(leaving).toHaveLength(row.left_at === null ? 0 : 1);
      }
      const leaver = rows.find((row) => presentAtStart.includes(row.id) && row.left_at !== null);
      if (leaver !== undefined) {
        sawLeave = true;
        expect(Date.parse(leaver.left_at ?? '')).toBeGreaterThan(START_MS);
        expect((await reportAt(elapsed, leaver.id)).left_at).toBe(leaver.left_at);
      }
      const joiner = rows.find((row) => !atStartIds.has(row.id));
      if (joiner !== undefined) {
        sawJoin = true;
        expect(Date.parse(joiner.joined_at)).toBeGreaterThan(START_MS);
        const report = await reportAt(elapsed, joiner.id);
        expect(report.joined_at).toBe(joiner.joined_at);
        expect(report.session_id).toBe(sessionId);
      }
    }
    expect(sawLeave).toBe(true);
    expect(sawJoin).toBe(true);
  });

  it('does not know a late joiner before it joins', async () => {
    const atStartIds = new Set((await participantsAt(0)).map((row) => row.id));
    const joiner = (await participantsAt(10 * MINUTE)).find((row) => !atStartIds.has(row.id));
    if (joiner === undefined) throw new Error('nobody joined in 10 minutes');
    const before = await live.call(
      Date.parse(joiner.joined_at) - START_MS - SAMPLE_INTERVAL_MS,
      `/sessions/peer-report/${joiner.id}`,
    );
    expect(before.status).toBe(404);
    expect((await live.call(10 * MINUTE, `/sessions/peer-report/${joiner.id}`)).status).toBe(200);
  });

  it('leaves ENDED sessions exactly as they were', async () => {
    const { endedSessionId, largeSessionId, peerId } = live.fake.demo;
    const paths = [
      `/sessions/${endedSessionId}/participants?include_peer_events=true&per_page=100`,
      `/sessions/${largeSessionId}?include_breakout_rooms=true`,
      `/sessions/${endedSessionId}/participants/${peerId}`,
      `/sessions/peer-report/${peerId}?include_peer_events=true`,
    ];
    for (const path of paths) {
      const [pathname = '', search = ''] = path.split('?');
      const query = Object.fromEntries(new URLSearchParams(search));
      expect(await live.read(3 * 60 * MINUTE, pathname, query)).toBe(
        await live.read(0, pathname, query),
      );
    }
    const ended = (elapsed: number) =>
      live
        .read(elapsed, '/sessions', { status: 'ENDED', per_page: '100' })
        .then((text) => SessionsBody.parse(JSON.parse(text)).data.sessions);
    expect(await ended(3 * 60 * MINUTE)).toEqual(await ended(0));
  });
});

describe('FAKE_LIVE_SESSION_MINUTES (liveSessionMinutes)', () => {
  let ending: ClockedFake;
  const END_MS = 3 * MINUTE;
  beforeAll(async () => {
    ending = await clockedFake({ liveSessionMinutes: 3 });
  });
  afterAll(async () => {
    await ending.fake.close();
  });

  it('ends every LIVE session that many minutes after the start, everyone having left', async () => {
    const endedAt = new Date(START_MS + END_MS).toISOString();
    const liveIds = SessionsBody.parse(
      JSON.parse(await ending.read(0, '/sessions', { status: 'LIVE' })),
    ).data.sessions.map((session) => session.id);
    expect(liveIds).toHaveLength(2);
    for (const id of liveIds) {
      const before = SessionBody.parse(
        JSON.parse(await ending.read(END_MS - 1, `/sessions/${id}`)),
      );
      expect(before.data.status).toBe('LIVE');
      const after = SessionBody.parse(
        JSON.parse(await ending.read(END_MS, `/sessions/${id}`)),
      ).data;
      expect(after.status).toBe('ENDED');
      expect(after.ended_at).toBe(endedAt);
      expect(after.live_participants).toBe(0);
      const rows = ParticipantsBody.parse(
        JSON.parse(await ending.read(END_MS, `/sessions/${id}/participants`, { per_page: '100' })),
      ).data.participants;
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.left_at).not.toBeNull();
        expect(Date.parse(row.left_at ?? '')).toBeLessThanOrEqual(START_MS + END_MS);
      }
      expect(rows.some((row) => row.left_at === endedAt)).toBe(true);
    }
    const statuses = SessionsBody.parse(
      JSON.parse(await ending.read(END_MS, '/sessions', { status: 'LIVE' })),
    ).data.sessions;
    expect(statuses).toEqual([]);
  });

  it('changes nothing after the end', async () => {
    const { liveSessionId } = ending.fake.demo;
    const rows = ParticipantsBody.parse(
      JSON.parse(await ending.read(END_MS, `/sessions/${liveSessionId}/participants`)),
    ).data.participants;
    const paths = [
      '/sessions',
      `/sessions/${liveSessionId}/participants`,
      ...rows.slice(0, 3).map((row) => `/sessions/peer-report/${row.id}`),
    ];
    for (const path of paths) {
      expect(await ending.read(END_MS + 90 * MINUTE, path)).toBe(await ending.read(END_MS, path));
    }
  });

  it('refuses a negative or non-numeric number of minutes', async () => {
    await expect(startFakeUpstream({ liveSessionMinutes: -1 })).rejects.toThrow(RangeError);
    await expect(startFakeUpstream({ liveSessionMinutes: Number.NaN })).rejects.toThrow(RangeError);
  });
});

describe('same seed, same elapsed time, same bytes', () => {
  let first: ClockedFake;
  let twin: ClockedFake;
  beforeAll(async () => {
    [first, twin] = await Promise.all([clockedFake({ seed: 7 }), clockedFake({ seed: 7 })]);
  });
  afterAll(async () => {
    await Promise.all([first.fake.close(), twin.fake.close()]);
  });

  it('answers every endpoint of the LIVE sessions alike, whatever was asked before', async () => {
    const elapsed = 12 * MINUTE + 34_567;
    // One fake has seen later and earlier times first; the other sees only this one.
    await first.read(40 * MINUTE, '/sessions');
    await first.read(2 * MINUTE, '/sessions');
    const { liveSessionId } = first.fake.demo;
    const paths = ['/sessions', `/sessions/${liveSessionId}?include_breakout_rooms=true`];
    const listPath = `/sessions/${liveSessionId}/participants`;
    const query = { include_peer_events: 'true', per_page: '100' };
    expect(await first.read(elapsed, listPath, query)).toBe(
      await twin.read(elapsed, listPath, query),
    );
    const rows = ParticipantsBody.parse(JSON.parse(await twin.read(elapsed, listPath, query))).data
      .participants;
    for (const row of rows) {
      paths.push(`/sessions/peer-report/${row.id}`, `${listPath}/${row.id}`);
    }
    for (const path of paths) {
      expect(await first.read(elapsed, path), path).toBe(await twin.read(elapsed, path));
    }
    expect(await first.read(elapsed, listPath, { view: 'consolidated', sort_by: 'duration' })).toBe(
      await twin.read(elapsed, listPath, { view: 'consolidated', sort_by: 'duration' }),
    );
  });

  it('marks late joiners of a marked tenant like everyone else', async () => {
    const accountId = 'c'.repeat(32);
    const marked = await clockedFake({
      tenants: [{ accountId, tokens: ['rtk-demo-token'] }],
      markTenants: true,
    });
    try {
      const rows = ParticipantsBody.parse(
        JSON.parse(
          await marked.read(
            20 * MINUTE,
            `/sessions/${marked.fake.demo.liveSessionId}/participants`,
            {
              per_page: '100',
            },
          ),
        ),
      ).data.participants;
      expect(rows.some((row) => Date.parse(row.joined_at) > START_MS)).toBe(true);
      for (const row of rows)
        expect(row.custom_participant_id.startsWith(`${accountId}:`)).toBe(true);
    } finally {
      await marked.fake.close();
    }
  });
});
