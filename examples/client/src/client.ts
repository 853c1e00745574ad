import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export interface GraphQLResult<Data> {
  readonly data?: Data | null;
  readonly errors?: readonly {
    readonly message: string;
    readonly path?: readonly (string | number)[];
    readonly extensions?: { readonly code?: string } & Record<string, unknown>;
  }[];
}

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  readonly url: string;
  /** A Cloudflare API token; not needed against the demo gateway. */
  readonly token?: string;
  /** Send only the persisted document's hash instead of the query text. */
  readonly persisted?: boolean;
}

interface PersistedMeta {
  readonly __meta__?: { readonly hash?: string };
}

/**
 * A minimal typed GraphQL client: the result type follows from the document, so a schema change
 * that breaks a query breaks the build. Any GraphQL client that understands TypedDocumentNode
 * (urql, Apollo Client, graphql-request) can use the same documents.
 */
export async function execute<Data, Variables>(
  options: ClientOptions,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<GraphQLResult<Data>> {
  const hash = (document as PersistedMeta).__meta__?.hash;
  const body =
    options.persisted === true && hash !== undefined
      ? { documentId: hash, variables }
      : { query: print(document), variables };
  const response = await fetch(options.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
    },
    body: JSON.stringify(body),
  });
  return (await response.json()) as GraphQLResult<Data>;
}
