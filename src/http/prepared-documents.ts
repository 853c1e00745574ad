import { getOperationAST, OperationTypeNode, parse, specifiedRules, validate } from 'graphql';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { CompiledQuery } from 'graphql-jit';
import { checkDocument, checkTokens } from '../plugins/operation-limits.js';
import type { OperationLimits } from '../plugins/operation-limits.js';
import { exposureRules } from '../plugins/use-schema-exposure.js';

/** A query that parsed, passed the limits and validation, and compiled: ready to run. */
export interface RunnableQuery {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly compiled: CompiledQuery;
}

export interface PreparedDocumentsOptions {
  readonly schema: GraphQLSchema;
  readonly limits: Pick<
    OperationLimits,
    'maxTokens' | 'maxDepth' | 'maxAliases' | 'maxDirectives' | 'maxFields'
  >;
  /** False adds the rule that refuses `__schema` and `__type` (see exposureRules). */
  readonly introspection: boolean;
  /** Documents remembered, least recently used out first. */
  readonly maxEntries?: number;
  /** Longer documents are never remembered here (the full pipeline, with its own cache, runs them). */
  readonly maxSourceLength?: number;
}

export interface PreparedDocuments {
  /**
   * The query `operationName` selects in `source`, or undefined when the document is not a query
   * the lean lane may run: it breaks a limit, fails to parse or validate, names no such operation,
   * is a mutation or subscription, or does not compile. Yoga then answers it, with its errors.
   */
  runnable(source: string, operationName: string | undefined): RunnableQuery | undefined;
}

/** A document that broke a limit or failed to parse or validate. */
const REFUSED = null;

interface Prepared {
  readonly document: DocumentNode;
  /** Per operation of the document; null when it is not a query or does not compile. */
  readonly compiled: WeakMap<OperationDefinitionNode, CompiledQuery | null>;
}

/**
 * Parses, checks, validates and compiles each distinct document once, as Yoga's parse and
 * validation caches and the jit plugin's cache do for the full pipeline. Only a document with no
 * error at all is runnable, so the lean lane never has to produce (or copy) those errors' wording.
 * The checks are the ones the full pipeline makes, in its order: tokens, then parsing, then depth,
 * aliases and directives, then graphql-js validation without suggestions.
 */
export function createPreparedDocuments(options: PreparedDocumentsOptions): PreparedDocuments {
  const { schema, limits } = options;
  const maxEntries = options.maxEntries ?? 1000;
  const maxSourceLength = options.maxSourceLength ?? 32 * 1024;
  const rules = [...specifiedRules, ...exposureRules(options)];
  // Insertion order is recency order: a hit is moved to the end, the first entry is the oldest.
  const entries = new Map<string, Prepared | typeof REFUSED>();

  const prepare = (source: string): Prepared | typeof REFUSED => {
    if (checkTokens(source, limits) !== undefined) return REFUSED;
    let document: DocumentNode;
    try {
      document = parse(source);
    } catch {
      return REFUSED;
    }
    if (checkDocument(document, limits) !== undefined) return REFUSED;
    if (validate(schema, document, rules, { hideSuggestions: true }).length > 0) return REFUSED;
    return { document, compiled: new WeakMap() };
  };

  const lookUp = (source: string): Prepared | typeof REFUSED => {
    const known = entries.get(source);
    if (known !== undefined) {
      entries.delete(source);
      entries.set(source, known);
      return known;
    }
    if (source.length > maxSourceLength) return REFUSED;
    const prepared = prepare(source);
    entries.set(source, prepared);
    if (entries.size > maxEntries) {
      const oldest = entries.keys().next();
      if (oldest.done !== true) entries.delete(oldest.value);
    }
    return prepared;
  };

  return {
    runnable(source, operationName) {
      const prepared = lookUp(source);
      if (prepared === REFUSED) return undefined;
      const { document } = prepared;
      const operation = getOperationAST(document, operationName);
      if (!operation) return undefined;
      let compiled = prepared.compiled.get(operation);
      if (compiled === undefined) {
        const result =
          operation.operation === OperationTypeNode.QUERY
            ? compileQuery(schema, document, operationName)
            : undefined;
        compiled = result !== undefined && isCompiledQuery(result) ? result : null;
        prepared.compiled.set(operation, compiled);
      }
      return compiled === null ? undefined : { document, operation, compiled };
    },
  };
}
