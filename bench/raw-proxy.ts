/**
 * The "raw proxy" baseline: the thinnest Node service doing the scenarios' work. node:http in, undici
 * `Pool.request` out, the upstream JSON reshaped into the gateway's response, nothing else: no GraphQL
 * parsing or validation, no schema, no retries, no limits, no logs. It knows the benchmark's operations
 * by name (the gateway's request body, `operationName` + `variables`) and makes the calls the gateway
 * makes for them, with the gateway's default connection count and per-request concurrency.
 *
 * Environment: PORT, BENCH_UPSTREAM_URL (the fake's base URL), BENCH_ACCOUNT_ID, BENCH_APP_ID,
 * BENCH_UPSTREAM_CONNECTIONS, BENCH_CONCURRENCY_PER_REQUEST.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Pool } from 'undici';
import { appOf, mapLimit, restPath } from './rest.js';
import { FAN_OUT_PAGE } from './scenarios.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
};

const app = appOf(env('BENCH_UPSTREAM_URL'), env('BENCH_ACCOUNT_ID'), env('BENCH_APP_ID'));
const concurrency = Number(env('BENCH_CONCURRENCY_PER_REQUEST'));
const pool = new Pool(app.origin, { connections: Number(env('BENCH_UPSTREAM_CONNECTIONS')) });
const MAX_BODY_BYTES = 100 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson(path: string, authorization: string): Promise<unknown> {
  const { statusCode, body } = await pool.request({
    path,
    method: 'GET',
    headers: { authorization },
  });
  if (statusCode !== 200) {
    await body.dump();
    throw new HttpError(502, `upstream answered ${statusCode}`);
  }
  return body.json();
}

/**
 * Output field → upstream path (dot-separated), [path, nested selection], or a nested selection read from
 * the same upstream object: a grouping the GraphQL schema has and the wire does not (the peer report's
 * flat `quality` keys, `audio_producer_cumulative` …, gathered under `audio`, `video`).
 */
interface Shape {
  readonly [field: string]: string | Nested | Shape;
}
type Nested = readonly [string, Shape];

// Array.isArray does not narrow a readonly tuple out of a union, hence the predicate.
const isNested = (spec: Nested | Shape): spec is Nested => Array.isArray(spec);

function at(source: unknown, path: string): unknown {
  let value = source;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function pick(source: unknown, shape: Shape): unknown {
  if (source === undefined || source === null) return null;
  if (Array.isArray(source)) return source.map((item: unknown) => pick(item, shape));
  const out: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(shape)) {
    out[field] =
      typeof spec === 'string'
        ? (at(source, spec) ?? null)
        : isNested(spec)
          ? pick(at(source, spec[0]), spec[1])
          : pick(source, spec);
  }
  return out;
}

const ONE_CALL: Shape = {
  id: 'id',
  displayName: 'display_name',
  presetName: 'preset_name',
  joinedAt: 'joined_at',
  leftAt: 'left_at',
  duration: 'duration',
  metadata: [
    'peer_report.metadata',
    {
      deviceInfo: [
        'device_info',
        { os: 'os', osVersion: 'os_version', isMobile: 'is_mobile', cpus: 'cpus' },
      ],
      browserMetadata: [
        'browser_metadata',
        { browser: 'browser', browserVersion: 'browser_version', engine: 'engine' },
      ],
    },
  ],
};

