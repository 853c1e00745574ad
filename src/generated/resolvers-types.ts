import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ParticipantSource, PeerReportSource, SessionSource, ParticipantPageSource, SessionPageSource, PagingSource } from '../loaders/index.js';
import type { InsightsRecord, IssueRecord, BucketRecord } from '../insights/call-quality.js';
import type { OverviewSource, IssueCountRecord } from '../insights/overview.js';
import type { PeerStatsRecord, DeviceInfoRecord, PeerStatsEventRecord, IpInformationRecord, PrecallNetworkInformationRecord, QualityStatsRecord, AudioStatsRecord, VideoStatsRecord, AsnRecord } from '../upstream/schemas.js';
import type { PeerReportMetadataRecord, PeerDeviceInfoRecord, BrowserMetadataRecord, PeerIpInformationRecord, PeerReportEventRecord, PcMetadataRecord, CandidatePairsRecord, CandidatePairRecord, DeviceUpdateRecord, DeviceRecord, SelectedDeviceUpdateRecord, NativeMetadataRecord, PeerReportQualityRecord, AudioQualitySource, VideoQualitySource, AudioProducerSampleRecord, AudioConsumerSampleRecord, VideoProducerSampleRecord, VideoConsumerSampleRecord, AudioCumulativeRecord, VideoCumulativeRecord, PercentilesRecord, DelayCumulativeRecord, PacketLossCumulativeRecord, LatencyCumulativeRecord, VideoIssuesRecord, QualityLimitationDurationsRecord, PeerEventRecord } from '../upstream/peer-report-schemas.js';
import type { GatewayContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type ResolverFn<TResult, TParent, TContext, TArgs> = (parent: TParent, args: TArgs, context: TContext, info: GraphQLResolveInfo) => Promise<TResult | Error> | TResult | Error
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * A value upstream sends either as a boolean or as a string, returned exactly as sent (`true`,
   * `false` or a string). Used where RealtimeKit's endpoints disagree on a field's type, such as
   * `webgl_support`.
   */
  BooleanOrString: { input: boolean | string; output: boolean | string; }
  /**
   * An instant in time, serialized as an ISO 8601 string in UTC with milliseconds
   * (for example `2026-11-20T09:30:00.000Z`).
   */
  DateTime: { input: string; output: string; }
  /**
   * Any JSON value (object, array, string, number, boolean or null), passed through unchanged. Used
   * for free-form maps whose keys upstream does not fix, such as a client event's metadata.
   */
  JSON: { input: unknown; output: unknown; }
};

/** An autonomous system (a network on the internet) an IP address belongs to. */
export type Asn = {
  __typename?: 'Asn';
  /** The AS number, for example `AS7922`. A bare number from upstream is returned as its decimal string. */
  asn?: Maybe<Scalars['String']['output']>;
  /** Main domain of the network's operator, for example `comcast.net`. */
  domain?: Maybe<Scalars['String']['output']>;
  /** Name of the network's operator. */
  name?: Maybe<Scalars['String']['output']>;
  /** The routed IP prefix the address is in, in CIDR notation, for example `73.158.0.0/16`. */
  route?: Maybe<Scalars['String']['output']>;
  /** Kind of network as reported upstream, for example `isp`, `hosting` or `business`. */
  type?: Maybe<Scalars['String']['output']>;
};

/**
 * One sample of audio the peer received from another peer. Counters (packets, bytes, events) are
 * totals since the stream started, like WebRTC's getStats; the other measures describe the ~7 s
 * before `timestamp`.
 */
export type AudioConsumerSample = {
  __typename?: 'AudioConsumerSample';
  /** Bytes received since the stream started. A Float because it can exceed 2^31. */
  bytesReceived?: Maybe<Scalars['Float']['output']>;
  /** Bytes the sending peer sent since the stream started. A Float because it can exceed 2^31. */
  bytesSent?: Maybe<Scalars['Float']['output']>;
  /** Concealment events (stretches of audio the decoder had to invent) since the stream started. */
  concealmentEvents?: Maybe<Scalars['Int']['output']>;
  /** Id of the media-server consumer that delivered the stream to this peer. */
  consumerId?: Maybe<Scalars['ID']['output']>;
  /** Packet jitter over the interval, in seconds (as WebRTC reports it). */
  jitter?: Maybe<Scalars['Float']['output']>;
  /** Average delay the jitter buffer added over the interval, in milliseconds. */
  jitterBufferDelay?: Maybe<Scalars['Float']['output']>;
  /**
   * Audio samples emitted by the jitter buffer since the stream started (48,000 per second of
   * audio). A Float because it exceeds 2^31 after about 12 hours.
   */
  jitterBufferEmittedCount?: Maybe<Scalars['Float']['output']>;
  /** Media id of the stream in the session description (SDP `a=mid`). */
  mid?: Maybe<Scalars['String']['output']>;
  /** Mean opinion score of the interval, from 1 (bad) to 5 (excellent). */
  mosQuality?: Maybe<Scalars['Float']['output']>;
  /** Packets lost since the stream started. */
  packetsLost?: Maybe<Scalars['Int']['output']>;
  /** Packets received since the stream started. */
  packetsReceived?: Maybe<Scalars['Int']['output']>;
  /** Packets the sending peer sent since the stream started. */
  packetsSent?: Maybe<Scalars['Int']['output']>;
  /** Id of the peer whose audio this is. */
  peerId?: Maybe<Scalars['ID']['output']>;
  /** Id of the media-server producer that carried the stream. */
  producerId?: Maybe<Scalars['ID']['output']>;
  /** Round-trip time over the interval, in seconds. */
  rtt?: Maybe<Scalars['Float']['output']>;
  /** RTP synchronisation source of the stream (an unsigned 32-bit number, so a Float). */
  ssrc?: Maybe<Scalars['Float']['output']>;
  /** When the sample was taken (the end of its interval). */
  timestamp?: Maybe<Scalars['DateTime']['output']>;
};

/**
 * Summary of an audio stream over the whole call, computed from its samples (one ~7 s interval
 * each). Upstream sends `{}` for a stream that never existed: every field is then null.
 */
export type AudioCumulative = {
  __typename?: 'AudioCumulative';
  /**
   * Jitter percentiles over the intervals, in milliseconds (upstream `jitter`).
   * @deprecated No published RealtimeKit payload carries a `jitter` summary; this is null unless upstream sends one. Use the samples' `jitter`.
   */
  jitter?: Maybe<Percentiles>;
  /**
   * Jitter-buffer delay over the intervals, in milliseconds. Sent for consumed audio only; null on
   * the producer side.
   */
  jitterBufferDelay?: Maybe<DelayCumulative>;
  /** Packet loss over the intervals, in percent, and how often it crossed thresholds. */
  packetLoss?: Maybe<PacketLossCumulative>;
  /** Mean opinion score percentiles over the intervals, from 1 (bad) to 5 (excellent). */
  qualityMos?: Maybe<Percentiles>;
  /** Round-trip time over the intervals, in milliseconds, and how often it crossed thresholds. */
  rtt?: Maybe<LatencyCumulative>;
};

/**
 * One sample of audio the peer sent. Counters (packets, bytes) are totals since the stream
 * started, like WebRTC's getStats; the other measures describe the ~7 s before `timestamp`.
 */
export type AudioProducerSample = {
  __typename?: 'AudioProducerSample';
  /** Bytes sent since the stream started. A Float because it can exceed 2^31. */
  bytesSent?: Maybe<Scalars['Float']['output']>;
  /** Packet jitter over the interval, in seconds (as WebRTC reports it). */
  jitter?: Maybe<Scalars['Float']['output']>;
  /** Media id of the stream in the session description (SDP `a=mid`). */
  mid?: Maybe<Scalars['String']['output']>;
  /** Mean opinion score of the interval, from 1 (bad) to 5 (excellent). */
  mosQuality?: Maybe<Scalars['Float']['output']>;
  /** Packets lost since the stream started. */
  packetsLost?: Maybe<Scalars['Int']['output']>;
  /** Packets sent since the stream started. */
  packetsSent?: Maybe<Scalars['Int']['output']>;
  /** Id of the media-server producer that carried the stream. */
  producerId?: Maybe<Scalars['ID']['output']>;
  /** Round-trip time over the interval, in seconds. */
  rtt?: Maybe<Scalars['Float']['output']>;
  /** RTP synchronisation source of the stream (an unsigned 32-bit number, so a Float). */
  ssrc?: Maybe<Scalars['Float']['output']>;
  /** When the sample was taken (the end of its interval). */
  timestamp?: Maybe<Scalars['DateTime']['output']>;
};

/**
 * An audio stream's samples and summaries. Samples come about every 7 seconds; `[]` when the peer
 * had no such stream.
 */
export type AudioQuality = {
  __typename?: 'AudioQuality';
  /** Samples of the audio the peer received, in time order. */
  consumer?: Maybe<Array<AudioConsumerSample>>;
  /** Summary of the received audio over the whole call; all fields null when nothing was received. */
  consumerCumulative?: Maybe<AudioCumulative>;
  /** Samples of the audio the peer sent, in time order. */
  producer?: Maybe<Array<AudioProducerSample>>;
  /** Summary of the sent audio over the whole call; all fields null when nothing was sent. */
  producerCumulative?: Maybe<AudioCumulative>;
};

/** One audio quality sample. */
export type AudioStats = {
  __typename?: 'AudioStats';
  /** Number of concealment events (audio the decoder had to invent) since the previous sample. */
  concealmentEvents?: Maybe<Scalars['Int']['output']>;
  /** Jitter, in milliseconds. */
  jitter?: Maybe<Scalars['Float']['output']>;
  /** Packets lost since the previous sample. */
  packetsLost?: Maybe<Scalars['Int']['output']>;
  /** Quality score of the sample (a MOS-like score, usually 1–5). */
  quality?: Maybe<Scalars['Float']['output']>;
  /** When the sample was taken. */
  timestamp?: Maybe<Scalars['DateTime']['output']>;
};

/** The peer's browser. */
export type BrowserMetadata = {
  __typename?: 'BrowserMetadata';
  /** Browser name, for example `Chrome`. */
  browser?: Maybe<Scalars['String']['output']>;
  /** Browser version string. */
  browserVersion?: Maybe<Scalars['String']['output']>;
  /** Browser engine, for example `Blink`. */
  engine?: Maybe<Scalars['String']['output']>;
  /** The browser's full user-agent string. */
  userAgent?: Maybe<Scalars['String']['output']>;
  /**
   * WebGL support of the browser as upstream reports it (upstream `webgl_support`): a boolean or null
   * in the current spec; a string, as participant details send it, is returned as sent.
   */
  webglSupport?: Maybe<Scalars['BooleanOrString']['output']>;
};

/**
 * What a support engineer wants first about a call: a verdict, the audio MOS it rests on, and the
 * issues found, worst first. Computed by the gateway from the peer report's quality cumulatives and
 * connection metadata; selecting it fetches the report's `quality_stats` and
 * `precall_network_information` sections only.
 */
export type CallQualityInsights = {
  __typename?: 'CallQualityInsights';
  /**
   * The lowest `quality_mos.avg` of the audio producer and audio consumer cumulatives present (1 to
   * 5); null when neither is.
   */
  audioMos?: Maybe<Scalars['Float']['output']>;
  /**
   * The issues found, ordered by how far past its threshold each is (value ÷ threshold, largest
   * first); empty for a clean call.
   */
  issues: Array<QualityIssue>;
  /**
   * UNKNOWN when no audio MOS is present; else POOR when `audioMos` is below 3.1; else FAIR when it
   * is below 4.0 or any issue is present; else GOOD (ITU-T G.107 bands).
   */
  verdict: QualityVerdict;
};

/**
 * One ICE candidate pair of a WebRTC transport (the local and remote address the media flowed
 * between), with counters like WebRTC's `RTCIceCandidatePairStats`: totals since the transport started.
 */
