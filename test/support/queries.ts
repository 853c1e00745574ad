/** Every field of Participant, for tests that compare the whole object with the upstream payload. */
export const FULL_PARTICIPANT_FIELDS = `
  id sessionId userId customParticipantId displayName presetName
  joinedAt leftAt createdAt updatedAt duration
  peerStats {
    config status
    deviceInfo {
      browser browserVersion cpus engine isMobile memory os osVersion
      sdkName sdkVersion userAgent webglSupport
    }
    events { type timestamp }
    ipInformation { city country ipLocation ipv4 org portal region timezone }
    precallNetworkInformation {
      backendRtt effectiveNetworkType fractionalLoss jitter reflexiveConnectivity
      relayConnectivity rtt throughput turnConnectivity
    }
  }
  qualityStats {
    peerId start end averageQuality audioBandwidth videoBandwidth audioPacketLoss videoPacketLoss
    audioStats { timestamp concealmentEvents packetsLost jitter quality }
    videoStats { timestamp frameWidth frameHeight framesDropped framesPerSecond packetsLost jitter quality }
  }
`;

/** Upstream keys whose GraphQL names are not their plain camelCase (the schema keeps names consistent). */
const RENAMED_KEYS: Readonly<Record<string, string>> = {
  effective_networktype: 'effectiveNetworkType',
};

/** Converts an upstream payload's snake_case keys to the schema's camelCase, recursively. */
export function camelize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelize);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      RENAMED_KEYS[key] ??
        key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase()),
      camelize(inner),
    ]),
  );
}
