/** Messages between the benchmark and its child processes. */
import type { FakeDemoIds } from '../src/fake-upstream/index.js';

/** Parent → fake. */
export type FakeRequest = { readonly id: number } & ({ type: 'reset' } | { type: 'count' });

/** Fake → parent, once it listens. */
export interface FakeReady {
  readonly type: 'ready';
  /** E.g. `http://127.0.0.1:PORT/client/v4`. */
  readonly url: string;
  readonly accountId: string;
  readonly appId: string;
  readonly demo: FakeDemoIds;
}

/** Fake → parent, answering the request with the same id. */
export interface FakeReply {
  readonly type: 'reply';
  readonly id: number;
  readonly error?: string;
  /** `count` only: upstream calls since the last reset. */
  readonly calls?: number;
  /** `count` only: their response body bytes. */
  readonly bytes?: number;
  /** `count` only: the distinct endpoints called, with their `filters`. */
  readonly endpoints?: readonly string[];
}
