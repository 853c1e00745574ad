import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  OperationTypeNode,
} from 'graphql';
import type {
  FieldNode,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionNode,
  SelectionSetNode,
  ValueNode,
} from 'graphql';
import { ruleFor } from './field-costs.js';
import type { FieldRule } from './field-costs.js';

/*
 * An upper bound of the upstream calls an operation can make, computed before it executes from
 * the field table (field-costs.ts): every field that costs a call counts once per occurrence
 * (aliases and fragment spreads are not deduplicated, as an attacker would not let them be) times
 * the size of every list above it.
 */

/** Page size assumed when a list field's `perPage` is not given (the schema's default). */
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

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
  /** `hasRecord`: the value arrived with its record (or its call was already counted). */
  const walk = (selectionSet: SelectionSetNode, typeName: string, hasRecord: boolean): number => {
    const fields = fieldsOf(selectionSet, fragments, variables);
    const rules = fields.map((field) => ruleFor(typeName, field.name.value));
    // A resource makes one call for all of its fields that read it, so it counts once per
    // selection set: when its record did not come with it, or a field always needs its own call.
    const ownCall = rules.some(
      (rule) => rule.reads === 'ownCall' || (rule.reads === 'record' && !hasRecord),
    );
    let calls = ownCall ? 1 : 0;
    fields.forEach((field, index) => {
      const rule = rules[index];
      if (rule?.overview !== undefined) {
        calls += overviewCalls(field, rule.overview);
        return;
      }
      // The participant's peer report, once per occurrence.
      if (rule?.fromPeerReport !== undefined) calls += 1;
      const link = rule?.leadsTo;
      if (link === undefined || field.selectionSet === undefined) return;
      if (link.call !== 'page') {
        calls +=
          (link.call === 'one' ? 1 : 0) + walk(field.selectionSet, link.type, link.withRecord);
        return;
      }
      // One list call, plus what each of its `items` costs, times the page size.
      let perItem = 0;
      for (const item of fieldsOf(field.selectionSet, fragments, variables)) {
        if (item.name.value === 'items' && item.selectionSet) {
          perItem += walk(item.selectionSet, link.type, link.withRecord);
        }
      }
      calls += 1 + pageSize(field, variables) * perItem;
    });
    return calls;
  };

  /**
   * A session's quality overview: its list calls and one peer report per participant it reads,
   * then its worst participants' own fields, as a page's items.
   */
  const overviewCalls = (field: FieldNode, rule: NonNullable<FieldRule['overview']>): number => {
    const argument = (name: string, fallback: number, max: number) => {
      const given = field.arguments?.find((arg) => arg.name.value === name);
      const value = given === undefined ? undefined : intValue(given.value, variables);
      return Math.min(max, Math.max(0, value ?? fallback));
    };
    const limit = Math.max(1, argument('limit', rule.defaultLimit, rule.maxLimit));
    const worst = argument('worst', rule.defaultWorst, rule.maxWorst);
    let perWorst = 0;
    for (const inner of field.selectionSet === undefined
      ? []
      : fieldsOf(field.selectionSet, fragments, variables)) {
      if (inner.name.value === 'worst' && inner.selectionSet !== undefined) {
        perWorst += walk(inner.selectionSet, 'Participant', false);
      }
    }
    return Math.ceil(limit / rule.pageSize) + limit + worst * perWorst;
  };

  return walk(
    operation.selectionSet,
    operation.operation === OperationTypeNode.SUBSCRIPTION ? 'Subscription' : 'Query',
    true,
  );
}
