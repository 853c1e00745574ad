import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, createSeedData, startFakeUpstream } from '../../src/fake-upstream/index.js';
import type { FakeTenant, FakeTenantOptions, FakeUpstream } from '../../src/fake-upstream/index.js';
import { ParticipantsBody, SessionBody, SessionsBody } from './schemas.js';
import { cloudflareError, get, realtimeKitError, request, tenantUrl } from './support.js';

const ALPHA = 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1';
const BETA = 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2';
const BETA_APP = '0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b';
const TENANTS: readonly FakeTenantOptions[] = [
  { accountId: ALPHA, tokens: ['alpha-token', 'shared-token'] },
  { accountId: BETA, appId: BETA_APP, tokens: ['beta-token', 'shared-token'], seed: 7 },
];

const UNAUTHORIZED = cloudflareError({
  code: 9109,
  message: 'Unauthorized to access requested resource',
});
const UNAUTHENTICATED = cloudflareError({ code: 10000, message: 'Authentication error' });

let fake: FakeUpstream;
let alpha: FakeTenant;
let beta: FakeTenant;
beforeAll(async () => {
  fake = await startFakeUpstream({ tenants: TENANTS, rateLimit: { quota: 50, windowSeconds: 60 } });
  [alpha, beta] = fake.tenants as [FakeTenant, FakeTenant];
});
afterAll(async () => {
  await fake.close();
});

const sessionIdsOf = async (tenant: FakeTenant, token: string): Promise<string[]> => {
  const reply = await request(`${tenantUrl(fake, tenant)}/sessions`, { token });
  expect(reply.status).toBe(200);
  return SessionsBody.parse(reply.json).data.sessions.map((session) => session.id);
};

