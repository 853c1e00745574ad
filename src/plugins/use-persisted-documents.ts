import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';
import { z } from 'zod';
import { PERSISTED_DOCUMENT_NOT_FOUND, PERSISTED_DOCUMENT_REQUIRED } from '../upstream/errors.js';

/** GraphQL Code Generator's client preset writes `{ "<sha256>": "<document text>" }`. */
const PersistedDocuments = z.record(z.string().min(1), z.string().min(1));

/** Reads an allow-list at start-up; a missing or malformed file stops the gateway. */
export function loadPersistedDocuments(path: string): ReadonlyMap<string, string> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`PERSISTED_DOCUMENTS_PATH: cannot read ${path} as JSON`, { cause: error });
  }
  const parsed = PersistedDocuments.safeParse(json);
  if (!parsed.success) {
    throw new Error(`PERSISTED_DOCUMENTS_PATH: ${path} is not a map of document ids to documents`);
  }
  return new Map(Object.entries(parsed.data));
}

/** A JSON object (not null, not an array), as GraphQL-over-HTTP parameters must be. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The persisted document a request names: the GraphQL-over-HTTP persisted-documents proposal's
 * `documentId`, else Apollo's `extensions.persistedQuery` (version 1, `sha256Hash`), as the
 * plugin's default reads it. Both request paths ask this, so they agree on what a request names.
 */
export function persistedDocumentIdOf(params: {
  readonly documentId?: unknown;
  readonly extensions?: unknown;
}): string | null {
  if (typeof params.documentId === 'string') return params.documentId;
  const persisted = isRecord(params.extensions) ? params.extensions['persistedQuery'] : undefined;
  if (!isRecord(persisted) || persisted['version'] !== 1) return null;
  const hash = persisted['sha256Hash'];
  return typeof hash === 'string' ? hash : null;
}

/**
 * Runs only allow-listed documents, sent by id (`documentId`, or Apollo's
 * `extensions.persistedQuery.sha256Hash`). Arbitrary query text is refused, which shuts out every
 * query shape a client was not built with.
 */
export function usePersistedDocuments(documents: ReadonlyMap<string, string>): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (id) => documents.get(id) ?? null,
    allowArbitraryOperations: false,
    extractPersistedOperationId: (params) => persistedDocumentIdOf(params),
    customErrors: {
      notFound: PERSISTED_DOCUMENT_NOT_FOUND,
      persistedQueryOnly: PERSISTED_DOCUMENT_REQUIRED,
      keyNotFound: PERSISTED_DOCUMENT_REQUIRED,
    },
  });
}
