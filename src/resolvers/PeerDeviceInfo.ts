import type { PeerDeviceInfoResolvers } from '../generated/resolvers-types.js';

export const PeerDeviceInfo: PeerDeviceInfoResolvers = {
  cpus: (device) => device.cpus ?? null,
  isMobile: (device) => device.is_mobile ?? null,
  os: (device) => device.os ?? null,
  osVersion: (device) => device.os_version ?? null,
};
