import { createRandom, hashSeed, round } from './random.js';
import type { Random } from './random.js';
import type { CallProfile, SeedParticipant } from './seed-types.js';
import { SEED_NOW } from './seed-data.js';

/**
 * The per-participant call timeline both the participant stats and the peer report are drawn from, so the two
 * endpoints tell the same story about one call. Pure: derived from (seed, peer id) on every request instead of
 * being held in memory for every participant.
 */

export const SAMPLE_INTERVAL_MS = 7000;
/**
 * Stats stop after this many samples (42 minutes), which keeps one peer report under ~1 MB of JSON; the seeded
 * calls are short enough that few ever reach it.
 */
export const MAX_SAMPLES = 360;

export type QualityLimitation = 'cpu' | 'bandwidth' | 'none' | 'other';

/** Network and media conditions over one ~7 s interval. */
export interface ConditionSample {
  readonly atMs: number;
  /** Percent of packets lost in the interval. */
  readonly lossPct: number;
  readonly rttMs: number;
  readonly jitterMs: number;
  /** Mean opinion score, 1–5. */
  readonly mos: number;
  readonly audioKbps: number;
  readonly videoKbps: number;
  readonly frameWidth: number;
  readonly frameHeight: number;
  readonly fps: number;
  readonly limitation: QualityLimitation;
  /** What the interval's video stream saw of the same path, where it differs from what audio saw. */
  readonly video: VideoConditions;
}

/**
 * Audio and video share a path but not its effects [I: our model]: a video frame leaves as a burst of large packets,
 * which a congested queue drops more of than audio's small, steady ones, and which spreads further in time (more
 * jitter); the RTT is timed on each stream's own RTCP reports, video's a little later, and a bandwidth-limited
 * sender's pacer holds video back on top. The video MOS is the picture's own (see `videoMos` in
 * seed-media-series.ts), so it is not here.
 */
export interface VideoConditions {
  readonly lossPct: number;
  readonly rttMs: number;
  readonly jitterMs: number;
}

export interface TimelineEvent {
  readonly type: string;
  readonly atMs: number;
  readonly metadata: Readonly<Record<string, string>>;
}

interface MediaParams {
  readonly loss: readonly [number, number];
  readonly rtt: readonly [number, number];
  readonly jitter: readonly [number, number];
  readonly mos: readonly [number, number];
  readonly videoKbps: readonly [number, number];
  readonly resolution: readonly [number, number];
  readonly fps: readonly [number, number];
  /** Why the encoder is held back when it is; with 'none', only by the odd CPU spike. */
  readonly limitation: QualityLimitation;
  /** The share of intervals in which the encoder is limited. */
  readonly limitedShare: number;
  /** What a limited interval scales the picture by: an encoder under pressure drops resolution first [I]. */
  readonly limitedScale: number;
}

interface ProfileParams extends MediaParams {
  /** Where the receive side (`downlink`) differs from the send side: the other peers send as they always do. */
  readonly downlink?: Partial<MediaParams>;
}

/*
 * A good line's numbers, which the profiles that show one issue each start from. The odd CPU spike (3 % of the
 * intervals) scales the picture to 3/4.
 */
const GOOD_LINE = {
  loss: [0, 0.8],
  rtt: [25, 90],
  jitter: [2, 12],
  mos: [4.2, 4.5],
  videoKbps: [1200, 2500],
  resolution: [1280, 720],
  fps: [24, 30],
  limitation: 'none',
  limitedShare: 0.03,
  limitedScale: 0.75,
} as const satisfies MediaParams;
/** A receive side that is not held back, for profiles whose trouble is on the send side only. */
const UNLIMITED_DOWNLINK = {
  limitation: 'none',
  limitedShare: 0.03,
  limitedScale: 0.75,
  videoKbps: GOOD_LINE.videoKbps,
  fps: GOOD_LINE.fps,
} as const satisfies Partial<MediaParams>;

/*
 * Each profile shows its issues as the call-quality rules read them from the cumulatives (share of intervals with
 * loss ≥ 5 %, with RTT ≥ 250 ms, encoder limited by CPU / bandwidth, frame width < 640, received fps < 12 or jitter
 * buffer ≥ 250 ms), and the single-issue ones stay clear of the others' thresholds:
 * - high-latency: a long path, every interval ≥ 250 ms; audio MOS a little under 4 (conversational delay).
 * - cpu-limited: the encoder is CPU-limited in ~60 % of the intervals, sending 960×540 and fewer frames then.
 * - bandwidth-limited: the bandwidth estimate holds the encoder back in ~65 % of the intervals, at 640×360 (not
 *   under 640), with little loss: the estimator backs off before the queue overflows.
 * - low-resolution: the downlink gets only the SFU's low simulcast layer, 480×270.
 * - slow-decoder: the receiver decodes 8–16 fps of what is sent at 24–30, so the received video lags.
 * - turn-only: relayed, so slower than a good line, but kept under 250 ms: RELAY_ONLY is its issue.
 */
