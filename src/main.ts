import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startGateway } from './start.js';

/** Time on top of the drain for closing pools and the fake, before the process exits regardless. */
const CLOSE_GRACE_MS = 5_000;

try {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const gateway = await startGateway(config, logger);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second signal means the operator will not wait for the drain.
      logger.warn('Second signal during shutdown; exiting now', { signal });
      process.exit(1);
    }
    stopping = true;
    logger.info('Shutting down', { signal, timeoutMs: config.shutdownTimeoutMs });
    setTimeout(() => {
      logger.error('Shutdown did not finish in time; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + CLOSE_GRACE_MS).unref();
    gateway.shutdown(config.shutdownTimeoutMs).then(
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
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
