import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded';
import { applyMigrations } from '../../src/db/migrate';

/** Name of the migrated database each test file copies its own database from. */
export const TEMPLATE_DB = 'amora_test_template';

/**
 * Once per run: the PostgreSQL the tests use (the one in DATABASE_URL, else an embedded one made
 * for this run), and a migrated template database that each test file clones in milliseconds.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amora-test-pg-'));
    const embedded = await startEmbeddedPostgres(dir);
    adminUrl = embedded.url;
    (globalThis as { __amoraEmbedded?: unknown }).__amoraEmbedded = {
      stop: () => embedded.stop(),
      dir,
    };
    console.log(
      `\n[tests] embedded PostgreSQL started (DATABASE_URL unset) on port ${embedded.port}`,
    );
  } else {
    console.log(`\n[tests] using the PostgreSQL in DATABASE_URL`);
  }
  process.env.AMORA_TEST_ADMIN_URL = adminUrl;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  await applyMigrations(withDatabase(adminUrl, TEMPLATE_DB));
}

/** `url` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
