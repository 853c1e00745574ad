import type { ParticipantKey, PeerKey, SessionKey } from '../upstream/client.js';
import type { MalformedLeaf } from '../upstream/errors.js';
import type { PeerReportRecord } from '../upstream/peer-report-record.js';
import type { ParticipantBasicsRecord, ParticipantDetailsRecord } from '../upstream/schemas.js';
import type { PagingRecord, SessionRecord } from '../upstream/session-schemas.js';

/*
 * What resolvers of each GraphQL type receive as their parent. A source always knows its key and
 * the basic fields; the heavier parts are present only when a call for them was already made, and
 * are otherwise loaded on demand. This is what lets a list item or a link answer basic fields
 * without any upstream call.
 */

export interface ParticipantSource {
  readonly key: ParticipantKey;
  readonly basics: ParticipantBasicsRecord;
  readonly details?: ParticipantDetailsRecord;
}

export interface PeerReportSource {
  readonly key: PeerKey;
  /** Known from the link that led here, or from the report itself (which may send it malformed). */
  readonly sessionId: string | null | MalformedLeaf;
  readonly basics: ParticipantBasicsRecord;
  readonly report?: PeerReportRecord;
}

export interface SessionSource {
  readonly key: SessionKey;
  readonly record?: SessionRecord;
}

export interface PageSource<Item> {
  readonly items: Item[];
  readonly paging: PagingRecord | null;
  /** The page that was asked for, echoed back because upstream reports offsets only. */
  readonly pageNo: number;
  readonly perPage: number;
}

export type ParticipantPageSource = PageSource<ParticipantSource>;
export type SessionPageSource = PageSource<SessionSource>;
export type PagingSource = Omit<PageSource<unknown>, 'items'>;
