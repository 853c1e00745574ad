import type { Plugin } from 'graphql-yoga';
import { withStableCode } from '../upstream/errors.js';

/** Gives every error in an execution result an `extensions.code` (see withStableCode). */
export function useStableErrorCodes(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result || result.errors === undefined) return;
          setResult({ ...result, errors: result.errors.map(withStableCode) });
        },
      };
    },
  };
}
