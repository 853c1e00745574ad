/**
 * Every relative link of the README and of docs/ resolves: the file (or folder) exists, relative to
 * the page that links to it, and a `#anchor` names a heading of the target page by GitHub's slug
 * rules. External links are not fetched (no network in tests).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The README and every page of docs/, as absolute paths. */
const PAGES = [
  join(root, 'README.md'),
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join(root, 'docs', name)),
];

/** The lines of a Markdown text outside its fenced code blocks. */
function proseLines(text: string): string[] {
  let fenced = false;
  return text.split('\n').filter((line) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return false;
    }
    return !fenced;
  });
}

/**
 * GitHub's anchor for a heading's text: the rendered text (links by their text, code without its
 * backticks), lowercased, every character but letters, digits, `_`, `-` and spaces removed, each
 * space a hyphen.
 */
function slug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a page's headings, a repeated one as GitHub numbers it (`-1`, `-2`, …). */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const line of proseLines(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = slug(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${String(count)}`);
  }
  return result;
}

/** The targets of a page's inline links and images, code spans aside. */
function linkTargets(text: string): string[] {
  return proseLines(text).flatMap((line) =>
    [...line.replace(/`[^`]*`/g, 'code').matchAll(/\[[^\]]*\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g)].map(
      (match) => match[1] ?? '',
    ),
  );
}

/** What is wrong with one link of a page, or undefined when it resolves. */
function problem(page: string, target: string): string | undefined {
  if (/^[a-z][a-z+.-]*:/i.test(target)) return undefined; // https:, mailto:: not fetched
  const hash = target.indexOf('#');
  const path = decodeURIComponent(hash === -1 ? target : target.slice(0, hash));
  const anchor = hash === -1 ? undefined : decodeURIComponent(target.slice(hash + 1));
  const file = path === '' ? page : join(dirname(page), path);
  if (!existsSync(file)) return `${target}: no such file`;
  if (anchor === undefined) return undefined;
  if (!file.endsWith('.md')) return `${target}: an anchor into a file that is not Markdown`;
  if (!anchors(readFileSync(file, 'utf8')).has(anchor)) {
    return `${target}: no heading with the anchor #${anchor} in ${relative(root, file)}`;
  }
  return undefined;
}

describe('slug', () => {
  it("follows GitHub's rules", () => {
    expect(slug('Health, readiness and metrics')).toBe('health-readiness-and-metrics');
    expect(slug('Tracing (OpenTelemetry)')).toBe('tracing-opentelemetry');
    expect(slug("The README's `example`")).toBe('the-readmes-example');
    expect(slug('[Linked](x.md) heading_1 – two')).toBe('linked-heading_1--two');
    expect([...anchors('# A\n## A\n```\n# A\n```\n### A\n')]).toEqual(['a', 'a-1', 'a-2']);
  });
});

describe('the links of the README and docs/', () => {
  it('find links to check', () => {
    expect(PAGES.length).toBeGreaterThan(5);
    const readme = linkTargets(readFileSync(PAGES[0] ?? '', 'utf8'));
    expect(readme.filter((target) => target.startsWith('docs/')).length).toBeGreaterThan(10);
  });

  it.each(PAGES.map((page) => [relative(root, page), page]))('%s: all resolve', (_, page) => {
    const broken = linkTargets(readFileSync(page, 'utf8'))
      .map((target) => problem(page, target))
      .filter((message) => message !== undefined);
    expect(broken).toEqual([]);
  });
});
