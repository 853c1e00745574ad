import {
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
} from 'graphql';
import type {
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionNode,
  SelectionSetNode,
} from 'graphql';
import { TYPE_OWNERS, FILTER_VALUES, needsOfRule, resourceOfType, ruleFor } from './field-costs.js';
import type { FilterValue, Need, Resource } from './field-costs.js';

/** What one upstream call for a participant or peer report must return. */
export interface SectionNeed {
  /** A field no filter value covers was selected: ask for everything (send no `filters`). */
  readonly all: boolean;
  readonly sections: ReadonlySet<FilterValue>;
  /** `include_peer_events=true`. */
  readonly peerEvents: boolean;
  /** The peer report's quality sample series are selected: keep them (see field-costs.ts). */
  readonly series: boolean;
}

export interface SessionNeed {
  /** `include_breakout_rooms=true`. */
  readonly breakoutRooms: boolean;
}

/** What the whole operation needs from each kind of upstream resource. */
export interface OperationNeeds {
  readonly participant: SectionNeed;
  readonly peerReport: SectionNeed;
  readonly session: SessionNeed;
}

interface MutableNeed {
  all: boolean;
  sections: Set<FilterValue>;
  peerEvents: boolean;
  series: boolean;
  breakoutRooms: boolean;
}

const emptyNeed = (): MutableNeed => ({
  all: false,
  sections: new Set(),
  peerEvents: false,
  series: false,
  breakoutRooms: false,
});

function isIncluded(node: SelectionNode, variables: Readonly<Record<string, unknown>>): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
  if (skip?.['if'] === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
  return include?.['if'] !== false;
}

/**
 * Computes, from the operation's selection set, the union of upstream sections every part of the
 * query needs, per kind of resource: across aliases, fragments, inline fragments, links between
 * types and lists, honouring @skip/@include with the request's variables. Loading every resource
 * of a kind with that union is what makes one upstream call per distinct resource possible: a
 * resource reached twice by different paths never needs a second, wider call.
 */
export function needsForOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  variables: Readonly<Record<string, unknown>>,
): OperationNeeds {
  return analyseOperation(schema, operation, fragments, variables).needs;
}

/** A directive argument given by a variable: its selection's inclusion depends on the request. */
const hasVariableDirective = (selection: SelectionNode): boolean =>
  selection.directives?.some((directive) =>
    directive.arguments?.some((argument) => argument.value.kind === Kind.VARIABLE),
  ) ?? false;

function analyseOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  variables: Readonly<Record<string, unknown>>,
): { readonly needs: OperationNeeds; readonly dependsOnVariables: boolean } {
  let dependsOnVariables = false;
  const needs: Record<Resource, MutableNeed> = {
    participant: emptyNeed(),
    peerReport: emptyNeed(),
    session: emptyNeed(),
  };
  const visitedFragments = new Set<string>();

  const add = (target: MutableNeed, need: Need) => {
    if ('section' in need) target.sections.add(need.section);
    else if ('all' in need) target.all = true;
    else if ('peerEvents' in need) target.peerEvents = true;
    else if ('series' in need) target.series = true;
    else target.breakoutRooms = true;
  };
  const record = (typeName: string, fieldName: string, inside: Resource | undefined) => {
    const rule = ruleFor(typeName, fieldName);
    if (rule.needs === undefined && rule.fromPeerReport === undefined) return;
    // A type's rules hold only inside its own resource (see TYPE_OWNERS).
    const owner = resourceOfType(typeName) ?? TYPE_OWNERS[typeName];
    if (owner === undefined || owner !== inside) return;
    for (const need of needsOfRule(rule)) add(needs[owner], need);
    // Computed from the peer report of the participant (or participants) at hand.
    for (const need of rule.fromPeerReport ?? []) add(needs.peerReport, need);
  };

  /** `inside`: the resource the selection belongs to (the nearest Participant or PeerReport above). */
  const walk = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLCompositeType,
    inside: Resource | undefined,
  ) => {
    const here = resourceOfType(parentType.name) ?? inside;
    for (const selection of selectionSet.selections) {
      if (hasVariableDirective(selection)) dependsOnVariables = true;
      if (!isIncluded(selection, variables)) continue;
      if (selection.kind === Kind.FIELD) {
        const fieldName = selection.name.value;
        record(parentType.name, fieldName, here);
        if (selection.selectionSet === undefined) continue;
        if (!isObjectType(parentType) && !isInterfaceType(parentType)) continue;
        const field = parentType.getFields()[fieldName];
        const fieldType = field === undefined ? undefined : getNamedType(field.type);
        if (isCompositeType(fieldType)) walk(selection.selectionSet, fieldType, here);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parentType;
        if (isCompositeType(condition)) walk(selection.selectionSet, condition, here);
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        // A fragment on a resource's own type fixes where it belongs, so one visit covers every
        // spread; a fragment on a statistics type may sit under either resource, so it is walked
        // once per resource it occurs under.
        const condition =
          fragment === undefined ? undefined : schema.getType(fragment.typeCondition.name.value);
        const visit = `${name}@${resourceOfType(condition?.name ?? '') ?? here ?? ''}`;
        if (fragment === undefined || visitedFragments.has(visit)) continue;
        visitedFragments.add(visit);
        if (isCompositeType(condition)) walk(fragment.selectionSet, condition, here);
      }
    }
  };

  const rootType = schema.getRootType(operation.operation);
  if (rootType) walk(operation.selectionSet, rootType, undefined);
  const section = ({ all, sections, peerEvents, series }: MutableNeed): SectionNeed => ({
    all,
    sections,
    peerEvents,
    series,
  });
  return {
    needs: {
      participant: section(needs.participant),
      peerReport: section(needs.peerReport),
      session: { breakoutRooms: needs.session.breakoutRooms },
    },
    dependsOnVariables,
  };
}

