import type { Selection } from './filters.js';
import type { Json, JsonObject } from './json.js';
import type {
  ParticipantRecord,
  PeerEventRecord,
  SeedParticipant,
  SeedSession,
  SessionRecord,
} from './seed-types.js';
import type { ParticipantStats } from './seed-stats.js';
import { SAMPLE_INTERVAL_MS } from './seed-timeline.js';
import type { VersionKnobs } from './versions.js';

/** Turns seed records into the response `data` of each endpoint, per version knobs and `filters`. */

type Mutable = Record<string, Json>;

export function listItem(record: ParticipantRecord): Mutable {
  return { ...record };
}

export function peerEventsJson(events: readonly PeerEventRecord[]): Json[] {
  return events.map((event) => ({ ...event }));
}

export function sessionJson(
  record: SessionRecord,
  breakoutRooms?: readonly SessionRecord[],
): JsonObject {
  return breakoutRooms === undefined
    ? { ...record }
    : { ...record, breakout_rooms: breakoutRooms.map((room) => ({ ...room })) };
}

export function sessionWithRooms(session: SeedSession, includeBreakoutRooms: boolean): JsonObject {
  return sessionJson(session.record, includeBreakoutRooms ? session.breakoutRooms : undefined);
}

/** The lazily built sections a response may need; each is built only if the selection asks for it. */
export interface HeavySections<T> {
  get(): T;
}

/** In the spec's order, so a filtered response lists its sections as the full one does. */
const PEER_STATS_SECTIONS = [
  'device_info',
  'events',
  'ip_information',
  'precall_network_information',
] as const;

export function participantDetails(
  participant: SeedParticipant,
  stats: HeavySections<ParticipantStats>,
  knobs: VersionKnobs,
  selection: Selection,
  includePeerEvents: boolean,
): JsonObject {
  const body = listItem(participant.record);
  if (knobs.participantStats) {
    const needsPeerStats = PEER_STATS_SECTIONS.some((section) => selection.has(section));
    if (needsPeerStats || selection.has('quality_stats')) {
      const { peerStats, qualityStats } = stats.get();
      if (needsPeerStats) {
        const peerStatsJson: Mutable = selection.all
          ? { config: peerStats.config, status: peerStats.status }
          : {};
        for (const section of PEER_STATS_SECTIONS) {
          if (!selection.has(section)) continue;
          peerStatsJson[section] =
            section === 'precall_network_information'
              ? renameKey(peerStats[section], 'throughput', knobs.throughputKey)
              : peerStats[section];
        }
        body.peer_stats = peerStatsJson;
      }
      if (selection.has('quality_stats')) {
        body.quality_stats = knobs.qualityStats === 'array' ? [qualityStats] : qualityStats;
      }
    }
  }
  if (knobs.extraKeys) body.region_hint = regionHintOf(participant);
  if (includePeerEvents) body.peer_events = peerEventsJsonFor(participant.peerEvents, knobs);
  return body;
}

export interface PeerReportSections {
  readonly metadata: HeavySections<JsonObject>;
  readonly quality: HeavySections<JsonObject>;
}

/** Scalars of the metadata that are not a section of their own: they come back whatever the filters [I]. */
const METADATA_BASICS = ['room_view_type', 'sdk_name', 'sdk_type', 'sdk_version'] as const;

function filteredMetadata(metadata: JsonObject, selection: Selection): JsonObject {
  if (selection.all) return metadata;
  const keys: string[] = [];
  if (selection.has('device_info')) keys.push('device_info', 'browser_metadata');
  if (selection.has('ip_information')) keys.push('ip_information');
  if (selection.has('precall_network_information')) keys.push('pc_metadata');
  if (selection.has('events')) keys.push('events');
  keys.push(...METADATA_BASICS);
  return Object.fromEntries(
    keys.flatMap((key) => {
      const value = metadata[key];
      return value === undefined ? [] : [[key, value]];
    }),
  );
}

export function peerReport(
  participant: SeedParticipant,
  sections: PeerReportSections,
  knobs: VersionKnobs,
  selection: Selection,
  includePeerEvents: boolean,
): JsonObject {
  const item = listItem(participant.record);
  const participantJson: Mutable =
    knobs.peerReport === 'wrapped' ? renameKey(item, 'preset_name', 'role') : item;
  participantJson.session_id = participant.sessionId;
  if (knobs.extraKeys) participantJson.region_hint = regionHintOf(participant);
  if (includePeerEvents) {
    participantJson.peer_events = peerEventsJsonFor(participant.peerEvents, knobs);
  }
  const metadata = filteredMetadata(sections.metadata.get(), selection);
  const report: Mutable = {
    metadata: knobs.extraKeys ? { ...metadata, [EXTRA_METADATA_KEY]: 'all' } : metadata,
  };
  if (selection.has('quality_stats')) {
    const quality = sections.quality.get();
    report.quality = knobs.extraKeys ? withSampleInterval(quality) : quality;
  }
  participantJson.peer_report = report;
  return knobs.peerReport === 'wrapped' ? { participant: participantJson } : participantJson;
}

/*
 * Version D's keys that the contract does not name (see VersionKnobs.extraKeys). Each is added to a
 * copy: the sections are memoized and shared with the other versions' responses.
 */

/** Cloudflare's region hints, as a participant's media would be steered to one. */
const REGION_HINTS = ['wnam', 'enam', 'weur', 'eeur', 'apac', 'oc'] as const;
/** Cloudflare data-center codes, as the edge that saw a peer event would name itself. */
const EDGE_COLOS = ['AMS', 'FRA', 'IAD', 'SJC', 'SIN', 'SYD'] as const;
/** The RTCConfiguration policy of the peer's connection: a metadata key beside the sections. */
const EXTRA_METADATA_KEY = 'ice_transport_policy';

/** Picks from `values` by the id's first hex byte: the same id gets the same value in every response. */
function pickById<T>(values: readonly [T, ...T[]], id: string): T {
  return values[Number.parseInt(id.slice(0, 2), 16) % values.length] ?? values[0];
}

function regionHintOf(participant: SeedParticipant): string {
  return pickById(REGION_HINTS, participant.record.id);
}

function peerEventsJsonFor(events: readonly PeerEventRecord[], knobs: VersionKnobs): Json[] {
  if (!knobs.extraKeys) return peerEventsJson(events);
  return events.map((event) => ({ ...event, edge_colo: pickById(EDGE_COLOS, event.id) }));
}

/**
 * The milliseconds between quality samples (which the contract only gives in prose, about 7 s) as a key beside the
 * sixteen of the flat quality object, first so that a reader meets it before the series.
 */
function withSampleInterval(quality: JsonObject): JsonObject {
  return { sample_interval_ms: SAMPLE_INTERVAL_MS, ...quality };
}

/** Renames one key in place of the old one, keeping key order (and so byte-identical output per version). */
function renameKey(object: JsonObject, from: string, to: string): Mutable {
  return Object.fromEntries(
    Object.entries(object).map(([key, value]) => [key === from ? to : key, value]),
  );
}
