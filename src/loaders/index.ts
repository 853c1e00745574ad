import type { CallContext, UpstreamClient } from '../upstream/client.js';
import { createParticipantLoader } from './participant-loader.js';

export type { ParticipantSource } from './participant-loader.js';

export type Loaders = ReturnType<typeof createLoaders>;

/** Creates the DataLoaders of one GraphQL request. Never share the result between requests. */
export function createLoaders(client: UpstreamClient, call: CallContext) {
  return {
    participant: createParticipantLoader(client, call),
  };
}
