import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_INTERVAL_MS, SEED_NOW, startFakeUpstream } from '../../src/fake-upstream/index.js';
import type { FakeUpstream } from '../../src/fake-upstream/index.js';
import { FlatPeerReportBody, ParticipantsBody, at } from './schemas.js';
import { get } from './support.js';

/**
 * The seeded calls must let a call-quality check show everything it can say: every verdict and every issue kind in
 * the demo session (the one GraphiQL and the dashboard open), the demo participant a good call, and audio and video
 * with figures of their own. The check is restated here in a few lines, from the rules the gateway applies to one
 * peer report, and fed the reports as the fake sends them.
 */

type Verdict = 'GOOD' | 'FAIR' | 'POOR' | 'UNKNOWN';
const ISSUE_KINDS = [
  'HIGH_PACKET_LOSS',
  'HIGH_LATENCY',
  'CPU_LIMITED',
  'BANDWIDTH_LIMITED',
  'POOR_RESOLUTION',
  'VIDEO_LAG',
  'RELAY_ONLY',
] as const;
type IssueKind = (typeof ISSUE_KINDS)[number];

interface Insight {
  readonly verdict: Verdict;
  readonly mos: number | undefined;
  readonly issues: ReadonlySet<IssueKind>;
}

const AUDIO_CUMULATIVES = ['audio_producer_cumulative', 'audio_consumer_cumulative'] as const;
const VIDEO_PRODUCER_CUMULATIVES = [
  'video_producer_cumulative',
  'screenshare_video_producer_cumulative',
] as const;
const VIDEO_CONSUMER_CUMULATIVES = [
  'video_consumer_cumulative',
  'screenshare_video_consumer_cumulative',
] as const;
const ALL_CUMULATIVES = [
  ...AUDIO_CUMULATIVES,
  'screenshare_audio_producer_cumulative',
  'screenshare_audio_consumer_cumulative',
  ...VIDEO_PRODUCER_CUMULATIVES,
  ...VIDEO_CONSUMER_CUMULATIVES,
] as const;

const numberAt = (value: unknown, path: string): number | undefined => {
  const found = at(value, path);
  return typeof found === 'number' ? found : undefined;
};
/** Whether the number at `path` is there and at least `threshold`. */
const reaches = (value: unknown, path: string, threshold: number): boolean =>
  (numberAt(value, path) ?? -1) >= threshold;

/** The gateway's rules for one peer report (`peer_report.quality` and `metadata.pc_metadata`). */
function insightOf(quality: unknown, metadata: unknown): Insight {
  const issues = new Set<IssueKind>();
  for (const key of ALL_CUMULATIVES) {
    const cumulative = at(quality, key);
    if (reaches(cumulative, 'packet_loss.5_or_greater_event_fraction', 0.1)) {
      issues.add('HIGH_PACKET_LOSS');
    }
    if (reaches(cumulative, 'rtt.250ms_or_greater_event_fraction', 0.1)) issues.add('HIGH_LATENCY');
  }
  for (const key of VIDEO_PRODUCER_CUMULATIVES) {
    const cumulative = at(quality, key);
    if (reaches(cumulative, 'issues.cpu_quality_limitation_fraction', 0.2)) {
      issues.add('CPU_LIMITED');
    }
    if (reaches(cumulative, 'issues.bandwidth_quality_limitation_fraction', 0.2)) {
      issues.add('BANDWIDTH_LIMITED');
    }
  }
  for (const key of [...VIDEO_PRODUCER_CUMULATIVES, ...VIDEO_CONSUMER_CUMULATIVES]) {
    if (reaches(at(quality, key), 'issues.poor_resolution_fraction', 0.2)) {
      issues.add('POOR_RESOLUTION');
    }
  }
  for (const key of VIDEO_CONSUMER_CUMULATIVES) {
    if (reaches(at(quality, key), 'issues.lag_fraction', 0.1)) issues.add('VIDEO_LAG');
  }
  const pcMetadata = at(metadata, 'pc_metadata');
  if (
    Array.isArray(pcMetadata) &&
    pcMetadata.some(
      (entry) =>
        at(entry, 'relay_connectivity') === true && at(entry, 'reflexive_connectivity') === false,
    )
  ) {
    issues.add('RELAY_ONLY');
  }
  const scores = AUDIO_CUMULATIVES.map((key) => numberAt(quality, `${key}.quality_mos.avg`)).filter(
    (score): score is number => score !== undefined,
  );
  const mos = scores.length === 0 ? undefined : Math.min(...scores);
  const verdict: Verdict =
    mos === undefined
      ? 'UNKNOWN'
      : mos < 3.1
        ? 'POOR'
        : mos < 4 || issues.size > 0
          ? 'FAIR'
          : 'GOOD';
  return { verdict, mos, issues };
}

