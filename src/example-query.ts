/** Ids the example query is written for; in demo mode they name a participant of the seeded data. */
export interface ExampleIds {
  readonly sessionId: string;
  readonly participantId: string;
}

/** The query GraphiQL opens with, and the first example in the README. */
export function exampleQuery({ sessionId, participantId }: ExampleIds): string {
  return `# A participant's call: who, how long, on what device and network, and how it sounded.
query ParticipantCallQuality {
  participant(
    sessionId: "${sessionId}"
    participantId: "${participantId}"
  ) {
    displayName
    presetName
    joinedAt
    leftAt
    duration
    peerStats {
      deviceInfo { browser os isMobile }
      ipInformation { city country }
      precallNetworkInformation { effectiveNetworktype rtt throughput }
    }
    qualityStats {
      averageQuality
      audioPacketLoss
      videoPacketLoss
    }
  }
}
`;
}
