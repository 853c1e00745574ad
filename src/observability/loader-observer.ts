import type { UpstreamEndpoint } from './upstream-observer.js';

/** Each per-request loader is named after the one endpoint it calls. */
export type LoaderName = UpstreamEndpoint;

/** What the per-request loaders report, so that metrics can be kept without them knowing how. */
export interface LoaderObserver {
  /**
   * A batch of `size` distinct loads was dispatched. RealtimeKit has no batch endpoint, so it costs
   * `size` concurrent upstream calls; the size shows how much a query fans out per tick.
   */
  batch(loader: LoaderName, size: number): void;
  /** A load was answered by an earlier load of the same request, without a new upstream call. */
  dedupeHit(loader: LoaderName): void;
}

export const noopLoaderObserver: LoaderObserver = {
  batch() {
    // Nothing observes loads unless the gateway passes an observer.
  },
  dedupeHit() {
    // As above.
  },
};