interface Peer {
  readonly id: string;
  readonly name: string;
  readonly quality: ReturnType<typeof FlatPeerReportBody.parse>['data']['peer_report']['quality'];
  readonly insight: Insight;
}

const START_MS = Date.parse(SEED_NOW);
let elapsed = 0;
let fake: FakeUpstream;
beforeAll(async () => {
  fake = await startFakeUpstream({
    rateLimit: { quota: 1_000_000, windowSeconds: 1 },
    clock: () => elapsed,
  });
});
afterAll(async () => {
  await fake.close();
});

async function participantIds(sessionId: string): Promise<{ id: string; joinedAt: string }[]> {
  const reply = await get(fake, `/sessions/${sessionId}/participants`, {
    query: { per_page: '100' },
  });
  expect(reply.status).toBe(200);
  return ParticipantsBody.parse(reply.json).data.participants.map((row) => ({
    id: row.id,
    joinedAt: row.joined_at,
  }));
}

async function peer(peerId: string): Promise<Peer> {
  const reply = await get(fake, `/sessions/peer-report/${peerId}`);
  expect(reply.status).toBe(200);
  // Parsing against the wire schema also holds the reports to the shapes the fake promises.
  const { data } = FlatPeerReportBody.parse(reply.json);
  const { quality, metadata } = data.peer_report;
  return { id: data.id, name: data.display_name, quality, insight: insightOf(quality, metadata) };
}

async function peersOf(sessionId: string): Promise<Peer[]> {
  return Promise.all((await participantIds(sessionId)).map(({ id }) => peer(id)));
}

const describePeer = ({ name, insight }: Peer): string =>
  `${name}: ${insight.verdict} (mos ${String(insight.mos)}) [${[...insight.issues].join(', ')}]`;

describe('the demo session', () => {
  let peers: Peer[];
  beforeAll(async () => {
    elapsed = 0;
    peers = await peersOf(fake.demo.sessionId);
  });

  it('has good, fair and poor calls', () => {
    const verdicts = new Set(peers.map((p) => p.insight.verdict));
    expect([...verdicts].sort(), peers.map(describePeer).join('\n')).toEqual([
      'FAIR',
      'GOOD',
      'POOR',
    ]);
  });

  it('shows every issue kind, and all but high loss as the one issue of a call', () => {
    const seen = new Set(peers.flatMap((p) => [...p.insight.issues]));
    expect([...seen].sort(), peers.map(describePeer).join('\n')).toEqual([...ISSUE_KINDS].sort());
    // One participant per kind: the single-issue calls each show theirs alone; high loss comes with a poor call.
    const alone = new Set(
      peers.flatMap((p) => (p.insight.issues.size === 1 ? [...p.insight.issues] : [])),
    );
    expect([...alone].sort()).toEqual(
      ISSUE_KINDS.filter((kind) => kind !== 'HIGH_PACKET_LOSS').sort(),
    );
    expect(
      peers.some((p) => p.insight.verdict === 'POOR' && p.insight.issues.has('HIGH_PACKET_LOSS')),
    ).toBe(true);
  });

  it('has the demo participant on a good call: no issue, MOS of 4 or more', () => {
    const demo = peers.find((p) => p.id === fake.demo.participantId);
    expect(demo?.insight.verdict).toBe('GOOD');
    expect(demo?.insight.issues.size).toBe(0);
    expect(demo?.insight.mos).toBeGreaterThanOrEqual(4);
  });

  it('derives the fractions the rules read from the samples it sends', () => {
    const share = <T>(items: readonly T[], holds: (item: T) => boolean): number =>
      items.filter(holds).length / Math.max(1, items.length);
    /** Per interval, the percent lost of what was sent (or arrived), from cumulative counters. */
    const lossPct = (lost: readonly number[], total: readonly number[]): number[] =>
      lost.map((value, index) => {
        const intervalLost = value - (lost[index - 1] ?? 0);
        const intervalTotal = (total[index] ?? 0) - (total[index - 1] ?? 0);
        return intervalTotal <= 0 ? 0 : Math.round((intervalLost / intervalTotal) * 10_000) / 100;
      });
    for (const { quality } of peers) {
      const sent = quality.video_producer;
      if (sent.length > 0) {
        const cumulative = quality.video_producer_cumulative;
        const reason = (wanted: string) =>
          share(sent, (sample) => sample.quality_limitation_reason === wanted);
        expect(numberAt(cumulative, 'issues.cpu_quality_limitation_fraction')).toBeCloseTo(
          reason('cpu'),
          3,
        );
        expect(numberAt(cumulative, 'issues.bandwidth_quality_limitation_fraction')).toBeCloseTo(
          reason('bandwidth'),
          3,
        );
        expect(numberAt(cumulative, 'issues.poor_resolution_fraction')).toBeCloseTo(
          share(sent, (sample) => sample.frame_width < 640),
          3,
        );
        expect(numberAt(cumulative, 'rtt.250ms_or_greater_event_fraction')).toBeCloseTo(
          share(sent, (sample) => Math.round(sample.rtt * 10_000) / 10 >= 250),
          3,
        );
        const sentLoss = lossPct(
          sent.map((sample) => sample.packets_lost),
          sent.map((sample) => sample.packets_sent),
        );
        expect(numberAt(cumulative, 'packet_loss.5_or_greater_event_fraction')).toBeCloseTo(
          share(sentLoss, (pct) => pct >= 5),
          3,
        );
      }
      const received = quality.video_consumer;
      const cumulative = quality.video_consumer_cumulative;
      expect(numberAt(cumulative, 'issues.lag_fraction')).toBeCloseTo(
        share(
          received,
          (sample) => sample.frames_per_second < 12 || sample.jitter_buffer_delay >= 250,
        ),
        3,
      );
      expect(numberAt(cumulative, 'issues.poor_resolution_fraction')).toBeCloseTo(
        share(received, (sample) => sample.frame_width < 640),
        3,
      );
      const receivedLoss = lossPct(
        received.map((sample) => sample.packets_lost),
        received.map((sample) => sample.packets_lost + sample.packets_received),
      );
      expect(numberAt(cumulative, 'packet_loss.5_or_greater_event_fraction')).toBeCloseTo(
        share(receivedLoss, (pct) => pct >= 5),
        3,
      );
    }
  });
});

