import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from '../../src/fake-upstream/index.js';
import { appPrefix, callSummary, participantIds } from '../support/calls.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

let harness: Harness;
let prefix: string;
let sessionId: string;
let peerId: string;

beforeAll(async () => {
  harness = await startHarness();
  prefix = appPrefix(harness.fake);
  ({ sessionId, participantId: peerId } = harness.fake.demo);
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => {
  harness.fake.resetCalls();
  harness.fake.setVersion('default');
});

const participantCall = (query: Record<string, string>, id = peerId) => ({
  method: 'GET',
  path: `${prefix}/sessions/${sessionId}/participants/${id}`,
  query,
});
const peerReportCall = (query: Record<string, string>, id = peerId) => ({
  method: 'GET',
  path: `${prefix}/sessions/peer-report/${id}`,
  query,
});

async function run(query: string, variables?: Record<string, unknown>) {
  const { body } = await harness.query(query, variables ? { variables } : {});
  expect(body.errors).toBeUndefined();
  return body.data ?? {};
}

const P = () => `participant(sessionId: "${sessionId}", participantId: "${peerId}")`;
const R = () => `peerReport(peerId: "${peerId}")`;

describe('field selection is pushed down into `filters`', () => {
  it('asks for a single section', async () => {
    await run(`{ ${P()} { displayName peerStats { deviceInfo { browser os } } } }`);
    expect(callSummary(harness.fake)).toEqual([participantCall({ filters: 'device_info' })]);
  });

  it('asks a peer report for a single section', async () => {
    const data = await run(
      `{ ${R()} { displayName metadata { ipInformation { city asn { name } } } } }`,
    );
    expect(callSummary(harness.fake)).toEqual([peerReportCall({ filters: 'ip_information' })]);
    expect(data).toMatchObject({
      peerReport: { metadata: { ipInformation: { city: expect.any(String) as unknown } } },
    });
  });

  it('asks for the smallest section when only basic fields are selected', async () => {
    await run(`{ ${P()} { displayName duration } }`);
    expect(callSummary(harness.fake)).toEqual([participantCall({ filters: 'events' })]);
  });

  it('asks for everything when a field no filter covers is selected', async () => {
    await run(`{ ${P()} { peerStats { status } } }`);
    expect(callSummary(harness.fake)).toEqual([participantCall({})]);
  });

  it('makes one call with the union of sections across aliases', async () => {
    await run(`{
      a: ${P()} { peerStats { deviceInfo { os } } }
      b: ${P()} { qualityStats { averageQuality } }
      c: ${P()} { peerStats { ipInformation { country } } }
    }`);
    expect(callSummary(harness.fake)).toEqual([
      participantCall({ filters: 'device_info,ip_information,quality_stats' }),
    ]);
  });

  it('handles named fragments, inline fragments and variables', async () => {
    const query = `query ($s: ID!, $p: ID!, $withQuality: Boolean!) {
      participant(sessionId: $s, participantId: $p) {
        ...Network
        ... on Participant { qualityStats @include(if: $withQuality) { averageQuality } }
      }
    }
    fragment Network on Participant { peerStats { precallNetworkInformation { rtt } } }`;
    await run(query, { s: sessionId, p: peerId, withQuality: true });
    await run(query, { s: sessionId, p: peerId, withQuality: false });
    expect(callSummary(harness.fake)).toEqual([
      participantCall({ filters: 'precall_network_information,quality_stats' }),
      participantCall({ filters: 'precall_network_information' }),
    ]);
  });

  it('sends include_peer_events only when peer events are selected', async () => {
    const data = await run(`{ ${R()} { peerEvents { eventName createdAt } } }`);
    await run(`{ ${R()} { displayName } }`);
    expect(callSummary(harness.fake)).toEqual([
      peerReportCall({ filters: 'events', include_peer_events: 'true' }),
      peerReportCall({ filters: 'events' }),
    ]);
    expect((data.peerReport as { peerEvents: unknown[] }).peerEvents.length).toBeGreaterThan(0);
  });
});

describe('links between participants and peer reports', () => {
  it('participant → peer report: one call each, each with its own sections', async () => {
    await run(
      `{ ${P()} { qualityStats { averageQuality } peerReport { quality { audio { producerCumulative { __typename } } } } } }`,
    );
    expect(callSummary(harness.fake)).toEqual([
      participantCall({ filters: 'quality_stats' }),
      peerReportCall({ filters: 'quality_stats' }),
    ]);
  });

  it('peer report → participant: one call each', async () => {
    const data = await run(
      `{ ${R()} { metadata { events { name } } participant { id sessionId peerStats { events { type } } } } }`,
    );
    expect(callSummary(harness.fake)).toEqual([
      peerReportCall({ filters: 'events' }),
      participantCall({ filters: 'events' }),
    ]);
    expect(data).toMatchObject({ peerReport: { participant: { id: peerId, sessionId } } });
  });

  it('both directions in one query: still one call per resource', async () => {
    await run(`{
      ${P()} { qualityStats { end } peerReport { quality { video { consumer { timestamp } } } } }
      ${R()} { metadata { deviceInfo { os } } participant { peerStats { deviceInfo { os } } } }
    }`);
    expect(callSummary(harness.fake)).toEqual([
      participantCall({ filters: 'device_info,quality_stats' }),
      peerReportCall({ filters: 'device_info,quality_stats' }),
    ]);
  });

  it('cycles that only ask for basic fields cost nothing extra', async () => {
    const data = await run(
      `{ ${P()} { displayName peerReport { presetName participant { displayName peerReport { id } } } } }`,
    );
    expect(callSummary(harness.fake)).toEqual([participantCall({ filters: 'events' })]);
    const participant = data.participant as {
      displayName: string;
      peerReport: { participant: { displayName: string } };
    };
    expect(participant.peerReport.participant.displayName).toBe(participant.displayName);
  });
});

describe('sessions', () => {
  it('lists a page of 30 participants with their peer-report quality: 1 list call + 30 peer calls', async () => {
    const largeSessionId = harness.fake.demo.largeSessionId;
    const ids = (await participantIds(harness.fake, DEMO_TOKEN, largeSessionId)).slice(0, 30);
    expect(ids).toHaveLength(30);
    const data = await run(`{
      session(sessionId: "${largeSessionId}") {
        participants(perPage: 30) {
          paging { totalCount startOffset endOffset pageNo perPage }
          items { id displayName peerReport { quality { audio { producerCumulative { __typename } } } } }
        }
      }
    }`);
    const calls = callSummary(harness.fake);
    expect(calls[0]).toEqual({
      method: 'GET',
      path: `${prefix}/sessions/${largeSessionId}/participants`,
      query: { page_no: '1', per_page: '30' },
    });
    expect(calls.slice(1).sort((a, b) => a.path.localeCompare(b.path))).toEqual(
      ids
        .map((id) => peerReportCall({ filters: 'quality_stats' }, id))
        .sort((a, b) => a.path.localeCompare(b.path)),
    );
    const page = (data.session as { participants: { paging: unknown; items: { id: string }[] } })
      .participants;
    expect(page.items.map((item) => item.id)).toEqual(ids);
    expect(page.paging).toEqual({
      totalCount: 42,
      startOffset: 1,
      endOffset: 30,
      pageNo: 1,
      perPage: 30,
    });
  });

  it('answers basic participant fields from the list alone', async () => {
    await run(
      `{ session(sessionId: "${sessionId}") { participants(sortBy: DURATION, sortOrder: DESC, search: "a", view: CONSOLIDATED) { items { displayName duration } } } }`,
    );
    expect(callSummary(harness.fake)).toEqual([
      {
        method: 'GET',
        path: `${prefix}/sessions/${sessionId}/participants`,
        query: {
          page_no: '1',
          per_page: '20',
          sort_by: 'duration',
          sort_order: 'DESC',
          search: 'a',
          view: 'consolidated',
        },
      },
    ]);
  });

  it('fetches the session itself once, only when its fields are selected', async () => {
    const data = await run(
      `{ session(sessionId: "${sessionId}") { id status meetingDisplayName a: minutesConsumed breakoutRooms { id } } }`,
    );
    expect(callSummary(harness.fake)).toEqual([
      {
        method: 'GET',
        path: `${prefix}/sessions/${sessionId}`,
        query: { include_breakout_rooms: 'true' },
      },
    ]);
    expect(data).toMatchObject({
      session: {
        id: sessionId,
        status: 'ENDED',
        meetingDisplayName: expect.any(String) as unknown,
      },
    });
  });

  it('lists sessions with filters, and answers their fields without further calls', async () => {
    const data = await run(`{
      sessions(status: ENDED, sortBy: MINUTES_CONSUMED, sortOrder: DESC, perPage: 3) {
        paging { totalCount pageNo perPage }
        items { id status minutesConsumed startedAt endedAt }
      }
    }`);
    expect(callSummary(harness.fake)).toEqual([
      {
        method: 'GET',
        path: `${prefix}/sessions`,
        query: {
          page_no: '1',
          per_page: '3',
          status: 'ENDED',
          sort_by: 'minutesConsumed',
          sort_order: 'DESC',
        },
      },
    ]);
    const items = (
      data.sessions as {
        items: { status: string; minutesConsumed: number; endedAt: string | null }[];
      }
    ).items;
    expect(items).toHaveLength(3);
    expect(items.every((session) => session.status === 'ENDED' && session.endedAt !== null)).toBe(
      true,
    );
    const minutes = items.map((session) => session.minutesConsumed);
    expect(minutes).toEqual([...minutes].sort((a, b) => b - a));
  });
});

describe('upstream spec versions A–D', () => {
  it.each(['default', 'A', 'B', 'C', 'D'] as const)(
    'version %s: peer report and participant read the same',
    async (version) => {
      harness.fake.setVersion(version);
      const data = await run(`{
      ${R()} { id sessionId presetName displayName metadata { deviceInfo { os } } quality { audio { producer { timestamp } } } }
      ${P()} { id presetName displayName peerStats { precallNetworkInformation { throughput } } qualityStats { averageQuality } }
    }`);
      const report = data.peerReport as Record<string, unknown> & {
        metadata: { deviceInfo: { os: string } };
      };
      const participant = data.participant as Record<string, unknown> & {
        peerStats: { precallNetworkInformation: { throughput: number } } | null;
        qualityStats: unknown[] | null;
      };
      expect(report).toMatchObject({
        id: peerId,
        sessionId,
        presetName: participant.presetName,
        displayName: participant.displayName,
      });
      expect(report.presetName).toEqual(expect.stringMatching(/^(group_call|webinar)_/));
      expect(report.metadata.deviceInfo.os).toEqual(expect.any(String));
      expect(callSummary(harness.fake)).toEqual([
        peerReportCall({ filters: 'device_info,quality_stats' }),
        participantCall({ filters: 'precall_network_information,quality_stats' }),
      ]);
      if (version === 'D') {
        expect(participant.peerStats).toBeNull();
        expect(participant.qualityStats).toBeNull();
      } else {
        expect(participant.peerStats?.precallNetworkInformation.throughput).toEqual(
          expect.any(Number),
        );
        expect(participant.qualityStats?.length).toBeGreaterThan(0);
      }
    },
  );
});

describe('docs/querying.md', () => {
  it('"How it fetches" shows the calls its query really makes', async () => {
    const page = readFileSync(new URL('../../docs/querying.md', import.meta.url), 'utf8');
    const start = page.indexOf('\n## How it fetches\n');
    if (start === -1) throw new Error('docs/querying.md has no "## How it fetches" section');
    const section = page.slice(start);
    const query = /```graphql\n([\s\S]*?)```/.exec(section)?.[1];
    const shown = /makes exactly two upstream calls:\n\n```\n([\s\S]*?)```/.exec(section)?.[1];
    if (query === undefined || shown === undefined) throw new Error('no query or no calls shown');
    await run(query);
    const expected = shown
      .trim()
      .split('\n')
      .map((line) => ({
        peerReport: line.includes('/peer-report/'),
        filters: new URL(line.replace(/^GET …/, 'http://x')).searchParams.get('filters'),
      }));
    expect(
      harness.fake.calls.map((call) => ({
        peerReport: call.endpoint === 'peerReport',
        filters: call.query.filters ?? null,
      })),
    ).toEqual(expected);
  });
});

describe('failures stay on their own fields', () => {
  const UNKNOWN = '00000000-0000-4000-8000-00000000beef';

  it('an unknown peer report, session and participant list fail alone', async () => {
    const { body } = await harness.query(`{
      missing: peerReport(peerId: "${UNKNOWN}") { id quality { audio { producer { timestamp } } } }
      gone: session(sessionId: "${UNKNOWN}") { id status participants { items { id } } }
      ok: peerReport(peerId: "${peerId}") { id }
    }`);
    expect(body.data).toEqual({
      missing: null,
      gone: { id: UNKNOWN, status: null, participants: null },
      ok: { id: peerId },
    });
    expect(body.errors?.map(({ path, extensions }) => ({ path, code: extensions?.code }))).toEqual(
      expect.arrayContaining([
        { path: ['missing'], code: 'NOT_FOUND' },
        { path: ['gone', 'status'], code: 'NOT_FOUND' },
        { path: ['gone', 'participants'], code: 'NOT_FOUND' },
      ]),
    );
    expect(body.errors).toHaveLength(3);
  });

  it('a peer report that fails upstream leaves the participant beside it intact', async () => {
    harness.fake.injectFault({ match: { endpoint: 'peerReport' }, status: 503 });
    try {
      const { body } = await harness.query(
        `{ ${P()} { displayName qualityStats { averageQuality } peerReport { quality { audio { producer { timestamp } } } } } }`,
      );
      expect(
        body.errors?.map(({ path, extensions }) => ({ path, code: extensions?.code })),
      ).toEqual([{ path: ['participant', 'peerReport', 'quality'], code: 'UPSTREAM_UNAVAILABLE' }]);
      expect(body.data).toMatchObject({
        participant: { displayName: expect.any(String) as unknown, peerReport: { quality: null } },
      });
    } finally {
      harness.fake.clearFaults();
    }
  });

  it('rejects bad list arguments before any upstream call', async () => {
    const { body } = await harness.query(`{ sessions(perPage: 500) { items { id } } }`);
    expect(
      body.errors?.map(({ message, extensions }) => ({ message, code: extensions?.code })),
    ).toEqual([{ message: 'Argument "perPage" must be from 1 to 100.', code: 'BAD_USER_INPUT' }]);
    expect(harness.fake.calls).toEqual([]);
  });
});