export type CandidatePair = {
  __typename?: 'CandidatePair';
  /** Estimated bandwidth available for receiving, in bits per second; null on a sending transport. */
  availableIncomingBitrate?: Maybe<Scalars['Float']['output']>;
  /** Estimated bandwidth available for sending, in bits per second; null on a receiving transport. */
  availableOutgoingBitrate?: Maybe<Scalars['Float']['output']>;
  /** Bytes the transport discarded instead of sending since it started (a Float, like the other byte counts). */
  bytesDiscardedOnSend?: Maybe<Scalars['Float']['output']>;
  /** Bytes received over the pair since the transport started. A Float because it can exceed 2^31. */
  bytesReceived?: Maybe<Scalars['Float']['output']>;
  /** Bytes sent over the pair since the transport started. A Float because it can exceed 2^31. */
  bytesSent?: Maybe<Scalars['Float']['output']>;
  /** Latest round-trip time measured on the pair, in seconds. */
  currentRoundTripTime?: Maybe<Scalars['Float']['output']>;
  /**
   * When the last packet was received over the pair, in milliseconds since the Unix epoch (upstream
   * `last_packet_received_timestamp`; a Float because epoch milliseconds exceed GraphQL's 32-bit Int).
   */
  lastPacketReceivedTimestamp?: Maybe<Scalars['Float']['output']>;
  /**
   * When the last packet was sent over the pair, in milliseconds since the Unix epoch (upstream
   * `last_packet_sent_timestamp`; a Float because epoch milliseconds exceed GraphQL's 32-bit Int).
   */
  lastPacketSentTimestamp?: Maybe<Scalars['Float']['output']>;
  /** IP address of the local candidate. */
  localCandidateAddress?: Maybe<Scalars['String']['output']>;
  /** Id of the local candidate. */
  localCandidateId?: Maybe<Scalars['String']['output']>;
  /** Network type of the local candidate, for example `wifi` or `cellular`. */
  localCandidateNetworkType?: Maybe<Scalars['String']['output']>;
  /** Port of the local candidate. */
  localCandidatePort?: Maybe<Scalars['Int']['output']>;
  /** Transport protocol of the local candidate, for example `udp`. */
  localCandidateProtocol?: Maybe<Scalars['String']['output']>;
  /** For a reflexive or relayed local candidate, the address it was derived from (usually a private one). */
  localCandidateRelatedAddress?: Maybe<Scalars['String']['output']>;
  /** For a reflexive or relayed local candidate, the port it was derived from. */
  localCandidateRelatedPort?: Maybe<Scalars['Int']['output']>;
  /** Type of the local candidate: `host`, `srflx`, `prflx` or `relay`. */
  localCandidateType?: Maybe<Scalars['String']['output']>;
  /** URL of the STUN or TURN server the local candidate was gathered from; null for host candidates. */
  localCandidateUrl?: Maybe<Scalars['String']['output']>;
  /** Whether ICE nominated this pair for the media. */
  nominated?: Maybe<Scalars['Boolean']['output']>;
  /** Packets the transport discarded instead of sending since it started. */
  packetsDiscardedOnSend?: Maybe<Scalars['Float']['output']>;
  /** Packets received over the pair since the transport started. */
  packetsReceived?: Maybe<Scalars['Int']['output']>;
  /** Packets sent over the pair since the transport started. */
  packetsSent?: Maybe<Scalars['Int']['output']>;
  /** IP address of the remote candidate (the media server). */
  remoteCandidateAddress?: Maybe<Scalars['String']['output']>;
  /** Id of the remote candidate. */
  remoteCandidateId?: Maybe<Scalars['String']['output']>;
  /** Port of the remote candidate. */
  remoteCandidatePort?: Maybe<Scalars['Int']['output']>;
  /** Transport protocol of the remote candidate, for example `udp`. */
  remoteCandidateProtocol?: Maybe<Scalars['String']['output']>;
  /** Type of the remote candidate: `host`, `srflx`, `prflx` or `relay`. */
  remoteCandidateType?: Maybe<Scalars['String']['output']>;
  /** URL of the STUN or TURN server the remote candidate was gathered from, if any. */
  remoteCandidateUrl?: Maybe<Scalars['String']['output']>;
  /** Sum of all round-trip times measured on the pair, in seconds. */
  totalRoundTripTime?: Maybe<Scalars['Float']['output']>;
};

/** The ICE candidate pairs of a peer's two WebRTC transports. */
export type CandidatePairs = {
  __typename?: 'CandidatePairs';
  /** Candidate pairs of the transport that receives other peers' media. */
  consumingTransport?: Maybe<Array<CandidatePair>>;
  /** Candidate pairs of the transport that sends the peer's media. */
  producingTransport?: Maybe<Array<CandidatePair>>;
};

/**
 * A delay of a stream over its sample intervals, in milliseconds: its mean, and how often it crossed
 * thresholds (Cloudflare's published form) or its percentiles (the form the contract describes).
 * Whichever upstream sends is filled; the rest is null.
 */
export type DelayCumulative = {
  __typename?: 'DelayCumulative';
  /** Mean delay over the intervals, in milliseconds. */
  avg?: Maybe<Scalars['Float']['output']>;
  /** Fraction (0–1) of intervals with a delay of 500 ms or more (upstream `500ms_or_greater_event_fraction`). */
  fiveHundredMsOrGreaterEventFraction?: Maybe<Scalars['Float']['output']>;
  /** Fraction (0–1) of intervals with a delay of 100 ms or more (upstream `100ms_or_greater_event_fraction`). */
  oneHundredMsOrGreaterEventFraction?: Maybe<Scalars['Float']['output']>;
  /** Median (50th percentile), in milliseconds. */
  p50?: Maybe<Scalars['Float']['output']>;
  /** 75th percentile, in milliseconds. */
  p75?: Maybe<Scalars['Float']['output']>;
  /** 90th percentile, in milliseconds. */
  p90?: Maybe<Scalars['Float']['output']>;
  /** Fraction (0–1) of intervals with a delay of 250 ms or more (upstream `250ms_or_greater_event_fraction`). */
  twoHundredFiftyMsOrGreaterEventFraction?: Maybe<Scalars['Float']['output']>;
};

/** A media device as the browser describes it (`MediaDeviceInfo`). */
export type Device = {
  __typename?: 'Device';
  /** The browser's id of the device (opaque, stable per site). */
  deviceId?: Maybe<Scalars['String']['output']>;
  /** Kind of device: `audioinput`, `videoinput` or `audiooutput`. */
  kind?: Maybe<Scalars['String']['output']>;
  /** Human-readable device name, for example `MacBook Air Microphone`. */
  label?: Maybe<Scalars['String']['output']>;
};

/** The participant's device, operating system and browser. */
export type DeviceInfo = {
  __typename?: 'DeviceInfo';
  /** Browser name, for example `Chrome`. */
  browser?: Maybe<Scalars['String']['output']>;
  /** Browser version string. */
  browserVersion?: Maybe<Scalars['String']['output']>;
  /** Number of logical CPU cores. */
  cpus?: Maybe<Scalars['Int']['output']>;
  /** Browser engine, for example `Blink`. */
  engine?: Maybe<Scalars['String']['output']>;
  /** Whether the device is a phone or tablet. */
  isMobile?: Maybe<Scalars['Boolean']['output']>;
  /** Device memory in gigabytes, as reported by the browser. */
  memory?: Maybe<Scalars['Float']['output']>;
  /** Operating system name, for example `macOS`. */
  os?: Maybe<Scalars['String']['output']>;
  /** Operating system version string. */
  osVersion?: Maybe<Scalars['String']['output']>;
  /** Name of the RealtimeKit SDK, for example `web-core`. */
  sdkName?: Maybe<Scalars['String']['output']>;
  /** Version of the RealtimeKit SDK. */
  sdkVersion?: Maybe<Scalars['String']['output']>;
  /** The browser's full user-agent string. */
  userAgent?: Maybe<Scalars['String']['output']>;
  /**
   * WebGL support of the browser as upstream reports it (upstream `webgl_support`): participant
   * details send a string, peer reports a boolean; either is returned as sent.
   */
  webglSupport?: Maybe<Scalars['BooleanOrString']['output']>;
};

/** A change to the list of media devices of one kind that the browser exposed. */
export type DeviceUpdate = {
  __typename?: 'DeviceUpdate';
  /** Devices that appeared (all of them on the first update). */
  added?: Maybe<Array<Device>>;
  /** Devices that disappeared. */
  removed?: Maybe<Array<Device>>;
  /** When the change was seen. */
  timestamp?: Maybe<Scalars['DateTime']['output']>;
};

/** Where a participant connected from, derived from its public IP address. */
export type IpInformation = {
  __typename?: 'IpInformation';
  /** The autonomous system (network) the address belongs to, when upstream names it. */
  asn?: Maybe<Asn>;
  /** City name. */
  city?: Maybe<Scalars['String']['output']>;
  /** Country as an ISO 3166-1 alpha-2 code, for example `DE`. */
  country?: Maybe<Scalars['String']['output']>;
  /** Approximate location as `latitude,longitude`. */
  ipLocation?: Maybe<Scalars['String']['output']>;
  /** Public IPv4 address the participant connected from. */
  ipv4?: Maybe<Scalars['String']['output']>;
  /** Organisation (usually the ISP) that owns the address. */
  org?: Maybe<Scalars['String']['output']>;
  /** Postal code of the location. */
  portal?: Maybe<Scalars['String']['output']>;
  /** Region or state. */
  region?: Maybe<Scalars['String']['output']>;
  /** IANA time zone of the location, for example `Europe/Berlin`. */
  timezone?: Maybe<Scalars['String']['output']>;
};

/**
 * Round-trip time of a stream over its sample intervals. The fractions are shares of intervals,
 * from 0 to 1; the field names spell out upstream keys that start with a digit, which GraphQL does
 * not allow.
 */
export type LatencyCumulative = {
  __typename?: 'LatencyCumulative';
  /** Mean round-trip time over the intervals, in milliseconds. */
  avg?: Maybe<Scalars['Float']['output']>;
  /**
   * Fraction (0–1) of intervals with a round-trip time of 500 ms or more (upstream
   * `500ms_or_greater_event_fraction`).
   */
  fiveHundredMsOrGreaterEventFraction?: Maybe<Scalars['Float']['output']>;
  /**
   * Fraction (0–1) of intervals with a round-trip time of 100 ms or more (upstream
   * `100ms_or_greater_event_fraction`).
   */
  oneHundredMsOrGreaterEventFraction?: Maybe<Scalars['Float']['output']>;
  /**
   * Fraction (0–1) of intervals with a round-trip time of 250 ms or more (upstream
   * `250ms_or_greater_event_fraction`).
   */
  twoHundredFiftyMsOrGreaterEventFraction?: Maybe<Scalars['Float']['output']>;
};

/** Whether an issue is on what the participant sent or what it received. */
export type MediaDirection =
  /** The streams it received (consumer cumulatives). */
  | 'RECEIVING'
  /** The participant's own streams (producer cumulatives). */
  | 'SENDING';

/** Codecs the peer's SDK encoded its audio and video with. */
export type NativeMetadata = {
  __typename?: 'NativeMetadata';
  /** Audio codec, for example `opus`. */
  audioEncoder?: Maybe<Scalars['String']['output']>;
  /** Video codec, for example `VP8` or `H264`. */
  videoEncoder?: Maybe<Scalars['String']['output']>;
};

/**
 * Packet loss of a stream over its sample intervals. The fractions are shares of intervals, from 0
 * to 1; the field names spell out upstream keys that start with a digit, which GraphQL does not allow.
 */
export type PacketLossCumulative = {
  __typename?: 'PacketLossCumulative';
  /** Mean packet loss over the intervals, in percent (0–100). */
  avg?: Maybe<Scalars['Float']['output']>;
  /** Fraction (0–1) of intervals that lost 50 % of packets or more (upstream `50_or_greater_event_fraction`). */
  fiftyOrGreaterEventFraction?: Maybe<Scalars['Float']['output']>;
  /** Fraction (0–1) of intervals that lost 5 % of packets or more (upstream `5_or_greater_event_fraction`). */
  fiveOrGreaterEventFraction?: Maybe<Scalars['Float']['output']>;
  /** Fraction (0–1) of intervals that lost 10 % of packets or more (upstream `10_or_greater_event_fraction`). */
  tenOrGreaterEventFraction?: Maybe<Scalars['Float']['output']>;
  /** Fraction (0–1) of intervals that lost 25 % of packets or more (upstream `25_or_greater_event_fraction`). */
  twentyFiveOrGreaterEventFraction?: Maybe<Scalars['Float']['output']>;
};

/** Position of a page in a list. Offsets are 1-based and inclusive; an empty page has offsets 0. */
export type Paging = {
  __typename?: 'Paging';
  /** Position of the page's last item in the whole list. */
  endOffset?: Maybe<Scalars['Int']['output']>;
  /** Whether a page after this one has items: `pageNo × perPage < totalCount`; null when upstream sent no total. */
  hasNextPage?: Maybe<Scalars['Boolean']['output']>;
  /** The page number that was asked for. */
  pageNo: Scalars['Int']['output'];
  /** The page size that was asked for. */
  perPage: Scalars['Int']['output'];
  /** Position of the page's first item in the whole list. */
  startOffset?: Maybe<Scalars['Int']['output']>;
  /** Number of items in the whole list. */
  totalCount?: Maybe<Scalars['Int']['output']>;
  /** How many pages of `perPage` the whole list makes: `⌈totalCount ÷ perPage⌉`; null when upstream sent no total. */
  totalPages?: Maybe<Scalars['Int']['output']>;
};

/**
 * A participant of a RealtimeKit session, as returned by "Fetch details of a participant".
 * A participant is one peer: a user who joins the same session twice appears as two participants.
 */
export type Participant = {
  __typename?: 'Participant';
  /** When RealtimeKit created this participant record. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The id your application attached to this participant when it joined (free text). */
  customParticipantId?: Maybe<Scalars['String']['output']>;
  /** Name shown for the participant in the meeting. */
  displayName?: Maybe<Scalars['String']['output']>;
  /** Time spent in the session, in minutes (leftAt − joinedAt). */
  duration?: Maybe<Scalars['Float']['output']>;
  /** Participant id. It is also the participant's peer id. */
  id: Scalars['ID']['output'];
  /** This participant's call quality, from its peer report (one upstream call, see CallQualityInsights). */
  insights?: Maybe<CallQualityInsights>;
  /** When the participant joined the session. */
  joinedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the participant left the session; null while the participant is still in the call. */
  leftAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * This participant's peer report (the participant id is the peer id). Costs no upstream call when
   * only basic fields are selected.
   */
  peerReport?: Maybe<PeerReport>;
  /**
   * Device, network and event statistics gathered by the participant's SDK.
   * Null when the upstream API version does not return them with participant details.
   */
  peerStats?: Maybe<PeerStats>;
  /** Name of the preset (role) the participant joined with, for example `group_call_host`. */
  presetName?: Maybe<Scalars['String']['output']>;
  /** Call-quality summaries for this participant. Null when the upstream does not return them. */
  qualityStats?: Maybe<Array<QualityStats>>;
  /** Id of the session this participant belongs to. */
  sessionId: Scalars['ID']['output'];
  /** When RealtimeKit last updated this participant record. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Id of the RealtimeKit user behind this participant. */
  userId?: Maybe<Scalars['ID']['output']>;
};

