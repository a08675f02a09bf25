import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { PROJECT_ROOT } from '../config';

/** Where the migrations made by Prisma's schema engine live (`prisma/migrations/<name>/migration.sql`). */
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'prisma', 'migrations');

/** Prisma's own bookkeeping table, created exactly as its schema engine creates it. */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Any fixed number: every instance takes the same advisory lock, so one applies and the rest wait. */
const MIGRATION_LOCK_KEY = 72_616_001;

/** The checksum Prisma records for a migration: SHA-256, hex, of the file's bytes as they are. */
export function migrationChecksum(fileContent: string | Buffer): string {
  return crypto.createHash('sha256').update(fileContent).digest('hex');
}

/** One migration folder on disk. */
export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/** The migrations in `dir`, oldest first (their folder names start with a timestamp). */
export function readMigrations(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  if (!fs.existsSync(dir)) {
    throw new Error(`No migrations folder at ${dir}: the checkout is incomplete.`);
  }
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')),
    )
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: migrationChecksum(sql) };
    });
}

/**
 * Applies the migrations the database has not seen, each in its own transaction, and records them
 * in `_prisma_migrations` the way Prisma does, so `prisma migrate status` agrees with us. Needs no
 * schema engine. Safe to run from many instances at once: an advisory lock serialises them.
 *
 * @returns the names of the migrations applied by this call.
 */
export async function applyMigrations(
  databaseUrl: string,
  dir: string = MIGRATIONS_DIR,
): Promise<string[]> {
  const migrations = readMigrations(dir);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const done = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const doneNames = new Set(done.rows.map((row) => row.migration_name));
    for (const migration of migrations) {
      if (doneNames.has(migration.name)) continue;
      try {
        await client.query('BEGIN');
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [crypto.randomUUID(), migration.checksum, migration.name],
        );
        await client.query('COMMIT');
        applied.push(migration.name);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new Error(
          `Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`,
          { cause: error },
        );
      }
    }
  } finally {
    await client
      .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
      .catch(() => undefined);
    await client.end();
  }
  return applied;
}

/** Names of migrations on disk that the database has not applied; empty when it is up to date. */
export async function pendingMigrations(
  query: (sql: string) => Promise<{ migration_name: string }[]>,
  dir: string = MIGRATIONS_DIR,
): Promise<string[]> {
  const rows = await query(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const done = new Set(rows.map((row) => row.migration_name));
  return readMigrations(dir)
    .map((m) => m.name)
    .filter((name) => !done.has(name));
}
