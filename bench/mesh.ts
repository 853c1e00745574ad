/**
 * The GraphQL Mesh baseline: bench/mesh/openapi.yaml composed by `mesh-compose` (with
 * `@omnigraph/openapi`) into a supergraph, served by `hive-gateway supergraph` over `@graphql-mesh/
 * transport-rest`. Its packages live in bench/mesh/node_modules, installed here on first use, never by
 * the root install. Everything this writes at run time goes to bench/mesh/node_modules/.bench.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseEnv } from './processes.js';

export interface MeshPaths {
  readonly dir: string;
  readonly workDir: string;
  readonly composeBin: string;
  readonly gatewayBin: string;
}

export type MeshInstall =
  | { readonly ok: true; readonly paths: MeshPaths; readonly versions: string }
  | { readonly ok: false; readonly reason: string };

interface PackageJson {
  readonly version?: string;
  readonly dependencies?: Record<string, string>;
  readonly bin?: string | Record<string, string>;
}

const readJson = (path: string): PackageJson =>
  JSON.parse(readFileSync(path, 'utf8')) as PackageJson;

function binOf(dir: string, name: string, command: string): string {
  const pkg = readJson(join(dir, 'node_modules', name, 'package.json'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.[command];
  if (bin === undefined) throw new Error(`${name} has no ${command} binary`);
  return join(dir, 'node_modules', name, bin);
}

/** Which pinned dependencies are missing or at another version. */
function missing(dir: string): string[] {
  const wanted = readJson(join(dir, 'package.json')).dependencies ?? {};
  return Object.entries(wanted)
    .filter(([name, version]) => {
      const path = join(dir, 'node_modules', name, 'package.json');
      return !existsSync(path) || readJson(path).version !== version;
    })
    .map(([name, version]) => `${name}@${version}`);
}

function run(
  command: string,
  args: readonly string[],
  cwd: string,
  timeoutMs: number,
  env: Record<string, string> = baseEnv(),
): Promise<void> {
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
      if (code === 0) resolve();
      else
        reject(
          new Error(`${command} ${args.join(' ')} failed (${String(code ?? signal)}):\n${output}`),
        );
    });
  });
}

/**
 * Makes sure bench/mesh/node_modules holds the pinned packages, installing them when allowed
 * (`npm ci` when the lock file exists, else `npm install`). Never throws: a failure is a reason.
 */
export async function ensureMesh(
  repoRoot: string,
  install: boolean,
  log: (line: string) => void,
): Promise<MeshInstall> {
  const dir = join(repoRoot, 'bench', 'mesh');
  try {
    const [major] = process.versions.node.split('.').map(Number);
    if (major === undefined || major < 20)
      return {
        ok: false,
        reason: `Node ${process.version} is older than Hive Gateway's minimum (20)`,
      };
    let absent = missing(dir);
    if (absent.length > 0) {
      if (!install)
        return {
          ok: false,
          reason: `not installed (${absent.join(', ')}); run without --no-mesh-install`,
        };
      const ci = existsSync(join(dir, 'package-lock.json'));
      log(
        `Installing GraphQL Mesh into bench/mesh/node_modules (npm ${ci ? 'ci' : 'install'}, about 0.5 GB; once)…`,
      );
      const started = Date.now();
      // npm gets the environment (proxy settings may live there) but not the npm_* variables of the
      // `npm run bench` around us: npm_config_local_prefix among them would point it at the root.
      const env = Object.fromEntries(
        Object.entries(process.env).filter(
          (entry): entry is [string, string] =>
            entry[1] !== undefined && !entry[0].toLowerCase().startsWith('npm_'),
        ),
      );
      await run(
        'npm',
        [ci ? 'ci' : 'install', '--no-audit', '--no-fund', '--loglevel=error'],
        dir,
        10 * 60_000,
        env,
      );
      log(`  installed in ${Math.round((Date.now() - started) / 1000)} s`);
      absent = missing(dir);
      if (absent.length > 0) return { ok: false, reason: `install left out ${absent.join(', ')}` };
    }
    const workDir = join(dir, 'node_modules', '.bench');
    mkdirSync(workDir, { recursive: true });
    const wanted = readJson(join(dir, 'package.json')).dependencies ?? {};
    return {
      ok: true,
      paths: {
        dir,
        workDir,
        composeBin: binOf(dir, '@graphql-mesh/compose-cli', 'mesh-compose'),
        gatewayBin: binOf(dir, '@graphql-hive/gateway', 'hive-gateway'),
      },
      versions: Object.entries(wanted)
        .map(([name, version]) => `${name} ${version}`)
        .join(', '),
    };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Composes the supergraph against the fake's app (`appUrl`: base URL + account and app prefix), with
 * the caller's Authorization header forwarded on every REST call. A link from each listed participant
 * to its peer report (what a Mesh user adds for a fan-out in one operation) comes from
 * `additionalTypeDefs`. Returns the supergraph's path.
 */
export async function composeMesh(paths: MeshPaths, appUrl: string): Promise<string> {
  const config = `// Written by bench/mesh.ts for one benchmark run.
import { defineConfig } from '@graphql-mesh/compose-cli';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';

export const composeConfig = defineConfig({
  subgraphs: [
    {
      sourceHandler: loadOpenAPISubgraph('RealtimeKit', {
        source: ${JSON.stringify(join(paths.dir, 'openapi.yaml'))},
        endpoint: ${JSON.stringify(appUrl)},
        operationHeaders: { Authorization: '{context.headers.authorization}' },
      }),
    },
  ],
  additionalTypeDefs: /* GraphQL */ \`
    extend type ParticipantListItem {
      peerReport(filters: String): getPeerReport_200_response
        @resolveTo(
          sourceName: "RealtimeKit"
          sourceTypeName: "Query"
          sourceFieldName: "getPeerReport"
          requiredSelectionSet: "{ id }"
          sourceArgs: { peer_id: "{root.id}", filters: "{args.filters}" }
        )
    }
  \`,
});
`;
  writeFileSync(join(paths.workDir, 'mesh.config.mjs'), config);
  const supergraph = join(paths.workDir, 'supergraph.graphql');
  await run(
    process.execPath,
    [paths.composeBin, '-c', 'mesh.config.mjs', '-o', supergraph],
    paths.workDir,
    120_000,
  );
  return supergraph;
}
