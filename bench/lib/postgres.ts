import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded';
import { applyMigrations } from '../../src/db/migrate';

/**
 * The PostgreSQL the benchmarks use: the server in DATABASE_URL when set, else one embedded
 * cluster in a temporary directory, started on first use and shared by the benchmarks of one run.
 * Each benchmark gets a fresh, migrated database of its own in it, dropped afterwards.
 */
let cluster: Promise<{
  adminUrl: string;
  embedded: EmbeddedDatabase | null;
  dir: string | null;
}> | null = null;
const created: string[] = [];

function startCluster() {
  cluster ??= (async () => {
    const url = process.env.DATABASE_URL?.trim();
    if (url) return { adminUrl: url, embedded: null, dir: null };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amora-bench-pg-'));
    const started = performance.now();
    const embedded = await startEmbeddedPostgres(dir);
    // WAL write and fsync times in pg_stat_io, for the coach turn's tail evidence.
    await withClient(embedded.url, async (client) => {
      await client.query('ALTER SYSTEM SET track_wal_io_timing = on');
      await client.query('SELECT pg_reload_conf()');
    });
    console.log(
      `  [bench] embedded PostgreSQL started in ${Math.round(performance.now() - started)} ms (DATABASE_URL unset), port ${embedded.port}`,
    );
    return { adminUrl: embedded.url, embedded, dir };
  })();
  return cluster;
}

/** `url` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A fresh database with every migration applied; returns its URL. */
export async function createBenchDatabase(label: string): Promise<string> {
  const { adminUrl } = await startCluster();
  const name = `amora_bench_${label.replace(/\W/g, '_')}_${randomBytes(3).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  created.push(name);
  const url = withDatabase(adminUrl, name);
  await applyMigrations(url);
  return url;
}

/** Runs `fn` with a connected client and always closes it. */
export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Drops the databases this run made and stops the embedded cluster, if one was started. */
export async function stopBenchPostgres(): Promise<void> {
  if (!cluster) return;
  const { adminUrl, embedded, dir } = await cluster;
  if (!embedded) {
    for (const name of created) {
      await withClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      ).catch(() => undefined);
    }
  }
  await embedded?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  cluster = null;
}

/** Session topics the seeded check-in sessions cycle through (null: no topic). */
const SEED_TOPICS = [
  'heartbreak',
  'trust',
  'communication',
  'dating',
  'jealousy',
  'loneliness',
  null,
];

/**
 * Inserts one user per id and one session each with a daily check-in at 09:00 UTC, next due
 * tomorrow (the benchmarks move `next_follow_up_at` when they want them due).
 */
export async function insertCheckInSessions(
  client: Client,
  userIds: readonly string[],
  sessionIds: readonly string[],
): Promise<void> {
  await client.query('INSERT INTO amora_users (id) SELECT unnest($1::uuid[])', [userIds]);
  await client.query(
    `INSERT INTO amora_sessions (id, user_id, title, primary_topic, follow_up_enabled, follow_up_time, timezone, next_follow_up_at)
     SELECT s.id, s.user_id, 'Session ' || s.n, ($3::text[])[1 + s.n % $4], true, '09:00', 'UTC', now() + interval '1 day'
     FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS s(id, user_id, n)`,
    [sessionIds, userIds, SEED_TOPICS, SEED_TOPICS.length],
  );
}
