import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signToken } from '../src/auth/token';
import { startServerProcess, type ServerProcess } from './support/process';
import { waitFor } from './support/waiting';

/**
 * The embedded default after an unclean death of the server (`kill -9`, an out-of-memory kill):
 * the next `npm start` must come up on the same data, with no PostgreSQL to hunt down by hand, and
 * a second Amora on a directory still in use must refuse rather than disturb the first.
 */
describe('the embedded database after a crash', () => {
  const dirs: string[] = [];
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of servers) await server.stop('SIGKILL');
    for (const dir of dirs) {
      stopPostgresOn(path.join(dir, 'postgres'));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  async function start(dataDir: string): Promise<ServerProcess> {
    const server = await startServerProcess({
      AMORA_DATA_DIR: dataDir,
      AMORA_JWT_SECRET: undefined,
    });
    servers.push(server);
    return server;
  }

  function newDataDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amora-crash-'));
    dirs.push(dir);
    return dir;
  }

  async function writeSession(server: ServerProcess, dataDir: string, title: string) {
    const secret = fs.readFileSync(path.join(dataDir, 'jwt-secret'), 'utf8').trim();
    const headers = {
      authorization: `Bearer ${await signToken(secret, randomUUID())}`,
      'content-type': 'application/json',
    };
    const created = await fetch(`${server.url}/api/v1/coach/sessions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title }),
    });
    expect(created.status).toBe(200);
    return { headers, id: ((await created.json()) as { id: string }).id };
  }

  it('starts again on the same data when the orphaned PostgreSQL is still running', async () => {
    const dataDir = newDataDir();
    const databaseDir = path.join(dataDir, 'postgres');
    const first = await start(dataDir);
    const session = await writeSession(first, dataDir, 'Written before the crash');

    // The worst case: the watcher that would stop the orphan is gone too, as when a whole
    // container's processes but PostgreSQL are killed.
    const pidFile = path.join(databaseDir, 'postmaster.pid');
    const watchers = processesWhose(
      (argv) => argv.includes('amora-postgres-watch') && argv.includes(pidFile),
    );
    expect(watchers).toHaveLength(1);
    for (const pid of watchers) process.kill(pid, 'SIGKILL');
    expect(await first.stop('SIGKILL')).toBeNull();
    const orphans = postmastersOn(databaseDir);
    expect(orphans).toHaveLength(1);

    const second = await start(dataDir);
    const read = await fetch(`${second.url}/api/v1/coach/sessions/${session.id}`, {
      headers: session.headers,
    });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { title: string }).title).toBe('Written before the crash');
    expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
    const running = postmastersOn(databaseDir);
    expect(running).toHaveLength(1);
    expect(running[0]).not.toBe(orphans[0]);
  }, 120_000);

  it('does not leave PostgreSQL running for long after the server is killed', async () => {
    const dataDir = newDataDir();
    const databaseDir = path.join(dataDir, 'postgres');
    const server = await start(dataDir);
    await writeSession(server, dataDir, 'Still here after kill -9');
    expect(postmastersOn(databaseDir)).toHaveLength(1);
    expect(await server.stop('SIGKILL')).toBeNull();
    await waitFor(
      'the orphaned PostgreSQL to stop',
      () => postmastersOn(databaseDir).length === 0,
      20_000,
    );
    // Stopped cleanly, so the next start is an ordinary one.
    const again = await start(dataDir);
    expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
    expect(postmastersOn(databaseDir)).toHaveLength(1);
  }, 120_000);

  it('refuses a second Amora on a data directory in use and leaves the first serving', async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir);
    const session = await writeSession(first, dataDir, 'Owned by the first server');

    const second = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: path.join(__dirname, '..'),
      env: {
        ...process.env,
        DATABASE_URL: undefined,
        REDIS_URL: undefined,
        AMORA_JWT_SECRET: undefined,
        AMORA_DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    second.stdout.on('data', (chunk) => (output += chunk));
    second.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        second.kill('SIGKILL');
        reject(new Error(`the second server was still running after 20 s:\n${output}`));
      }, 20_000);
      second.once('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code).not.toBe(0);
    expect(output).toContain(`another Amora (PID ${first.child.pid}) is using ${dataDir}`);
    expect(output).toContain('AMORA_DATA_DIR');

    const read = await fetch(`${first.url}/api/v1/coach/sessions/${session.id}`, {
      headers: session.headers,
    });
    expect(read.status).toBe(200);
    expect(postmastersOn(path.join(dataDir, 'postgres'))).toHaveLength(1);
  }, 120_000);
});

/** PIDs of processes whose argument list satisfies `test` (Linux's /proc). */
function processesWhose(test: (argv: string[]) => boolean): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (test(argv)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** PostgreSQL servers (postmasters) running on `databaseDir`. */
function postmastersOn(databaseDir: string): number[] {
  return processesWhose(
    (argv) =>
      path.basename(argv[0] ?? '') === 'postgres' && argv[argv.indexOf('-D') + 1] === databaseDir,
  );
}

/** Leaves nothing behind whatever a test did. */
function stopPostgresOn(databaseDir: string): void {
  for (const pid of postmastersOn(databaseDir)) {
    try {
      process.kill(pid, 'SIGQUIT');
    } catch {
      // already gone
    }
  }
}