/** One page of a session's participants. */
export type ParticipantPage = {
  __typename?: 'ParticipantPage';
  /** The participants on this page. */
  items: Array<Participant>;
  /** Where this page is in the whole list. */
  paging: Paging;
};

/** Fields participants can be sorted by. */
export type ParticipantSortField =
  /** Time spent in the session. */
  | 'DURATION'
  /** Join time. */
  | 'JOINED_AT';

/** How a session's participants are listed. */
export type ParticipantView =
  /** One row per user, from the first join to the last leave, with durations summed. */
  | 'CONSOLIDATED'
  /** One row per peer: a user who rejoined appears once per join. */
  | 'RAW';

/** A connectivity check of one of the peer's WebRTC peer connections. */
export type PcMetadata = {
  __typename?: 'PcMetadata';
  /** Effective network type reported by the browser: `4g`, `3g`, `wifi`, … */
  effectiveNetworkType?: Maybe<Scalars['String']['output']>;
  /** Whether a direct (server-reflexive, STUN) connection was possible. */
  reflexiveConnectivity?: Maybe<Scalars['Boolean']['output']>;
  /** Whether a relayed connection was possible. */
  relayConnectivity?: Maybe<Scalars['Boolean']['output']>;
  /** Lines of the session description (SDP) the connection negotiated, one string per line. */
  sdp?: Maybe<Array<Scalars['String']['output']>>;
  /** When the check was made. */
  timestamp?: Maybe<Scalars['DateTime']['output']>;
  /** Whether a TURN server could be reached. */
  turnConnectivity?: Maybe<Scalars['Boolean']['output']>;
};

/**
 * The peer's device and operating system, as reported in a peer report (fewer fields than a
 * participant's `DeviceInfo`: the browser is in `BrowserMetadata`).
 */
export type PeerDeviceInfo = {
  __typename?: 'PeerDeviceInfo';
  /** Number of logical CPU cores. */
  cpus?: Maybe<Scalars['Int']['output']>;
  /** Whether the device is a phone or tablet. */
  isMobile?: Maybe<Scalars['Boolean']['output']>;
  /** Operating system name, for example `macOS`. */
  os?: Maybe<Scalars['String']['output']>;
  /** Operating system version string, for example `15.6`. */
  osVersion?: Maybe<Scalars['String']['output']>;
};

/**
 * A lifecycle event of a peer as RealtimeKit's backend recorded it: the peer record was created,
 * the peer joined, or it left. Returned when `include_peer_events=true`.
 */
