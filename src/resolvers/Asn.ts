import type { AsnResolvers } from '../generated/resolvers-types.js';

export const Asn: AsnResolvers = {
  asn: (asn) => asn.asn ?? null,
  domain: (asn) => asn.domain ?? null,
  name: (asn) => asn.name ?? null,
  route: (asn) => asn.route ?? null,
  type: (asn) => asn.type ?? null,
};
