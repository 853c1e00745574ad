import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  checkDocument,
  checkTokens,
  countTokens,
  measureDocument,
} from '../../src/plugins/operation-limits.js';

const LOOSE = { maxDepth: 1000, maxAliases: 1000, maxDirectives: 1000, maxFields: 100_000 };

function measure(query: string) {
  return measureDocument(parse(query));
}

/** `{ f { f { … { leaf } } } }` with `depth` fields on the deepest path. */
function nested(depth: number): string {
  return `${'{ f '.repeat(depth - 1)}{ leaf }${' }'.repeat(depth - 1)}`;
}

describe('tokens', () => {
  it('counts every token but comments and the end, as graphql-js does', () => {
    expect(countTokens('{ a }')).toBe(3);
    expect(countTokens('# a comment\n{ a(x: "s", y: [1, 2.5]) @skip(if: true) }')).toBe(21);
    expect(countTokens('')).toBe(0);
  });

  it.each(['{ a }', 'query Q($v: Int = 3) { a(v: $v) { ...F } } fragment F on T { b c }'])(
    'agrees with parse({ maxTokens }) at the boundary for %s',
    (query) => {
      const count = countTokens(query);
      expect(() => parse(query, { maxTokens: count })).not.toThrow();
      expect(() => parse(query, { maxTokens: count - 1 })).toThrow(/Document contains more/);
    },
  );

  it('passes at the maximum and names the limit just over it', () => {
    expect(checkTokens('{ a b }', { maxTokens: 4 })).toBeUndefined();
    expect(checkTokens('{ a b c }', { maxTokens: 4 })).toEqual({
      limit: 'tokens',
      max: 4,
      actual: 5,
    });
  });

  it('stops counting at a syntax error, which the parser reports', () => {
    expect(countTokens('{ a b ` c d e f }')).toBe(3);
  });
});

describe('depth', () => {
  it('counts nested fields, not the operation or fragments', () => {
    expect(measure('{ a }').depth).toBe(1);
    expect(measure('{ a { b { c } } d }').depth).toBe(3);
    expect(measure('{ a { ... on T { b { ...F } } } } fragment F on T { c { d } }').depth).toBe(4);
  });

  it('passes at the maximum and names the limit just over it', () => {
    expect(checkDocument(parse(nested(12)), { ...LOOSE, maxDepth: 12 })).toBeUndefined();
    expect(checkDocument(parse(nested(13)), { ...LOOSE, maxDepth: 12 })).toEqual({
      limit: 'depth',
      max: 12,
      actual: 13,
    });
  });

  it('exempts the subtrees of __schema and __type, aliased or in fragments', () => {
    const deepIntrospection =
      '{ types { fields { type { ofType { ofType { ofType { name } } } } } } }';
    expect(measure(`{ __schema ${deepIntrospection} }`).depth).toBe(1);
    expect(measure(`{ s: __schema ${deepIntrospection} }`).depth).toBe(1);
    expect(measure('{ __type(name: "Query") { fields { type { ofType { name } } } } }').depth).toBe(
      1,
    );
    expect(measure(`{ ...I } fragment I on Query { __schema ${deepIntrospection} }`).depth).toBe(1);
    expect(measure(`{ __schema ${deepIntrospection} a { b { c } } }`).depth).toBe(3);
  });

  describe('a name that looks like introspection is no bypass', () => {
    const deep = '{ a { b { c { d { e } } } } }';

    it.each([
      ['an operation named __schema', `query __schema ${deep}`],
      ['a fragment named __schema', `{ ...__schema } fragment __schema on Query ${deep}`],
      ['a fragment named __type', `{ ...__type } fragment __type on Query ${deep}`],
      ['a field aliased __schema', `{ __schema: a { b { c { d { e } } } } }`],
      ['a field aliased __type', `{ x { __type: a { b { c { d } } } } }`],
      ['__typename', `{ __typename: a { b { c { d { e } } } } }`],
    ])('%s', (_name, query) => {
      expect(checkDocument(parse(query), { ...LOOSE, maxDepth: 4 })).toEqual({
        limit: 'depth',
        max: 4,
        actual: 5,
      });
    });
  });
});

