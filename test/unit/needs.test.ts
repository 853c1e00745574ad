import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationOf } from '../support/documents.js';
import {
  coversSections,
  createNeedsMemo,
  needsForOperation,
  sectionQuery,
} from '../../src/loaders/needs.js';
import type { SectionNeed } from '../../src/loaders/needs.js';
import { loadTypeDefs } from '../../src/server.js';

const schema = buildSchema(loadTypeDefs().join('\n'));

function needsOf(source: string, variables: Record<string, unknown> = {}) {
  const { operation, fragments } = operationOf(source);
  const needs = needsForOperation(schema, operation, fragments, variables);
  return {
    participant: sectionQuery(needs.participant),
    peerReport: sectionQuery(needs.peerReport),
    breakoutRooms: needs.session.breakoutRooms,
  };
}

const P = 'participant(sessionId: "s", participantId: "p")';
const R = 'peerReport(peerId: "p")';
const none = { filters: 'events', include_peer_events: undefined };

describe('needsForOperation', () => {
  it('asks for the smallest section when only basic fields are selected', () => {
    expect(needsOf(`{ ${P} { id displayName } ${R} { presetName } }`)).toEqual({
      participant: none,
      peerReport: none,
      breakoutRooms: false,
    });
  });

  it('maps each participant field to its section', () => {
    expect(needsOf(`{ ${P} { peerStats { deviceInfo { os } } } }`).participant.filters).toBe(
      'device_info',
    );
    expect(needsOf(`{ ${P} { peerStats { ipInformation { city } } } }`).participant.filters).toBe(
      'ip_information',
    );
    expect(
      needsOf(`{ ${P} { peerStats { precallNetworkInformation { rtt } } } }`).participant.filters,
    ).toBe('precall_network_information');
    expect(needsOf(`{ ${P} { peerStats { events { type } } } }`).participant.filters).toBe(
      'events',
    );
    expect(needsOf(`{ ${P} { qualityStats { averageQuality } } }`).participant.filters).toBe(
      'quality_stats',
    );
  });

  it('maps each peer report field to its section', () => {
    expect(needsOf(`{ ${R} { metadata { deviceInfo { os } } } }`).peerReport.filters).toBe(
      'device_info',
    );
    expect(
      needsOf(`{ ${R} { metadata { browserMetadata { browser } } } }`).peerReport.filters,
    ).toBe('device_info');
    expect(needsOf(`{ ${R} { metadata { ipInformation { city } } } }`).peerReport.filters).toBe(
      'ip_information',
    );
    expect(needsOf(`{ ${R} { metadata { pcMetadata { timestamp } } } }`).peerReport.filters).toBe(
      'precall_network_information',
    );
    expect(needsOf(`{ ${R} { metadata { events { name } } } }`).peerReport.filters).toBe('events');
    expect(
      needsOf(`{ ${R} { quality { audio { producer { timestamp } } } } }`).peerReport.filters,
    ).toBe('quality_stats');
  });

  it('asks for everything when a field no filter covers is selected', () => {
    expect(needsOf(`{ ${P} { peerStats { status } } }`).participant.filters).toBeUndefined();
    expect(needsOf(`{ ${P} { peerStats { __typename } } }`).participant.filters).toBeUndefined();
    expect(needsOf(`{ ${R} { metadata { sdkVersion } } }`).peerReport.filters).toBeUndefined();
    expect(
      needsOf(`{ ${R} { metadata { candidatePairs { __typename } } } }`).peerReport.filters,
    ).toBeUndefined();
  });

  it('unions sections across aliases, named fragments and inline fragments', () => {
    expect(
      needsOf(`
        { a: ${P} { ...Device } b: ${P} { ... on Participant { qualityStats { end } } } }
        fragment Device on Participant { peerStats { deviceInfo { os } ... { events { type } } } }
      `).participant.filters,
    ).toBe('device_info,events,quality_stats');
  });

  it('follows links in both directions, each into its own resource', () => {
    expect(
      needsOf(`{
        ${P} { peerStats { ipInformation { city } } peerReport { quality { video { consumer { timestamp } } } } }
        ${R} { metadata { events { name } } participant { qualityStats { end } } }
      }`),
    ).toMatchObject({
      participant: { filters: 'ip_information,quality_stats' },
      peerReport: { filters: 'events,quality_stats' },
    });
  });

  it("asks for a peer report's whole body for its Dyte-era statistics, leaving the participant's need alone", () => {
    expect(needsOf(`{ ${R} { peerStats { deviceInfo { os } } } }`)).toEqual({
      participant: none,
      peerReport: { filters: undefined, include_peer_events: undefined },
      breakoutRooms: false,
    });
    expect(needsOf(`{ ${R} { qualityStats { averageQuality } } }`).peerReport.filters).toBe(
      undefined,
    );
    // The same statistics fragment under both resources counts for each, in its own terms.
    expect(
      needsOf(`{
        ${P} { peerStats { ...Stats } }
        ${R} { peerStats { ...Stats } }
      }
      fragment Stats on PeerStats { ipInformation { city } }`),
    ).toEqual({
      participant: { filters: 'ip_information', include_peer_events: undefined },
      peerReport: { filters: undefined, include_peer_events: undefined },
      breakoutRooms: false,
    });
  });

  it('sends include_peer_events only when peer events are selected', () => {
    expect(needsOf(`{ ${R} { peerEvents { eventName } } }`).peerReport).toEqual({
      filters: 'events',
      include_peer_events: 'true',
    });
  });

  it('honours @skip and @include with variables', () => {
    const query = `query ($q: Boolean!, $d: Boolean!) {
      ${P} { qualityStats @include(if: $q) { end } peerStats @skip(if: $d) { deviceInfo { os } } }
    }`;
    expect(needsOf(query, { q: true, d: true }).participant.filters).toBe('quality_stats');
    expect(needsOf(query, { q: false, d: false }).participant.filters).toBe('device_info');
  });

  it('survives a fragment spread twice and fragments that spread each other', () => {
    expect(
      needsOf(`
        { a: ${P} { ...A } b: ${P} { ...A ...B } }
        fragment A on Participant { qualityStats { end } ...B }
        fragment B on Participant { peerStats { events { type } } }
      `).participant.filters,
    ).toBe('events,quality_stats');
  });

  it('keeps the quality series only when a sample list is selected, however it is reached', () => {
    const series = (source: string, variables: Record<string, unknown> = {}) => {
      const { operation, fragments } = operationOf(source);
      return needsForOperation(schema, operation, fragments, variables).peerReport.series;
    };
    expect(
      series(
        '{ peerReport(peerId: "p") { quality { audio { producerCumulative { rtt { avg } } } } } }',
      ),
    ).toBe(false);
    expect(
      series('{ peerReport(peerId: "p") { quality { video { consumer { timestamp } } } } }'),
    ).toBe(true);
    expect(
      series(
        '{ participant(sessionId: "s", participantId: "p") { peerReport { quality { screenshareAudio { ...S } } } } } fragment S on AudioQuality { producer { timestamp } }',
      ),
    ).toBe(true);
    expect(
      series(
        'query($skip: Boolean = true) { peerReport(peerId: "p") { quality { audio { producer @skip(if: $skip) { timestamp } } } } }',
        { skip: true },
      ),
    ).toBe(false);
  });

  it('notices breakout rooms', () => {
    expect(needsOf('{ session(sessionId: "s") { breakoutRooms { id } } }').breakoutRooms).toBe(
      true,
    );
    expect(needsOf('{ session(sessionId: "s") { id } }').breakoutRooms).toBe(false);
  });
});

