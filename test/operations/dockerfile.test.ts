/**
 * The Dockerfile's conventions, checked by reading the file: docker is not available where the
 * tests run, and these are the properties a reviewer would otherwise have to notice by eye.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Instruction {
  /** Upper-cased, e.g. `RUN`. */
  readonly keyword: string;
  /** The rest of the instruction, continuation lines joined with a space. */
  readonly args: string;
}

/**
 * Instructions in order, grouped by build stage (each `FROM` starts one). Comments, blank lines and
 * parser directives are dropped; a trailing backslash continues an instruction on the next line,
 * and a comment line inside a continued instruction is skipped, as docker does.
 */
function parseDockerfile(text: string): Instruction[][] {
  const stages: Instruction[][] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#') || (line === '' && pending === '')) continue;
    const continued = line.endsWith('\\');
    pending += `${continued ? line.slice(0, -1).trimEnd() : line} `;
    if (continued) continue;
    const match = /^(\S+)\s*(.*)$/s.exec(pending.trim());
    pending = '';
    if (match === null) continue;
    const keyword = (match[1] ?? '').toUpperCase();
    const instruction = { keyword, args: (match[2] ?? '').trim() };
    if (keyword === 'FROM') stages.push([instruction]);
    else stages.at(-1)?.push(instruction);
  }
  return stages;
}

/** `ENV A=1 B="two"` and the legacy `ENV A 1` as a record. */
function envOf(args: string): Record<string, string> {
  const pairs = [...args.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|\S+)/g)];
  if (pairs.length === 0) {
    const [name, ...value] = args.split(/\s+/);
    return name === undefined ? {} : { [name]: value.join(' ') };
  }
  return Object.fromEntries(
    pairs.map(([, name, value]) => [name ?? '', (value ?? '').replace(/^"(.*)"$/s, '$1')]),
  );
}

const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');
const stages = parseDockerfile(dockerfile);
const runtime = stages.at(-1) ?? [];
const all = (keyword: string) => runtime.filter((instruction) => instruction.keyword === keyword);
const indexOf = (keyword: string) =>
  runtime.findIndex((instruction) => instruction.keyword === keyword);

describe('the Dockerfile', () => {
  it('builds in two stages, and the runtime image is the last one', () => {
    expect(stages).toHaveLength(2);
    // Both on the current Node LTS.
    expect(stages.map((stage) => stage[0]?.args)).toEqual([
      'node:24-slim AS build',
      'node:24-slim',
    ]);
  });

  it('leaves the embedded fake out of the dist/ the runtime image copies', () => {
    const build = (stages[0] ?? [])
      .filter(({ keyword }) => keyword === 'RUN')
      .map(({ args }) => args);
    expect(build.join('\n')).toMatch(/npm run build && rm -rf dist\/fake-upstream(\s|$)/);
    expect(all('COPY').map(({ args }) => args)).toContain('--from=build /app/dist ./dist');
    expect(all('COPY').some(({ args }) => /\bsrc\b/.test(args))).toBe(false);
  });

  it('installs production dependencies only in the runtime image, from the lockfile', () => {
    const installs = all('RUN').filter(({ args }) => /\bnpm\s+(ci|install|i)\b/.test(args));
    expect(installs.map(({ args }) => args)).toEqual([
      expect.stringMatching(/^npm ci --omit=dev(\s|$)/),
    ]);
  });

  it('runs as an unprivileged user, set before the process starts', () => {
    const users = all('USER');
    expect(users.length).toBeGreaterThan(0);
    const user = users.at(-1)?.args.split(':')[0] ?? '';
    expect(['', 'root', '0']).not.toContain(user);
    // Whatever comes after USER runs as that user; the command must not come before it.
    const lastUser = runtime.findLastIndex((instruction) => instruction.keyword === 'USER');
    expect(lastUser).toBeLessThan(indexOf('CMD'));
    expect(lastUser).toBeLessThan(indexOf('HEALTHCHECK'));
  });

  it('sets NODE_ENV=production in the runtime image', () => {
    const env = Object.assign({}, ...all('ENV').map(({ args }) => envOf(args))) as Record<
      string,
      string
    >;
    expect(env.NODE_ENV).toBe('production');
  });

  it('has a HEALTHCHECK that asks /health, exits non-zero otherwise, and needs no curl', () => {
    const [healthcheck, ...more] = all('HEALTHCHECK');
    expect(more).toEqual([]);
    const args = healthcheck?.args ?? '';
    const command = /^(?:--\S+\s+)*CMD\s+(.*)$/s.exec(args)?.[1] ?? '';
    // Exec form: no shell in between to mangle the probe.
    const argv = JSON.parse(command) as string[];
    expect(argv[0]).toBe('node');
    expect(argv.join(' ')).toMatch(/\/health\b/);
    expect(argv.join(' ')).not.toMatch(/\/ready\b/);
    expect(argv.join(' ')).toContain('process.exit(1)');
    expect(args).toMatch(/--timeout=\d+s/);
  });

  it('starts node dist/main.js in exec form, as npm start does, so node gets SIGTERM itself', () => {
    const [cmd, ...more] = all('CMD');
    expect(more).toEqual([]);
    expect(JSON.parse(cmd?.args ?? '""')).toEqual(['node', 'dist/main.js']);
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe('node dist/main.js');
    expect(all('ENTRYPOINT')).toEqual([]);
  });
});

describe('parseDockerfile', () => {
  it('joins continued lines, skips comments, and splits stages at FROM', () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      'FROM a AS build',
      'RUN one \\',
      '  # a comment inside a continued instruction',
      '  two',
      '',
      'from b',
      'ENV A=1 B="two words"',
      'ENV LEGACY value here',
    ].join('\n');
    const parsed = parseDockerfile(text);
    expect(parsed).toEqual([
      [
        { keyword: 'FROM', args: 'a AS build' },
        { keyword: 'RUN', args: 'one two' },
      ],
      [
        { keyword: 'FROM', args: 'b' },
        { keyword: 'ENV', args: 'A=1 B="two words"' },
        { keyword: 'ENV', args: 'LEGACY value here' },
      ],
    ]);
    expect(envOf('A=1 B="two words"')).toEqual({ A: '1', B: 'two words' });
    expect(envOf('LEGACY value here')).toEqual({ LEGACY: 'value here' });
  });
});