export type NeedsOf = typeof needsForOperation;

const unionOfSections = (needs: readonly SectionNeed[]): SectionNeed => ({
  all: needs.some((need) => need.all),
  sections: new Set(needs.flatMap((need) => [...need.sections])),
  peerEvents: needs.some((need) => need.peerEvents),
  series: needs.some((need) => need.series),
});

/**
 * What all of `needs` need together: the sections a live poll fetches for every subscriber of
 * its resource, so that their reads of one tick are the same call.
 */
export function unionOfNeeds(needs: readonly OperationNeeds[]): OperationNeeds {
  return {
    participant: unionOfSections(needs.map((need) => need.participant)),
    peerReport: unionOfSections(needs.map((need) => need.peerReport)),
    session: { breakoutRooms: needs.some((need) => need.session.breakoutRooms) },
  };
}

/**
 * needsForOperation, remembered per operation (the lean lane and Yoga's parse cache hand the same
 * AST to every request with the same document) unless a @skip or @include takes a variable, when
 * it is worked out per request. The AST is the key, so an operation no longer in use goes with it.
 */
export function createNeedsMemo(): NeedsOf {
  const memo = new WeakMap<OperationDefinitionNode, OperationNeeds>();
  return (schema, operation, fragments, variables) => {
    const known = memo.get(operation);
    if (known !== undefined) return known;
    const { needs, dependsOnVariables } = analyseOperation(schema, operation, fragments, variables);
    if (!dependsOnVariables) memo.set(operation, needs);
    return needs;
  };
}

/**
 * RealtimeKit has no filter value for "basic fields only", yet they come back under any filter. When
 * a query needs no section, ask for the smallest one instead of, by omission, everything.
 */
const SMALLEST_SECTION: FilterValue = 'events';

/** The need as it is actually requested upstream, so that what a call returned can be compared. */
export function requestedNeed(need: SectionNeed): SectionNeed {
  if (need.all || need.sections.size > 0) return need;
  return { ...need, sections: new Set([SMALLEST_SECTION]) };
}

/** The `filters` and `include_peer_events` query parameters for a need. */
export function sectionQuery(need: SectionNeed): Record<string, string | undefined> {
  const requested = requestedNeed(need);
  return {
    filters: requested.all
      ? undefined
      : FILTER_VALUES.filter((value) => requested.sections.has(value)).join(','),
    include_peer_events: requested.peerEvents ? 'true' : undefined,
  };
}

/** Whether a response fetched for `have` contains everything `want` needs. */
export function coversSections(have: SectionNeed, want: SectionNeed): boolean {
  if (want.peerEvents && !have.peerEvents) return false;
  if (want.series && !have.series) return false;
  if (have.all) return true;
  if (want.all) return false;
  return [...want.sections].every((section) => have.sections.has(section));
}

/** A need as text, for a cache shared by replicas; decodeSectionNeed reads it back. */
export function encodeSectionNeed(need: SectionNeed): string {
  return JSON.stringify({
    all: need.all,
    sections: [...need.sections].sort(),
    peerEvents: need.peerEvents,
    series: need.series,
  });
}

/** Throws on text encodeSectionNeed did not write; sections it does not know are dropped. */
export function decodeSectionNeed(text: string): SectionNeed {
  const value = JSON.parse(text) as Record<string, unknown>;
  const { all, sections, peerEvents, series } = value;
  if (
    typeof all !== 'boolean' ||
    typeof peerEvents !== 'boolean' ||
    typeof series !== 'boolean' ||
    !Array.isArray(sections)
  ) {
    throw new Error('not a section need');
  }
  const known = new Set<string>(FILTER_VALUES);
  return {
    all,
    peerEvents,
    series,
    sections: new Set(
      sections.filter((section): section is FilterValue => known.has(String(section))),
    ),
  };
}

export function sectionNeedKey(need: SectionNeed): string {
  const { filters, include_peer_events: peerEvents } = sectionQuery(need);
  return `${filters ?? '*'}|${peerEvents ?? ''}|${need.series ? 'series' : ''}`;
}
