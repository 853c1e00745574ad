import type { JsonObject } from './json.js';
import { createRandom, hashSeed, round } from './random.js';
import type { Random } from './random.js';
import {
  commonCumulative,
  percentiles,
  videoCumulative,
  withIntervals,
} from './seed-cumulatives.js';
import type { MediaSample } from './seed-cumulatives.js';
import { audioSeries, videoSeries } from './seed-media-series.js';
import type { Consumer, Track } from './seed-media-series.js';
import type { SeedParticipant } from './seed-types.js';
import { conditionSeries, sampleInstants } from './seed-timeline.js';

/** `peer_report.quality`: audio, video and screen share, each as producer and consumer series with cumulatives. */

/** One media kind's four keys; an absent stream is `[]` with `{}` as its cumulative, as upstream sends it. */
function mediaBlock(
  producer: readonly JsonObject[],
  producerCumulative: JsonObject,
  consumer: readonly JsonObject[],
  consumerCumulative: JsonObject,
): JsonObject {
  return {
    producer,
    producer_cumulative: producer.length === 0 ? {} : producerCumulative,
    consumer,
    consumer_cumulative: consumer.length === 0 ? {} : consumerCumulative,
  };
}

function buildQuality(seed: number, participant: SeedParticipant, rng: Random): JsonObject {
  const { profile, record } = participant;
  const joinMs = Date.parse(record.joined_at);
  const instants = sampleInstants(seed, participant);
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

  const audioProducer = profile.producesAudio ? audioSeries(rng, uplink, track('0'), null) : [];
  const audioConsumer = audioSeries(rng, downlink, track('0'), consumerOf());
  const videoProducer = profile.producesVideo ? videoSeries(rng, uplink, track('1'), null) : [];
  const videoConsumer = videoSeries(rng, downlink, track('1'), consumerOf());

  let screenProducer: JsonObject[] = [];
  let screenSamples: MediaSample[] = [];
  if (profile.screenshare !== null) {
    const { fromMs, toMs } = profile.screenshare;
    const shareInstants = sampleInstants(seed, participant, fromMs, toMs);
    // Screen content: full HD at a low frame rate, whatever the camera was doing.
    screenSamples = withIntervals(
      conditionSeries(seed, participant, shareInstants, 'screenshare').map((condition) => ({
        ...condition,
        frameWidth: 1920,
        frameHeight: 1080,
        fps: round(condition.fps * 0.4, 1),
      })),
      fromMs,
    );
    screenProducer = videoSeries(rng, screenSamples, track('2'), null);
  }

  return {
    audio: mediaBlock(
      audioProducer,
      {
        ...commonCumulative(uplink),
        jitter: percentiles(
          uplink.map((s) => s.condition.jitterMs),
          1,
        ),
      },
      audioConsumer,
      {
        ...commonCumulative(downlink),
        jitter_buffer_delay: percentiles(
          audioConsumer.map((sample) => Number(sample.jitter_buffer_delay)),
          1,
        ),
      },
    ),
    video: mediaBlock(
      videoProducer,
      { ...commonCumulative(uplink), ...videoCumulative(uplink, 640) },
      videoConsumer,
      {
        ...commonCumulative(downlink),
        jitter_buffer_delay: percentiles(
          videoConsumer.map((sample) => Number(sample.jitter_buffer_delay)),
          1,
        ),
        ...videoCumulative(downlink, 640),
      },
    ),
    screenshare_audio: mediaBlock([], {}, [], {}),
    screenshare_video: mediaBlock(
      screenProducer,
      { ...commonCumulative(screenSamples), ...videoCumulative(screenSamples, 1280) },
      [],
      {},
    ),
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
