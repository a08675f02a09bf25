import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Who owns an embedded data directory, and what is left of an owner that died.
 *
 * The embedded PostgreSQL is a child of the Amora that started it, but an unclean death of that
 * Amora (`kill -9`, an out-of-memory kill) leaves it running on its own, holding the directory.
 * An ownership record (PID and the kernel's start time of that PID, so a PID reused by an
 * unrelated process is not taken for the owner) tells a later start whether the directory is
 * still in use or only holds an orphan it may stop.
 */

/** The record's file name inside the data directory. */
const OWNER_FILE = 'amora.owner.json';

/** What the record holds. */
interface OwnerRecord {
  pid: number;
  /** The process's start time as the kernel reports it, or null where it cannot be read. */
  started: string | null;
}

/** Refusal to share a data directory with an Amora that is still running. */
export class DataDirInUseError extends Error {
  constructor(
    readonly ownerPid: number,
    dataDir: string,
  ) {
    super(
      `another Amora (PID ${ownerPid}) is using ${dataDir}; stop it or set AMORA_DATA_DIR to another directory`,
    );
    this.name = 'DataDirInUseError';
  }
}

/**
 * Takes ownership of `dataDir` for this process, or throws {@link DataDirInUseError} when the
 * Amora recorded there is still alive. Returns a function that gives the directory up again.
 */
export function claimDataDir(dataDir: string, shownAs: string = dataDir): () => void {
  const file = path.join(dataDir, OWNER_FILE);
  const mine: OwnerRecord = { pid: process.pid, started: startTimeOf(process.pid) };
  const previous = readRecord(file);
  if (previous && previous.pid !== process.pid && isSameProcess(previous)) {
    throw new DataDirInUseError(previous.pid, shownAs);
  }
  // Written aside and renamed, so a reader never sees half a record.
  const temporary = `${file}.${process.pid}`;
  fs.writeFileSync(temporary, JSON.stringify(mine));
  fs.renameSync(temporary, file);
  return () => {
    const current = readRecord(file);
    if (current?.pid === process.pid) fs.rmSync(file, { force: true });
  };
}

/**
 * Stops a PostgreSQL still running on `databaseDir` after the Amora that started it died, with a
 * fast shutdown (SIGINT: sessions end, the WAL makes it safe), and waits until it has exited.
 * Does nothing when no server runs there.
 */
export async function stopOrphanedPostgres(databaseDir: string, timeoutMs = 30_000): Promise<void> {
  const pid = postmasterPid(databaseDir);
  if (pid === null || !isPostgres(pid)) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      throw new Error(
        `a PostgreSQL left running on ${databaseDir} (PID ${pid}) did not stop within ${timeoutMs / 1000} s; stop it and start again`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Starts a small watcher that stops the PostgreSQL on `databaseDir` (PID `postgresPid`) when this
 * process dies without stopping it. The watcher blocks reading a pipe whose only writer is this
 * process: the kernel closes it at our death, however it comes, and the watcher then sends a fast
 * shutdown, unless the server it was told about is already gone (a clean stop removes
 * `postmaster.pid`). It holds nothing else and ends with us.
 */
export function watchForOrphan(databaseDir: string, postgresPid: number): void {
  if (process.platform === 'win32') return;
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  const script =
    'cat >/dev/null; ' +
    'if [ "$(head -n 1 "$1" 2>/dev/null)" = "$2" ]; then kill -INT "$2" 2>/dev/null; fi';
  const watcher = spawn(
    '/bin/sh',
    ['-c', script, 'amora-postgres-watch', pidFile, String(postgresPid)],
    {
      stdio: ['pipe', 'ignore', 'ignore'],
      detached: true,
    },
  );
  watcher.on('error', () => {});
  // Neither the pipe nor the child may keep this process alive.
  watcher.unref();
  (watcher.stdin as unknown as { unref?: () => void } | null)?.unref?.();
}

/** The PID of the server recorded in `postmaster.pid`, or null when there is none. */
export function postmasterPid(databaseDir: string): number | null {
  try {
    const first = fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0];
    const pid = Number.parseInt(first, 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function readRecord(file: string): OwnerRecord | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<OwnerRecord>;
    return typeof parsed.pid === 'number'
      ? { pid: parsed.pid, started: parsed.started ?? null }
      : null;
  } catch {
    return null;
  }
}

/** True when the process recorded is still the one running under that PID. */
function isSameProcess(record: OwnerRecord): boolean {
  if (!isAlive(record.pid)) return false;
  const started = startTimeOf(record.pid);
  return record.started === null || started === null || started === record.started;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when `pid` runs a PostgreSQL server, where the platform lets us check (Linux's /proc). */
function isPostgres(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    return process.platform !== 'linux';
  }
}

/** Field 22 of /proc/PID/stat (start time in clock ticks after boot); null off Linux. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}
