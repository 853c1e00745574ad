/**
 * The Tailcall baseline: the prebuilt Linux binary of `@tailcallhq/core-linux-x64-gnu` 1.0.0 (1.6.x
 * needs glibc 2.38; Debian 12 has 2.36), installed into bench/tailcall/node_modules on first use,
 * never by the root install, serving bench/tailcall/realtimekit.graphql with `tailcall start`.
 * Everything this writes at run time goes to bench/tailcall/node_modules/.bench.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseEnv } from './processes.js';
import { binOf, ensureInstalled, pinned, run } from './install.js';

export interface TailcallPaths {
  readonly workDir: string;
  readonly bin: string;
  readonly config: string;
}

export type TailcallInstall =
  | { readonly ok: true; readonly paths: TailcallPaths; readonly versions: string }
  | { readonly ok: false; readonly reason: string };

/**
 * The environment of every Tailcall command: the binary reports usage to two analytics services
 * unless TAILCALL_TRACKER is false (tailcall-tracker/src/can_track.rs), and asks GitHub for a newer
 * release once its update-informer cache file is a day old (src/cli/update_checker.rs): a fresh,
 * empty cache directory makes it write that file and skip the check. The benchmark sends nothing
 * off this machine.
 */
export function tailcallEnv(workDir: string): Record<string, string> {
  const cache = join(workDir, 'xdg-cache');
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache);
  return { ...baseEnv(), TAILCALL_TRACKER: 'false', XDG_CACHE_HOME: cache };
}

/**
 * Makes sure bench/tailcall/node_modules holds the pinned binary and that it runs here (a binary
 * built against a newer glibc fails at once). Never throws: a failure is a reason.
 */
export async function ensureTailcall(
  repoRoot: string,
  install: boolean,
  log: (line: string) => void,
): Promise<TailcallInstall> {
  const dir = join(repoRoot, 'bench', 'tailcall');
  try {
    if (process.platform !== 'linux' || process.arch !== 'x64')
      return {
        ok: false,
        reason: `the binary is for Linux x64, not ${process.platform} ${process.arch}`,
      };
    const absent = await ensureInstalled(
      dir,
      'Tailcall into bench/tailcall/node_modules (about 25 MB)',
      { allowed: install, flag: '--no-tailcall-install' },
      log,
    );
    if (absent !== null) return { ok: false, reason: absent };
    const workDir = join(dir, 'node_modules', '.bench');
    mkdirSync(workDir, { recursive: true });
    const bin = binOf(dir, '@tailcallhq/core-linux-x64-gnu', 'tailcall');
    const version = (await run(bin, ['--version'], workDir, 30_000, tailcallEnv(workDir))).trim();
    return {
      ok: true,
      paths: { workDir, bin, config: join(dir, 'realtimekit.graphql') },
      versions: `${pinned(dir)} (${version})`,
    };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Writes the config with `port` in place of its 8000 (the only thing `@server` cannot take from the environment). */
export function tailcallConfig(paths: TailcallPaths, port: number): string {
  const source = readFileSync(paths.config, 'utf8');
  const config = source.replace(/@server\(\s*port: 8000\b/, (found) =>
    found.replace('8000', String(port)),
  );
  if (config === source) throw new Error(`${paths.config}: no "@server(port: 8000" to replace`);
  const file = join(paths.workDir, 'realtimekit.graphql');
  writeFileSync(file, config);
  return file;
}
