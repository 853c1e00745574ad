import type { DeviceInfoResolvers } from '../generated/resolvers-types.js';

export const DeviceInfo: DeviceInfoResolvers = {
  browser: (device) => device.browser ?? null,
  browserVersion: (device) => device.browser_version ?? null,
  cpus: (device) => device.cpus ?? null,
  engine: (device) => device.engine ?? null,
  isMobile: (device) => device.is_mobile ?? null,
  memory: (device) => device.memory ?? null,
  os: (device) => device.os ?? null,
  osVersion: (device) => device.os_version ?? null,
  sdkName: (device) => device.sdk_name ?? null,
  sdkVersion: (device) => device.sdk_version ?? null,
  userAgent: (device) => device.user_agent ?? null,
  webglSupport: (device) => device.webgl_support ?? null,
};
