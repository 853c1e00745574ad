import { MalformedLeaf } from './errors.js';
import { isIsoInstant } from './iso-instant.js';

/*
 * The reader of RealtimeKit payloads: tolerant at the leaves, strict about structure, and honest
 * about what it had to tolerate.
 *
 * Why not zod here (zod still checks the configuration and persisted documents): a zod parse is all
 * or nothing. One placeholder timestamp fails the whole participant, and the only way around it,
 * `.catch`, replaces a value without saying where it was. This gateway must instead (1) keep every
 * well-typed leaf of a payload whatever its siblings hold, (2) put, in place of a leaf of the wrong
 * type, an error that costs the field reading it and nothing else, and (3) report the path of every
 * replaced leaf and of every key it does not know, also when nothing failed. zod would need a
 * second, issue-guided pass over a failing payload and could still not see unknown keys in a
 * passing one; this reader does all three in the one walk it makes anyway.
 */

/** A JSON value's type, as drift reports name what upstream sent (never the value itself). */
export type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

export type DriftKind = 'unknown_key' | 'wrong_type';

/**
 * Told about each key the reader does not know and each leaf it had to replace. `path` is the key
 * path inside the resource with list positions written `[]` (`peer_stats.events[].timestamp`), so
 * it names a place in the schema, not a record. Must not throw.
 */
export type DriftSink = (path: string, kind: DriftKind, seen: JsonType) => void;

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'object';
}

const LIST_ITEM = '[]';

/** Where one read of a payload is, so that drift can say where; one per payload. */
export class ReadContext {
  private readonly segments: string[] = [];

  constructor(private readonly sink: DriftSink) {}

  enter(segment: string): void {
    this.segments.push(segment);
  }

  leave(): void {
    this.segments.pop();
  }

  /** A context at the same place with the same sink, for a part read later (see deferred). */
  fork(): ReadContext {
    const copy = new ReadContext(this.sink);
    copy.segments.push(...this.segments);
    return copy;
  }

  /** Reports drift at the current place, or at `key` below it. The path is built only here. */
  report(kind: DriftKind, seen: JsonType, key?: string): void {
    let path = '';
    for (const segment of key === undefined ? this.segments : [...this.segments, key]) {
      path += segment === LIST_ITEM || path === '' ? segment : `.${segment}`;
    }
    this.sink(path, kind, seen);
  }
}

/** Reads one value of a payload. A leaf reader never throws: it returns a MalformedLeaf instead. */
export interface Wire<T> {
  read(value: unknown, at: ReadContext): T;
}

/** A leaf: null when absent, the value when its type fits, else a MalformedLeaf for its field. */
export type Leaf<T> = Wire<T | null | MalformedLeaf>;

/** The value a leaf reader accepts, or undefined when it does not. */
type Accept<T> = (value: unknown) => T | undefined;

function leaf<T>(expected: string, accept: Accept<T>): Leaf<T> {
  return {
    read(value, at) {
      if (value === null || value === undefined) return null;
      const accepted = accept(value);
      if (accepted !== undefined) return accepted;
      at.report('wrong_type', jsonTypeOf(value));
      return new MalformedLeaf(expected);
    },
  };
}

/** A JSON number, or a string that spells one (`"30.5"`), as some upstream versions send counters. */
const NUMERIC = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

export const text: Leaf<string> = leaf('String', (value) =>
  typeof value === 'string' ? value : undefined,
);

/** A finite number, sent as one or spelt as one; `"1e400"` is as wrong as a word. */
function finiteNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' && NUMERIC.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

export const count: Leaf<number> = leaf('Float', finiteNumber);

/** GraphQL's Int is 32-bit: a count beyond it (or a fraction) would fail in the serializer instead. */
const INT_MAX = 2 ** 31 - 1;

/** A whole number in GraphQL Int's range, sent as a number or a numeric string (`"8"`). */
export const integer: Leaf<number> = leaf('Int', (value) => {
  const number = finiteNumber(value);
  return number !== undefined && Number.isInteger(number) && Math.abs(number) <= INT_MAX
    ? number
    : undefined;
});

