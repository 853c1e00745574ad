import type { ParticipantResolvers } from '../generated/resolvers-types.js';

export const Participant: ParticipantResolvers = {
  id: ({ record }) => record.id,
  // Participant details do not carry their session id; it is the one the participant was loaded by.
  sessionId: ({ key }) => key.sessionId,
  userId: ({ record }) => record.user_id ?? null,
  customParticipantId: ({ record }) => record.custom_participant_id ?? null,
  displayName: ({ record }) => record.display_name ?? null,
  presetName: ({ record }) => record.preset_name ?? null,
  joinedAt: ({ record }) => record.joined_at ?? null,
  leftAt: ({ record }) => record.left_at ?? null,
  createdAt: ({ record }) => record.created_at ?? null,
  updatedAt: ({ record }) => record.updated_at ?? null,
  duration: ({ record }) => record.duration ?? null,
  peerStats: ({ record }) => record.peer_stats ?? null,
  qualityStats: ({ record }) => record.quality_stats ?? null,
};
