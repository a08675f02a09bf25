/**
 * 4. The follow-up timer's tick with 1,000,000 sessions stored: none due (target under 10 ms: an
 * index on the due condition makes the cost follow what is due, not what is stored), then 10,000 due.
 *
 * The sessions are made in bulk by INSERT ... SELECT FROM generate_series. The due-selection SQL is
 * timed directly (and EXPLAIN ANALYZEd), and against the same query forced to a sequential scan as
 * the same-run baseline; when the server exposes the timer's tick(), the tick itself is timed too,
 * in an Amora server process of its own. "Met" is judged on the median (the claim is that the cost
 * follows what is due, not what is stored); the p99 is shown beside it and on this shared 2-core
 * machine mostly measures scheduling noise.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from 'pg';
import { amoraEnv, startChild } from './lib/child';
import { createBenchDatabase, withClient } from './lib/postgres';
import { median, quantile } from './lib/stats';
import type { Benchmark, Row } from './lib/types';

const STORED = 1_000_000;
const DUE = 10_000;
const USERS = 1_000;
const TARGET_MS = 10;
const RUNS = 30;

/** What a tick selects: the sessions due now (the claim's WHERE), one batch. */
const DUE_SQL = `SELECT id FROM amora_sessions WHERE next_follow_up_at <= now() AND status = 'ACTIVE' AND follow_up_enabled LIMIT 500`;
/** The first statement of FollowupService.claimBatch (src/followups/followup.service.ts), as it reads candidates. */
const CLAIM_READ_SQL = `SELECT s.id, s.user_id, s.title, s.primary_topic, s.status::text AS status, s.follow_up_enabled,
       s.follow_up_time, s.timezone, s.last_follow_up_at, s.next_follow_up_at, st.state
FROM amora_sessions s LEFT JOIN amora_session_state st ON st.session_id = s.id
WHERE s.next_follow_up_at <= now() ORDER BY s.next_follow_up_at LIMIT 500`;
const DUE_ALL_SQL = `SELECT id FROM amora_sessions WHERE next_follow_up_at <= now() AND status = 'ACTIVE' AND follow_up_enabled`;

async function timeQuery(
  client: Client,
  sql: string,
  runs = RUNS,
): Promise<{ median: number; p99: number; rows: number }> {
  for (let i = 0; i < 3; i++) await client.query(sql); // warm: catalog caches, buffers
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = await client.query(sql);
    times.push(performance.now() - start);
    rows = result.rowCount ?? 0;
  }
  return { median: median(times), p99: quantile(times, 0.99), rows };
}

async function explain(client: Client, sql: string): Promise<string[]> {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
  );
  return rows.map((row) => row['QUERY PLAN']);
}

async function seqScan(client: Client, sql: string): Promise<number> {
  await client.query(
    'SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off',
  );
  try {
    return (await timeQuery(client, sql, 3)).median;
  } finally {
    await client.query(
      'RESET enable_indexscan; RESET enable_bitmapscan; RESET enable_indexonlyscan',
    );
  }
}

