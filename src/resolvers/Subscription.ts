import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.js';
import { resolveScope } from '../credentials.js';
import type { SubscriptionResolvers } from '../generated/resolvers-types.js';
import { liveEvents } from '../live/hub.js';
import { GraphQLError } from 'graphql';
import { MalformedLeaf } from '../upstream/errors.js';
import { parseUuid } from '../upstream/ids.js';

/** Codes after which polling again cannot help: the subscription ends with that event. */
const FINAL_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT']);

/** An event whose field fails with `error`: the default resolver reads the getter, and it throws. */
function failed<Key extends string>(key: Key, error: unknown): Record<Key, never> {
  return Object.defineProperty({}, key, {
    enumerable: true,
    get: () => {
      throw error;
    },
  }) as Record<Key, never>;
}

const isFinal = (error: unknown) =>
  error instanceof GraphQLError && FINAL_CODES.has(String(error.extensions['code']));

/** The code an event's read failed with, for its span. */
function codeOf(error: unknown): string {
  const code = error instanceof GraphQLError ? error.extensions['code'] : undefined;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

function noLiveHub(): GraphQLError {
  return new GraphQLError('Subscriptions need a token: send an Authorization header.', {
    extensions: { code: 'UNAUTHENTICATED' },
  });
}

/**
 * The events of one live resource: at once, then on each tick of the poll shared by every
 * subscriber of it with this token, each with fresh loaders (see GatewayContext.loaders), until
 * `finished` says the resource is done. An upstream failure is sent as the event's error and
 * polling goes on, unless the failure is final. When the operation is traced, each event's read is
 * a span under the operation's, and its upstream calls are that span's children.
 */
function live<Key extends string, Value>(
  field: Key,
  resource: string,
  context: GatewayContext,
  info: GraphQLResolveInfo,
  load: () => Promise<Value>,
  finished: (value: Value) => boolean,
): AsyncIterableIterator<Record<Key, Value>> {
  if (context.live === undefined) throw noLiveHub();
  // The poll fetches what all its subscribers need, so their reads of a tick are one call.
  const watch = context.live.join(resource, context.needsOf(info));
  let sequence = 0;
  return liveEvents(watch, async () => {
    const event = context.trace?.liveEvent(field, sequence);
    sequence += 1;
    // Every call of this event is counted against its poll (see LiveSettings.budgetShare).
    const read = context.liveRead;
    read.fetchedAt = undefined;
    context.loaders = context.freshLoaders({
      onBudgetTaken: () => {
        watch.spend();
      },
      // The event is as old as the oldest data in it.
      onFetched: (atMs) => {
        read.fetchedAt = Math.min(read.fetchedAt ?? atMs, atMs);
      },
      alongside: () => watch.needs(),
      notBefore: watch.notBefore(),
      trace: event,
    });
    try {
      const value = await load();
      watch.settle(true, read.fetchedAt);
      event?.end(undefined);
      return { value: { [field]: value } as Record<Key, Value>, last: finished(value) };
    } catch (error) {
      // Polling goes on, backing off, unless nothing polling could do would help.
      watch.settle(false, read.fetchedAt);
      event?.end(codeOf(error));
      return { value: failed(field, error), last: isFinal(error) };
    }
  });
}

const ENDED = 'ended';

export const Subscription: SubscriptionResolvers = {
  sessionUpdates: {
    subscribe: (_parent, args, context, info: GraphQLResolveInfo) => {
      const scope = resolveScope(args, context.credentials, context.defaults);
      const key = { ...scope, sessionId: parseUuid(args.sessionId, 'sessionId') };
      return live(
        'sessionUpdates',
        `session:${key.accountId}:${key.appId}:${key.sessionId}`,
        context,
        info,
        async () => ({ key, record: await context.loaders.session(key, info) }),
        ({ record }) => typeof record.status === 'string' && record.status.toLowerCase() === ENDED,
      );
    },
  },
  peerReportUpdates: {
    subscribe: (_parent, args, context, info: GraphQLResolveInfo) => {
      const scope = resolveScope(args, context.credentials, context.defaults);
      const key = { ...scope, peerId: parseUuid(args.peerId, 'peerId') };
      return live(
        'peerReportUpdates',
        `peer:${key.accountId}:${key.appId}:${key.peerId}`,
        context,
        info,
        async () => {
          const report = await context.loaders.peerReport(key, info);
          return { key, sessionId: report.session_id ?? null, basics: report, report };
        },
        // A peer that has left the call grows no more.
        ({ report }) => report.left_at !== null && !(report.left_at instanceof MalformedLeaf),
      );
    },
  },
};