// prettier-ignore
const PROFILE_PARAMS: Readonly<Record<CallProfile, ProfileParams>> = {
  good: GOOD_LINE,
  'high-loss': { loss: [6, 22], rtt: [120, 320], jitter: [20, 60], mos: [2, 3.2], videoKbps: [250, 700], resolution: [640, 360], fps: [10, 20], limitation: 'bandwidth', limitedShare: 0.7, limitedScale: 1 },
  'turn-only': { loss: [0.3, 2.5], rtt: [120, 230], jitter: [8, 25], mos: [3.6, 4.1], videoKbps: [700, 1400], resolution: [960, 540], fps: [20, 28], limitation: 'none', limitedShare: 0.03, limitedScale: 0.75 },
  'mobile-3g': { loss: [2, 9], rtt: [250, 520], jitter: [25, 70], mos: [2.6, 3.5], videoKbps: [120, 350], resolution: [480, 270], fps: [8, 15], limitation: 'bandwidth', limitedShare: 0.7, limitedScale: 1 },
  'high-latency': { ...GOOD_LINE, loss: [0, 1], rtt: [270, 460], jitter: [6, 22], mos: [3.6, 4.1], videoKbps: [1000, 2200], fps: [22, 30] },
  'cpu-limited': { ...GOOD_LINE, mos: [4.15, 4.45], videoKbps: [600, 1400], fps: [14, 22], limitation: 'cpu', limitedShare: 0.6, limitedScale: 0.75, downlink: UNLIMITED_DOWNLINK },
  'bandwidth-limited': { ...GOOD_LINE, loss: [0, 1.2], rtt: [35, 110], jitter: [4, 16], mos: [4.1, 4.4], videoKbps: [300, 700], fps: [18, 28], limitation: 'bandwidth', limitedShare: 0.65, limitedScale: 0.5, downlink: UNLIMITED_DOWNLINK },
  'low-resolution': { ...GOOD_LINE, downlink: { resolution: [480, 270], videoKbps: [200, 450] } },
  'slow-decoder': { ...GOOD_LINE, downlink: { fps: [8, 16] } },
};

export function profileParams(profile: CallProfile): ProfileParams {
  return PROFILE_PARAMS[profile];
}

/** The numbers one direction of a call is drawn from: the profile's, with its `downlink` part on the receive side. */
function paramsFor(profile: CallProfile, purpose: string): MediaParams {
  const params = PROFILE_PARAMS[profile];
  return purpose === 'downlink' && params.downlink !== undefined
    ? { ...params, ...params.downlink }
    : params;
}

const NOW_MS = Date.parse(SEED_NOW);

/**
 * When this peer's stats end: when it left, or while it is still in the call the fake's "now" (the seed's, or the
 * instant the fake's clock observes a LIVE session at).
 */
export function callEndMs(participant: SeedParticipant): number {
  const { left_at: leftAt } = participant.record;
  return leftAt === null ? (participant.live?.observedMs ?? NOW_MS) : Date.parse(leftAt);
}

/**
 * Picks the random stream for the sample at `index` of a series. Samples below `fixed` draw from the series' shared
 * stream, exactly as at the fake's start; later ones (taken after it, in a LIVE session) from a stream of their own
 * per series, so a series that grows keeps every earlier sample, and the others keep theirs.
 */
export type RandomAt = (index: number) => Random;

export function randomAt(
  shared: Random,
  fixed: number,
  seed: number,
  participant: SeedParticipant,
  series: string,
): RandomAt {
  let own: Random | undefined;
  return (index) => {
    if (index < fixed) return shared;
    own ??= createRandom(hashSeed(seed, participant.record.id, 'live-series', series));
    return own;
  };
}

/** A call's sample instants, and how many of them were taken by the fake's start (all, outside LIVE sessions). */
export interface CallInstants {
  readonly instants: readonly number[];
  readonly fixed: number;
}

/**
 * The instants of a call's main series. Outside LIVE sessions: `sampleInstants`. In one, the samples up to the
 * fake's start are those, and the clock adds one in each 7 s tick since the start (j-th after the start in
 * `(start + (j−1)·7 s, start + j·7 s]`, about 7 s after the one before), so N ticks add exactly N samples to every
 * series of a peer still in the call. A peer that joined later samples every ~7 s from its join.
 */
