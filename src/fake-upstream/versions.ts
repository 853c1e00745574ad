import type { FakeVersion } from './types.js';

/**
 * What each spec revision changes, as independent knobs. The contract names versions A (participant details seed)
 * and B/C/D (peer report shapes); giving every letter a value for every knob is our inference.
 */
export interface VersionKnobs {
  /** A–C return `peer_stats` and `quality_stats` in participant details; D returns list-item fields only. */
  readonly participantStats: boolean;
  /** The spec's typo `throughtput` (version A's document) or the `throughput` real payloads use. */
  readonly throughputKey: 'throughput' | 'throughtput';
  /** `quality_stats` as an array of per-peer entries, or (version B) as the single entry itself. */
  readonly qualityStats: 'array' | 'object';
  /** Peer report `data` flat with `preset_name` (B), or wrapped as `data.participant` with `role` (C, D). */
  readonly peerReport: 'flat' | 'wrapped';
  /**
   * D also sends keys the contract does not name, at several depths of participant details and the
   * peer report, as a live API grows fields before its document mentions them; a client that reads
   * strictly breaks on them, so the fake must send some.
   */
  readonly extraKeys: boolean;
}

// prettier-ignore
const KNOBS: Readonly<Record<FakeVersion, VersionKnobs>> = {
  default: { participantStats: true, throughputKey: 'throughput', qualityStats: 'array', peerReport: 'flat', extraKeys: false },
  A: { participantStats: true, throughputKey: 'throughtput', qualityStats: 'array', peerReport: 'flat', extraKeys: false },
  B: { participantStats: true, throughputKey: 'throughput', qualityStats: 'object', peerReport: 'flat', extraKeys: false },
  C: { participantStats: true, throughputKey: 'throughput', qualityStats: 'array', peerReport: 'wrapped', extraKeys: false },
  D: { participantStats: false, throughputKey: 'throughput', qualityStats: 'array', peerReport: 'wrapped', extraKeys: true },
};

export const FAKE_VERSIONS: readonly FakeVersion[] = ['default', 'A', 'B', 'C', 'D'];

export function isFakeVersion(value: unknown): value is FakeVersion {
  return typeof value === 'string' && (FAKE_VERSIONS as readonly string[]).includes(value);
}

export function versionKnobs(version: FakeVersion): VersionKnobs {
  return KNOBS[version];
}
