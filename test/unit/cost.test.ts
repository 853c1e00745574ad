import { describe, expect, it } from 'vitest';
import { operationOf } from '../support/documents.js';
import { estimateUpstreamCalls } from '../../src/loaders/cost.js';

function estimate(source: string, variables: Record<string, unknown> = {}): number {
  const { operation, fragments } = operationOf(source);
  return estimateUpstreamCalls(operation, fragments, variables);
}

const P = 'participant(sessionId: "s", participantId: "p")';

describe('estimateUpstreamCalls', () => {
  it('counts one call per root resource, and every alias', () => {
    expect(estimate(`{ ${P} { id } }`)).toBe(1);
    expect(estimate(`{ a: ${P} { id } b: ${P} { id } c: peerReport(peerId: "p") { id } }`)).toBe(3);
    expect(estimate('{ __typename }')).toBe(0);
  });

  it('counts links only when they need the other side', () => {
    expect(estimate(`{ ${P} { peerReport { displayName } } }`)).toBe(1);
    expect(
      estimate(`{ ${P} { peerReport { quality { __typename } metadata { sdkName } } } }`),
    ).toBe(2);
    expect(estimate('{ peerReport(peerId: "p") { participant { qualityStats { end } } } }')).toBe(
      2,
    );
  });

  it('costs a session only when a field needs its record', () => {
    expect(estimate('{ session(sessionId: "s") { id } }')).toBe(0);
    expect(estimate('{ session(sessionId: "s") { id status breakoutRooms { id } } }')).toBe(1);
  });

  it("counts a listed session's breakout rooms, which need the session's own call", () => {
    expect(estimate('{ sessions(perPage: 50) { items { id breakoutRooms { id } } } }')).toBe(51);
    expect(estimate('{ sessions(perPage: 50) { items { id status } } }')).toBe(1);
  });

  it('reads page sizes from the variables it is given (the coerced ones, defaults included)', () => {
    const query = 'query($n: Int) { sessions(perPage: $n) { items { breakoutRooms { id } } } }';
    expect(estimate(query, { n: 100 })).toBe(101);
    expect(estimate(query)).toBe(21);
  });

  it('multiplies per-item calls by the page size', () => {
    const fanOut = (perPage: string) =>
      `{ session(sessionId: "s") { participants${perPage} { items { displayName peerReport { quality { __typename } } } } } }`;
    expect(estimate(fanOut('(perPage: 30)'))).toBe(31);
    expect(estimate(fanOut(''))).toBe(21);
    expect(
      estimate(
        'query ($n: Int) { session(sessionId: "s") { participants(perPage: $n) { items { qualityStats { end } } } } }',
        { n: 50 },
      ),
    ).toBe(51);
    expect(
      estimate(
        '{ sessions(perPage: 100) { items { participants(perPage: 100) { items { qualityStats { end } } } } } }',
      ),
    ).toBe(1 + 100 * (1 + 100));
  });

  it('counts basic list fields as free', () => {
    expect(estimate('{ sessions { items { id status } } }')).toBe(1);
    expect(estimate('{ session(sessionId: "s") { participants { items { displayName } } } }')).toBe(
      1,
    );
  });

  it('counts a fragment every time it is spread, and honours @skip', () => {
    expect(
      estimate(
        `{ a: ${P} { ...F } b: ${P} { ...F } } fragment F on Participant { peerReport { quality { __typename } } }`,
      ),
    ).toBe(4);
    expect(
      estimate(`query ($s: Boolean!) { a: ${P} @skip(if: $s) { id } b: ${P} { id } }`, { s: true }),
    ).toBe(1);
  });

  it('terminates on fragments that spread themselves', () => {
    expect(estimate(`{ ${P} { ...F } } fragment F on Participant { id ...F }`)).toBe(1);
  });
});
