import type { ParticipantBasicsRecord } from '../upstream/schemas.js';

/**
 * Resolvers of the basic fields a Participant and a PeerReport share: both are a peer, and both
 * sources carry the peer's list-item record as `basics`.
 */
export function participantBasicFields<
  Parent extends { readonly basics: ParticipantBasicsRecord },
>() {
  return {
    id: ({ basics }: Parent) => basics.id,
    userId: ({ basics }: Parent) => basics.user_id ?? null,
    customParticipantId: ({ basics }: Parent) => basics.custom_participant_id ?? null,
    displayName: ({ basics }: Parent) => basics.display_name ?? null,
    presetName: ({ basics }: Parent) => basics.preset_name ?? null,
    joinedAt: ({ basics }: Parent) => basics.joined_at ?? null,
    leftAt: ({ basics }: Parent) => basics.left_at ?? null,
    createdAt: ({ basics }: Parent) => basics.created_at ?? null,
    updatedAt: ({ basics }: Parent) => basics.updated_at ?? null,
    duration: ({ basics }: Parent) => basics.duration ?? null,
  };
}