describe('the demo, large and LIVE sessions', () => {
  let sessions: { label: string; peers: Peer[] }[];
  beforeAll(async () => {
    elapsed = 0;
    const { sessionId, largeSessionId, liveSessionId } = fake.demo;
    sessions = await Promise.all(
      [
        ['demo', sessionId],
        ['large', largeSessionId],
        ['live', liveSessionId],
      ].map(async ([label = '', id = '']) => ({ label, peers: await peersOf(id) })),
    );
  });

  it('give audio and video figures of their own, for everyone who has both', () => {
    let compared = 0;
    for (const { label, peers } of sessions) {
      for (const { name, quality } of peers) {
        const pairs = [
          [
            quality.audio_producer_cumulative,
            quality.video_producer_cumulative,
            ['quality_mos', 'packet_loss', 'rtt'],
          ],
          [
            quality.audio_consumer_cumulative,
            quality.video_consumer_cumulative,
            ['quality_mos', 'packet_loss', 'jitter_buffer_delay'],
          ],
        ] as const;
        for (const [audio, video, blocks] of pairs) {
          if (Object.keys(audio).length === 0 || Object.keys(video).length === 0) continue;
          compared += 1;
          for (const block of blocks) {
            expect(at(audio, block), `${label} ${name}: ${block}`).toBeDefined();
            expect(at(video, block), `${label} ${name}: ${block}`).not.toEqual(at(audio, block));
          }
        }
      }
    }
    // Not vacuous: nearly everyone sends both and everyone receives both.
    expect(compared).toBeGreaterThan(100);
  });

  it('each mix good calls with others', () => {
    for (const { label, peers } of sessions) {
      const verdicts = new Set(peers.map((p) => p.insight.verdict));
      expect(verdicts.has('GOOD'), label).toBe(true);
      expect(verdicts.size, label).toBeGreaterThan(1);
    }
  });
});

describe('a peer who has just joined a LIVE session', () => {
  it('has no sample yet, so no MOS: UNKNOWN, and a verdict once its first sample is in', async () => {
    elapsed = 0;
    const { liveSessionId } = fake.demo;
    const atStart = new Set((await participantIds(liveSessionId)).map(({ id }) => id));
    elapsed = 10 * 60_000;
    const joiner = (await participantIds(liveSessionId)).find(({ id }) => !atStart.has(id));
    if (joiner === undefined) throw new Error('nobody joined in 10 minutes');
    // The first tick that sees the joiner comes less than one sample interval after its join.
    const firstTick = Math.ceil((Date.parse(joiner.joinedAt) - START_MS) / SAMPLE_INTERVAL_MS);
    elapsed = firstTick * SAMPLE_INTERVAL_MS;
    const fresh = await peer(joiner.id);
    expect(fresh.quality.audio_consumer).toEqual([]);
    expect(fresh.insight.verdict).toBe('UNKNOWN');
    elapsed = (firstTick + 1) * SAMPLE_INTERVAL_MS;
    expect((await peer(joiner.id)).insight.verdict).not.toBe('UNKNOWN');
  });
});
