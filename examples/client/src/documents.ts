import { graphql } from './gql/index.js';

/** How one participant's call went: who, how long, and how it sounded. */
export const ParticipantCallQuality = graphql(`
  query ParticipantCallQuality($sessionId: ID!, $participantId: ID!) {
    participant(sessionId: $sessionId, participantId: $participantId) {
      id
      displayName
      presetName
      joinedAt
      leftAt
      duration
      qualityStats {
        averageQuality
        audioPacketLoss
        videoPacketLoss
      }
      peerReport {
        quality {
          audio {
            producerCumulative {
              qualityMos {
                avg
                p90
              }
              packetLoss {
                avg
                fiveOrGreaterEventFraction
              }
            }
          }
        }
      }
    }
  }
`);

/** A session's participants with the audio quality they sent, to find the worst calls. */
export const SessionWorstCalls = graphql(`
  query SessionWorstCalls($sessionId: ID!, $perPage: Int) {
    session(sessionId: $sessionId) {
      participants(perPage: $perPage) {
        paging {
          totalCount
        }
        items {
          id
          displayName
          peerReport {
            quality {
              audio {
                producerCumulative {
                  qualityMos {
                    avg
                  }
                  packetLoss {
                    avg
                  }
                  rtt {
                    avg
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`);

/** The device and network a peer called from. */
export const PeerDeviceAndNetwork = graphql(`
  query PeerDeviceAndNetwork($peerId: ID!) {
    peerReport(peerId: $peerId) {
      id
      displayName
      metadata {
        deviceInfo {
          os
          osVersion
          isMobile
        }
        browserMetadata {
          browser
          browserVersion
        }
        ipInformation {
          city
          country
          asn {
            name
          }
        }
        pcMetadata {
          effectiveNetworkType
          relayConnectivity
          turnConnectivity
        }
      }
    }
  }
`);
