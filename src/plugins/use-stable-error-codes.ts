import type { Plugin } from 'graphql-yoga';
import { withStableCode } from '../upstream/errors.js';

type ProcessedResult = Parameters<NonNullable<Plugin['onResultProcess']>>[0]['result'];
type SingleResult = Exclude<ProcessedResult, readonly unknown[] | AsyncIterable<unknown>>;

export function withStableCodes(result: SingleResult): SingleResult {
  if (result.errors === undefined || result.errors.length === 0) return result;
  return { ...result, errors: result.errors.map(withStableCode) };
}

/**
 * Gives every error in a GraphQL result an `extensions.code` (see withStableCode). It works on the
 * result about to be sent rather than on execution, because not every result comes from
 * `execute`: a `subscription` document goes through `subscribe`, whose "not supported" error has
 * no code, and requests refused before execution never run either.
 */
export function useStableErrorCodes(): Plugin {
  return {
    onResultProcess(event) {
      const { result } = event;
      if (Symbol.asyncIterator in result) return;
      event.setResult(
        Array.isArray(result) ? result.map(withStableCodes) : withStableCodes(result),
      );
    },
  };
}