export type PeerEvent = {
  __typename?: 'PeerEvent';
  /** When RealtimeKit created this event record. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * What happened. UNKNOWN when upstream sent a name this gateway does not know (read it in
   * `eventNameRaw`); null when upstream sent none.
   */
  eventName?: Maybe<PeerEventName>;
  /** The event name exactly as upstream sent it (upstream `event_name`), including unknown values. */
  eventNameRaw?: Maybe<Scalars['String']['output']>;
  /** Id of the event. */
  id?: Maybe<Scalars['ID']['output']>;
  /**
   * Minutes the peer had consumed when the event was recorded, in minutes: 0 when joining, the
   * stint's duration when leaving; null when upstream sent none (for example on PEER_CREATED).
   */
  minutesConsumed?: Maybe<Scalars['Float']['output']>;
  /**
   * The participant id upstream attached to the event (upstream `participant_id`). It may differ
   * from `peerId`: it can identify the user behind the peer rather than this one stint.
   */
  participantId?: Maybe<Scalars['ID']['output']>;
  /** Id of the peer the event belongs to (the same value as that peer's participant id). */
  peerId?: Maybe<Scalars['ID']['output']>;
  /**
   * Kind of meeting the peer's preset is for. UNKNOWN when upstream sent a value this gateway does
   * not know (read it in `presetViewTypeRaw`); null when upstream sent none.
   */
  presetViewType?: Maybe<PresetViewType>;
  /** The view type exactly as upstream sent it (upstream `preset_view_type`), including unknown values. */
  presetViewTypeRaw?: Maybe<Scalars['String']['output']>;
  /** Id of the session the event belongs to. */
  sessionId?: Maybe<Scalars['ID']['output']>;
  /** Id of the signalling socket session the peer was connected over; null before it connected. */
  socketSessionId?: Maybe<Scalars['ID']['output']>;
  /** When RealtimeKit last updated this event record. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** What happened to a peer. */
export type PeerEventName =
  /** The peer record was created (the participant opened the meeting). */
  | 'PEER_CREATED'
  /** The peer joined the call. */
  | 'PEER_JOINING'
  /** The peer left the call. */
  | 'PEER_LEAVING'
  /** A value this gateway does not know; read `eventNameRaw`. */
  | 'UNKNOWN';

/** Where a peer connected from, derived from its public IP address. */
export type PeerIpInformation = {
  __typename?: 'PeerIpInformation';
  /** The autonomous system (network) the address belongs to. */
  asn?: Maybe<Asn>;
  /** City name. */
  city?: Maybe<Scalars['String']['output']>;
  /** Country as an ISO 3166-1 alpha-2 code, for example `DE`. */
  country?: Maybe<Scalars['String']['output']>;
  /** Public IPv4 address the peer connected from. */
  ipv4?: Maybe<Scalars['String']['output']>;
  /** Organisation (usually the ISP) that owns the address. */
  org?: Maybe<Scalars['String']['output']>;
  /** Region or state. */
  region?: Maybe<Scalars['String']['output']>;
  /** IANA time zone of the location, for example `Europe/Berlin`. */
  timezone?: Maybe<Scalars['String']['output']>;
};

/**
 * A peer's call report from "Fetch details of peer": who the peer was, its lifecycle events, the
 * device/network metadata its SDK reported, and per-media quality series. Reports are kept 30 days.
 * Only the sections a query selects are fetched from RealtimeKit (see docs/querying.md, "How it fetches").
 */
export type PeerReport = {
  __typename?: 'PeerReport';
  /** When RealtimeKit created this record. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The id your application attached to this participant when it joined (free text). */
  customParticipantId?: Maybe<Scalars['String']['output']>;
  /** Name shown for the participant in the meeting. */
  displayName?: Maybe<Scalars['String']['output']>;
  /** Time spent in the session, in minutes (leftAt − joinedAt). */
  duration?: Maybe<Scalars['Float']['output']>;
  /** The peer id. It is also the participant id. */
  id: Scalars['ID']['output'];
  /** Verdict, audio MOS and issues of this call (see CallQualityInsights); null when the report has no quality. */
  insights?: Maybe<CallQualityInsights>;
  /** When the peer joined the session. */
  joinedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the peer left the session; null while it is still in the call. */
  leftAt?: Maybe<Scalars['DateTime']['output']>;
  /** Device, browser, network and SDK metadata the peer's SDK reported. */
  metadata?: Maybe<PeerReportMetadata>;
  /**
   * The participant record of this peer, with its own call statistics. Costs no upstream call when
   * only basic fields are selected; null when the report does not name its session.
   */
  participant?: Maybe<Participant>;
  /** The peer's lifecycle events (created, joining, leaving). Selecting this sends `include_peer_events=true`. */
  peerEvents?: Maybe<Array<PeerEvent>>;
  /**
   * The participant's SDK statistics as Dyte-era reports (Dyte API v2) carry them inside the peer
   * report; null from RealtimeKit's current versions, which return them with participant details
   * only (`participant.peerStats`). Selecting it fetches the whole report (no `filters`).
   */
  peerStats?: Maybe<PeerStats>;
  /**
   * Name of the preset (role) the peer joined with, for example `group_call_host`. Upstream calls it
   * `preset_name` in older spec versions and `role` in newer ones; both are read.
   */
  presetName?: Maybe<Scalars['String']['output']>;
  /** Audio, video and screen-share quality series with their cumulative summaries. */
  quality?: Maybe<PeerReportQuality>;
  /**
   * The participant's call-quality summaries as Dyte-era reports carry them; null from RealtimeKit's
   * current versions (see `participant.qualityStats`). Selecting it fetches the whole report.
   */
  qualityStats?: Maybe<Array<QualityStats>>;
  /**
   * The quality samples grouped into stretches of `bucketSeconds` from the peer's join time, for
   * charts (see QualityBucket). At most 500 buckets: a bucket size that would make more (or one
   * below 1 s) is refused with BAD_USER_INPUT. Selecting it fetches the sample series.
   */
  qualityTimeline: Array<QualityBucket>;
  /** Id of the session the peer belongs to. */
  sessionId?: Maybe<Scalars['ID']['output']>;
  /** When RealtimeKit last updated this record. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Id of the RealtimeKit user behind this peer. */
  userId?: Maybe<Scalars['ID']['output']>;
};


/**
 * A peer's call report from "Fetch details of peer": who the peer was, its lifecycle events, the
 * device/network metadata its SDK reported, and per-media quality series. Reports are kept 30 days.
 * Only the sections a query selects are fetched from RealtimeKit (see docs/querying.md, "How it fetches").
 */
export type PeerReportQualityTimelineArgs = {
  bucketSeconds?: InputMaybe<Scalars['Int']['input']>;
};

/** One client-side event the peer's SDK recorded. */
export type PeerReportEvent = {
  __typename?: 'PeerReportEvent';
  /**
   * Free-form details of the event as a JSON object of upstream keys, for example
   * `{"reason": "ice_failed"}` for a disconnect; `{}` when there are none.
   */
  metadata?: Maybe<Scalars['JSON']['output']>;
  /**
   * Event name as reported upstream, for example `precall_begin`, `call_join`, `audio_on`,
   * `screenshare_started`, `tab_change`, `disconnect` or `reconnect_attempt`.
   */
  name?: Maybe<Scalars['String']['output']>;
  /** When the event happened. */
  timestamp?: Maybe<Scalars['DateTime']['output']>;
};

/**
 * Device, browser, network, connection and SDK details the peer's SDK reported, from the
 * `metadata` part of a peer report. Sections left out by upstream (for example by `filters`) are null.
 */
export type PeerReportMetadata = {
  __typename?: 'PeerReportMetadata';
  /** Changes to the list of microphones the browser exposed. */
  audioDevicesUpdates?: Maybe<Array<DeviceUpdate>>;
  /** The peer's browser. */
  browserMetadata?: Maybe<BrowserMetadata>;
  /** The ICE candidate pairs of the peer's sending and receiving transports. */
  candidatePairs?: Maybe<CandidatePairs>;
  /** The peer's device and operating system. */
  deviceInfo?: Maybe<PeerDeviceInfo>;
  /** Client-side events the SDK recorded (pre-call test, joins, media toggles, reconnects), in time order. */
  events?: Maybe<Array<PeerReportEvent>>;
  /** Where the peer connected from, derived from its public IP address. */
  ipInformation?: Maybe<PeerIpInformation>;
  /** Codecs the peer's SDK encoded its audio and video with. */
  nativeMetadata?: Maybe<NativeMetadata>;
  /**
   * Connectivity checks of the peer's WebRTC peer connections: one when each transport was set up
   * and one after every reconnect attempt.
   */
  pcMetadata?: Maybe<Array<PcMetadata>>;
  /** Room layout the SDK rendered, as reported upstream, for example `groupCall` or `webinar`. */
  roomViewType?: Maybe<Scalars['String']['output']>;
  /** Name of the RealtimeKit SDK, for example `web-core`. */
  sdkName?: Maybe<Scalars['String']['output']>;
  /** Platform of the RealtimeKit SDK, for example `web`. */
  sdkType?: Maybe<Scalars['String']['output']>;
  /** Version of the RealtimeKit SDK, for example `1.2.1`. */
  sdkVersion?: Maybe<Scalars['String']['output']>;
  /** Each time the peer selected a microphone, camera or speaker, in time order. */
  selectedDeviceUpdates?: Maybe<Array<SelectedDeviceUpdate>>;
  /** Changes to the list of speakers (audio outputs) the browser exposed. */
  speakerDevicesUpdates?: Maybe<Array<DeviceUpdate>>;
  /** Changes to the list of cameras the browser exposed. */
  videoDevicesUpdates?: Maybe<Array<DeviceUpdate>>;
};

/**
 * Media quality of a peer from the `quality` part of a peer report: for audio, video and screen
 * share, the series of samples the peer sent (producer) and received (consumer), each with a
 * cumulative summary. A stream the peer never had comes back as empty series with all-null summaries.
 * Upstream sends these as one flat object (`audio_producer`, `audio_producer_cumulative`, …
 * `screenshare_video_consumer_cumulative`); the grouping by media is this schema's.
 */
export type PeerReportQuality = {
  __typename?: 'PeerReportQuality';
  /** Microphone audio (upstream `audio_producer`, `audio_consumer` and their `_cumulative`). */
  audio?: Maybe<AudioQuality>;
  /** Audio shared along with the screen, for example a browser tab's sound (upstream `screenshare_audio_…`). */
  screenshareAudio?: Maybe<AudioQuality>;
  /** Screen-share video (upstream `screenshare_video_…`). */
  screenshareVideo?: Maybe<VideoQuality>;
  /** Camera video (upstream `video_producer`, `video_consumer` and their `_cumulative`). */
  video?: Maybe<VideoQuality>;
};

/** Statistics the participant's SDK reported about its device, network and session lifecycle. */
export type PeerStats = {
  __typename?: 'PeerStats';
  /** SDK configuration the participant joined with, as reported upstream (free text). */
  config?: Maybe<Scalars['String']['output']>;
  /** The participant's device, operating system and browser. */
  deviceInfo?: Maybe<DeviceInfo>;
  /** Lifecycle events of the peer (joins, media toggles, reconnects), in time order. */
  events?: Maybe<Array<PeerStatsEvent>>;
  /** Where the participant connected from, derived from its public IP address. */
  ipInformation?: Maybe<IpInformation>;
  /** Results of the pre-call network test the SDK ran before joining. */
  precallNetworkInformation?: Maybe<PrecallNetworkInformation>;
  /** Connection status of the peer as reported upstream, for example `left` or `joined`. */
  status?: Maybe<Scalars['String']['output']>;
};

/** One lifecycle event of a peer. */
export type PeerStatsEvent = {
  __typename?: 'PeerStatsEvent';
  /**
   * Details of the event as the SDK sent them (for example the peer's metadata on `call_join`),
   * passed through as JSON; null when upstream sends none.
   */
  metadata?: Maybe<Scalars['JSON']['output']>;
  /** When the event happened. */
  timestamp?: Maybe<Scalars['DateTime']['output']>;
  /**
   * Event type as reported upstream, for example `precall_begin`, `call_join`, `audio_on`,
   * `video_off`, `screenshare_started`, `tab_change`, `disconnect` or `reconnect_attempt`.
   */
  type?: Maybe<Scalars['String']['output']>;
};

/**
 * Average and percentiles of one measure over a stream's sample intervals. The unit is the
 * measure's, given on the field that holds this object.
 */
export type Percentiles = {
  __typename?: 'Percentiles';
  /** Mean over the intervals. */
  avg?: Maybe<Scalars['Float']['output']>;
  /** Median (50th percentile). */
  p50?: Maybe<Scalars['Float']['output']>;
  /** 75th percentile. */
  p75?: Maybe<Scalars['Float']['output']>;
  /** 90th percentile. */
  p90?: Maybe<Scalars['Float']['output']>;
};

/** Results of the pre-call network test the SDK ran before joining. */
export type PrecallNetworkInformation = {
  __typename?: 'PrecallNetworkInformation';
  /** Round-trip time to the RealtimeKit backend, in seconds. */
  backendRtt?: Maybe<Scalars['Float']['output']>;
  /**
   * Effective network type reported by the browser: `4g`, `3g`, `wifi`, … (upstream
   * `effective_networktype`).
   */
  effectiveNetworkType?: Maybe<Scalars['String']['output']>;
  /** Fraction of packets lost during the test, from 0 to 1. */
  fractionalLoss?: Maybe<Scalars['Float']['output']>;
  /** Jitter measured during the test, in milliseconds. */
  jitter?: Maybe<Scalars['Float']['output']>;
  /** Whether a direct (server-reflexive, STUN) connection was possible. */
  reflexiveConnectivity?: Maybe<Scalars['Boolean']['output']>;
  /** Whether a relayed connection was possible. */
  relayConnectivity?: Maybe<Scalars['Boolean']['output']>;
  /** Round-trip time measured during the test, in seconds. */
  rtt?: Maybe<Scalars['Float']['output']>;
  /**
   * Measured throughput, in kilobits per second. Upstream spells this field either `throughput`
   * or (in the published spec) `throughtput`; both are read.
   */
  throughput?: Maybe<Scalars['Float']['output']>;
  /** Whether a TURN server could be reached. */
  turnConnectivity?: Maybe<Scalars['Boolean']['output']>;
};

/** Kind of meeting a preset is for. */
export type PresetViewType =
  /** An audio-only room. */
  | 'AUDIO_ROOM'
  /** A chat-only room. */
  | 'CHAT'
  /** A meeting where everyone can speak and share video. */
  | 'GROUP_CALL'
  /** A livestream to a large audience. */
  | 'LIVESTREAM'
  /** A value this gateway does not know; read `presetViewTypeRaw`. */
  | 'UNKNOWN'
  /** A webinar: hosts present, attendees mostly watch. */
  | 'WEBINAR';

/**
 * One stretch of a call, for charts: the averages of the quality samples taken in [from, to).
 * A stretch without samples has null averages.
 */
export type QualityBucket = {
  __typename?: 'QualityBucket';
  /** Average `mos_quality` of the audio samples (sent and received) in the stretch. */
  audioMos?: Maybe<Scalars['Float']['output']>;
  /** Start of the stretch (inclusive): the peer's join time plus a whole number of buckets. */
  from: Scalars['DateTime']['output'];
  /**
   * Average packet loss of the audio samples in the stretch, in percent: per sample, the packets
   * lost since the previous sample over those sent (sending) or received plus lost (receiving).
   */
  packetLoss?: Maybe<Scalars['Float']['output']>;
  /** Average round-trip time of the sending samples (audio and video) in the stretch, in milliseconds. */
  rtt?: Maybe<Scalars['Float']['output']>;
  /** End of the stretch (exclusive). */
  to: Scalars['DateTime']['output'];
  /** Average frames per second of the video samples (sent and received) in the stretch. */
  videoFps?: Maybe<Scalars['Float']['output']>;
};

/**
 * One issue found in a peer report. There is at most one per (kind, media, direction); a kind that
 * several cumulatives show is reported for each of them.
 */
export type QualityIssue = {
  __typename?: 'QualityIssue';
  /** A sentence for people, e.g. `12% of intervals lost 5% of packets or more (audio, sending)`. */
  description: Scalars['String']['output'];
  /** SENDING or RECEIVING; null for NETWORK issues. */
  direction?: Maybe<MediaDirection>;
  /** What went wrong. */
  kind: QualityIssueKind;
  /** Which media the issue is about. */
  media: QualityMedia;
  /** The threshold it is compared with (the issue is present at or above it; 1 for RELAY_ONLY). */
  threshold: Scalars['Float']['output'];
  /** The measured value: the fraction that passed its threshold (1 for RELAY_ONLY). */
  value: Scalars['Float']['output'];
};

/** How often one kind of issue occurred among the participants analysed. */
export type QualityIssueCount = {
  __typename?: 'QualityIssueCount';
  /** The kind of issue. */
  kind: QualityIssueKind;
  /** Participants with at least one issue of this kind. */
  participants: Scalars['Int']['output'];
};

/** What went wrong in a call, each with its threshold (see QualityIssue). */
export type QualityIssueKind =
  /** A video producer's `issues.bandwidth_quality_limitation_fraction` is 0.2 or more: the encoder was held back by bandwidth a fifth of the time. */
  | 'BANDWIDTH_LIMITED'
  /** A video producer's `issues.cpu_quality_limitation_fraction` is 0.2 or more: the encoder was held back by CPU a fifth of the time. */
  | 'CPU_LIMITED'
  /** A cumulative's `rtt.250ms_or_greater_event_fraction` is 0.1 or more: 10% of the intervals had a round trip of 250 ms or more. */
  | 'HIGH_LATENCY'
  /** A cumulative's `packet_loss.5_or_greater_event_fraction` is 0.1 or more: 10% of the intervals lost 5% of packets or more. */
  | 'HIGH_PACKET_LOSS'
  /** A video cumulative's `issues.poor_resolution_fraction` is 0.2 or more. */
  | 'POOR_RESOLUTION'
  /** A `pc_metadata` entry shows `relay_connectivity` true and `reflexive_connectivity` false: media could only go through a TURN relay. */
  | 'RELAY_ONLY'
  /** A video consumer's `issues.lag_fraction` is 0.1 or more. */
  | 'VIDEO_LAG';

/**
 * Time a video encoder has spent limited by each reason since the stream started, in seconds
 * (WebRTC's `qualityLimitationDurations`).
 */
export type QualityLimitationDurations = {
  __typename?: 'QualityLimitationDurations';
  /** Seconds limited by available bandwidth. */
  bandwidth?: Maybe<Scalars['Float']['output']>;
  /** Seconds limited by CPU. */
  cpu?: Maybe<Scalars['Float']['output']>;
  /** Seconds not limited. */
  none?: Maybe<Scalars['Float']['output']>;
  /** Seconds limited by another reason. */
  other?: Maybe<Scalars['Float']['output']>;
};

/**
 * Why a video encoder lowered resolution or frame rate (WebRTC's `qualityLimitationReason`).
 * Upstream sends it in lower case; the raw value is always readable beside it.
 */
export type QualityLimitationReason =
  /** Limited by available bandwidth (upstream `bandwidth`). */
  | 'BANDWIDTH'
  /** Limited by CPU (upstream `cpu`). */
  | 'CPU'
  /** Not limited (upstream `none`). */
  | 'NONE'
  /** Limited by another reason (upstream `other`). */
  | 'OTHER'
  /** A value this gateway does not know; read the raw field beside it. */
  | 'UNKNOWN';

/** The media an issue is about. */
export type QualityMedia =
  /** Microphone audio. */
  | 'AUDIO'
  /** The connection itself (RELAY_ONLY). */
  | 'NETWORK'
  /** Screen share, audio or video. */
  | 'SCREENSHARE'
  /** Camera video. */
  | 'VIDEO';

/**
 * A session's call quality at a glance, over up to `limit` participants: one participant-list call
 * per 100 participants plus one peer-report call per participant (the call estimate counts them and
 * refuses what is over MAX_UPSTREAM_CALLS_PER_OPERATION).
 */
export type QualityOverview = {
  __typename?: 'QualityOverview';
  /** Participants whose peer report was read and judged. */
  analysed: Scalars['Int']['output'];
  /** Issue kinds by how many participants had them, most first. */
  commonIssues: Array<QualityIssueCount>;
  /** Whether every participant of the session was analysed: none beyond `limit`, none unavailable. */
  complete: Scalars['Boolean']['output'];
  /** Participants judged FAIR. */
  fair: Scalars['Int']['output'];
  /** Participants judged GOOD. */
  good: Scalars['Int']['output'];
  /** Participants judged POOR. */
  poor: Scalars['Int']['output'];
  /** Participants whose peer report could not be read (not counted anywhere else). */
  unavailable: Scalars['Int']['output'];
  /** Participants judged UNKNOWN (no audio MOS). */
  unknown: Scalars['Int']['output'];
  /** The `worst` participants with an audio MOS, lowest first (ties: more issues first). */
  worst: Array<Participant>;
};

/** A call-quality summary of one peer over a time range, with per-sample audio and video statistics. */
export type QualityStats = {
  __typename?: 'QualityStats';
  /** Average audio bandwidth, in kilobits per second. */
  audioBandwidth?: Maybe<Scalars['Float']['output']>;
  /** Audio packets lost over the range, in percent (0–100). */
  audioPacketLoss?: Maybe<Scalars['Float']['output']>;
  /** Audio samples, about one every 7 seconds. */
  audioStats?: Maybe<Array<AudioStats>>;
  /** Average quality score over the range (a MOS-like score, usually 1–5). */
  averageQuality?: Maybe<Scalars['Float']['output']>;
  /** End of the summarised time range. */
  end?: Maybe<Scalars['DateTime']['output']>;
  /** When the first audio packet was received. */
  firstAudioPacketReceived?: Maybe<Scalars['DateTime']['output']>;
  /** When the first video packet was received. */
  firstVideoPacketReceived?: Maybe<Scalars['DateTime']['output']>;
  /** When the last audio packet was received. */
  lastAudioPacketReceived?: Maybe<Scalars['DateTime']['output']>;
  /** When the last video packet was received. */
  lastVideoPacketReceived?: Maybe<Scalars['DateTime']['output']>;
  /** The peer these statistics belong to (the participant id). */
  peerId?: Maybe<Scalars['ID']['output']>;
  /** The peers these statistics cover, when upstream sends one summary for the whole call (upstream `peer_ids`). */
  peerIds?: Maybe<Array<Scalars['ID']['output']>>;
  /** Start of the summarised time range. */
  start?: Maybe<Scalars['DateTime']['output']>;
  /** Audio packets over the range (a Float because counts can exceed 2^31). */
  totalAudioPackets?: Maybe<Scalars['Float']['output']>;
  /** Audio packets lost over the range. */
  totalAudioPacketsLost?: Maybe<Scalars['Float']['output']>;
  /** Video packets over the range (a Float because counts can exceed 2^31). */
  totalVideoPackets?: Maybe<Scalars['Float']['output']>;
  /** Video packets lost over the range. */
  totalVideoPacketsLost?: Maybe<Scalars['Float']['output']>;
  /** Average video bandwidth, in kilobits per second. */
  videoBandwidth?: Maybe<Scalars['Float']['output']>;
  /** Video packets lost over the range, in percent (0–100). */
  videoPacketLoss?: Maybe<Scalars['Float']['output']>;
  /** Video samples, about one every 7 seconds. */
  videoStats?: Maybe<Array<VideoStats>>;
};

/**
 * A verdict on one participant's call, from its peer report's audio MOS and issues. The bands are
 * ITU-T G.107's E-model (MOS from the R factor): below 3.1 "many users dissatisfied", from 4.0 up
 * "satisfied".
 */
export type QualityVerdict =
  /** The lowest audio MOS average is from 3.1 to below 4.0, or it is higher but an issue was found. */
  | 'FAIR'
  /** The lowest audio MOS average is 4.0 or more and no issue was found. */
  | 'GOOD'
  /** The lowest audio MOS average is below 3.1 (ITU-T G.107: many users dissatisfied). */
  | 'POOR'
  /** No audio MOS average is present (no audio was sent or received, or the report has no quality). */
  | 'UNKNOWN';

/**
 * Read-only access to Cloudflare RealtimeKit call analytics.
 * Every root field takes optional `accountId` and `appId` arguments; when omitted they default to
 * the gateway's configured `CLOUDFLARE_ACCOUNT_ID` and `REALTIMEKIT_APP_ID`.
 */
export type Query = {
  __typename?: 'Query';
  /**
   * One participant (peer) of a session with its call statistics, or null when it does not exist.
   * Errors carry `extensions.code`: BAD_USER_INPUT for malformed ids or a missing account/app,
   * NOT_FOUND when RealtimeKit does not know the participant, and the upstream codes listed in docs/limits-and-errors.md.
   */
  participant?: Maybe<Participant>;
  /**
   * A peer's call report: metadata and quality series. Only the sections the query selects are
   * fetched. NOT_FOUND when the peer is unknown or its report is older than 30 days.
   */
  peerReport?: Maybe<PeerReport>;
  /**
   * One session. Its fields are fetched only when selected: a query that only lists the session's
   * participants makes no call for the session itself.
   */
  session?: Maybe<Session>;
  /** One page of an app's sessions, filtered and sorted as asked. */
  sessions?: Maybe<SessionPage>;
};


/**
 * Read-only access to Cloudflare RealtimeKit call analytics.
 * Every root field takes optional `accountId` and `appId` arguments; when omitted they default to
 * the gateway's configured `CLOUDFLARE_ACCOUNT_ID` and `REALTIMEKIT_APP_ID`.
 */
export type QueryParticipantArgs = {
  accountId?: InputMaybe<Scalars['ID']['input']>;
  appId?: InputMaybe<Scalars['ID']['input']>;
  participantId: Scalars['ID']['input'];
  sessionId: Scalars['ID']['input'];
};


/**
 * Read-only access to Cloudflare RealtimeKit call analytics.
 * Every root field takes optional `accountId` and `appId` arguments; when omitted they default to
 * the gateway's configured `CLOUDFLARE_ACCOUNT_ID` and `REALTIMEKIT_APP_ID`.
 */
export type QueryPeerReportArgs = {
  accountId?: InputMaybe<Scalars['ID']['input']>;
  appId?: InputMaybe<Scalars['ID']['input']>;
  peerId: Scalars['ID']['input'];
};


/**
 * Read-only access to Cloudflare RealtimeKit call analytics.
 * Every root field takes optional `accountId` and `appId` arguments; when omitted they default to
 * the gateway's configured `CLOUDFLARE_ACCOUNT_ID` and `REALTIMEKIT_APP_ID`.
 */
export type QuerySessionArgs = {
  accountId?: InputMaybe<Scalars['ID']['input']>;
  appId?: InputMaybe<Scalars['ID']['input']>;
  sessionId: Scalars['ID']['input'];
};


/**
 * Read-only access to Cloudflare RealtimeKit call analytics.
 * Every root field takes optional `accountId` and `appId` arguments; when omitted they default to
 * the gateway's configured `CLOUDFLARE_ACCOUNT_ID` and `REALTIMEKIT_APP_ID`.
 */
export type QuerySessionsArgs = {
  accountId?: InputMaybe<Scalars['ID']['input']>;
  appId?: InputMaybe<Scalars['ID']['input']>;
  associatedId?: InputMaybe<Scalars['ID']['input']>;
  endTime?: InputMaybe<Scalars['DateTime']['input']>;
  maxParticipants?: InputMaybe<Scalars['Int']['input']>;
  minParticipants?: InputMaybe<Scalars['Int']['input']>;
  pageNo?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  sortBy?: InputMaybe<SessionSortField>;
  sortOrder?: InputMaybe<SortOrder>;
  startTime?: InputMaybe<Scalars['DateTime']['input']>;
  status?: InputMaybe<SessionStatus>;
};

/** The peer selected a device to use. */
export type SelectedDeviceUpdate = {
  __typename?: 'SelectedDeviceUpdate';
  /** The selected device. */
  device?: Maybe<Device>;
  /** When it was selected. */
  timestamp?: Maybe<Scalars['DateTime']['output']>;
};

/** A RealtimeKit session: one run of a meeting, from its first join to its last leave. */
export type Session = {
  __typename?: 'Session';
  /** Id of the meeting this session is a run of. */
  associatedId?: Maybe<Scalars['ID']['output']>;
  /** Breakout rooms of the session. Selecting this sends `include_breakout_rooms=true`. */
  breakoutRooms?: Maybe<Array<Session>>;
  /** When RealtimeKit created this record. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the session ended; null while it is LIVE. */
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The session id. */
  id: Scalars['ID']['output'];
  /** Participants in the session right now (0 once it ended). */
  liveParticipants?: Maybe<Scalars['Int']['output']>;
  /** The largest number of participants that were in the session at once. */
  maxConcurrentParticipants?: Maybe<Scalars['Int']['output']>;
  /** The meeting's display name. */
  meetingDisplayName?: Maybe<Scalars['String']['output']>;
  /** Participant minutes consumed by the session, summed over all participants. */
  minutesConsumed?: Maybe<Scalars['Float']['output']>;
  /** Id of the organization the session belongs to. */
  organizationId?: Maybe<Scalars['ID']['output']>;
  /**
   * One page of the session's participants. Their basic fields come with the page; selecting their
   * stats or peer reports costs one upstream call per participant, run a few at a time.
   */
  participants?: Maybe<ParticipantPage>;
  /**
   * Verdict counts, worst calls and common issues over the session's participants (see
   * QualityOverview).
   */
  qualityOverview: QualityOverview;
  /** When the session started. */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Whether the session is still running. */
  status?: Maybe<SessionStatus>;
  /** Kind of session, as upstream reports it: `meeting`, `livestream` or `participant`. */
  type?: Maybe<Scalars['String']['output']>;
  /** When RealtimeKit last updated this record. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};


/** A RealtimeKit session: one run of a meeting, from its first join to its last leave. */
export type SessionParticipantsArgs = {
  pageNo?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  sortBy?: InputMaybe<ParticipantSortField>;
  sortOrder?: InputMaybe<SortOrder>;
  view?: InputMaybe<ParticipantView>;
};


/** A RealtimeKit session: one run of a meeting, from its first join to its last leave. */
export type SessionQualityOverviewArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  worst?: InputMaybe<Scalars['Int']['input']>;
};

/** One page of an app's sessions. */
export type SessionPage = {
  __typename?: 'SessionPage';
  /** The sessions on this page. */
  items: Array<Session>;
  /** Where this page is in the whole list. */
  paging: Paging;
};

/** Fields sessions can be sorted by. */
export type SessionSortField =
  /** Creation time. */
  | 'CREATED_AT'
  /** Participant minutes consumed. */
  | 'MINUTES_CONSUMED';

/** Whether a session is running. */
export type SessionStatus =
  /** The session has ended. */
  | 'ENDED'
  /** The session is running. */
  | 'LIVE';

/** Sort direction. */
export type SortOrder =
  /** Ascending. */
  | 'ASC'
  /** Descending. */
  | 'DESC';

/**
 * Live data: calls in progress, pushed as they change, over GraphQL over Server-Sent Events. Each
 * subscription polls RealtimeKit every LIVE_POLL_INTERVAL_MS, and every subscriber of the same
 * resource with the same token shares each poll (see docs/live.md). The first event is
 * the current state, at once; after it, an event is sent only when the subscriber's own selection
 * gives a different result. Errors carry `extensions.code` as for queries; TOO_MANY_SUBSCRIPTIONS
 * refuses a subscription over MAX_SUBSCRIPTIONS_PER_TOKEN or MAX_SUBSCRIPTIONS.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /** A peer's report as it grows (new quality samples about every 7 s); completes once the peer has left. */
  peerReportUpdates: PeerReport;
  /** A session as it changes; completes once the session has ENDED (after sending its final state). */
  sessionUpdates: Session;
};


