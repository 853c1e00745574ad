/*
 * The one table from GraphQL field to upstream call and section. Pushdown (needs.ts: which
 * `filters` a call sends) and the call estimate (cost.ts: the upper bound checked before anything
 * runs) both read it; the resolvers spend calls the way it says, which the exact-cost test
 * (test/integration/field-costs.test.ts) checks field by field against the fake. A field is named
 * by its schema coordinate, `Type.field`; see docs/querying.md, "How it fetches".
 */

import {
  MAX_OVERVIEW_LIMIT,
  MAX_OVERVIEW_WORST,
  OVERVIEW_PAGE_SIZE,
} from '../insights/overview.js';

/** The `filters` values RealtimeKit understands, in the order the gateway sends them. */
export const FILTER_VALUES = [
  'device_info',
  'ip_information',
  'precall_network_information',
  'events',
  'quality_stats',
] as const;

export type FilterValue = (typeof FILTER_VALUES)[number];

/** The upstream resources a call returns one of, each with its own record. */
export type Resource = 'participant' | 'peerReport' | 'session';

/** The GraphQL types that stand for one upstream resource. */
export const RESOURCE_TYPES = {
  Participant: 'participant',
  PeerReport: 'peerReport',
  Session: 'session',
} as const satisfies Readonly<Record<string, Resource>>;

export type ResourceType = keyof typeof RESOURCE_TYPES;

export const resourceOfType = (typeName: string): Resource | undefined =>
  Object.hasOwn(RESOURCE_TYPES, typeName) ? RESOURCE_TYPES[typeName as ResourceType] : undefined;

/** What a resource's call must include for a field: a filter section, or a flag on the call. */
export type Need =
  | { readonly section: FilterValue }
  /** Covered by no filter value: the call sends no `filters` and gets the whole resource. */
  | { readonly all: true }
  /** `include_peer_events=true`. */
  | { readonly peerEvents: true }
  /** `include_breakout_rooms=true`. */
  | { readonly breakoutRooms: true }
  /**
   * No query parameter: the peer report's quality sample series, kept with the record. Without
   * it they are dropped as soon as the report is read, since nothing will read them, and a report
   * loaded without them cannot answer a field that wants them.
   */
  | { readonly series: true };

/** How one field is answered. A field with no rule (and no default) is free: no call, no section. */
export interface FieldRule {
  /**
   * `record`: read from its resource's own record, which costs the resource's call unless the
   * parent arrived with it (loaded by id, or as a list item that carries it). `ownCall`: always
   * the resource's own call, even when a list gave the record (a listed session lacks its rooms).
   */
  readonly reads?: 'record' | 'ownCall';
  /** What that call must include. */
  readonly needs?: Need | readonly Need[];
  /**
   * The field is computed from its participant's peer report, the participant's id being its
   * peer id: one call of that report (shared with any other load of it in the request), which
   * must include these.
   */
  readonly fromPeerReport?: readonly Need[];
  /**
   * The field reads up to its `limit` argument's participants of the session: one list call per
   * `pageSize` of them plus one peer-report call each (with `fromPeerReport`'s needs); its `worst`
   * field lists up to its `worst` argument's participants, costed as a page's items.
   */
  readonly overview?: {
    readonly defaultLimit: number;
    readonly maxLimit: number;
    readonly pageSize: number;
    readonly defaultWorst: number;
    readonly maxWorst: number;
  };
  /**
   * The field's value is a resource (or a page of them, each an item of its `items`): its type,
   * the call that reaches it (`one`: the resource's own call; `page`: one list call of `perPage`
   * items; `none`: no call, the value is built from what the parent has), and whether the value
   * arrives with its record.
   */
  readonly leadsTo?: {
    readonly type: ResourceType;
    readonly call: 'one' | 'page' | 'none';
    readonly withRecord: boolean;
  };
}

const record = (needs?: Need | readonly Need[]): FieldRule =>
  needs === undefined ? { reads: 'record' } : { reads: 'record', needs };

/** What call-quality insights are computed from (see src/insights/call-quality.ts). */
const INSIGHT_NEEDS: readonly Need[] = [
  { section: 'quality_stats' },
  { section: 'precall_network_information' },
];

/** A rule's needs as a list, however the table spells them. */
export function needsOfRule(rule: FieldRule): readonly Need[] {
  const { needs } = rule;
  if (needs === undefined) return [];
  return isNeedList(needs) ? needs : [needs];
}

const isNeedList = (needs: Need | readonly Need[]): needs is readonly Need[] =>
  Array.isArray(needs);

