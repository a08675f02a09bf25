/**
 * The plan of each claim statement as a tick sends it: 10,000 due sessions, a checkout's
 * `FollowupService.claimBatch`, the named statement run as the server runs it (custom plans for
 * 5 runs, then maybe the generic one) and explained by auto_explain (ANALYZE, BUFFERS, WAL) into
 * a notice: the plans asked for by `--show` printed, the run time of the others. `--rounds=2`
 * resets the due state between rounds on the same connection, as the A/B tools do.
 *
 *   node -r @swc-node/register bench/tools/claim-explain.ts [--root=<checkout>] [--due=10000] [--show=1,6] [--rounds=1]
 *
 * `--reset-sql=` (statements separated by `;`) runs in every reset after the truncation, as in
 * claim-cpu-ab.ts (`ANALYZE amora_followups`: the planner knows the check-ins as empty).
 */
import 'reflect-metadata';
import path from 'node:path';
import pg from 'pg';
import { arg } from '../lib/args';
import { databaseWithCheckIns, followupServiceAt, resetCheckIns } from '../lib/followup-service';
import { ROOT } from '../lib/child';
import { stopBenchPostgres } from '../lib/postgres';

async function main(): Promise<void> {
  const root = path.resolve(arg('root') ?? ROOT);
  const due = Number(arg('due') ?? 10_000);
  const show = new Set((arg('show') ?? '1,6,20').split(',').map(Number));
  const url = await databaseWithCheckIns('claim_explain', due);
  const client = new pg.Client({ connectionString: url, options: '-c TimeZone=UTC' });
  await client.connect();
  const resetSql = arg('reset-sql');
  await resetCheckIns(client, { sql: resetSql });
  await client.query(`LOAD 'auto_explain'`);
  await client.query(
    'SET auto_explain.log_min_duration = 0; SET auto_explain.log_analyze = on; SET auto_explain.log_buffers = on; SET auto_explain.log_wal = on; SET auto_explain.log_level = notice',
  );
  let n = 0;
  const db = {
    query: async (st: { name: string; text: string; values: unknown[] }) => {
      if (st.name !== 'followup_claim') {
        const started = performance.now();
        const rows = (await client.query(st)).rows;
        console.log(`-- ${st.name}: ${Math.round(performance.now() - started)} ms`);
        return rows;
      }
      const k = ++n;
      // The named statement itself, as the server sends it (custom plans for 5 runs, then maybe
      // the generic one), explained by auto_explain into a notice.
      const notices: string[] = [];
      const onNotice = (msg: { message?: string }) => notices.push(msg.message ?? '');
      client.on('notice', onNotice);
      const rows = (await client.query(st)).rows;
      client.off('notice', onNotice);
      const plan = notices.join('\n');
      if (show.has(k)) console.log(`-- claim ${k}\n${plan}`);
      else console.log(`-- claim ${k}: ${/duration: [\d.]+ ms/.exec(plan)?.[0]}`);
      return rows;
    },
  };
  const FollowupService = followupServiceAt(root);
  const service = new FollowupService(db, { now: () => new Date() });
  const rounds = Number(arg('rounds') ?? 1);
  try {
    for (let round = 1; round <= rounds; round++) {
      console.log(`== round ${round}`);
      if (round > 1) {
        // As claim-cpu-ab resets between rounds, on the same connection.
        await resetCheckIns(client, { sql: resetSql });
      }
      for (let batch = 0; batch < due / 2_000; batch++) await service.claimBatch(2_000);
    }
  } finally {
    await client.end();
    await stopBenchPostgres();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
