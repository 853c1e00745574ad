import type { FakeUpstream } from '../../src/fake-upstream/index.js';

/** The path of a participant-details call, as the fake records it. */
export function participantPath(
  fake: FakeUpstream,
  sessionId: string,
  participantId: string,
): string {
  return `/client/v4/accounts/${fake.accountId}/realtime/kit/${fake.appId}/sessions/${sessionId}/participants/${participantId}`;
}

/** The call log without fields a test does not pin. */
export function callSummary(fake: FakeUpstream) {
  return fake.calls.map(({ method, path, query }) => ({ method, path, query }));
}

/** The app prefix every RealtimeKit path starts with, as the fake records it. */
export function appPrefix(fake: FakeUpstream): string {
  return `/client/v4/accounts/${fake.accountId}/realtime/kit/${fake.appId}`;
}

/** Reads a session's participant ids straight from the fake, then forgets that call. */
export async function participantIds(
  fake: FakeUpstream,
  token: string,
  sessionId: string,
): Promise<string[]> {
  const response = await fetch(
    `${fake.url}/accounts/${fake.accountId}/realtime/kit/${fake.appId}/sessions/${sessionId}/participants?per_page=100`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  const body = (await response.json()) as { data: { participants: { id: string }[] } };
  fake.resetCalls();
  return body.data.participants.map((participant) => participant.id);
}
