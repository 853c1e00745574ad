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