describe('tenants', () => {
  it('lists every tenant with its account, app, seed and demo ids; the first is the default one', () => {
    expect(fake.tenants.map((tenant) => tenant.accountId)).toEqual([ALPHA, BETA]);
    expect(beta.appId).toBe(BETA_APP);
    expect(beta.seed).toBe(7);
    expect(Number.isSafeInteger(alpha.seed)).toBe(true);
    expect(alpha.seed).not.toBe(42);
    expect(fake.accountId).toBe(ALPHA);
    expect(fake.appId).toBe(alpha.appId);
    expect(fake.demo).toEqual(alpha.demo);
    expect(alpha.appId).not.toBe(beta.appId);
    expect(alpha.demo.sessionId).not.toBe(beta.demo.sessionId);
    expect(alpha.demo.peerId).not.toBe(beta.demo.peerId);
  });

  it('serves each tenant its own data set', async () => {
    const alphaIds = await sessionIdsOf(alpha, 'alpha-token');
    const betaIds = await sessionIdsOf(beta, 'beta-token');
    expect(alphaIds).toContain(alpha.demo.sessionId);
    expect(betaIds).toContain(beta.demo.sessionId);
    expect(alphaIds.filter((id) => betaIds.includes(id))).toEqual([]);

    // A tenant's own seed gives the same world as the pure seed module, under the tenant's identity.
    const seeded = createSeedData(7);
    expect(beta.demo).toEqual(seeded.demo);
    const session = await request(`${tenantUrl(fake, beta)}/sessions/${beta.demo.sessionId}`, {
      token: 'beta-token',
    });
    expect(SessionBody.parse(session.json).data.organization_id).toBe(BETA_APP);
  });

  it('keeps one tenant’s ids out of another’s account', async () => {
    const reply = await request(`${tenantUrl(fake, alpha)}/sessions/${beta.demo.sessionId}`, {
      token: 'shared-token',
    });
    expect(reply.status).toBe(404);
    expect(reply.json).toEqual(
      realtimeKitError(404, `No session found with id ${beta.demo.sessionId}`),
    );
    const peer = await request(
      `${tenantUrl(fake, beta)}/sessions/peer-report/${alpha.demo.peerId}`,
      {
        token: 'beta-token',
      },
    );
    expect(peer.status).toBe(404);
  });

  it('refuses a token of another tenant with 403 / 9109, on every endpoint', async () => {
    const paths = [
      '/sessions',
      `/sessions/${beta.demo.sessionId}`,
      `/sessions/${beta.demo.sessionId}/participants`,
      `/sessions/${beta.demo.sessionId}/participants/${beta.demo.participantId}`,
      `/sessions/peer-report/${beta.demo.peerId}`,
    ];
    for (const path of paths) {
      const reply = await request(`${tenantUrl(fake, beta)}${path}`, { token: 'alpha-token' });
      expect(reply.status).toBe(403);
      expect(reply.json).toEqual(UNAUTHORIZED);
    }
    const back = await request(`${tenantUrl(fake, alpha)}/sessions`, { token: 'beta-token' });
    expect(back.json).toEqual(UNAUTHORIZED);
  });

  it('refuses a token no tenant lists with 403 / 10000, whichever account it asks for', async () => {
    for (const tenant of [alpha, beta]) {
      const reply = await request(`${tenantUrl(fake, tenant)}/sessions`, { token: 'nobody' });
      expect(reply.status).toBe(403);
      expect(reply.json).toEqual(UNAUTHENTICATED);
    }
    // `tokens` (and so the demo token) is not used once tenants are given.
    const demo = await get(fake, '/sessions', { token: DEMO_TOKEN });
    expect(demo.json).toEqual(UNAUTHENTICATED);
  });

  it('lets a token listed by two tenants read both, and no third account', async () => {
    expect(await sessionIdsOf(alpha, 'shared-token')).toContain(alpha.demo.sessionId);
    expect(await sessionIdsOf(beta, 'shared-token')).toContain(beta.demo.sessionId);
    const other = `${fake.url}/accounts/${'c'.repeat(32)}/realtime/kit/${alpha.appId}/sessions`;
    expect((await request(other, { token: 'shared-token' })).json).toEqual(UNAUTHORIZED);
  });

  it('checks the app id against the tenant asked for', async () => {
    const wrongApp = `${fake.url}/accounts/${ALPHA}/realtime/kit/${BETA_APP}/sessions`;
    const reply = await request(wrongApp, { token: 'alpha-token' });
    expect(reply.status).toBe(404);
    expect(reply.json).toEqual(realtimeKitError(404, `No app found with id ${BETA_APP}`));
    const upper = `${fake.url}/accounts/${BETA.toUpperCase()}/realtime/kit/${BETA_APP.replaceAll('-', '')}/sessions`;
    expect((await request(upper, { token: 'beta-token' })).status).toBe(200);
  });

  it('derives the same seeds from the same base seed and account ids', async () => {
    const twin = await startFakeUpstream({ tenants: TENANTS });
    const rebased = await startFakeUpstream({ tenants: TENANTS, seed: 43 });
    try {
      expect(twin.tenants).toEqual(fake.tenants);
      expect(rebased.tenants[0]?.demo).not.toEqual(alpha.demo);
      expect(rebased.tenants[1]).toEqual(beta);
    } finally {
      await Promise.all([twin.close(), rebased.close()]);
    }
  });

  it.each<[string, readonly FakeTenantOptions[]]>([
    ['no tenant', []],
    ['a malformed account id', [{ accountId: 'acct-1', tokens: ['t'] }]],
    [
      'an account twice',
      [
        { accountId: ALPHA, tokens: ['t'] },
        { accountId: ALPHA.toUpperCase(), tokens: ['u'] },
      ],
    ],
    ['a malformed app id', [{ accountId: ALPHA, appId: 'app-1', tokens: ['t'] }]],
    ['a fractional seed', [{ accountId: ALPHA, tokens: ['t'], seed: 1.5 }]],
  ])('refuses %s at start-up', async (_, tenants) => {
    await expect(startFakeUpstream({ tenants })).rejects.toThrow(RangeError);
  });
});

