import { context } from '../support/drift.js';
import type { Report } from '../support/drift.js';
import { describe, expect, it } from 'vitest';
import { GatewayError, MalformedLeaf } from '../../src/upstream/errors.js';
import {
  ParticipantDetailsRecord,
  PrecallNetworkInformationRecord,
} from '../../src/upstream/schemas.js';
import {
  aliased,
  count,
  Deferred,
  deferred,
  flag,
  flagOrText,
  identity,
  json,
  jsonTypeOf,
  listOf,
  object,
  oneOrMany,
  scalars,
  shape,
  text,
  textOrNumber,
  timestamp,
} from '../../src/upstream/wire.js';
import type { JsonType, Shape, Wire } from '../../src/upstream/wire.js';

function readWith<Out>(
  record: Shape<Out>,
  value: unknown,
): { record: Out | undefined; reports: Report[] } {
  const { at, reports } = context();
  return { record: record.readRecord(value, at), reports };
}

/** One field `value` read by `wire`, as a record's field is. */
function readField<T>(wire: Wire<T>, value: unknown): { value: T; reports: Report[] } {
  const { record, reports } = readWith(shape({ value: wire }), { value });
  if (record === undefined) throw new Error('the test record was not read');
  return { value: record.value, reports };
}

const wrongType = (path: string, seen: JsonType): Report => ({ path, kind: 'wrong_type', seen });
const unknownKey = (path: string, seen: JsonType): Report => ({ path, kind: 'unknown_key', seen });

const Inner = shape({ name: text, size: count });
const Outer = shape({
  id: identity,
  label: text,
  inner: object(Inner),
  items: listOf(Inner),
});

describe('leaves', () => {
  it.each([
    ['30.5', 30.5],
    ['-2', -2],
    ['1e3', 1000],
    ['0', 0],
    [42, 42],
    [0.25, 0.25],
  ] as const)('reads %j as the number %d', (sent, read) => {
    expect(readField(count, sent)).toEqual({ value: read, reports: [] });
  });

  it.each(['thirty', '', '0x10', '30.5 ms'])(
    'reads the non-numeric string %j as a MalformedLeaf',
    (sent) => {
      const { value, reports } = readField(count, sent);
      expect(value).toBeInstanceOf(MalformedLeaf);
      expect(value).toMatchObject({ expected: 'Float' });
      expect(reports).toEqual([wrongType('value', 'string')]);
    },
  );

  it.each([
    ['true', true],
    ['false', false],
    [true, true],
    [false, false],
  ] as const)('reads %j as the boolean %j', (sent, read) => {
    expect(readField(flag, sent)).toEqual({ value: read, reports: [] });
  });

  it.each([
    ['TRUE', 'string'],
    ['yes', 'string'],
    [1, 'number'],
  ] as const)('reads %j where a boolean belongs as a MalformedLeaf', (sent, seen) => {
    const { value, reports } = readField(flag, sent);
    expect(value).toBeInstanceOf(MalformedLeaf);
    expect(value).toMatchObject({ expected: 'Boolean' });
    expect(reports).toEqual([wrongType('value', seen)]);
  });

  it('keeps ISO 8601 timestamps as sent, whatever their offset', () => {
    for (const sent of [
      '2026-11-19T10:26:12.037Z',
      '2026-11-19T10:26:12+01:00',
      '2026-11-19T10:26Z',
      '2024-02-29T23:59:59.999-05:30',
    ]) {
      expect(readField(timestamp, sent)).toEqual({ value: sent, reports: [] });
    }
  });

  it.each([
    '0000-00-00 00:00:00',
    'N/A',
    'yesterday',
    '',
    // The right form, but not a time: Date would roll these over to another instant or fail later.
    '2026-13-45T25:61Z',
    '2026-02-30T10:00:00Z',
    '2026-02-30T10:00:00.000Z',
    '2026-11-20T24:00:00+01:00',
  ])('reads the placeholder timestamp %j as a MalformedLeaf expecting a DateTime', (sent) => {
    const { value, reports } = readField(timestamp, sent);
    expect(value).toBeInstanceOf(MalformedLeaf);
    expect(value).toBeInstanceOf(GatewayError);
    expect(value).toMatchObject({ expected: 'DateTime', code: 'UPSTREAM_BAD_RESPONSE' });
    expect(reports).toEqual([wrongType('value', 'string')]);
  });

  it('reads an object or a list where a number belongs as a MalformedLeaf', () => {
    const { record, reports } = readWith(Inner, { name: 'cam', size: { value: 8 } });
    expect(record?.size).toBeInstanceOf(MalformedLeaf);
    expect(record?.size).toMatchObject({ expected: 'Float' });
    // The sibling is read whatever the malformed leaf held.
    expect(record?.name).toBe('cam');
    expect(reports).toEqual([wrongType('size', 'object')]);

    const list = readWith(Inner, { size: [8] });
    expect(list.record?.size).toBeInstanceOf(MalformedLeaf);
    expect(list.reports).toEqual([wrongType('size', 'array')]);
  });

  it('reads a number where a string belongs as a MalformedLeaf', () => {
    const { value, reports } = readField(text, 15);
    expect(value).toBeInstanceOf(MalformedLeaf);
    expect(value).toMatchObject({ expected: 'String' });
    expect(reports).toEqual([wrongType('value', 'number')]);
  });

  it('reads a number as its decimal string where text or a number may come', () => {
    expect(readField(textOrNumber, 7922)).toEqual({ value: '7922', reports: [] });
    expect(readField(textOrNumber, 'AS7922')).toEqual({ value: 'AS7922', reports: [] });
    expect(readField(textOrNumber, true).value).toBeInstanceOf(MalformedLeaf);
  });

  it('keeps a boolean or a string as sent where either may come', () => {
    expect(readField(flagOrText, true)).toEqual({ value: true, reports: [] });
    expect(readField(flagOrText, 'WebGL 2.0')).toEqual({ value: 'WebGL 2.0', reports: [] });
    const { value, reports } = readField(flagOrText, 1);
    expect(value).toBeInstanceOf(MalformedLeaf);
    expect(value).toMatchObject({ expected: 'BooleanOrString' });
    expect(reports).toEqual([wrongType('value', 'number')]);
  });

  it('passes any JSON value through `json`, unknown keys and all, without reports', () => {
    const sent = { reason: 'ice_failed', nested: { list: [1, 'two', null] } };
    expect(readField(json, sent)).toEqual({ value: sent, reports: [] });
    expect(readField(json, undefined)).toEqual({ value: null, reports: [] });
  });

  it('reads an absent or null leaf as null without a report', () => {
    const leaves: readonly Wire<unknown>[] = [
      text,
      count,
      flag,
      timestamp,
      textOrNumber,
      flagOrText,
    ];
    for (const wire of leaves) {
      expect(readField(wire, undefined)).toEqual({ value: null, reports: [] });
      expect(readField(wire, null)).toEqual({ value: null, reports: [] });
    }
  });
});

