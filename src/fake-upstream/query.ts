import { badRequest } from './errors.js';

/**
 * Query and path validation. Every rejection is a RealtimeKit 400 "BAD_REQUEST: …" naming the parameter; unknown
 * parameters are ignored, as upstream does.
 */

export type Query = Readonly<Record<string, string>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const NON_NEGATIVE_INTEGER = /^\d{1,9}$/;
const RANGE = /^(\d{1,9}):(\d{1,9})$/;

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Path ids are matched case-insensitively; the seed's ids are lowercase. */
export function pathUuid(name: string, value: string): string {
  if (!isUuid(value)) throw badRequest(`${name} must be a valid UUID`);
  return value.toLowerCase();
}

export function integerParam(query: Query, name: string): number | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  if (!NON_NEGATIVE_INTEGER.test(raw)) throw badRequest(`${name} must be a non-negative integer`);
  return Number(raw);
}

export function enumParam<T extends string>(
  query: Query,
  name: string,
  values: readonly T[],
): T | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  const match = values.find((value) => value === raw);
  if (match === undefined) throw badRequest(`${name} must be one of ${values.join(', ')}`);
  return match;
}

export function booleanParam(query: Query, name: string): boolean {
  const raw = query[name];
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  throw badRequest(`${name} must be true or false`);
}

/** Epoch ms of an ISO 8601 date-time with a time zone. */
export function dateTimeParam(query: Query, name: string): number | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  const ms = Date.parse(raw);
  if (!DATE_TIME.test(raw) || Number.isNaN(ms)) {
    throw badRequest(`${name} must be an ISO 8601 date-time`);
  }
  return ms;
}

export function uuidParam(query: Query, name: string): string | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  return pathUuid(name, raw);
}

/** `min:max`, both inclusive, e.g. `participants=1:10`. */
export function rangeParam(query: Query, name: string): readonly [number, number] | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  const match = RANGE.exec(raw);
  const min = Number(match?.[1]);
  const max = Number(match?.[2]);
  if (match === null || min > max)
    throw badRequest(`${name} must look like min:max with min <= max`);
  return [min, max];
}

export interface PageRequest {
  readonly pageNo: number;
  readonly perPage: number;
}

export interface Paging {
  total_count: number;
  start_offset: number;
  end_offset: number;
}

/**
 * The spec allows 0 for both numbers but its pages are 1-based, so 0 means "the default" [I]; per_page above the
 * maximum is clamped rather than refused [I].
 */
export function pageRequest(query: Query): PageRequest {
  const pageNo = integerParam(query, 'page_no') ?? 1;
  const perPage = integerParam(query, 'per_page') ?? DEFAULT_PER_PAGE;
  return {
    pageNo: Math.max(1, pageNo),
    perPage: perPage === 0 ? DEFAULT_PER_PAGE : Math.min(perPage, MAX_PER_PAGE),
  };
}

/** Offsets are 1-based and inclusive; an empty page reports 0 for both [I]. */
export function pageOf<T>(
  items: readonly T[],
  request: PageRequest,
): { page: T[]; paging: Paging } {
  const start = (request.pageNo - 1) * request.perPage;
  const page = items.slice(start, start + request.perPage);
  return {
    page,
    paging: {
      total_count: items.length,
      start_offset: page.length === 0 ? 0 : start + 1,
      end_offset: page.length === 0 ? 0 : start + page.length,
    },
  };
}