describe('aliases', () => {
  it('counts aliased fields at any depth, introspection included', () => {
    expect(measure('{ a b: c { d: e f } g: __schema { h: types { name } } }').aliases).toBe(4);
  });

  it('passes at the maximum and names the limit just over it', () => {
    expect(checkDocument(parse('{ a: x b: x c: x }'), { ...LOOSE, maxAliases: 3 })).toBeUndefined();
    expect(checkDocument(parse('{ a: x b: x c: x d: x }'), { ...LOOSE, maxAliases: 3 })).toEqual({
      limit: 'aliases',
      max: 3,
      actual: 4,
    });
  });

  it('counts a fragment at every spread, so reusing one is no bypass', () => {
    const spreads = Array.from({ length: 10 }, (_, i) => `p${i}: participant { ...F }`).join(' ');
    // 10 aliased fields, each spreading a fragment with 3 aliases: 10 + 10 × 3.
    expect(measure(`{ ${spreads} } fragment F on Participant { a: id b: id c: id }`).aliases).toBe(
      40,
    );
    const plain = Array.from({ length: 10 }, () => '...F').join(' ');
    expect(
      checkDocument(parse(`{ ${plain} } fragment F on Query { a: x b: x c: x }`), {
        ...LOOSE,
        maxAliases: 29,
      }),
    ).toEqual({ limit: 'aliases', max: 29, actual: 30 });
  });

  it('measures exponential reuse without expanding it', () => {
    // F0 has 2 aliases; each F(k) spreads F(k-1) ten times, so F40 stands for 2 × 10^40 aliases.
    const fragments = Array.from(
      { length: 40 },
      (_, i) => `fragment F${i + 1} on Query { ${Array(10).fill(`...F${i}`).join(' ')} }`,
    ).join(' ');
    const query = `{ ...F40 } fragment F0 on Query { a: x b: x } ${fragments}`;
    const started = performance.now();
    const result = measure(query);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result.aliases).toBe(Number.MAX_SAFE_INTEGER);
    expect(checkDocument(parse(query), LOOSE)).toEqual({
      limit: 'aliases',
      max: 1000,
      actual: Number.MAX_SAFE_INTEGER,
    });
  });
});

describe('directives', () => {
  it('counts directives everywhere in the operation, fragments at every spread', () => {
    const query =
      'query Q($v: Boolean = true @deprecated) @live { a @include(if: $v) { ...F ...F ... on T @skip(if: false) { b } } } fragment F on T @frag { c @x d }';
    // variable 1 + operation 1 + field 1 + inline fragment 1 + 2 × (definition 1 + field 1).
    expect(measure(query).directives).toBe(8);
  });

  it('passes at the maximum and names the limit just over it', () => {
    expect(
      checkDocument(parse('{ a @x b @x c @x }'), { ...LOOSE, maxDirectives: 3 }),
    ).toBeUndefined();
    expect(checkDocument(parse('{ a @x @y b @x c @x }'), { ...LOOSE, maxDirectives: 3 })).toEqual({
      limit: 'directives',
      max: 3,
      actual: 4,
    });
  });

  it('allows a limit of zero', () => {
    expect(checkDocument(parse('{ a }'), { ...LOOSE, maxDirectives: 0 })).toBeUndefined();
    expect(checkDocument(parse('{ a @x }'), { ...LOOSE, maxDirectives: 0 })).toEqual({
      limit: 'directives',
      max: 0,
      actual: 1,
    });
  });
});

