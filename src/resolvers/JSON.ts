import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/**
 * Any JSON value, passed through unchanged. Upstream free-form maps (a client event's `metadata`) are validated as
 * JSON at the boundary already, so serializing needs no checks of its own.
 */
export const JSON = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  description:
    "Any JSON value (object, array, string, number, boolean or null), passed through unchanged. Used for free-form maps whose keys upstream does not fix, such as a client event's metadata.",
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
