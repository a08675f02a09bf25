import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { applyMigrations, pendingMigrations } from './migrate';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';
import type { Logger } from 'pino';

/** The database handle every service receives. */
export interface Database {
  prisma: PrismaClient;
  /** The pool under Prisma; used for health checks and LISTEN-free raw work. */
  pool: pg.Pool;
  url: string;
  /** True when the database answers and every migration on disk is applied. */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

/** How to open the database. */
export interface OpenOptions {
  /** PostgreSQL to use; null starts the embedded one under `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  migrate: boolean;
  logger?: Logger;
  /** Connections in the pool; 2 cores answer best with a small pool. */
  poolSize?: number;
  /** Called with every SQL statement Prisma sends (tests count them). */
  onQuery?: (sql: string) => void;
}

/** Builds a Prisma client over a `pg` pool through the driver adapter (no native engine needed). */
export function createPrisma(pool: pg.Pool, onQuery?: (sql: string) => void): PrismaClient {
  const adapter = new PrismaPg(pool);
  if (!onQuery) return new PrismaClient({ adapter });
  const prisma = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  prisma.$on('query', (event) => onQuery(event.query));
  return prisma;
}

/**
 * Opens the database: starts the embedded PostgreSQL when no URL is given, applies pending
 * migrations when asked, and returns a pool-backed Prisma client.
 */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  let embedded: EmbeddedDatabase | null = null;
  let url = options.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(options.dataDir, (line) => options.logger?.debug({ postgres: line.trim() }, 'embedded postgres'));
    url = embedded.url;
    options.logger?.info({ port: embedded.port, dataDir: options.dataDir }, 'embedded PostgreSQL started');
  }
  try {
    if (options.migrate) {
      const applied = await applyMigrations(url);
      if (applied.length) options.logger?.info({ applied }, 'migrations applied');
    }
  } catch (error) {
    await embedded?.stop();
    throw error;
  }

  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 16,
    // The driver adapter sends timestamps without an offset: every session reads them as UTC.
    options: '-c TimeZone=UTC',
    // Fail fast when the database is away, so requests get a 503 rather than hanging.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', (error) => options.logger?.warn({ err: error.message }, 'idle database connection lost'));
  const prisma = createPrisma(pool, options.onQuery);

  return {
    prisma,
    pool,
    url,
    async isReady() {
      try {
        const pending = await pendingMigrations(async (sql) => (await pool.query(sql)).rows);
        return pending.length === 0;
      } catch {
        return false;
      }
    },
    async close() {
      await prisma.$disconnect().catch(() => undefined);
      await pool.end().catch(() => undefined);
      await embedded?.stop();
    },
  };
}
