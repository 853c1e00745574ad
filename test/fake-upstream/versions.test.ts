import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream } from '../../src/fake-upstream/index.js';
import type { FakeUpstream, FakeVersion } from '../../src/fake-upstream/index.js';
import {
  DETAILS_BODY,
  FlatPeerReportBody,
  ParticipantsBody,
  SessionBody,
  SessionsBody,
  WrappedPeerReportBody,
  WrappedPeerReportBodyD,
  at,
} from './schemas.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';
import { get, request } from './support.js';

let fake: FakeUpstream;
beforeAll(async () => {
  fake = await startFakeUpstream();
});
afterEach(() => {
  fake.setVersion('default');
});
afterAll(async () => {
  await fake.close();
});

const detailsPath = (): string =>
  `/sessions/${fake.demo.endedSessionId}/participants/${fake.demo.participantId}`;
const reportPath = (): string => `/sessions/peer-report/${fake.demo.peerId}`;
const VERSIONS: readonly FakeVersion[] = ['default', 'A', 'B', 'C', 'D'];

describe.each(VERSIONS)('version %s', (version) => {
  it('serves participant details in its shape', async () => {
    fake.setVersion(version);
    const reply = await get(fake, detailsPath());
    expect(reply.status).toBe(200);
    const result = DETAILS_BODY[version].safeParse(reply.json);
    expect(result.error).toBeUndefined();
    // Each version's shape is distinct from every other version's (default and C coincide by design).
    for (const other of VERSIONS) {
      const same =
        (version === 'default' && other === 'C') || (version === 'C' && other === 'default');
      if (other === version || same) continue;
      expect(DETAILS_BODY[other].safeParse(reply.json).success).toBe(false);
    }
  });

  it('serves the peer report in its shape', async () => {
    fake.setVersion(version);
    const reply = await get(fake, reportPath());
    expect(reply.status).toBe(200);
    const wrapped = version === 'C' || version === 'D';
    const schemas = [FlatPeerReportBody, WrappedPeerReportBody, WrappedPeerReportBodyD];
    const schema =
      version === 'D'
        ? WrappedPeerReportBodyD
        : wrapped
          ? WrappedPeerReportBody
          : FlatPeerReportBody;
    expect(schema.safeParse(reply.json).error).toBeUndefined();
    for (const other of schemas.filter((candidate) => candidate !== schema)) {
      expect(other.safeParse(reply.json).success).toBe(false);
    }
  });

  it('does not change sessions or participant lists', async () => {
    fake.setVersion(version);
    SessionsBody.parse((await get(fake, '/sessions')).json);
    SessionBody.parse((await get(fake, `/sessions/${fake.demo.endedSessionId}`)).json);
    ParticipantsBody.parse(
      (await get(fake, `/sessions/${fake.demo.endedSessionId}/participants`)).json,
    );
  });
});

