import { MalformedLeaf, upstreamBadResponse } from './errors.js';
import { PeerReportRecord } from './peer-report-record.js';
import type { PeerReportQualityRecord } from './peer-report-schemas.js';
import { ParticipantBasicsRecord, ParticipantDetailsRecord } from './schemas.js';
import { PagingRecord, SessionRecord } from './session-schemas.js';
import type { ReadContext, Shape } from './wire.js';

/*
 * The success envelopes of the five endpoints (contract section 2), and where in each the resource
 * is. Here the reader is strict: a body that is not an object, does not say `success: true`, or lacks
 * the resource itself fails the whole resource, because there is nothing to tolerate. Below the
 * resource, the wire reader's tolerance takes over. Drift paths start at the resource
 * (`peer_stats.device_info.cpus`) or, for lists, at the list (`participants[].joined_at`), so they
 * read the same in every spec version whatever wraps the resource.
 */

type JsonObject = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `data` of a body that reports success, or the resource-level failure it is. */
function successData(body: unknown): JsonObject {
  if (!isObject(body)) throw upstreamBadResponse('the body is not a JSON object');
  if (body['success'] !== true) throw upstreamBadResponse('the body does not report success');
  const data = body['data'];
  if (!isObject(data)) throw upstreamBadResponse('the body has no data object');
  return data;
}

function resource<Out>(record: Shape<Out>, value: unknown, at: ReadContext, name: string): Out {
  const read = record.readRecord(value, at);
  if (read === undefined) throw upstreamBadResponse(`the body has no readable ${name}`);
  return read;
}

function items<Out>(record: Shape<Out>, value: unknown, at: ReadContext, name: string): Out[] {
  if (!Array.isArray(value)) throw upstreamBadResponse(`the body has no ${name} list`);
  const read: Out[] = [];
  at.enter(`${name}[]`);
  for (const element of value) {
    const item = record.readRecord(element, at);
    if (item !== undefined) read.push(item);
  }
  at.leave();
  return read;
}

function paging(value: unknown, at: ReadContext): PagingRecord | null {
  if (value === null || value === undefined) return null;
  at.enter('paging');
  const read = PagingRecord.readRecord(value, at) ?? null;
  at.leave();
  return read;
}

/** A page of a list endpoint, its items in upstream order. */
export interface PageRecord<Item> {
  readonly items: Item[];
  readonly paging: PagingRecord | null;
}

export function readSessionList(body: unknown, at: ReadContext): PageRecord<SessionRecord> {
  const data = successData(body);
  const sessions = items(SessionRecord, data['sessions'], at, 'sessions');
  return { items: sessions, paging: paging((body as JsonObject)['paging'], at) };
}

/** The current spec returns the session as `data`; older versions wrapped it as `data.session`. */
export function readSession(body: unknown, at: ReadContext): SessionRecord {
  const data = successData(body);
  return resource(SessionRecord, isObject(data['session']) ? data['session'] : data, at, 'session');
}

/** The examples put paging inside `data`; it is read beside `data` too, as the sessions list has it. */
export function readParticipantList(
  body: unknown,
  at: ReadContext,
): PageRecord<ParticipantBasicsRecord> {
  const data = successData(body);
  const participants = items(ParticipantBasicsRecord, data['participants'], at, 'participants');
  const inside = data['paging'];
  return {
    items: participants,
    paging: paging(inside ?? (body as JsonObject)['paging'], at),
  };
}

export function readParticipantDetails(body: unknown, at: ReadContext): ParticipantDetailsRecord {
  const data = successData(body);
  return resource(ParticipantDetailsRecord, data['participant'], at, 'participant');
}

/** Version B returns the report flat in `data`; versions C and D wrap it as `data.participant`. */
export function readPeerReport(body: unknown, at: ReadContext): PeerReportRecord {
  const data = successData(body);
  const wrapped = data['participant'];
  return resource(PeerReportRecord, isObject(wrapped) ? wrapped : data, at, 'peer report');
}

/** The keys of `peer_report.quality` that hold sample series (see PeerReportQualityRecord). */
const QUALITY_SERIES = [
  'audio_producer',
  'audio_consumer',
  'video_producer',
  'video_consumer',
  'screenshare_audio_producer',
  'screenshare_audio_consumer',
  'screenshare_video_producer',
  'screenshare_video_consumer',
] as const satisfies readonly (keyof PeerReportQualityRecord)[];

/**
 * A peer report read for an operation that selects none of its sample series: they are dropped
 * unread, so the unread payload (95% of a quality report) is garbage at once instead of living as
 * long as the request and the cache entry. The loaders ask for this only when no field of the
 * operation wants a series (SectionNeed.series), and such a report never answers one that does.
 */
export function readPeerReportWithoutSeries(body: unknown, at: ReadContext): PeerReportRecord {
  const report = readPeerReport(body, at);
  const container = report.peer_report;
  if (container === null || container instanceof MalformedLeaf) return report;
  const { quality } = container;
  if (quality === null || quality instanceof MalformedLeaf) return report;
  const kept: PeerReportQualityRecord = {
    ...quality,
    ...Object.fromEntries(QUALITY_SERIES.map((key) => [key, null])),
  };
  return { ...report, peer_report: { ...container, quality: kept } };
}
