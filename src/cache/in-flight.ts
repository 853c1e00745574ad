import { errorFromTransport } from '../upstream/errors.js';

/** Told about every load that joined one already in flight instead of calling upstream. */
export interface InFlightObserver {
  coalesced(resource: string): void;
}

/**
 * Loads in flight across requests, so that concurrent identical loads share one upstream call. A
 * dashboard opened by many people at once (or one client retrying) asks for the same resources at
 * the same moment; each would otherwise cost one call of the token's scarce budget.
 */
export interface InFlightLoads {
  /**
   * Joins a load of `key` in flight whose need covers `need`, or starts one with `start`. The
   * started load runs on a signal of its own, aborted only once every request waiting for it has
   * gone: one client hanging up does not fail the others. A waiter whose own `signal` aborts stops
   * waiting at once. A failure reaches every waiter, and nothing is kept once the load settles.
   * `requestObserver` is told when this request's load joins another (its trace).
   */
  join<Need, Value>(
    key: string,
    resource: string,
    need: Need,
    covers: (have: Need, want: Need) => boolean,
    signal: AbortSignal | undefined,
    start: (signal: AbortSignal) => Promise<Value>,
    requestObserver?: InFlightObserver,
  ): Promise<Value>;
}

interface Load {
  readonly need: unknown;
  readonly controller: AbortController;
  promise: Promise<unknown>;
  waiters: number;
}

function isTimeout(reason: unknown): boolean {
  return reason instanceof DOMException && reason.name === 'TimeoutError';
}

/**
 * Process-wide; callers key loads by the keyed token hash first (account, app and resource
 * follow), so a load never answers another token.
 */
export function createInFlightLoads(observer?: InFlightObserver): InFlightLoads {
  const loads = new Map<string, Load[]>();

  const forget = (key: string, load: Load) => {
    const list = loads.get(key);
    if (list === undefined) return;
    const rest = list.filter((other) => other !== load);
    if (rest.length === 0) loads.delete(key);
    else loads.set(key, rest);
  };

  const wait = <Value>(load: Load, signal: AbortSignal | undefined): Promise<Value> => {
    load.waiters += 1;
    return new Promise<Value>((resolve, reject) => {
      let waiting = true;
      const leave = () => {
        if (!waiting) return false;
        waiting = false;
        signal?.removeEventListener('abort', onAbort);
        load.waiters -= 1;
        return true;
      };
      function onAbort() {
        if (!leave()) return;
        // The last one out ends the shared call: nobody is left to answer.
        if (load.waiters === 0) load.controller.abort(signal?.reason);
        reject(errorFromTransport(signal?.reason, isTimeout(signal?.reason)));
      }
      if (signal?.aborted === true) {
        onAbort();
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      load.promise.then(
        (value) => {
          if (leave()) resolve(value as Value);
        },
        (error: unknown) => {
          if (leave()) reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  };

  return {
    join(key, resource, need, covers, signal, start, requestObserver) {
      const existing = loads.get(key)?.find((load) => covers(load.need as typeof need, need));
      if (existing !== undefined) {
        observer?.coalesced(resource);
        requestObserver?.coalesced(resource);
        return wait(existing, signal);
      }
      const controller = new AbortController();
      const load: Load = { need, controller, promise: Promise.resolve(), waiters: 0 };
      load.promise = start(controller.signal).finally(() => {
        forget(key, load);
      });
      // Every waiter handles the outcome; this keeps an unwaited rejection from being reported.
      load.promise.catch(() => undefined);
      loads.set(key, [...(loads.get(key) ?? []), load]);
      return wait(load, signal);
    },
  };
}
