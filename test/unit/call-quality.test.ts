/**
 * The call-quality insights (src/insights/): every issue kind at, below and above its threshold,
 * the verdict's MOS bands, the order of issues, timelines and overviews. Reports are read from
 * wire-shaped bodies by the gateway's own reader, as an upstream answer would be.
 */
import { describe, expect, it } from 'vitest';
import {
  GOOD_FROM_MOS,
  ISSUE_THRESHOLDS,
  MAX_BUCKETS,
  POOR_BELOW_MOS,
  insightsOf,
  timelineOf,
} from '../../src/insights/call-quality.js';
import type { QualityIssueKind } from '../../src/insights/call-quality.js';
import { overviewArguments, overviewOf } from '../../src/insights/overview.js';
import { rereadBody } from '../../src/upstream/client.js';
import type { PeerReportRecord } from '../../src/upstream/peer-report-record.js';

type Json = Record<string, unknown>;

const JOINED = '2026-11-30T10:00:00.000Z';

/** A peer report as upstream sends it (version B, flat in `data`), with these quality keys. */
function report(quality: Json | null, metadata: Json = {}): PeerReportRecord {
  const body = {
    success: true,
    data: {
      id: '0f6f3e0e-5b7c-4c1e-9a43-3d1f8f7a2b10',
      display_name: 'Ada',
      joined_at: JOINED,
      left_at: '2026-11-30T10:30:00.000Z',
      peer_report: { metadata, quality },
    },
  };
  return rereadBody.peerReport(JSON.stringify(body), { series: true });
}

/** A clean audio cumulative with this MOS average. */
const audio = (mos: number, extra: Json = {}): Json => ({
  quality_mos: { avg: mos, p50: mos, p75: mos, p90: mos },
  packet_loss: { avg: 0, '5_or_greater_event_fraction': 0 },
  rtt: { avg: 40, '250ms_or_greater_event_fraction': 0 },
  ...extra,
});

const video = (issues: Json, extra: Json = {}): Json => ({
  quality_mos: { avg: 4.4 },
  packet_loss: { '5_or_greater_event_fraction': 0 },
  rtt: { '250ms_or_greater_event_fraction': 0 },
  issues,
  ...extra,
});

const clean = { audio_producer_cumulative: audio(4.3), audio_consumer_cumulative: audio(4.2) };

/** Each kind, where it is read, with a cumulative that puts `value` there. */
const KINDS: readonly {
  readonly kind: Exclude<QualityIssueKind, 'RELAY_ONLY'>;
  readonly media: 'AUDIO' | 'VIDEO';
  readonly direction: 'SENDING' | 'RECEIVING';
  readonly quality: (value: number) => Json;
}[] = [
  {
    kind: 'HIGH_PACKET_LOSS',
    media: 'AUDIO',
    direction: 'SENDING',
    quality: (value) => ({
      ...clean,
      audio_producer_cumulative: audio(4.3, {
        packet_loss: { '5_or_greater_event_fraction': value },
      }),
    }),
  },
  {
    kind: 'HIGH_LATENCY',
    media: 'VIDEO',
    direction: 'RECEIVING',
    quality: (value) => ({
      ...clean,
      video_consumer_cumulative: video({}, { rtt: { '250ms_or_greater_event_fraction': value } }),
    }),
  },
  {
    kind: 'CPU_LIMITED',
    media: 'VIDEO',
    direction: 'SENDING',
    quality: (value) => ({
      ...clean,
      video_producer_cumulative: video({ cpu_quality_limitation_fraction: value }),
    }),
  },
  {
    kind: 'BANDWIDTH_LIMITED',
    media: 'VIDEO',
    direction: 'SENDING',
    quality: (value) => ({
      ...clean,
      video_producer_cumulative: video({ bandwidth_quality_limitation_fraction: value }),
    }),
  },
  {
    kind: 'POOR_RESOLUTION',
    media: 'VIDEO',
    direction: 'RECEIVING',
    quality: (value) => ({
      ...clean,
      video_consumer_cumulative: video({ poor_resolution_fraction: value }),
    }),
  },
  {
    kind: 'VIDEO_LAG',
    media: 'VIDEO',
    direction: 'RECEIVING',
    quality: (value) => ({ ...clean, video_consumer_cumulative: video({ lag_fraction: value }) }),
  },
];

