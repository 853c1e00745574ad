import { createBoundedMemo } from './bounded-memo.js';
import { createRandom, hashSeed, round } from './random.js';
import type { Random } from './random.js';
import { SEED_NOW, createAttendee, maxConcurrent, toParticipant } from './seed-data.js';
import type {
  PeerEventRecord,
  SeedData,
  SeedParticipant,
  SeedSession,
  SessionRecord,
} from './seed-types.js';
import { SAMPLE_INTERVAL_MS } from './seed-timeline.js';

/**
 * LIVE sessions that go on after the fake starts. The seed describes every session at `SEED_NOW`; the fake's start is
 * that instant, and `elapsedMs` after it a LIVE session is observed at `SEED_NOW + elapsedMs`, rounded down to the
 * 7 s sample tick (an end shows at once): people who were in the call leave one by one (the host stays), others join (a few per 5 minutes,
 * each staying 3–40 minutes), every peer still in gains one quality sample per tick, and the session's counts follow.
 * With an end (`liveSessionMinutes`), the session is ENDED from that instant on: everyone still in leaves then and
 * nobody joins any more. ENDED sessions never change.
 *
 * Deterministic: what happens after the start is drawn from (seed, session id), so the same seed and the same elapsed
 * time give the same world, byte for byte. The world is built once per tick (a small bounded memo of ticks) and late
 * joiners once per 5-minute window, in order (the windows already made are kept: they are the session's history).
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const START_MS = Date.parse(SEED_NOW);
/** Late joiners are planned per window of this length after the start, each window from a stream of its own. */
export const LIVE_WINDOW_MS = 5 * MINUTE;
const STAY_MS: readonly [number, number] = [3 * MINUTE, 40 * MINUTE];
const MEAN_STAY_MS = (STAY_MS[0] + STAY_MS[1]) / 2;
/** Views of this many ticks are kept: concurrent requests straddle a tick at most. */
const VIEW_MEMO_ENTRIES = 4;

const iso = (ms: number): string => new Date(ms).toISOString();
const minutesBetween = (fromMs: number, toMs: number): number => round((toMs - fromMs) / MINUTE, 2);

export interface LiveWorldOptions {
  readonly data: SeedData;
  /** Milliseconds after the fake's start at which LIVE sessions end; null: they stay live. */
  readonly endAfterMs: number | null;
  /** Applied once to every late joiner as it is planned: the tenant marks, when the fake puts them on. */
  readonly mapJoiner?: (participant: SeedParticipant) => SeedParticipant;
}

/** The parts of the handlers' context that time changes. */
export interface LiveView {
  readonly data: SeedData;
  readonly sessions: ReadonlyMap<string, SeedSession>;
  readonly peers: ReadonlyMap<string, SeedParticipant>;
}

export interface LiveWorld {
  /** The world `elapsedMs` (≥ 0) after the fake's start. */
  at(elapsedMs: number): LiveView;
}

/** A peer's presence in a LIVE session: as it was at its join (or at the start) and when it will leave. */
interface Presence {
  readonly participant: SeedParticipant;
  readonly joinMs: number;
  /** Null: stays until the session ends (the host). */
  readonly plannedLeaveMs: number | null;
  readonly leaveEventId: string;
  readonly joinedAfterStart: boolean;
}

interface SessionScript {
  readonly session: SeedSession;
  /** The seed's participants: those who left before the start as they are, the others as presences. */
  readonly atStart: readonly (SeedParticipant | Presence)[];
  /** Late joiners in join order, planned (and kept) window by window up to the one holding `atMs`. */
  joinersUpTo(atMs: number): readonly Presence[];
}

const isPresence = (entry: SeedParticipant | Presence): entry is Presence => 'joinMs' in entry;

