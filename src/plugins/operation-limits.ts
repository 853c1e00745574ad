import { Kind, Lexer, Source, TokenKind } from 'graphql';
import type {
  DocumentNode,
  FragmentDefinitionNode,
  parse,
  ParseOptions,
  SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { payloadTooLarge, queryTooComplex } from '../upstream/errors.js';
import type { QueryComplexityViolation } from '../upstream/errors.js';

/** Limits every operation is checked against before it executes (and so before any upstream call). */
export interface OperationLimits {
  /** Largest accepted HTTP request body, in bytes; larger → HTTP 413, PAYLOAD_TOO_LARGE. */
  readonly maxRequestBytes: number;
  /** Most lexical tokens in the query document. */
  readonly maxTokens: number;
  /** Deepest field nesting; introspection fields are exempt. */
  readonly maxDepth: number;
  /** Most aliased fields in the operation, fragments included. */
  readonly maxAliases: number;
  /** Most directives in the document. */
  readonly maxDirectives: number;
  /**
   * Most fields in the operation, every fragment counted at each of its spreads: what bounds the
   * work of validating, executing and serializing it (270 repetitions of one nested selection
   * cost a second of CPU before this limit).
   */
  readonly maxFields: number;
}

/**
 * Introspection roots (`__schema`, `__type`) one operation may select. One is all a client needs
 * (GraphiQL's and codegen's queries have one); each costs megabytes of output, so thirty aliased
 * ones from 6 KB of query were a second of CPU per unauthenticated request.
 */
export const MAX_INTROSPECTION_ROOTS = 1;

/**
 * Counts the lexical tokens of a query document the way graphql-js's `parse(…, { maxTokens })`
 * does: every token but comments and the end of the document. A syntax error ends the count, and
 * the parser reports it.
 */
export function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // The parser reports the syntax error itself, as GRAPHQL_PARSE_FAILED.
  }
  return count;
}

/** The token limit, checked on the source text so that an over-limit document is never parsed. */
export function checkTokens(
  source: string,
  limits: Pick<OperationLimits, 'maxTokens'>,
): QueryComplexityViolation | undefined {
  const actual = countTokens(source);
  return actual > limits.maxTokens ? { limit: 'tokens', max: limits.maxTokens, actual } : undefined;
}

/** What an operation costs, with every fragment counted at each of its spreads. */
export interface OperationMeasure {
  /** Deepest field nesting; a `__schema` or `__type` field counts as 1, its subtree as nothing. */
  readonly depth: number;
  readonly aliases: number;
  readonly directives: number;
  readonly fields: number;
  /** `__schema` and `__type` fields. */
  readonly introspection: number;
}

const NOTHING: OperationMeasure = {
  depth: 0,
  aliases: 0,
  directives: 0,
  fields: 0,
  introspection: 0,
};

/**
 * Only the field's name exempts it, never its alias, and never the name of an operation or a
 * fragment: `__schema: participant { … }` and `fragment __schema on Query { … }` are measured
 * like any other selection. The exempt subtrees can only hold introspection types, which never
 * reach the upstream.
 */
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/**
 * Sums that stay exact for any real query. A small document can spread fragments exponentially
 * often (each fragment spreading the next one ten times), so the counts saturate rather than lose
 * precision or reach Infinity, which JSON would print as null.
 */
function add(a: number, b: number): number {
  return Math.min(a + b, Number.MAX_SAFE_INTEGER);
}

/**
 * Measures each operation of a document, fragments expanded, and returns the largest value of each
 * measure over its operations. Each fragment is measured once and the result reused at every
 * spread, so the walk is linear in the document even when the expanded query is exponential. A
 * spread of an unknown fragment, or one that cycles back into a fragment being measured, adds
 * nothing: validation rejects both later, and skipping them is what makes the walk terminate.
 */
export function measureDocument(document: DocumentNode): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const measured = new Map<string, OperationMeasure>();
  const inProgress = new Set<string>();

  function measureFragment(name: string): OperationMeasure {
    const known = measured.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (fragment === undefined || inProgress.has(name)) return NOTHING;
    inProgress.add(name);
    const inner = measureSelectionSet(fragment.selectionSet);
    inProgress.delete(name);
    const measure = {
      ...inner,
      directives: add(inner.directives, fragment.directives?.length ?? 0),
    };
    measured.set(name, measure);
    return measure;
  }

  function measureSelectionSet(selectionSet: SelectionSetNode): OperationMeasure {
    let depth = 0;
    let aliases = 0;
    let directives = 0;
    let fields = 0;
    let introspection = 0;
    for (const selection of selectionSet.selections) {
      directives = add(directives, selection.directives?.length ?? 0);
      let inner: OperationMeasure;
      let own = 0;
      if (selection.kind === Kind.FIELD) {
        if (selection.alias !== undefined) aliases = add(aliases, 1);
        inner = selection.selectionSet ? measureSelectionSet(selection.selectionSet) : NOTHING;
        own = 1;
        if (INTROSPECTION_FIELDS.has(selection.name.value)) {
          // Its subtree only holds introspection types: it counts as one root, not by its fields.
          inner = { ...inner, depth: 0, fields: 0 };
          introspection = add(introspection, 1);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = measureSelectionSet(selection.selectionSet);
      } else {
        inner = measureFragment(selection.name.value);
      }
      depth = Math.max(depth, own + inner.depth);
      aliases = add(aliases, inner.aliases);
      directives = add(directives, inner.directives);
      fields = add(fields, add(own, inner.fields));
      introspection = add(introspection, inner.introspection);
    }
    return { depth, aliases, directives, fields, introspection };
  }

  let largest = NOTHING;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const inner = measureSelectionSet(definition.selectionSet);
    let directives = add(inner.directives, definition.directives?.length ?? 0);
    for (const variable of definition.variableDefinitions ?? []) {
      directives = add(directives, variable.directives?.length ?? 0);
    }
    largest = {
      depth: Math.max(largest.depth, inner.depth),
      aliases: Math.max(largest.aliases, inner.aliases),
      directives: Math.max(largest.directives, directives),
      fields: Math.max(largest.fields, inner.fields),
      introspection: Math.max(largest.introspection, inner.introspection),
    };
  }
  return largest;
}