/**
 * Live data: calls in progress, pushed as they change, over GraphQL over Server-Sent Events. Each
 * subscription polls RealtimeKit every LIVE_POLL_INTERVAL_MS, and every subscriber of the same
 * resource with the same token shares each poll (see docs/live.md). The first event is
 * the current state, at once; after it, an event is sent only when the subscriber's own selection
 * gives a different result. Errors carry `extensions.code` as for queries; TOO_MANY_SUBSCRIPTIONS
 * refuses a subscription over MAX_SUBSCRIPTIONS_PER_TOKEN or MAX_SUBSCRIPTIONS.
 */
export type SubscriptionPeerReportUpdatesArgs = {
  accountId?: InputMaybe<Scalars['ID']['input']>;
  appId?: InputMaybe<Scalars['ID']['input']>;
  peerId: Scalars['ID']['input'];
};


/**
 * Live data: calls in progress, pushed as they change, over GraphQL over Server-Sent Events. Each
 * subscription polls RealtimeKit every LIVE_POLL_INTERVAL_MS, and every subscriber of the same
 * resource with the same token shares each poll (see docs/live.md). The first event is
 * the current state, at once; after it, an event is sent only when the subscriber's own selection
 * gives a different result. Errors carry `extensions.code` as for queries; TOO_MANY_SUBSCRIPTIONS
 * refuses a subscription over MAX_SUBSCRIPTIONS_PER_TOKEN or MAX_SUBSCRIPTIONS.
 */
export type SubscriptionSessionUpdatesArgs = {
  accountId?: InputMaybe<Scalars['ID']['input']>;
  appId?: InputMaybe<Scalars['ID']['input']>;
  sessionId: Scalars['ID']['input'];
};

/**
 * One sample of video the peer received from another peer. Counters (packets, bytes, frames) are
 * totals since the stream started, like WebRTC's getStats; the other measures describe the ~7 s
 * before `timestamp`.
 */
export type VideoConsumerSample = {
  __typename?: 'VideoConsumerSample';
  /** Bytes received since the stream started. A Float because it can exceed 2^31. */
  bytesReceived?: Maybe<Scalars['Float']['output']>;
  /** Bytes the sending peer sent since the stream started. A Float because it can exceed 2^31. */
  bytesSent?: Maybe<Scalars['Float']['output']>;
  /** Id of the media-server consumer that delivered the stream to this peer. */
  consumerId?: Maybe<Scalars['ID']['output']>;
  /** Full intra requests (FIR) this peer sent for the stream since it started. */
  firCount?: Maybe<Scalars['Int']['output']>;
  /** Height of the received frames, in pixels. */
  frameHeight?: Maybe<Scalars['Int']['output']>;
  /** Width of the received frames, in pixels. */
  frameWidth?: Maybe<Scalars['Int']['output']>;
  /** Frames decoded since the stream started. */
  framesDecoded?: Maybe<Scalars['Int']['output']>;
  /** Frames dropped (received but never shown) since the stream started. */
  framesDropped?: Maybe<Scalars['Int']['output']>;
  /** Frames per second received over the interval. */
  framesPerSecond?: Maybe<Scalars['Float']['output']>;
  /** Packet jitter over the interval, in seconds (as WebRTC reports it). */
  jitter?: Maybe<Scalars['Float']['output']>;
  /** Average delay the jitter buffer added over the interval, in milliseconds. */
  jitterBufferDelay?: Maybe<Scalars['Float']['output']>;
  /** Frames emitted by the jitter buffer since the stream started. A Float, like the audio count. */
  jitterBufferEmittedCount?: Maybe<Scalars['Float']['output']>;
  /** Key frames decoded since the stream started. */
  keyFramesDecoded?: Maybe<Scalars['Int']['output']>;
  /** Media id of the stream in the session description (SDP `a=mid`). */
  mid?: Maybe<Scalars['String']['output']>;
  /** Mean opinion score of the interval, from 1 (bad) to 5 (excellent). */
  mosQuality?: Maybe<Scalars['Float']['output']>;
  /** Packets lost since the stream started. */
  packetsLost?: Maybe<Scalars['Int']['output']>;
  /** Packets received since the stream started. */
  packetsReceived?: Maybe<Scalars['Int']['output']>;
  /** Packets the sending peer sent since the stream started. */
  packetsSent?: Maybe<Scalars['Int']['output']>;
  /** Id of the peer whose video this is. */
  peerId?: Maybe<Scalars['ID']['output']>;
  /** Id of the media-server producer that carried the stream. */
  producerId?: Maybe<Scalars['ID']['output']>;
  /** Round-trip time over the interval, in seconds. */
  rtt?: Maybe<Scalars['Float']['output']>;
  /** RTP synchronisation source of the stream (an unsigned 32-bit number, so a Float). */
  ssrc?: Maybe<Scalars['Float']['output']>;
  /** When the sample was taken (the end of its interval). */
  timestamp?: Maybe<Scalars['DateTime']['output']>;
};

/**
 * Summary of a video stream over the whole call, computed from its samples (one ~7 s interval
 * each). Upstream sends `{}` for a stream that never existed: every field is then null.
 */
