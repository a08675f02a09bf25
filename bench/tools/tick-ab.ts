/**
 * A/B of one follow-up tick with many check-ins due, between this checkout and another (a baseline
 * commit), in one run on one database, rounds alternating. Per round and variant: the due state is
 * reset (no check-ins, no messages, every session due today), a fresh server process starts and
 * runs `tick()` once over IPC. Reports the tick's wall time and the CPU the server and this
 * cluster's PostgreSQL spent meanwhile (/proc). No subscribers: this is the claim path alone
 * (`npm run bench -- ws-fanout` adds the delivery).
 *
 *   git archive <commit> | tar -x -C /tmp/base && ln -s $PWD/node_modules /tmp/base/ && cp -r src/db/generated /tmp/base/src/db/
 *   node -r @swc-node/register bench/tools/tick-ab.ts --base=/tmp/base [--rounds=4] [--due=10000]
 *
 * `--this-sql=` and `--base-sql=` (statements separated by `;`) run before each round of that
 * variant, after the reset: with `--base=.` they compare two schemas under the same code.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { amoraEnv, ROOT, startChild } from '../lib/child';
import { cpuSnapshot, cpuSpent, postmasterPid } from '../lib/cpu';
import { createBenchDatabase, insertCheckInSessions, withClient } from '../lib/postgres';
import { printMedians, runInterleaved } from '../lib/ab';
import { arg } from '../lib/args';
import { resetCheckIns } from '../lib/followup-service';

async function main(): Promise<void> {
  const due = Number(arg('due') ?? 10_000);
  const rounds = Number(arg('rounds') ?? 4);
  const base = path.resolve(arg('base') ?? ROOT);
  const url = await createBenchDatabase('tick_ab');
  const postmaster = await withClient(url, (c) => postmasterPid(c as never));
  const userIds = Array.from({ length: due }, () => randomUUID());
  const sessionIds = userIds.map(() => randomUUID());
  await withClient(url, async (client) => {
    await insertCheckInSessions(client, userIds, sessionIds);
  });
  const variants = [
    { label: 'this', root: ROOT, sql: arg('this-sql') },
    { label: 'base', root: base, sql: arg('base-sql') },
  ];
  const rows = await runInterleaved(variants, rounds, async (v, dataDir) => {
    // Due by the contract's rule, as ws-fanout makes them: today's time has passed, none sent today.
    await withClient(url, (client) => resetCheckIns(client, { sql: v.sql }));
    const server = await startChild('amora', amoraEnv(url, dataDir), { root: v.root });
    try {
      const before = cpuSnapshot();
      const tick = await server.call<{ start: number; end: number; result: unknown }>(
        'tick',
        {},
        120_000,
      );
      const cpu = cpuSpent(before, cpuSnapshot(), server.pid, postmaster);
      return {
        tickMs: Math.round(tick.end - tick.start),
        claimed: tick.result,
        serverCpuMs: cpu.server,
        postgresCpuMs: cpu.postgres,
        otherCpuMs: cpu.other,
      };
    } finally {
      await server.stop();
    }
  });
  printMedians(
    rows,
    (med) =>
      `tick ${med('tickMs')} ms, server CPU ${med('serverCpuMs')} ms, PostgreSQL CPU ${med('postgresCpuMs')} ms`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