export const flag: Leaf<boolean> = leaf('Boolean', (value) => {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  return value === 'false' ? false : undefined;
});

export const timestamp: Leaf<string> = leaf('DateTime', (value) =>
  typeof value === 'string' && isIsoInstant(value) ? value : undefined,
);

/** A string, or a number kept as its decimal string (IP-intelligence sources disagree on `AS7922`). */
export const textOrNumber: Leaf<string> = leaf('String', (value) => {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
});

/** A boolean or a string, kept as sent: `webgl_support` is one or the other depending on the endpoint. */
export const flagOrText: Leaf<boolean | string> = leaf('BooleanOrString', (value) =>
  typeof value === 'boolean' || typeof value === 'string' ? value : undefined,
);

/** Any JSON value, passed through: free-form maps whose keys upstream does not fix. */
export const json: Wire<unknown> = { read: (value) => value ?? null };

/** The resource's own id: without one a record cannot be keyed, so it fails as structure. */
export const identity: Wire<string> & { readonly identity: true } = {
  identity: true,
  read: (value) => value as string,
};

/** A field read from the first of several upstream spellings that is present. */
export interface Aliased<T> {
  readonly keys: readonly string[];
  readonly wire: Wire<T>;
}

export function aliased<T>(keys: readonly string[], wire: Wire<T>): Aliased<T> {
  return { keys, wire };
}

type FieldSpec = Wire<unknown> | Aliased<unknown>;

type OutputOf<F> = F extends Wire<infer T> ? T : F extends Aliased<infer T> ? T : never;

export type ShapeOutput<S extends Record<string, FieldSpec>> = { [K in keyof S]: OutputOf<S[K]> };

/** An object's keys and how each is read: the type of one kind of record. */
export interface Shape<Out> {
  /**
   * The record read from `value`, or undefined (drift reported) when `value` is not an object or
   * lacks its identity. Unknown keys are left out and reported; every known key is present.
   */
  readRecord(value: unknown, at: ReadContext): Out | undefined;
}

export type RecordOf<S> = S extends Shape<infer Out> ? Out : never;

const isAliased = (field: FieldSpec): field is Aliased<unknown> => 'keys' in field;
const isIdentity = (field: FieldSpec): boolean => 'identity' in field;

export function shape<const S extends Record<string, FieldSpec>>(fields: S): Shape<ShapeOutput<S>> {
  const entries = Object.entries(fields).map(([name, field]) =>
    isAliased(field)
      ? { name, keys: field.keys, wire: field.wire }
      : { name, keys: [name] as const, wire: field },
  );
  const known = new Set(entries.flatMap((entry) => entry.keys));
  const identityKey = Object.entries(fields).find(([, field]) => isIdentity(field))?.[0];

  return {
    readRecord(value, at) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        at.report('wrong_type', jsonTypeOf(value));
        return undefined;
      }
      const input = value as Readonly<Record<string, unknown>>;
      if (identityKey !== undefined) {
        const id = input[identityKey];
        if (typeof id !== 'string' || id === '') {
          at.report('wrong_type', jsonTypeOf(id), identityKey);
          return undefined;
        }
      }
      const output: Record<string, unknown> = {};
      for (const { name, keys, wire } of entries) {
        let key = keys[0] as string;
        let raw = input[key];
        for (let index = 1; raw === undefined && index < keys.length; index += 1) {
          key = keys[index] as string;
          raw = input[key];
        }
        at.enter(key);
        output[name] = wire.read(raw, at);
        at.leave();
      }
      for (const key in input) {
        if (!known.has(key)) at.report('unknown_key', jsonTypeOf(input[key]), key);
      }
      return output as ShapeOutput<S>;
    },
  };
}

/** A field that holds one record: null when absent, a MalformedLeaf when it is not an object. */
export function object<Out>(record: Shape<Out>): Wire<Out | null | MalformedLeaf> {
  return {
    read(value, at) {
      if (value === null || value === undefined) return null;
      return record.readRecord(value, at) ?? new MalformedLeaf('an object');
    },
  };
}

