import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startGateway } from './start.js';

try {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const gateway = await startGateway(config, logger);
  const stop = () => {
    logger.info('Shutting down');
    void gateway.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
