import type { IpInformationResolvers } from '../generated/resolvers-types.js';

export const IpInformation: IpInformationResolvers = {
  city: (ip) => ip.city ?? null,
  country: (ip) => ip.country ?? null,
  ipLocation: (ip) => ip.ip_location ?? null,
  asn: (ip) => ip.asn ?? null,
  ipv4: (ip) => ip.ipv4 ?? null,
  org: (ip) => ip.org ?? null,
  portal: (ip) => ip.portal ?? null,
  region: (ip) => ip.region ?? null,
  timezone: (ip) => ip.timezone ?? null,
};
