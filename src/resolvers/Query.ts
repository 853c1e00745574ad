import { resolveScope } from '../credentials.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { parseUuid } from '../upstream/ids.js';
import { pageOf, sessionListQuery } from '../upstream/list-queries.js';

export const Query: QueryResolvers = {
  async participant(_parent, args, context, info) {
    const scope = resolveScope(args, context.credentials, context.defaults);
    const key = {
      ...scope,
      sessionId: parseUuid(args.sessionId, 'sessionId'),
      participantId: parseUuid(args.participantId, 'participantId'),
    };
    const details = await context.loaders.participantDetails(key, info);
    return { key, basics: details, details };
  },

  async peerReport(_parent, args, context, info) {
    const scope = resolveScope(args, context.credentials, context.defaults);
    const key = { ...scope, peerId: parseUuid(args.peerId, 'peerId') };
    const report = await context.loaders.peerReport(key, info);
    return { key, sessionId: report.session_id ?? null, basics: report, report };
  },

  // Lazy on purpose: a query that only lists the session's participants needs no session call.
  session(_parent, args, context) {
    const scope = resolveScope(args, context.credentials, context.defaults);
    return { key: { ...scope, sessionId: parseUuid(args.sessionId, 'sessionId') } };
  },

  async sessions(_parent, args, context) {
    const scope = resolveScope(args, context.credentials, context.defaults);
    const page = pageOf(args);
    const result = await context.loaders.sessions(scope, sessionListQuery(args, page));
    return {
      ...page,
      paging: result.paging,
      items: result.items.map((record) => ({ key: { ...scope, sessionId: record.id }, record })),
    };
  },
};
