import type { DeviceResolvers } from '../generated/resolvers-types.js';

export const Device: DeviceResolvers = {
  deviceId: (device) => device.device_id ?? null,
  kind: (device) => device.kind ?? null,
  label: (device) => device.label ?? null,
};