/**
 * A list whose elements `readElement` reads, keeping those it returns (it reports the others). Null
 * when absent; a MalformedLeaf when not a list.
 */
function list<T>(
  readElement: (element: unknown, at: ReadContext) => T | undefined,
): Wire<T[] | null | MalformedLeaf> {
  return {
    read(value, at) {
      if (value === null || value === undefined) return null;
      if (!Array.isArray(value)) {
        at.report('wrong_type', jsonTypeOf(value));
        return new MalformedLeaf('a list');
      }
      const items: T[] = [];
      at.enter(LIST_ITEM);
      for (const element of value) {
        const item = readElement(element, at);
        if (item !== undefined) items.push(item);
      }
      at.leave();
      return items;
    },
  };
}

/**
 * A list of records. An element that is not a record is left out (and reported): the lists of the
 * schema hold non-null elements, and one null element would cost the whole list.
 */
export function listOf<Out>(record: Shape<Out>): Wire<Out[] | null | MalformedLeaf> {
  return list((element, at) => record.readRecord(element, at));
}

/** A list of leaves; an element of the wrong type, or null, is left out (and reported). */
export function scalars<T>(element: Leaf<T>): Wire<T[] | null | MalformedLeaf> {
  return list((raw, at) => {
    const item = element.read(raw, at);
    if (item === null) at.report('wrong_type', 'null');
    return item === null || item instanceof MalformedLeaf ? undefined : item;
  });
}

/** A list of records that some versions send as its single record instead (`quality_stats`). */
export function oneOrMany<Out>(record: Shape<Out>): Wire<Out[] | null | MalformedLeaf> {
  const many = listOf(record);
  return {
    read(value, at) {
      if (value === null || value === undefined || Array.isArray(value)) {
        return many.read(value, at);
      }
      if (typeof value !== 'object') {
        at.report('wrong_type', jsonTypeOf(value));
        return new MalformedLeaf('a list');
      }
      // The lone record sits where a list's element would, so its drift reads at the same path.
      at.enter(LIST_ITEM);
      const item = record.readRecord(value, at);
      at.leave();
      return item === undefined ? new MalformedLeaf('a list') : [item];
    },
  };
}

/**
 * A part of a payload read when it is first asked for, then remembered. The peer report's quality
 * series (a sample every few seconds, eight lists: 95% of a `quality_stats` report's bytes) are
 * read this way: most queries select the cumulatives only, and reading every sample of 30 reports
 * cost 2.5 times parsing them. The part keeps its place in the payload, so its drift is reported
 * at the same path, when it is read; a part never selected is never served, so never checked.
 */
export class Deferred<T> {
  private raw: unknown;
  private reader: ((raw: unknown) => T) | undefined;
  private value: T | undefined;

  constructor(raw: unknown, reader: (raw: unknown) => T) {
    this.raw = raw;
    this.reader = reader;
  }

  /** The part, read on the first call; the unread payload is released then. */
  get(): T {
    const { reader } = this;
    if (reader !== undefined) {
      this.value = reader(this.raw);
      this.reader = undefined;
      this.raw = undefined;
    }
    return this.value as T;
  }

  /** Serialized as what it reads as, so a record prints the same read or unread. */
  toJSON(): unknown {
    return this.get();
  }
}

/** A field read as a Deferred (null when absent, so a missing part needs no reading). */
export function deferred<T>(wire: Wire<T>): Wire<Deferred<T> | null> {
  return {
    read(value, at) {
      if (value === null || value === undefined) return null;
      const where = at.fork();
      return new Deferred(value, (raw) => wire.read(raw, where));
    },
  };
}

/** A reader defined later, for recursive records (a session's breakout rooms are sessions). */
export function later<T>(wire: () => Wire<T>): Wire<T> {
  return { read: (value, at) => wire().read(value, at) };
}
