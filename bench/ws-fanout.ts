/**
 * 5. Check-in fan-out: 10,000 graphql-ws subscribers to `dueFollowups` on one Amora instance (one
 * per user, each user with one session), then 10,000 check-ins due at once: the time from the
 * start of the timer's tick to the last delivery (target within 1.5 s, issue 14), with the CPU the
 * server and PostgreSQL spent meanwhile (what load on a shared machine distorts least).
 *
 * The server runs in its own process; the subscribers are plain `ws` clients in this process
 * speaking graphql-transport-ws. Tick start and receipt times are wall-clock on the same machine.
 * Same-run baseline: a bare `ws` server sending the same number of messages to the same number
 * of identical clients in one loop.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signTokens } from './lib/auth';
import { amoraEnv, startChild, type ChildServer } from './lib/child';
import { cpuSnapshot, cpuSpent, postmasterPid } from './lib/cpu';
import { createBenchDatabase, insertCheckInSessions, withClient } from './lib/postgres';
import { median, quantile, sleep } from './lib/stats';
import { DUE_SUBSCRIPTION, misdelivered, subscriptionMissing } from './lib/subscription';
import type { Benchmark, Row } from './lib/types';
import { connectSubscribers, type Subscribers } from './lib/ws';

const SUBSCRIBERS = Number(process.env.AMORA_BENCH_SUBSCRIBERS ?? 10_000);
const TARGET_MS = 1500;
const DELIVERY_WAIT_MS = 20_000;

/** Waits until `expected` deliveries arrived (or the wait runs out); returns the last receipt time. */
async function waitForDeliveries(
  subscribers: Subscribers,
  expected: number,
  timeoutMs: number,
): Promise<{ delivered: number; times: number[] }> {
  const deadline = Date.now() + timeoutMs;
  const count = () => subscribers.received.reduce((n, list) => n + list.length, 0);
  while (count() < expected && Date.now() < deadline) await sleep(20);
  const times = subscribers.received.flatMap((list) => list.map((item) => item.at));
  return { delivered: times.length, times };
}

