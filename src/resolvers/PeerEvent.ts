import type { PeerEventResolvers } from '../generated/resolvers-types.js';

export const PeerEvent: PeerEventResolvers = {
  id: (event) => event.id ?? null,
  createdAt: (event) => event.created_at ?? null,
  updatedAt: (event) => event.updated_at ?? null,
  eventName: (event) => event.event_name ?? null,
  eventNameRaw: (event) => event.event_name_raw ?? null,
  minutesConsumed: (event) => event.minutes_consumed ?? null,
  participantId: (event) => event.participant_id ?? null,
  peerId: (event) => event.peer_id ?? null,
  presetViewType: (event) => event.preset_view_type ?? null,
  presetViewTypeRaw: (event) => event.preset_view_type_raw ?? null,
  sessionId: (event) => event.session_id ?? null,
  socketSessionId: (event) => event.socket_session_id ?? null,
};
