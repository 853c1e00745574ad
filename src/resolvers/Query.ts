import { resolveScope } from '../credentials.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { parseUuid } from '../upstream/ids.js';

export const Query: QueryResolvers = {
  participant(_parent, args, context) {
    const scope = resolveScope(args, context.credentials, context.defaults);
    return context.loaders.participant.load({
      ...scope,
      sessionId: parseUuid(args.sessionId, 'sessionId'),
      participantId: parseUuid(args.participantId, 'participantId'),
    });
  },
};
