/**
 * A/B of the coach turn between this checkout and another (a baseline commit), in one run, on one
 * database, rounds alternating so that a busy machine weighs on both alike. Per round and variant:
 * a fresh server process, a counted warm-up (`--warmup=`, default 1,000 turns, so that V8 has
 * optimised the hot code however slow the machine is), then a counted measured run (`--turns=`,
 * default 1,500) of the coach-turn benchmark's turns over 8 connections (`--connections=`). Reports CPU per turn of
 * the server process, split into its main thread, its busiest other thread (the engine worker, with
 * the default one worker) and the rest (V8's compiler and GC helper threads), and of this cluster's
 * PostgreSQL processes (/proc), turns/s and latency. Engine worker threads on against off (in-process):
 * `--base=. --env=AMORA_ENGINE_WORKERS=0` ("this" is then the engine on the main thread).
 *
 *   git archive <commit> | tar -x -C /tmp/base && ln -s $PWD/node_modules /tmp/base/ && cp -r src/db/generated /tmp/base/src/db/
 *   node -r @swc-node/register bench/tools/turn-ab.ts --base=/tmp/base [--rounds=3] [--env=NAME=value]
 *
 * `--env` (repeatable) goes to this checkout's server only (e.g. to compare a setting's two values
 * with `--base=.`). `--typename` sends Amora's `{ __typename }` with a token instead of turns (the
 * request path without SQL or engine); `--rest` sends the turns to the REST shim (`POST /api/v1/coach/`). `--this-sql=` and `--base-sql=` (statements separated by
 * `;`) run before each round of that variant: with `--base=.` they compare two schemas (say, with
 * and without an index) under the same code. `--stats` prints, at the end, the index scans and
 * the updates that were HOT on the tables a turn writes (PostgreSQL's statistics of the whole run).
 */
import fs from 'node:fs';
import os from 'node:os';
import type { Client } from 'pg';
import path from 'node:path';
import { load, seed, turnRequests, type Load } from '../coach-turn';
import { signTokens } from '../lib/auth';
import { amoraEnv, ROOT, startChild } from '../lib/child';
import { messages } from '../lib/corpus';
import { cpuSnapshot, cpuSpent, postmasterPid, threadCpuMs, threadSplit } from '../lib/cpu';
import { createBenchDatabase, stopBenchPostgres, withClient } from '../lib/postgres';
import { printMedians, runInterleaved } from '../lib/ab';
import { arg } from '../lib/args';

