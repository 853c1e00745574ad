import { getNamedType, getVariableValues, isLeafType } from 'graphql';
import type { GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateUpstreamCalls } from '../../src/loaders/cost.js';
import { FIELD_RULES, needsOfRule, ruleFor } from '../../src/loaders/field-costs.js';
import { operationOf } from '../support/documents.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';
import { gatewaySchema } from '../support/wire-paths.js';

/*
 * The field table (src/loaders/field-costs.ts) is the source of the call estimate and of pushdown;
 * the resolvers spend the calls. Here they are held to each other one field at a time: every field
 * of every resource type, and of every section container, reached by every route to it, makes
 * exactly the calls the table's estimate says, and a field that needs a section gets it asked for.
 */

const schema = gatewaySchema();
let h: Harness;

beforeAll(async () => {
  // Every field by every route adds up to more calls than a token's default bucket allows; the
  // table, not the budget, is under test here.
  h = await startHarness({
    gateway: { upstream: { tokenBucket: { capacity: 100_000, refillPerSecond: 1_000 } } },
  });
});
afterAll(async () => {
  await h.close();
});

const typeOf = (name: string) => schema.getType(name) as GraphQLObjectType;

/** The selection of one field: a leaf bare, anything else with `__typename` (or a page's items). */
function selectionFor(type: GraphQLObjectType, fieldName: string): string {
  const field = type.getFields()[fieldName];
  if (field === undefined) throw new Error(`${type.name}.${fieldName} is not in the schema`);
  const named = getNamedType(field.type);
  // Lists of one item, so that the estimate's page sizes are the calls made.
  const args =
    field.name === 'participants'
      ? '(perPage: 1)'
      : field.name === 'qualityOverview'
        ? '(limit: 1, worst: 1)'
        : '';
  if (isLeafType(named)) return `${fieldName}${args}`;
  return `${fieldName}${args} { __typename }`;
}

/** Every route from the root to a type, as a function from the inner selection to a document. */
function routesTo(typeName: string): readonly (readonly [string, (inner: string) => string])[] {
  const { sessionId, participantId } = h.fake.demo;
  const participant = `participant(sessionId: "${sessionId}", participantId: "${participantId}")`;
  const peerReport = `peerReport(peerId: "${participantId}")`;
  switch (typeName) {
    case 'Participant':
      return [
        ['by id', (inner) => `{ ${participant} { ${inner} } }`],
        [
          'listed in a session',
          (inner) =>
            `{ session(sessionId: "${sessionId}") { participants(perPage: 1) { items { ${inner} } } } }`,
        ],
        ['linked from a peer report', (inner) => `{ ${peerReport} { participant { ${inner} } } }`],
      ];
    case 'PeerReport':
      return [
        ['by id', (inner) => `{ ${peerReport} { ${inner} } }`],
        ['linked from a participant', (inner) => `{ ${participant} { peerReport { ${inner} } } }`],
      ];
    case 'Session':
      return [
        ['by id', (inner) => `{ session(sessionId: "${sessionId}") { ${inner} } }`],
        ['listed', (inner) => `{ sessions(perPage: 1) { items { ${inner} } } }`],
      ];
    case 'PeerStats':
      return routesTo('Participant').map(
        ([name, wrap]) => [name, (inner: string) => wrap(`peerStats { ${inner} }`)] as const,
      );
    case 'PeerReportMetadata':
      return routesTo('PeerReport').map(
        ([name, wrap]) => [name, (inner: string) => wrap(`metadata { ${inner} }`)] as const,
      );
    default:
      throw new Error(`no route to ${typeName}`);
  }
}

const cases = ['Participant', 'PeerReport', 'Session', 'PeerStats', 'PeerReportMetadata'].flatMap(
  (typeName) =>
    Object.keys(typeOf(typeName).getFields()).map((fieldName) => [typeName, fieldName] as const),
);

/**
 * Routes where the estimate is above the calls by design: a participant reached from its own peer
 * report computes its insights from that very report (the request's loader shares it), while the
 * estimate, which never deduplicates, counts the report again.
 */
const ESTIMATED_ABOVE: Readonly<Record<string, number>> = {
  'Participant.insights linked from a peer report': 1,
};

describe('the field table', () => {
  it('names only fields the schema has', () => {
    for (const coordinate of Object.keys(FIELD_RULES)) {
      const [typeName = '', fieldName = ''] = coordinate.split('.');
      if (fieldName === '__typename') continue;
      expect(typeOf(typeName).getFields()[fieldName], coordinate).toBeDefined();
    }
  });

  it.each(cases)(
    '%s.%s makes exactly the calls it is estimated at, by every route',
    async (typeName, fieldName) => {
      for (const [route, wrap] of routesTo(typeName)) {
        const text = wrap(selectionFor(typeOf(typeName), fieldName));
        const { operation, fragments } = operationOf(text);
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], {});
        const estimate = estimateUpstreamCalls(operation, fragments, coerced.coerced ?? {});
        h.fake.resetCalls();
        const answer = await h.query(text);
        expect(answer.body.errors, `${route}: ${text}`).toBeUndefined();
        expect(h.fake.calls.length, `${route}: ${text}`).toBe(
          estimate - (ESTIMATED_ABOVE[`${typeName}.${fieldName} ${route}`] ?? 0),
        );
        const rule = ruleFor(typeName, fieldName);
        for (const need of [...needsOfRule(rule), ...(rule.fromPeerReport ?? [])]) {
          if (!('section' in need)) continue;
          // The resource's call asked for the section: the last call is the one the field made.
          const asked = h.fake.calls.map((call) => call.query['filters'] ?? '');
          expect(
            asked.some((filters) => filters.split(',').includes(need.section)),
            `${route}: ${text}`,
          ).toBe(true);
        }
      }
    },
  );
});