/**
 * The depth, alias, directive, field and introspection limits, in that order; the first one broken
 * is reported.
 */
export function checkDocument(
  document: DocumentNode,
  limits: Pick<OperationLimits, 'maxDepth' | 'maxAliases' | 'maxDirectives' | 'maxFields'>,
): QueryComplexityViolation | undefined {
  const measure = measureDocument(document);
  if (measure.depth > limits.maxDepth) {
    return { limit: 'depth', max: limits.maxDepth, actual: measure.depth };
  }
  if (measure.aliases > limits.maxAliases) {
    return { limit: 'aliases', max: limits.maxAliases, actual: measure.aliases };
  }
  if (measure.directives > limits.maxDirectives) {
    return { limit: 'directives', max: limits.maxDirectives, actual: measure.directives };
  }
  if (measure.fields > limits.maxFields) {
    return { limit: 'fields', max: limits.maxFields, actual: measure.fields };
  }
  if (measure.introspection > MAX_INTROSPECTION_ROOTS) {
    return { limit: 'introspection', max: MAX_INTROSPECTION_ROOTS, actual: measure.introspection };
  }
  return undefined;
}

/** The byte length of a GET request's query string, where GET carries the operation. */
function queryStringBytes(url: string): number {
  const start = url.indexOf('?');
  if (start === -1) return 0;
  const end = url.indexOf('#', start);
  return Buffer.byteLength(end === -1 ? url.slice(start + 1) : url.slice(start + 1, end));
}

/**
 * Reads a body up to `max` bytes. Past that it stops reading and returns undefined, so a chunked
 * body without Content-Length is never held in memory beyond the limit.
 */
async function readAtMost(
  body: ReadableStream<Uint8Array>,
  max: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      reader.releaseLock();
      return undefined;
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

const CONTENT_LENGTH = /^\d+$/;

/**
 * Rejects requests over the limits with PAYLOAD_TOO_LARGE (HTTP 413) or QUERY_TOO_COMPLEX, before
 * validation and so before execution and any upstream call.
 *
 * - Size, in `onRequestParse`: it runs after Yoga has picked the request parser for the content
 *   type and before the body is read, so a declared Content-Length over the limit is refused
 *   unread, one declared within it is read as it is, and a body without a length (chunked) is
 *   read through a counter in place of the chosen parser.
 * - Tokens, in `parse` itself (`setParseFn`): the source is lexed and counted first, so a huge
 *   document is never turned into an AST.
 * - Depth, aliases and directives, right after parsing (`onParse`'s result): the parsed document
 *   is replaced by the error, so validation, whose overlapping-fields rule is quadratic in the
 *   number of fields, never sees an over-limit document. Yoga's parse cache then remembers the
 *   error for that source text.
 */
export function useOperationLimits(limits: OperationLimits): Plugin {
  const max = limits.maxRequestBytes;
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (request.method === 'GET') {
        if (queryStringBytes(request.url) > max) throw payloadTooLarge('query string', max);
        return;
      }
      const declared = request.headers.get('content-length');
      if (declared !== null && CONTENT_LENGTH.test(declared)) {
        if (Number(declared) > max) throw payloadTooLarge('body', max);
        // HTTP/1.1 framing holds a body to its declared length, so it needs no counting.
        return;
      }
      if (requestParser === undefined) return;
      const parseRequest = requestParser;
      setRequestParser(async (original) => {
        if (original.body === null) return parseRequest(original);
        const body = await readAtMost(original.body, max);
        if (body === undefined) throw payloadTooLarge('body', max);
        return parseRequest(
          new fetchAPI.Request(original.url, {
            method: original.method,
            headers: original.headers,
            signal: original.signal,
            body,
          }),
        );
      });
    },
    onParse({ parseFn, setParseFn }) {
      // Envelop types its engine functions loosely; this is graphql-js's own.
      const parseDocument: typeof parse = parseFn;
      setParseFn((source: string | Source, options?: ParseOptions) => {
        const violation = checkTokens(typeof source === 'string' ? source : source.body, limits);
        if (violation !== undefined) throw queryTooComplex(violation);
        return parseDocument(source, options);
      });
      return ({ result, replaceParseResult }) => {
        const parsed = result as DocumentNode | Error | null;
        if (parsed === null || parsed instanceof Error) return;
        const violation = checkDocument(parsed, limits);
        if (violation !== undefined) replaceParseResult(queryTooComplex(violation));
      };
    },
  };
}