function scriptOf(
  seed: number,
  session: SeedSession,
  endMs: number | null,
  mapJoiner: (participant: SeedParticipant) => SeedParticipant,
): SessionScript {
  const sessionId = session.record.id;
  const host = session.participants[0];
  // A late joiner's consumer series describe the host's media, as most peers' do.
  const hostPeerId = host?.record.id ?? sessionId;
  const leaves = createRandom(hashSeed('realtimekit-fake-live', seed, sessionId, 'present'));
  let firstLeaver = true;
  const atStart = session.participants.map((participant): SeedParticipant | Presence => {
    if (participant.record.left_at !== null) return participant;
    let plannedLeaveMs: number | null = null;
    if (participant !== host) {
      // Someone leaves within the first minutes, so a watcher sees the list change soon.
      plannedLeaveMs =
        START_MS +
        (firstLeaver ? leaves.int(1 * MINUTE, 4 * MINUTE) : leaves.int(2 * MINUTE, 45 * MINUTE));
      firstLeaver = false;
    }
    return {
      participant,
      joinMs: Date.parse(participant.record.joined_at),
      plannedLeaveMs,
      leaveEventId: leaves.uuid(),
      joinedAfterStart: false,
    };
  });

  const presentAtStart = atStart.filter(isPresence).length;
  // About as many arrive as leave, so the call keeps its size.
  const perWindow = Math.max(1, (presentAtStart * LIVE_WINDOW_MS) / MEAN_STAY_MS);
  const usedNames = new Set(session.participants.map((p) => p.record.display_name));
  const joiners: Presence[] = [];
  let windows = 0;

  function planWindow(window: number): void {
    const rng = createRandom(hashSeed('realtimekit-fake-live', seed, sessionId, 'window', window));
    const fromMs = START_MS + window * LIVE_WINDOW_MS;
    const drawn = rng.int(Math.floor(perWindow / 2), Math.ceil(perWindow * 1.5));
    const count = window === 0 ? Math.max(1, drawn) : drawn;
    // Not in a window's first 30 s, so the start itself (elapsed 0 and the first ticks) has nobody new.
    const joins = Array.from({ length: count }, () =>
      rng.int(fromMs + 30 * SECOND, fromMs + LIVE_WINDOW_MS - SECOND),
    ).sort((a, b) => a - b);
    for (const joinMs of joins) {
      if (endMs !== null && joinMs >= endMs) break;
      joiners.push(planJoiner(rng, joinMs));
    }
  }

  function planJoiner(rng: Random, joinMs: number): Presence {
    const index = session.participants.length + joiners.length;
    const attendee = createAttendee(
      rng,
      { type: session.record.type, pinned: [] },
      index,
      usedNames,
    );
    const stint = { attendee, peerId: rng.uuid(), joinMs, leaveMs: null, rejoined: false };
    const made = toParticipant(rng, sessionId, stint, hostPeerId);
    const participant = mapJoiner({
      ...made,
      record: { ...made.record, duration: 0 },
      // A screen share is drawn over a whole call; late joiners keep to camera and microphone.
      profile: { ...made.profile, screenshare: null },
    });
    return {
      participant,
      joinMs,
      plannedLeaveMs: joinMs + rng.int(STAY_MS[0], STAY_MS[1]),
      leaveEventId: rng.uuid(),
      joinedAfterStart: true,
    };
  }

  return {
    session,
    atStart,
    joinersUpTo(atMs) {
      while (START_MS + windows * LIVE_WINDOW_MS <= atMs) {
        if (endMs !== null && START_MS + windows * LIVE_WINDOW_MS >= endMs) break;
        planWindow(windows);
        windows += 1;
      }
      return joiners;
    },
  };
}

/** A presence as the clock sees it at `atMs`: still in, or left with its PEER_LEAVING event. */
function observe(presence: Presence, atMs: number, endMs: number | null): SeedParticipant {
  const { participant, joinMs, plannedLeaveMs } = presence;
  const leaveMs = Math.min(
    plannedLeaveMs ?? Number.POSITIVE_INFINITY,
    endMs ?? Number.POSITIVE_INFINITY,
  );
  const left = leaveMs <= atMs;
  const observedMs = left ? leaveMs : atMs;
  const record = {
    ...participant.record,
    left_at: left ? iso(leaveMs) : null,
    duration: minutesBetween(joinMs, observedMs),
    updated_at: iso(left ? leaveMs : joinMs),
  };
  let peerEvents = participant.peerEvents;
  const joining = peerEvents.find((event) => event.event_name === 'PEER_JOINING');
  if (left && joining !== undefined) {
    const leaving: PeerEventRecord = {
      ...joining,
      id: presence.leaveEventId,
      created_at: iso(leaveMs),
      updated_at: iso(leaveMs),
      event_name: 'PEER_LEAVING',
      minutes_consumed: record.duration,
    };
    peerEvents = [...peerEvents, leaving];
  }
  return {
    ...participant,
    record,
    peerEvents,
    live: {
      startMs: START_MS,
      observedMs,
      joinedAfterStart: presence.joinedAfterStart,
      plannedEndMs: presence.joinedAfterStart ? leaveMs : START_MS,
    },
  };
}

