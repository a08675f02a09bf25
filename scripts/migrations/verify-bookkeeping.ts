/**
 * Checks that a database migrated WITHOUT the schema engine (each migration.sql run in order and
 * recorded in `_prisma_migrations`, as the app's runtime migrator does) is one Prisma's engine
 * calls up to date, and that the runtime's `_prisma_migrations` has the engine's exact shape.
 *
 *   node -r @swc-node/register scripts/migrations/verify-bookkeeping.ts
 *
 * The migrator checked is the runtime's own (src/db/migrate.ts). Exits 1 on any disagreement. Works in scratch databases (DATABASE_URL's server, or an embedded PostgreSQL).
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { MIGRATIONS_DIR, readMigrationList, readSchemaFiles } from './migrations-dir';
import { applyMigrations, migrationChecksum } from '../../src/db/migrate';
import { withPostgresServer, withScratchDatabase } from './postgres-server';
import { openSchemaEngine } from './wasm-engine';

/** A runtime migrator: applies pending migrations from `migrationsDir` to `databaseUrl`. */
export type Applier = (databaseUrl: string, migrationsDir: string) => Promise<unknown>;

/** One column of a table, as information_schema describes it. */
interface ColumnShape {
  column_name: string;
  data_type: string;
  character_maximum_length: number | null;
  is_nullable: string;
  column_default: string | null;
}

/** The shape of `_prisma_migrations` in a database: columns in order, and its primary key. */
async function describeMigrationsTable(
  databaseUrl: string,
): Promise<{ columns: ColumnShape[]; primaryKey: string[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const columns = await client.query<ColumnShape>(
      `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
         FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'
        ORDER BY ordinal_position`,
    );
    const primaryKey = await client.query<{ attname: string }>(
      `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indrelid = '"_prisma_migrations"'::regclass AND i.indisprimary`,
    );
    return { columns: columns.rows, primaryKey: primaryKey.rows.map((row) => row.attname) };
  } finally {
    await client.end();
  }
}

/** What the schema engine says about a database relative to the migrations folder. */
export interface EngineView {
  /** diagnoseMigrationHistory: `history` null and no failed/edited names means in sync. */
  diagnosis: unknown;
  /** devDiagnostic's action: `createMigration` means no drift; `reset` carries the reason. */
  devAction: unknown;
  /** What applyMigrations still applied (should be none). */
  appliedByEngine: string[];
  /** The SQL a new migration would need for schema.prisma (null: none). */
  pendingSchemaSql: string | null;
}

/** Asks the engine about `databaseUrl` the way `migrate status` / `migrate dev` would. */
export async function engineView(
  databaseUrl: string,
  migrationsDir: string = MIGRATIONS_DIR,
): Promise<EngineView> {
  const migrationsList = readMigrationList(migrationsDir);
  const schemaFiles = readSchemaFiles();
  const filters = { externalTables: [], externalEnums: [] };
  const se = await openSchemaEngine({ databaseUrl, schemaFiles });
  try {
    const diagnosis = await se.run('diagnoseMigrationHistory', {
      migrationsList,
      optInToShadowDatabase: true,
      filters,
    });
    const dev = await se.run('devDiagnostic', { migrationsList, filters });
    const applied = await se.run('applyMigrations', { migrationsList, filters });
    const next = await se.run('createMigration', {
      migrationName: 'check',
      draft: false,
      migrationsList,
      schema: { files: schemaFiles },
      filters,
    });
    return {
      diagnosis,
      devAction: dev.action,
      appliedByEngine: applied.appliedMigrationNames,
      pendingSchemaSql: next.migrationScript,
    };
  } finally {
    await se.close();
  }
}

