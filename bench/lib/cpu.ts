import fs from 'node:fs';

/** CPU time of every process on the machine, from /proc (Linux only; empty elsewhere). */
export type CpuSnapshot = Map<number, { comm: string; ppid: number; ms: number }>;

const TICK_MS = 10; // USER_HZ is 100 on Linux

export function cpuSnapshot(): CpuSnapshot {
  const out: CpuSnapshot = new Map();
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return out;
  }
  for (const name of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      // utime and stime are fields 14 and 15 of the line (11 and 12 after the comm).
      out.set(Number(name), {
        comm,
        ppid: Number(fields[1]),
        ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
      });
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/**
 * The pid of the postmaster serving `client` (the parent of its backend), so that only that
 * cluster's processes count as "PostgreSQL": other users of this machine run clusters of their own.
 * Null when the backend is not on this machine.
 */
export async function postmasterPid(client: {
  query(sql: string): Promise<{ rows: { pid: number }[] }>;
}): Promise<number | null> {
  const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
  try {
    const stat = fs.readFileSync(`/proc/${rows[0].pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/**
 * CPU milliseconds spent between two snapshots, grouped: the server's pid, PostgreSQL (the cluster
 * of `postmaster` and its children when given, else every process called postgres), this
 * process, the rest.
 */
export function cpuSpent(
  before: CpuSnapshot,
  after: CpuSnapshot,
  serverPid: number,
  postmaster: number | null = null,
): { server: number; postgres: number; loadGenerator: number; other: number } {
  const spent = { server: 0, postgres: 0, loadGenerator: 0, other: 0 };
  for (const [pid, now] of after) {
    const delta = now.ms - (before.get(pid)?.ms ?? 0);
    if (delta <= 0) continue;
    if (pid === serverPid) spent.server += delta;
    else if (pid === process.pid) spent.loadGenerator += delta;
    else if (
      postmaster === null
        ? now.comm === 'postgres'
        : pid === postmaster || (now.ppid === postmaster && now.comm === 'postgres')
    )
      spent.postgres += delta;
    else spent.other += delta;
  }
  return spent;
}

/**
 * CPU milliseconds the main thread (the event loop) of process `pid` has used so far: its task in
 * /proc has the process's own id. The process's figure adds worker threads (the coach engine's)
 * and V8's helper threads. 0 where /proc cannot tell.
 */
export function mainThreadCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/**
 * CPU milliseconds each thread of process `pid` has used so far, by thread id (/proc); empty where
 * /proc cannot tell. Node names none of its threads, so the caller tells them apart by their use:
 * the main thread's id is the pid, and under turn load the busiest other thread is the engine's
 * worker; the rest are V8's helper threads (GC, compilers) and libuv's.
 */
export function threadCpuMs(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  let tids: string[];
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * TICK_MS);
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

/**
 * Splits the CPU a process's threads used between two {@link threadCpuMs} readings: the main
 * thread, the busiest other thread (the engine worker, with one worker) and the rest.
 */
export function threadSplit(
  pid: number,
  before: Map<number, number>,
  after: Map<number, number>,
): { main: number; busiest: number; rest: number } {
  let main = 0;
  const others: number[] = [];
  for (const [tid, ms] of after) {
    const delta = ms - (before.get(tid) ?? 0);
    if (tid === pid) main = delta;
    else others.push(delta);
  }
  others.sort((a, b) => b - a);
  const busiest = others[0] ?? 0;
  return { main, busiest, rest: others.slice(1).reduce((a, b) => a + b, 0) };
}
