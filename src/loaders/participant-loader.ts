import DataLoader from 'dataloader';
import type { CallContext, ParticipantKey, UpstreamClient } from '../upstream/client.js';
import type { ParticipantDetailsRecord } from '../upstream/schemas.js';

/** What a Participant resolver receives: the validated upstream record and where it came from. */
export interface ParticipantSource {
  readonly key: ParticipantKey;
  readonly record: ParticipantDetailsRecord;
}

export function participantCacheKey(key: ParticipantKey): string {
  return `${key.accountId}/${key.appId}/${key.sessionId}/${key.participantId}`;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * One loader per GraphQL request: it holds that request's credentials, so its cache can never serve
 * another token's data, and it is dropped with the request. RealtimeKit has no batch endpoint, so a
 * batch becomes one concurrent call per distinct participant; the loader's value is that every
 * alias, fragment and link asking for the same participant shares that one call. A failure is
 * returned as that key's value so it fails only the fields that asked for that participant.
 */
export function createParticipantLoader(
  client: UpstreamClient,
  call: CallContext,
): DataLoader<ParticipantKey, ParticipantSource, string> {
  return new DataLoader<ParticipantKey, ParticipantSource, string>(
    (keys) =>
      Promise.all(
        keys.map((key) =>
          client
            .getParticipantDetails(key, call)
            .then((record): ParticipantSource => ({ key, record }), asError),
        ),
      ),
    { cacheKeyFn: participantCacheKey },
  );
}
