/**
 * Settings the README states that live elsewhere too, held together: both drifted apart once (the
 * Node version, and a fake variable missing from its table).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const readme = read('README.md');

describe('the README', () => {
  it('asks for the Node.js version package.json engines requires', () => {
    const pkg = JSON.parse(read('package.json')) as { engines: { node: string } };
    const required = /^>=(\d+\.\d+\.\d+)$/.exec(pkg.engines.node)?.[1];
    expect(required).toBeDefined();
    expect(readme).toContain(`Node.js ${required ?? ''} or newer.`);
    expect([...readme.matchAll(/Node\.js (\d[\d.]*) or newer/g)].map((match) => match[1])).toEqual([
      required,
    ]);
  });

  it("lists exactly the variables the fake's main reads, in its settings table", () => {
    const names = [...read('src/fake-upstream/main.ts').matchAll(/^\s+(FAKE_[A-Z_]+):/gm)].map(
      (match) => match[1],
    );
    const section = readme.slice(readme.indexOf('## The embedded RealtimeKit fake'));
    const table = [...section.matchAll(/^\| `(FAKE_[A-Z_]+)`/gm)].map((match) => match[1]);
    expect(names.length).toBeGreaterThan(0);
    expect([...table].sort()).toEqual([...names].sort());
  });
});