describe('rate limiting with tenants', () => {
  it('counts per token, across every account the token reads', async () => {
    const limited = await startFakeUpstream({
      tenants: TENANTS,
      rateLimit: { quota: 2, windowSeconds: 60 },
    });
    try {
      const [first, second] = limited.tenants as [FakeTenant, FakeTenant];
      const call = (tenant: FakeTenant, token: string) =>
        request(`${tenantUrl(limited, tenant)}/sessions`, { token });
      const shared = [
        await call(first, 'shared-token'),
        await call(second, 'shared-token'),
        await call(first, 'shared-token'),
      ];
      expect(shared.map((reply) => reply.status)).toEqual([200, 200, 429]);
      expect((await call(second, 'beta-token')).status).toBe(200);
      expect((await call(first, 'alpha-token')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('tenant marks', () => {
  let marked: FakeUpstream;
  let plain: FakeUpstream;
  beforeAll(async () => {
    [marked, plain] = await Promise.all([
      startFakeUpstream({ tenants: TENANTS, markTenants: true }),
      startFakeUpstream({ tenants: TENANTS }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([marked.close(), plain.close()]);
  });

  /** Every tenant-marked field of one tenant's five endpoints, in a fixed order. */
  async function markedFields(
    server: FakeUpstream,
    tenant: FakeTenant,
    token: string,
  ): Promise<{ sessions: string[]; participants: string[] }> {
    const base = tenantUrl(server, tenant);
    const { demo } = tenant;
    const read = async (path: string): Promise<unknown> => {
      const reply = await request(`${base}${path}`, { token });
      expect(reply.status).toBe(200);
      return reply.json;
    };
    const list = SessionsBody.parse(await read('/sessions'));
    const large = SessionBody.parse(
      await read(`/sessions/${demo.largeSessionId}?include_breakout_rooms=true`),
    ).data;
    const items = ParticipantsBody.parse(
      await read(`/sessions/${demo.sessionId}/participants?view=consolidated`),
    ).data.participants;
    const details = (await read(
      `/sessions/${demo.sessionId}/participants/${demo.participantId}`,
    )) as { data: { participant: { custom_participant_id: string } } };
    const flat = (await read(`/sessions/peer-report/${demo.peerId}`)) as {
      data: { custom_participant_id: string };
    };
    return {
      sessions: [
        ...list.data.sessions.map((session) => session.meeting_display_name),
        large.meeting_display_name,
        ...(large.breakout_rooms ?? []).map((room) => room.meeting_display_name),
      ],
      participants: [
        ...items.map((item) => item.custom_participant_id),
        details.data.participant.custom_participant_id,
        flat.data.custom_participant_id,
      ],
    };
  }

  it.each([
    [0, 'alpha-token'],
    [1, 'beta-token'],
  ] as const)(
    'marks tenant %i’s sessions and participants, and only those fields',
    async (at, token) => {
      const tenant = marked.tenants[at] as FakeTenant;
      const on = await markedFields(marked, tenant, token);
      const off = await markedFields(plain, plain.tenants[at] as FakeTenant, token);
      expect(on.sessions.length).toBeGreaterThan(8);
      expect(on.participants.length).toBeGreaterThan(5);
      expect(on.sessions).toEqual(off.sessions.map((name) => `${tenant.accountId}: ${name}`));
      expect(on.participants).toEqual(off.participants.map((id) => `${tenant.accountId}:${id}`));
      for (const value of [...off.sessions, ...off.participants]) {
        expect(value).not.toContain(ALPHA);
        expect(value).not.toContain(BETA);
      }
    },
  );

  it('changes nothing else in a response', async () => {
    const [tenant] = marked.tenants as [FakeTenant];
    const path = `/sessions/peer-report/${tenant.demo.peerId}?include_peer_events=true`;
    const on = await request(`${tenantUrl(marked, tenant)}${path}`, { token: 'alpha-token' });
    const off = await request(`${tenantUrl(plain, tenant)}${path}`, { token: 'alpha-token' });
    expect(on.text).toBe(
      off.text.replace('"custom_participant_id":"', `"custom_participant_id":"${ALPHA}:`),
    );
  });

  it('marks the wrapped peer report of versions C and D too', async () => {
    const [tenant] = marked.tenants as [FakeTenant];
    marked.setVersion('D');
    try {
      const reply = await request(
        `${tenantUrl(marked, tenant)}/sessions/peer-report/${tenant.demo.peerId}`,
        { token: 'alpha-token' },
      );
      const body = reply.json as { data: { participant: { custom_participant_id: string } } };
      expect(body.data.participant.custom_participant_id.startsWith(`${ALPHA}:`)).toBe(true);
    } finally {
      marked.setVersion('default');
    }
  });

  it('marks the single seeded account when no tenants are given', async () => {
    const single = await startFakeUpstream({ markTenants: true });
    try {
      const list = SessionsBody.parse((await get(single, '/sessions')).json);
      for (const session of list.data.sessions) {
        expect(session.meeting_display_name.startsWith(`${single.accountId}: `)).toBe(true);
      }
      expect(single.tenants).toEqual([
        { accountId: single.accountId, appId: single.appId, seed: 42, demo: single.demo },
      ]);
    } finally {
      await single.close();
    }
  });
});