async function main(): Promise<void> {
  const base = path.resolve(arg('base') ?? ROOT);
  const rounds = Number(arg('rounds') ?? 3);
  const warmup = Number(arg('warmup') ?? 1000);
  const turns = Number(arg('turns') ?? 1500);
  const connections = Number(arg('connections') ?? 8);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      void stopBenchPostgres().finally(() => process.exit(1));
    });
  const extraEnv = Object.fromEntries(
    process.argv
      .filter((a) => a.startsWith('--env='))
      // Split at the first '=' only: a value may hold one (NODE_OPTIONS=--flag=value).
      .map((a) => [a.slice(6, a.indexOf('=', 6)), a.slice(a.indexOf('=', 6) + 1)]),
  );
  const url = await createBenchDatabase('turn_ab');
  const postmaster = await withClient(url, (c) => postmasterPid(c as never));
  const { sessions, userIds } = await seed(url);
  const tokens = await signTokens(userIds);
  const tokenOf = new Map(userIds.map((id, i) => [id, tokens[i]]));
  const bodies = turnRequests(messages(4096, 7), sessions, tokenOf);
  const typename = process.argv.includes('--typename');
  const rest = process.argv.includes('--rest');
  const spec: Load = rest
    ? {
        path: '/api/v1/coach/',
        bodies: messages(4096, 7).map((text, i) => {
          const s = sessions[i % sessions.length];
          return {
            body: JSON.stringify({ specific_question: text, coach_session_id: s.id }),
            headers: bodies[i].headers,
          };
        }),
        verify: (b) => b.includes('"coach_session_id"') && !b.includes('"detail"'),
      }
    : typename
      ? {
          bodies: bodies.map((b) => ({ ...b, body: JSON.stringify({ query: '{ __typename }' }) })),
          verify: (b) => b.includes('"__typename"') && !b.includes('"errors"'),
        }
      : {
          bodies,
          verify: (b) => b.includes('"sendMessage"') && !b.includes('"errors"'),
        };
  const variants = [
    { label: 'this', root: ROOT, env: extraEnv, sql: arg('this-sql') },
    { label: 'base', root: base, env: {}, sql: arg('base-sql') },
  ];
  let measured = 0;
  const rows = await runInterleaved(variants, rounds, async (v, dataDir) => {
    measured++;
    const statements = (v.sql ?? '').split(';').filter((x) => x.trim());
    if (statements.length)
      await withClient(url, async (client) => {
        for (const statement of statements) await client.query(statement);
        await client.query('ANALYZE');
      });
    const server = await startChild('amora', amoraEnv(url, dataDir, v.env), { root: v.root });
    try {
      await load(server.url, spec, 600, undefined, {
        amount: warmup,
        connections,
      });
      const before = cpuSnapshot();
      const threadsBefore = threadCpuMs(server.pid);
      const started = performance.now();
      const r = await load(server.url, spec, 600, undefined, {
        amount: turns,
        connections,
      });
      const seconds = (performance.now() - started) / 1000;
      const cpu = cpuSpent(before, cpuSnapshot(), server.pid, postmaster);
      const threads = threadSplit(server.pid, threadsBefore, threadCpuMs(server.pid));
      const n = Math.max(1, r.requests.total);
      const failed = r.errors + r.timeouts + r.non2xx + r.mismatches;
      if (measured === rounds * variants.length && process.argv.includes('--stats'))
        await withClient(url, printStats);
      return {
        turnsPerS: Math.round(r.requests.total / seconds),
        serverMs: +(cpu.server / n).toFixed(3),
        mainThreadMs: +(threads.main / n).toFixed(3),
        // With one engine worker (the default here), its thread; else the busiest of them.
        workerMs: +(threads.busiest / n).toFixed(3),
        helperThreadsMs: +(threads.rest / n).toFixed(3),
        postgresMs: +(cpu.postgres / n).toFixed(3),
        totalMs: +((cpu.server + cpu.postgres) / n).toFixed(3),
        otherBusy: `${Math.round((cpu.other / (seconds * 1000 * os.cpus().length)) * 100)}%`,
        ...memoryOf(server.pid),
        p50: r.latency.p50,
        p99: r.latency.p99,
        max: r.latency.max,
        failed,
      };
    } finally {
      await server.stop();
    }
  });
  printMedians(
    rows,
    (med) =>
      `server ${med('serverMs')} (main thread ${med('mainThreadMs')}, worker ${med('workerMs')}, helpers ${med('helperThreadsMs')}) + PostgreSQL ${med('postgresMs')} = ${med('totalMs')} ms CPU per turn, ${med('turnsPerS')} turns/s, p99 ${med('p99')} ms`,
  );
}

/** The server's resident memory now and at its peak, in MB (/proc; empty where there is none). */
function memoryOf(pid: number): { rssMb?: number; peakRssMb?: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
    return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return {};
  }
}

/** Index scans and HOT updates on the tables a turn writes, as PostgreSQL counted them so far. */
async function printStats(client: Client): Promise<void> {
  const tables = `('amora_session_messages', 'amora_session_state', 'amora_followups', 'amora_sessions')`;
  const t = await client.query(
    `SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables WHERE relname IN ${tables} ORDER BY relname`,
  );
  const i = await client.query(
    `SELECT relname, indexrelname, idx_scan FROM pg_stat_user_indexes WHERE relname IN ${tables} ORDER BY relname, indexrelname`,
  );
  console.log(JSON.stringify({ tables: t.rows, indexes: i.rows }, null, 1));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
