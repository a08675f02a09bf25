/**
 * A/B of the check-in fan-out (ws-fanout's measure) between this checkout and another, rounds
 * alternating, on one database: per round and variant the due state is reset, a fresh server
 * starts, N graphql-ws subscribers connect, then one tick runs. Reports the wall time from the
 * tick's start to the last delivery, tick() itself, and the CPU the server, this cluster's
 * PostgreSQL and the subscribers (this process) spent from the tick's start to the last delivery
 * (/proc), with the load average beside each round: on a shared machine the CPU columns are what
 * load does not distort.
 *
 *   git archive <commit> | tar -x -C /tmp/base && ln -s $PWD/node_modules /tmp/base/ && cp -r src/db/generated /tmp/base/src/db/
 *   node -r @swc-node/register bench/tools/fanout-ab.ts --base=/tmp/base [--rounds=3] [--subscribers=10000]
 *
 * `--profile=DIR` writes a V8 CPU profile of this checkout's server over each measured window
 * (bench/servers/amora.ts's profileStart / profileStop; read with cpuprofile-summary.ts).
 * `--only=this` runs this checkout alone (no base needed). `--publish-only` measures delivery
 * alone: the server publishes one check-in event per subscriber straight into its pub/sub (no
 * claim, no SQL), through this checkout's bench/servers/amora.ts (copy it into the base).
 * `--this-sql=` and `--base-sql=` (statements separated by `;`) run before each round of that
 * variant, after the reset: the base's schema where it differs (the database is migrated by this
 * checkout).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { arg } from '../lib/args';
import { resetCheckIns } from '../lib/followup-service';
import { printMedians, runInterleaved } from '../lib/ab';
import { signTokens } from '../lib/auth';
import { amoraEnv, ROOT, startChild } from '../lib/child';
import { cpuSnapshot, cpuSpent, postmasterPid } from '../lib/cpu';
import { createBenchDatabase, insertCheckInSessions, withClient } from '../lib/postgres';
import { median, sleep } from '../lib/stats';
import { DUE_SUBSCRIPTION, misdelivered } from '../lib/subscription';
import { connectSubscribers } from '../lib/ws';

async function main(): Promise<void> {
  const count = Number(arg('subscribers') ?? 10_000);
  const rounds = Number(arg('rounds') ?? 3);
  const base = path.resolve(arg('base') ?? ROOT);
  const profileDir = arg('profile');
  const publishOnly = process.argv.includes('--publish-only');
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
  const url = await createBenchDatabase('fanout_ab');
  const postmaster = await withClient(url, (c) => postmasterPid(c as never));
  const userIds = Array.from({ length: count }, () => randomUUID());
  const sessionIds = userIds.map(() => randomUUID());
  await withClient(url, (client) => insertCheckInSessions(client, userIds, sessionIds));
  const tokens = await signTokens(userIds);
  const all = [
    { label: 'this', root: ROOT, sql: arg('this-sql') },
    { label: 'base', root: base, sql: arg('base-sql') },
  ];
  const only = arg('only');
  const variants = only ? all.filter((v) => v.label === only) : all;

  const rows = await runInterleaved(variants, rounds, async (v, dataDir) => {
    await withClient(url, (client) => resetCheckIns(client, { due: false, sql: v.sql }));
    const server = await startChild('amora', amoraEnv(url, dataDir), { root: v.root });
    const subscribers = await connectSubscribers(server.url, tokens, DUE_SUBSCRIPTION, {
      concurrency: 200,
    });
    try {
      await subscribers.flush();
      // Due by the contract's rule, as ws-fanout makes them: today's time has passed, none sent today.
      await withClient(url, (client) =>
        client.query(
          `UPDATE amora_sessions SET follow_up_time = '00:00', next_follow_up_at = date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`,
        ),
      );
      await sleep(500);
      const profiling = profileDir && v.label === 'this';
      if (profiling) await server.call('profileStart');
      const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
      const before = cpuSnapshot();
      const tick = publishOnly
        ? await server.call<{ start: number; end: number; result: unknown }>('publish', {
            users: userIds,
            sessions: sessionIds,
          })
        : await server.call<{ start: number; end: number; result: unknown }>('tick', {}, 120_000);
      const deadline = Date.now() + 30_000;
      const delivered = () => subscribers.received.reduce((n, list) => n + list.length, 0);
      while (delivered() < count && Date.now() < deadline) await sleep(5);
      const cpu = cpuSpent(before, cpuSnapshot(), server.pid, postmaster);
      if (profiling)
        await server.call('profileStop', {
          file: path.join(profileDir, `fanout-${v.label}-${Date.now()}.cpuprofile`),
        });
      const times = subscribers.received.flatMap((list) => list.map((item) => item.at));
      const wrong = misdelivered(subscribers.received, sessionIds);
      return {
        lastMs: Math.round(Math.max(...times) - tick.start),
        p50Ms: Math.round(median(times.map((t) => t - tick.start))),
        tickMs: Math.round(tick.end - tick.start),
        claimed: tick.result,
        delivered: times.length,
        wrong,
        serverCpuMs: cpu.server,
        postgresCpuMs: cpu.postgres,
        clientCpuMs: cpu.loadGenerator,
        otherCpuMs: cpu.other,
        load,
        cores: os.cpus().length,
      };
    } finally {
      await subscribers.close();
      await server.stop();
    }
  });
  printMedians(
    rows,
    (med) =>
      `last delivery ${med('lastMs')} ms, tick ${med('tickMs')} ms, server CPU ${med('serverCpuMs')} ms, PostgreSQL CPU ${med('postgresCpuMs')} ms, subscribers' CPU ${med('clientCpuMs')} ms`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
