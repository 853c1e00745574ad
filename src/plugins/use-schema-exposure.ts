import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * With `introspection: false`, `__schema` and `__type` fail validation (GRAPHQL_VALIDATION_FAILED)
 * wherever they appear, aliased or inside fragments, because the rule looks at the field's type,
 * not its spelling. `__typename` still works: clients need it to read unions and interfaces.
 * GraphiQL is turned off with it by `createGateway`, since it cannot work without introspection.
 */
export function useSchemaExposure(options: { readonly introspection: boolean }): Plugin {
  if (options.introspection) return {};
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