export function callInstants(seed: number, participant: SeedParticipant): CallInstants {
  const { live } = participant;
  if (live === undefined) {
    const instants = sampleInstants(seed, participant);
    return { instants, fixed: instants.length };
  }
  const endMs = callEndMs(participant);
  const joinMs = Date.parse(participant.record.joined_at);
  const rng = createRandom(hashSeed(seed, participant.record.id, 'live-instants'));
  if (live.joinedAfterStart) {
    const instants: number[] = [];
    for (let j = 1; instants.length < MAX_SAMPLES; j += 1) {
      const at = joinMs + j * SAMPLE_INTERVAL_MS + (j === 1 ? 0 : rng.int(-150, 150));
      if (at > endMs) break;
      instants.push(at);
    }
    return { instants, fixed: 0 };
  }
  const instants = sampleInstants(seed, participant, undefined, Math.min(endMs, live.startMs));
  const fixed = instants.length;
  const lagMs = live.startMs - (instants.at(-1) ?? joinMs);
  for (let j = 1; instants.length < MAX_SAMPLES; j += 1) {
    const phase = Math.min(SAMPLE_INTERVAL_MS - 1, Math.max(0, lagMs + rng.int(-150, 150)));
    const at = live.startMs + j * SAMPLE_INTERVAL_MS - phase;
    if (at > endMs) break;
    instants.push(at);
  }
  return { instants, fixed };
}

/** Sample instants from join to end, about every 7 s (the SDK's timer drifts by a few ms). */
export function sampleInstants(
  seed: number,
  participant: SeedParticipant,
  fromMs?: number,
  toMs?: number,
): number[] {
  const rng = createRandom(hashSeed(seed, participant.record.id, 'instants', fromMs ?? 0));
  const start = fromMs ?? Date.parse(participant.record.joined_at);
  const end = toMs ?? callEndMs(participant);
  const instants: number[] = [];
  for (let at = start + SAMPLE_INTERVAL_MS; at <= end && instants.length < MAX_SAMPLES;) {
    instants.push(at);
    at += SAMPLE_INTERVAL_MS + rng.int(-150, 150);
  }
  return instants;
}

/**
 * Intervals from one spike to the next at the least: the odd bad moment of a good line is rare and passes, so spikes
 * alone never make up a tenth of a call of 21 intervals (2½ minutes) or more, the share from which a call-quality
 * check calls the loss high. The chance is still drawn in every interval, so a spike held back shifts no later draw.
 */
const SPIKE_GAP = 15;

export function conditionSeries(
  seed: number,
  participant: SeedParticipant,
  instants: readonly number[],
  purpose: string,
): ConditionSample[] {
  const rng = createRandom(hashSeed(seed, participant.record.id, 'conditions', purpose));
  // Video's own figures come from a stream of their own, so audio's stay exactly what the main stream gives.
  const videoRng = createRandom(
    hashSeed(seed, participant.record.id, 'conditions', purpose, 'video'),
  );
  const params = paramsFor(participant.profile.callProfile, purpose);
  let sinceSpike = SPIKE_GAP;
  return instants.map((atMs) => {
    // A good call still has the odd bad interval; a bad one has the odd calm one.
    const spike = rng.chance(0.04) && sinceSpike >= SPIKE_GAP;
    sinceSpike = spike ? 1 : sinceSpike + 1;
    const lossPct = spike ? rng.float(4, 12, 2) : rng.float(params.loss[0], params.loss[1], 2);
    const rttMs = rng.float(params.rtt[0], params.rtt[1], 1) + (spike ? 80 : 0);
    const limited = rng.chance(params.limitedShare);
    const scale = limited ? params.limitedScale : 1;
    const jitterMs = rng.float(params.jitter[0], params.jitter[1], 1);
    const limitation: QualityLimitation = limited
      ? params.limitation === 'none'
        ? 'cpu'
        : params.limitation
      : 'none';
    return {
      atMs,
      lossPct,
      rttMs,
      jitterMs,
      mos: round(Math.max(1, rng.float(params.mos[0], params.mos[1], 2) - (spike ? 0.6 : 0)), 2),
      audioKbps: rng.float(28, 40, 1),
      videoKbps: rng.float(params.videoKbps[0], params.videoKbps[1], 0),
      frameWidth: Math.round(params.resolution[0] * scale),
      frameHeight: Math.round(params.resolution[1] * scale),
      fps: rng.float(params.fps[0], params.fps[1], 1),
      limitation,
      video: {
        lossPct: round(lossPct * videoRng.float(1.15, 1.6), 2),
        rttMs: round(
          rttMs +
            videoRng.float(1, 9, 1) +
            (limitation === 'bandwidth' ? videoRng.float(15, 60, 1) : 0),
          1,
        ),
        jitterMs: round(jitterMs * videoRng.float(1.2, 1.8), 1),
      },
    };
  });
}

