import { useGraphQlJit } from '@envelop/graphql-jit';
import { getOperationAST, getVariableValues, GraphQLError, Kind, OperationTypeNode } from 'graphql';
import type {
  DocumentNode,
  ExecutionArgs,
  FieldNode,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Runs queries through graphql-jit, which compiles each operation once into plain functions: on a
 * large selection the executor's per-field bookkeeping is most of the gateway's CPU. Where jit's
 * answers would differ from graphql-js's, graphql-js runs instead: for anything but a query, and
 * for variables graphql-js would refuse (its messages and codes are the documented ones). Use it
 * with useGraphQLJsFieldErrors. A document with several operations runs through graphql-js too
 * (the lean lane compiles each of its operations on its own).
 */
export function useCompiledExecution(): ReturnType<typeof useGraphQlJit> {
  return useGraphQlJit(
    {},
    {
      enableIf: ({ schema, document, operationName, variableValues }: ExecutionArgs) => {
        // The plugin keeps one compiled query per document, for whichever operation ran first:
        // another operation of the same document would get that one's result.
        const operations = document.definitions.filter(
          (definition) => definition.kind === Kind.OPERATION_DEFINITION,
        );
        if (operations.length !== 1) return false;
        const operation = getOperationAST(document, operationName);
        if (operation?.operation !== OperationTypeNode.QUERY) return false;
        const coerced = getVariableValues(
          schema,
          operation.variableDefinitions ?? [],
          variableValues ?? {},
        );
        return coerced.errors === undefined;
      },
      // A query that does not compile still runs, and its result carries the errors.
      onError: () => undefined,
    },
  );
}

/** The field nodes a response key names in a selection set, through fragments of any kind. */
function fieldsNamed(
  selectionSet: SelectionSetNode,
  key: string,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen: ReadonlySet<string>,
): FieldNode[] {
  return selectionSet.selections.flatMap((selection): FieldNode[] => {
    switch (selection.kind) {
      case Kind.FIELD:
        return (selection.alias ?? selection.name).value === key ? [selection] : [];
      case Kind.INLINE_FRAGMENT:
        return fieldsNamed(selection.selectionSet, key, fragments, seen);
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment === undefined || seen.has(name)) return [];
        return fieldsNamed(fragment.selectionSet, key, fragments, new Set([...seen, name]));
      }
    }
  });
}

/** The field nodes a response path points at, as graphql-js puts them on a field error. */
export function nodesAtPath(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  path: readonly (string | number)[],
): FieldNode[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  let sets: readonly SelectionSetNode[] = [operation.selectionSet];
  let nodes: FieldNode[] = [];
  for (const segment of path) {
    if (typeof segment === 'number') continue;
    nodes = sets.flatMap((set) => fieldsNamed(set, segment, fragments, new Set()));
    sets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  }
  return nodes;
}

/**
 * graphql-jit's field error rebuilt as graphql-js would have raised it, with the field nodes found
 * again from its path (see useGraphQLJsFieldErrors).
 */
export function asGraphQLJsError(
  error: GraphQLError,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): GraphQLError {
  return error.nodes !== undefined || error.path === undefined
    ? error
    : new GraphQLError(error.message, {
        nodes: nodesAtPath(document, operation, error.path),
        path: error.path,
        originalError: error.originalError,
        extensions: error.extensions,
      });
}

/**
 * graphql-jit reports field errors with an error class of its own, which carries `locations` but
 * not the field nodes they come from; Yoga rebuilds errors from their nodes, and the locations
 * would be lost, and jit's compiled serializer writes errors without them too. So a result with
 * errors gets graphql-js errors, with the nodes found again from each error's path, and is
 * serialized the ordinary way (errors are rare; then correctness beats speed).
 */
export function useGraphQLJsFieldErrors(): Plugin {
  return {
    onExecute({ args }) {
      const { document, operationName } = args as ExecutionArgs;
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const { stringify, errors, ...rest } = result as typeof result & { stringify?: unknown };
          const operation = getOperationAST(document, operationName);
          if (errors === undefined || stringify === undefined || !operation) return;
          setResult({
            ...rest,
            errors: errors.map((error: GraphQLError) =>
              asGraphQLJsError(error, document, operation),
            ),
          });
        },
      };
    },
  };
}
