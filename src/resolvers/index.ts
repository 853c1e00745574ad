import type { Resolvers } from '../generated/resolvers-types.js';
import { AudioStats } from './AudioStats.js';
import { BooleanOrString } from './BooleanOrString.js';
import { DateTime } from './DateTime.js';
import { DeviceInfo } from './DeviceInfo.js';
import { insightsTypeResolvers } from './insights-types.js';
import { IpInformation } from './IpInformation.js';
import { Participant } from './Participant.js';
import { ParticipantPage } from './ParticipantPage.js';
import { Paging } from './Paging.js';
import { PeerReport } from './PeerReport.js';
import { peerReportTypeResolvers } from './peer-report-types.js';
import { PeerStats } from './PeerStats.js';
import { PeerStatsEvent } from './PeerStatsEvent.js';
import { PrecallNetworkInformation } from './PrecallNetworkInformation.js';
import { QualityStats } from './QualityStats.js';
import { Query } from './Query.js';
import { Session } from './Session.js';
import { SessionPage } from './SessionPage.js';
import { Subscription } from './Subscription.js';
import { VideoStats } from './VideoStats.js';

export const resolvers: Resolvers = {
  DateTime,
  BooleanOrString,
  Query,
  Subscription,
  Participant,
  PeerStats,
  DeviceInfo,
  PeerStatsEvent,
  IpInformation,
  PrecallNetworkInformation,
  QualityStats,
  AudioStats,
  VideoStats,
  PeerReport,
  Session,
  SessionPage,
  ParticipantPage,
  Paging,
  ...peerReportTypeResolvers,
  ...insightsTypeResolvers,
};