export type VideoCumulative = {
  __typename?: 'VideoCumulative';
  /** Frame-width percentiles over the intervals, in pixels. */
  frameWidth?: Maybe<Percentiles>;
  /** Frame-rate percentiles over the intervals, in frames per second (upstream `frame_per_second`). */
  framesPerSecond?: Maybe<Percentiles>;
  /** Fraction (0–1) of intervals with a high rate of negative feedback (FIR/PLI/NACK) from receivers. Producer side only. */
  highNegativeFeedbackFraction?: Maybe<Scalars['Float']['output']>;
  /** How often the video had visible problems. */
  issues?: Maybe<VideoIssues>;
  /**
   * Jitter-buffer delay over the intervals, in milliseconds. Sent for consumed video only; null on
   * the producer side.
   */
  jitterBufferDelay?: Maybe<DelayCumulative>;
  /** Fraction (0–1) of the decoded frames that were key frames. Consumer side only. */
  keyFramesDecodedFraction?: Maybe<Scalars['Float']['output']>;
  /** Fraction (0–1) of the encoded frames that were key frames. Producer side only. */
  keyFramesEncodedFraction?: Maybe<Scalars['Float']['output']>;
  /** Packet loss over the intervals, in percent, and how often it crossed thresholds. */
  packetLoss?: Maybe<PacketLossCumulative>;
  /** Mean opinion score percentiles over the intervals, from 1 (bad) to 5 (excellent). */
  qualityMos?: Maybe<Percentiles>;
  /** Round-trip time over the intervals, in milliseconds, and how often it crossed thresholds. */
  rtt?: Maybe<LatencyCumulative>;
};

/**
 * How often a video stream had visible problems, as fractions (0–1) of its sample intervals. The
 * consumer side reports lag; the producer side reports the encoder's limitations.
 */
export type VideoIssues = {
  __typename?: 'VideoIssues';
  /** Fraction (0–1) of intervals in which the encoder was limited by bandwidth (upstream `bandwidth_quality_limitation_fraction`). Producer side. */
  bandwidthQualityLimitationFraction?: Maybe<Scalars['Float']['output']>;
  /** Fraction (0–1) of intervals in which the encoder was limited by CPU (upstream `cpu_quality_limitation_fraction`). Producer side. */
  cpuQualityLimitationFraction?: Maybe<Scalars['Float']['output']>;
  /** Fraction (0–1) of intervals in which the video lagged (high round-trip time or a low frame rate). Consumer side. */
  lagFraction?: Maybe<Scalars['Float']['output']>;
  /** Fraction (0–1) of intervals with no video frames at all. */
  noVideoFraction?: Maybe<Scalars['Float']['output']>;
  /** Fraction (0–1) of intervals in which the resolution was below what the stream normally has. */
  poorResolutionFraction?: Maybe<Scalars['Float']['output']>;
  /** Fraction (0–1) of intervals in which the encoder was limited for any reason (upstream `quality_limitation_fraction`). Producer side. */
  qualityLimitationFraction?: Maybe<Scalars['Float']['output']>;
};

/**
 * One sample of video the peer sent. Counters (packets, bytes, frames, requests, durations) are
 * totals since the stream started, like WebRTC's getStats; the other measures describe the ~7 s
 * before `timestamp`.
 */
export type VideoProducerSample = {
  __typename?: 'VideoProducerSample';
  /** Bytes sent since the stream started. A Float because it can exceed 2^31. */
  bytesSent?: Maybe<Scalars['Float']['output']>;
  /** Full intra requests (FIR) received since the stream started. */
  firCount?: Maybe<Scalars['Int']['output']>;
  /** Height of the sent frames, in pixels. */
  frameHeight?: Maybe<Scalars['Int']['output']>;
  /** Width of the sent frames, in pixels. */
  frameWidth?: Maybe<Scalars['Int']['output']>;
  /** Frames encoded since the stream started. */
  framesEncoded?: Maybe<Scalars['Int']['output']>;
  /** Frames per second sent over the interval. */
  framesPerSecond?: Maybe<Scalars['Float']['output']>;
  /** Packet jitter over the interval, in seconds (as WebRTC reports it). */
  jitter?: Maybe<Scalars['Float']['output']>;
  /** Key frames encoded since the stream started. */
  keyFramesEncoded?: Maybe<Scalars['Int']['output']>;
  /** Media id of the stream in the session description (SDP `a=mid`). */
  mid?: Maybe<Scalars['String']['output']>;
  /** Mean opinion score of the interval, from 1 (bad) to 5 (excellent). */
  mosQuality?: Maybe<Scalars['Float']['output']>;
  /** Packets lost since the stream started. */
  packetsLost?: Maybe<Scalars['Int']['output']>;
  /** Packets sent since the stream started. */
  packetsSent?: Maybe<Scalars['Int']['output']>;
  /** Picture loss indications (PLI) received since the stream started. */
  pliCount?: Maybe<Scalars['Int']['output']>;
  /** Id of the media-server producer that carried the stream. */
  producerId?: Maybe<Scalars['ID']['output']>;
  /** Time the encoder has spent limited by each reason since the stream started. */
  qualityLimitationDurations?: Maybe<QualityLimitationDurations>;
  /**
   * Why the encoder lowered resolution or frame rate at sample time: CPU, BANDWIDTH, NONE or
   * OTHER; UNKNOWN for a value this gateway does not know (read it in `qualityLimitationReasonRaw`);
   * null when upstream sent none.
   */
  qualityLimitationReason?: Maybe<QualityLimitationReason>;
  /**
   * The limitation reason exactly as upstream sent it (upstream `quality_limitation_reason`, in
   * WebRTC's lower case: `cpu`, `bandwidth`, `none`, `other`), including values unknown to this gateway.
   */
  qualityLimitationReasonRaw?: Maybe<Scalars['String']['output']>;
  /** Times the encoder changed resolution because of a limitation, since the stream started. */
  qualityLimitationResolutionChanges?: Maybe<Scalars['Int']['output']>;
  /** Round-trip time over the interval, in seconds. */
  rtt?: Maybe<Scalars['Float']['output']>;
  /** RTP synchronisation source of the stream (an unsigned 32-bit number, so a Float). */
  ssrc?: Maybe<Scalars['Float']['output']>;
  /** When the sample was taken (the end of its interval). */
  timestamp?: Maybe<Scalars['DateTime']['output']>;
};

/**
 * A video stream's samples and summaries. Samples come about every 7 seconds; `[]` when the peer
 * had no such stream.
 */
export type VideoQuality = {
  __typename?: 'VideoQuality';
  /** Samples of the video the peer received, in time order. */
  consumer?: Maybe<Array<VideoConsumerSample>>;
  /** Summary of the received video over the whole call; all fields null when nothing was received. */
  consumerCumulative?: Maybe<VideoCumulative>;
  /** Samples of the video the peer sent, in time order. */
  producer?: Maybe<Array<VideoProducerSample>>;
  /** Summary of the sent video over the whole call; all fields null when nothing was sent. */
  producerCumulative?: Maybe<VideoCumulative>;
};

/** One video quality sample. */
export type VideoStats = {
  __typename?: 'VideoStats';
  /** Height of the video frames, in pixels. */
  frameHeight?: Maybe<Scalars['Int']['output']>;
  /** Width of the video frames, in pixels. */
  frameWidth?: Maybe<Scalars['Int']['output']>;
  /** Frames dropped since the previous sample. */
  framesDropped?: Maybe<Scalars['Int']['output']>;
  /** Frames per second at the time of the sample. */
  framesPerSecond?: Maybe<Scalars['Float']['output']>;
  /** Jitter, in milliseconds. */
  jitter?: Maybe<Scalars['Float']['output']>;
  /** Packets lost since the previous sample. */
  packetsLost?: Maybe<Scalars['Int']['output']>;
  /** Quality score of the sample (a MOS-like score, usually 1–5). */
  quality?: Maybe<Scalars['Float']['output']>;
  /** When the sample was taken. */
  timestamp?: Maybe<Scalars['DateTime']['output']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Asn: ResolverTypeWrapper<AsnRecord>;
  AudioConsumerSample: ResolverTypeWrapper<AudioConsumerSampleRecord>;
  AudioCumulative: ResolverTypeWrapper<AudioCumulativeRecord>;
  AudioProducerSample: ResolverTypeWrapper<AudioProducerSampleRecord>;
  AudioQuality: ResolverTypeWrapper<AudioQualitySource>;
  AudioStats: ResolverTypeWrapper<AudioStatsRecord>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  BooleanOrString: ResolverTypeWrapper<Scalars['BooleanOrString']['output']>;
  BrowserMetadata: ResolverTypeWrapper<BrowserMetadataRecord>;
  CallQualityInsights: ResolverTypeWrapper<InsightsRecord>;
  CandidatePair: ResolverTypeWrapper<CandidatePairRecord>;
  CandidatePairs: ResolverTypeWrapper<CandidatePairsRecord>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DelayCumulative: ResolverTypeWrapper<DelayCumulativeRecord>;
  Device: ResolverTypeWrapper<DeviceRecord>;
  DeviceInfo: ResolverTypeWrapper<DeviceInfoRecord>;
  DeviceUpdate: ResolverTypeWrapper<DeviceUpdateRecord>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  IpInformation: ResolverTypeWrapper<IpInformationRecord>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  LatencyCumulative: ResolverTypeWrapper<LatencyCumulativeRecord>;
  MediaDirection: MediaDirection;
  NativeMetadata: ResolverTypeWrapper<NativeMetadataRecord>;
  PacketLossCumulative: ResolverTypeWrapper<PacketLossCumulativeRecord>;
  Paging: ResolverTypeWrapper<PagingSource>;
  Participant: ResolverTypeWrapper<ParticipantSource>;
  ParticipantPage: ResolverTypeWrapper<ParticipantPageSource>;
  ParticipantSortField: ParticipantSortField;
  ParticipantView: ParticipantView;
  PcMetadata: ResolverTypeWrapper<PcMetadataRecord>;
  PeerDeviceInfo: ResolverTypeWrapper<PeerDeviceInfoRecord>;
  PeerEvent: ResolverTypeWrapper<PeerEventRecord>;
  PeerEventName: PeerEventName;
  PeerIpInformation: ResolverTypeWrapper<PeerIpInformationRecord>;
  PeerReport: ResolverTypeWrapper<PeerReportSource>;
  PeerReportEvent: ResolverTypeWrapper<PeerReportEventRecord>;
  PeerReportMetadata: ResolverTypeWrapper<PeerReportMetadataRecord>;
  PeerReportQuality: ResolverTypeWrapper<PeerReportQualityRecord>;
  PeerStats: ResolverTypeWrapper<PeerStatsRecord>;
  PeerStatsEvent: ResolverTypeWrapper<PeerStatsEventRecord>;
  Percentiles: ResolverTypeWrapper<PercentilesRecord>;
  PrecallNetworkInformation: ResolverTypeWrapper<PrecallNetworkInformationRecord>;
  PresetViewType: PresetViewType;
  QualityBucket: ResolverTypeWrapper<BucketRecord>;
  QualityIssue: ResolverTypeWrapper<IssueRecord>;
  QualityIssueCount: ResolverTypeWrapper<IssueCountRecord>;
  QualityIssueKind: QualityIssueKind;
  QualityLimitationDurations: ResolverTypeWrapper<QualityLimitationDurationsRecord>;
  QualityLimitationReason: QualityLimitationReason;
  QualityMedia: QualityMedia;
  QualityOverview: ResolverTypeWrapper<OverviewSource>;
  QualityStats: ResolverTypeWrapper<QualityStatsRecord>;
  QualityVerdict: QualityVerdict;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SelectedDeviceUpdate: ResolverTypeWrapper<SelectedDeviceUpdateRecord>;
  Session: ResolverTypeWrapper<SessionSource>;
  SessionPage: ResolverTypeWrapper<SessionPageSource>;
  SessionSortField: SessionSortField;
  SessionStatus: SessionStatus;
  SortOrder: SortOrder;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  VideoConsumerSample: ResolverTypeWrapper<VideoConsumerSampleRecord>;
  VideoCumulative: ResolverTypeWrapper<VideoCumulativeRecord>;
  VideoIssues: ResolverTypeWrapper<VideoIssuesRecord>;
  VideoProducerSample: ResolverTypeWrapper<VideoProducerSampleRecord>;
  VideoQuality: ResolverTypeWrapper<VideoQualitySource>;
  VideoStats: ResolverTypeWrapper<VideoStatsRecord>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Asn: AsnRecord;
  AudioConsumerSample: AudioConsumerSampleRecord;
  AudioCumulative: AudioCumulativeRecord;
  AudioProducerSample: AudioProducerSampleRecord;
  AudioQuality: AudioQualitySource;
  AudioStats: AudioStatsRecord;
  Boolean: Scalars['Boolean']['output'];
  BooleanOrString: Scalars['BooleanOrString']['output'];
  BrowserMetadata: BrowserMetadataRecord;
  CallQualityInsights: InsightsRecord;
  CandidatePair: CandidatePairRecord;
  CandidatePairs: CandidatePairsRecord;
  DateTime: Scalars['DateTime']['output'];
  DelayCumulative: DelayCumulativeRecord;
  Device: DeviceRecord;
  DeviceInfo: DeviceInfoRecord;
  DeviceUpdate: DeviceUpdateRecord;
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  IpInformation: IpInformationRecord;
  JSON: Scalars['JSON']['output'];
  LatencyCumulative: LatencyCumulativeRecord;
  NativeMetadata: NativeMetadataRecord;
  PacketLossCumulative: PacketLossCumulativeRecord;
  Paging: PagingSource;
  Participant: ParticipantSource;
  ParticipantPage: ParticipantPageSource;
  PcMetadata: PcMetadataRecord;
  PeerDeviceInfo: PeerDeviceInfoRecord;
  PeerEvent: PeerEventRecord;
  PeerIpInformation: PeerIpInformationRecord;
  PeerReport: PeerReportSource;
  PeerReportEvent: PeerReportEventRecord;
  PeerReportMetadata: PeerReportMetadataRecord;
  PeerReportQuality: PeerReportQualityRecord;
  PeerStats: PeerStatsRecord;
  PeerStatsEvent: PeerStatsEventRecord;
  Percentiles: PercentilesRecord;
  PrecallNetworkInformation: PrecallNetworkInformationRecord;
  QualityBucket: BucketRecord;
  QualityIssue: IssueRecord;
  QualityIssueCount: IssueCountRecord;
  QualityLimitationDurations: QualityLimitationDurationsRecord;
  QualityOverview: OverviewSource;
  QualityStats: QualityStatsRecord;
  Query: Record<PropertyKey, never>;
  SelectedDeviceUpdate: SelectedDeviceUpdateRecord;
  Session: SessionSource;
  SessionPage: SessionPageSource;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  VideoConsumerSample: VideoConsumerSampleRecord;
  VideoCumulative: VideoCumulativeRecord;
  VideoIssues: VideoIssuesRecord;
  VideoProducerSample: VideoProducerSampleRecord;
  VideoQuality: VideoQualitySource;
  VideoStats: VideoStatsRecord;
};