/** The session at `atMs`, its counts computed as the seed computes them (`sessionRecord` in seed-data.ts). */
function observeSession(script: SessionScript, atMs: number, endMs: number | null): SeedSession {
  const { session } = script;
  const participants = [
    ...script.atStart.map((entry) => (isPresence(entry) ? observe(entry, atMs, endMs) : entry)),
    ...script
      .joinersUpTo(atMs)
      .filter((joiner) => joiner.joinMs <= atMs)
      .map((joiner) => observe(joiner, atMs, endMs)),
  ];
  const ended = endMs !== null && atMs >= endMs;
  const spans = participants.map(({ record }) => ({
    joinMs: Date.parse(record.joined_at),
    leaveMs: record.left_at === null ? Number.POSITIVE_INFINITY : Date.parse(record.left_at),
  }));
  const lastLeaveMs = Math.max(
    ...spans.map((span) => (Number.isFinite(span.leaveMs) ? span.leaveMs : 0)),
  );
  const lastChangeMs = Math.max(lastLeaveMs, ...spans.map((span) => span.joinMs));
  const record: SessionRecord = {
    ...session.record,
    status: ended ? 'ENDED' : 'LIVE',
    live_participants: ended
      ? 0
      : participants.filter((participant) => participant.record.left_at === null).length,
    max_concurrent_participants: maxConcurrent(spans),
    minutes_consumed: round(
      participants.reduce((sum, participant) => sum + participant.record.duration, 0),
      2,
    ),
    ended_at: ended ? iso(lastLeaveMs) : null,
    updated_at: iso(ended ? lastLeaveMs : lastChangeMs),
  };
  const breakoutRooms = ended
    ? session.breakoutRooms.map((room) => ({
        ...room,
        status: 'ENDED' as const,
        live_participants: 0,
        ended_at: room.updated_at,
      }))
    : session.breakoutRooms;
  return { ...session, record, breakoutRooms, participants };
}

export function createLiveWorld({ data, endAfterMs, mapJoiner }: LiveWorldOptions): LiveWorld {
  if (endAfterMs !== null && !(Number.isFinite(endAfterMs) && endAfterMs >= 0)) {
    throw new RangeError('liveSessionMinutes must be a number ≥ 0');
  }
  const endMs = endAfterMs === null ? null : START_MS + endAfterMs;
  const scripts = new Map(
    data.sessions
      .filter((session) => session.record.status === 'LIVE')
      .map((session) => [
        session.record.id,
        scriptOf(data.seed, session, endMs, mapJoiner ?? ((participant) => participant)),
      ]),
  );
  const views = createBoundedMemo(VIEW_MEMO_ENTRIES);

  function build(atMs: number): LiveView {
    const sessions = data.sessions.map((session) => {
      const script = scripts.get(session.record.id);
      return script === undefined ? session : observeSession(script, atMs, endMs);
    });
    return {
      data: { ...data, sessions },
      sessions: new Map(sessions.map((session) => [session.record.id, session])),
      peers: new Map(
        sessions.flatMap((session) =>
          session.participants.map((participant) => [participant.record.id, participant] as const),
        ),
      ),
    };
  }

  return {
    at(elapsedMs) {
      if (!Number.isFinite(elapsedMs)) throw new RangeError('the fake clock gave no finite time');
      const elapsed = Math.max(0, elapsedMs);
      let atMs = START_MS + Math.floor(elapsed / SAMPLE_INTERVAL_MS) * SAMPLE_INTERVAL_MS;
      // The end shows at once, not at the next tick; after it nothing changes: every later time is the same view.
      if (endMs !== null && START_MS + elapsed >= endMs) atMs = endMs;
      return views(String(atMs), () => build(atMs));
    },
  };
}
