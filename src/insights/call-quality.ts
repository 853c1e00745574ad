import { GraphQLError } from 'graphql';
import type {
  AudioCumulativeRecord,
  PeerReportQualityRecord,
  VideoCumulativeRecord,
} from '../upstream/peer-report-schemas.js';
import type { PeerReportRecord } from '../upstream/peer-report-record.js';
import { MalformedLeaf } from '../upstream/errors.js';
import { Deferred } from '../upstream/wire.js';

/*
 * Call-quality insights computed from one peer report: a verdict, the audio MOS it rests on, the
 * issues found, and timelines for charts. Pure functions of the report, so that every threshold is
 * pinned by unit tests; the schema (schema/insights.graphql) and docs/querying.md state the same numbers.
 */

export type QualityVerdict = 'GOOD' | 'FAIR' | 'POOR' | 'UNKNOWN';
export type QualityIssueKind =
  | 'HIGH_PACKET_LOSS'
  | 'HIGH_LATENCY'
  | 'CPU_LIMITED'
  | 'BANDWIDTH_LIMITED'
  | 'POOR_RESOLUTION'
  | 'VIDEO_LAG'
  | 'RELAY_ONLY';
export type QualityMedia = 'AUDIO' | 'VIDEO' | 'SCREENSHARE' | 'NETWORK';
export type MediaDirection = 'SENDING' | 'RECEIVING';

export interface IssueRecord {
  readonly kind: QualityIssueKind;
  readonly media: QualityMedia;
  readonly direction: MediaDirection | null;
  readonly value: number;
  readonly threshold: number;
  readonly description: string;
}

export interface InsightsRecord {
  readonly verdict: QualityVerdict;
  readonly audioMos: number | null;
  readonly issues: readonly IssueRecord[];
}

/** ITU-T G.107 (E-model) MOS bands: below 3.1 many users dissatisfied; from 4.0 satisfied. */
export const POOR_BELOW_MOS = 3.1;
export const GOOD_FROM_MOS = 4.0;

/** Each issue kind's threshold: the issue is present at or above it. */
export const ISSUE_THRESHOLDS: Readonly<Record<QualityIssueKind, number>> = {
  HIGH_PACKET_LOSS: 0.1,
  HIGH_LATENCY: 0.1,
  CPU_LIMITED: 0.2,
  BANDWIDTH_LIMITED: 0.2,
  POOR_RESOLUTION: 0.2,
  VIDEO_LAG: 0.1,
  RELAY_ONLY: 1,
};

/** What a leaf is worth to a computation: a finite number, or nothing. */
const numberOf = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** A nested record, unless it is absent or upstream sent the wrong type for it. */
function present<T extends object>(value: T | null | undefined | MalformedLeaf): T | undefined {
  return value === null || value === undefined || value instanceof MalformedLeaf
    ? undefined
    : value;
}

/** The report's `peer_report.quality`, when it has a usable one. */
export function qualityOf(report: PeerReportRecord): PeerReportQualityRecord | undefined {
  const container = present(report.peer_report);
  return container === undefined ? undefined : present(container.quality);
}

interface CumulativeSource {
  readonly media: 'AUDIO' | 'VIDEO' | 'SCREENSHARE';
  readonly direction: MediaDirection;
  readonly audio: AudioCumulativeRecord | undefined;
  readonly video: VideoCumulativeRecord | undefined;
}

function cumulativesOf(quality: PeerReportQualityRecord): CumulativeSource[] {
  const audio = (media: CumulativeSource['media'], direction: MediaDirection, value: unknown) => ({
    media,
    direction,
    audio: present(value as AudioCumulativeRecord | null | MalformedLeaf),
    video: undefined,
  });
  const video = (media: CumulativeSource['media'], direction: MediaDirection, value: unknown) => ({
    media,
    direction,
    audio: undefined,
    video: present(value as VideoCumulativeRecord | null | MalformedLeaf),
  });
  return [
    audio('AUDIO', 'SENDING', quality.audio_producer_cumulative),
    audio('AUDIO', 'RECEIVING', quality.audio_consumer_cumulative),
    video('VIDEO', 'SENDING', quality.video_producer_cumulative),
    video('VIDEO', 'RECEIVING', quality.video_consumer_cumulative),
    audio('SCREENSHARE', 'SENDING', quality.screenshare_audio_producer_cumulative),
    audio('SCREENSHARE', 'RECEIVING', quality.screenshare_audio_consumer_cumulative),
    video('SCREENSHARE', 'SENDING', quality.screenshare_video_producer_cumulative),
    video('SCREENSHARE', 'RECEIVING', quality.screenshare_video_consumer_cumulative),
  ];
}

const percent = (fraction: number) => `${String(Math.round(fraction * 100))}%`;
const where = (media: QualityMedia, direction: MediaDirection | null) =>
  direction === null
    ? media.toLowerCase()
    : `${media.toLowerCase()}, ${direction === 'SENDING' ? 'sending' : 'receiving'}`;

