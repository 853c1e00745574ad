import type { ExecutionResult } from 'graphql';
import { isAsyncIterable } from 'graphql-yoga';
import type { Plugin } from 'graphql-yoga';

/**
 * A subscriber hears of a change only: each event of a subscription is compared, as sent, with the
 * last one sent to it, and dropped when equal. Results are compared, not upstream bodies, so a poll
 * that changed a part this subscriber did not select sends it nothing. A plain iterator, so that
 * `return()` (the client went away) reaches the source at once.
 */
export function distinctEvents(
  source: AsyncIterable<ExecutionResult>,
): AsyncIterableIterator<ExecutionResult> {
  const iterator = source[Symbol.asyncIterator]();
  let last: string | undefined;
  return {
    async next() {
      for (;;) {
        const step = await iterator.next();
        if (step.done === true) return step;
        const sent = JSON.stringify(step.value);
        if (sent !== last) {
          last = sent;
          return step;
        }
      }
    },
    return: async () => (await iterator.return?.()) ?? { done: true, value: undefined },
    throw: async (error: unknown) => {
      if (iterator.throw) return iterator.throw(error);
      throw error instanceof Error ? error : new Error(String(error));
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * Each event as sent, with `extensions.fetchedAt`: when its data came from upstream (ISO 8601),
 * read as the event is sent. Added after the comparison, which it would otherwise defeat.
 */
export function withFetchedAt(
  source: AsyncIterableIterator<ExecutionResult>,
  fetchedAt: () => number | undefined,
): AsyncIterableIterator<ExecutionResult> {
  return {
    async next() {
      const step = await source.next();
      if (step.done === true) return step;
      const at = fetchedAt();
      if (at === undefined) return step;
      const extensions = { ...step.value.extensions, fetchedAt: new Date(at).toISOString() };
      return { done: false, value: { ...step.value, extensions } };
    },
    return: () => source.return?.() ?? Promise.resolve({ done: true, value: undefined }),
    throw: (error: unknown) =>
      source.throw?.(error) ??
      Promise.reject(error instanceof Error ? error : new Error(String(error))),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** A context with the live read of its subscription (GatewayContext.liveRead). */
const liveReadOf = (context: unknown): { fetchedAt: number | undefined } | undefined => {
  if (typeof context !== 'object' || context === null || !('liveRead' in context)) return undefined;
  return context.liveRead as { fetchedAt: number | undefined };
};

export function useDistinctEvents(): Plugin {
  return {
    onSubscribe({ args }) {
      const read = liveReadOf(args.contextValue);
      return {
        onSubscribeResult({ result, setResult }) {
          if (!isAsyncIterable(result)) return;
          const distinct = distinctEvents(result);
          setResult(read === undefined ? distinct : withFetchedAt(distinct, () => read.fetchedAt));
        },
      };
    },
  };
}
