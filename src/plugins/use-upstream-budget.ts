import type { Plugin } from 'graphql-yoga';
import { getOperationAST, Kind } from 'graphql';
import type {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  OperationDefinitionNode,
} from 'graphql';
import { estimateUpstreamCalls } from '../loaders/cost.js';
import { upstreamBudgetExceeded } from '../upstream/errors.js';

/** The budget error for an operation that could make more than `maxCalls` upstream calls. */
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
  return {
    onExecute({ args, setResultAndStopExecution }) {
      // Envelop types the execution args loosely; they are graphql-js ExecutionArgs.
      const document = args.document as DocumentNode;
      const variables = (args.variableValues ?? {}) as Readonly<Record<string, unknown>>;
      const operation = getOperationAST(document, args.operationName as string | undefined);
      if (!operation) return;
      const violation = budgetViolation(document, operation, variables, maxCalls);
      if (violation !== undefined) setResultAndStopExecution({ errors: [violation] });
    },
  };
}
