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
  at,
} from './schemas.js';
import { get } from './support.js';

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
    const schema = wrapped ? WrappedPeerReportBody : FlatPeerReportBody;
    expect(schema.safeParse(reply.json).error).toBeUndefined();
    expect(
      (wrapped ? FlatPeerReportBody : WrappedPeerReportBody).safeParse(reply.json).success,
    ).toBe(false);
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
    fake.setVersion('D');
    const wrapped = WrappedPeerReportBody.parse((await get(fake, reportPath())).json).data
      .participant;
    expect(wrapped.role).toBe(flat.preset_name);
    expect(wrapped.peer_report).toEqual(flat.peer_report);
    expect(wrapped.session_id).toBe(flat.session_id);
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
      WrappedPeerReportBody.parse(reply.json);
    } finally {
      await other.close();
    }
  });
});
