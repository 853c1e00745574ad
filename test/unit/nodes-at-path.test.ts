import { getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { nodesAtPath } from '../../src/plugins/use-compiled-execution.js';

/** Where each field node found for `path` starts, as `line:column`. */
function locate(query: string, path: (string | number)[]): string[] {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  return nodesAtPath(document, operation, path).map((node) => {
    const { line, column } = node.loc?.startToken ?? { line: 0, column: 0 };
    return `${String(line)}:${String(column)}`;
  });
}

describe('the field nodes a response path points at', () => {
  it('follows aliases, not field names', () => {
    const query = '{\n  a: peerReport(peerId: "x") { id }\n  b: peerReport(peerId: "y") { id }\n}';
    expect(locate(query, ['b', 'id'])).toEqual(['3:32']);
  });

  it('skips list indices', () => {
    const query = '{ sessions { items {\n  id\n} } }';
    expect(locate(query, ['sessions', 'items', 3, 'id'])).toEqual(['2:3']);
  });

  it('looks through named and inline fragments, and finds every node of a merged field', () => {
    const query = [
      '{ participant(sessionId: "s", participantId: "p") { ...F ... on Participant {',
      '  qualityStats { peerId } } } }',
      'fragment F on Participant {',
      '  qualityStats { start }',
      '}',
    ].join('\n');
    expect(locate(query, ['participant', 'qualityStats'])).toEqual(['4:3', '2:3']);
  });

  it('finds nothing for a key the selection does not have', () => {
    expect(locate('{ a: __typename }', ['b'])).toEqual([]);
  });
});
