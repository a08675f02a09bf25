/**
 * Where the migration tools get a PostgreSQL server: the one `DATABASE_URL` names, or a throwaway
 * embedded one. Either way they work only in databases they create and drop themselves.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres as startEmbedded } from '../../src/db/embedded';
import { dropDatabase, quoteIdent, runAdminStatement, withDatabaseName } from './wasm-engine';

/** A running PostgreSQL server and how to let go of it. */
export interface PostgresServer {
  /** Connection string to the server's `postgres` database (or to whatever `DATABASE_URL` named). */
  url: string;
  /** Stops the server if this process started it; a no-op for a server we were given. */
  stop(): Promise<void>;
}

/** Starts a throwaway embedded PostgreSQL in a temporary directory; `stop()` removes it again. */
export async function startEmbeddedPostgres(): Promise<PostgresServer> {
  const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amora-migrations-'));
  try {
    const embedded = await startEmbedded(baseDir);
    return {
      url: embedded.url,
      async stop() {
        await embedded.stop();
        fs.rmSync(baseDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(baseDir, { recursive: true, force: true });
    throw new Error(
      `Could not start an embedded PostgreSQL for the migration tools: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/**
 * Runs `fn` with a PostgreSQL server: `databaseUrl` if given (left running), else a throwaway
 * embedded one (stopped afterwards, even on failure).
 */
export async function withPostgresServer<T>(
  databaseUrl: string | undefined,
  fn: (serverUrl: string) => Promise<T>,
): Promise<T> {
  const server: PostgresServer = databaseUrl
    ? { url: databaseUrl, stop: async () => {} }
    : await startEmbeddedPostgres();
  try {
    return await fn(server.url);
  } finally {
    await server.stop();
  }
}

/**
 * Runs `fn` with a brand-new empty database on the server of `serverUrl`, dropped afterwards. The
 * developer's own database (the one `serverUrl` names) is only used to issue CREATE/DROP DATABASE.
 */
export async function withScratchDatabase<T>(
  serverUrl: string,
  fn: (databaseUrl: string) => Promise<T>,
): Promise<T> {
  const name = `amora_migrate_${crypto.randomBytes(6).toString('hex')}`;
  try {
    await runAdminStatement(serverUrl, `CREATE DATABASE ${quoteIdent(name)}`);
  } catch (error) {
    const hint =
      (error as { code?: string }).code === '42501'
        ? ' The migration tools need the CREATEDB privilege there.'
        : '';
    throw new Error(
      `Could not create a scratch database on ${new URL(serverUrl).host} (${(error as Error).message}).${hint} ` +
        'Unset DATABASE_URL to let the tools start an embedded PostgreSQL instead.',
      { cause: error },
    );
  }
  try {
    return await fn(withDatabaseName(serverUrl, name));
  } finally {
    await dropDatabase(serverUrl, name);
  }
}
