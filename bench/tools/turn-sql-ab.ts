/**
 * PostgreSQL's CPU for the coach turn's two statements alone, under two schemas, rounds
 * alternating: for changes to PostgreSQL's share too small for a whole-turn A/B (`turn-ab.ts`) to
 * resolve on a shared machine. One server first answers `--warmup=` real turns (default 1,500),
 * so that states, messages and their metadata are what a turn writes; then, per round and schema,
 * `--turns=` (default 3,000) turns' statements run back to back on one connection: the snapshot
 * read, then the commit of the read version, both as the named statements the server uses, with
 * the states and answer metadata the warm-up wrote. Reports the CPU of this cluster's processes
 * per turn (/proc) and the WAL written per turn.
 *
 *   node -r @swc-node/register bench/tools/turn-sql-ab.ts --this-sql='DROP INDEX ...' --base-sql='CREATE INDEX ...' [--rounds=6]
 *
 * `--this-sql=` and `--base-sql=` (statements separated by `;`) run before each round of that
 * variant; each must leave the schema in its own shape whatever the other did.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { load, seed, turnRequests } from '../coach-turn';
import { signTokens } from '../lib/auth';
import { amoraEnv, startChild } from '../lib/child';
import { messages } from '../lib/corpus';
import { cpuSnapshot, cpuSpent, postmasterPid } from '../lib/cpu';
import { createBenchDatabase, withClient } from '../lib/postgres';
import { printMedians, runInterleaved } from '../lib/ab';
import { arg } from '../lib/args';
import { COMMIT_SQL, SNAPSHOT_SQL } from '../../src/messages/message.repository';

async function main(): Promise<void> {
  const rounds = Number(arg('rounds') ?? 6);
  const warmup = Number(arg('warmup') ?? 1500);
  const turns = Number(arg('turns') ?? 3000);
  const url = await createBenchDatabase('turn_sql_ab');
  const postmaster = await withClient(url, (c) => postmasterPid(c as never));
  const { sessions, userIds } = await seed(url);
  const tokens = await signTokens(userIds);
  const tokenOf = new Map(userIds.map((id, i) => [id, tokens[i]]));
  const texts = messages(4096, 11);
  const bodies = turnRequests(texts, sessions, tokenOf);
  const variants = [
    { label: 'this', sql: arg('this-sql') },
    { label: 'base', sql: arg('base-sql') },
  ];
  // Real turns first: the states and metadata the statements below write back are the engine's.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amora-bench-sql-ab-'));
  const server = await startChild('amora', amoraEnv(url, dir));
  try {
    const verify = (b: string) => b.includes('"sendMessage"') && !b.includes('"errors"');
    await load(server.url, { bodies, verify }, 600, undefined, {
      amount: warmup,
      connections: 8,
    });
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const { states, metadata } = await withClient(url, async (c) => ({
    states: (
      await c.query<{ state: string }>(`SELECT state::text AS state FROM amora_session_state`)
    ).rows.map((r) => r.state),
    metadata: (
      await c.query<{ meta: string }>(
        `SELECT metadata::text AS meta FROM amora_session_messages WHERE sender = 'amora' ORDER BY seq DESC LIMIT 200`,
      )
    ).rows.map((r) => r.meta),
  }));
  const rows = await runInterleaved(variants, rounds, async (v) => {
    const client = new Client({ connectionString: url, options: '-c TimeZone=UTC' });
    await client.connect();
    try {
      for (const statement of (v.sql ?? '').split(';').filter((x) => x.trim()))
        await client.query(statement);
      await client.query('VACUUM ANALYZE');
      const wal = async () =>
        BigInt(
          (await client.query<{ lsn: string }>(`SELECT pg_current_wal_lsn() - '0/0' AS lsn`))
            .rows[0].lsn,
        );
      const walBefore = await wal();
      const before = cpuSnapshot();
      for (let i = 0; i < turns; i++) {
        const s = sessions[(i * 7) % sessions.length];
        const snap = await client.query<{ version: number | null }>({
          name: 'turn_snapshot',
          text: SNAPSHOT_SQL,
          values: [s.id, s.userId],
        });
        const version = snap.rows[0].version ?? 0;
        const now = new Date();
        await client.query({
          name: 'turn_commit',
          text: COMMIT_SQL,
          values: [
            s.id,
            s.userId,
            version + 1,
            states[i % states.length],
            now,
            version,
            randomUUID(),
            texts[i % texts.length],
            metadata[(i + 1) % metadata.length],
            randomUUID(),
            texts[(i + 17) % texts.length],
            metadata[i % metadata.length],
            null,
            null,
            null,
            false,
          ],
        });
      }
      const cpu = cpuSpent(before, cpuSnapshot(), process.pid, postmaster);
      const walBytes = Number((await wal()) - walBefore);
      return {
        postgresMsPerTurn: +(cpu.postgres / turns).toFixed(3),
        walBytesPerTurn: Math.round(walBytes / turns),
        otherCpuMs: cpu.other,
      };
    } finally {
      await client.end();
    }
  });
  printMedians(
    rows,
    (med) =>
      `PostgreSQL ${med('postgresMsPerTurn')} ms CPU per turn's statements, ${med('walBytesPerTurn')} B of WAL per turn`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
