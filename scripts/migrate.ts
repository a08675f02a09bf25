/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL (or to the embedded database
 * in AMORA_DATA_DIR when it is unset) and exits. The server also does this at start unless
 * AMORA_MIGRATE_ON_START=false.
 */
import { loadConfig } from '../src/config';
import { startEmbeddedPostgres } from '../src/db/embedded';
import { applyMigrations } from '../src/db/migrate';

async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  try {
    const applied = await applyMigrations(config.databaseUrl ?? embedded!.url);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
