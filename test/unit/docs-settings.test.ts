/**
 * Every setting is documented once, in docs/configuration.md, and that page's settings tables are
 * held to what the code reads: the two drifted apart once (the Node version, and a fake variable
 * missing from its table), back when the README carried them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNOWN_VARIABLES } from '../../src/config.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** The README and every page of docs/, as paths from the repository's root. */
const PAGES = [
  'README.md',
  ...readdirSync(new URL('docs/', root))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];
const CONFIGURATION = 'docs/configuration.md';

interface TableRow {
  readonly page: string;
  /** The text of the table's first header cell, trimmed ("variable" for a settings table). */
  readonly header: string;
  /** The `NAMES` in backticks of the row's first cell (some rows name a pair of variables). */
  readonly names: readonly string[];
  /** The `## ` section the row is in. */
  readonly section: string;
}

/** The body rows of every Markdown table of a page, outside code fences. */
function tableRows(page: string): TableRow[] {
  const rows: TableRow[] = [];
  let fenced = false;
  let section = '';
  let header: string | undefined;
  let bodyStarted = false;
  for (const line of read(page).split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced) continue;
    if (line.startsWith('## ')) section = line.slice(3).trim();
    if (!line.startsWith('|')) {
      header = undefined;
      bodyStarted = false;
      continue;
    }
    const firstCell = line.split('|')[1] ?? '';
    if (header === undefined) {
      header = firstCell.trim();
    } else if (!bodyStarted) {
      bodyStarted = true; // the |---| separator line
    } else {
      const names = [...firstCell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1] ?? '');
      rows.push({ page, header, names, section });
    }
  }
  return rows;
}

const allRows = PAGES.flatMap(tableRows);
const settingsRows = allRows.filter((row) => row.header === 'variable');

describe('docs/configuration.md', () => {
  it('has a settings table row for exactly the variables the gateway and the fake read', () => {
    const documented = settingsRows
      .filter((row) => row.page === CONFIGURATION)
      .flatMap((row) => row.names);
    expect(documented.length).toBeGreaterThan(0);
    expect([...documented].sort()).toEqual([...new Set(KNOWN_VARIABLES)].sort());
  });

  it('is the only page with a settings table, and documents each variable in one row', () => {
    expect(settingsRows.filter((row) => row.page !== CONFIGURATION)).toEqual([]);
    const known = new Set(KNOWN_VARIABLES);
    const documentedIn = new Map<string, string[]>();
    for (const row of allRows) {
      for (const name of row.names.filter((candidate) => known.has(candidate))) {
        documentedIn.set(name, [...(documentedIn.get(name) ?? []), `${row.page} (${row.header})`]);
      }
    }
    const notOnce = [...known].filter((name) => documentedIn.get(name)?.length !== 1);
    expect(notOnce.map((name) => [name, documentedIn.get(name) ?? []])).toEqual([]);
  });

  it("lists exactly the variables the fake's main reads, in its fake table", () => {
    const names = [...read('src/fake-upstream/main.ts').matchAll(/^\s+(FAKE_[A-Z_]+):/gm)].map(
      (match) => match[1],
    );
    const table = settingsRows
      .filter((row) => row.page === CONFIGURATION && row.section === 'The embedded fake')
      .flatMap((row) => row.names);
    expect(names.length).toBeGreaterThan(0);
    expect([...table].sort()).toEqual([...names].sort());
  });
});

describe('the Node.js version', () => {
  it('is the one package.json engines requires, in the README and in docs/operations.md', () => {
    const pkg = JSON.parse(read('package.json')) as { engines: { node: string } };
    const required = /^>=(\d+\.\d+\.\d+)$/.exec(pkg.engines.node)?.[1];
    expect(required).toBeDefined();
    for (const page of ['README.md', 'docs/operations.md']) {
      expect(read(page), page).toContain(`Node.js ${required ?? ''} or newer`);
    }
    const stated = PAGES.flatMap((page) =>
      [...read(page).matchAll(/Node\.js (\d[\d.]*) or newer/g)].map((match) => match[1]),
    );
    expect(new Set(stated)).toEqual(new Set([required]));
  });
});
