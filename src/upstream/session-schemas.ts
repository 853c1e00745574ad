import { z } from 'zod';
import { count, ParticipantBasicsRecord, text, timestamp } from './schemas.js';

/** Paging offsets are 1-based and inclusive; an empty page reports 0/0. */
export const PagingRecord = z.object({
  total_count: count,
  start_offset: count,
  end_offset: count,
});
export type PagingRecord = z.output<typeof PagingRecord>;

const sessionFields = {
  id: z.string().min(1),
  associated_id: text,
  meeting_display_name: text,
  type: text,
  status: text,
  live_participants: count,
  max_concurrent_participants: count,
  minutes_consumed: count,
  organization_id: text,
  started_at: timestamp,
  ended_at: timestamp,
  created_at: timestamp,
  updated_at: timestamp,
};

export type SessionRecord = z.output<z.ZodObject<typeof sessionFields>> & {
  readonly breakout_rooms?: readonly SessionRecord[] | null | undefined;
};

export const SessionRecord: z.ZodType<SessionRecord> = z.object({
  ...sessionFields,
  get breakout_rooms() {
    return z.array(SessionRecord).nullish();
  },
});

/** The current spec returns the session as `data`; older versions wrapped it as `data.session`. */
export const SessionEnvelope = z
  .object({
    success: z.literal(true),
    data: z.union([z.object({ session: SessionRecord }), SessionRecord]),
  })
  .transform(({ data }) => ('session' in data ? data.session : data));

export const SessionListEnvelope = z.object({
  success: z.literal(true),
  data: z.object({ sessions: z.array(SessionRecord) }),
  paging: PagingRecord.nullish(),
});

/** The examples put paging inside `data`; accept it beside `data` too, as the sessions list has it. */
export const ParticipantListEnvelope = z
  .object({
    success: z.literal(true),
    data: z.object({
      participants: z.array(ParticipantBasicsRecord),
      paging: PagingRecord.nullish(),
    }),
    paging: PagingRecord.nullish(),
  })
  .transform(({ data, paging }) => ({
    participants: data.participants,
    paging: data.paging ?? paging ?? null,
  }));
