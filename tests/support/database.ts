import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TEMPLATE_DB, withDatabase } from './global-setup';

/** A database of this test file's own, cloned from the migrated template. */
export interface TestDatabase {
  url: string;
  /** Runs SQL directly (for checks that must not go through the API). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.AMORA_TEST_ADMIN_URL;
  if (!url)
    throw new Error(
      'AMORA_TEST_ADMIN_URL is unset: run the tests through jest (npm test), whose global setup provides it',
    );
  return url;
}

/** Creates a fresh, migrated database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `amora_t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl(), name);
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    url,
    query: async <T>(sql: string, params: unknown[] = []) =>
      (await client.query(sql, params)).rows as T[],
    drop: async () => {
      await client.end();
      const dropper = new Client({ connectionString: adminUrl() });
      await dropper.connect();
      await dropper
        .query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        .finally(() => dropper.end());
    },
  };
}
