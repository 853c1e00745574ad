import type { SelectedDeviceUpdateResolvers } from '../generated/resolvers-types.js';

export const SelectedDeviceUpdate: SelectedDeviceUpdateResolvers = {
  device: (update) => update.device ?? null,
  timestamp: (update) => update.timestamp ?? null,
};
