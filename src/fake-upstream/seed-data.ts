import type { FakeDemoIds } from './types.js';
import { createRandom, hashSeed, round } from './random.js';
import type { Random } from './random.js';
import {
  DESKTOP_DEVICES,
  FIRST_NAMES,
  LAST_NAMES,
  LOCATIONS,
  MEETING_NAMES,
  MOBILE_DEVICES,
  SDK_VERSIONS,
} from './seed-catalog.js';
import type { LocationTemplate } from './seed-catalog.js';
import type {
  CallProfile,
  DeviceProfile,
  NetworkType,
  ParticipantRecord,
  PeerEventRecord,
  PresetName,
  PresetViewType,
  SeedData,
  SeedParticipant,
  SeedSession,
  SessionRecord,
  SessionStatus,
  SessionType,
} from './seed-types.js';

/**
 * The seeded world the fake serves: sessions, their participants and peer events, as plain JSON-ready records.
 * Pure: the same seed always yields the same data. The heavy per-participant series (stats, peer reports) are not
 * here; `seed-stats.ts` and `seed-peer-report.ts` derive them on demand from (seed, participant).
 */

/** The fake's "now": every timestamp lies before it, and LIVE durations are measured up to it. */
export const SEED_NOW = '2026-11-20T12:00:00.000Z';
const NOW_MS = Date.parse(SEED_NOW);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

interface SessionPlan {
  readonly status: SessionStatus;
  readonly type: SessionType;
  readonly participants: readonly [number, number];
  /** Which of the seed's meetings this session belongs to: recurring meetings share an associated_id. */
  readonly meeting: number;
  readonly daysAgo: number;
  readonly lengthMinutes: readonly [number, number];
  readonly rejoins: number;
  readonly breakoutRooms: number;
  /** Call profiles pinned by index, so that every seed has its bad calls in a known place. */
  readonly pinned: readonly CallProfile[];
  /**
   * Call profiles laid over the drawn ones by index, after the draws: unlike `pinned`, which decides some of the
   * draws (who is on a phone, which profile is drawn at all), a showcase profile leaves every draw, and so every id,
   * name and device of the seed, as it was. Not for 'mobile-3g', which needs the phone that only `pinned` gives.
   */
  readonly showcase?: Readonly<Partial<Record<number, CallProfile>>>;
}

/**
 * Eight sessions: two LIVE, one large for fan-out, one minimal, and the demo session first. The demo session shows
 * every verdict and issue of a call-quality check, each issue in a participant of its own where the seed has enough
 * of them: bad calls pinned at indexes 1–3 (high loss, TURN only, a phone on 3g), the plain good call of
 * `demo.participantId` at index 4, and one single-issue call at each of indexes 5–9 (high latency, CPU-limited,
 * bandwidth-limited, low resolution received, slow decoder). Every demo session has at least eight attendees, so
 * indexes 8 and 9 may be missing for some seeds; the phone on 3g shows their issues too. The users at indexes 5 and
 * 6 drop and rejoin (`rejoins`), each as two peers with the same call profile.
 */
// prettier-ignore
const SESSION_PLANS: readonly SessionPlan[] = [
  { status: 'ENDED', type: 'meeting', participants: [8, 12], meeting: 0, daysAgo: 1, lengthMinutes: [24, 34], rejoins: 2, breakoutRooms: 0, pinned: ['good', 'high-loss', 'turn-only', 'mobile-3g', 'good'],
    showcase: { 5: 'high-latency', 6: 'cpu-limited', 7: 'bandwidth-limited', 8: 'low-resolution', 9: 'slow-decoder' } },
  { status: 'LIVE', type: 'meeting', participants: [4, 9], meeting: 1, daysAgo: 0, lengthMinutes: [14, 30], rejoins: 0, breakoutRooms: 0, pinned: [] },
  { status: 'ENDED', type: 'meeting', participants: [32, 44], meeting: 2, daysAgo: 2, lengthMinutes: [30, 38], rejoins: 1, breakoutRooms: 2, pinned: ['good'] },
  { status: 'ENDED', type: 'meeting', participants: [2, 2], meeting: 3, daysAgo: 3, lengthMinutes: [12, 25], rejoins: 0, breakoutRooms: 0, pinned: [] },
  { status: 'LIVE', type: 'livestream', participants: [10, 18], meeting: 4, daysAgo: 0, lengthMinutes: [20, 35], rejoins: 0, breakoutRooms: 0, pinned: [] },
  { status: 'ENDED', type: 'meeting', participants: [3, 8], meeting: 0, daysAgo: 4, lengthMinutes: [15, 30], rejoins: 1, breakoutRooms: 0, pinned: [] },
  { status: 'ENDED', type: 'livestream', participants: [6, 15], meeting: 5, daysAgo: 2, lengthMinutes: [25, 40], rejoins: 0, breakoutRooms: 0, pinned: [] },
  { status: 'ENDED', type: 'meeting', participants: [2, 6], meeting: 1, daysAgo: 3, lengthMinutes: [12, 20], rejoins: 0, breakoutRooms: 0, pinned: [] },
];