const PARTICIPANT_FULL: Shape = {
  id: 'id',
  userId: 'user_id',
  customParticipantId: 'custom_participant_id',
  displayName: 'display_name',
  presetName: 'preset_name',
  joinedAt: 'joined_at',
  leftAt: 'left_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  duration: 'duration',
  peerStats: [
    'peer_stats',
    {
      config: 'config',
      status: 'status',
      deviceInfo: [
        'device_info',
        {
          browser: 'browser',
          browserVersion: 'browser_version',
          cpus: 'cpus',
          engine: 'engine',
          isMobile: 'is_mobile',
          memory: 'memory',
          os: 'os',
          osVersion: 'os_version',
          sdkName: 'sdk_name',
          sdkVersion: 'sdk_version',
          userAgent: 'user_agent',
          webglSupport: 'webgl_support',
        },
      ],
      events: ['events', { type: 'type', timestamp: 'timestamp' }],
      ipInformation: [
        'ip_information',
        {
          city: 'city',
          country: 'country',
          ipLocation: 'ip_location',
          ipv4: 'ipv4',
          org: 'org',
          portal: 'portal',
          region: 'region',
          timezone: 'timezone',
        },
      ],
      precallNetworkInformation: [
        'precall_network_information',
        {
          backendRtt: 'backend_rtt',
          effectiveNetworkType: 'effective_networktype',
          fractionalLoss: 'fractional_loss',
          jitter: 'jitter',
          reflexiveConnectivity: 'reflexive_connectivity',
          relayConnectivity: 'relay_connectivity',
          rtt: 'rtt',
          throughput: 'throughput',
          turnConnectivity: 'turn_connectivity',
        },
      ],
    },
  ],
  qualityStats: [
    'quality_stats',
    {
      peerId: 'peer_id',
      start: 'start',
      end: 'end',
      averageQuality: 'average_quality',
      audioBandwidth: 'audio_bandwidth',
      videoBandwidth: 'video_bandwidth',
      audioPacketLoss: 'audio_packet_loss',
      videoPacketLoss: 'video_packet_loss',
      audioStats: [
        'audio_stats',
        {
          timestamp: 'timestamp',
          concealmentEvents: 'concealment_events',
          packetsLost: 'packets_lost',
          jitter: 'jitter',
          quality: 'quality',
        },
      ],
      videoStats: [
        'video_stats',
        {
          timestamp: 'timestamp',
          frameWidth: 'frame_width',
          frameHeight: 'frame_height',
          framesDropped: 'frames_dropped',
          framesPerSecond: 'frames_per_second',
          packetsLost: 'packets_lost',
          jitter: 'jitter',
          quality: 'quality',
        },
      ],
    },
  ],
};

const percentiles = (...names: string[]): Shape =>
  Object.fromEntries(names.map((name) => [name, name]));

/** Upstream `quality` is flat (`audio_producer_cumulative`, …); the gateway groups it by media. */
const FAN_OUT_QUALITY: Shape = {
  audio: {
    producerCumulative: [
      'audio_producer_cumulative',
      {
        qualityMos: ['quality_mos', percentiles('avg', 'p50', 'p90')],
        packetLoss: ['packet_loss', percentiles('avg')],
        rtt: ['rtt', percentiles('avg')],
      },
    ],
    consumerCumulative: [
      'audio_consumer_cumulative',
      { qualityMos: ['quality_mos', percentiles('avg', 'p90')] },
    ],
  },
  video: {
    producerCumulative: [
      'video_producer_cumulative',
      {
        qualityMos: ['quality_mos', percentiles('avg', 'p90')],
        framesPerSecond: ['frame_per_second', percentiles('p50')],
      },
    ],
    consumerCumulative: [
      'video_consumer_cumulative',
      { qualityMos: ['quality_mos', percentiles('avg', 'p90')] },
    ],
  },
};

/** `quality { <media> { <side>Cumulative { qualityMos { avg } } } }`, from upstream `<media>_<side>_cumulative`. */
const mosAvg = (media: 'audio' | 'video', side: 'producer' | 'consumer'): Shape => ({
  [media]: {
    [`${side}Cumulative`]: [
      `${media}_${side}_cumulative`,
      { qualityMos: ['quality_mos', percentiles('avg')] },
    ],
  },
});

type Variables = Record<string, unknown>;

