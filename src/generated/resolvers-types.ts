import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ParticipantSource } from '../loaders/index.js';
import type { PeerStatsRecord, DeviceInfoRecord, PeerStatsEventRecord, IpInformationRecord, PrecallNetworkInformationRecord, QualityStatsRecord, AudioStatsRecord, VideoStatsRecord } from '../upstream/schemas.js';
import type { GatewayContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * An instant in time, serialized as an ISO 8601 string in UTC with milliseconds
   * (for example `2026-11-20T09:30:00.000Z`).
   */
  DateTime: { input: string; output: string; }
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
  /** Whether WebGL is available in the browser. */
  webglSupport?: Maybe<Scalars['Boolean']['output']>;
};

/** Where a participant connected from, derived from its public IP address. */
export type IpInformation = {
  __typename?: 'IpInformation';
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
  /** When the participant joined the session. */
  joinedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the participant left the session; null while the participant is still in the call. */
  leftAt?: Maybe<Scalars['DateTime']['output']>;
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
  /** When the event happened. */
  timestamp?: Maybe<Scalars['DateTime']['output']>;
  /**
   * Event type as reported upstream, for example `precall_begin`, `call_join`, `audio_on`,
   * `video_off`, `screenshare_started`, `tab_change`, `disconnect` or `reconnect_attempt`.
   */
  type?: Maybe<Scalars['String']['output']>;
};

/** Results of the pre-call network test the SDK ran before joining. */
export type PrecallNetworkInformation = {
  __typename?: 'PrecallNetworkInformation';
  /** Round-trip time to the RealtimeKit backend, in seconds. */
  backendRtt?: Maybe<Scalars['Float']['output']>;
  /** Effective network type reported by the browser: `4g`, `3g`, `wifi`, … */
  effectiveNetworktype?: Maybe<Scalars['String']['output']>;
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
  /** The peer these statistics belong to (the participant id). */
  peerId?: Maybe<Scalars['ID']['output']>;
  /** Start of the summarised time range. */
  start?: Maybe<Scalars['DateTime']['output']>;
  /** Average video bandwidth, in kilobits per second. */
  videoBandwidth?: Maybe<Scalars['Float']['output']>;
  /** Video packets lost over the range, in percent (0–100). */
  videoPacketLoss?: Maybe<Scalars['Float']['output']>;
  /** Video samples, about one every 7 seconds. */
  videoStats?: Maybe<Array<VideoStats>>;
};

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
   * NOT_FOUND when RealtimeKit does not know the participant, and the upstream codes listed in the README.
   */
  participant?: Maybe<Participant>;
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

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

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
  AudioStats: ResolverTypeWrapper<AudioStatsRecord>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeviceInfo: ResolverTypeWrapper<DeviceInfoRecord>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  IpInformation: ResolverTypeWrapper<IpInformationRecord>;
  Participant: ResolverTypeWrapper<ParticipantSource>;
  PeerStats: ResolverTypeWrapper<PeerStatsRecord>;
  PeerStatsEvent: ResolverTypeWrapper<PeerStatsEventRecord>;
  PrecallNetworkInformation: ResolverTypeWrapper<PrecallNetworkInformationRecord>;
  QualityStats: ResolverTypeWrapper<QualityStatsRecord>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  VideoStats: ResolverTypeWrapper<VideoStatsRecord>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AudioStats: AudioStatsRecord;
  Boolean: Scalars['Boolean']['output'];
  DateTime: Scalars['DateTime']['output'];
  DeviceInfo: DeviceInfoRecord;
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  IpInformation: IpInformationRecord;
  Participant: ParticipantSource;
  PeerStats: PeerStatsRecord;
  PeerStatsEvent: PeerStatsEventRecord;
  PrecallNetworkInformation: PrecallNetworkInformationRecord;
  QualityStats: QualityStatsRecord;
  Query: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
  VideoStats: VideoStatsRecord;
};

export type AudioStatsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AudioStats'] = ResolversParentTypes['AudioStats']> = {
  concealmentEvents: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  jitter: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  packetsLost: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  quality: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  timestamp: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

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
  webglSupport: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
};

export type IpInformationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['IpInformation'] = ResolversParentTypes['IpInformation']> = {
  city: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  country: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ipLocation: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ipv4: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  org: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  portal: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  timezone: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ParticipantResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Participant'] = ResolversParentTypes['Participant']> = {
  createdAt: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  customParticipantId: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  displayName: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  duration: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  id: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  joinedAt: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  leftAt: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  peerStats: Resolver<Maybe<ResolversTypes['PeerStats']>, ParentType, ContextType>;
  presetName: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  qualityStats: Resolver<Maybe<Array<ResolversTypes['QualityStats']>>, ParentType, ContextType>;
  sessionId: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  updatedAt: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  userId: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
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
  timestamp: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  type: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PrecallNetworkInformationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PrecallNetworkInformation'] = ResolversParentTypes['PrecallNetworkInformation']> = {
  backendRtt: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  effectiveNetworktype: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fractionalLoss: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  jitter: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  reflexiveConnectivity: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  relayConnectivity: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  rtt: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  throughput: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  turnConnectivity: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
};

export type QualityStatsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['QualityStats'] = ResolversParentTypes['QualityStats']> = {
  audioBandwidth: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  audioPacketLoss: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  audioStats: Resolver<Maybe<Array<ResolversTypes['AudioStats']>>, ParentType, ContextType>;
  averageQuality: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  end: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  peerId: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  start: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  videoBandwidth: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  videoPacketLoss: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  videoStats: Resolver<Maybe<Array<ResolversTypes['VideoStats']>>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  participant?: Resolver<Maybe<ResolversTypes['Participant']>, ParentType, ContextType, RequireFields<QueryParticipantArgs, 'participantId' | 'sessionId'>>;
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
  AudioStats: AudioStatsResolvers<ContextType>;
  DateTime: GraphQLScalarType;
  DeviceInfo: DeviceInfoResolvers<ContextType>;
  IpInformation: IpInformationResolvers<ContextType>;
  Participant: ParticipantResolvers<ContextType>;
  PeerStats: PeerStatsResolvers<ContextType>;
  PeerStatsEvent: PeerStatsEventResolvers<ContextType>;
  PrecallNetworkInformation: PrecallNetworkInformationResolvers<ContextType>;
  QualityStats: QualityStatsResolvers<ContextType>;
  Query: QueryResolvers<ContextType>;
  VideoStats: VideoStatsResolvers<ContextType>;
};

