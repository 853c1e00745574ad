import type { Resolvers } from '../generated/resolvers-types.js';
import { Asn } from './Asn.js';
import { AudioConsumerSample } from './AudioConsumerSample.js';
import { AudioCumulative } from './AudioCumulative.js';
import { AudioProducerSample } from './AudioProducerSample.js';
import { AudioQuality } from './AudioQuality.js';
import { BrowserMetadata } from './BrowserMetadata.js';
import { CandidatePair } from './CandidatePair.js';
import { CandidatePairs } from './CandidatePairs.js';
import { DelayCumulative } from './DelayCumulative.js';
import { Device } from './Device.js';
import { DeviceUpdate } from './DeviceUpdate.js';
import { JSON } from './JSON.js';
import { LatencyCumulative } from './LatencyCumulative.js';
import { NativeMetadata } from './NativeMetadata.js';
import { PacketLossCumulative } from './PacketLossCumulative.js';
import { PcMetadata } from './PcMetadata.js';
import { PeerDeviceInfo } from './PeerDeviceInfo.js';
import { PeerEvent } from './PeerEvent.js';
import { PeerIpInformation } from './PeerIpInformation.js';
import { PeerReportEvent } from './PeerReportEvent.js';
import { PeerReportMetadata } from './PeerReportMetadata.js';
import { PeerReportQuality } from './PeerReportQuality.js';
import { Percentiles } from './Percentiles.js';
import { QualityLimitationDurations } from './QualityLimitationDurations.js';
import { SelectedDeviceUpdate } from './SelectedDeviceUpdate.js';
import { VideoConsumerSample } from './VideoConsumerSample.js';
import { VideoCumulative } from './VideoCumulative.js';
import { VideoIssues } from './VideoIssues.js';
import { VideoProducerSample } from './VideoProducerSample.js';
import { VideoQuality } from './VideoQuality.js';

/** The GraphQL types nested inside a peer report (metadata, quality, peer events) and the JSON scalar. */
type PeerReportTypeName =
  | 'JSON'
  | 'PeerReportMetadata'
  | 'PeerDeviceInfo'
  | 'BrowserMetadata'
  | 'PeerIpInformation'
  | 'Asn'
  | 'PeerReportEvent'
  | 'PcMetadata'
  | 'CandidatePairs'
  | 'CandidatePair'
  | 'DeviceUpdate'
  | 'Device'
  | 'SelectedDeviceUpdate'
  | 'NativeMetadata'
  | 'PeerReportQuality'
  | 'AudioQuality'
  | 'VideoQuality'
  | 'AudioProducerSample'
  | 'AudioConsumerSample'
  | 'VideoProducerSample'
  | 'VideoConsumerSample'
  | 'AudioCumulative'
  | 'VideoCumulative'
  | 'Percentiles'
  | 'DelayCumulative'
  | 'PacketLossCumulative'
  | 'LatencyCumulative'
  | 'VideoIssues'
  | 'QualityLimitationDurations'
  | 'PeerEvent';

/** Spread into the gateway's `Resolvers`: `Pick` keeps every key required, so none can be left out. */
export const peerReportTypeResolvers: Pick<Resolvers, PeerReportTypeName> = {
  JSON,
  PeerReportMetadata,
  PeerDeviceInfo,
  BrowserMetadata,
  PeerIpInformation,
  Asn,
  PeerReportEvent,
  PcMetadata,
  CandidatePairs,
  CandidatePair,
  DeviceUpdate,
  Device,
  SelectedDeviceUpdate,
  NativeMetadata,
  PeerReportQuality,
  AudioQuality,
  VideoQuality,
  AudioProducerSample,
  AudioConsumerSample,
  VideoProducerSample,
  VideoConsumerSample,
  AudioCumulative,
  VideoCumulative,
  Percentiles,
  DelayCumulative,
  PacketLossCumulative,
  LatencyCumulative,
  VideoIssues,
  QualityLimitationDurations,
  PeerEvent,
};