/** The sentence of each kind, from the measured fraction. */
const DESCRIPTIONS: Readonly<Record<QualityIssueKind, (value: number) => string>> = {
  HIGH_PACKET_LOSS: (value) => `${percent(value)} of intervals lost 5% of packets or more`,
  HIGH_LATENCY: (value) => `${percent(value)} of intervals had a round trip of 250 ms or more`,
  CPU_LIMITED: (value) => `the encoder was limited by CPU ${percent(value)} of the time`,
  BANDWIDTH_LIMITED: (value) =>
    `the encoder was limited by bandwidth ${percent(value)} of the time`,
  POOR_RESOLUTION: (value) => `${percent(value)} of the time at a poor resolution`,
  VIDEO_LAG: (value) => `the received video lagged ${percent(value)} of the time`,
  RELAY_ONLY: () => 'media could only reach the call through a TURN relay',
};

function issue(
  kind: QualityIssueKind,
  media: QualityMedia,
  direction: MediaDirection | null,
  value: number | undefined,
): IssueRecord | undefined {
  const threshold = ISSUE_THRESHOLDS[kind];
  if (value === undefined || value < threshold) return undefined;
  return {
    kind,
    media,
    direction,
    value,
    threshold,
    description: `${DESCRIPTIONS[kind](value)} (${where(media, direction)})`,
  };
}

/** The issues one cumulative shows. */
function issuesOf({ media, direction, audio, video }: CumulativeSource): IssueRecord[] {
  const common = audio ?? video;
  if (common === undefined) return [];
  const lossy = numberOf(present(common.packet_loss)?.['5_or_greater_event_fraction']);
  const slow = numberOf(present(common.rtt)?.['250ms_or_greater_event_fraction']);
  const found = [
    issue('HIGH_PACKET_LOSS', media, direction, lossy),
    issue('HIGH_LATENCY', media, direction, slow),
  ];
  const videoIssues = present(video?.issues);
  if (videoIssues !== undefined) {
    if (direction === 'SENDING') {
      found.push(
        issue(
          'CPU_LIMITED',
          media,
          direction,
          numberOf(videoIssues.cpu_quality_limitation_fraction),
        ),
        issue(
          'BANDWIDTH_LIMITED',
          media,
          direction,
          numberOf(videoIssues.bandwidth_quality_limitation_fraction),
        ),
      );
    } else {
      found.push(issue('VIDEO_LAG', media, direction, numberOf(videoIssues.lag_fraction)));
    }
    found.push(
      issue('POOR_RESOLUTION', media, direction, numberOf(videoIssues.poor_resolution_fraction)),
    );
  }
  return found.filter((entry): entry is IssueRecord => entry !== undefined);
}

/** RELAY_ONLY: a connection that reached only a TURN relay, never a reflexive (STUN) candidate. */
function relayOnly(report: PeerReportRecord): IssueRecord | undefined {
  const metadata = present(present(report.peer_report)?.metadata);
  const entries = present(metadata?.pc_metadata);
  if (!Array.isArray(entries)) return undefined;
  const relayed = entries.some((entry) => {
    const pc = present(entry);
    return pc?.relay_connectivity === true && pc.reflexive_connectivity === false;
  });
  return relayed ? issue('RELAY_ONLY', 'NETWORK', null, 1) : undefined;
}

/** How far past its threshold an issue is: the order issues are listed in, worst first. */
const severity = (entry: IssueRecord) => entry.value / entry.threshold;

/**
 * The verdict, audio MOS and issues of a peer report; null when the report has no quality at all
 * (a report read without its `quality_stats` section, or one upstream sent without).
 */
export function insightsOf(report: PeerReportRecord): InsightsRecord | null {
  const quality = qualityOf(report);
  if (quality === undefined) return null;
  const cumulatives = cumulativesOf(quality);
  const mosValues = cumulatives
    .filter((source) => source.media === 'AUDIO')
    .map((source) => numberOf(present(source.audio?.quality_mos)?.avg))
    .filter((value): value is number => value !== undefined);
  const audioMos = mosValues.length === 0 ? null : Math.min(...mosValues);
  const issues = [...cumulatives.flatMap(issuesOf), relayOnly(report)]
    .filter((entry): entry is IssueRecord => entry !== undefined)
    .sort((a, b) => severity(b) - severity(a));
  return { verdict: verdictOf(audioMos, issues.length), audioMos, issues };
}

export function verdictOf(audioMos: number | null, issueCount: number): QualityVerdict {
  if (audioMos === null) return 'UNKNOWN';
  if (audioMos < POOR_BELOW_MOS) return 'POOR';
  if (audioMos < GOOD_FROM_MOS || issueCount > 0) return 'FAIR';
  return 'GOOD';
}

// ---------------------------------------------------------------------------------------------
// Timelines

export interface BucketRecord {
  readonly from: string;
  readonly to: string;
  readonly audioMos: number | null;
  readonly packetLoss: number | null;
  readonly rtt: number | null;
  readonly videoFps: number | null;
}

/** A chart of more points than this says nothing more, and costs the gateway what it draws. */
export const MAX_BUCKETS = 500;

