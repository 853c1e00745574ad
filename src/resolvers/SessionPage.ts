import type { SessionPageResolvers } from '../generated/resolvers-types.js';

export const SessionPage: SessionPageResolvers = {
  items: ({ items }) => items,
  paging: (page) => page,
};
