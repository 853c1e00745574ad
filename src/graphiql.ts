import { Kind, parse } from 'graphql';
import type { GraphiQLOptions } from 'graphql-yoga';
import type { GatewayConfig } from './server.js';

/**
 * Splits a document into its operations, each with the comment lines above it, so that each can
 * open in its own GraphiQL tab. A document GraphiQL could not split that way (one that does not
 * parse, or has fragments an operation might need) stays whole.
 */
export function splitOperations(document: string): string[] {
  let definitions;
  try {
    ({ definitions } = parse(document));
  } catch {
    return [document];
  }
  if (definitions.some((definition) => definition.kind !== Kind.OPERATION_DEFINITION)) {
    return [document];
  }
  let start = 0;
  return definitions.map((definition) => {
    const end = definition.loc?.end ?? document.length;
    const text = document.slice(start, end).trim();
    start = end;
    return `${text}\n`;
  });
}

/** Yoga's GraphiQL options for the gateway's page: the example tabs and, in demo mode only, the token. */
export function createGraphiQLOptions(settings: GatewayConfig['graphiql']): GraphiQLOptions {
  const operations = splitOperations(settings.exampleQuery);
  // Only the demo token is ever prefilled: it reads nothing but the embedded fake's seeded data.
  const headers =
    settings.demoAuthorization === undefined
      ? null
      : JSON.stringify({ Authorization: settings.demoAuthorization }, null, 2);
  return {
    title: 'RealtimeKit GraphQL',
    defaultQuery: operations[0],
    defaultTabs: operations.map((query) => ({ query, headers })),
    ...(headers === null ? {} : { headers }),
    // The headers editor is where a Cloudflare token goes, so it is the panel that starts open.
    defaultEditorToolsVisibility: 'headers',
    // A Cloudflare API token pasted into the headers editor must not outlive the page in the
    // browser's localStorage, where any later script on this origin could read it.
    shouldPersistHeaders: false,
  };
}