export type AsnResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Asn'] = ResolversParentTypes['Asn']> = {
  asn: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  domain: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  route: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AudioConsumerSampleResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AudioConsumerSample'] = ResolversParentTypes['AudioConsumerSample']> = {
  bytesReceived: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  bytesSent: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  concealmentEvents: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  consumerId: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  jitter: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  jitterBufferDelay: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  jitterBufferEmittedCount: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  mid: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mosQuality: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  packetsLost: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  packetsReceived: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  packetsSent: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  peerId: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  producerId: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  rtt: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  ssrc: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  timestamp: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type AudioCumulativeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AudioCumulative'] = ResolversParentTypes['AudioCumulative']> = {
  jitter: Resolver<Maybe<ResolversTypes['Percentiles']>, ParentType, ContextType>;
  jitterBufferDelay: Resolver<Maybe<ResolversTypes['DelayCumulative']>, ParentType, ContextType>;
  packetLoss: Resolver<Maybe<ResolversTypes['PacketLossCumulative']>, ParentType, ContextType>;
  qualityMos: Resolver<Maybe<ResolversTypes['Percentiles']>, ParentType, ContextType>;
  rtt: Resolver<Maybe<ResolversTypes['LatencyCumulative']>, ParentType, ContextType>;
};

export type AudioProducerSampleResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AudioProducerSample'] = ResolversParentTypes['AudioProducerSample']> = {
  bytesSent: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  jitter: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  mid: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mosQuality: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  packetsLost: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  packetsSent: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  producerId: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  rtt: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  ssrc: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  timestamp: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type AudioQualityResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AudioQuality'] = ResolversParentTypes['AudioQuality']> = {
  consumer: Resolver<Maybe<Array<ResolversTypes['AudioConsumerSample']>>, ParentType, ContextType>;
  consumerCumulative: Resolver<Maybe<ResolversTypes['AudioCumulative']>, ParentType, ContextType>;
  producer: Resolver<Maybe<Array<ResolversTypes['AudioProducerSample']>>, ParentType, ContextType>;
  producerCumulative: Resolver<Maybe<ResolversTypes['AudioCumulative']>, ParentType, ContextType>;
};

export type AudioStatsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AudioStats'] = ResolversParentTypes['AudioStats']> = {
  concealmentEvents: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  jitter: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  packetsLost: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  quality: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  timestamp: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export interface BooleanOrStringScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['BooleanOrString'], any> {
  name: 'BooleanOrString';
}

export type BrowserMetadataResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['BrowserMetadata'] = ResolversParentTypes['BrowserMetadata']> = {
  browser: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  browserVersion: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  engine: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userAgent: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  webglSupport: Resolver<Maybe<ResolversTypes['BooleanOrString']>, ParentType, ContextType>;
};

export type CallQualityInsightsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CallQualityInsights'] = ResolversParentTypes['CallQualityInsights']> = {
  audioMos: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  issues: Resolver<Array<ResolversTypes['QualityIssue']>, ParentType, ContextType>;
  verdict: Resolver<ResolversTypes['QualityVerdict'], ParentType, ContextType>;
};

export type CandidatePairResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CandidatePair'] = ResolversParentTypes['CandidatePair']> = {
  availableIncomingBitrate: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  availableOutgoingBitrate: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  bytesDiscardedOnSend: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  bytesReceived: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  bytesSent: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  currentRoundTripTime: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  lastPacketReceivedTimestamp: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  lastPacketSentTimestamp: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  localCandidateAddress: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  localCandidateId: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  localCandidateNetworkType: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  localCandidatePort: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  localCandidateProtocol: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  localCandidateRelatedAddress: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  localCandidateRelatedPort: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  localCandidateType: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  localCandidateUrl: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nominated: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  packetsDiscardedOnSend: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  packetsReceived: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  packetsSent: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  remoteCandidateAddress: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  remoteCandidateId: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  remoteCandidatePort: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  remoteCandidateProtocol: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  remoteCandidateType: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  remoteCandidateUrl: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  totalRoundTripTime: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type CandidatePairsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CandidatePairs'] = ResolversParentTypes['CandidatePairs']> = {
  consumingTransport: Resolver<Maybe<Array<ResolversTypes['CandidatePair']>>, ParentType, ContextType>;
  producingTransport: Resolver<Maybe<Array<ResolversTypes['CandidatePair']>>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DelayCumulativeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DelayCumulative'] = ResolversParentTypes['DelayCumulative']> = {
  avg: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  fiveHundredMsOrGreaterEventFraction: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  oneHundredMsOrGreaterEventFraction: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  p50: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  p75: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  p90: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  twoHundredFiftyMsOrGreaterEventFraction: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type DeviceResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Device'] = ResolversParentTypes['Device']> = {
  deviceId: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  label: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DeviceInfoResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DeviceInfo'] = ResolversParentTypes['DeviceInfo']> = {
  browser: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  browserVersion: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cpus: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  engine: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  isMobile: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  memory: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  os: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  osVersion: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sdkName: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sdkVersion: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userAgent: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  webglSupport: Resolver<Maybe<ResolversTypes['BooleanOrString']>, ParentType, ContextType>;
};

export type DeviceUpdateResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DeviceUpdate'] = ResolversParentTypes['DeviceUpdate']> = {
  added: Resolver<Maybe<Array<ResolversTypes['Device']>>, ParentType, ContextType>;
  removed: Resolver<Maybe<Array<ResolversTypes['Device']>>, ParentType, ContextType>;
  timestamp: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type IpInformationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['IpInformation'] = ResolversParentTypes['IpInformation']> = {
  asn: Resolver<Maybe<ResolversTypes['Asn']>, ParentType, ContextType>;
  city: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  country: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ipLocation: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ipv4: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  org: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  portal: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  timezone: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LatencyCumulativeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['LatencyCumulative'] = ResolversParentTypes['LatencyCumulative']> = {
  avg: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  fiveHundredMsOrGreaterEventFraction: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  oneHundredMsOrGreaterEventFraction: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  twoHundredFiftyMsOrGreaterEventFraction: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type NativeMetadataResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NativeMetadata'] = ResolversParentTypes['NativeMetadata']> = {
  audioEncoder: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  videoEncoder: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PacketLossCumulativeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PacketLossCumulative'] = ResolversParentTypes['PacketLossCumulative']> = {
  avg: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  fiftyOrGreaterEventFraction: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  fiveOrGreaterEventFraction: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  tenOrGreaterEventFraction: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  twentyFiveOrGreaterEventFraction: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type PagingResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Paging'] = ResolversParentTypes['Paging']> = {
  endOffset: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  hasNextPage: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  pageNo: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  perPage: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startOffset: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  totalCount: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  totalPages: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ParticipantResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Participant'] = ResolversParentTypes['Participant']> = {
  createdAt: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  customParticipantId: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  displayName: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  duration: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  id: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  insights: Resolver<Maybe<ResolversTypes['CallQualityInsights']>, ParentType, ContextType>;
  joinedAt: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  leftAt: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  peerReport: Resolver<Maybe<ResolversTypes['PeerReport']>, ParentType, ContextType>;
  peerStats: Resolver<Maybe<ResolversTypes['PeerStats']>, ParentType, ContextType>;
  presetName: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  qualityStats: Resolver<Maybe<Array<ResolversTypes['QualityStats']>>, ParentType, ContextType>;
  sessionId: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  updatedAt: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  userId: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type ParticipantPageResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ParticipantPage'] = ResolversParentTypes['ParticipantPage']> = {
  items: Resolver<Array<ResolversTypes['Participant']>, ParentType, ContextType>;
  paging: Resolver<ResolversTypes['Paging'], ParentType, ContextType>;
};

export type PcMetadataResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PcMetadata'] = ResolversParentTypes['PcMetadata']> = {
  effectiveNetworkType: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reflexiveConnectivity: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  relayConnectivity: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  sdp: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  timestamp: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  turnConnectivity: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
};

export type PeerDeviceInfoResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PeerDeviceInfo'] = ResolversParentTypes['PeerDeviceInfo']> = {
  cpus: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  isMobile: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  os: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  osVersion: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PeerEventResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PeerEvent'] = ResolversParentTypes['PeerEvent']> = {
  createdAt: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  eventName: Resolver<Maybe<ResolversTypes['PeerEventName']>, ParentType, ContextType>;
  eventNameRaw: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  minutesConsumed: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  participantId: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  peerId: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  presetViewType: Resolver<Maybe<ResolversTypes['PresetViewType']>, ParentType, ContextType>;
  presetViewTypeRaw: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sessionId: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  socketSessionId: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  updatedAt: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type PeerIpInformationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PeerIpInformation'] = ResolversParentTypes['PeerIpInformation']> = {
  asn: Resolver<Maybe<ResolversTypes['Asn']>, ParentType, ContextType>;
  city: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  country: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ipv4: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  org: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  timezone: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PeerReportResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PeerReport'] = ResolversParentTypes['PeerReport']> = {
  createdAt: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  customParticipantId: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  displayName: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  duration: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  id: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  insights: Resolver<Maybe<ResolversTypes['CallQualityInsights']>, ParentType, ContextType>;
  joinedAt: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  leftAt: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  metadata: Resolver<Maybe<ResolversTypes['PeerReportMetadata']>, ParentType, ContextType>;
  participant: Resolver<Maybe<ResolversTypes['Participant']>, ParentType, ContextType>;
  peerEvents: Resolver<Maybe<Array<ResolversTypes['PeerEvent']>>, ParentType, ContextType>;
  peerStats: Resolver<Maybe<ResolversTypes['PeerStats']>, ParentType, ContextType>;
  presetName: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  quality: Resolver<Maybe<ResolversTypes['PeerReportQuality']>, ParentType, ContextType>;
  qualityStats: Resolver<Maybe<Array<ResolversTypes['QualityStats']>>, ParentType, ContextType>;
  qualityTimeline: Resolver<Array<ResolversTypes['QualityBucket']>, ParentType, ContextType, RequireFields<PeerReportQualityTimelineArgs, 'bucketSeconds'>>;
  sessionId: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  updatedAt: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  userId: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type PeerReportEventResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PeerReportEvent'] = ResolversParentTypes['PeerReportEvent']> = {
  metadata: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  name: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  timestamp: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type PeerReportMetadataResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PeerReportMetadata'] = ResolversParentTypes['PeerReportMetadata']> = {
  audioDevicesUpdates: Resolver<Maybe<Array<ResolversTypes['DeviceUpdate']>>, ParentType, ContextType>;
  browserMetadata: Resolver<Maybe<ResolversTypes['BrowserMetadata']>, ParentType, ContextType>;
  candidatePairs: Resolver<Maybe<ResolversTypes['CandidatePairs']>, ParentType, ContextType>;
  deviceInfo: Resolver<Maybe<ResolversTypes['PeerDeviceInfo']>, ParentType, ContextType>;
  events: Resolver<Maybe<Array<ResolversTypes['PeerReportEvent']>>, ParentType, ContextType>;
  ipInformation: Resolver<Maybe<ResolversTypes['PeerIpInformation']>, ParentType, ContextType>;
  nativeMetadata: Resolver<Maybe<ResolversTypes['NativeMetadata']>, ParentType, ContextType>;
  pcMetadata: Resolver<Maybe<Array<ResolversTypes['PcMetadata']>>, ParentType, ContextType>;
  roomViewType: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sdkName: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sdkType: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sdkVersion: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  selectedDeviceUpdates: Resolver<Maybe<Array<ResolversTypes['SelectedDeviceUpdate']>>, ParentType, ContextType>;
  speakerDevicesUpdates: Resolver<Maybe<Array<ResolversTypes['DeviceUpdate']>>, ParentType, ContextType>;
  videoDevicesUpdates: Resolver<Maybe<Array<ResolversTypes['DeviceUpdate']>>, ParentType, ContextType>;
};

