import type { PeerIpInformationResolvers } from '../generated/resolvers-types.js';

export const PeerIpInformation: PeerIpInformationResolvers = {
  asn: (ip) => ip.asn ?? null,
  city: (ip) => ip.city ?? null,
  country: (ip) => ip.country ?? null,
  ipv4: (ip) => ip.ipv4 ?? null,
  org: (ip) => ip.org ?? null,
  region: (ip) => ip.region ?? null,
  timezone: (ip) => ip.timezone ?? null,
};
