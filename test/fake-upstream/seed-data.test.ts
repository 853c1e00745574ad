import { describe, expect, it } from 'vitest';
import {
  SEED_NOW,
  buildParticipantStats,
  buildPeerMetadata,
  buildPeerQuality,
  createSeedData,
} from '../../src/fake-upstream/index.js';
import type { SeedData, SeedParticipant } from '../../src/fake-upstream/index.js';
import { EVENT_TYPES, ISO_MS, Metadata, Quality, QualityStatsEntry, UUID, at } from './schemas.js';

const SEEDS = [42, 1, 7, 2026, 99_999];
const allParticipants = (data: SeedData): SeedParticipant[] =>
  data.sessions.flatMap((session) => session.participants);
const gapsMs = (timestamps: readonly string[]): number[] =>
  timestamps
    .slice(1)
    .map((timestamp, index) => Date.parse(timestamp) - Date.parse(timestamps[index] ?? ''));

describe('createSeedData determinism', () => {
  it('gives byte-identical data for the same seed', () => {
    expect(JSON.stringify(createSeedData(42))).toBe(JSON.stringify(createSeedData(42)));
  });

  it('gives different data, ids and identities for different seeds', () => {
    const a = createSeedData(42);
    const b = createSeedData(43);
    expect(a.accountId).not.toBe(b.accountId);
    expect(a.appId).not.toBe(b.appId);
    expect(a.demo.participantId).not.toBe(b.demo.participantId);
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
  });

  it('derives the heavy series as pure functions of seed and participant', () => {
    const participant = allParticipants(createSeedData(5))[3];
    const again = allParticipants(createSeedData(5))[3];
    if (participant === undefined || again === undefined) throw new Error('seed too small');
    expect(JSON.stringify(buildPeerQuality(5, participant))).toBe(
      JSON.stringify(buildPeerQuality(5, again)),
    );
    expect(JSON.stringify(buildParticipantStats(5, participant))).toBe(
      JSON.stringify(buildParticipantStats(5, again)),
    );
    expect(JSON.stringify(buildPeerMetadata(6, participant))).not.toBe(
      JSON.stringify(buildPeerMetadata(5, participant)),
    );
  });
});

