/** Ids the example operations are written for; in demo mode they name a participant of the seeded data. */
export interface ExampleIds {
  readonly sessionId: string;
  /** Also the peer id of its peer report: a participant's id is its peer id. */
  readonly participantId: string;
  /** A LIVE session: with it, a tab that subscribes to it (the demo's call in progress). */
  readonly liveSessionId?: string;
}

/**
 * The saved example operations, one question each, in the order GraphiQL shows them as tabs. The
 * first is the query GraphiQL opens on and the first example in the README.
 */
export function exampleOperations({
  sessionId,
  participantId,
  liveSessionId,
}: ExampleIds): string[] {
  const live =
    liveSessionId === undefined
      ? []
      : [
          `# A call in progress, live: run it and the result updates as the call goes on (a new
# state about every 7 s: people join and leave, minutes add up), until the session ends.
subscription LiveCall {
  sessionUpdates(sessionId: "${liveSessionId}") {
    id
    status
    liveParticipants
    minutesConsumed
    participants(perPage: 10) {
      items {
        displayName
        joinedAt
        leftAt
      }
    }
  }
}
`,
        ];
  return [
    `# A participant's call: who, how long, on what device and network, and how it sounded.
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
      precallNetworkInformation { effectiveNetworkType rtt throughput }
    }
    qualityStats {
      averageQuality
      audioPacketLoss
      videoPacketLoss
    }
  }
}
`,
    `# A session's participants with the media quality of each one's peer report.
# Peer reports cost one upstream call per participant: keep perPage small.
query SessionParticipantsQuality {
  session(sessionId: "${sessionId}") {
    meetingDisplayName
    status
    startedAt
    endedAt
    participants(perPage: 10, sortBy: JOINED_AT, sortOrder: ASC) {
      paging { pageNo perPage }
      items {
        id
        displayName
        duration
        peerReport {
          quality {
            audio {
              producerCumulative {
                qualityMos { avg p90 }
                packetLoss { avg fiveOrGreaterEventFraction }
                rtt { avg }
              }
            }
            video {
              producerCumulative {
                qualityMos { avg p90 }
                packetLoss { avg }
                framesPerSecond { p50 }
              }
            }
          }
        }
      }
    }
  }
}
`,
    `# Who had a bad call, and why: the gateway's verdicts (ITU-T G.107 MOS bands) and issues,
# computed from each peer report's quality cumulatives. One peer-report call per participant.
query SessionCallVerdicts {
  session(sessionId: "${sessionId}") {
    qualityOverview(limit: 50, worst: 3) {
      analysed
      good
      fair
      poor
      unknown
      worst { displayName insights { audioMos } }
      commonIssues { kind participants }
    }
    participants(perPage: 10) {
      items {
        displayName
        insights {
          verdict
          audioMos
          issues { kind media direction description }
        }
        peerReport {
          qualityTimeline(bucketSeconds: 60) { from audioMos packetLoss }
        }
      }
    }
  }
}
`,
    `# A peer's device, browser and network, from its peer report: where it connected from,
# how its WebRTC connectivity checks went and which ICE candidates carried its media.
query PeerDeviceAndNetwork {
  peerReport(peerId: "${participantId}") {
    displayName
    metadata {
      deviceInfo { os osVersion isMobile cpus }
      browserMetadata { browser browserVersion }
      ipInformation { city country org asn { name } }
      pcMetadata {
        timestamp
        effectiveNetworkType
        reflexiveConnectivity
        relayConnectivity
        turnConnectivity
      }
      candidatePairs {
        producingTransport {
          localCandidateType
          localCandidateProtocol
          remoteCandidateType
          currentRoundTripTime
        }
      }
    }
  }
}
`,
    `# The app's most recent sessions, newest first.
query RecentSessions {
  sessions(sortBy: CREATED_AT, sortOrder: DESC, perPage: 10) {
    paging { pageNo perPage }
    items {
      id
      meetingDisplayName
      status
      startedAt
      endedAt
      maxConcurrentParticipants
      minutesConsumed
    }
  }
}
`,
    ...live,
  ];
}

/**
 * Every example operation as one document: what the gateway config carries to GraphiQL, which
 * shows each operation in its own tab (see `graphiql.ts`).
 */
export function exampleQuery(ids: ExampleIds): string {
  return exampleOperations(ids).join('\n');
}
