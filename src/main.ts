import { ConfigError, configWarnings, loadConfig } from './config.js';
import type { AppConfig } from './config.js';
import { createLogger } from './logger.js';
import { startGateway } from './start.js';

/** Time on top of the drain for closing pools and the fake, before the process exits regardless. */
const CLOSE_GRACE_MS = 5_000;

/**
 * What a failure to start means for the operator, in one line: what went wrong and what to do.
 * Anything else is reported by its message alone; a stack trace helps no one starting a server.
 */
function startupProblem(error: unknown, config: AppConfig | undefined): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = config === undefined ? '' : ` ${String(config.port)} on ${config.host}`;
  if (code === 'EADDRINUSE') {
    return `Port${where} is in use: set PORT to a free port, or stop what listens there.`;
  }
  if (code === 'EACCES') {
    return `Port${where} needs privileges this process lacks: set PORT to 1024 or above.`;
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return `HOST ${config?.host ?? ''} is not an address of this machine: set HOST (127.0.0.1, or 0.0.0.0 for every interface).`;
  }
  return `Could not start: ${error instanceof Error ? error.message : String(error)}`;
}

let config: AppConfig | undefined;
try {
  config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  for (const warning of configWarnings(process.env, config)) logger.warn(warning);
  const gateway = await startGateway(config, logger);
  const started = config;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second signal means the operator will not wait for the drain.
      logger.warn('Second signal during shutdown; exiting now', { signal });
      process.exit(1);
    }
    stopping = true;
    logger.info('Shutting down', { signal, timeoutMs: started.shutdownTimeoutMs });
    setTimeout(() => {
      logger.error('Shutdown did not finish in time; exiting');
      process.exit(1);
    }, started.shutdownTimeoutMs + CLOSE_GRACE_MS).unref();
    gateway.shutdown(started.shutdownTimeoutMs).then(
      ({ forced }) => {
        logger.info('Stopped', { forced });
        process.exit(forced ? 1 : 0);
      },
      (error: unknown) => {
        logger.error('Shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : startupProblem(error, config)}\n`,
  );
  process.exit(1);
}