/** Client-side events in the order the SDK emits them: precall, join, media, in-call moments, leave. */
export function callEvents(seed: number, participant: SeedParticipant): TimelineEvent[] {
  const rng = createRandom(hashSeed(seed, participant.record.id, 'events'));
  const { profile, record } = participant;
  const createdMs = Date.parse(record.created_at);
  const joinMs = Date.parse(record.joined_at);
  const endMs = callEndMs(participant);
  // In-call moments are spread over the call as the fake's start saw it, or over a late joiner's planned stay.
  const { live } = participant;
  const spanEndMs =
    live === undefined
      ? endMs
      : live.joinedAfterStart
        ? live.plannedEndMs
        : Math.min(endMs, live.startMs);
  const span = spanEndMs - joinMs;
  const at = (fraction: number): number => joinMs + Math.floor(span * fraction);
  const events: TimelineEvent[] = [
    { type: 'precall_begin', atMs: createdMs + rng.int(50, 200), metadata: {} },
    {
      type: 'media_permission',
      atMs: createdMs + rng.int(250, 400),
      metadata: { audio: 'granted', video: profile.producesVideo ? 'granted' : 'denied' },
    },
    { type: 'precall_end', atMs: joinMs - rng.int(100, 300), metadata: {} },
    { type: 'call_join', atMs: joinMs, metadata: {} },
  ];
  if (profile.producesAudio)
    events.push({ type: 'audio_on', atMs: joinMs + rng.int(400, 1500), metadata: {} });
  if (profile.producesVideo)
    events.push({ type: 'video_on', atMs: joinMs + rng.int(1600, 3000), metadata: {} });
  if (profile.producesAudio) {
    for (let i = 0, n = rng.int(1, 4); i < n; i += 1) {
      events.push({ type: 'dominant_speaker', atMs: at(rng.float(0.05, 0.95, 4)), metadata: {} });
    }
  }
  if (profile.screenshare !== null) {
    events.push({ type: 'screenshare_started', atMs: profile.screenshare.fromMs, metadata: {} });
    events.push({ type: 'screenshare_stopped', atMs: profile.screenshare.toMs, metadata: {} });
  }
  if (rng.chance(0.3)) {
    const away = rng.float(0.1, 0.8, 4);
    events.push({ type: 'tab_change', atMs: at(away), metadata: { visible: 'false' } });
    events.push({ type: 'tab_change', atMs: at(away + 0.05), metadata: { visible: 'true' } });
  }
  if (profile.device.template.isMobile && rng.chance(0.6)) {
    const away = rng.float(0.2, 0.7, 4);
    events.push({ type: 'browser_backgrounded', atMs: at(away), metadata: {} });
    events.push({ type: 'browser_foregrounded', atMs: at(away + 0.08), metadata: {} });
  }
  if (profile.callProfile === 'high-loss' || profile.callProfile === 'mobile-3g') {
    for (let i = 0, n = rng.int(1, 3); i < n; i += 1) {
      const drop = rng.float(0.1, 0.85, 4);
      events.push({ type: 'disconnect', atMs: at(drop), metadata: { reason: 'ice_failed' } });
      events.push({
        type: 'reconnect_attempt',
        atMs: at(drop) + rng.int(800, 3000),
        metadata: { attempt: '1' },
      });
    }
  }
  if (record.left_at !== null) {
    if (profile.rejoined && rng.chance(0.5)) {
      events.push({
        type: 'disconnect',
        atMs: endMs - rng.int(200, 900),
        metadata: { reason: 'transport_closed' },
      });
    }
    if (profile.producesVideo)
      events.push({ type: 'video_off', atMs: endMs - rng.int(40, 120), metadata: {} });
    if (profile.producesAudio)
      events.push({ type: 'audio_off', atMs: endMs - rng.int(10, 35), metadata: {} });
  }
  events.sort((a, b) => a.atMs - b.atMs);
  // A late joiner's moments still ahead of the clock have not happened yet.
  return live?.joinedAfterStart === true
    ? events.filter((event) => event.atMs <= live.observedMs)
    : events;
}
