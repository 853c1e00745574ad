import type { PeerReportQualityResolvers } from '../generated/resolvers-types.js';
import type { MediaQualitySource } from '../upstream/peer-report-schemas.js';

/** One media's four flat upstream keys, gathered as the schema groups them. */
const media = <Producer, Consumer, Cumulative>(
  producer: MediaQualitySource<Producer, Consumer, Cumulative>['producer'],
  producerCumulative: MediaQualitySource<Producer, Consumer, Cumulative>['producerCumulative'],
  consumer: MediaQualitySource<Producer, Consumer, Cumulative>['consumer'],
  consumerCumulative: MediaQualitySource<Producer, Consumer, Cumulative>['consumerCumulative'],
): MediaQualitySource<Producer, Consumer, Cumulative> => ({
  producer,
  producerCumulative,
  consumer,
  consumerCumulative,
});

// The wire's `peer_report.quality` is one flat object of sixteen keys; the grouping is the schema's.
export const PeerReportQuality: PeerReportQualityResolvers = {
  audio: (q) =>
    media(
      q.audio_producer,
      q.audio_producer_cumulative,
      q.audio_consumer,
      q.audio_consumer_cumulative,
    ),
  video: (q) =>
    media(
      q.video_producer,
      q.video_producer_cumulative,
      q.video_consumer,
      q.video_consumer_cumulative,
    ),
  screenshareAudio: (q) =>
    media(
      q.screenshare_audio_producer,
      q.screenshare_audio_producer_cumulative,
      q.screenshare_audio_consumer,
      q.screenshare_audio_consumer_cumulative,
    ),
  screenshareVideo: (q) =>
    media(
      q.screenshare_video_producer,
      q.screenshare_video_producer_cumulative,
      q.screenshare_video_consumer,
      q.screenshare_video_consumer_cumulative,
    ),
};
