import { describe, expect, it } from 'vitest';
import { createSchema } from 'graphql-yoga';
import { createPreparedDocuments } from '../../src/http/prepared-documents.js';
import { loadConfig } from '../../src/config.js';
import { resolvers } from '../../src/resolvers/index.js';
import { loadTypeDefs } from '../../src/server.js';

const schema = createSchema({ typeDefs: loadTypeDefs(), resolvers });
const { limits } = loadConfig({});

const prepared = (options: { introspection?: boolean; maxEntries?: number } = {}) =>
  createPreparedDocuments({ schema, limits, introspection: true, ...options });

describe('prepared documents', () => {
  it('prepares a valid query once and reuses it', () => {
    const documents = prepared();
    const source = 'query Q { sessions { items { id } } }';
    const first = documents.runnable(source, undefined);
    expect(first?.operation.name?.value).toBe('Q');
    expect(documents.runnable(source, 'Q')?.compiled).toBe(first?.compiled);
  });

  it('compiles each operation of a document on its own', () => {
    const documents = prepared();
    const source = 'query A { sessions { items { id } } } query B { __typename }';
    expect(documents.runnable(source, undefined)).toBeUndefined();
    const a = documents.runnable(source, 'A');
    const b = documents.runnable(source, 'B');
    expect(a?.operation.name?.value).toBe('A');
    expect(b?.operation.name?.value).toBe('B');
    expect(a?.compiled).not.toBe(b?.compiled);
    expect(documents.runnable(source, 'C')).toBeUndefined();
  });

  it.each([
    ['a syntax error', '{ sessions { '],
    ['a validation error', '{ nope }'],
    ['a subscription', 'subscription S { __typename }'],
  ])('leaves %s to the full pipeline', (_name, source) => {
    expect(prepared().runnable(source, undefined)).toBeUndefined();
  });

  it.each([
    ['tokens', { maxTokens: 8 }],
    ['depth', { maxDepth: 2 }],
    ['aliases', { maxAliases: 1 }],
    ['directives', { maxDirectives: 1 }],
  ])('leaves a document over the %s limit to the full pipeline', (_name, limit) => {
    const source = '{ a: sessions @include(if: true) { b: items @skip(if: false) { id } } }';
    const within = createPreparedDocuments({ schema, limits, introspection: true });
    expect(within.runnable(source, undefined)).toBeDefined();
    const over = createPreparedDocuments({
      schema,
      limits: { ...limits, ...limit },
      introspection: true,
    });
    expect(over.runnable(source, undefined)).toBeUndefined();
  });

  it('refuses introspection when it is turned off, and only then', () => {
    const source = '{ __schema { queryType { name } } }';
    expect(prepared({ introspection: false }).runnable(source, undefined)).toBeUndefined();
    expect(prepared({ introspection: true }).runnable(source, undefined)).toBeDefined();
  });

  it('forgets the least recently used document beyond its bound', () => {
    const documents = prepared({ maxEntries: 2 });
    const run = (n: number) =>
      documents.runnable(`query Q${n} { __typename }`, undefined)?.compiled;
    const first = run(1);
    const second = run(2);
    expect(run(1)).toBe(first);
    // 2 is now the least recently used, so 3 pushes it out and 1 stays.
    run(3);
    expect(run(1)).toBe(first);
    expect(run(2)).not.toBe(second);
  });
});
