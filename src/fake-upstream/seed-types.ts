import type { DeviceTemplate, LocationTemplate } from './seed-catalog.js';
import type { FakeDemoIds } from './types.js';

/**
 * The records of the seeded world, as JSON-ready objects in the contract's field order, plus the private profile
 * the series generators read.
 */

export type SessionStatus = 'LIVE' | 'ENDED';
export type SessionType = 'meeting' | 'livestream' | 'participant';
export type PresetName = 'group_call_host' | 'group_call_participant' | 'webinar_participant';
export type PresetViewType = 'GROUP_CALL' | 'WEBINAR' | 'AUDIO_ROOM' | 'LIVESTREAM' | 'CHAT';
/**
 * How a participant's call went, which `seed-timeline.ts` turns into numbers. The first four are network stories
 * (a good line, a lossy one, a TURN-only one, a phone on 3g); the other five each show one issue a call-quality check
 * looks for, on an otherwise good line: a long path (latency), an encoder starved of CPU, an uplink held back by the
 * bandwidth estimate, a downlink that gets only the low simulcast layer, and a receiver too slow to decode at full
 * rate.
 */
export type CallProfile =
  | 'good'
  | 'high-loss'
  | 'turn-only'
  | 'mobile-3g'
  | 'high-latency'
  | 'cpu-limited'
  | 'bandwidth-limited'
  | 'low-resolution'
  | 'slow-decoder';
export type NetworkType = '4g' | '3g' | 'wifi';

export interface SessionRecord {
  id: string;
  associated_id: string;
  meeting_display_name: string;
  type: SessionType;
  status: SessionStatus;
  live_participants: number;
  max_concurrent_participants: number;
  minutes_consumed: number;
  organization_id: string;
  started_at: string;
  ended_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ParticipantRecord {
  id: string;
  user_id: string;
  custom_participant_id: string;
  display_name: string;
  preset_name: PresetName;
  joined_at: string;
  left_at: string | null;
  duration: number;
  created_at: string;
  updated_at: string;
}

export interface PeerEventRecord {
  id: string;
  created_at: string;
  updated_at: string;
  event_name: 'PEER_CREATED' | 'PEER_JOINING' | 'PEER_LEAVING';
  minutes_consumed: number | null;
  participant_id: string;
  peer_id: string;
  preset_view_type: PresetViewType;
  session_id: string;
  socket_session_id: string | null;
}

export interface DeviceProfile {
  readonly template: DeviceTemplate;
  readonly browserVersion: string;
  readonly osVersion: string;
  readonly cpus: number;
  readonly memory: number;
  readonly userAgent: string;
  readonly sdkVersion: string;
}

/** What the heavy series generators need to know about a participant beyond its public record. */
export interface ParticipantProfile {
  readonly callProfile: CallProfile;
  readonly device: DeviceProfile;
  readonly location: LocationTemplate;
  readonly ipv4: string;
  readonly networkType: NetworkType;
  readonly producesAudio: boolean;
  readonly producesVideo: boolean;
  /** Epoch ms of the screen share, for the few who shared. */
  readonly screenshare: { readonly fromMs: number; readonly toMs: number } | null;
  /** The peer whose media this participant's consumer series describe. */
  readonly remotePeerId: string;
  /** True for both peers of a user who dropped and joined again. */
  readonly rejoined: boolean;
  readonly viewType: PresetViewType;
}

export interface SeedParticipant {
  readonly sessionId: string;
  readonly record: ParticipantRecord;
  readonly profile: ParticipantProfile;
  readonly peerEvents: readonly PeerEventRecord[];
  /**
   * Only on a participant of a LIVE session as the fake's clock sees it (`live.ts`): the seed's own records never
   * carry it, and the series generators then behave exactly as they always did.
   */
  readonly live?: LivePresence;
}

/** What the fake's clock adds to a participant of a LIVE session. */
export interface LivePresence {
  /** Epoch ms of the fake's start (`SEED_NOW`): samples up to it keep the values they had at the start. */
  readonly startMs: number;
  /** Epoch ms the call is seen at: the clock's 7 s tick, or the leave once the participant has left. */
  readonly observedMs: number;
  /** True for a peer that joined after the fake's start (then `plannedEndMs` is its planned leave). */
  readonly joinedAfterStart: boolean;
  /** Where a late joiner's in-call events are spread to; those after `observedMs` are not sent yet. */
  readonly plannedEndMs: number;
}

export interface SeedSession {
  readonly record: SessionRecord;
  readonly breakoutRooms: readonly SessionRecord[];
  readonly participants: readonly SeedParticipant[];
}

export interface SeedData {
  readonly seed: number;
  readonly accountId: string;
  readonly appId: string;
  readonly now: string;
  readonly sessions: readonly SeedSession[];
  readonly demo: FakeDemoIds;
}
