/**
 * Call-quality insights through GraphQL, against the fake: what they fetch (the sections they
 * need, merged with the rest of the operation), that every route to a call judges it alike, and
 * what an overview costs and counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { participantIds } from '../support/calls.js';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import { startHarness } from '../support/harness.js';
import { openSse } from '../support/live.js';
import type { Harness } from '../support/harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const INSIGHTS =
  'insights { verdict audioMos issues { kind media direction value threshold description } }';

interface Insights {
  readonly verdict: string;
  readonly audioMos: number | null;
  readonly issues: readonly { readonly kind: string; readonly value: number }[];
}

describe('insights', () => {
  it("fetch only a peer report's quality and connection sections, merged with the operation's", async () => {
    const { participantId } = h.fake.demo;
    h.fake.resetCalls();
    const { body } = await h.query(`{ peerReport(peerId: "${participantId}") { ${INSIGHTS} } }`);
    expect(body.errors).toBeUndefined();
    expect(h.fake.calls.map((call) => call.query)).toEqual([
      { filters: 'precall_network_information,quality_stats' },
    ]);
    h.fake.resetCalls();
    const merged = await h.query(
      `{ peerReport(peerId: "${participantId}") { ${INSIGHTS} metadata { deviceInfo { os } } } }`,
    );
    expect(merged.body.errors).toBeUndefined();
    expect(h.fake.calls.map((call) => call.query)).toEqual([
      { filters: 'device_info,precall_network_information,quality_stats' },
    ]);
  });

  it('judge a call alike from the participant, from its peer report, and in a page', async () => {
    const { sessionId } = h.fake.demo;
    const ids = await participantIds(h.fake, DEMO_TOKEN, sessionId);
    const page = await h.query(
      `{ session(sessionId: "${sessionId}") { participants(perPage: 100) { items { id ${INSIGHTS} } } } }`,
    );
    expect(page.body.errors).toBeUndefined();
    const items = (
      page.body.data as {
        session: { participants: { items: { id: string; insights: Insights | null }[] } };
      }
    ).session.participants.items;
    expect(items.map((item) => item.id)).toEqual(ids);
    for (const item of items.slice(0, 3)) {
      const direct = await h.query(
        `{ participant(sessionId: "${sessionId}", participantId: "${item.id}") { ${INSIGHTS} } peerReport(peerId: "${item.id}") { ${INSIGHTS} } }`,
      );
      expect(direct.body.errors).toBeUndefined();
      const data = direct.body.data as {
        participant: { insights: Insights };
        peerReport: { insights: Insights };
      };
      expect(data.participant.insights).toEqual(item.insights);
      expect(data.peerReport.insights).toEqual(item.insights);
    }
  });

  it('time-line a call in bounded buckets, and refuse a bucket size that would make too many', async () => {
    const { participantId } = h.fake.demo;
    h.fake.resetCalls();
    const { body } = await h.query(
      `{ peerReport(peerId: "${participantId}") { joinedAt qualityTimeline(bucketSeconds: 60) { from to audioMos packetLoss rtt videoFps } } }`,
    );
    expect(body.errors).toBeUndefined();
    // The series are asked for with the quality section only.
    expect(h.fake.calls.map((call) => call.query)).toEqual([{ filters: 'quality_stats' }]);
    const report = (
      body.data as {
        peerReport: {
          joinedAt: string;
          qualityTimeline: { from: string; to: string; audioMos: number | null }[];
        };
      }
    ).peerReport;
    const buckets = report.qualityTimeline;
    expect(buckets.length).toBeGreaterThan(1);
    expect(buckets[0]?.from).toBe(new Date(report.joinedAt).toISOString());
    buckets.forEach((bucket, index) => {
      expect(Date.parse(bucket.to) - Date.parse(bucket.from)).toBe(60_000);
      if (index > 0) expect(bucket.from).toBe(buckets[index - 1]?.to);
    });
    expect(buckets.some((bucket) => bucket.audioMos !== null)).toBe(true);

    const refused = await h.query(
      `{ peerReport(peerId: "${participantId}") { qualityTimeline(bucketSeconds: 0) { from } } session: __typename }`,
    );
    expect(refused.body.errors?.map((error) => error.extensions?.['code'])).toEqual([
      'BAD_USER_INPUT',
    ]);
    // Its sibling still resolves.
    expect(refused.body.data).toEqual({ peerReport: null, session: 'Query' });
  });
});

describe('insights in a subscription', () => {
  it("come with a peer report's events, fetched with the report's sections", async () => {
    const { participantId } = h.fake.demo;
    const direct = await h.query(`{ peerReport(peerId: "${participantId}") { ${INSIGHTS} } }`);
    h.fake.resetCalls();
    const stream = await openSse(
      h.url,
      `subscription { peerReportUpdates(peerId: "${participantId}") { ${INSIGHTS} } }`,
      DEMO_TOKEN,
    );
    try {
      const first = await stream.next();
      expect(first.data?.data).toEqual({
        peerReportUpdates: (direct.body.data as { peerReport: unknown }).peerReport,
      });
      // The demo participant has left: its report grows no more, so the stream completes.
      expect(await stream.next()).toEqual({ complete: true });
      expect(h.fake.calls.map((call) => call.query)).toEqual([
        { filters: 'precall_network_information,quality_stats' },
      ]);
    } finally {
      await stream.close().catch(() => undefined);
    }
  });
});

describe('a session quality overview', () => {
  it('reads each participant once, counts every verdict, and lists the worst first', async () => {
    const { sessionId } = h.fake.demo;
    const ids = await participantIds(h.fake, DEMO_TOKEN, sessionId);
    // Small enough for one page of 30 and the call budget, so the overview covers all of it.
    expect(ids.length).toBeLessThanOrEqual(30);
    const { body } = await h.query(
      `{ session(sessionId: "${sessionId}") { qualityOverview(limit: 30, worst: 3) {
          analysed unavailable complete good fair poor unknown
          worst { id insights { audioMos verdict } }
          commonIssues { kind participants }
        } participants(perPage: 30) { items { insights { verdict issues { kind } } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const session = (
      body.data as {
        session: {
          qualityOverview: {
            analysed: number;
            unavailable: number;
            complete: boolean;
            good: number;
            fair: number;
            poor: number;
            unknown: number;
            worst: { id: string; insights: { audioMos: number; verdict: string } }[];
            commonIssues: { kind: string; participants: number }[];
          };
          participants: {
            items: { insights: { verdict: string; issues: { kind: string }[] } }[];
          };
        };
      }
    ).session;
    const overview = session.qualityOverview;
    const verdicts = session.participants.items.map((item) => item.insights.verdict);
    expect(overview).toMatchObject({
      analysed: ids.length,
      unavailable: 0,
      complete: true,
      good: verdicts.filter((verdict) => verdict === 'GOOD').length,
      fair: verdicts.filter((verdict) => verdict === 'FAIR').length,
      poor: verdicts.filter((verdict) => verdict === 'POOR').length,
      unknown: verdicts.filter((verdict) => verdict === 'UNKNOWN').length,
    });
    const mos = overview.worst.map((worst) => worst.insights.audioMos);
    expect(mos).toEqual([...mos].sort((a, b) => a - b));
    expect(overview.worst.length).toBe(Math.min(3, ids.length));
    for (const { kind, participants } of overview.commonIssues) {
      expect(participants).toBe(
        session.participants.items.filter((item) =>
          item.insights.issues.some((found) => found.kind === kind),
        ).length,
      );
    }
    // The overview's list and the page are the same list call (30 per page, page 1), and each
    // participant's report is one call they share.
    const reports = h.fake.calls.filter((call) => call.endpoint === 'peerReport');
    expect(reports).toHaveLength(ids.length);
    expect(new Set(reports.map((call) => call.path)).size).toBe(ids.length);
    expect(h.fake.calls.filter((call) => call.endpoint === 'participants')).toHaveLength(1);
  });

  it('is refused before any call when its estimate is over the budget', async () => {
    const { sessionId } = h.fake.demo;
    h.fake.resetCalls();
    const { body } = await h.query(
      `{ session(sessionId: "${sessionId}") { qualityOverview(limit: 500) { analysed } } }`,
    );
    expect(body.errors?.map((error) => error.extensions?.['code'])).toEqual([
      'UPSTREAM_BUDGET_EXCEEDED',
    ]);
    expect(h.fake.calls).toEqual([]);
  });
});