describe('coversSections', () => {
  const need = (sections: string[], extra: Partial<SectionNeed> = {}): SectionNeed => ({
    all: false,
    sections: new Set(sections) as SectionNeed['sections'],
    peerEvents: false,
    series: false,
    ...extra,
  });

  it('serves a need for the quality series only from a report that kept them', () => {
    expect(coversSections(need(['quality_stats']), need(['quality_stats'], { series: true }))).toBe(
      false,
    );
    expect(coversSections(need([], { all: true }), need(['quality_stats'], { series: true }))).toBe(
      false,
    );
    expect(coversSections(need(['quality_stats'], { series: true }), need(['quality_stats']))).toBe(
      true,
    );
  });

  it('serves a narrower need from a wider response, never the reverse', () => {
    expect(coversSections(need([], { all: true }), need(['events']))).toBe(true);
    expect(coversSections(need(['events', 'quality_stats']), need(['events']))).toBe(true);
    expect(coversSections(need(['events']), need(['events', 'quality_stats']))).toBe(false);
    expect(coversSections(need(['events']), need([], { all: true }))).toBe(false);
  });

  it('requires peer events to have been asked for', () => {
    expect(coversSections(need([], { all: true }), need([], { peerEvents: true }))).toBe(false);
    expect(
      coversSections(
        need(['events'], { peerEvents: true }),
        need(['events'], { peerEvents: true }),
      ),
    ).toBe(true);
  });
});

describe('createNeedsMemo', () => {
  it('works out an operation once when its needs cannot depend on the variables', () => {
    const memo = createNeedsMemo();
    const { operation, fragments } = operationOf(
      `query Q($keep: Boolean!) { ${P} @include(if: true) { qualityStats { averageQuality } } }`,
    );
    const first = memo(schema, operation, fragments, { keep: true });
    expect(memo(schema, operation, fragments, { keep: false })).toBe(first);
    expect(sectionQuery(first.participant).filters).toBe('quality_stats');
  });

  it('works out per request the needs a variable @skip or @include decides', () => {
    const memo = createNeedsMemo();
    const { operation, fragments } = operationOf(
      `query Q($quality: Boolean!) { ...F } fragment F on Query { ${P} { id qualityStats @include(if: $quality) { averageQuality } } }`,
    );
    const filters = (quality: boolean) =>
      sectionQuery(memo(schema, operation, fragments, { quality }).participant).filters;
    expect(filters(true)).toBe('quality_stats');
    expect(filters(false)).toBe('events');
    expect(filters(true)).toBe('quality_stats');
  });
});
