/*
 * ISO 8601 instants, checked once for both places that need it: the wire reader (is an upstream
 * leaf a timestamp at all?) and the DateTime scalar (what to send). The common case, a string in
 * toISOString's own form, costs no Date and no regex.
 */

const daysIn = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `YYYY-MM-DDTHH:mm:ss.sssZ`, what toISOString writes: the separators and where they are. */
const SEPARATORS: readonly (readonly [number, string])[] = [
  [4, '-'],
  [7, '-'],
  [10, 'T'],
  [13, ':'],
  [16, ':'],
  [19, '.'],
  [23, 'Z'],
];

/** The number written in `text` from `start` to `end`, or NaN if a character is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let index = start; index < end; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A string in toISOString's own form whose every part is in range is its own ISO string: no Date
 * to make and print (a large participant carries hundreds of timestamps). Out-of-range parts,
 * which Date rolls over (February 30 becomes March 2), go the long way, so the answer is the same.
 */
export function canonical(value: string): string | undefined {
  if (value.length !== 24) return undefined;
  for (const [index, separator] of SEPARATORS) {
    if (value[index] !== separator) return undefined;
  }
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  // NaN (a character that is not a digit) fails every comparison.
  const inRange =
    year >= 0 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    (day <= 28 || day <= daysIn(year, month)) &&
    digits(value, 11, 13) <= 23 &&
    digits(value, 14, 16) <= 59 &&
    digits(value, 17, 19) <= 59 &&
    digits(value, 20, 23) >= 0;
  return inRange ? value : undefined;
}

/** ISO 8601 date and time with an offset (`Z` or `±hh:mm`), seconds and fractions optional. */
const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[-+]\d{2}:?\d{2})$/;

/**
 * Whether `value` is an ISO 8601 instant that names a real time: the form is right and every part
 * is in range (a month 13 or an hour 25 is not a time, whatever Date would make of it).
 */
export function isIsoInstant(value: string): boolean {
  if (canonical(value) !== undefined) return true;
  if (!ISO_DATE_TIME.test(value)) return false;
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const hour = Number(value.slice(11, 13));
  const minute = Number(value.slice(14, 16));
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(Number(value.slice(0, 4)), month) &&
    hour <= 23 &&
    minute <= 59 &&
    !Number.isNaN(Date.parse(value))
  );
}