interface Point {
  readonly at: number;
  readonly value: number;
}

type SampleList = readonly Readonly<Record<string, unknown>>[];

/** A sample series, read now (series are read only when asked for), or nothing. */
function seriesOf(value: unknown): SampleList {
  const read = value instanceof Deferred ? (value.get() as unknown) : value;
  return Array.isArray(read)
    ? (read as unknown[]).filter(
        (sample): sample is Readonly<Record<string, unknown>> =>
          typeof sample === 'object' && sample !== null && !(sample instanceof MalformedLeaf),
      )
    : [];
}

const timeOf = (sample: Readonly<Record<string, unknown>>): number | undefined => {
  const stamp = sample['timestamp'];
  if (typeof stamp !== 'string') return undefined;
  const at = Date.parse(stamp);
  return Number.isNaN(at) ? undefined : at;
};

/** A field of every sample, with its time. */
function points(samples: SampleList, field: string, scale = 1): Point[] {
  return samples.flatMap((sample) => {
    const at = timeOf(sample);
    const value = numberOf(sample[field]);
    return at === undefined || value === undefined ? [] : [{ at, value: value * scale }];
  });
}

/**
 * Per-sample loss in percent from a stream's cumulative counters, as the cumulatives count it:
 * the packets lost since the previous sample (the first from zero) over those sent, or over those
 * received plus lost.
 */
function lossPoints(samples: SampleList, side: 'sent' | 'received'): Point[] {
  let lostBefore = 0;
  let otherBefore = 0;
  return samples.flatMap((sample) => {
    const at = timeOf(sample);
    const lost = numberOf(sample['packets_lost']);
    const other = numberOf(sample[side === 'sent' ? 'packets_sent' : 'packets_received']);
    if (at === undefined || lost === undefined || other === undefined) return [];
    const lostNow = lost - lostBefore;
    const otherNow = other - otherBefore;
    lostBefore = lost;
    otherBefore = other;
    const whole = side === 'sent' ? otherNow : otherNow + lostNow;
    return whole <= 0 ? [] : [{ at, value: (Math.max(0, lostNow) / whole) * 100 }];
  });
}

function badBucketSize(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * The report's samples in buckets of `bucketSeconds` from the peer's join time (or its first
 * sample), up to its last sample. Refuses a bucket below 1 s or one that would make more than
 * MAX_BUCKETS buckets, with BAD_USER_INPUT.
 */
export function timelineOf(report: PeerReportRecord, bucketSeconds: number): BucketRecord[] {
  if (!Number.isInteger(bucketSeconds) || bucketSeconds < 1) {
    throw badBucketSize(`bucketSeconds must be a whole number of seconds, 1 or more.`);
  }
  const quality = qualityOf(report);
  if (quality === undefined) return [];
  const audioProducer = seriesOf(quality.audio_producer);
  const audioConsumer = seriesOf(quality.audio_consumer);
  const videoProducer = seriesOf(quality.video_producer);
  const videoConsumer = seriesOf(quality.video_consumer);
  const series = {
    audioMos: [...points(audioProducer, 'mos_quality'), ...points(audioConsumer, 'mos_quality')],
    packetLoss: [...lossPoints(audioProducer, 'sent'), ...lossPoints(audioConsumer, 'received')],
    // Samples carry seconds; the chart shows milliseconds, as the cumulatives do.
    rtt: [...points(audioProducer, 'rtt', 1000), ...points(videoProducer, 'rtt', 1000)],
    videoFps: [
      ...points(videoProducer, 'frames_per_second'),
      ...points(videoConsumer, 'frames_per_second'),
    ],
  };
  const times = Object.values(series).flatMap((list) => list.map((point) => point.at));
  if (times.length === 0) return [];
  const joined = typeof report.joined_at === 'string' ? Date.parse(report.joined_at) : Number.NaN;
  const first = Math.min(...times);
  const start = Number.isNaN(joined) || joined > first ? first : joined;
  const size = bucketSeconds * 1000;
  const count = Math.floor((Math.max(...times) - start) / size) + 1;
  if (count > MAX_BUCKETS) {
    const smallest = Math.ceil((Math.max(...times) - start + 1) / 1000 / MAX_BUCKETS);
    throw badBucketSize(
      `bucketSeconds ${String(bucketSeconds)} would make ${String(count)} buckets of this call; at most ${String(MAX_BUCKETS)} are made, so ask for ${String(smallest)} or more.`,
    );
  }
  const average = (list: readonly Point[], index: number): number | null => {
    const inside = list.filter((point) => Math.floor((point.at - start) / size) === index);
    if (inside.length === 0) return null;
    return inside.reduce((sum, point) => sum + point.value, 0) / inside.length;
  };
  return Array.from({ length: count }, (_, index) => ({
    from: new Date(start + index * size).toISOString(),
    to: new Date(start + (index + 1) * size).toISOString(),
    audioMos: average(series.audioMos, index),
    packetLoss: average(series.packetLoss, index),
    rtt: average(series.rtt, index),
    videoFps: average(series.videoFps, index),
  }));
}
