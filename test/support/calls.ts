import { createHash } from 'node:crypto';
import type { FakeUpstream } from '../../src/fake-upstream/index.js';

/** The path of a participant-details call, as the fake records it. */
export function participantPath(
  fake: FakeUpstream,
  sessionId: string,
  participantId: string,
): string {
  return `/client/v4/accounts/${fake.accountId}/realtime/kit/${fake.appId}/sessions/${sessionId}/participants/${participantId}`;
}

/** How the fake records an Authorization header: a hash prefix, never the token. */
export function authHash(header: string): string {
  return createHash('sha256').update(header).digest('hex').slice(0, 16);
}

/** The call log without fields a test does not pin. */
export function callSummary(fake: FakeUpstream) {
  return fake.calls.map(({ method, path, query }) => ({ method, path, query }));
}