const DEMO_PLAN_INDEX = 0;
const DEMO_PARTICIPANT_INDEX = 4;
const LIVE_PLAN_INDEX = 1;
const LARGE_PLAN_INDEX = 2;

const iso = (ms: number): string => new Date(ms).toISOString();
const minutesBetween = (fromMs: number, toMs: number): number => round((toMs - fromMs) / MINUTE, 2);

export interface Attendee {
  readonly userId: string;
  readonly displayName: string;
  readonly customId: string;
  readonly preset: PresetName;
  readonly callProfile: CallProfile;
  readonly device: DeviceProfile;
  readonly location: LocationTemplate;
  readonly ipv4: string;
  readonly networkType: NetworkType;
  readonly producesVideo: boolean;
  readonly sharesScreen: boolean;
}

/** One continuous presence of a peer in the call; a rejoin is a second stint of the same attendee. */
export interface Stint {
  readonly attendee: Attendee;
  readonly peerId: string;
  readonly joinMs: number;
  readonly leaveMs: number | null;
  readonly rejoined: boolean;
}

function pickDevice(rng: Random, mobile: boolean): DeviceProfile {
  const template = rng.pick(mobile ? MOBILE_DEVICES : DESKTOP_DEVICES);
  const browserVersion = rng.pick(template.browserVersions);
  const osVersion = rng.pick(template.osVersions);
  return {
    template,
    browserVersion,
    osVersion,
    cpus: rng.pick(template.cpus),
    memory: rng.pick(template.memory),
    userAgent: template.userAgent(browserVersion, osVersion),
    sdkVersion: rng.pick(SDK_VERSIONS),
  };
}

/**
 * About one desktop in five and one phone in three has some trouble: 6 % high loss, 3 % TURN only, then a phone is on
 * 3g (21 %) or decodes too slowly (4 %), and a desktop has one of the single-issue profiles (13 % together).
 */
function randomCallProfile(rng: Random, mobile: boolean): CallProfile {
  const roll = rng.next();
  if (roll < 0.06) return 'high-loss';
  if (roll < 0.09) return 'turn-only';
  if (mobile) return roll < 0.3 ? 'mobile-3g' : roll < 0.34 ? 'slow-decoder' : 'good';
  if (roll < 0.12) return 'high-latency';
  if (roll < 0.15) return 'cpu-limited';
  if (roll < 0.18) return 'bandwidth-limited';
  if (roll < 0.2) return 'low-resolution';
  if (roll < 0.22) return 'slow-decoder';
  return 'good';
}

/** Profiles whose issue is in the video they send: their attendees always send some, where they may send at all. */
const SENDS_VIDEO: ReadonlySet<CallProfile> = new Set(['cpu-limited', 'bandwidth-limited']);

