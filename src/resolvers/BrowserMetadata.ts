import type { BrowserMetadataResolvers } from '../generated/resolvers-types.js';

export const BrowserMetadata: BrowserMetadataResolvers = {
  browser: (browser) => browser.browser ?? null,
  browserVersion: (browser) => browser.browser_version ?? null,
  engine: (browser) => browser.engine ?? null,
  userAgent: (browser) => browser.user_agent ?? null,
  webglSupport: (browser) => browser.webgl_support ?? null,
};
