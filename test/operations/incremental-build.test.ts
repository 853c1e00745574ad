/**
 * `npm start` builds first (`prestart`); with nothing changed the second build must not compile
 * everything again. The project's build config, run twice into a directory of the test's own.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
let out: string | undefined;

afterAll(async () => {
  if (out !== undefined) await rm(out, { recursive: true, force: true });
});

/** Every emitted file's modification time, by path. */
async function emitted(dir: string): Promise<Map<string, number>> {
  const files = await readdir(dir, { recursive: true });
  const times = new Map<string, number>();
  for (const file of files.filter((name) => name.endsWith('.js'))) {
    times.set(file, (await stat(join(dir, file))).mtimeMs);
  }
  return times;
}

describe('the build npm start runs', () => {
  it('writes nothing again when nothing changed', async () => {
    out = await mkdtemp(join(tmpdir(), 'incremental-build-'));
    const build = () =>
      run(
        process.execPath,
        [
          tsc,
          '-p',
          'tsconfig.build.json',
          '--outDir',
          out ?? '',
          '--tsBuildInfoFile',
          join(out ?? '', '.tsbuildinfo'),
        ],
        { cwd: root },
      );
    await build();
    const first = await emitted(out);
    expect(first.size).toBeGreaterThan(50);
    await build();
    expect(await emitted(out)).toEqual(first);
  }, 120_000);
});