describe('records', () => {
  it('has every known key, null when absent, and leaves unknown keys out', () => {
    const { record, reports } = readWith(Outer, { id: 'r1', colour: 'red' });
    expect(record).toEqual({ id: 'r1', label: null, inner: null, items: null });
    expect(record).not.toHaveProperty('colour');
    expect(reports).toEqual([unknownKey('colour', 'string')]);
  });

  it('reports unknown keys with their exact paths, lists written []', () => {
    const { record, reports } = readWith(Outer, {
      id: 'r1',
      extra: 1,
      inner: { name: 'a', gpu: 'M2' },
      items: [
        { name: 'b', codec: 'opus' },
        { name: 'c', codec: null, tags: ['x'] },
      ],
    });
    expect(record).toEqual({
      id: 'r1',
      label: null,
      inner: { name: 'a', size: null },
      items: [
        { name: 'b', size: null },
        { name: 'c', size: null },
      ],
    });
    expect(reports).toEqual([
      unknownKey('inner.gpu', 'string'),
      unknownKey('items[].codec', 'string'),
      unknownKey('items[].codec', 'null'),
      unknownKey('items[].tags', 'array'),
      unknownKey('extra', 'number'),
    ]);
  });

  it('names the place of a wrong-typed leaf in a real record', () => {
    const { record, reports } = readWith(ParticipantDetailsRecord, {
      id: 'p1',
      peer_stats: {
        events: [
          { type: 'call_join', timestamp: '2026-11-19T10:26:12.037Z' },
          { type: 'call_leave', timestamp: 'pending' },
        ],
      },
    });
    const events = record?.peer_stats instanceof MalformedLeaf ? null : record?.peer_stats?.events;
    expect(Array.isArray(events) ? events.map((event) => event.type) : events).toEqual([
      'call_join',
      'call_leave',
    ]);
    expect(reports).toEqual([wrongType('peer_stats.events[].timestamp', 'string')]);
  });

  it('keeps the other elements of a list with one non-object element', () => {
    const { record, reports } = readWith(Outer, {
      id: 'r1',
      items: [{ name: 'a' }, 'oops', { name: 'b' }],
    });
    expect(record?.items).toEqual([
      { name: 'a', size: null },
      { name: 'b', size: null },
    ]);
    expect(reports).toEqual([wrongType('items[]', 'string')]);
  });

  it('leaves null, list and number elements of a list out, each reported', () => {
    const { record, reports } = readWith(Outer, { id: 'r1', items: [null, [], 3, { name: 'a' }] });
    expect(record?.items).toEqual([{ name: 'a', size: null }]);
    expect(reports).toEqual([
      wrongType('items[]', 'null'),
      wrongType('items[]', 'array'),
      wrongType('items[]', 'number'),
    ]);
  });

  it('leaves wrong-typed and null elements of a list of leaves out, each reported', () => {
    const { value, reports } = readField(scalars(text), ['a', 5, null, 'b']);
    expect(value).toEqual(['a', 'b']);
    expect(reports).toEqual([wrongType('value[]', 'number'), wrongType('value[]', 'null')]);
  });

  it('reads a non-list where a list belongs, and a non-object where a record belongs, as MalformedLeaf', () => {
    const { record, reports } = readWith(Outer, { id: 'r1', inner: 'none', items: { name: 'a' } });
    expect(record?.inner).toBeInstanceOf(MalformedLeaf);
    expect(record?.inner).toMatchObject({ expected: 'an object' });
    expect(record?.items).toBeInstanceOf(MalformedLeaf);
    expect(record?.items).toMatchObject({ expected: 'a list' });
    expect(reports).toEqual([wrongType('inner', 'string'), wrongType('items', 'object')]);
  });

  it('reads one record where a list of them may come as a one-element list', () => {
    const many = oneOrMany(Inner);
    expect(readField(many, { name: 'a' })).toEqual({
      value: [{ name: 'a', size: null }],
      reports: [],
    });
    expect(readField(many, [{ name: 'a' }, { name: 'b' }]).value).toHaveLength(2);
    const { value, reports } = readField(many, 5);
    expect(value).toBeInstanceOf(MalformedLeaf);
    expect(reports).toEqual([wrongType('value', 'number')]);
  });

  it('names the same place for drift in a lone record as in a list of them', () => {
    const many = oneOrMany(Inner);
    expect(readField(many, { name: 'a', stray: 1 }).reports).toEqual([
      unknownKey('value[].stray', 'number'),
    ]);
    expect(readField(many, [{ name: 'a', stray: 1 }]).reports).toEqual([
      unknownKey('value[].stray', 'number'),
    ]);
  });

  it('reads a numeric string too large for a number as a MalformedLeaf, like a word', () => {
    const { value, reports } = readField(count, '1e400');
    expect(value).toBeInstanceOf(MalformedLeaf);
    expect(reports).toEqual([wrongType('value', 'string')]);
  });

  it('does not report either spelling of an aliased key as unknown', () => {
    for (const key of ['throughput', 'throughtput']) {
      const { record, reports } = readWith(PrecallNetworkInformationRecord, {
        [key]: 1800,
        rtt: 40,
      });
      expect(record?.throughput).toBe(1800);
      expect(record).not.toHaveProperty('throughtput');
      expect(reports).toEqual([]);
    }
  });

  it('reads an aliased field from the first spelling that is present', () => {
    const Renamed = shape({ preset_name: aliased(['preset_name', 'role'], text) });
    expect(readWith(Renamed, { role: 'host' })).toEqual({
      record: { preset_name: 'host' },
      reports: [],
    });
    expect(readWith(Renamed, { preset_name: 'guest', role: 'host' })).toEqual({
      record: { preset_name: 'guest' },
      reports: [],
    });
    // A leaf of the wrong type is reported under the spelling it came in.
    expect(readWith(Renamed, { role: 7 }).reports).toEqual([wrongType('role', 'number')]);
  });

  it.each([
    ['missing', { label: 'no id' }, 'null'],
    ['null', { id: null }, 'null'],
    ['empty', { id: '' }, 'string'],
    ['a number', { id: 42 }, 'number'],
  ] as const)('returns undefined when the identity is %s', (_name, value, seen) => {
    const { record, reports } = readWith(Outer, value);
    expect(record).toBeUndefined();
    expect(reports).toEqual([wrongType('id', seen)]);
  });

  it('returns undefined for a value that is not an object', () => {
    for (const value of [null, 'record', 3, [{ id: 'r1' }]]) {
      const { record, reports } = readWith(Outer, value);
      expect(record).toBeUndefined();
      expect(reports).toEqual([wrongType('', jsonTypeOf(value))]);
    }
  });

  it('starts every read of a shared context at the resource', () => {
    const { at, reports } = context();
    Outer.readRecord({ id: 'a', items: [{ bad: 1 }] }, at);
    Outer.readRecord({ id: 'b', worse: 2 }, at);
    expect(reports).toEqual([unknownKey('items[].bad', 'number'), unknownKey('worse', 'number')]);
  });
});

