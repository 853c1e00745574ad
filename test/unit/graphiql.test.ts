import { buildSchema, Kind, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { exampleOperations, exampleQuery } from '../../src/example-query.js';
import { createGraphiQLOptions, splitOperations } from '../../src/graphiql.js';
import { loadTypeDefs } from '../../src/server.js';

const schema = buildSchema(loadTypeDefs().join('\n'));
const ids = {
  sessionId: 'db173b0b-c7b4-4d4a-ba24-57943eb189ac',
  participantId: 'fafb7c36-5b1b-4796-8dd2-56cd05d26852',
  liveSessionId: '0f0e5b1c-2d3a-4b5c-8d6e-7f8091a2b3c4',
};

function operationName(query: string | null): string | undefined {
  const [definition] = parse(query ?? '').definitions;
  return definition?.kind === Kind.OPERATION_DEFINITION ? definition.name?.value : undefined;
}

describe('the saved example operations', () => {
  it.each(exampleOperations(ids).map((query) => [operationName(query), query]))(
    '%s is valid against the schema',
    (_name, query) => {
      expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([]);
    },
  );

  it('are named, one operation each, and use the given ids', () => {
    const operations = exampleOperations(ids);
    expect(operations.map(operationName)).toEqual([
      'ParticipantCallQuality',
      'SessionParticipantsQuality',
      'SessionCallVerdicts',
      'PeerDeviceAndNetwork',
      'RecentSessions',
      'LiveCall',
    ]);
    for (const query of operations) expect(parse(query).definitions).toHaveLength(1);
    const document = operations.join('\n');
    expect(document).toContain(`sessionId: "${ids.sessionId}"`);
    expect(document).toContain(`participantId: "${ids.participantId}"`);
    expect(document).toContain(`peerId: "${ids.participantId}"`);
  });
});

describe('splitOperations', () => {
  it('gives back each operation of the example document with its comments', () => {
    expect(splitOperations(exampleQuery(ids))).toEqual(exampleOperations(ids));
  });

  it('keeps a document whole when it does not parse or has fragments', () => {
    expect(splitOperations('query {')).toEqual(['query {']);
    const withFragment = 'query A { ...F }\nquery B { ...F }\nfragment F on Query { __typename }\n';
    expect(splitOperations(withFragment)).toEqual([withFragment]);
  });
});

describe('createGraphiQLOptions', () => {
  const authorization = 'Bearer rtk-demo-token';

  it('opens one tab per example operation, the first one active, every query valid', () => {
    const options = createGraphiQLOptions({
      exampleQuery: exampleQuery(ids),
      demoAuthorization: undefined,
    });
    const tabs = options.defaultTabs ?? [];
    expect(tabs.map((tab) => operationName(tab.query))).toEqual(
      exampleOperations(ids).map(operationName),
    );
    for (const tab of tabs) expect(validate(schema, parse(tab.query ?? ''))).toEqual([]);
    expect(options.defaultQuery).toBe(tabs[0]?.query);
  });

  it('prefills the Authorization header in demo mode', () => {
    const options = createGraphiQLOptions({
      exampleQuery: exampleQuery(ids),
      demoAuthorization: authorization,
    });
    expect(JSON.parse(options.headers ?? '')).toEqual({ Authorization: authorization });
    for (const tab of options.defaultTabs ?? []) expect(tab.headers).toBe(options.headers);
  });

  it('prefills no header otherwise, and never persists headers in the browser', () => {
    const options = createGraphiQLOptions({
      exampleQuery: exampleQuery(ids),
      demoAuthorization: undefined,
    });
    expect(options).not.toHaveProperty('headers');
    expect(options).not.toHaveProperty('defaultHeaders');
    for (const tab of options.defaultTabs ?? []) expect(tab.headers).toBeNull();
    expect(options.shouldPersistHeaders).toBe(false);
    expect(JSON.stringify(options)).not.toContain('Bearer');
  });
});
