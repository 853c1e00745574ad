import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isLeafType, isNonNullType, isObjectType } from 'graphql';
import type { GraphQLField, GraphQLNamedType, GraphQLObjectType, GraphQLSchema } from 'graphql';

/*
 * What the wire tests share: a server that answers every call with one fixed payload, a query that
 * selects every field the schema has under a resource, and the map from a payload leaf's key path to
 * the GraphQL path that exposes it. The map is written once, from the schema's naming rules, so a
 * test can hold every published leaf to the field that must carry it.
 */

export type PathSegment = string | number;

/** The gateway's printed schema, as clients see it. */
export function gatewaySchema(): GraphQLSchema {
  return buildSchema(
    readFileSync(new URL('../../src/generated/schema.graphql', import.meta.url), 'utf8'),
  );
}

/**
 * Fields the wire tests leave out: links that would make another upstream call (they hold one
 * resource at a time), and the call-quality insights, which are computed from many leaves rather
 * than read from one (a wrong leaf is left out of the judgement: test/unit/call-quality.test.ts).
 */
const LINKS = new Set([
  'Participant.peerReport',
  'PeerReport.participant',
  'Participant.insights',
  'Session.qualityOverview',
  'PeerReport.insights',
  'PeerReport.qualityTimeline',
]);

/** A selection of every field of `type` and below, except links to other resources. */
export function selectAll(schema: GraphQLSchema, typeName: string): string {
  const type = schema.getType(typeName) as GraphQLObjectType;
  const fields = Object.values(type.getFields())
    .filter((field) => !LINKS.has(`${typeName}.${field.name}`))
    .filter((field) => field.args.every((arg) => !isNonNullType(arg.type)))
    .map((field) => {
      const named = getNamedType(field.type);
      return isLeafType(named) ? field.name : `${field.name} ${selectAll(schema, named.name)}`;
    });
  return `{ ${fields.join(' ')} }`;
}

/** The GraphQL field's type at a response path below `rootType`, or undefined when none has it. */
export function fieldTypeAt(
  schema: GraphQLSchema,
  rootType: string,
  path: readonly PathSegment[],
): { readonly type: string; readonly nullable: boolean } | undefined {
  let type: GraphQLObjectType | undefined = schema.getType(rootType) as GraphQLObjectType;
  let found: { type: string; nullable: boolean } | undefined;
  for (const segment of path) {
    if (typeof segment === 'number') continue;
    const field: GraphQLField<unknown, unknown> | undefined = type?.getFields()[segment];
    if (field === undefined) return undefined;
    const named: GraphQLNamedType = getNamedType(field.type);
    found = { type: named.name, nullable: !isNonNullType(field.type) };
    type = isObjectType(named) ? named : undefined;
  }
  return found;
}

const DIGIT_PREFIXES: Readonly<Record<string, string>> = {
  '5': 'five',
  '10': 'ten',
  '25': 'twentyFive',
  '50': 'fifty',
  '100ms': 'oneHundredMs',
  '250ms': 'twoHundredFiftyMs',
  '500ms': 'fiveHundredMs',
};

/** Upstream keys the schema names otherwise than by camel-casing them. */
const RENAMED: Readonly<Record<string, string>> = {
  role: 'presetName',
  throughtput: 'throughput',
  effective_networktype: 'effectiveNetworkType',
  frame_per_second: 'framesPerSecond',
};

function camel(key: string): string {
  const renamed = RENAMED[key];
  if (renamed !== undefined) return renamed;
  const [first = '', ...rest] = key.split('_');
  const head = DIGIT_PREFIXES[first] ?? first;
  return head + rest.map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}

const QUALITY_KEY =
  /^(audio|video|screenshare_audio|screenshare_video)_(producer|consumer)(_cumulative)?$/;

/**
 * The GraphQL path (below the resource's root field) of a leaf at `wirePath` inside the resource.
 * `peer_report.quality.audio_producer[3].rtt` becomes `quality.audio.producer[3].rtt`; the
 * `peer_report` wrapper goes; a `quality_stats` sent as one object is the list's first element.
 */
export function graphqlPathOf(
  wirePath: readonly PathSegment[],
  options: { readonly qualityStatsIsObject?: boolean } = {},
): PathSegment[] {
  const out: PathSegment[] = [];
  for (let index = 0; index < wirePath.length; index += 1) {
    const segment = wirePath[index] as PathSegment;
    const previous = wirePath[index - 1];
    if (typeof segment === 'number') {
      out.push(segment);
    } else if (segment === 'peer_report' && index === 0) {
      continue;
    } else if (previous === 'quality' && QUALITY_KEY.test(segment)) {
      const [, media = '', direction = '', cumulative] = QUALITY_KEY.exec(segment) ?? [];
      out.push(camel(media), cumulative === undefined ? direction : `${direction}Cumulative`);
    } else {
      out.push(camel(segment));
      if (segment === 'quality_stats' && options.qualityStatsIsObject === true) out.push(0);
    }
  }
  return out;
}

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Every leaf of a JSON value with its key path. An empty list or object is a leaf of its own (the
 * field must still be there), and so is any value `isLeaf` says is one (a JSON-typed map).
 */
export function leavesOf(
  value: JsonValue,
  isLeaf: (path: readonly PathSegment[]) => boolean = () => false,
  path: PathSegment[] = [],
): { readonly path: PathSegment[]; readonly value: JsonValue }[] {
  if (value === null || typeof value !== 'object' || isLeaf(path)) return [{ path, value }];
  const entries: [PathSegment, JsonValue][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  if (entries.length === 0) return [{ path, value }];
  return entries.flatMap(([key, item]) => leavesOf(item, isLeaf, [...path, key]));
}

/** The value at a path of a JSON response, or undefined when the path does not exist. */
export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

export const pathKey = (path: readonly PathSegment[]): string => path.join('.');

export interface PayloadServer {
  readonly baseUrl: string;
  /** The body every call is answered with from now on. */
  serve(body: unknown): void;
  readonly calls: string[];
  close(): Promise<void>;
}

/** A real HTTP server on loopback that answers every GET with the payload it was last given. */
export async function startPayloadServer(): Promise<PayloadServer> {
  let body = '{}';
  const calls: string[] = [];
  const server = createServer((request, response) => {
    calls.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'application/json', connection: 'close' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/client/v4`,
    serve(next) {
      body = JSON.stringify(next);
    },
    calls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
