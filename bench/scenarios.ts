/**
 * The five scenarios of ../../shared/benchmarks.md, each as the gateway's GraphQL operation, the
 * REST-shaped operation GraphQL Mesh and Tailcall need for the same data (their schemas mirror REST
 * with the same names: mesh/openapi.yaml, tailcall/realtimekit.graphql), and the REST calls the
 * direct baseline sends. The raw proxy answers the gateway's request by its operation name
 * (raw-proxy.ts).
 */
import { restPath } from './rest.js';
import type { App } from './rest.js';

export const SCENARIOS = ['one-call', 'participant-full', 'fan-out', 'duplicates', 'hot'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** Ids of the fake's seed the operations are written for. */
export interface BenchIds {
  readonly sessionId: string;
  readonly participantId: string;
  /** A session with at least 30 participants. */
  readonly largeSessionId: string;
  /** The first 5 participants (peers) of the large session. */
  readonly duplicatePeers: readonly string[];
}

export interface GraphQLRequest {
  readonly operationName: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  /** Extra request headers, e.g. `cache-control`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The body's `extensions`, when the client sends some. */
  readonly extensions?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * The gateway's cross-request cache would answer every repeat of a scenario after the first, so
 * the scenarios that measure the upstream path ask for fresh data, as a dashboard's refresh
 * button does; only `hot` lets the cache answer.
 */
const FRESH = { 'cache-control': 'no-cache' } as const;

/** One REST call of the direct baseline, or a list call whose listed ids feed the next calls. */
export type DirectPlan =
  | { readonly kind: 'calls'; readonly paths: readonly RestCall[] }
  | {
      readonly kind: 'list-then-each';
      readonly list: RestCall;
      readonly each: (id: string) => RestCall;
    };

/** The path (and query) of one REST call on the fake's app. */
export type RestCall = (app: App) => string;

export interface Scenario {
  readonly name: ScenarioName;
  readonly description: string;
  /** Upstream calls the gateway should make per operation. */
  readonly expectedGatewayCalls: number;
  gateway(ids: BenchIds): GraphQLRequest;
  /**
   * The operation of Mesh and Tailcall. `handFilters`: pass RealtimeKit's `filters` by hand, as a
   * user who read the REST docs might.
   */
  restShaped(ids: BenchIds, handFilters: boolean): GraphQLRequest;
  direct(ids: BenchIds): DirectPlan;
  /**
   * For heavy scenarios: fewer connections (so that operations cut off at the end of a run are few)
   * and a longer measured window (so that enough operations complete in it), the same for every system.
   */
  readonly load?: { readonly maxConnections: number; readonly durationFactor: number };
}

/** Peer-report `filters` of each scenario, as the gateway derives them from the selection. */
const ONE_CALL_FILTERS = 'device_info';
const QUALITY = 'quality_stats';
export const FAN_OUT_PAGE = 30;
/** Peers the duplicates scenario asks for, each 4 times. */
export const DUPLICATE_PEERS = 5;

const peerReport =
  (peerId: string, filters?: string): RestCall =>
  (app) =>
    restPath.peerReport(app, peerId, filters);

const ONE_CALL_GATEWAY = /* GraphQL */ `
  query OneCall($peerId: ID!) {
    peerReport(peerId: $peerId) {
      id
      displayName
      presetName
      joinedAt
      leftAt
      duration
      metadata {
        deviceInfo {
          os
          osVersion
          isMobile
          cpus
        }
        browserMetadata {
          browser
          browserVersion
          engine
        }
      }
    }
  }
`;

/**
 * The `filters` argument of a REST-shaped field and the declaration of its variable, only when they
 * are passed by hand: Tailcall 1.0.0 refuses an operation declaring a variable the request leaves
 * out ("Variable `filters` is not defined"), and sends a null one upstream as `filters=null`.
 */
const filtersArg = (hand: boolean, variable = 'filters'): string =>
  hand ? `, filters: $${variable}` : '';
const filtersVar = (hand: boolean, ...variables: string[]): string =>
  hand ? variables.map((variable) => `, $${variable}: String`).join('') : '';

const oneCallRest = (hand: boolean): string => /* GraphQL */ `
  query OneCall($peerId: String!${filtersVar(hand, 'filters')}) {
    getPeerReport(peer_id: $peerId${filtersArg(hand)}) {
      data {
        id
        display_name
        preset_name
        joined_at
        left_at
        duration
        peer_report {
          metadata {
            device_info {
              os
              os_version
              is_mobile
              cpus
            }
            browser_metadata {
              browser
              browser_version
              engine
            }
          }
        }
      }
    }
  }
`;

const oneCall = (name: ScenarioName, description: string, cached: boolean): Scenario => ({
  name,
  description,
  expectedGatewayCalls: cached ? 0 : 1,
  gateway: (ids) => ({
    operationName: 'OneCall',
    query: ONE_CALL_GATEWAY,
    variables: { peerId: ids.participantId },
    ...(cached ? {} : { headers: FRESH }),
  }),
  restShaped: (ids, handFilters) => ({
    operationName: 'OneCall',
    query: oneCallRest(handFilters),
    variables: {
      peerId: ids.participantId,
      ...(handFilters ? { filters: ONE_CALL_FILTERS } : {}),
    },
  }),
  direct: (ids) => ({ kind: 'calls', paths: [peerReport(ids.participantId, ONE_CALL_FILTERS)] }),
});

const PARTICIPANT_FULL_GATEWAY = /* GraphQL */ `
  query ParticipantFull($sessionId: ID!, $participantId: ID!) {
    participant(sessionId: $sessionId, participantId: $participantId) {
      id
      sessionId
      userId
      customParticipantId
      displayName
      presetName
      joinedAt
      leftAt
      createdAt
      updatedAt
      duration
      peerStats {
        config
        status
        deviceInfo {
          browser
          browserVersion
          cpus
          engine
          isMobile
          memory
          os
          osVersion
          sdkName
          sdkVersion
          userAgent
          webglSupport
        }
        events {
          type
          timestamp
        }
        ipInformation {
          city
          country
          ipLocation
          ipv4
          org
          portal
          region
          timezone
        }
        precallNetworkInformation {
          backendRtt
          effectiveNetworkType
          fractionalLoss
          jitter
          reflexiveConnectivity
          relayConnectivity
          rtt
          throughput
          turnConnectivity
        }
      }
      qualityStats {
        peerId
        start
        end
        averageQuality
        audioBandwidth
        videoBandwidth
        audioPacketLoss
        videoPacketLoss
        audioStats {
          timestamp
          concealmentEvents
          packetsLost
          jitter
          quality
        }
        videoStats {
          timestamp
          frameWidth
          frameHeight
          framesDropped
          framesPerSecond
          packetsLost
          jitter
          quality
        }
      }
    }
  }
`;

const PARTICIPANT_FULL_REST = /* GraphQL */ `
  query ParticipantFull($sessionId: String!, $participantId: String!) {
    getSessionParticipant(session_id: $sessionId, participant_id: $participantId) {
      data {
        participant {
          id
          user_id
          custom_participant_id
          display_name
          preset_name
          joined_at
          left_at
          created_at
          updated_at
          duration
          peer_stats {
            config
            status
            device_info {
              browser
              browser_version
              cpus
              engine
              is_mobile
              memory
              os
              os_version
              sdk_name
              sdk_version
              user_agent
              webgl_support
            }
            events {
              type
              timestamp
            }
            ip_information {
              city
              country
              ip_location
              ipv4
              org
              portal
              region
              timezone
            }
            precall_network_information {
              backend_rtt
              effective_networktype
              fractional_loss
              jitter
              reflexive_connectivity
              relay_connectivity
              rtt
              throughput
              turn_connectivity
            }
          }
          quality_stats {
            peer_id
            start
            end
            average_quality
            audio_bandwidth
            video_bandwidth
            audio_packet_loss
            video_packet_loss
            audio_stats {
              timestamp
              concealment_events
              packets_lost
              jitter
              quality
            }
            video_stats {
              timestamp
              frame_width
              frame_height
              frames_dropped
              frames_per_second
              packets_lost
              jitter
              quality
            }
          }
        }
      }
    }
  }
`;

const FAN_OUT_GATEWAY = /* GraphQL */ `
  query FanOut($sessionId: ID!) {
    session(sessionId: $sessionId) {
      participants(perPage: ${FAN_OUT_PAGE}) {
        items {
          id
          displayName
          peerReport {
            quality {
              audio {
                producerCumulative { qualityMos { avg p50 p90 } packetLoss { avg } rtt { avg } }
                consumerCumulative { qualityMos { avg p90 } }
              }
              video {
                producerCumulative { qualityMos { avg p90 } framesPerSecond { p50 } }
                consumerCumulative { qualityMos { avg p90 } }
              }
            }
          }
        }
      }
    }
  }
`;

const fanOutRest = (hand: boolean): string => /* GraphQL */ `
  query FanOut($sessionId: String!${filtersVar(hand, 'filters')}) {
    listSessionParticipants(session_id: $sessionId, page_no: 1, per_page: ${FAN_OUT_PAGE}) {
      data {
        participants {
          id
          display_name
          peerReport${hand ? '(filters: $filters)' : ''} {
            data {
              peer_report {
                quality {
                  audio_producer_cumulative { quality_mos { avg p50 p90 } packet_loss { avg } rtt { avg } }
                  audio_consumer_cumulative { quality_mos { avg p90 } }
                  video_producer_cumulative { quality_mos { avg p90 } frame_per_second { p50 } }
                  video_consumer_cumulative { quality_mos { avg p90 } }
                }
              }
            }
          }
        }
      }
    }
  }
`;

/** The same 5 peers, 4 times each: two aliases, a link there and back, and basic fields only. */
function duplicatesGateway(): string {
  const variables = Array.from({ length: DUPLICATE_PEERS }, (_, i) => `$p${i}: ID!`).join(', ');
  const fields = Array.from(
    { length: DUPLICATE_PEERS },
    (_, i) => `
    a${i}: peerReport(peerId: $p${i}) { id displayName quality { audio { producerCumulative { qualityMos { avg } } } } }
    b${i}: peerReport(peerId: $p${i}) { quality { video { producerCumulative { qualityMos { avg } } } } }
    c${i}: peerReport(peerId: $p${i}) { participant { displayName peerReport { quality { audio { consumerCumulative { qualityMos { avg } } } } } } }
    d${i}: peerReport(peerId: $p${i}) { duration presetName }`,
  ).join('');
  return `query Duplicates(${variables}) {${fields}\n}\n`;
}

/** Mesh and Tailcall mirror REST: the link becomes a fourth alias of the peer report. */
function duplicatesRest(hand: boolean): string {
  const quality = filtersArg(hand, 'quality');
  const variables = Array.from({ length: DUPLICATE_PEERS }, (_, i) => `$p${i}: String!`).join(', ');
  const fields = Array.from(
    { length: DUPLICATE_PEERS },
    (_, i) => `
    a${i}: getPeerReport(peer_id: $p${i}${quality}) { data { id display_name peer_report { quality { audio_producer_cumulative { quality_mos { avg } } } } } }
    b${i}: getPeerReport(peer_id: $p${i}${quality}) { data { peer_report { quality { video_producer_cumulative { quality_mos { avg } } } } } }
    c${i}: getPeerReport(peer_id: $p${i}${quality}) { data { display_name peer_report { quality { audio_consumer_cumulative { quality_mos { avg } } } } } }
    d${i}: getPeerReport(peer_id: $p${i}${filtersArg(hand, 'basic')}) { data { duration preset_name } }`,
  ).join('');
  return `query Duplicates(${variables}${filtersVar(hand, 'quality', 'basic')}) {${fields}\n}\n`;
}

const peerVariables = (ids: BenchIds): Record<string, string> =>
  Object.fromEntries(ids.duplicatePeers.map((peer, i) => [`p${i}`, peer]));

const SCENARIO_LIST: readonly Scenario[] = [
  oneCall(
    'one-call',
    'one peer report: basic fields + the device section (1 call, filters=device_info)',
    false,
  ),
  {
    name: 'participant-full',
    description: 'one participant with every nested field (1 call, no filters, ~66 KB)',
    expectedGatewayCalls: 1,
    gateway: (ids) => ({
      operationName: 'ParticipantFull',
      query: PARTICIPANT_FULL_GATEWAY,
      variables: { sessionId: ids.sessionId, participantId: ids.participantId },
      headers: FRESH,
    }),
    restShaped: (ids) => ({
      operationName: 'ParticipantFull',
      query: PARTICIPANT_FULL_REST,
      variables: { sessionId: ids.sessionId, participantId: ids.participantId },
    }),
    direct: (ids) => ({
      kind: 'calls',
      paths: [(app) => restPath.participant(app, ids.sessionId, ids.participantId)],
    }),
  },
  {
    name: 'fan-out',
    description: `a page of ${FAN_OUT_PAGE} participants with their peer-report quality cumulatives (1 list + ${FAN_OUT_PAGE} peer-report calls, filters=quality_stats)`,
    expectedGatewayCalls: 1 + FAN_OUT_PAGE,
    // About 12.5 MB of peer reports per operation: a few operations per second at most.
    load: { maxConnections: 2, durationFactor: 2 },
    gateway: (ids) => ({
      operationName: 'FanOut',
      query: FAN_OUT_GATEWAY,
      variables: { sessionId: ids.largeSessionId },
      headers: FRESH,
    }),
    restShaped: (ids, handFilters) => ({
      operationName: 'FanOut',
      query: fanOutRest(handFilters),
      variables: { sessionId: ids.largeSessionId, ...(handFilters ? { filters: QUALITY } : {}) },
    }),
    direct: (ids) => ({
      kind: 'list-then-each',
      list: (app) => restPath.participants(app, ids.largeSessionId, FAN_OUT_PAGE),
      each: (id) => peerReport(id, QUALITY),
    }),
  },
  {
    name: 'duplicates',
    description: `the same ${DUPLICATE_PEERS} peers 4 times each through aliases and links (${DUPLICATE_PEERS} calls, filters=quality_stats)`,
    expectedGatewayCalls: DUPLICATE_PEERS,
    gateway: (ids) => ({
      operationName: 'Duplicates',
      query: duplicatesGateway(),
      variables: peerVariables(ids),
      headers: FRESH,
    }),
    restShaped: (ids, handFilters) => ({
      operationName: 'Duplicates',
      query: duplicatesRest(handFilters),
      variables: {
        ...peerVariables(ids),
        ...(handFilters ? { quality: QUALITY, basic: 'events' } : {}),
      },
    }),
    direct: (ids) => ({
      kind: 'calls',
      paths: ids.duplicatePeers.map((peer) => peerReport(peer, QUALITY)),
    }),
  },
  oneCall(
    'hot',
    'one-call repeated by the same token: the cross-request cache answers it (0 calls once warm)',
    true,
  ),
];

export const scenarios: ReadonlyMap<ScenarioName, Scenario> = new Map(
  SCENARIO_LIST.map((scenario) => [scenario.name, scenario]),
);
