import { z } from 'zod';
import {
  PeerEventRecord,
  PeerReportMetadataRecord,
  PeerReportQualityRecord,
} from './peer-report-schemas.js';
import { participantBasics, text } from './schemas.js';

const PeerReportBody = z
  .object({
    ...participantBasics,
    // Versions C and D renamed `preset_name` to `role`.
    role: text,
    session_id: text,
    peer_events: z.array(PeerEventRecord).nullish(),
    peer_report: z
      .object({
        metadata: PeerReportMetadataRecord.nullish(),
        quality: PeerReportQualityRecord.nullish(),
      })
      .nullish(),
  })
  .transform(({ role, preset_name: presetName, ...rest }) => ({
    ...rest,
    preset_name: presetName ?? role ?? null,
  }));

/** A peer report, whichever spec version served it. */
export type PeerReportRecord = z.output<typeof PeerReportBody>;

/** Version B returns the report flat in `data`; versions C and D wrap it as `data.participant`. */
export const PeerReportEnvelope = z
  .object({
    success: z.literal(true),
    data: z.union([z.object({ participant: PeerReportBody }), PeerReportBody]),
  })
  .transform(({ data }) => ('participant' in data ? data.participant : data));