export type PeerReportQualityResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PeerReportQuality'] = ResolversParentTypes['PeerReportQuality']> = {
  audio: Resolver<Maybe<ResolversTypes['AudioQuality']>, ParentType, ContextType>;
  screenshareAudio: Resolver<Maybe<ResolversTypes['AudioQuality']>, ParentType, ContextType>;
  screenshareVideo: Resolver<Maybe<ResolversTypes['VideoQuality']>, ParentType, ContextType>;
  video: Resolver<Maybe<ResolversTypes['VideoQuality']>, ParentType, ContextType>;
};

export type PeerStatsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PeerStats'] = ResolversParentTypes['PeerStats']> = {
  config: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  deviceInfo: Resolver<Maybe<ResolversTypes['DeviceInfo']>, ParentType, ContextType>;
  events: Resolver<Maybe<Array<ResolversTypes['PeerStatsEvent']>>, ParentType, ContextType>;
  ipInformation: Resolver<Maybe<ResolversTypes['IpInformation']>, ParentType, ContextType>;
  precallNetworkInformation: Resolver<Maybe<ResolversTypes['PrecallNetworkInformation']>, ParentType, ContextType>;
  status: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PeerStatsEventResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PeerStatsEvent'] = ResolversParentTypes['PeerStatsEvent']> = {
  metadata: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  timestamp: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  type: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PercentilesResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Percentiles'] = ResolversParentTypes['Percentiles']> = {
  avg: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  p50: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  p75: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  p90: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type PrecallNetworkInformationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PrecallNetworkInformation'] = ResolversParentTypes['PrecallNetworkInformation']> = {
  backendRtt: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  effectiveNetworkType: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fractionalLoss: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  jitter: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  reflexiveConnectivity: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  relayConnectivity: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  rtt: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  throughput: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  turnConnectivity: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
};

export type QualityBucketResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['QualityBucket'] = ResolversParentTypes['QualityBucket']> = {
  audioMos: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  from: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  packetLoss: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  rtt: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  to: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  videoFps: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type QualityIssueResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['QualityIssue'] = ResolversParentTypes['QualityIssue']> = {
  description: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  direction: Resolver<Maybe<ResolversTypes['MediaDirection']>, ParentType, ContextType>;
  kind: Resolver<ResolversTypes['QualityIssueKind'], ParentType, ContextType>;
  media: Resolver<ResolversTypes['QualityMedia'], ParentType, ContextType>;
  threshold: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  value: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type QualityIssueCountResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['QualityIssueCount'] = ResolversParentTypes['QualityIssueCount']> = {
  kind: Resolver<ResolversTypes['QualityIssueKind'], ParentType, ContextType>;
  participants: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QualityLimitationDurationsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['QualityLimitationDurations'] = ResolversParentTypes['QualityLimitationDurations']> = {
  bandwidth: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  cpu: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  none: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  other: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type QualityOverviewResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['QualityOverview'] = ResolversParentTypes['QualityOverview']> = {
  analysed: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  commonIssues: Resolver<Array<ResolversTypes['QualityIssueCount']>, ParentType, ContextType>;
  complete: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  fair: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  good: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  poor: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unavailable: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unknown: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  worst: Resolver<Array<ResolversTypes['Participant']>, ParentType, ContextType>;
};

export type QualityStatsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['QualityStats'] = ResolversParentTypes['QualityStats']> = {
  audioBandwidth: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  audioPacketLoss: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  audioStats: Resolver<Maybe<Array<ResolversTypes['AudioStats']>>, ParentType, ContextType>;
  averageQuality: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  end: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  firstAudioPacketReceived: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  firstVideoPacketReceived: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastAudioPacketReceived: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastVideoPacketReceived: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  peerId: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  peerIds: Resolver<Maybe<Array<ResolversTypes['ID']>>, ParentType, ContextType>;
  start: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  totalAudioPackets: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  totalAudioPacketsLost: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  totalVideoPackets: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  totalVideoPacketsLost: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  videoBandwidth: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  videoPacketLoss: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  videoStats: Resolver<Maybe<Array<ResolversTypes['VideoStats']>>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  participant?: Resolver<Maybe<ResolversTypes['Participant']>, ParentType, ContextType, RequireFields<QueryParticipantArgs, 'participantId' | 'sessionId'>>;
  peerReport?: Resolver<Maybe<ResolversTypes['PeerReport']>, ParentType, ContextType, RequireFields<QueryPeerReportArgs, 'peerId'>>;
  session?: Resolver<Maybe<ResolversTypes['Session']>, ParentType, ContextType, RequireFields<QuerySessionArgs, 'sessionId'>>;
  sessions?: Resolver<Maybe<ResolversTypes['SessionPage']>, ParentType, ContextType, RequireFields<QuerySessionsArgs, 'pageNo' | 'perPage'>>;
};

export type SelectedDeviceUpdateResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SelectedDeviceUpdate'] = ResolversParentTypes['SelectedDeviceUpdate']> = {
  device: Resolver<Maybe<ResolversTypes['Device']>, ParentType, ContextType>;
  timestamp: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type SessionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Session'] = ResolversParentTypes['Session']> = {
  associatedId: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  breakoutRooms: Resolver<Maybe<Array<ResolversTypes['Session']>>, ParentType, ContextType>;
  createdAt: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  endedAt: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  liveParticipants: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  maxConcurrentParticipants: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  meetingDisplayName: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  minutesConsumed: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  organizationId: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  participants: Resolver<Maybe<ResolversTypes['ParticipantPage']>, ParentType, ContextType, RequireFields<SessionParticipantsArgs, 'pageNo' | 'perPage'>>;
  qualityOverview: Resolver<ResolversTypes['QualityOverview'], ParentType, ContextType, RequireFields<SessionQualityOverviewArgs, 'limit' | 'worst'>>;
  startedAt: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status: Resolver<Maybe<ResolversTypes['SessionStatus']>, ParentType, ContextType>;
  type: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type SessionPageResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SessionPage'] = ResolversParentTypes['SessionPage']> = {
  items: Resolver<Array<ResolversTypes['Session']>, ParentType, ContextType>;
  paging: Resolver<ResolversTypes['Paging'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  peerReportUpdates?: SubscriptionResolver<ResolversTypes['PeerReport'], "peerReportUpdates", ParentType, ContextType, RequireFields<SubscriptionPeerReportUpdatesArgs, 'peerId'>>;
  sessionUpdates?: SubscriptionResolver<ResolversTypes['Session'], "sessionUpdates", ParentType, ContextType, RequireFields<SubscriptionSessionUpdatesArgs, 'sessionId'>>;
};

export type VideoConsumerSampleResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['VideoConsumerSample'] = ResolversParentTypes['VideoConsumerSample']> = {
  bytesReceived: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  bytesSent: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  consumerId: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  firCount: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  frameHeight: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  frameWidth: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  framesDecoded: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  framesDropped: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  framesPerSecond: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  jitter: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  jitterBufferDelay: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  jitterBufferEmittedCount: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  keyFramesDecoded: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  mid: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mosQuality: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  packetsLost: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  packetsReceived: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  packetsSent: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  peerId: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  producerId: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  rtt: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  ssrc: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  timestamp: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type VideoCumulativeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['VideoCumulative'] = ResolversParentTypes['VideoCumulative']> = {
  frameWidth: Resolver<Maybe<ResolversTypes['Percentiles']>, ParentType, ContextType>;
  framesPerSecond: Resolver<Maybe<ResolversTypes['Percentiles']>, ParentType, ContextType>;
  highNegativeFeedbackFraction: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  issues: Resolver<Maybe<ResolversTypes['VideoIssues']>, ParentType, ContextType>;
  jitterBufferDelay: Resolver<Maybe<ResolversTypes['DelayCumulative']>, ParentType, ContextType>;
  keyFramesDecodedFraction: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  keyFramesEncodedFraction: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  packetLoss: Resolver<Maybe<ResolversTypes['PacketLossCumulative']>, ParentType, ContextType>;
  qualityMos: Resolver<Maybe<ResolversTypes['Percentiles']>, ParentType, ContextType>;
  rtt: Resolver<Maybe<ResolversTypes['LatencyCumulative']>, ParentType, ContextType>;
};

export type VideoIssuesResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['VideoIssues'] = ResolversParentTypes['VideoIssues']> = {
  bandwidthQualityLimitationFraction: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  cpuQualityLimitationFraction: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  lagFraction: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  noVideoFraction: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  poorResolutionFraction: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  qualityLimitationFraction: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type VideoProducerSampleResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['VideoProducerSample'] = ResolversParentTypes['VideoProducerSample']> = {
  bytesSent: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  firCount: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  frameHeight: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  frameWidth: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  framesEncoded: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  framesPerSecond: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  jitter: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  keyFramesEncoded: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  mid: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mosQuality: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  packetsLost: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  packetsSent: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  pliCount: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  producerId: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  qualityLimitationDurations: Resolver<Maybe<ResolversTypes['QualityLimitationDurations']>, ParentType, ContextType>;
  qualityLimitationReason: Resolver<Maybe<ResolversTypes['QualityLimitationReason']>, ParentType, ContextType>;
  qualityLimitationReasonRaw: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  qualityLimitationResolutionChanges: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  rtt: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  ssrc: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  timestamp: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type VideoQualityResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['VideoQuality'] = ResolversParentTypes['VideoQuality']> = {
  consumer: Resolver<Maybe<Array<ResolversTypes['VideoConsumerSample']>>, ParentType, ContextType>;
  consumerCumulative: Resolver<Maybe<ResolversTypes['VideoCumulative']>, ParentType, ContextType>;
  producer: Resolver<Maybe<Array<ResolversTypes['VideoProducerSample']>>, ParentType, ContextType>;
  producerCumulative: Resolver<Maybe<ResolversTypes['VideoCumulative']>, ParentType, ContextType>;
};

export type VideoStatsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['VideoStats'] = ResolversParentTypes['VideoStats']> = {
  frameHeight: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  frameWidth: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  framesDropped: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  framesPerSecond: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  jitter: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  packetsLost: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  quality: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  timestamp: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = GatewayContext> = {
  Asn: AsnResolvers<ContextType>;
  AudioConsumerSample: AudioConsumerSampleResolvers<ContextType>;
  AudioCumulative: AudioCumulativeResolvers<ContextType>;
  AudioProducerSample: AudioProducerSampleResolvers<ContextType>;
  AudioQuality: AudioQualityResolvers<ContextType>;
  AudioStats: AudioStatsResolvers<ContextType>;
  BooleanOrString: GraphQLScalarType;
  BrowserMetadata: BrowserMetadataResolvers<ContextType>;
  CallQualityInsights: CallQualityInsightsResolvers<ContextType>;
  CandidatePair: CandidatePairResolvers<ContextType>;
  CandidatePairs: CandidatePairsResolvers<ContextType>;
  DateTime: GraphQLScalarType;
  DelayCumulative: DelayCumulativeResolvers<ContextType>;
  Device: DeviceResolvers<ContextType>;
  DeviceInfo: DeviceInfoResolvers<ContextType>;
  DeviceUpdate: DeviceUpdateResolvers<ContextType>;
  IpInformation: IpInformationResolvers<ContextType>;
  JSON: GraphQLScalarType;
  LatencyCumulative: LatencyCumulativeResolvers<ContextType>;
  NativeMetadata: NativeMetadataResolvers<ContextType>;
  PacketLossCumulative: PacketLossCumulativeResolvers<ContextType>;
  Paging: PagingResolvers<ContextType>;
  Participant: ParticipantResolvers<ContextType>;
  ParticipantPage: ParticipantPageResolvers<ContextType>;
  PcMetadata: PcMetadataResolvers<ContextType>;
  PeerDeviceInfo: PeerDeviceInfoResolvers<ContextType>;
  PeerEvent: PeerEventResolvers<ContextType>;
  PeerIpInformation: PeerIpInformationResolvers<ContextType>;
  PeerReport: PeerReportResolvers<ContextType>;
  PeerReportEvent: PeerReportEventResolvers<ContextType>;
  PeerReportMetadata: PeerReportMetadataResolvers<ContextType>;
  PeerReportQuality: PeerReportQualityResolvers<ContextType>;
  PeerStats: PeerStatsResolvers<ContextType>;
  PeerStatsEvent: PeerStatsEventResolvers<ContextType>;
  Percentiles: PercentilesResolvers<ContextType>;
  PrecallNetworkInformation: PrecallNetworkInformationResolvers<ContextType>;
  QualityBucket: QualityBucketResolvers<ContextType>;
  QualityIssue: QualityIssueResolvers<ContextType>;
  QualityIssueCount: QualityIssueCountResolvers<ContextType>;
  QualityLimitationDurations: QualityLimitationDurationsResolvers<ContextType>;
  QualityOverview: QualityOverviewResolvers<ContextType>;
  QualityStats: QualityStatsResolvers<ContextType>;
  Query: QueryResolvers<ContextType>;
  SelectedDeviceUpdate: SelectedDeviceUpdateResolvers<ContextType>;
  Session: SessionResolvers<ContextType>;
  SessionPage: SessionPageResolvers<ContextType>;
  Subscription: SubscriptionResolvers<ContextType>;
  VideoConsumerSample: VideoConsumerSampleResolvers<ContextType>;
  VideoCumulative: VideoCumulativeResolvers<ContextType>;
  VideoIssues: VideoIssuesResolvers<ContextType>;
  VideoProducerSample: VideoProducerSampleResolvers<ContextType>;
  VideoQuality: VideoQualityResolvers<ContextType>;
  VideoStats: VideoStatsResolvers<ContextType>;
};

