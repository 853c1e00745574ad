import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** The validation rules schema exposure adds to graphql-js's own: both request paths use these. */
export function exposureRules(options: { readonly introspection: boolean }): ValidationRule[] {
  return options.introspection ? [] : [NoSchemaIntrospectionCustomRule];
}

/**
 * With `introspection: false`, `__schema` and `__type` fail validation (GRAPHQL_VALIDATION_FAILED)
 * wherever they appear, aliased or inside fragments, because the rule looks at the field's type,
 * not its spelling. `__typename` still works: clients need it to read unions and interfaces.
 * GraphiQL is turned off with it by `createGateway`, since it cannot work without introspection.
 */
export function useSchemaExposure(options: { readonly introspection: boolean }): Plugin {
  const rules = exposureRules(options);
  if (rules.length === 0) return {};
  return {
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
    },
  };
}
