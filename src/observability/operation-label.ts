/** A GraphQL name short enough to be a label value; anything else a client sends is `other`. */
const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Distinct operation names one gateway process labels before new ones become `other`. */
export const MAX_OPERATION_LABELS = 100;

/**
 * Turns client-chosen operation names into metric label values with a bounded number of series:
 * `anonymous` for an operation without a name, the name itself for the first `max` distinct
 * well-formed names, and `other` for the rest. The set of names seen belongs to one gateway, so a
 * test's gateway starts empty.
 */
export function createOperationLabeler(max = MAX_OPERATION_LABELS): (name?: string) => string {
  const bounded = createBoundedLabel(max, 'other');
  return (name) => {
    if (name === undefined || name === '') return 'anonymous';
    if (!LABEL_NAME.test(name)) return 'other';
    return bounded(name, name);
  };
}

/**
 * A label value kept as is for the first `max` distinct keys, and `other` for every later one: a
 * metric whose label values come from outside (clients' operation names, upstream's keys) keeps a
 * bounded number of series. The keys seen belong to one gateway.
 */
export function createBoundedLabel(max: number, other: string) {
  const kept = new Set<string>();
  return (key: string, value: string): string => {
    if (kept.has(key)) return value;
    if (kept.size >= max) return other;
    kept.add(key);
    return value;
  };
}

/** The operation name as a log line shows it: a well-formed name, `anonymous`, or `other`. */
export function operationForLog(name?: string): string {
  if (name === undefined || name === '') return 'anonymous';
  return LABEL_NAME.test(name) ? name : 'other';
}
