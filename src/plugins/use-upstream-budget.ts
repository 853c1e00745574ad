import type { Plugin } from 'graphql-yoga';
import { getOperationAST, getVariableValues, Kind } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import type {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  OperationDefinitionNode,
} from 'graphql';
import { estimateUpstreamCalls } from '../loaders/cost.js';
import { upstreamBudgetExceeded } from '../upstream/errors.js';

/**
 * The budget error for an operation that could make more than `maxCalls` upstream calls.
 * `variables` must be the coerced ones, defaults included: `query($n: Int = 100)` asks for pages
 * of 100 when the request sends no `n`.
 */
export function budgetViolation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  maxCalls: number,
): GraphQLError | undefined {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const estimate = estimateUpstreamCalls(operation, fragments, variables);
  return estimate > maxCalls ? upstreamBudgetExceeded(estimate, maxCalls) : undefined;
}

/**
 * Refuses, before execution, an operation that could make more than `maxCalls` upstream calls:
 * the defence against alias batching and huge fan-outs, which would otherwise burn a user's
 * Cloudflare rate limit (and get the token blocked) with a single request.
 */
export function useUpstreamBudget(maxCalls: number): Plugin {
  // Envelop types the execution args loosely; they are graphql-js ExecutionArgs.
  const check = (
    args: {
      readonly schema: unknown;
      readonly document: unknown;
      readonly variableValues?: unknown;
      readonly operationName?: unknown;
    },
    stop: (result: { errors: GraphQLError[] }) => void,
  ) => {
    const document = args.document as DocumentNode;
    const raw = (args.variableValues ?? {}) as Readonly<Record<string, unknown>>;
    const operation = getOperationAST(document, args.operationName as string | undefined);
    if (!operation) return;
    const coerced = getVariableValues(
      args.schema as GraphQLSchema,
      operation.variableDefinitions ?? [],
      raw,
    );
    // Variables that do not coerce fail the execution itself, before any call.
    if (coerced.coerced === undefined) return;
    const violation = budgetViolation(document, operation, coerced.coerced, maxCalls);

    if (violation !== undefined) stop({ errors: [violation] });
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      check(args, setResultAndStopExecution);
    },
    // A subscription's every poll runs its selection again: the estimate is per poll, checked
    // before the first one.
    onSubscribe({ args, setResultAndStopExecution }) {
      check(args, setResultAndStopExecution);
    },
  };
}
