import type { Resolvers } from '../generated/resolvers-types.js';
import { AudioStats } from './AudioStats.js';
import { DateTime } from './DateTime.js';
import { DeviceInfo } from './DeviceInfo.js';
import { IpInformation } from './IpInformation.js';
import { Participant } from './Participant.js';
import { PeerStats } from './PeerStats.js';
import { PeerStatsEvent } from './PeerStatsEvent.js';
import { PrecallNetworkInformation } from './PrecallNetworkInformation.js';
import { QualityStats } from './QualityStats.js';
import { Query } from './Query.js';
import { VideoStats } from './VideoStats.js';

export const resolvers: Resolvers = {
  DateTime,
  Query,
  Participant,
  PeerStats,
  DeviceInfo,
  PeerStatsEvent,
  IpInformation,
  PrecallNetworkInformation,
  QualityStats,
  AudioStats,
  VideoStats,
};
