import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream } from '../../src/fake-upstream/index.js';
import type { FakeUpstream } from '../../src/fake-upstream/index.js';
import { appUrl, cloudflareError, get, realtimeKitError, request } from './support.js';

const UNKNOWN_UUID = '0f1e2d3c-4b5a-4987-a654-3210fedcba98';
const FOREIGN_ACCOUNT = '0123456789abcdef0123456789abcdef';

let fake: FakeUpstream;
beforeAll(async () => {
  fake = await startFakeUpstream({ tokens: ['first-token', 'second-token'] });
});
afterAll(async () => {
  await fake.close();
});

const badRequest = (detail: string): unknown => realtimeKitError(400, `BAD_REQUEST: ${detail}`);
const token = 'first-token';

describe('authentication (Cloudflare envelope)', () => {
  it('refuses a missing Authorization header with 403 / 10000', async () => {
    const reply = await get(fake, '/sessions', { token: null });
    expect(reply.status).toBe(403);
    expect(reply.json).toEqual(cloudflareError({ code: 10000, message: 'Authentication error' }));
  });

  it('refuses an unknown token with 403 / 10000, and accepts every configured one', async () => {
    const reply = await get(fake, '/sessions', { token: 'rtk-demo-token' });
    expect(reply.status).toBe(403);
    expect(reply.json).toEqual(cloudflareError({ code: 10000, message: 'Authentication error' }));
    expect((await get(fake, '/sessions', { token })).status).toBe(200);
    expect((await get(fake, '/sessions', { token: 'second-token' })).status).toBe(200);
  });

  it.each(['Basic Zm9vOmJhcg==', 'Bearer', 'Bearer two words', 'first-token'])(
    'answers a malformed header %j with 400 / 6003',
    async (authorization) => {
      const reply = await get(fake, '/sessions', { authorization });
      expect(reply.status).toBe(400);
      expect(reply.json).toEqual(
        cloudflareError({ code: 6003, message: 'Invalid request headers' }),
      );
    },
  );

  it('refuses a well-formed account id that is not the fake’s with 403 / 9109', async () => {
    const url = `${fake.url}/accounts/${FOREIGN_ACCOUNT}/realtime/kit/${fake.appId}/sessions`;
    const reply = await request(url, { token });
    expect(reply.status).toBe(403);
    expect(reply.json).toEqual(
      cloudflareError({ code: 9109, message: 'Unauthorized to access requested resource' }),
    );
    const unauthenticated = await request(url, { token: 'wrong' });
    expect(unauthenticated.status).toBe(403);
    expect(unauthenticated.json).toEqual(
      cloudflareError({ code: 10000, message: 'Authentication error' }),
    );
  });

  it('accepts the account id in upper case and the app id without dashes', async () => {
    const upper = `${fake.url}/accounts/${fake.accountId.toUpperCase()}/realtime/kit/${fake.appId}/sessions`;
    expect((await request(upper, { token })).status).toBe(200);
    const hexApp = `${fake.url}/accounts/${fake.accountId}/realtime/kit/${fake.appId.replaceAll('-', '')}/sessions`;
    expect((await request(hexApp, { token })).status).toBe(200);
  });
});

describe('routing (Cloudflare envelope)', () => {
  const routeError = (path: string): unknown =>
    cloudflareError(
      {
        code: 7003,
        message: `Could not route to ${path}, perhaps your object identifier is invalid?`,
      },
      { code: 7000, message: 'No route for that URI' },
    );

  it('answers a malformed account id with 400 / 7003 + 7000', async () => {
    const path = `/accounts/not-an-account/realtime/kit/${fake.appId}/sessions`;
    const reply = await request(`${fake.url}${path}`, { token });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual(routeError(path));
    const short = `/accounts/${fake.accountId.slice(1)}/realtime/kit/${fake.appId}/sessions`;
    expect((await request(`${fake.url}${short}`, { token })).json).toEqual(routeError(short));
  });

  it('answers unknown routes with 400 / 7003 + 7000, before authentication', async () => {
    const meetings = `/accounts/${fake.accountId}/realtime/kit/${fake.appId}/meetings`;
    const reply = await request(`${fake.url}${meetings}`, { token: null });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual(routeError(meetings));
    const deep = `/accounts/${fake.accountId}/realtime/kit/${fake.appId}/sessions/${UNKNOWN_UUID}/participants/${UNKNOWN_UUID}/extra`;
    expect((await request(`${fake.url}${deep}`, { token })).json).toEqual(routeError(deep));
    const root = new URL(fake.url).origin;
    const outside = await request(`${root}/nope`, { token });
    expect(outside.status).toBe(400);
    expect(outside.json).toEqual(routeError('/nope'));
  });

  it('answers an unknown app with a RealtimeKit 404 and a malformed one with a 400', async () => {
    const unknown = `${fake.url}/accounts/${fake.accountId}/realtime/kit/${UNKNOWN_UUID}/sessions`;
    const reply = await request(unknown, { token });
    expect(reply.status).toBe(404);
    expect(reply.json).toEqual(realtimeKitError(404, `No app found with id ${UNKNOWN_UUID}`));
    const malformed = `${fake.url}/accounts/${fake.accountId}/realtime/kit/my-app/sessions`;
    const bad = await request(malformed, { token });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual(badRequest('app_id must be a UUID'));
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])(
    'answers %s with a RealtimeKit 405',
    async (method) => {
      const reply = await request(`${appUrl(fake)}/sessions`, { token, method });
      expect(reply.status).toBe(405);
      expect(reply.headers.get('allow')).toBe('GET');
      expect(reply.json).toEqual(realtimeKitError(405, `Method ${method} not allowed`));
    },
  );
});

