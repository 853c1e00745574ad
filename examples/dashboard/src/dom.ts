/** What `h` accepts as children: nodes and text; null, undefined and false are left out. */
export type Child = Node | string | number | null | undefined | false;

/**
 * A small element builder: `h('p', { class: 'meta' }, 'text', h('b', {}, 42))`. Attributes are set
 * with setAttribute (undefined ones are skipped), and text is always text, never HTML.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | number | undefined>> = {},
  ...children: readonly Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, String(value));
  }
  fill(element, ...children);
  return element;
}

/** Replaces an element's children, as `h` gives them. */
export function fill(element: Element, ...children: readonly Child[]): void {
  element.replaceChildren(
    ...children.flatMap((child) =>
      child === null || child === undefined || child === false
        ? []
        : [child instanceof Node ? child : String(child)],
    ),
  );
}

/** The element with this id, which index.html has. */
export function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`index.html has no #${id}`);
  return element;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

export function formatDateTime(iso: string | null | undefined): string {
  return iso == null ? '–' : dateTime.format(new Date(iso));
}

export function formatTime(date: Date): string {
  return time.format(date);
}

export function formatNumber(value: number | null | undefined, digits: number): string {
  return value == null ? '–' : value.toFixed(digits);
}