/** Fields by schema coordinate. */
export const FIELD_RULES: Readonly<Record<string, FieldRule>> = {
  'Query.participant': { leadsTo: { type: 'Participant', call: 'one', withRecord: true } },
  'Query.peerReport': { leadsTo: { type: 'PeerReport', call: 'one', withRecord: true } },
  // Lazy: a query that only lists a session's participants needs no session call.
  'Query.session': { leadsTo: { type: 'Session', call: 'none', withRecord: false } },
  'Query.sessions': { leadsTo: { type: 'Session', call: 'page', withRecord: true } },
  // Per event: a subscription loads its resource (to know when it is finished), then the selection.
  'Subscription.sessionUpdates': { leadsTo: { type: 'Session', call: 'one', withRecord: true } },
  'Subscription.peerReportUpdates': {
    leadsTo: { type: 'PeerReport', call: 'one', withRecord: true },
  },

  // Session fields read the session record unless named free below (see RESOURCE_DEFAULTS).
  'Session.id': {},
  'Session.__typename': {},
  'Session.participants': {
    // Listed participants carry their basic fields, not their details.
    leadsTo: { type: 'Participant', call: 'page', withRecord: false },
  },
  'Session.breakoutRooms': {
    reads: 'ownCall',
    needs: { breakoutRooms: true },
    // Rooms come with the session's record.
    leadsTo: { type: 'Session', call: 'none', withRecord: true },
  },

  'Participant.peerStats': record(),
  'Participant.qualityStats': record({ section: 'quality_stats' }),
  // The participant id is its peer id: the link is built from ids, the report's call comes later.
  'Participant.peerReport': {
    leadsTo: { type: 'PeerReport', call: 'none', withRecord: false },
  },
  'PeerStats.deviceInfo': { needs: { section: 'device_info' } },
  'PeerStats.ipInformation': { needs: { section: 'ip_information' } },
  'PeerStats.precallNetworkInformation': { needs: { section: 'precall_network_information' } },
  'PeerStats.events': { needs: { section: 'events' } },

  'PeerReport.peerEvents': record({ peerEvents: true }),
  'PeerReport.metadata': record(),
  'PeerReport.quality': record({ section: 'quality_stats' }),
  // No source says which filter value, if any, keeps the Dyte-era statistics in a peer report, so
  // asking for them asks for the whole report.
  'PeerReport.peerStats': record({ all: true }),
  'PeerReport.qualityStats': record({ all: true }),
  'PeerReport.participant': {
    leadsTo: { type: 'Participant', call: 'none', withRecord: false },
  },
  'PeerReportMetadata.deviceInfo': { needs: { section: 'device_info' } },
  'PeerReportMetadata.browserMetadata': { needs: { section: 'device_info' } },
  'PeerReportMetadata.ipInformation': { needs: { section: 'ip_information' } },
  'PeerReportMetadata.pcMetadata': { needs: { section: 'precall_network_information' } },
  'PeerReportMetadata.events': { needs: { section: 'events' } },
  // Insights judge the quality cumulatives and the connection metadata (RELAY_ONLY) only.
  'PeerReport.insights': record(INSIGHT_NEEDS),
  'PeerReport.qualityTimeline': record([{ section: 'quality_stats' }, { series: true }]),
  'Participant.insights': { fromPeerReport: INSIGHT_NEEDS },
  'Session.qualityOverview': {
    fromPeerReport: INSIGHT_NEEDS,
    // The defaults are the schema's; the bounds and page size are the resolver's own.
    overview: {
      defaultLimit: 100,
      maxLimit: MAX_OVERVIEW_LIMIT,
      pageSize: OVERVIEW_PAGE_SIZE,
      defaultWorst: 5,
      maxWorst: MAX_OVERVIEW_WORST,
    },
  },
  'AudioQuality.producer': { needs: { series: true } },
  'AudioQuality.consumer': { needs: { series: true } },
  'VideoQuality.producer': { needs: { series: true } },
  'VideoQuality.consumer': { needs: { series: true } },
};

/**
 * The rule for a field a type's table does not name. A session's fields all come from its record
 * (the list call's items carry it, `session(id)` does not). Section containers: any of their
 * fields not listed (candidate pairs, device updates, the SDK fields, `config`, `status`, even
 * `__typename`) is covered by no filter value, so selecting it means asking for the whole resource;
 * the contract only promises the named sections under a filter, and guessing which other fields
 * survive one would risk silently missing data.
 */
const TYPE_DEFAULTS: Readonly<Record<string, FieldRule>> = {
  Session: { reads: 'record' },
  PeerStats: { needs: { all: true } },
  PeerReportMetadata: { needs: { all: true } },
};

/**
 * The resource each type below a resource belongs to: its rules apply only inside it, because the
 * participant's statistics types (PeerStats, QualityStats) also occur inside a Dyte-era peer
 * report, whose own rule (`PeerReport.peerStats`) already asks for all of it.
 */
export const TYPE_OWNERS: Readonly<Record<string, Resource>> = {
  PeerStats: 'participant',
  PeerReportMetadata: 'peerReport',
  AudioQuality: 'peerReport',
  VideoQuality: 'peerReport',
};

const FREE: FieldRule = {};

/** The rule for `typeName.fieldName`: its own, else its type's default, else free. */
export function ruleFor(typeName: string, fieldName: string): FieldRule {
  return FIELD_RULES[`${typeName}.${fieldName}`] ?? TYPE_DEFAULTS[typeName] ?? FREE;
}
