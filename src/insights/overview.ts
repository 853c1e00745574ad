import { GraphQLError } from 'graphql';
import { insightsOf } from './call-quality.js';
import type { InsightsRecord, QualityIssueKind } from './call-quality.js';
import type { ParticipantSource } from '../loaders/index.js';
import type { PeerReportRecord } from '../upstream/peer-report-record.js';

/** The most participants one overview reads (each costs a peer-report call). */
export const MAX_OVERVIEW_LIMIT = 1_000;
export const MAX_OVERVIEW_WORST = 100;
/** Participants per list call: RealtimeKit's largest page. */
export const OVERVIEW_PAGE_SIZE = 100;

/** One participant of the session, with its peer report, or the failure to read it. */
export interface Judged<Participant> {
  readonly participant: Participant;
  readonly report: PeerReportRecord | undefined;
}

export interface OverviewRecord<Participant> {
  readonly analysed: number;
  readonly unavailable: number;
  readonly complete: boolean;
  readonly good: number;
  readonly fair: number;
  readonly poor: number;
  readonly unknown: number;
  readonly worst: readonly Participant[];
  readonly commonIssues: readonly IssueCountRecord[];
}

export interface IssueCountRecord {
  readonly kind: QualityIssueKind;
  readonly participants: number;
}

/** The overview as the schema's resolvers see it: participants as the resolvers' sources. */
export type OverviewSource = OverviewRecord<ParticipantSource>;

/** The arguments, checked: out of range is the client's mistake, said before any call. */
export function overviewArguments(limit: number, worst: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_OVERVIEW_LIMIT) {
    throw new GraphQLError(`limit must be from 1 to ${String(MAX_OVERVIEW_LIMIT)}.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  if (!Number.isInteger(worst) || worst < 0 || worst > MAX_OVERVIEW_WORST) {
    throw new GraphQLError(`worst must be from 0 to ${String(MAX_OVERVIEW_WORST)}.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
}

/**
 * Counts by verdict, the `worst` participants with an audio MOS (lowest first, then more issues
 * first), and issue kinds by how many participants had them (most first, then by name). `total`:
 * how many participants the session has, when the list said so.
 */
export function overviewOf<Participant>(
  judged: readonly Judged<Participant>[],
  worst: number,
  total: number | undefined,
): OverviewRecord<Participant> {
  const read = judged.flatMap(({ participant, report }) => {
    if (report === undefined) return [];
    const insights: InsightsRecord = insightsOf(report) ?? {
      verdict: 'UNKNOWN',
      audioMos: null,
      issues: [],
    };
    return [{ participant, insights }];
  });
  const count = (verdict: InsightsRecord['verdict']) =>
    read.filter(({ insights }) => insights.verdict === verdict).length;
  const kinds = new Map<QualityIssueKind, number>();
  for (const { insights } of read) {
    for (const kind of new Set(insights.issues.map((found) => found.kind))) {
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
  }
  const unavailable = judged.length - read.length;
  return {
    analysed: read.length,
    unavailable,
    complete: unavailable === 0 && (total === undefined || judged.length >= total),
    good: count('GOOD'),
    fair: count('FAIR'),
    poor: count('POOR'),
    unknown: count('UNKNOWN'),
    worst: read
      .filter(({ insights }) => insights.audioMos !== null)
      .sort(
        (a, b) =>
          (a.insights.audioMos ?? 0) - (b.insights.audioMos ?? 0) ||
          b.insights.issues.length - a.insights.issues.length,
      )
      .slice(0, worst)
      .map(({ participant }) => participant),
    commonIssues: [...kinds]
      .sort(([kindA, a], [kindB, b]) => b - a || kindA.localeCompare(kindB))
      .map(([kind, participants]) => ({ kind, participants })),
  };
}
