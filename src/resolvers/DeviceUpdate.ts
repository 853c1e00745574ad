import type { DeviceUpdateResolvers } from '../generated/resolvers-types.js';

export const DeviceUpdate: DeviceUpdateResolvers = {
  added: (update) => update.added ?? null,
  removed: (update) => update.removed ?? null,
  timestamp: (update) => update.timestamp ?? null,
};
