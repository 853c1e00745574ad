import { badUserInput } from './errors.js';
import type { Query } from './client.js';

/*
 * GraphQL list arguments → RealtimeKit query parameters (contract section 2), validated before any
 * upstream call so a bad page size costs the client a clear error instead of an API call.
 */

export const MAX_PER_PAGE = 100;

export interface PageArguments {
  readonly pageNo?: number | null;
  readonly perPage?: number | null;
}

export interface Page {
  readonly pageNo: number;
  readonly perPage: number;
}

export function pageOf(args: PageArguments): Page {
  const pageNo = args.pageNo ?? 1;
  const perPage = args.perPage ?? 20;
  if (pageNo < 1) throw badUserInput('Argument "pageNo" must be 1 or more.');
  if (perPage < 1 || perPage > MAX_PER_PAGE) {
    throw badUserInput(`Argument "perPage" must be from 1 to ${MAX_PER_PAGE}.`);
  }
  return { pageNo, perPage };
}

const SORT_FIELDS = {
  MINUTES_CONSUMED: 'minutesConsumed',
  CREATED_AT: 'createdAt',
  JOINED_AT: 'joinedAt',
  DURATION: 'duration',
} as const;

export interface SessionListArguments extends PageArguments {
  readonly status?: 'LIVE' | 'ENDED' | null;
  readonly startTime?: string | null;
  readonly endTime?: string | null;
  readonly minParticipants?: number | null;
  readonly maxParticipants?: number | null;
  readonly search?: string | null;
  readonly associatedId?: string | null;
  readonly sortBy?: 'MINUTES_CONSUMED' | 'CREATED_AT' | null;
  readonly sortOrder?: 'ASC' | 'DESC' | null;
}

/** RealtimeKit takes a participant-count range only as `min:max`; an open end becomes a wide bound. */
const UNBOUNDED_PARTICIPANTS = 100_000;

export function sessionListQuery(args: SessionListArguments, page: Page): Query {
  const { minParticipants: min, maxParticipants: max, startTime, endTime } = args;
  if ((min ?? 0) < 0 || (max ?? 0) < 0) {
    throw badUserInput('Arguments "minParticipants" and "maxParticipants" must be 0 or more.');
  }
  if (min != null && max != null && min > max) {
    throw badUserInput('Argument "minParticipants" must not exceed "maxParticipants".');
  }
  if (startTime != null && endTime != null && Date.parse(startTime) > Date.parse(endTime)) {
    throw badUserInput('Argument "startTime" must not be after "endTime".');
  }
  const range =
    min == null && max == null ? undefined : `${min ?? 0}:${max ?? UNBOUNDED_PARTICIPANTS}`;
  return {
    page_no: String(page.pageNo),
    per_page: String(page.perPage),
    sort_by: args.sortBy ? SORT_FIELDS[args.sortBy] : undefined,
    sort_order: args.sortOrder ?? undefined,
    status: args.status ?? undefined,
    start_time: startTime ?? undefined,
    end_time: endTime ?? undefined,
    participants: range,
    search: args.search ?? undefined,
    associated_id: args.associatedId ?? undefined,
  };
}

export interface ParticipantListArguments extends PageArguments {
  readonly search?: string | null;
  readonly sortBy?: 'JOINED_AT' | 'DURATION' | null;
  readonly sortOrder?: 'ASC' | 'DESC' | null;
  readonly view?: 'RAW' | 'CONSOLIDATED' | null;
}

export function participantListQuery(args: ParticipantListArguments, page: Page): Query {
  return {
    page_no: String(page.pageNo),
    per_page: String(page.perPage),
    sort_by: args.sortBy ? SORT_FIELDS[args.sortBy] : undefined,
    sort_order: args.sortOrder ?? undefined,
    search: args.search ?? undefined,
    view: args.view ? args.view.toLowerCase() : undefined,
  };
}
