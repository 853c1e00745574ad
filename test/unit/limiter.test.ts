import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../src/upstream/limiter.js';

/** A task that counts how many run at once, and ends when the test says. */
function counter() {
  let active = 0;
  let peak = 0;
  const task = async () => {
    active += 1;
    peak = Math.max(peak, active);
    await Promise.resolve();
    await Promise.resolve();
    active -= 1;
  };
  return { task, peak: () => peak };
}

describe('createLimiter', () => {
  it('hands a freed slot to the waiter in line, so a newcomer cannot take it in between', async () => {
    const limit = createLimiter(1);
    const { task, peak } = counter();
    let finishFirst: () => void = () => undefined;
    const first = limit(
      () =>
        new Promise<void>((resolve) => {
          finishFirst = resolve;
        }),
    );
    const waiter = limit(task);
    // A newcomer whose turn comes in the very tick the first task's slot is freed.
    let arrive: () => void = () => undefined;
    const newcomer = new Promise<void>((resolve) => {
      arrive = resolve;
    }).then(() => limit(task));
    finishFirst();
    arrive();
    await Promise.all([first, waiter, newcomer]);
    expect(peak()).toBe(1);
  });

  it('never runs more than its limit across many interleaved tasks, and runs them all', async () => {
    const limit = createLimiter(3);
    const { task, peak } = counter();
    let done = 0;
    const all = Array.from({ length: 200 }, (_, index) =>
      // Staggered arrivals: some in the same tick a slot is freed, some later.
      Promise.resolve()
        .then(() => (index % 7 === 0 ? Promise.resolve() : undefined))
        .then(() => limit(task))
        .then(() => {
          done += 1;
        }),
    );
    await Promise.all(all);
    expect(done).toBe(200);
    expect(peak()).toBe(3);
  });
});