export const benchmark: Benchmark = {
  name: 'followup-tick',
  title: 'follow-up tick',
  async run() {
    const url = await createBenchDatabase('tick');
    const notes: string[] = [];
    const rows: Row[] = [];
    const raw: Record<string, unknown> = {};

    await withClient(url, async (client) => {
      const t0 = performance.now();
      await client.query(
        `INSERT INTO amora_users (id) SELECT gen_random_uuid() FROM generate_series(1, ${USERS})`,
      );
      // A realistic mix: 80% ACTIVE, 40% with follow-ups on (due some time in the next 24 h), the
      // rest without a scheduled check-in.
      await client.query(`
        WITH u AS (SELECT array_agg(id) AS ids FROM amora_users)
        INSERT INTO amora_sessions (id, user_id, title, status, follow_up_enabled, follow_up_time, timezone, next_follow_up_at, last_activity_at)
        SELECT gen_random_uuid(), u.ids[1 + g % ${USERS}], 'Session ' || g,
               (CASE WHEN g % 10 < 8 THEN 'ACTIVE' WHEN g % 10 = 8 THEN 'PAUSED' ELSE 'COMPLETED' END)::"SessionStatus",
               g % 5 < 2, CASE WHEN g % 5 < 2 THEN '09:00' END, 'UTC',
               CASE WHEN g % 5 < 2 AND g % 10 < 8 THEN now() + (1 + g % 1439) * interval '1 minute' END,
               now() - (g % 10000) * interval '1 minute'
        FROM u, generate_series(1, ${STORED}) g`);
      await client.query('VACUUM ANALYZE amora_sessions');
      notes.push(
        `made ${STORED.toLocaleString()} sessions (${USERS} users) with INSERT ... SELECT generate_series + VACUUM ANALYZE in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      const indexes = await client.query<{ indexdef: string }>(
        `SELECT indexdef FROM pg_indexes WHERE tablename = 'amora_sessions' ORDER BY indexname`,
      );
      notes.push(
        `indexes on amora_sessions: ${indexes.rows.map((r) => r.indexdef.replace(/^CREATE (UNIQUE )?INDEX /, '').replace(/ ON public\.amora_sessions USING/, '')).join('; ')}`,
      );
    });

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amora-bench-data-'));
    // The SQL figures do not need the server: a server that cannot start yet only loses the tick rows.
    const server = await startChild('amora', amoraEnv(url, dataDir)).catch((error: Error) => {
      notes.push(
        `the Amora server did not start (${error.message.split('\n')[0]}): only the SQL is timed`,
      );
      return null;
    });
    try {
      const hasTick = server ? await server.call<boolean>('hasTick') : false;
      if (server && !hasTick)
        notes.push(
          'the server exposes no follow-up timer tick yet (src/followups): only the SQL is timed',
        );

      const measure = async (label: string, dueCount: number) => {
        await withClient(url, async (client) => {
          const select1 = await timeQuery(client, 'SELECT 1');
          const batch = await timeQuery(client, DUE_SQL);
          const all = await timeQuery(client, DUE_ALL_SQL, 10);
          const claimRead = await timeQuery(client, CLAIM_READ_SQL);
          const seq = await seqScan(client, DUE_SQL);
          if (batch.rows !== Math.min(500, dueCount) || all.rows !== dueCount) {
            throw new Error(
              `expected ${dueCount} due, the SQL found ${all.rows} (batch ${batch.rows})`,
            );
          }
          raw[`${label}.sql`] = { select1, batch, all, claimRead, seqScanMedian: seq };
          rows.push({
            figure: `due-selection SQL (LIMIT 500), ${label}: median / p99`,
            measured: `${batch.median.toFixed(2)} / ${batch.p99.toFixed(2)} ms`,
            target: dueCount === 0 ? `< ${TARGET_MS} ms` : '-',
            met: dueCount === 0 ? batch.median < TARGET_MS : null,
            ratio: `${(batch.median / seq).toFixed(4)}x a forced seq scan (${seq.toFixed(1)} ms); SELECT 1 ${select1.median.toFixed(2)} ms`,
          });
          rows.push({
            figure: `claimBatch's candidate read (ORDER BY next_follow_up_at LIMIT 500, + state), ${label}: median / p99`,
            measured: `${claimRead.median.toFixed(2)} / ${claimRead.p99.toFixed(2)} ms`,
            target: dueCount === 0 ? `< ${TARGET_MS} ms` : '-',
            met: dueCount === 0 ? claimRead.median < TARGET_MS : null,
            ratio: `${(claimRead.median / batch.median).toFixed(1)}x the plain due-selection`,
          });
          if (dueCount > 0) {
            rows.push({
              figure: `due-selection SQL (all ${dueCount.toLocaleString()} ids), ${label}: median`,
              measured: `${all.median.toFixed(2)} ms`,
              target: '-',
              met: null,
              ratio: `${(all.median / batch.median).toFixed(1)}x the 500-row batch`,
            });
          }
          const plan = await explain(client, CLAIM_READ_SQL);
          notes.push(
            `EXPLAIN (ANALYZE, BUFFERS) of the claim read, ${label}:\n      ${plan.join('\n      ')}`,
          );
          raw[`${label}.plan`] = plan;
        });
        if (server && hasTick) {
          const ticks: number[] = [];
          const results: unknown[] = [];
          // With nothing due a tick is repeatable (one untimed first, for the pool and Prisma's
          // query plans); with work due the first tick claims it, so it is timed once.
          if (dueCount === 0) await server.call('tick');
          for (let i = 0; i < (dueCount === 0 ? 50 : 1); i++) {
            const tick = await server.call<{ start: number; end: number; result: unknown }>('tick');
            ticks.push(tick.end - tick.start);
            results.push(tick.result);
          }
          raw[`${label}.tick`] = { ticks, result: results.at(-1) };
          rows.push({
            figure:
              dueCount === 0
                ? `tick(), ${label}: median / p99 of ${ticks.length}`
                : `tick(), ${label}: claim + deliver`,
            measured:
              dueCount === 0
                ? `${median(ticks).toFixed(2)} / ${quantile(ticks, 0.99).toFixed(2)} ms`
                : `${ticks[0].toFixed(1)} ms`,
            target: dueCount === 0 ? `< ${TARGET_MS} ms` : '-',
            met: dueCount === 0 ? median(ticks) < TARGET_MS : null,
            ratio: `result: ${JSON.stringify(results.at(-1)).slice(0, 80)}`,
          });
        }
      };

      await measure('none due', 0);
      // Due by the contract's rule too (src/followups/schedule.ts): today's check-in time has passed
      // and none was made today, so the tick writes check-ins rather than only rescheduling.
      await withClient(url, (client) =>
        client.query(
          `UPDATE amora_sessions SET follow_up_time = '00:00', timezone = 'UTC',
           next_follow_up_at = date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
         WHERE id IN (SELECT id FROM amora_sessions WHERE status = 'ACTIVE' AND follow_up_enabled ORDER BY id LIMIT ${DUE})`,
        ),
      );
      await measure(`${DUE.toLocaleString()} due`, DUE);
    } finally {
      await server?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    return { rows, notes, raw };
  },
};
