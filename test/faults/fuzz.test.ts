import fc from 'fast-check';
import { buildSchema, getNamedType, isEnumType, isNonNullType, isObjectType } from 'graphql';
import type { GraphQLArgument, GraphQLField, GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/server.js';
import { ERROR_CODES } from '../../src/upstream/errors.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

/*
 * Property-based fuzzing, seeded and time-capped. Whatever arrives at /graphql, the gateway answers
 * below 500, in JSON, with documented codes only, and keeps serving; whatever selection and arguments a client builds from the schema,
 * the answer is data or errors with documented codes, never an unexpected error.
 */

/** The error table of docs/limits-and-errors.md, which a unit test holds equal to this constant. */
const DOCUMENTED_CODES: ReadonlySet<string> = new Set(ERROR_CODES);
const SEED = 424242;
const schema = buildSchema(loadTypeDefs().join('\n'));

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    fake: { rateLimit: { quota: 1_000_000, windowSeconds: 10 } },
    gateway: { upstream: { tokenBucket: { capacity: 1_000_000, refillPerSecond: 1_000_000 } } },
  });
});
afterAll(async () => {
  await harness.close();
});

async function stillServes(): Promise<void> {
  const { status, body } = await harness.query('{ __typename }');
  expect(status).toBe(200);
  expect(body.data).toEqual({ __typename: 'Query' });
}

describe('arbitrary requests', () => {
  const contentTypes = [
    'application/json',
    'application/graphql-response+json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=xyz',
    'application/json; charset=latin1',
    '',
  ];
  // Only media types answered in JSON, or none at all: `text/html` (GraphiQL), `text/event-stream`
  // and `multipart/mixed` are other, working, answers.
  const accepts = fc.constantFrom(
    undefined,
    '*/*',
    'application/json',
    'application/graphql-response+json',
    'application/xml',
    'image/png, text/csv;q=0.5',
  );
  const body = fc.oneof(
    fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc
      .record({ query: fc.string(), variables: fc.jsonValue(), operationName: fc.jsonValue() })
      .map((value) => JSON.stringify(value)),
    fc.string({ maxLength: 300 }),
  );

  it('always get a JSON answer below 500 with documented codes, and never stop the server', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'GET', 'PUT', 'DELETE'),
        fc.oneof(fc.constantFrom(...contentTypes), fc.string({ maxLength: 40 })),
        body,
        fc.string({ maxLength: 200 }),
        accepts,
        async (method, contentType, payload, search, accept) => {
          const headers: Record<string, string> = { 'x-graphql-csrf-prevention': '1' };
          if (accept !== undefined) headers.accept = accept;
          if (contentType !== '')
            headers['content-type'] = contentType.replace(/[^\t\x20-\x7e]/g, '');
          const url =
            method === 'GET'
              ? `${harness.url}?${new URLSearchParams({ query: search }).toString()}`
              : harness.url;
          const response = await fetch(url, {
            method,
            headers,
            ...(method === 'GET' ? {} : { body: payload }),
          });
          expect(response.status).toBeLessThan(500);
          const text = await response.text();
          expect(response.headers.get('content-type'), text).toMatch(
            /^application\/(graphql-response\+)?json; charset=utf-8$/,
          );
          const answer = JSON.parse(text) as { errors?: { extensions?: { code?: unknown } }[] };
          for (const error of answer.errors ?? []) {
            expect(DOCUMENTED_CODES, JSON.stringify(error)).toContain(error.extensions?.code);
          }
        },
      ),
      { seed: SEED, numRuns: 300, interruptAfterTimeLimit: 15_000 },
    );
    await stillServes();
    expect(harness.fake.inFlight).toBe(0);
  }, 60_000);
});

describe('arbitrary selections and arguments from the schema', () => {
  const ids = () => {
    const { sessionId, participantId, largeSessionId } = harness.fake.demo;
    return fc.oneof(
      fc.constantFrom(
        sessionId,
        participantId,
        largeSessionId,
        harness.fake.accountId,
        harness.fake.appId,
      ),
      fc.uuid(),
      fc.string({ maxLength: 40 }),
    );
  };

  const argument = (arg: GraphQLArgument): fc.Arbitrary<string> => {
    const type = getNamedType(arg.type);
    let value: fc.Arbitrary<string>;
    if (isEnumType(type)) {
      value = fc.oneof(
        fc.constantFrom(...type.getValues().map((v) => v.name)),
        fc.constant('NOT_A_VALUE'),
      );
    } else if (type.name === 'Int') {
      value = fc.integer({ min: -3, max: 150 }).map(String);
    } else if (type.name === 'ID') {
      value = ids().map((id) => JSON.stringify(id));
    } else if (type.name === 'DateTime') {
      value = fc
        .oneof(
          fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
          fc.string({ maxLength: 30 }),
        )
        .map((text) => JSON.stringify(text));
    } else {
      value = fc.string({ maxLength: 30 }).map((text) => JSON.stringify(text));
    }
    return value.map((text) => `${arg.name}: ${text}`);
  };

  const argumentsOf = (field: GraphQLField<unknown, unknown>): fc.Arbitrary<string> => {
    if (field.args.length === 0) return fc.constant('');
    const required = field.args.filter((arg) => isNonNullType(arg.type));
    const optional = field.args.filter((arg) => !isNonNullType(arg.type));
    return fc
      .tuple(
        fc.tuple(...required.map(argument)),
        fc
          .subarray(optional, { maxLength: Math.min(4, optional.length) })
          .chain((chosen) => fc.tuple(...chosen.map(argument))),
      )
      .map(([req, opt]) => {
        const all = [...req, ...opt];
        return all.length === 0 ? '' : `(${all.join(', ')})`;
      });
  };

  const selection = (type: GraphQLObjectType, depth: number): fc.Arbitrary<string> => {
    const fields = Object.values(type.getFields());
    return fc
      .subarray(fields, { minLength: 1, maxLength: Math.min(5, fields.length) })
      .chain((chosen) => fc.tuple(...chosen.map((field) => fieldSelection(field, depth))))
      .map((parts) => parts.join(' '));
  };

  const fieldSelection = (
    field: GraphQLField<unknown, unknown>,
    depth: number,
  ): fc.Arbitrary<string> => {
    const type = getNamedType(field.type);
    return argumentsOf(field).chain((args) => {
      if (!isObjectType(type)) return fc.constant(`${field.name}${args}`);
      if (depth >= 4) return fc.constant(`${field.name}${args} { __typename }`);
      return selection(type, depth + 1).map((sub) => `${field.name}${args} { ${sub} }`);
    });
  };

  it('only ever yield data or documented codes', async () => {
    const queryType = schema.getQueryType();
    if (!queryType) throw new Error('no Query type');
    await fc.assert(
      fc.asyncProperty(selection(queryType, 1), async (sub) => {
        const { status, body } = await harness.query(`{ ${sub} }`);
        expect(status).toBeLessThan(500);
        for (const error of body.errors ?? []) {
          expect(DOCUMENTED_CODES, JSON.stringify(error)).toContain(error.extensions?.code);
        }
      }),
      { seed: SEED, numRuns: 200, interruptAfterTimeLimit: 20_000 },
    );
    await stillServes();
  }, 60_000);
});
