import { getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective, Kind } from 'graphql';
import type {
  FieldNode,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionNode,
  SelectionSetNode,
  ValueNode,
} from 'graphql';

/*
 * An upper bound of the upstream calls an operation can make, computed before it executes: every
 * field that costs a call counts once per occurrence (aliases and fragment spreads are not
 * deduplicated, as an attacker would not let them be) times the size of every list above it. It
 * mirrors how the resolvers and loaders spend calls; see README "How it fetches".
 */

/** Page size assumed when a list field's `perPage` is not given (RealtimeKit's default). */
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

/** Fields that, on a participant, peer report or session reached without its record, cost a call. */
const SECTION_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  Participant: new Set(['peerStats', 'qualityStats']),
  PeerReport: new Set(['peerEvents', 'metadata', 'quality', 'peerStats', 'qualityStats']),
};
/** Session fields answered without the session's own call. */
const FREE_SESSION_FIELDS = new Set(['id', 'participants', '__typename']);

function isIncluded(node: SelectionNode, variables: Readonly<Record<string, unknown>>): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.['if'] === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.['if'] !== false;
}

function pageSize(field: FieldNode, variables: Readonly<Record<string, unknown>>): number {
  const argument = field.arguments?.find((arg) => arg.name.value === 'perPage');
  const value = argument === undefined ? undefined : intValue(argument.value, variables);
  return Math.min(MAX_PAGE_SIZE, Math.max(1, value ?? DEFAULT_PAGE_SIZE));
}

function intValue(
  node: ValueNode,
  variables: Readonly<Record<string, unknown>>,
): number | undefined {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    return typeof value === 'number' ? value : undefined;
  }
  return undefined;
}

/** The fields selected directly on a type, with inline fragments and fragment spreads flattened. */
function fieldsOf(
  selectionSet: SelectionSetNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  variables: Readonly<Record<string, unknown>>,
  spreading: ReadonlySet<string> = new Set(),
): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (!isIncluded(selection, variables)) continue;
    if (selection.kind === Kind.FIELD) {
      fields.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      fields.push(...fieldsOf(selection.selectionSet, fragments, variables, spreading));
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      // A fragment that spreads itself is invalid GraphQL; stop here rather than loop.
      if (fragment === undefined || spreading.has(name)) continue;
      fields.push(
        ...fieldsOf(fragment.selectionSet, fragments, variables, new Set([...spreading, name])),
      );
    }
  }
  return fields;
}

export function estimateUpstreamCalls(
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  variables: Readonly<Record<string, unknown>>,
): number {
  /** `hasRecord`: the parent's own call (details, report, session) was already made or counted. */
  const walk = (selectionSet: SelectionSetNode, typeName: string, hasRecord: boolean): number => {
    const fields = fieldsOf(selectionSet, fragments, variables);
    let calls = 0;
    // A participant, peer report or session without its record makes one call for all of its
    // fields that need one, so it counts once per selection set.
    const sectionFields = SECTION_FIELDS[typeName];
    if (
      !hasRecord &&
      sectionFields &&
      fields.some((field) => sectionFields.has(field.name.value))
    ) {
      calls += 1;
    }
    if (
      !hasRecord &&
      typeName === 'Session' &&
      fields.some((field) => !FREE_SESSION_FIELDS.has(field.name.value))
    ) {
      calls += 1;
    }
    // A session that came with its record (from a list, or as a room) still lacks its rooms: they
    // need the session's own call with include_breakout_rooms (see the Session resolver).
    if (
      hasRecord &&
      typeName === 'Session' &&
      fields.some((f) => f.name.value === 'breakoutRooms')
    ) {
      calls += 1;
    }
    for (const field of fields) {
      if (field.selectionSet) calls += costOfField(typeName, field, field.selectionSet);
    }
    return calls;
  };

  /** One list call, plus what each of its `items` costs, times the page size. */
  const page = (
    field: FieldNode,
    sub: SelectionSetNode,
    itemType: string,
    itemsHaveRecord: boolean,
  ) => {
    let perItem = 0;
    for (const item of fieldsOf(sub, fragments, variables)) {
      if (item.name.value === 'items' && item.selectionSet) {
        perItem += walk(item.selectionSet, itemType, itemsHaveRecord);
      }
    }
    return 1 + pageSize(field, variables) * perItem;
  };

  const costOfField = (typeName: string, field: FieldNode, sub: SelectionSetNode): number => {
    switch (`${typeName}.${field.name.value}`) {
      case 'Query.participant':
        return 1 + walk(sub, 'Participant', true);
      case 'Query.peerReport':
        return 1 + walk(sub, 'PeerReport', true);
      case 'Query.session':
        return walk(sub, 'Session', false);
      case 'Query.sessions':
        return page(field, sub, 'Session', true);
      case 'Session.participants':
        // Listed participants carry their basic fields, not their details.
        return page(field, sub, 'Participant', false);
      case 'Session.breakoutRooms':
        // Rooms come with the session's record; their lists count as one room's worth.
        return walk(sub, 'Session', true);
      case 'Participant.peerReport':
        return walk(sub, 'PeerReport', false);
      case 'PeerReport.participant':
        return walk(sub, 'Participant', false);
      default:
        return 0;
    }
  };

  return walk(operation.selectionSet, 'Query', true);
}