describe('call-quality issues', () => {
  it.each(KINDS)('$kind: absent below its threshold, present at and above it', (entry) => {
    const threshold = ISSUE_THRESHOLDS[entry.kind];
    const below = insightsOf(report(entry.quality(threshold - 0.01)));
    expect(below).toEqual({ verdict: 'GOOD', audioMos: 4.2, issues: [] });
    for (const value of [threshold, threshold + 0.15]) {
      const found = insightsOf(report(entry.quality(value)));
      expect(found?.issues).toEqual([
        {
          kind: entry.kind,
          media: entry.media,
          direction: entry.direction,
          value,
          threshold,
          description: expect.stringContaining(`${String(Math.round(value * 100))}%`) as unknown,
        },
      ]);
      // A good MOS with an issue is FAIR.
      expect(found?.verdict).toBe('FAIR');
    }
  });

  it('RELAY_ONLY: a connection that reached only a relay, and nothing short of that', () => {
    const pc = (relay: boolean, reflexive: boolean) =>
      report(clean, {
        pc_metadata: [
          { relay_connectivity: true, reflexive_connectivity: true },
          { relay_connectivity: relay, reflexive_connectivity: reflexive },
        ],
      });
    expect(insightsOf(pc(true, false))?.issues).toEqual([
      {
        kind: 'RELAY_ONLY',
        media: 'NETWORK',
        direction: null,
        value: 1,
        threshold: 1,
        description: 'media could only reach the call through a TURN relay (network)',
      },
    ]);
    expect(insightsOf(pc(true, true))?.issues).toEqual([]);
    expect(insightsOf(pc(false, false))?.issues).toEqual([]);
  });

  it('lists one issue per kind, media and direction, the furthest past its threshold first', () => {
    const insights = insightsOf(
      report({
        audio_producer_cumulative: audio(4.5, {
          packet_loss: { '5_or_greater_event_fraction': 0.12 },
        }),
        audio_consumer_cumulative: audio(4.5, {
          packet_loss: { '5_or_greater_event_fraction': 0.3 },
        }),
        video_producer_cumulative: video({
          cpu_quality_limitation_fraction: 0.5,
          bandwidth_quality_limitation_fraction: 0.21,
        }),
        screenshare_video_consumer_cumulative: video({ lag_fraction: 0.9 }),
      }),
    );
    expect(
      insights?.issues.map(({ kind, media, direction }) => `${kind} ${media} ${String(direction)}`),
    ).toEqual([
      'VIDEO_LAG SCREENSHARE RECEIVING', // 9×
      'HIGH_PACKET_LOSS AUDIO RECEIVING', // 3×
      'CPU_LIMITED VIDEO SENDING', // 2.5×
      'HIGH_PACKET_LOSS AUDIO SENDING', // 1.2×
      'BANDWIDTH_LIMITED VIDEO SENDING', // 1.05×
    ]);
  });
});

describe('the verdict', () => {
  const withMos = (producer: number | null, consumer: number | null) =>
    insightsOf(
      report({
        audio_producer_cumulative: producer === null ? {} : audio(producer),
        audio_consumer_cumulative: consumer === null ? {} : audio(consumer),
      }),
    );

  it('rests on the lowest audio MOS average, on the ITU-T G.107 bands', () => {
    expect(POOR_BELOW_MOS).toBe(3.1);
    expect(GOOD_FROM_MOS).toBe(4.0);
    expect(withMos(4.4, 4.0)).toEqual({ verdict: 'GOOD', audioMos: 4.0, issues: [] });
    expect(withMos(4.4, 3.99)?.verdict).toBe('FAIR');
    expect(withMos(3.1, 4.4)).toMatchObject({ verdict: 'FAIR', audioMos: 3.1 });
    expect(withMos(3.09, 4.4)).toMatchObject({ verdict: 'POOR', audioMos: 3.09 });
    expect(withMos(null, 2.5)).toMatchObject({ verdict: 'POOR', audioMos: 2.5 });
  });

  it('is UNKNOWN without an audio MOS, and there are no insights without quality', () => {
    expect(withMos(null, null)).toEqual({ verdict: 'UNKNOWN', audioMos: null, issues: [] });
    // Video alone says nothing about the audio MOS the verdict rests on.
    expect(
      insightsOf(report({ video_producer_cumulative: video({ poor_resolution_fraction: 0.5 }) })),
    ).toMatchObject({ verdict: 'UNKNOWN', audioMos: null });
    expect(insightsOf(report(null))).toBeNull();
  });

  it('skips a leaf upstream sent with the wrong type, judging the rest', () => {
    expect(
      insightsOf(
        report({
          audio_producer_cumulative: audio(4.5, {
            packet_loss: { '5_or_greater_event_fraction': 'lots' },
          }),
          audio_consumer_cumulative: { quality_mos: { avg: 'bad' } },
        }),
      ),
    ).toEqual({ verdict: 'GOOD', audioMos: 4.5, issues: [] });
  });
});