describe.each(SEEDS)('seed %i realism', (seed) => {
  const data = createSeedData(seed);
  const nowMs = Date.parse(SEED_NOW);

  it('has well-formed identifiers', () => {
    expect(data.accountId).toMatch(/^[0-9a-f]{32}$/);
    expect(data.appId).toMatch(UUID);
    const ids = allParticipants(data).flatMap((p) => [p.record.id, p.record.user_id]);
    for (const id of [...ids, ...data.sessions.map((s) => s.record.id)]) expect(id).toMatch(UUID);
    const peerIds = allParticipants(data).map((p) => p.record.id);
    expect(new Set(peerIds).size).toBe(peerIds.length);
  });

  it('has about eight sessions, LIVE and ENDED, with 2–50 participants and one of at least 30', () => {
    expect(data.sessions.length).toBeGreaterThanOrEqual(6);
    expect(data.sessions.length).toBeLessThanOrEqual(10);
    const counts = data.sessions.map((session) => session.participants.length);
    for (const count of counts) {
      expect(count).toBeGreaterThanOrEqual(2);
      expect(count).toBeLessThanOrEqual(50);
    }
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(30);
    const statuses = new Set(data.sessions.map((session) => session.record.status));
    expect(statuses).toEqual(new Set(['LIVE', 'ENDED']));
    const large = data.sessions.find((s) => s.record.id === data.demo.largeSessionId);
    expect(large?.participants.length).toBeGreaterThanOrEqual(30);
  });

  it('keeps LIVE sessions open with people still in the call, and ENDED ones closed', () => {
    for (const { record, participants } of data.sessions) {
      expect(record.started_at).toMatch(ISO_MS);
      expect(Date.parse(record.started_at)).toBeLessThan(nowMs);
      expect(nowMs - Date.parse(record.started_at)).toBeLessThan(6 * 24 * 3600_000);
      if (record.status === 'LIVE') {
        expect(record.ended_at).toBeNull();
        const stillIn = participants.filter((p) => p.record.left_at === null).length;
        expect(stillIn).toBeGreaterThan(0);
        expect(record.live_participants).toBe(stillIn);
      } else {
        expect(record.ended_at).not.toBeNull();
        expect(record.live_participants).toBe(0);
        for (const participant of participants) {
          expect(participant.record.left_at).not.toBeNull();
          expect(Date.parse(participant.record.left_at ?? '')).toBeLessThanOrEqual(
            Date.parse(record.ended_at ?? ''),
          );
        }
      }
      for (const participant of participants) {
        expect(Date.parse(participant.record.joined_at)).toBeGreaterThanOrEqual(
          Date.parse(record.started_at),
        );
      }
      expect(record.max_concurrent_participants).toBeLessThanOrEqual(participants.length);
      expect(record.max_concurrent_participants).toBeGreaterThanOrEqual(1);
    }
  });

  it('measures duration in minutes between joined_at and left_at (or now, while in the call)', () => {
    for (const { record } of allParticipants(data)) {
      const end = Date.parse(record.left_at ?? SEED_NOW);
      expect(record.duration).toBeCloseTo((end - Date.parse(record.joined_at)) / 60_000, 2);
      expect(Date.parse(record.created_at)).toBeLessThanOrEqual(Date.parse(record.joined_at));
    }
  });

  it('includes rejoins: a user with two peers whose stints do not overlap', () => {
    const rejoins = data.sessions.flatMap((session) => {
      const byUser = new Map<string, SeedParticipant[]>();
      for (const p of session.participants) {
        byUser.set(p.record.user_id, [...(byUser.get(p.record.user_id) ?? []), p]);
      }
      return [...byUser.values()].filter((peers) => peers.length > 1);
    });
    expect(rejoins.length).toBeGreaterThanOrEqual(2);
    for (const [first, second] of rejoins) {
      expect(first?.record.display_name).toBe(second?.record.display_name);
      expect(Date.parse(second?.record.joined_at ?? '')).toBeGreaterThan(
        Date.parse(first?.record.left_at ?? ''),
      );
    }
  });

  it('has peer events that follow each peer', () => {
    for (const participant of allParticipants(data)) {
      const names = participant.peerEvents.map((event) => event.event_name);
      expect(names).toEqual(
        participant.record.left_at === null
          ? ['PEER_CREATED', 'PEER_JOINING']
          : ['PEER_CREATED', 'PEER_JOINING', 'PEER_LEAVING'],
      );
      for (const event of participant.peerEvents) {
        expect(event.peer_id).toBe(participant.record.id);
        expect(event.session_id).toBe(participant.sessionId);
      }
    }
  });
});