describe('version switches', () => {
  it('spells precall throughput as the spec typo only in version A', async () => {
    fake.setVersion('A');
    const a = (await get(fake, detailsPath())).json;
    expect(at(a, 'data.participant.peer_stats.precall_network_information.throughtput')).toEqual(
      expect.any(Number),
    );
    expect(
      at(a, 'data.participant.peer_stats.precall_network_information.throughput'),
    ).toBeUndefined();
    fake.setVersion('B');
    const b = (await get(fake, detailsPath())).json;
    expect(at(b, 'data.participant.peer_stats.precall_network_information.throughput')).toBe(
      at(a, 'data.participant.peer_stats.precall_network_information.throughtput'),
    );
  });

  it('sends quality_stats as one object in version B and a one-entry array otherwise', async () => {
    fake.setVersion('B');
    const b = at((await get(fake, detailsPath())).json, 'data.participant.quality_stats');
    fake.setVersion('default');
    const byDefault = at((await get(fake, detailsPath())).json, 'data.participant.quality_stats');
    expect(Array.isArray(b)).toBe(false);
    expect(byDefault).toEqual([b]);
  });

  it('wraps the peer report with role in C and D, carrying the same values', async () => {
    const flat = FlatPeerReportBody.parse((await get(fake, reportPath())).json).data;
    fake.setVersion('C');
    const c = WrappedPeerReportBody.parse((await get(fake, reportPath())).json).data.participant;
    expect(c.role).toBe(flat.preset_name);
    expect(c.peer_report).toEqual(flat.peer_report);
    expect(c.session_id).toBe(flat.session_id);
    fake.setVersion('D');
    const d = WrappedPeerReportBodyD.parse((await get(fake, reportPath())).json).data.participant;
    const { region_hint: regionHint, ...dWithoutHint } = d;
    const { ice_transport_policy: policy, ...dMetadata } = d.peer_report.metadata;
    const { sample_interval_ms: interval, ...dQuality } = d.peer_report.quality;
    expect([regionHint, policy, interval]).toEqual([expect.any(String), 'all', 7_000]);
    // Without its extra keys, D is C.
    expect({
      ...dWithoutHint,
      peer_report: { metadata: dMetadata, quality: dQuality },
    }).toEqual(c);
  });

  it('adds keys the contract does not name in D only, at several depths, the same every time', async () => {
    const fetchBoth = async () => {
      const query = { include_peer_events: 'true' };
      return [
        await get(fake, detailsPath(), { query }),
        await get(fake, reportPath(), { query }),
      ] as const;
    };
    const firstEventColo = (json: unknown) => {
      const events = at(json, 'data.participant.peer_events');
      return Array.isArray(events) ? at(events[0], 'edge_colo') : undefined;
    };
    fake.setVersion('D');
    const [details, report] = await fetchBoth();
    const found = [
      at(details.json, 'data.participant.region_hint'),
      firstEventColo(details.json),
      at(report.json, 'data.participant.region_hint'),
      firstEventColo(report.json),
      at(report.json, 'data.participant.peer_report.metadata.ice_transport_policy'),
      at(report.json, 'data.participant.peer_report.quality.sample_interval_ms'),
    ];
    expect(found).toEqual([
      expect.stringMatching(/^[a-z]{2,4}$/),
      expect.stringMatching(/^[A-Z]{3}$/),
      found[0],
      found[1],
      'all',
      7_000,
    ]);
    expect((await fetchBoth()).map((reply) => reply.text)).toEqual([details.text, report.text]);
    for (const version of ['default', 'A', 'B', 'C'] as const) {
      fake.setVersion(version);
      for (const reply of await fetchBoth()) {
        expect(reply.text).not.toMatch(
          /region_hint|edge_colo|ice_transport_policy|sample_interval/,
        );
      }
    }
  });

  it('drops all stats from participant details in D but keeps peer_events on request', async () => {
    fake.setVersion('D');
    const plain = DETAILS_BODY.D.parse((await get(fake, detailsPath())).json).data.participant;
    expect(plain).not.toHaveProperty('peer_stats');
    expect(plain).not.toHaveProperty('quality_stats');
    const withEvents = await get(fake, detailsPath(), { query: { include_peer_events: 'true' } });
    const events = at(withEvents.json, 'data.participant.peer_events');
    expect(Array.isArray(events) ? events.length : 0).toBe(3);
    expect(Object.keys(at(withEvents.json, 'data.participant') ?? {})).toEqual([
      ...Object.keys(plain),
      'peer_events',
    ]);
  });

  it('rejects an unknown version', () => {
    expect(() => {
      fake.setVersion('E' as FakeVersion);
    }).toThrow(/unknown version/);
  });

  it('starts in the version it is given', async () => {
    const other = await startFakeUpstream({ version: 'D' });
    try {
      const reply = await get(other, `/sessions/peer-report/${other.demo.peerId}`);
      WrappedPeerReportBodyD.parse(reply.json);
    } finally {
      await other.close();
    }
  });
});

describe("version D's extra keys through the gateway", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  /** Reaches every level where D adds a key: participant, peer events, metadata, audio quality. */
  const query = () => {
    const { sessionId, participantId } = harness.fake.demo;
    return `{
      participant(sessionId: "${sessionId}", participantId: "${participantId}") {
        id displayName presetName joinedAt leftAt duration peerReport { id }
      }
      peerReport(peerId: "${participantId}") {
        id sessionId userId customParticipantId displayName presetName joinedAt leftAt duration
        peerEvents { id eventName peerId participantId minutesConsumed }
        metadata {
          deviceInfo { os cpus isMobile }
          browserMetadata { browser }
          ipInformation { city country asn { asn name } }
          roomViewType sdkName sdkVersion
        }
        quality {
          audio {
            producer { timestamp mosQuality packetsLost }
            producerCumulative { qualityMos { avg p90 } }
          }
          video { producer { timestamp } }
        }
      }
    }`;
  };

  it('answers exactly as for C, without an error, while upstream sends the keys', async () => {
    harness.fake.setVersion('C');
    const c = await harness.query(query());
    harness.fake.setVersion('D');
    harness.fake.resetCalls();
    const d = await harness.query(query());

    expect(c.body.errors).toBeUndefined();
    expect(d.body.errors).toBeUndefined();
    expect(d.body.data).toEqual(c.body.data);
    // Not vacuous: the levels that carry extra keys came back filled in.
    const events = at(d.body.data, 'peerReport.peerEvents');
    expect(Array.isArray(events) ? events.length : 0).toBeGreaterThan(0);
    expect(at(d.body.data, 'peerReport.metadata.sdkName')).toBe('web-core');
    const producer = at(d.body.data, 'peerReport.quality.audio.producer');
    expect(Array.isArray(producer) ? producer.length : 0).toBeGreaterThan(0);

    // The calls the gateway just made, replayed: their answers did carry D's extra keys.
    const replies = await Promise.all(
      harness.fake.calls.map((call) =>
        request(new URL(call.path, harness.fake.url).href, { query: call.query }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual([200, 200]);
    const text = replies.map((reply) => reply.text).join('\n');
    for (const key of ['region_hint', 'edge_colo', 'ice_transport_policy', 'sample_interval_ms']) {
      expect(text).toContain(`"${key}":`);
    }
  });
});
