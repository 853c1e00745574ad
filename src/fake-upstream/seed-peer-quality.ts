import type { JsonObject } from './json.js';
import { createRandom, hashSeed, round } from './random.js';
import type { Random } from './random.js';
import {
  audioConsumerCumulative,
  audioProducerCumulative,
  videoConsumerCumulative,
  videoProducerCumulative,
  withIntervals,
} from './seed-cumulatives.js';
import type { MediaSample } from './seed-cumulatives.js';
import {
  CAMERA,
  SCREEN,
  audioConsumerSeries,
  audioProducerSeries,
  videoConsumerSeries,
  videoProducerSeries,
} from './seed-media-series.js';
import type { Consumer, Track, VideoProducerSample } from './seed-media-series.js';
import type { SeedParticipant } from './seed-types.js';
import { callInstants, conditionSeries, randomAt, sampleInstants } from './seed-timeline.js';

/**
 * `peer_report.quality`: ONE FLAT OBJECT of sixteen keys, as the wire has it (the published OpenAPI's
 * `realtimekit_PeerReportQuality` and the Dyte v2 example): eight sample series (`audio_producer`,
 * `screenshare_video_consumer`, …) and the same eight names with `_cumulative`. A GraphQL schema may group them by
 * media kind; the wire never does.
 */

/** A cumulative over no samples is `{}`, as upstream sends it beside an empty `[]` series. */
function cumulativeOf<T>(samples: readonly T[], build: (samples: readonly T[]) => JsonObject) {
  return samples.length === 0 ? {} : build(samples);
}

/** Frame widths under which a camera picture counts as poor, and a shared screen's (text gets unreadable). */
const POOR_CAMERA_BELOW_WIDTH = 640;
const POOR_SCREEN_BELOW_WIDTH = 1280;

function buildQuality(seed: number, participant: SeedParticipant, rng: Random): JsonObject {
  const { profile, record } = participant;
  const joinMs = Date.parse(record.joined_at);
  const { instants, fixed } = callInstants(seed, participant);
  const rngOf = (series: string) => randomAt(rng, fixed, seed, participant, series);
  const uplink = withIntervals(conditionSeries(seed, participant, instants, 'uplink'), joinMs);
  const downlink = withIntervals(conditionSeries(seed, participant, instants, 'downlink'), joinMs);
  const track = (mid: string): Track => ({
    producerId: rng.uuid(),
    ssrc: rng.int(100_000_000, 4_294_967_295),
    mid,
  });
  const consumerOf = (): Consumer => ({
    consumerId: rng.uuid(),
    peerId: profile.remotePeerId,
  });

  const audioProducer = profile.producesAudio ? audioProducerSeries(uplink, track('0')) : [];
  const audioConsumer = audioConsumerSeries(
    rngOf('audio_consumer'),
    downlink,
    track('0'),
    consumerOf(),
  );
  const videoProducer = profile.producesVideo
    ? videoProducerSeries(rngOf('video_producer'), uplink, track('1'), CAMERA)
    : [];
  const videoConsumer = videoConsumerSeries(
    rngOf('video_consumer'),
    downlink,
    track('1'),
    consumerOf(),
    CAMERA,
  );

  let screenProducer: VideoProducerSample[] = [];
  if (profile.screenshare !== null) {
    const { fromMs, toMs } = profile.screenshare;
    const shareInstants = sampleInstants(seed, participant, fromMs, toMs);
    // Screen content: full HD at a low frame rate, whatever the camera was doing.
    const screenSamples: MediaSample[] = withIntervals(
      conditionSeries(seed, participant, shareInstants, 'screenshare').map((condition) => ({
        ...condition,
        frameWidth: 1920,
        frameHeight: 1080,
        fps: round(condition.fps * 0.4, 1),
      })),
      fromMs,
    );
    // A screen share lies before the fake's start (late joiners never share), so its series never grows.
    screenProducer = videoProducerSeries(() => rng, screenSamples, track('2'), SCREEN);
  }

  // Key order as the Dyte v2 example sends it: the series, consumers first, then the cumulatives.
  return {
    video_consumer: videoConsumer,
    audio_consumer: audioConsumer,
    screenshare_video_consumer: [],
    screenshare_audio_consumer: [],
    video_producer: videoProducer,
    audio_producer: audioProducer,
    screenshare_video_producer: screenProducer,
    screenshare_audio_producer: [],
    video_consumer_cumulative: cumulativeOf(videoConsumer, (samples) =>
      videoConsumerCumulative(samples, POOR_CAMERA_BELOW_WIDTH),
    ),
    audio_consumer_cumulative: cumulativeOf(audioConsumer, audioConsumerCumulative),
    screenshare_video_consumer_cumulative: {},
    screenshare_audio_consumer_cumulative: {},
    video_producer_cumulative: cumulativeOf(videoProducer, (samples) =>
      videoProducerCumulative(samples, POOR_CAMERA_BELOW_WIDTH),
    ),
    screenshare_video_producer_cumulative: cumulativeOf(screenProducer, (samples) =>
      videoProducerCumulative(samples, POOR_SCREEN_BELOW_WIDTH),
    ),
    audio_producer_cumulative: cumulativeOf(audioProducer, audioProducerCumulative),
    screenshare_audio_producer_cumulative: {},
  };
}

/** The quality half of a peer report: the heavy ~7 s series, built only when asked for. */
export function buildPeerQuality(seed: number, participant: SeedParticipant): JsonObject {
  return buildQuality(
    seed,
    participant,
    createRandom(hashSeed(seed, participant.record.id, 'peer-quality')),
  );
}
