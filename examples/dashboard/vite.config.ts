import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { Plugin, PreviewServer, UserConfig, ViteDevServer } from 'vite';

/** The dashboard's folder: Vite's root, wherever Vite is started from. */
const ROOT = fileURLToPath(new URL('.', import.meta.url));
/** The gateway as `npm run build` compiles it: what `npm start` runs. */
const GATEWAY_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const PORT = 5173;
const START_TIMEOUT_MS = 20_000;

/**
 * The dashboard's Vite config, in front of a gateway whose GraphQL endpoint is `gatewayUrl`. The
 * page talks to `/graphql` on its own origin, and the dev and preview servers forward that path to
 * the gateway: queries (POST), and subscriptions over WebSocket (`ws: true`) or Server-Sent Events.
 * The Host header is kept (no `changeOrigin`), so to the gateway the page is same-origin: no
 * CORS_ORIGINS entry is needed, and its WebSocket origin check lets the page in.
 */
export function dashboardConfig(gatewayUrl: string): UserConfig {
  const proxy = { '/graphql': { target: new URL(gatewayUrl).origin, ws: true } };
  return {
    root: ROOT,
    // Everything the page loads is in the bundle: no CDN script, font or stylesheet.
    build: { outDir: 'dist', emptyOutDir: true },
    server: { host: '127.0.0.1', port: PORT, strictPort: true, proxy },
    preview: { host: '127.0.0.1', port: PORT, strictPort: true, proxy },
  };
}

interface StartedGateway {
  /** Its GraphQL endpoint. */
  readonly url: string;
  /** In demo mode, the seeded data's ended session. */
  readonly endedSessionId: string | undefined;
}

/**
 * Starts `node dist/main.js` on a free loopback port and waits for its start-up log line, which
 * names its endpoint (and, in demo mode, the seeded data's ids). The gateway stops with Vite.
 */
function startGateway(): Promise<StartedGateway> {
  if (!existsSync(GATEWAY_MAIN)) {
    throw new Error(`${GATEWAY_MAIN} is missing: run \`npm run build\` first.`);
  }
  // Its start-up line is logged at info: a higher LOG_LEVEL would hide it.
  const level = process.env.LOG_LEVEL === 'debug' ? 'debug' : 'info';
  const child = spawn(process.execPath, [GATEWAY_MAIN], {
    env: { ...process.env, LOG_LEVEL: level, PORT: '0', HOST: '127.0.0.1' },
    // Its log is JSON lines on stderr.
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  process.once('exit', () => child.kill());
  return new Promise((resolve, reject) => {
    let started = false;
    const timeout = setTimeout(() => {
      child.kill();
      reject(new Error(`The gateway did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timeout);
      if (!started)
        reject(new Error(`The gateway exited (code ${code ?? 'none'}) before it started`));
    });
    // JSON lines: the one with `graphql` says where it listens; after it, only warnings and errors
    // are shown (its request log would drown Vite's output).
    createInterface({ input: child.stderr }).on('line', (line) => {
      let entry: { level?: string; graphql?: unknown; demo?: { endedSessionId?: string } };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        process.stderr.write(`${line}\n`);
        return;
      }
      if (!started && typeof entry.graphql === 'string') {
        started = true;
        clearTimeout(timeout);
        resolve({ url: entry.graphql, endedSessionId: entry.demo?.endedSessionId });
      } else if (entry.level !== 'info' && entry.level !== 'debug') {
        process.stderr.write(`${line}\n`);
      }
    });
  });
}

/** After Vite's own banner: where the gateway is, and the page on the demo's ended session. */
function printLinks(gateway: StartedGateway): Plugin {
  const session = gateway.endedSessionId === undefined ? '' : `?session=${gateway.endedSessionId}`;
  const hook = (server: ViteDevServer | PreviewServer) => {
    const printUrls = server.printUrls.bind(server);
    server.printUrls = () => {
      printUrls();
      const page = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${PORT}/`;
      server.config.logger.info(
        `\n  Gateway:   ${gateway.url}\n  GraphiQL:  ${page}graphql (through the proxy)\n  Dashboard: ${page}${session}\n`,
      );
    };
  };
  return { name: 'dashboard-demo-links', configureServer: hook, configurePreviewServer: hook };
}

/*
 * `vite` / `vite build` / `vite preview` in this folder: in front of the gateway at GATEWAY_URL
 * (default: `npm start`'s, http://127.0.0.1:4000/graphql). With `--mode demo` (as `npm run
 * dashboard` does), the dev and preview servers start the demo gateway themselves.
 */
export default defineConfig(async ({ command, mode }) => {
  const configured = process.env.GATEWAY_URL;
  if (mode !== 'demo' || command !== 'serve' || configured !== undefined) {
    return dashboardConfig(configured ?? 'http://127.0.0.1:4000/graphql');
  }
  const gateway = await startGateway();
  return { ...dashboardConfig(gateway.url), plugins: [printLinks(gateway)] };
});