describe('seed 42 call statistics', () => {
  const seed = 42;
  const data = createSeedData(seed);
  const participants = allParticipants(data);
  const stats = participants.map((participant) => ({
    participant,
    stats: buildParticipantStats(seed, participant),
  }));

  it('parses against the contract shapes', () => {
    for (const { stats: entry } of stats.slice(0, 12)) {
      QualityStatsEntry.parse(entry.qualityStats);
    }
    const demo = participants.find((p) => p.record.id === data.demo.peerId);
    if (demo === undefined) throw new Error('demo peer missing');
    Metadata.parse(buildPeerMetadata(seed, demo));
    Quality.parse(buildPeerQuality(seed, demo));
  });

  it('samples quality about every 7 s', () => {
    for (const { stats: entry } of stats) {
      const audio = QualityStatsEntry.parse(entry.qualityStats).audio_stats;
      expect(audio.length).toBeGreaterThan(10);
      for (const gap of gapsMs(audio.map((sample) => sample.timestamp))) {
        expect(gap).toBeGreaterThanOrEqual(6500);
        expect(gap).toBeLessThanOrEqual(7500);
      }
    }
    const demo = participants.find((p) => p.record.id === data.demo.peerId);
    if (demo === undefined) throw new Error('demo peer missing');
    const quality = Quality.parse(buildPeerQuality(seed, demo));
    for (const gap of gapsMs(quality.audio_consumer.map((sample) => sample.timestamp))) {
      expect(gap).toBeGreaterThanOrEqual(6500);
      expect(gap).toBeLessThanOrEqual(7500);
    }
  });

  it('keeps precall, client events and samples inside the call, in order', () => {
    for (const { participant, stats: entry } of stats) {
      const times = entry.peerStats.events.map((event) => Date.parse(event.timestamp));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      for (const event of entry.peerStats.events) expect(EVENT_TYPES).toContain(event.type);
      const end = Date.parse(participant.record.left_at ?? SEED_NOW);
      expect(Math.max(...times)).toBeLessThanOrEqual(end);
      expect(entry.peerStats.events.map((event) => event.type)).toContain('call_join');
    }
  });

  it('has a high-loss call, a TURN-only call and a mobile call on 3g, visible in the stats', () => {
    const highLoss = stats.filter(
      ({ stats: entry }) => QualityStatsEntry.parse(entry.qualityStats).audio_packet_loss >= 5,
    );
    const turnOnly = stats.filter(({ stats: entry }) => {
      const precall = entry.peerStats.precall_network_information;
      return (
        precall.relay_connectivity === true &&
        precall.reflexive_connectivity === false &&
        precall.turn_connectivity === true
      );
    });
    const mobile3g = stats.filter(
      ({ stats: entry }) =>
        entry.peerStats.device_info.is_mobile === true &&
        entry.peerStats.precall_network_information.effective_networktype === '3g',
    );
    expect(highLoss.length).toBeGreaterThanOrEqual(1);
    expect(turnOnly.length).toBeGreaterThanOrEqual(1);
    expect(mobile3g.length).toBeGreaterThanOrEqual(1);
    // A good call stays good, so the bad ones stand out.
    const good = stats.find(({ participant }) => participant.record.id === data.demo.peerId);
    expect(QualityStatsEntry.parse(good?.stats.qualityStats).audio_packet_loss).toBeLessThan(2);

    const turnPeer = turnOnly[0]?.participant;
    if (turnPeer === undefined) throw new Error('no TURN-only peer');
    const metadata = Metadata.parse(buildPeerMetadata(seed, turnPeer));
    expect(metadata.candidate_pairs.producing_transport[0]?.local_candidate_type).toBe('relay');
    expect(metadata.pc_metadata[0]?.reflexive_connectivity).toBe(false);
  });

  it('reports packet loss and latency cumulatives consistent with the samples', () => {
    const highLoss = stats.find(
      ({ stats: entry }) => QualityStatsEntry.parse(entry.qualityStats).audio_packet_loss >= 5,
    );
    if (highLoss === undefined) throw new Error('no high-loss peer');
    const quality = Quality.parse(buildPeerQuality(seed, highLoss.participant));
    expect(
      Number(at(quality, 'audio_producer_cumulative.packet_loss.5_or_greater_event_fraction')),
    ).toBeGreaterThan(0.5);
    expect(
      Number(at(quality, 'audio_consumer_cumulative.packet_loss.5_or_greater_event_fraction')),
    ).toBeGreaterThan(0.5);
    expect(
      Number(at(quality, 'audio_producer_cumulative.rtt.100ms_or_greater_event_fraction')),
    ).toBeGreaterThan(0.5);
    // Jitter of 20–60 ms keeps a receiver's buffer past 100 ms in a fair share of the intervals.
    expect(
      Number(
        at(
          quality,
          'audio_consumer_cumulative.jitter_buffer_delay.100ms_or_greater_event_fraction',
        ),
      ),
    ).toBeGreaterThan(0);
    for (const series of [quality.audio_consumer, quality.video_consumer]) {
      for (const key of ['packets_received', 'bytes_received', 'packets_lost'] as const) {
        const counters = series.map((sample) => sample[key]);
        expect([...counters].sort((a, b) => a - b)).toEqual(counters);
      }
    }
  });

  it('has screen-share series for a few sharers and [] / {} for everyone else', () => {
    const reports = participants.map((participant) => buildPeerQuality(seed, participant));
    const producers = (quality: unknown, kind: string): unknown[] => {
      const series = at(quality, `${kind}_producer`);
      return Array.isArray(series) ? series : [];
    };
    const sharing = reports.filter((quality) => producers(quality, 'screenshare_video').length > 0);
    expect(sharing.length).toBeGreaterThanOrEqual(1);
    expect(sharing.length).toBeLessThan(reports.length / 4);
    const shared = Quality.parse(sharing[0]);
    expect(shared.screenshare_video_producer[0]?.frame_width).toBe(1920);
    expect(shared.screenshare_video_producer_cumulative).not.toEqual({});
    const quiet = Quality.parse(
      reports.find((q) => producers(q, 'screenshare_video').length === 0),
    );
    expect(quiet.screenshare_video_producer_cumulative).toEqual({});
    expect({
      producer: quiet.screenshare_audio_producer,
      producerCumulative: quiet.screenshare_audio_producer_cumulative,
      consumer: quiet.screenshare_audio_consumer,
      consumerCumulative: quiet.screenshare_audio_consumer_cumulative,
    }).toEqual({ producer: [], producerCumulative: {}, consumer: [], consumerCumulative: {} });
  });

  it('computes the cumulatives from the very samples it sends', () => {
    // Recomputed here from the series alone, as a client could: mean and threshold shares.
    const share = (values: readonly number[], atLeast: number): number =>
      values.filter((value) => value >= atLeast).length / values.length;
    const mean = (values: readonly number[]): number =>
      values.reduce((sum, value) => sum + value, 0) / values.length;
    const expectLatency = (block: unknown, ms: readonly number[]): void => {
      expect(Number(at(block, 'avg'))).toBeCloseTo(mean(ms), 0);
      for (const threshold of [100, 250, 500]) {
        expect(Number(at(block, `${threshold}ms_or_greater_event_fraction`))).toBeCloseTo(
          share(ms, threshold),
          3,
        );
      }
    };
    const checked = { jitterBufferOver100: 0, limited: 0 };
    for (const participant of participants) {
      const quality = Quality.parse(buildPeerQuality(seed, participant));
      const { audio_consumer: audio, video_consumer: video, video_producer: sent } = quality;
      const jitterBuffer = (series: readonly { jitter_buffer_delay: number }[]) =>
        series.map((sample) => sample.jitter_buffer_delay);
      expectLatency(
        at(quality, 'audio_consumer_cumulative.jitter_buffer_delay'),
        jitterBuffer(audio),
      );
      expectLatency(
        at(quality, 'video_consumer_cumulative.jitter_buffer_delay'),
        jitterBuffer(video),
      );
      if (share(jitterBuffer(audio), 100) > 0) checked.jitterBufferOver100 += 1;
      // Sent rounded to two decimals.
      const mosAvg = Number(at(quality, 'audio_consumer_cumulative.quality_mos.avg'));
      expect(Math.abs(mosAvg - mean(audio.map((sample) => sample.mos_quality)))).toBeLessThan(
        0.006,
      );
      if (quality.audio_producer.length > 0) {
        expectLatency(
          at(quality, 'audio_producer_cumulative.rtt'),
          quality.audio_producer.map((sample) => sample.rtt * 1000),
        );
      }
      const last = sent.at(-1);
      if (last === undefined) continue;
      const reasons = sent.map((sample) => sample.quality_limitation_reason);
      const shareOf = (reason: string): number =>
        reasons.filter((value) => value === reason).length / reasons.length;
      expect(
        Number(
          at(quality, 'video_producer_cumulative.issues.bandwidth_quality_limitation_fraction'),
        ),
      ).toBeCloseTo(shareOf('bandwidth'), 3);
      expect(
        Number(at(quality, 'video_producer_cumulative.issues.cpu_quality_limitation_fraction')),
      ).toBeCloseTo(shareOf('cpu'), 3);
      expect(
        Number(at(quality, 'video_producer_cumulative.issues.quality_limitation_fraction')),
      ).toBeCloseTo(1 - shareOf('none'), 3);
      if (shareOf('none') < 1) checked.limited += 1;
      expect(
        Number(at(quality, 'video_producer_cumulative.key_frames_encoded_fraction')),
      ).toBeCloseTo(last.key_frames_encoded / last.frames_encoded, 3);
      // The limitation durations the samples carry tell the same story as the reasons, give or take an interval.
      const { bandwidth, cpu, none, other } = last.quality_limitation_durations;
      expect(bandwidth / (bandwidth + cpu + none + other)).toBeCloseTo(shareOf('bandwidth'), 1);
    }
    // Not vacuous: some calls buffer past 100 ms, and some encoders were limited.
    expect(checked.jitterBufferOver100).toBeGreaterThan(0);
    expect(checked.limited).toBeGreaterThan(0);
  });

  it('keeps every peer report under about 1 MB of JSON', () => {
    const longest = [...participants].sort((a, b) => b.record.duration - a.record.duration)[0];
    if (longest === undefined) throw new Error('no participants');
    const size = JSON.stringify({
      metadata: buildPeerMetadata(seed, longest),
      quality: buildPeerQuality(seed, longest),
    }).length;
    expect(size).toBeLessThan(1_000_000);
  });
});