export function createAttendee(
  rng: Random,
  plan: Pick<SessionPlan, 'pinned' | 'showcase' | 'type'>,
  index: number,
  usedNames: Set<string>,
): Attendee {
  const pinned = plan.pinned[index];
  const mobile = pinned === 'mobile-3g' || (pinned === undefined && rng.chance(0.2));
  const picked = pickDevice(rng, mobile);
  // Drawn even where the showcase replaces it, so that a showcase profile shifts no later draw (nor any id or name).
  const drawn = pinned ?? randomCallProfile(rng, mobile);
  const callProfile = plan.showcase?.[index] ?? drawn;
  // A CPU-limited encoder runs on the fewest cores its kind of device comes with.
  const device =
    callProfile === 'cpu-limited' ? { ...picked, cpus: Math.min(...picked.template.cpus) } : picked;
  const carriers = LOCATIONS.filter((location) => location.mobileCarrier);
  const location = rng.pick(callProfile === 'mobile-3g' ? carriers : LOCATIONS);
  let displayName = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  while (usedNames.has(displayName))
    displayName = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  usedNames.add(displayName);
  const webinar = plan.type === 'livestream';
  const host = index === 0 || (!webinar && rng.chance(0.08));
  const preset: PresetName = host
    ? 'group_call_host'
    : webinar
      ? 'webinar_participant'
      : 'group_call_participant';
  // A phone is on 3g or 4g; only a desktop draws, whatever its profile, so a showcase profile shifts no draw.
  const networkType: NetworkType = mobile
    ? callProfile === 'mobile-3g'
      ? '3g'
      : '4g'
    : rng.chance(0.1)
      ? '4g'
      : 'wifi';
  return {
    userId: rng.uuid(),
    displayName,
    customId: `${rng.pick(['emp', 'cust', 'u', 'crm'])}-${rng.int(1000, 99999)}`,
    preset,
    callProfile,
    device,
    location,
    ipv4: `${location.prefix[0]}.${location.prefix[1]}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
    networkType,
    // The chance comes first, so that it is drawn whatever the profile and no later draw shifts.
    producesVideo:
      preset !== 'webinar_participant' && (rng.chance(0.85) || SENDS_VIDEO.has(callProfile)),
    // Hosts of the demo and large sessions always share, so screen-share series exist for every seed.
    sharesScreen:
      preset === 'group_call_host' && (index === 0 ? plan.pinned.length > 0 : rng.chance(0.1)),
  };
}

function planStints(
  rng: Random,
  plan: SessionPlan,
  attendees: readonly Attendee[],
  startMs: number,
  endMs: number,
): Stint[] {
  const length = endMs - startMs;
  const live = plan.status === 'LIVE';
  const stints: Stint[] = attendees.map((attendee, index) => {
    const joinMs = index === 0 ? startMs : startMs + rng.int(5 * SECOND, Math.floor(length * 0.35));
    let leaveMs: number | null;
    if (live) {
      leaveMs = index > 0 && rng.chance(0.2) ? rng.int(joinMs + 2 * MINUTE, endMs - MINUTE) : null;
    } else if (index === 0) {
      leaveMs = endMs;
    } else {
      leaveMs = rng.chance(0.7)
        ? endMs - rng.int(0, 90 * SECOND)
        : rng.int(joinMs + 3 * MINUTE, endMs - 30 * SECOND);
    }
    return { attendee, peerId: rng.uuid(), joinMs, leaveMs, rejoined: false };
  });
  // Rejoins split one stint into two peers of the same user: dropped mid-call, back 15–90 s later.
  const firstCandidate = plan.pinned.length > 0 ? plan.pinned.length : 1;
  for (let made = 0; made < plan.rejoins; made += 1) {
    const index = firstCandidate + made;
    const stint = stints[index];
    if (stint === undefined) break;
    const end = stint.leaveMs ?? endMs;
    const dropMs = stint.joinMs + Math.floor((end - stint.joinMs) * rng.float(0.3, 0.6));
    const backMs = dropMs + rng.int(15 * SECOND, 90 * SECOND);
    stints[index] = { ...stint, leaveMs: dropMs, rejoined: true };
    stints.push({
      attendee: stint.attendee,
      peerId: rng.uuid(),
      joinMs: backMs,
      leaveMs: stint.leaveMs,
      rejoined: true,
    });
  }
  return stints;
}

/** The most people in the call at once; a span without an end is still in. */
export function maxConcurrent(
  spans: readonly { readonly joinMs: number; readonly leaveMs: number | null }[],
): number {
  const edges = spans.flatMap((span) => [
    { at: span.joinMs, delta: 1 },
    { at: span.leaveMs ?? Number.POSITIVE_INFINITY, delta: -1 },
  ]);
  // Leaves sort before joins at the same instant, so a handover is not counted as overlap.
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let max = 0;
  for (const edge of edges) {
    current += edge.delta;
    max = Math.max(max, current);
  }
  return max;
}

export function toParticipant(
  rng: Random,
  sessionId: string,
  stint: Stint,
  remotePeerId: string,
): SeedParticipant {
  const { attendee } = stint;
  const createdMs = stint.joinMs - rng.int(800, 4000);
  const endMs = stint.leaveMs ?? NOW_MS;
  const viewType: PresetViewType =
    attendee.preset === 'webinar_participant' ? 'WEBINAR' : 'GROUP_CALL';
  const record: ParticipantRecord = {
    id: stint.peerId,
    user_id: attendee.userId,
    custom_participant_id: attendee.customId,
    display_name: attendee.displayName,
    preset_name: attendee.preset,
    joined_at: iso(stint.joinMs),
    left_at: stint.leaveMs === null ? null : iso(stint.leaveMs),
    duration: minutesBetween(stint.joinMs, endMs),
    created_at: iso(createdMs),
    updated_at: iso(stint.leaveMs ?? stint.joinMs),
  };
  const socketSessionId = rng.uuid();
  const event = (
    name: PeerEventRecord['event_name'],
    atMs: number,
    minutes: number | null,
    socket: string | null,
  ): PeerEventRecord => ({
    id: rng.uuid(),
    created_at: iso(atMs),
    updated_at: iso(atMs),
    event_name: name,
    minutes_consumed: minutes,
    participant_id: attendee.userId,
    peer_id: stint.peerId,
    preset_view_type: viewType,
    session_id: sessionId,
    socket_session_id: socket,
  });
  const peerEvents = [
    event('PEER_CREATED', createdMs, null, null),
    event('PEER_JOINING', stint.joinMs, 0, socketSessionId),
  ];
  if (stint.leaveMs !== null) {
    peerEvents.push(event('PEER_LEAVING', stint.leaveMs, record.duration, socketSessionId));
  }
  const share = attendee.sharesScreen
    ? {
        fromMs: stint.joinMs + Math.floor((endMs - stint.joinMs) * 0.2),
        toMs: stint.joinMs + Math.floor((endMs - stint.joinMs) * 0.45),
      }
    : null;
  return {
    sessionId,
    record,
    profile: {
      callProfile: attendee.callProfile,
      device: attendee.device,
      location: attendee.location,
      ipv4: attendee.ipv4,
      networkType: attendee.networkType,
      producesAudio: attendee.preset !== 'webinar_participant',
      producesVideo: attendee.producesVideo,
      screenshare: share,
      remotePeerId,
      rejoined: stint.rejoined,
      viewType,
    },
    peerEvents,
  };
}

function sessionRecord(
  fields: Pick<SessionRecord, 'id' | 'associated_id' | 'meeting_display_name' | 'type'>,
  organizationId: string,
  status: SessionStatus,
  stints: readonly Stint[],
  participants: readonly SeedParticipant[],
  createdMs: number,
): SessionRecord {
  const startMs = Math.min(...stints.map((stint) => stint.joinMs));
  const lastLeaveMs = Math.max(...stints.map((stint) => stint.leaveMs ?? 0));
  const lastChangeMs = Math.max(lastLeaveMs, ...stints.map((stint) => stint.joinMs));
  return {
    ...fields,
    status,
    live_participants:
      status === 'LIVE' ? stints.filter((stint) => stint.leaveMs === null).length : 0,
    max_concurrent_participants: maxConcurrent(stints),
    minutes_consumed: round(
      participants.reduce((sum, participant) => sum + participant.record.duration, 0),
      2,
    ),
    organization_id: organizationId,
    started_at: iso(startMs),
    ended_at: status === 'ENDED' ? iso(lastLeaveMs) : null,
    created_at: iso(createdMs),
    updated_at: iso(status === 'ENDED' ? lastLeaveMs : lastChangeMs),
  };
}

function breakoutRooms(
  rng: Random,
  parent: SessionRecord,
  stints: readonly Stint[],
  count: number,
): SessionRecord[] {
  const parentStart = Date.parse(parent.started_at);
  const parentEnd = parent.ended_at === null ? NOW_MS : Date.parse(parent.ended_at);
  return Array.from({ length: count }, (_, room) => {
    const roomStart = parentStart + Math.floor((parentEnd - parentStart) * 0.4) + room * SECOND;
    const roomEnd = parentStart + Math.floor((parentEnd - parentStart) * 0.75);
    const members = stints.filter(
      (stint, index) =>
        index % count === room && stint.joinMs <= roomStart && (stint.leaveMs ?? NOW_MS) >= roomEnd,
    );
    return {
      id: rng.uuid(),
      associated_id: rng.uuid(),
      meeting_display_name: `${parent.meeting_display_name} - Room ${room + 1}`,
      type: 'meeting',
      status: parent.status,
      live_participants: parent.status === 'LIVE' ? members.length : 0,
      max_concurrent_participants: members.length,
      minutes_consumed: round((members.length * (roomEnd - roomStart)) / MINUTE, 2),
      organization_id: parent.organization_id,
      started_at: iso(roomStart),
      ended_at: parent.status === 'ENDED' ? iso(roomEnd) : null,
      created_at: iso(roomStart - 2 * SECOND),
      updated_at: iso(roomEnd),
    };
  });
}

function shuffled<T>(rng: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = rng.int(0, i);
    const a = copy[i];
    const b = copy[j];
    if (a === undefined || b === undefined) continue;
    copy[i] = b;
    copy[j] = a;
  }
  return copy;
}

/** Builds the whole seeded world. Pure and deterministic: same seed, same data, byte for byte. */
export function createSeedData(seed: number): SeedData {
  const rng = createRandom(hashSeed('realtimekit-fake', seed));
  const accountId = rng.hex(32);
  const appId = rng.uuid();
  // In RealtimeKit an app is what Dyte called an organization, so sessions report the app id as their org [I].
  const organizationId = appId;
  const meetingNames = shuffled(rng, MEETING_NAMES);
  const meetingIds = meetingNames.map(() => rng.uuid());

  const sessions = SESSION_PLANS.map((plan): SeedSession => {
    const lengthMs = rng.int(plan.lengthMinutes[0] * MINUTE, plan.lengthMinutes[1] * MINUTE);
    const startMs =
      plan.status === 'LIVE'
        ? NOW_MS - lengthMs
        : NOW_MS - plan.daysAgo * 24 * HOUR - rng.int(1 * HOUR, 9 * HOUR) - lengthMs;
    const endMs = plan.status === 'LIVE' ? NOW_MS : startMs + lengthMs;
    const usedNames = new Set<string>();
    const count = rng.int(plan.participants[0], plan.participants[1]);
    const attendees = Array.from({ length: count }, (_, index) =>
      createAttendee(rng, plan, index, usedNames),
    );
    const stints = planStints(rng, plan, attendees, startMs, endMs);
    const sessionId = rng.uuid();
    const hostPeerId = stints[0]?.peerId ?? sessionId;
    const secondPeerId = stints[1]?.peerId ?? hostPeerId;
    const participants = stints.map((stint) =>
      toParticipant(rng, sessionId, stint, stint.peerId === hostPeerId ? secondPeerId : hostPeerId),
    );
    const meetingIndex = plan.meeting % meetingIds.length;
    const record = sessionRecord(
      {
        id: sessionId,
        associated_id: meetingIds[meetingIndex] ?? sessionId,
        meeting_display_name: meetingNames[meetingIndex] ?? 'Meeting',
        type: plan.type,
      },
      organizationId,
      plan.status,
      stints,
      participants,
      startMs - rng.int(2 * SECOND, 20 * SECOND),
    );
    return {
      record,
      breakoutRooms: breakoutRooms(rng, record, stints, plan.breakoutRooms),
      participants,
    };
  });

  return {
    seed,
    accountId,
    appId,
    now: SEED_NOW,
    sessions,
    demo: demoIds(sessions),
  };
}

function demoIds(sessions: readonly SeedSession[]): FakeDemoIds {
  const id = (index: number): string => {
    const session = sessions[index];
    if (session === undefined) throw new Error(`session plan ${index} is missing`);
    return session.record.id;
  };
  const demoParticipant = sessions[DEMO_PLAN_INDEX]?.participants[DEMO_PARTICIPANT_INDEX];
  if (demoParticipant === undefined) throw new Error('the demo participant is missing');
  return {
    sessionId: id(DEMO_PLAN_INDEX),
    participantId: demoParticipant.record.id,
    peerId: demoParticipant.record.id,
    endedSessionId: id(DEMO_PLAN_INDEX),
    liveSessionId: id(LIVE_PLAN_INDEX),
    largeSessionId: id(LARGE_PLAN_INDEX),
  };
}