describe('recursive and unknown fragments', () => {
  it.each([
    ['a fragment spreading itself', '{ ...A } fragment A on Query { a: x { ...A } }'],
    [
      'two fragments spreading each other',
      '{ ...A } fragment A on Query { a: x { ...B } } fragment B on Query { b: y { ...A } }',
    ],
    ['a fragment spreading itself twice', '{ ...A ...A } fragment A on Query { ...A ...A a: x }'],
  ])('terminates for %s', (_name, query) => {
    const result = measure(query);
    expect(result.depth).toBeLessThanOrEqual(2);
    expect(checkDocument(parse(query), LOOSE)).toBeUndefined();
  });

  it('still reports an over-limit cycle', () => {
    const query = '{ ...A } fragment A on Query { a { b { c { ...A } } } }';
    expect(checkDocument(parse(query), { ...LOOSE, maxDepth: 2 })).toEqual({
      limit: 'depth',
      max: 2,
      actual: 3,
    });
  });

  it('ignores a spread of a fragment the document does not define', () => {
    expect(measure('{ a { ...Missing } }')).toEqual({
      depth: 1,
      aliases: 0,
      directives: 0,
      fields: 1,
      introspection: 0,
    });
  });
});

describe('documents with several operations', () => {
  it('reports the largest operation, not their sum', () => {
    const query =
      'query A { a: x b: x } query B { c: x { d { e } } } fragment Unused on Q { z: x }';
    expect(measure(query)).toEqual({
      depth: 3,
      aliases: 2,
      directives: 0,
      fields: 3,
      introspection: 0,
    });
  });

  it('counts fields with every fragment at each of its spreads, and an introspection root as one field-free root', () => {
    expect(measure('{ a b { c d } }').fields).toBe(4);
    expect(measure('{ a { ...F } b { ...F } } fragment F on T { c d e }').fields).toBe(8);
    expect(measure('{ __schema { types { name fields { name } } } a }')).toMatchObject({
      fields: 2,
      introspection: 1,
    });
  });

  it('refuses more fields than maxFields, once fragments are expanded', () => {
    // Ten spreads of a 30-field fragment: 40 fields in the text, 310 once expanded.
    const fields = Array.from({ length: 30 }, (_, index) => `f${index}`).join(' ');
    const spreads = Array.from({ length: 10 }, (_, index) => `s${index}: x { ...F }`).join(' ');
    const query = `{ ${spreads} } fragment F on T { ${fields} }`;
    expect(checkDocument(parse(query), { ...LOOSE, maxFields: 310 })).toBeUndefined();
    expect(checkDocument(parse(query), { ...LOOSE, maxFields: 309 })).toEqual({
      limit: 'fields',
      max: 309,
      actual: 310,
    });
  });

  it('refuses a second introspection root, aliased or in a fragment', () => {
    expect(checkDocument(parse('{ __schema { queryType { name } } }'), LOOSE)).toBeUndefined();
    expect(
      checkDocument(
        parse('{ a: __schema { queryType { name } } b: __schema { queryType { name } } }'),
        LOOSE,
      ),
    ).toEqual({ limit: 'introspection', max: 1, actual: 2 });
    expect(
      checkDocument(
        parse(
          '{ __schema { types { name } } ...T } fragment T on Query { __type(name: "Query") { name } }',
        ),
        LOOSE,
      ),
    ).toEqual({ limit: 'introspection', max: 1, actual: 2 });
  });

  it('checks depth, then aliases, then directives', () => {
    expect(
      checkDocument(parse('{ a: x { b: y @d } }'), {
        maxDepth: 1,
        maxAliases: 0,
        maxDirectives: 0,
        maxFields: 0,
      }),
    ).toEqual({ limit: 'depth', max: 1, actual: 2 });
    expect(
      checkDocument(parse('{ a: x { b: y @d } }'), {
        maxDepth: 2,
        maxAliases: 0,
        maxDirectives: 0,
        maxFields: 0,
      }),
    ).toEqual({ limit: 'aliases', max: 0, actual: 2 });
  });
});
