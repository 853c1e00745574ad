import type { PeerEventResolvers } from '../generated/resolvers-types.js';
import {
  knownValue,
  PEER_EVENT_NAMES,
  PRESET_VIEW_TYPES,
} from '../upstream/peer-report-schemas.js';

export const PeerEvent: PeerEventResolvers = {
  id: (event) => event.id ?? null,
  createdAt: (event) => event.created_at ?? null,
  updatedAt: (event) => event.updated_at ?? null,
  eventName: (event) => knownValue(PEER_EVENT_NAMES, event.event_name),
  eventNameRaw: (event) => event.event_name ?? null,
  minutesConsumed: (event) => event.minutes_consumed ?? null,
  participantId: (event) => event.participant_id ?? null,
  peerId: (event) => event.peer_id ?? null,
  presetViewType: (event) => knownValue(PRESET_VIEW_TYPES, event.preset_view_type),
  presetViewTypeRaw: (event) => event.preset_view_type ?? null,
  sessionId: (event) => event.session_id ?? null,
  socketSessionId: (event) => event.socket_session_id ?? null,
};
