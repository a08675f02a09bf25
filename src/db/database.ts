import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { applyMigrations, pendingMigrations } from './migrate';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';
import type { Logger } from 'pino';

/** One SQL statement for {@link Database.query}: `name` identifies its text (one text per name). */
export interface Statement {
  name: string;
  text: string;
  values: unknown[];
}

/** The database handle every service receives. */
export interface Database {
  prisma: PrismaClient;
  /** The pool under Prisma; used for health checks and LISTEN-free raw work. */
  pool: pg.Pool;
  url: string;
  /** Whether {@link Database.query} sends named (prepared) statements. */
  preparedStatements: boolean;
  /**
   * Runs one statement straight on the pool (no Prisma), for hot paths. With prepared statements on,
   * each connection parses and plans it once under `name` and then only binds and executes it.
   */
  query<R = Record<string, unknown>>(statement: Statement): Promise<R[]>;
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
  /** Longest a statement may go unanswered before it fails and its connection is dropped; 0: no limit. */
  queryTimeoutMs?: number;
  /** Named statements in {@link Database.query}: true, false, or null to decide from the URL. */
  preparedStatements?: boolean | null;
}

/**
 * Whether named statements are safe on `url` when the setting leaves it open: yes for the embedded
 * database and direct connections; no behind a transaction-mode pooler (PgBouncer marked with
 * `pgbouncer=true` as Prisma has it, Supabase's pooler on port 6543), where consecutive statements
 * may reach different server connections that never saw the PREPARE.
 */
export function preparedStatementsFor(url: string | null, setting: boolean | null): boolean {
  if (setting !== null) return setting;
  if (!url) return true;
  try {
    const parsed = new URL(url);
    if (parsed.searchParams.get('pgbouncer') === 'true') return false;
    if (parsed.port === '6543') return false;
  } catch {
    return true;
  }
  return true;
}

/** What pg says when a statement outlived `query_timeout`. */
const QUERY_TIMEOUT_MESSAGE = 'Query read timeout';

/**
 * A pg client that drops its connection when a statement outlives `query_timeout`. pg fails the
 * statement but keeps the connection, whose unanswered statement then blocks every later one (a
 * network partition, a frozen server); dropped, it is no longer queryable and the pool discards it
 * on release, so the next request gets a fresh connection once the database answers again.
 */
class GuardedClient extends pg.Client {
  // pg.Client's query has a dozen overloads returning different things; only `any` overrides them all.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: unknown[]): any {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (error: Error | null, result: unknown) => {
        this.dropOnTimeout(error);
        (last as (error: Error | null, result: unknown) => void)(error, result);
      };
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) result.catch((error: Error) => this.dropOnTimeout(error));
    return result;
  }

  private dropOnTimeout(error: Error | null): void {
    if (error?.message !== QUERY_TIMEOUT_MESSAGE) return;
    // The 'error' pg emits for the cut connection is expected; without a listener it would crash the process.
    this.once('error', () => undefined);
    (
      this as unknown as { connection: { stream: { destroy(): void } } }
    ).connection.stream.destroy();
  }
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
    embedded = await startEmbeddedPostgres(options.dataDir, (line) =>
      options.logger?.debug({ postgres: line.trim() }, 'embedded postgres'),
    );
    url = embedded.url;
    options.logger?.info(
      { port: embedded.port, dataDir: options.dataDir },
      'embedded PostgreSQL started',
    );
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
    Client: GuardedClient,
    connectionString: url,
    max: options.poolSize ?? 16,
    // The driver adapter sends timestamps without an offset: every session reads them as UTC.
    options: '-c TimeZone=UTC',
    // Fail fast when the database is away, so requests get a 503 rather than hanging.
    connectionTimeoutMillis: 5_000,
    // ...and when it stops answering on a connection already open (see GuardedClient).
    query_timeout: options.queryTimeoutMs || undefined,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', (error) =>
    options.logger?.warn({ err: error.message }, 'idle database connection lost'),
  );
  const prisma = createPrisma(pool, options.onQuery);
  const prepared = preparedStatementsFor(options.databaseUrl, options.preparedStatements ?? null);
  const onQuery = options.onQuery;
  // Some connection poolers (PgBouncer, Supavisor) drop the TimeZone startup option; sessions then
  // get the database's default zone, and timestamps would be misread. Say so loudly, once.
  pool.query<{ zone: string }>(`SELECT current_setting('TimeZone') AS zone`).then(
    ({ rows }) => {
      const zone = rows[0]?.zone ?? 'UTC';
      if (!/^(Etc\/)?(UTC|UCT|Zulu|GMT0?|Universal)$/i.test(zone)) {
        options.logger?.warn(
          { zone },
          `database sessions run in time zone ${zone}, not UTC (a connection pooler ignoring the TimeZone startup option?): run ALTER DATABASE <name> SET timezone TO 'UTC'`,
        );
      }
    },
    () => undefined,
  );

  return {
    prisma,
    pool,
    url,
    preparedStatements: prepared,
    async query<R>(statement: Statement): Promise<R[]> {
      onQuery?.(statement.text);
      const result = await pool.query(
        prepared ? statement : { text: statement.text, values: statement.values },
      );
      return result.rows as R[];
    },
    async isReady() {
      try {
        const pending = await pendingMigrations(
          async (sql) => (await pool.query<{ migration_name: string }>(sql)).rows,
        );
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