describe('404s (RealtimeKit envelope)', () => {
  it('names the unknown session', async () => {
    const reply = await get(fake, `/sessions/${UNKNOWN_UUID}`, { token });
    expect(reply.status).toBe(404);
    expect(reply.json).toEqual(realtimeKitError(404, `No session found with id ${UNKNOWN_UUID}`));
    const list = await get(fake, `/sessions/${UNKNOWN_UUID}/participants`, { token });
    expect(list.json).toEqual(realtimeKitError(404, `No session found with id ${UNKNOWN_UUID}`));
  });

  it('answers an unknown participant with "No user found with id <id>"', async () => {
    const reply = await get(
      fake,
      `/sessions/${fake.demo.endedSessionId}/participants/${UNKNOWN_UUID}`,
      {
        token,
      },
    );
    expect(reply.status).toBe(404);
    expect(reply.json).toEqual(realtimeKitError(404, `No user found with id ${UNKNOWN_UUID}`));
  });

  it('does not find a participant under another session', async () => {
    const path = `/sessions/${fake.demo.liveSessionId}/participants/${fake.demo.participantId}`;
    const reply = await get(fake, path, { token });
    expect(reply.status).toBe(404);
    expect(reply.json).toEqual(
      realtimeKitError(404, `No user found with id ${fake.demo.participantId}`),
    );
  });

  it('names the unknown peer', async () => {
    const reply = await get(fake, `/sessions/peer-report/${UNKNOWN_UUID}`, { token });
    expect(reply.status).toBe(404);
    expect(reply.json).toEqual(realtimeKitError(404, `No peer found with id ${UNKNOWN_UUID}`));
  });
});

describe('query and path validation (RealtimeKit 400)', () => {
  const participantsPath = (): string => `/sessions/${fake.demo.endedSessionId}/participants`;
  const detailsPath = (): string => `${participantsPath()}/${fake.demo.participantId}`;

  it.each([
    [{ page_no: 'abc' }, 'page_no must be a non-negative integer'],
    [{ page_no: '-1' }, 'page_no must be a non-negative integer'],
    [{ per_page: '2.5' }, 'per_page must be a non-negative integer'],
    [{ sort_by: 'name' }, 'sort_by must be one of minutesConsumed, createdAt'],
    [{ sort_order: 'asc' }, 'sort_order must be one of ASC, DESC'],
    [{ status: 'DONE' }, 'status must be one of LIVE, ENDED'],
    [{ start_time: 'yesterday' }, 'start_time must be an ISO 8601 date-time'],
    [{ start_time: '2026-11-19' }, 'start_time must be an ISO 8601 date-time'],
    [{ end_time: '2026-13-45T00:00:00Z' }, 'end_time must be an ISO 8601 date-time'],
    [
      { start_time: '2026-11-20T00:00:00Z', end_time: '2026-11-19T00:00:00Z' },
      'start_time must not be after end_time',
    ],
    [{ participants: 'ten' }, 'participants must look like min:max with min <= max'],
    [{ participants: '10:2' }, 'participants must look like min:max with min <= max'],
    [{ associated_id: 'meeting-1' }, 'associated_id must be a valid UUID'],
  ])('GET /sessions %j → %s', async (query, detail) => {
    const reply = await get(fake, '/sessions', { token, query });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual(badRequest(detail));
  });

  it.each([
    [{ sort_by: 'createdAt' }, 'sort_by must be one of joinedAt, duration'],
    [{ include_peer_events: '1' }, 'include_peer_events must be true or false'],
    [{ view: 'merged' }, 'view must be one of raw, consolidated'],
    [{ per_page: 'ten' }, 'per_page must be a non-negative integer'],
  ])('GET participants %j → %s', async (query, detail) => {
    const reply = await get(fake, participantsPath(), { token, query });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual(badRequest(detail));
  });

  it('validates booleans on the session and details endpoints', async () => {
    const session = await get(fake, `/sessions/${fake.demo.endedSessionId}`, {
      token,
      query: { include_breakout_rooms: 'yes' },
    });
    expect(session.json).toEqual(badRequest('include_breakout_rooms must be true or false'));
    const details = await get(fake, detailsPath(), {
      token,
      query: { include_peer_events: 'TRUE' },
    });
    expect(details.json).toEqual(badRequest('include_peer_events must be true or false'));
  });

  it.each([
    ['/sessions/not-a-uuid', 'session_id must be a valid UUID'],
    ['/sessions/not-a-uuid/participants', 'session_id must be a valid UUID'],
    ['/sessions/peer-report', 'session_id must be a valid UUID'],
    ['/sessions/peer-report/1234', 'peer_id must be a valid UUID'],
  ])('answers the malformed path %s with a 400', async (path, detail) => {
    const reply = await get(fake, path, { token });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual(badRequest(detail));
  });

  it('answers a malformed participant id with a 400', async () => {
    const reply = await get(fake, `${participantsPath()}/xyz`, { token });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual(badRequest('participant_id must be a valid UUID'));
  });

  it('accepts page_no and per_page of 0 as the defaults', async () => {
    const reply = await get(fake, participantsPath(), {
      token,
      query: { page_no: '0', per_page: '0' },
    });
    expect(reply.status).toBe(200);
    const plain = await get(fake, participantsPath(), { token });
    expect(reply.text).toBe(plain.text);
  });
});
