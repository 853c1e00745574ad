/** Paging as a list's reader wants it: whether there is a next page, and how many pages. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

interface Paging {
  readonly totalCount: number;
  readonly pageNo: number;
  readonly perPage: number;
  readonly hasNextPage: boolean;
  readonly totalPages: number;
}

const page = async (pageNo: number, perPage: number): Promise<Paging> => {
  const { body } = await h.query(
    `{ sessions(pageNo: ${String(pageNo)}, perPage: ${String(perPage)}) { paging { totalCount pageNo perPage hasNextPage totalPages } } }`,
  );
  expect(body.errors).toBeUndefined();
  return (body.data as { sessions: { paging: Paging } }).sessions.paging;
};

describe('paging', () => {
  it('says whether a next page exists and how many pages there are, up to the last', async () => {
    const first = await page(1, 3);
    expect(first.totalCount).toBeGreaterThan(3);
    expect(first.totalPages).toBe(Math.ceil(first.totalCount / 3));
    expect(first.hasNextPage).toBe(true);
    const last = await page(first.totalPages, 3);
    expect(last).toMatchObject({ totalPages: first.totalPages, hasNextPage: false });
    const whole = await page(1, first.totalCount);
    expect(whole).toMatchObject({ totalPages: 1, hasNextPage: false });
  });
});
