import fc from 'fast-check';
import { getNamedType, getVariableValues, isLeafType, isObjectType, parse } from 'graphql';
import type { GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateUpstreamCalls } from '../../src/loaders/cost.js';
import { operationOf } from '../support/documents.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';
import { gatewaySchema } from '../support/wire-paths.js';

/*
 * The call estimate is an upper bound, proven against what really happens: operations generated
 * from the schema (aliases, inline and named fragments, lists with page sizes given literally or
 * by variables with defaults, @skip/@include on variables) run against the fake, and the calls
 * the fake saw never exceed the estimate the budget check made. Seeded and bounded.
 */

const schema = gatewaySchema();
const SEED = 20261202;
let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    gateway: { limits: { maxUpstreamCalls: 10_000, maxAliases: 10_000, maxDepth: 50 } },
  });
});
afterAll(async () => {
  await h.close();
});

interface Built {
  readonly text: string;
  readonly fragments: string[];
  readonly variables: string[];
}

/** Arguments a field needs, with the fake's demo ids; page sizes small, so calls stay few. */
function argumentsFor(
  typeName: string,
  fieldName: string,
  pick: (choices: number) => number,
  variables: string[],
): string {
  const { sessionId, participantId, largeSessionId } = h.fake.demo;
  const page = () => {
    const size = 1 + pick(3);
    if (pick(2) === 0) return `perPage: ${size}`;
    // A variable with a default the request does not send: the estimate must see the default.
    const name = `p${variables.length}`;
    variables.push(`$${name}: Int = ${size}`);
    return `perPage: $${name}`;
  };
  switch (`${typeName}.${fieldName}`) {
    case 'Query.participant':
      return `(sessionId: "${sessionId}", participantId: "${participantId}")`;
    case 'Query.peerReport':
      return `(peerId: "${participantId}")`;
    case 'Query.session':
      return `(sessionId: "${pick(2) === 0 ? sessionId : largeSessionId}")`;
    case 'Query.sessions':
    case 'Session.participants':
      return `(${page()})`;
    default:
      return '';
  }
}

/** A random selection set of `type`, `depth` levels at most. */
function selectionOf(
  type: GraphQLObjectType,
  depth: number,
  pick: (choices: number) => number,
  built: { fragments: string[]; variables: string[] },
): string {
  const fields = Object.values(type.getFields()).filter(
    (field) =>
      field.args.every((arg) => !arg.type.toString().endsWith('!')) || type.name === 'Query',
  );
  const parts: string[] = [];
  const count = 1 + pick(3);
  for (let index = 0; index < count; index += 1) {
    const field = fields[pick(fields.length)];
    if (field === undefined) continue;
    const named = getNamedType(field.type);
    const alias = pick(3) === 0 ? `a${pick(1000)}: ` : '';
    const args = argumentsFor(type.name, field.name, pick, built.variables);
    let part: string;
    if (isLeafType(named)) {
      part = `${alias}${field.name}${args}`;
    } else if (isObjectType(named) && depth > 0) {
      part = `${alias}${field.name}${args} { __typename ${selectionOf(named, depth - 1, pick, built)} }`;
    } else {
      continue;
    }
    const wrap = pick(5);
    if (wrap === 0) part = `... on ${type.name} { ${part} }`;
    if (wrap === 1) {
      const name = `F${built.fragments.length}`;
      built.fragments.push(`fragment ${name} on ${type.name} { ${part} }`);
      part = `...${name}`;
    }
    if (wrap === 2) {
      const name = `s${built.variables.length}`;
      built.variables.push(`$${name}: Boolean = ${pick(2) === 0 ? 'true' : 'false'}`);
      part = part.startsWith('...') ? part : `... on ${type.name} { ${part} }`;
      part = part.replace(/^\.\.\. on (\w+)/, `... on $1 @skip(if: $${name})`);
    }
    parts.push(part);
  }
  return parts.join(' ');
}

function buildOperation(seed: number): Built {
  let state = seed >>> 0 || 1;
  const pick = (choices: number) => {
    // xorshift32: reproducible from the seed fast-check chose.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return Math.abs(state) % Math.max(1, choices);
  };
  const built = { fragments: [] as string[], variables: [] as string[] };
  const query = schema.getQueryType() as GraphQLObjectType;
  const roots: string[] = [];
  for (let index = 0; index < 1 + pick(2); index += 1) {
    const rootNames = ['participant', 'peerReport', 'session', 'sessions'];
    const rootName = rootNames[pick(rootNames.length)] as string;
    const field = query.getFields()[rootName];
    if (field === undefined) continue;
    const named = getNamedType(field.type) as GraphQLObjectType;
    const args = argumentsFor('Query', rootName, pick, built.variables);
    roots.push(
      `r${index}: ${rootName}${args} { __typename ${selectionOf(named, 3, pick, built)} }`,
    );
  }
  const header = built.variables.length > 0 ? `(${built.variables.join(', ')})` : '';
  return {
    text: `query Generated${header} { ${roots.join(' ')} } ${built.fragments.join(' ')}`,
    fragments: built.fragments,
    variables: built.variables,
  };
}

describe('the upstream-call estimate', () => {
  it('is never below the calls an operation makes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const { text } = buildOperation(seed);
        const { operation, fragments } = operationOf(text);
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], {});
        expect(coerced.errors, text).toBeUndefined();
        const estimate = estimateUpstreamCalls(operation, fragments, coerced.coerced ?? {});
        h.fake.resetCalls();
        const answer = await h.query(text);
        expect(
          answer.body.errors?.filter(
            (error) => error.extensions?.['code'] === 'GRAPHQL_VALIDATION_FAILED',
          ),
          text,
        ).toBeUndefined();
        expect(h.fake.calls.length, text).toBeLessThanOrEqual(estimate);
      }),
      { seed: SEED, numRuns: 60 },
    );
    // The generator is not vacuous: documents parse.
    expect(() => parse(buildOperation(7).text)).not.toThrow();
  });
});