/** Runs the whole verification; returns the problems found (none: the runtime's bookkeeping is Prisma's). */
export async function verifyBookkeeping(
  applier: Applier,
  serverUrl: string,
  log: (line: string) => void = console.log,
): Promise<string[]> {
  const problems: string[] = [];
  const migrationsDir = MIGRATIONS_DIR;

  // 1. The table the engine itself creates.
  const engineTable = await withScratchDatabase(serverUrl, async (url) => {
    const se = await openSchemaEngine({ databaseUrl: url });
    try {
      await se.run('applyMigrations', {
        migrationsList: readMigrationList(migrationsDir),
        filters: { externalTables: [], externalEnums: [] },
      });
    } finally {
      await se.close();
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum, logs, rolled_back_at, applied_steps_count, finished_at IS NOT NULL AS finished FROM "_prisma_migrations" ORDER BY migration_name',
    );
    await client.end();
    for (const row of rows.rows) {
      const expected = migrationChecksum(
        fs.readFileSync(path.join(migrationsDir, row.migration_name, 'migration.sql')),
      );
      if (row.checksum !== expected)
        problems.push(
          `engine checksum of ${row.migration_name} is ${row.checksum}, sha256 of the file is ${expected}`,
        );
    }
    log(`Engine-written rows: ${JSON.stringify(rows.rows)}`);
    return describeMigrationsTable(url);
  });
  log(`Engine-created _prisma_migrations: ${JSON.stringify(engineTable, null, 1)}`);

  // 2. A database migrated by the runtime, as the engine sees it.
  await withScratchDatabase(serverUrl, async (url) => {
    await applier(url, migrationsDir);
    const runtimeTable = await describeMigrationsTable(url);
    if (JSON.stringify(runtimeTable) !== JSON.stringify(engineTable)) {
      problems.push(
        `runtime _prisma_migrations differs from the engine's:\n runtime ${JSON.stringify(runtimeTable)}\n engine  ${JSON.stringify(engineTable)}`,
      );
    }
    const view = await engineView(url, migrationsDir);
    log(`Engine's view of the runtime-migrated database: ${JSON.stringify(view, null, 1)}`);
    const diagnosis = view.diagnosis as {
      history: unknown;
      failedMigrationNames: string[];
      editedMigrationNames: string[];
      hasMigrationsTable: boolean;
    };
    if (diagnosis.history !== null)
      problems.push(`diagnoseMigrationHistory history: ${JSON.stringify(diagnosis.history)}`);
    if (diagnosis.failedMigrationNames.length)
      problems.push(`failed migrations: ${diagnosis.failedMigrationNames.join(',')}`);
    if (diagnosis.editedMigrationNames.length)
      problems.push(`edited (checksum mismatch): ${diagnosis.editedMigrationNames.join(',')}`);
    if (!diagnosis.hasMigrationsTable) problems.push('engine sees no _prisma_migrations table');
    if ((view.devAction as { tag: string }).tag !== 'createMigration')
      problems.push(`devDiagnostic wants: ${JSON.stringify(view.devAction)}`);
    if (view.appliedByEngine.length)
      problems.push(`engine applied again: ${view.appliedByEngine.join(',')}`);
    if (view.pendingSchemaSql !== null)
      problems.push(`schema.prisma has changes not in a migration:\n${view.pendingSchemaSql}`);

    // Control: a wrong checksum must be noticed, or the check above proves nothing.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(
      `UPDATE "_prisma_migrations" SET checksum = repeat('0', 64) WHERE migration_name = (SELECT min(migration_name) FROM "_prisma_migrations")`,
    );
    await client.end();
    const se = await openSchemaEngine({ databaseUrl: url });
    let edited: string[];
    try {
      const diagnosis = await se.run('diagnoseMigrationHistory', {
        migrationsList: readMigrationList(migrationsDir),
        optInToShadowDatabase: false,
        filters: { externalTables: [], externalEnums: [] },
      });
      edited = diagnosis.editedMigrationNames;
    } finally {
      await se.close();
    }
    log(`Control, checksum tampered: editedMigrationNames = ${JSON.stringify(edited)}`);
    if (edited.length === 0)
      problems.push(
        'the engine did not notice a wrong checksum: the verification is not discriminating',
      );
  });
  return problems;
}

if (require.main === module) {
  (async () => {
    console.log('Runtime migrator under test: src/db/migrate.ts');
    const problems = await withPostgresServer(process.env.DATABASE_URL || undefined, (serverUrl) =>
      verifyBookkeeping(applyMigrations, serverUrl),
    );
    if (problems.length) {
      console.error(`\nNOT OK:\n- ${problems.join('\n- ')}`);
      process.exitCode = 1;
    } else {
      console.log(
        '\nOK: the engine reports the runtime-migrated database as up to date, and the tables are identical.',
      );
    }
  })().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  });
}
