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

export function useDistinctEvents(): Plugin {
  return {
    onSubscribe() {
      return {
        onSubscribeResult({ result, setResult }) {
          if (isAsyncIterable(result)) setResult(distinctEvents(result));
        },
      };
    },
  };
}
