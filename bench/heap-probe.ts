/**
 * Preloaded into the soak's gateway (`node --expose-gc --import`, see soak.ts). When BENCH_HEAP_FILE
 * is set, SIGUSR2 makes it collect garbage and write `{ heapUsed, rss }` (bytes, from
 * process.memoryUsage()) to that file. Without the variable it does nothing, and SIGUSR2 keeps its
 * default action.
 */
import { renameSync, writeFileSync } from 'node:fs';

const file = process.env.BENCH_HEAP_FILE;
if (file !== undefined && file !== '') {
  // Typed by @types/node as undefined unless node runs with --expose-gc: fail at startup, not on
  // the first signal.
  const { gc } = globalThis;
  if (gc === undefined) throw new Error('heap-probe: BENCH_HEAP_FILE needs node --expose-gc');
  process.on('SIGUSR2', () => {
    // Twice: what the first collection only unlinked (weak references, finalizers) the second frees.
    gc();
    gc();
    const { heapUsed, rss } = process.memoryUsage();
    // Written aside, then renamed: the benchmark never reads half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify({ heapUsed, rss }));
    renameSync(`${file}.tmp`, file);
  });
}
