/**
 * The peers' own folders (bench/mesh, bench/tailcall): each has a package.json pinning exact
 * versions and a lock file, and its node_modules is installed here on first use, never by the root
 * install.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseEnv } from './processes.js';

interface PackageJson {
  readonly version?: string;
  readonly dependencies?: Record<string, string>;
  readonly bin?: string | Record<string, string>;
}

const readJson = (path: string): PackageJson =>
  JSON.parse(readFileSync(path, 'utf8')) as PackageJson;

/** The path of an installed package's binary. */
export function binOf(dir: string, name: string, command: string): string {
  const pkg = readJson(join(dir, 'node_modules', name, 'package.json'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.[command];
  if (bin === undefined) throw new Error(`${name} has no ${command} binary`);
  return join(dir, 'node_modules', name, bin);
}

/** The pinned dependencies, as `name version` pairs joined by commas. */
export function pinned(dir: string): string {
  return Object.entries(readJson(join(dir, 'package.json')).dependencies ?? {})
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
}

/** Which pinned dependencies are missing or at another version. */
function missing(dir: string): string[] {
  const wanted = readJson(join(dir, 'package.json')).dependencies ?? {};
  return Object.entries(wanted)
    .filter(([name, version]) => {
      const path = join(dir, 'node_modules', name, 'package.json');
      // Tailcall's package.json says "v1.0.0" for the version npm installed as 1.0.0.
      return !existsSync(path) || readJson(path).version?.replace(/^v/, '') !== version;
    })
    .map(([name, version]) => `${name}@${version}`);
}

/** Runs a command to its end; rejects with the tail of its output when it fails. */
export function run(
  command: string,
  args: readonly string[],
  cwd: string,
  timeoutMs: number,
  env: Record<string, string> = baseEnv(),
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-4_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else
        reject(
          new Error(`${command} ${args.join(' ')} failed (${String(code ?? signal)}):\n${output}`),
        );
    });
  });
}

/**
 * Makes sure `dir`/node_modules holds the pinned packages, installing them when allowed (`npm ci`
 * when the lock file exists, else `npm install`). Returns why not, or null when they are there.
 */
export async function ensureInstalled(
  dir: string,
  what: string,
  install: { readonly allowed: boolean; readonly flag: string },
  log: (line: string) => void,
): Promise<string | null> {
  let absent = missing(dir);
  if (absent.length === 0) return null;
  if (!install.allowed) return `not installed (${absent.join(', ')}); run without ${install.flag}`;
  const ci = existsSync(join(dir, 'package-lock.json'));
  log(`Installing ${what} with npm ${ci ? 'ci' : 'install'}, once…`);
  const started = Date.now();
  // npm gets the environment (proxy settings may live there) but not the npm_* variables of the
  // `npm run bench` around us: npm_config_local_prefix among them would point it at the root.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !entry[0].toLowerCase().startsWith('npm_'),
    ),
  );
  try {
    await run(
      'npm',
      [ci ? 'ci' : 'install', '--no-audit', '--no-fund', '--loglevel=error'],
      dir,
      10 * 60_000,
      env,
    );
  } catch (error) {
    return `npm could not install it: ${error instanceof Error ? error.message : String(error)}`;
  }
  log(`  installed in ${Math.round((Date.now() - started) / 1000)} s`);
  absent = missing(dir);
  return absent.length > 0 ? `install left out ${absent.join(', ')}` : null;
}
