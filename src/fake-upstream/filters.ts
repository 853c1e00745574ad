import { badRequest } from './errors.js';

/**
 * `filters`: an allow-list of response sections (contract section 4). Without it everything comes back; with it,
 * only the named sections plus the basic fields.
 */

export const FILTER_VALUES = [
  'device_info',
  'ip_information',
  'precall_network_information',
  'events',
  'quality_stats',
] as const;

export type FilterValue = (typeof FILTER_VALUES)[number];

/** Which sections to send; `all` when the client sent no `filters`. */
export interface Selection {
  readonly all: boolean;
  has(section: FilterValue): boolean;
}

const isFilterValue = (value: string): value is FilterValue =>
  (FILTER_VALUES as readonly string[]).includes(value);

/** Comma-separated, no spaces: an empty or unknown value (including one with spaces) is a 400 [I]. */
export function parseFilters(raw: string | undefined): Selection {
  if (raw === undefined) return { all: true, has: () => true };
  const chosen = new Set<FilterValue>();
  for (const value of raw.split(',')) {
    if (!isFilterValue(value)) {
      throw badRequest(
        `filters must be a comma-separated list of ${FILTER_VALUES.join(', ')}; got '${value}'`,
      );
    }
    chosen.add(value);
  }
  return { all: false, has: (section) => chosen.has(section) };
}
