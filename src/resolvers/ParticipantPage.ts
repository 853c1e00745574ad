import type { ParticipantPageResolvers } from '../generated/resolvers-types.js';

export const ParticipantPage: ParticipantPageResolvers = {
  items: ({ items }) => items,
  paging: (page) => page,
};