describe('deferred parts', () => {
  const Sample = shape({ rtt: count });
  const Series = shape({ id: text, samples: deferred(listOf(Sample)) });

  it('reads a deferred part only when asked, at its own path, once', () => {
    const { at, reports } = context();
    const record = Series.readRecord({ id: 'x', samples: [{ rtt: 'slow', codec: 'opus' }] }, at);
    expect(reports).toEqual([]);
    const samples = record?.samples;
    expect(samples).toBeInstanceOf(Deferred);
    const read = samples?.get();
    expect(read).toEqual([{ rtt: expect.any(MalformedLeaf) as unknown }]);
    expect(reports).toEqual([
      { path: 'samples[].rtt', kind: 'wrong_type', seen: 'string' },
      { path: 'samples[].codec', kind: 'unknown_key', seen: 'string' },
    ]);
    expect(samples?.get()).toBe(read);
    expect(reports).toHaveLength(2);
  });

  it('reads an absent part as null, and a part that is not a list as a MalformedLeaf when asked', () => {
    const { at, reports } = context();
    expect(Series.readRecord({ id: 'x' }, at)?.samples).toBeNull();
    const wrong = Series.readRecord({ id: 'x', samples: 7 }, at)?.samples;
    expect(reports).toEqual([]);
    expect(wrong?.get()).toBeInstanceOf(MalformedLeaf);
    expect(reports).toEqual([{ path: 'samples', kind: 'wrong_type', seen: 'number' }]);
  });

  it('serializes as what it reads as', () => {
    const { at } = context();
    const record = Series.readRecord({ id: 'x', samples: [{ rtt: 1 }] }, at);
    expect(JSON.parse(JSON.stringify(record))).toEqual({ id: 'x', samples: [{ rtt: 1 }] });
  });
});

