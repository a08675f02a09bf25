/**
 * A/B of the claim path's Node CPU: `FollowupService.claimBatch` of this checkout against another
 * checkout's, in this one process, rounds alternating, over 10,000 due sessions on one database
 * (reset before each round). Reports `process.cpuUsage()` per full claim: the JS side of a tick
 * (reading rows, the due rule, prompts, JSON, the pg client), which machine load barely distorts;
 * and the CPU of this run's PostgreSQL cluster meanwhile (/proc): the statements' side, without a
 * server's HTTP and websocket work around it.
 *
 *   node -r @swc-node/register bench/tools/claim-cpu-ab.ts --base=/tmp/base [--rounds=6] [--due=10000]
 *
 * `--reset-sql=` (statements separated by `;`) runs in every reset, after the check-ins are
 * truncated: `ANALYZE amora_followups; ANALYZE amora_session_messages` makes each wave start from
 * tables the planner knows as empty (a new or emptied deployment's first wave).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { arg } from '../lib/args';
import { databaseWithCheckIns, followupServiceAt, resetCheckIns } from '../lib/followup-service';
import { ROOT } from '../lib/child';
import { cpuSnapshot, cpuSpent, postmasterPid } from '../lib/cpu';
import { stopBenchPostgres, withClient } from '../lib/postgres';

async function main(): Promise<void> {
  const base = path.resolve(arg('base') ?? ROOT);
  const rounds = Number(arg('rounds') ?? 6);
  const due = Number(arg('due') ?? 10_000);
  const resetSql = arg('reset-sql');
  const url = await databaseWithCheckIns('claim_cpu_ab', due);
  const postmaster = await withClient(url, (c) => postmasterPid(c as never));
  const pool = new pg.Pool({ connectionString: url, options: '-c TimeZone=UTC', max: 4 });
  // Both variants name their statements alike: a name per text keeps their prepared plans apart.
  const db = {
    query: async (st: { name: string; text: string; values: unknown[] }) =>
      (await pool.query({ ...st, name: `${st.name}_${st.text.length}` })).rows,
  };
  const variants = [
    { label: 'this', Service: followupServiceAt(ROOT) },
    { label: 'base', Service: followupServiceAt(base) },
  ];
  const spent: Record<string, number[]> = { this: [], base: [] };
  const database: Record<string, number[]> = { this: [], base: [] };
  try {
    for (let round = 0; round < rounds; round++) {
      for (const v of round % 2 ? [...variants].reverse() : variants) {
        await resetCheckIns(pool, { sql: resetSql });
        const service = new v.Service(db, { now: () => new Date() });
        const snapshot = cpuSnapshot();
        const before = process.cpuUsage();
        let claimed = 0;
        for (;;) {
          const batch = await service.claimBatch(2_000, () => undefined);
          claimed += batch.claimed.length;
          if (batch.read < 2_000) break;
        }
        const used = process.cpuUsage(before);
        const postgresCpuMs = cpuSpent(snapshot, cpuSnapshot(), -1, postmaster).postgres;
        const ms = Math.round((used.user + used.system) / 1000);
        spent[v.label].push(ms);
        database[v.label].push(postgresCpuMs);
        const loadavg = fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
        console.log(
          JSON.stringify({
            round: round + 1,
            variant: v.label,
            claimed,
            nodeCpuMs: ms,
            postgresCpuMs,
            load: loadavg,
          }),
        );
      }
    }
  } finally {
    await pool.end();
    await stopBenchPostgres();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
  for (const [label, values] of Object.entries(spent))
    console.log(
      `${label}: Node CPU per claim of ${due}: ${values.join(', ')} ms (median ${median(values)}); PostgreSQL CPU: ${database[label].join(', ')} ms (median ${median(database[label])})`,
    );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
