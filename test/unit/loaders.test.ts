import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../src/upstream/limiter.js';
import { createSectionedLoader } from '../../src/loaders/sectioned-loader.js';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

describe('createLimiter', () => {
  it('never runs more than its concurrency at once, and runs every task in order', async () => {
    const limit = createLimiter(2);
    const gates = [0, 1, 2, 3, 4].map(() => deferred<undefined>());
    const started: number[] = [];
    let running = 0;
    let peak = 0;
    const results = gates.map((gate, index) =>
      limit(async () => {
        started.push(index);
        running += 1;
        peak = Math.max(peak, running);
        await gate.promise;
        running -= 1;
        return index;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    for (const gate of gates) gate.resolve(undefined);
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
  });

  it('frees its slot when a task fails', async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});

describe('createSectionedLoader', () => {
  type Need = ReadonlySet<string>;
  function setup() {
    const fetches: [string, string[]][] = [];
    const loader = createSectionedLoader<string, Need, string>({
      resourceKey: (key) => key,
      needKey: (need) => [...need].sort().join(','),
      covers: (have, want) => [...want].every((section) => have.has(section)),
      fetch: (key, need) => {
        fetches.push([key, [...need].sort()]);
        return key === 'bad'
          ? Promise.reject(new Error(`no ${key}`))
          : Promise.resolve(`${key}:${[...need].sort().join('+')}`);
      },
      limit: createLimiter(4),
    });
    return { fetches, loader };
  }

  it('dedupes identical loads made in the same tick into one fetch', async () => {
    const { fetches, loader } = setup();
    const values = await Promise.all([
      loader.load('a', new Set(['x'])),
      loader.load('a', new Set(['x'])),
      loader.load('b', new Set(['x'])),
    ]);
    expect(values).toEqual(['a:x', 'a:x', 'b:x']);
    expect(fetches).toEqual([
      ['a', ['x']],
      ['b', ['x']],
    ]);
  });

  it('serves a later, narrower load from an earlier, wider one', async () => {
    const { fetches, loader } = setup();
    await loader.load('a', new Set(['x', 'y']));
    expect(await loader.load('a', new Set(['y']))).toBe('a:x+y');
    expect(fetches).toEqual([['a', ['x', 'y']]]);
  });

  it('fetches again for a wider load', async () => {
    const { fetches, loader } = setup();
    await loader.load('a', new Set(['x']));
    await loader.load('a', new Set(['x', 'y']));
    expect(fetches).toEqual([
      ['a', ['x']],
      ['a', ['x', 'y']],
    ]);
  });

  it('fails only the key whose fetch failed', async () => {
    const { loader } = setup();
    const [bad, good] = await Promise.allSettled([
      loader.load('bad', new Set()),
      loader.load('a', new Set()),
    ]);
    expect(bad).toMatchObject({ status: 'rejected', reason: new Error('no bad') });
    expect(good).toEqual({ status: 'fulfilled', value: 'a:' });
  });
});
