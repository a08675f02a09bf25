import fs from 'node:fs';

/** CPU time of every process on the machine, from /proc (Linux only; empty elsewhere). */
export type CpuSnapshot = Map<number, { comm: string; ms: number }>;

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
      out.set(Number(name), { comm, ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS });
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** CPU milliseconds spent between two snapshots, grouped: the server's pid, PostgreSQL, this process, the rest. */
export function cpuSpent(
  before: CpuSnapshot,
  after: CpuSnapshot,
  serverPid: number,
): { server: number; postgres: number; loadGenerator: number; other: number } {
  const spent = { server: 0, postgres: 0, loadGenerator: 0, other: 0 };
  for (const [pid, now] of after) {
    const delta = now.ms - (before.get(pid)?.ms ?? 0);
    if (delta <= 0) continue;
    if (pid === serverPid) spent.server += delta;
    else if (pid === process.pid) spent.loadGenerator += delta;
    else if (now.comm === 'postgres') spent.postgres += delta;
    else spent.other += delta;
  }
  return spent;
}
