/**
 * The GraphQL Mesh baseline: bench/mesh/openapi.yaml composed by `mesh-compose` (with
 * `@omnigraph/openapi`) into a supergraph, served by `hive-gateway supergraph` over `@graphql-mesh/
 * transport-rest`. Its packages live in bench/mesh/node_modules, installed here on first use, never by
 * the root install. Everything this writes at run time goes to bench/mesh/node_modules/.bench.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { binOf, ensureInstalled, pinned, run } from './install.js';

export interface MeshPaths {
  readonly dir: string;
  readonly workDir: string;
  readonly composeBin: string;
  readonly gatewayBin: string;
}

export type MeshInstall =
  | { readonly ok: true; readonly paths: MeshPaths; readonly versions: string }
  | { readonly ok: false; readonly reason: string };

/** Makes sure bench/mesh/node_modules holds the pinned packages. Never throws: a failure is a reason. */
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
    const absent = await ensureInstalled(
      dir,
      'GraphQL Mesh into bench/mesh/node_modules (about 0.5 GB)',
      { allowed: install, flag: '--no-mesh-install' },
      log,
    );
    if (absent !== null) return { ok: false, reason: absent };
    const workDir = join(dir, 'node_modules', '.bench');
    mkdirSync(workDir, { recursive: true });
    return {
      ok: true,
      paths: {
        dir,
        workDir,
        composeBin: binOf(dir, '@graphql-mesh/compose-cli', 'mesh-compose'),
        gatewayBin: binOf(dir, '@graphql-hive/gateway', 'hive-gateway'),
      },
      versions: pinned(dir),
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
