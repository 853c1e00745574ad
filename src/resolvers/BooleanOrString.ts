import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from '../upstream/errors.js';

const isBooleanOrString = (value: unknown): value is boolean | string =>
  typeof value === 'boolean' || typeof value === 'string';

/**
 * A boolean or a string, returned as upstream sent it. The wire reader has already checked the
 * type (anything else became a field error there), so serializing only passes the value on.
 */
export const BooleanOrString = new GraphQLScalarType<boolean | string, boolean | string>({
  name: 'BooleanOrString',
  description:
    "A value upstream sends either as a boolean or as a string, returned exactly as sent (`true`, `false` or a string). Used where RealtimeKit's endpoints disagree on a field's type, such as `webgl_support`.",
  serialize: (value) => {
    if (isBooleanOrString(value)) return value;
    throw badUserInput('BooleanOrString takes a boolean or a string.');
  },
  parseValue: (value) => {
    if (isBooleanOrString(value)) return value;
    throw badUserInput('BooleanOrString takes a boolean or a string.');
  },
  parseLiteral: (ast) => {
    if (ast.kind === Kind.BOOLEAN || ast.kind === Kind.STRING) return ast.value;
    throw badUserInput('BooleanOrString takes a boolean or a string.');
  },
});
