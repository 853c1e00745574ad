import {
  PeerEventRecord,
  PeerReportMetadataRecord,
  PeerReportQualityRecord,
} from './peer-report-schemas.js';
import { listOf, object, oneOrMany, shape, text } from './wire.js';
import type { RecordOf } from './wire.js';
import { participantBasics, PeerStatsRecord, QualityStatsRecord } from './schemas.js';

/** A peer report, whichever spec version served it (version B flat in `data`, C and D as `data.participant`). */
export const PeerReportRecord = shape({
  ...participantBasics,
  session_id: text,
  peer_events: listOf(PeerEventRecord),
  // Dyte v2 reports repeat the participant's own statistics (RealtimeKit's versions B–D do not).
  peer_stats: object(PeerStatsRecord),
  quality_stats: oneOrMany(QualityStatsRecord),
  peer_report: object(
    shape({
      metadata: object(PeerReportMetadataRecord),
      quality: object(PeerReportQualityRecord),
    }),
  ),
});
export type PeerReportRecord = RecordOf<typeof PeerReportRecord>;