export const benchmark: Benchmark = {
  name: 'ws-fanout',
  title: 'websocket fan-out',
  async run() {
    const notes: string[] = [];
    const rows: Row[] = [];
    const raw: Record<string, unknown> = {};
    const url = await createBenchDatabase('fanout');
    const userIds = Array.from({ length: SUBSCRIBERS }, () => randomUUID());
    const sessionIds = userIds.map(() => randomUUID());
    await withClient(url, async (client) => {
      await insertCheckInSessions(client, userIds, sessionIds);
      await client.query('VACUUM ANALYZE amora_sessions');
    });
    const signStart = performance.now();
    const tokens = await signTokens(userIds);
    notes.push(
      `signed ${tokens.length.toLocaleString()} tokens in ${((performance.now() - signStart) / 1000).toFixed(1)} s`,
    );

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amora-bench-data-'));
    let server: ChildServer | null = null;
    let subscribers: Subscribers | null = null;
    try {
      server = await startChild('amora', amoraEnv(url, dataDir));
      const missing =
        (await subscriptionMissing(server.url, tokens[0])) ??
        ((await server.call<boolean>('hasTick'))
          ? null
          : 'the server exposes no follow-up timer tick');
      if (missing) {
        return {
          rows: [
            {
              figure: 'skipped',
              measured: '-',
              target: `< ${TARGET_MS} ms`,
              met: null,
              ratio: missing,
            },
          ],
          notes: [`skipped: ${missing}`],
        };
      }

      const connectStart = performance.now();
      subscribers = await connectSubscribers(server.url, tokens, DUE_SUBSCRIPTION, {
        concurrency: 200,
      });
      const connectMs = performance.now() - connectStart;
      await subscribers.flush();
      await sleep(500);
      notes.push(
        `${SUBSCRIBERS.toLocaleString()} subscribers connected and subscribed in ${(connectMs / 1000).toFixed(1)} s (${Math.round(SUBSCRIBERS / (connectMs / 1000)).toLocaleString()}/s)`,
      );

      // Due by the contract's rule (src/followups/schedule.ts): today's time has passed, none made today.
      await withClient(url, (client) =>
        client.query(
          `UPDATE amora_sessions SET follow_up_time = '00:00', next_follow_up_at = date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`,
        ),
      );
      const postmaster = await withClient(url, (client) => postmasterPid(client as never));
      const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
      const cpuBefore = cpuSnapshot();
      const tick = await server.call<{ start: number; end: number; result: unknown }>(
        'tick',
        {},
        60_000,
      );
      const { delivered, times } = await waitForDeliveries(
        subscribers,
        SUBSCRIBERS,
        DELIVERY_WAIT_MS,
      );
      const cpu = cpuSpent(cpuBefore, cpuSnapshot(), server.pid, postmaster);
      notes.push(
        `tick to last delivery: server CPU ${cpu.server} ms, PostgreSQL CPU ${cpu.postgres} ms, subscribers (this process) ${cpu.loadGenerator} ms, other processes ${cpu.other} ms; load average ${load} at the tick`,
      );
      const last = times.length ? Math.max(...times) - tick.start : Number.NaN;
      const latencies = times.map((t) => t - tick.start);
      const wrong = misdelivered(subscribers.received, sessionIds);
      raw.amora = {
        connectMs,
        tick,
        delivered,
        last,
        p50: median(latencies),
        p99: quantile(latencies, 0.99),
        wrong,
        cpu,
        load,
        errors: subscribers.errors.slice(0, 5),
      };
      await subscribers.close();
      subscribers = null;
      await server.stop();
      server = null;

      // Baseline: the same clients, a bare ws server, one send loop.
      const bare = await startChild('bare-ws', {});
      let baseLast = Number.NaN;
      let baseLoop = Number.NaN;
      try {
        subscribers = await connectSubscribers(bare.url, tokens, DUE_SUBSCRIPTION, {
          concurrency: 200,
        });
        await subscribers.flush();
        const broadcast = await bare.call<{ start: number; sent: number; loopMs: number }>(
          'broadcast',
        );
        const base = await waitForDeliveries(subscribers, SUBSCRIBERS, DELIVERY_WAIT_MS);
        baseLast = Math.max(...base.times) - broadcast.start;
        baseLoop = broadcast.loopMs;
        raw.bare = { last: baseLast, loopMs: baseLoop, delivered: base.delivered };
      } finally {
        await subscribers?.close();
        subscribers = null;
        await bare.stop();
      }

      rows.push(
        {
          figure: `tick start to last delivery, ${SUBSCRIBERS.toLocaleString()} subscribers, ${SUBSCRIBERS.toLocaleString()} due`,
          measured: `${last.toFixed(0)} ms`,
          target: `<= ${TARGET_MS} ms`,
          met: last <= TARGET_MS && delivered === SUBSCRIBERS && wrong === 0,
          ratio: `${(last / baseLast).toFixed(1)}x a bare ws send loop to the same clients (${baseLast.toFixed(0)} ms)`,
        },
        {
          figure: 'delivered / delivery p50 / p99 after tick start',
          measured: `${delivered.toLocaleString()}/${SUBSCRIBERS.toLocaleString()}, ${median(latencies).toFixed(0)} / ${quantile(latencies, 0.99).toFixed(0)} ms`,
          target: `all ${SUBSCRIBERS.toLocaleString()}`,
          met: delivered === SUBSCRIBERS && wrong === 0,
          ratio: `tick() itself ${(tick.end - tick.start).toFixed(0)} ms (claimed ${JSON.stringify(tick.result)})`,
        },
      );
      if (wrong)
        notes.push(`${wrong} subscribers got no check-in, more than one, or another session's`);
      if (subscribers === null && raw.amora && (raw.amora as { errors: string[] }).errors.length)
        notes.push(`client errors: ${(raw.amora as { errors: string[] }).errors.join(' | ')}`);
      notes.push(
        `bare ws baseline: send loop ${baseLoop.toFixed(0)} ms, last delivery ${baseLast.toFixed(0)} ms after it began`,
      );
      return { rows, notes, raw };
    } finally {
      await subscribers?.close();
      await server?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