describe('no upstream value in reports or errors', () => {
  const SECRET = 'SECRET-VALUE-123';

  /** Every MalformedLeaf in a read value. */
  function malformedLeaves(value: unknown, into: MalformedLeaf[] = []): MalformedLeaf[] {
    if (value instanceof MalformedLeaf) into.push(value);
    else if (Array.isArray(value)) for (const item of value) malformedLeaves(item, into);
    else if (typeof value === 'object' && value !== null) {
      for (const field of Object.values(value)) malformedLeaves(field, into);
    }
    return into;
  }

  it('names types and paths only, never the value sent', () => {
    const Everything = shape({
      id: identity,
      label: text,
      size: count,
      on: flag,
      at: timestamp,
      either: flagOrText,
      asn: textOrNumber,
      inner: object(Inner),
      items: listOf(Inner),
      names: scalars(count),
      one: oneOrMany(Inner),
    });
    const { record, reports } = readWith(Everything, {
      id: 'r1',
      label: { secret: SECRET },
      size: SECRET,
      on: SECRET,
      at: SECRET,
      either: [SECRET],
      asn: { SECRET },
      inner: SECRET,
      items: [SECRET, { name: SECRET, size: SECRET, note: SECRET }],
      names: [SECRET],
      one: SECRET,
      stray: SECRET,
    });
    const leaves = malformedLeaves(record);
    expect(leaves).toHaveLength(9);
    expect(reports).toEqual([
      wrongType('label', 'object'),
      wrongType('size', 'string'),
      wrongType('on', 'string'),
      wrongType('at', 'string'),
      wrongType('either', 'array'),
      wrongType('asn', 'object'),
      wrongType('inner', 'string'),
      wrongType('items[]', 'string'),
      wrongType('items[].size', 'string'),
      unknownKey('items[].note', 'string'),
      wrongType('names[]', 'string'),
      wrongType('one', 'string'),
      unknownKey('stray', 'string'),
    ]);
    expect(JSON.stringify(reports)).not.toContain(SECRET);
    for (const leaf of leaves) {
      expect(leaf.message).not.toContain(SECRET);
      expect(leaf.expected).not.toContain(SECRET);
      expect(JSON.stringify(leaf)).not.toContain(SECRET);
      expect(JSON.stringify(leaf.toJSON())).not.toContain(SECRET);
    }
  });
});
