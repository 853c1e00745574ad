/**
 * An embedded, faithful fake of Cloudflare RealtimeKit's session analytics REST API, for tests, demos and
 * benchmarks. It follows the shared upstream contract, `realtimekit-api.md` (beside the checkout in `../shared`).
 */
export type {
  FakeCall,
  FakeDemoIds,
  FakeEndpoint,
  FakeFault,
  FakeTenant,
  FakeTenantOptions,
  FakeUpstream,
  FakeUpstreamOptions,
  FakeVersion,
} from './types.js';
export {
  DEFAULT_RATE_LIMIT,
  DEFAULT_SEED,
  DEMO_TOKEN,
  authHashOf,
  startFakeUpstream,
} from './server.js';
export { createSeedData, SEED_NOW } from './seed-data.js';
export type {
  CallProfile,
  NetworkType,
  ParticipantProfile,
  ParticipantRecord,
  PeerEventRecord,
  PresetName,
  SeedData,
  SeedParticipant,
  SeedSession,
  SessionRecord,
} from './seed-types.js';
export { buildParticipantStats } from './seed-stats.js';
export type { ParticipantStats } from './seed-stats.js';
export { buildPeerMetadata } from './seed-peer-metadata.js';
export { buildPeerQuality } from './seed-peer-quality.js';
export { MAX_SAMPLES, SAMPLE_INTERVAL_MS } from './seed-timeline.js';
export { FAKE_VERSIONS, versionKnobs } from './versions.js';
export type { VersionKnobs } from './versions.js';
export { FILTER_VALUES } from './filters.js';
export type { FilterValue } from './filters.js';
export { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './query.js';
export type { Json, JsonObject } from './json.js';
