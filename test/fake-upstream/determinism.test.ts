import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeedData, startFakeUpstream } from '../../src/fake-upstream/index.js';
import type { FakeUpstream } from '../../src/fake-upstream/index.js';
import { get } from './support.js';

let first: FakeUpstream;
let twin: FakeUpstream;
let other: FakeUpstream;
beforeAll(async () => {
  // Clocks frozen at the start: LIVE sessions change with time (live.test.ts compares fakes at later times).
  [first, twin, other] = await Promise.all([
    startFakeUpstream({ seed: 7, clock: () => 0 }),
    startFakeUpstream({ seed: 7, clock: () => 0 }),
    startFakeUpstream({ seed: 8, clock: () => 0 }),
  ]);
});
afterAll(async () => {
  await Promise.all([first.close(), twin.close(), other.close()]);
});

const PATHS: readonly [string, (fake: FakeUpstream) => string][] = [
  ['sessions', () => '/sessions'],
  ['a sorted sessions page', () => '/sessions?sort_by=minutesConsumed&per_page=4&page_no=2'],
  ['a session with rooms', (f) => `/sessions/${f.demo.largeSessionId}?include_breakout_rooms=true`],
  [
    'consolidated participants',
    (f) =>
      `/sessions/${f.demo.endedSessionId}/participants?include_peer_events=true&view=consolidated`,
  ],
  [
    'participant details',
    (f) => `/sessions/${f.demo.endedSessionId}/participants/${f.demo.participantId}`,
  ],
  ['a peer report', (f) => `/sessions/peer-report/${f.demo.peerId}`],
  [
    'a filtered peer report',
    (f) =>
      `/sessions/peer-report/${f.demo.peerId}?filters=events,quality_stats&include_peer_events=true`,
  ],
];

describe('same seed, same bytes', () => {
  it('gives two fakes with one seed the same identities and demo ids', () => {
    expect(twin.accountId).toBe(first.accountId);
    expect(twin.appId).toBe(first.appId);
    expect(twin.demo).toEqual(first.demo);
    expect(first.url).not.toBe(twin.url);
  });

  it.each(PATHS)('answers %s byte for byte the same', async (_, pathOf) => {
    const [a, b] = await Promise.all([get(first, pathOf(first)), get(twin, pathOf(twin))]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.text).toBe(b.text);
    expect(a.text.length).toBeGreaterThan(200);
  });

  it('serves repeated requests identically, cached or not', async () => {
    const path = `/sessions/peer-report/${first.demo.peerId}`;
    const [a, b] = [await get(first, path), await get(first, path)];
    expect(a.text).toBe(b.text);
  });

  it('serves a different world for a different seed', async () => {
    expect(other.accountId).not.toBe(first.accountId);
    expect(other.demo.peerId).not.toBe(first.demo.peerId);
    const a = await get(first, '/sessions');
    const b = await get(other, '/sessions');
    expect(a.text).not.toBe(b.text);
    const mine = await get(other, `/sessions/peer-report/${other.demo.peerId}`);
    expect(mine.status).toBe(200);
    expect(mine.text).not.toBe(
      (await get(first, `/sessions/peer-report/${first.demo.peerId}`)).text,
    );
  });

  it('matches the pure seed module', () => {
    const data = createSeedData(7);
    expect(first.accountId).toBe(data.accountId);
    expect(first.demo).toEqual(data.demo);
  });
});