function stringVariable(variables: Variables, name: string): string {
  const value = variables[name];
  if (typeof value !== 'string') throw new HttpError(400, `variable ${name} must be a string`);
  return value;
}

type Operation = (variables: Variables, authorization: string) => Promise<unknown>;

const operations: Record<string, Operation> = {
  async OneCall(variables, authorization) {
    const peerId = stringVariable(variables, 'peerId');
    const report = await getJson(restPath.peerReport(app, peerId, 'device_info'), authorization);
    return { peerReport: pick(at(report, 'data'), ONE_CALL) };
  },

  async ParticipantFull(variables, authorization) {
    const sessionId = stringVariable(variables, 'sessionId');
    const participantId = stringVariable(variables, 'participantId');
    const details = await getJson(
      restPath.participant(app, sessionId, participantId),
      authorization,
    );
    const participant = pick(at(details, 'data.participant'), PARTICIPANT_FULL);
    return { participant: participant === null ? null : { ...participant, sessionId } };
  },

  async FanOut(variables, authorization) {
    const sessionId = stringVariable(variables, 'sessionId');
    const list = await getJson(restPath.participants(app, sessionId, FAN_OUT_PAGE), authorization);
    const listed = at(list, 'data.participants');
    const items = Array.isArray(listed) ? (listed as Record<string, unknown>[]) : [];
    const reports = await mapLimit(items, concurrency, (item) =>
      getJson(restPath.peerReport(app, String(item.id), 'quality_stats'), authorization),
    );
    return {
      session: {
        participants: {
          items: items.map((item, index) => ({
            id: item.id,
            displayName: item.display_name ?? null,
            peerReport: {
              quality: pick(at(reports[index], 'data.peer_report.quality'), FAN_OUT_QUALITY),
            },
          })),
        },
      },
    };
  },

  async Duplicates(variables, authorization) {
    const peers = Object.keys(variables)
      .filter((name) => /^p\d+$/.test(name))
      .map((name) => [name.slice(1), stringVariable(variables, name)] as const);
    // One call per distinct peer: the aliases and links below all read the same report.
    const reports = await mapLimit(peers, concurrency, ([, peerId]) =>
      getJson(restPath.peerReport(app, peerId, 'quality_stats'), authorization),
    );
    const data: Record<string, unknown> = {};
    peers.forEach(([index], position) => {
      const report = at(reports[position], 'data');
      const quality = at(report, 'peer_report.quality');
      data[`a${index}`] = {
        ...(pick(report, { id: 'id', displayName: 'display_name' }) as object),
        quality: pick(quality, mosAvg('audio', 'producer')),
      };
      data[`b${index}`] = { quality: pick(quality, mosAvg('video', 'producer')) };
      data[`c${index}`] = {
        participant: {
          displayName: at(report, 'display_name') ?? null,
          peerReport: { quality: pick(quality, mosAvg('audio', 'consumer')) },
        },
      };
      data[`d${index}`] = pick(report, { duration: 'duration', presetName: 'preset_name' });
    });
    return data;
  },
};

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  response.end(json);
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    if (request.method !== 'POST') throw new HttpError(405, 'POST a GraphQL request');
    const { operationName, variables } = JSON.parse(await readBody(request)) as {
      operationName?: unknown;
      variables?: Variables;
    };
    const operation = typeof operationName === 'string' ? operations[operationName] : undefined;
    if (operation === undefined)
      throw new HttpError(400, `unknown operation ${String(operationName)}`);
    const data = await operation(variables ?? {}, request.headers.authorization ?? '');
    reply(response, 200, { data });
  } catch (error) {
    const status = error instanceof HttpError ? error.status : 400;
    reply(response, status, {
      errors: [{ message: error instanceof Error ? error.message : String(error) }],
    });
  }
}

const server = createServer((request, response) => {
  void handle(request, response);
});
server.listen(Number(env('PORT')), '127.0.0.1');

process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close();
  void pool.close().finally(() => process.exit(0));
});
