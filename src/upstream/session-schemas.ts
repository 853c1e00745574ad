import type { MalformedLeaf } from './errors.js';
import { count, integer, identity, later, listOf, shape, text, timestamp } from './wire.js';
import type { RecordOf, Shape, ShapeOutput } from './wire.js';

/** Paging offsets are 1-based and inclusive; an empty page reports 0/0. */
export const PagingRecord = shape({
  total_count: integer,
  start_offset: integer,
  end_offset: integer,
});
export type PagingRecord = RecordOf<typeof PagingRecord>;

const sessionFields = {
  id: identity,
  associated_id: text,
  meeting_display_name: text,
  type: text,
  status: text,
  live_participants: integer,
  max_concurrent_participants: integer,
  minutes_consumed: count,
  organization_id: text,
  started_at: timestamp,
  ended_at: timestamp,
  created_at: timestamp,
  updated_at: timestamp,
};

export type SessionRecord = ShapeOutput<typeof sessionFields> & {
  breakout_rooms: SessionRecord[] | null | MalformedLeaf;
};

// Breakout rooms are sessions, so the record refers to itself.
export const SessionRecord: Shape<SessionRecord> = shape({
  ...sessionFields,
  breakout_rooms: later(() => listOf(SessionRecord)),
});