describe('quality timelines', () => {
  const at = (seconds: number) => new Date(Date.parse(JOINED) + seconds * 1000).toISOString();
  const sample = (seconds: number, fields: Json) => ({ timestamp: at(seconds), ...fields });
  const timeline = report({
    audio_producer: [
      sample(5, { mos_quality: 4, packets_lost: 10, packets_sent: 1000, rtt: 0.05 }),
      sample(12, { mos_quality: 3, packets_lost: 30, packets_sent: 2000, rtt: 0.15 }),
      sample(65, { mos_quality: 2, packets_lost: 30, packets_sent: 3000, rtt: 0.1 }),
    ],
    audio_consumer: [sample(20, { mos_quality: 5, packets_lost: 0, packets_received: 100 })],
    video_producer: [sample(6, { frames_per_second: 30, rtt: 0.08 })],
  });

  it("buckets the samples from the peer's join time, with the averages of each", () => {
    const buckets = timelineOf(timeline, 30);
    expect(buckets).toEqual([
      {
        from: at(0),
        to: at(30),
        // 4, 3 (sent) and 5 (received).
        audioMos: 4,
        // Sent: 10 of 1000 = 1%, then 20 of 1000 = 2%; received: 0 of 100.
        packetLoss: 1,
        // 50 ms, 150 ms (audio) and 80 ms (video).
        rtt: (50 + 150 + 80) / 3,
        videoFps: 30,
      },
      { from: at(30), to: at(60), audioMos: null, packetLoss: null, rtt: null, videoFps: null },
      { from: at(60), to: at(90), audioMos: 2, packetLoss: 0, rtt: 100, videoFps: null },
    ]);
  });

  it(`makes at most ${String(MAX_BUCKETS)} buckets, and refuses a size that would make more`, () => {
    // 65 s of samples: 66 one-second buckets.
    expect(timelineOf(timeline, 1)).toHaveLength(66);
    const long = report({
      audio_producer: [sample(0, { mos_quality: 4 }), sample(600, { mos_quality: 4 })],
    });
    expect(timelineOf(long, 2)).toHaveLength(301);
    expect(() => timelineOf(long, 1)).toThrow(
      expect.objectContaining({
        message: expect.stringContaining('ask for 2 or more') as unknown as string,
        extensions: { code: 'BAD_USER_INPUT' },
      }) as Error,
    );
    expect(() => timelineOf(timeline, 0)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }) as Error,
    );
    expect(timelineOf(report(null), 30)).toEqual([]);
  });
});

describe('quality overviews', () => {
  const judged = (name: string, mos: number | null, issues: Json = {}) => ({
    participant: name,
    report: report({
      audio_producer_cumulative: mos === null ? {} : audio(mos),
      ...issues,
    }),
  });

  it('counts verdicts, lists the worst by audio MOS, and ranks issue kinds', () => {
    const lossy = {
      video_consumer_cumulative: video({ lag_fraction: 0.5, poor_resolution_fraction: 0.5 }),
    };
    const overview = overviewOf(
      [
        judged('good', 4.5),
        judged('fair', 3.5),
        judged('poor', 2.0),
        judged('fair-by-issues', 4.5, lossy),
        judged('also-poor', 2.0, lossy),
        judged('silent', null),
        { participant: 'unreadable', report: undefined },
      ],
      3,
      7,
    );
    expect(overview).toEqual({
      analysed: 6,
      unavailable: 1,
      complete: false,
      good: 1,
      fair: 2,
      poor: 2,
      unknown: 1,
      // Ties in MOS: more issues first.
      worst: ['also-poor', 'poor', 'fair'],
      commonIssues: [
        { kind: 'POOR_RESOLUTION', participants: 2 },
        { kind: 'VIDEO_LAG', participants: 2 },
      ],
    });
    expect(overviewOf([judged('good', 4.5)], 5, 1).complete).toBe(true);
    expect(overviewOf([judged('good', 4.5)], 5, 2).complete).toBe(false);
  });

  it('refuses a limit or worst out of range before any call', () => {
    expect(() => {
      overviewArguments(0, 5);
    }).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }) as Error);
    expect(() => {
      overviewArguments(1001, 5);
    }).toThrow(/limit must be from 1 to 1000/);
    expect(() => {
      overviewArguments(100, 101);
    }).toThrow(/worst must be from 0 to 100/);
    expect(() => {
      overviewArguments(1000, 0);
    }).not.toThrow();
  });
});
