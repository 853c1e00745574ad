import { graphql } from './gql';

/** The app's newest sessions, for the list to pick one from. */
export const DashboardSessions = graphql(`
  query DashboardSessions($perPage: Int!) {
    sessions(perPage: $perPage) {
      paging {
        totalCount
      }
      items {
        id
        meetingDisplayName
        status
        startedAt
        liveParticipants
        maxConcurrentParticipants
      }
    }
  }
`);

/** One session's facts and its call quality at a glance: verdict counts, worst calls, issues. */
export const SessionOverview = graphql(`
  query SessionOverview($sessionId: ID!) {
    session(sessionId: $sessionId) {
      id
      meetingDisplayName
      status
      startedAt
      endedAt
      liveParticipants
      maxConcurrentParticipants
      minutesConsumed
      qualityOverview {
        analysed
        unavailable
        complete
        good
        fair
        poor
        unknown
        worst {
          id
          displayName
          insights {
            audioMos
            verdict
          }
        }
        commonIssues {
          kind
          participants
        }
      }
    }
  }
`);

/**
 * A page of the session's participants, each with its verdict, issues and quality timeline. Two
 * peer-report reads per participant in the gateway's call estimate, so a page of 50 stays under
 * its default budget of 120 calls per operation.
 */
export const SessionParticipants = graphql(`
  query SessionParticipants($sessionId: ID!, $perPage: Int!) {
    session(sessionId: $sessionId) {
      id
      participants(perPage: $perPage) {
        paging {
          totalCount
        }
        items {
          id
          displayName
          presetName
          joinedAt
          leftAt
          duration
          insights {
            verdict
            audioMos
            issues {
              kind
              media
              direction
              description
            }
          }
          peerReport {
            qualityTimeline(bucketSeconds: 30) {
              from
              audioMos
              packetLoss
            }
          }
        }
      }
    }
  }
`);

/** A session as it changes, until it has ended (then the subscription completes). */
export const SessionLive = graphql(`
  subscription SessionLive($sessionId: ID!) {
    sessionUpdates(sessionId: $sessionId) {
      id
      status
      endedAt
      liveParticipants
      maxConcurrentParticipants
      minutesConsumed
    }
  }
`);
