import { GraphQLError } from 'graphql';
import type { execute, validate } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * graphql-js appends its hint last: `… Did you mean "x", "y", or "z"?`. Only the last occurrence is
 * cut, so that an echoed variable value which happens to contain the phrase is left alone.
 */
const SUGGESTION = ' Did you mean ';

/** The error without its trailing "Did you mean …?" hint; the same error when it has none. */
export function withoutSuggestion(error: GraphQLError): GraphQLError {
  const at = error.message.lastIndexOf(SUGGESTION);
  if (at === -1 || !error.message.endsWith('?')) return error;
  return new GraphQLError(error.message.slice(0, at), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

/**
 * Turns off graphql-js's "Did you mean …?" hints everywhere they are produced. The hints spell
 * out schema names a client did not ask for, which would let anyone map the schema with
 * introspection turned off.
 *
 * - Validation (unknown fields, arguments, types, enum literals): graphql-js's own
 *   `hideSuggestions` option.
 * - Execution, where variables are coerced: the executor Yoga runs takes the same option, but on
 *   graphql 16 it does not pass it on to enum types, so `"LIV"` given for an enum variable would
 *   still suggest `LIVE`. Those errors are rewritten when execution is done; they are always
 *   raised before any resolver runs.
 */
export function useNoSuggestions(): Plugin {
  return {
    onValidate({ validateFn, setValidationFn }) {
      // Envelop types its engine functions loosely; these are graphql-js's own.
      const validateDocument: typeof validate = validateFn;
      setValidationFn(
        (...[schema, document, rules, options, typeInfo]: Parameters<typeof validate>) =>
          validateDocument(
            schema,
            document,
            rules,
            { ...options, hideSuggestions: true },
            typeInfo,
          ),
      );
    },
    onExecute({ executeFn, setExecuteFn }) {
      const executeDocument: typeof execute = executeFn;
      setExecuteFn((args: Parameters<typeof execute>[0]) =>
        executeDocument({ ...args, hideSuggestions: true }),
      );
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result || result.errors === undefined) return;
          setResult({ ...result, errors: result.errors.map(withoutSuggestion) });
        },
      };
    },
  };
}
