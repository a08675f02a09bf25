/**
 * What the HTTP layer in front of Apollo costs: a bare Apollo Server 5 answering `{ __typename }`
 * on a plain `node:http` handler (Apollo's standalone server), on Express 5 and on Fastify 5, in one
 * run, rounds alternating. Per round and front: a fresh server process, a counted warm-up
 * (`--warmup=`, default 5,000 requests) and a counted measured run (`--requests=`, default
 * 10,000) over 32 connections. Reports CPU per request of the server process (/proc), which a busy
 * machine disturbs far less than requests per second.
 *
 *   node -r @swc-node/register bench/tools/http-front.ts [--rounds=3]
 */
import os from 'node:os';
import { load } from '../coach-turn';
import { startChild } from '../lib/child';
import { cpuSnapshot, cpuSpent } from '../lib/cpu';
import { arg } from '../lib/args';

async function main(): Promise<void> {
  const rounds = Number(arg('rounds') ?? 3);
  const warmup = Number(arg('warmup') ?? 5000);
  const requests = Number(arg('requests') ?? 10000);
  const fronts = ['node:http', 'express', 'fastify'];
  const spec = {
    body: JSON.stringify({ query: '{ __typename }' }),
    verify: (b: string) => b.includes('"__typename"') && !b.includes('"errors"'),
  };
  const rows: { front: string; cpuMs: number; perS: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? fronts : [...fronts].reverse();
    for (const front of order) {
      const mode = front === 'node:http' ? 'standalone' : front;
      const server = await startChild('bare-apollo', {
        NODE_ENV: 'production',
        BARE_APOLLO_MODE: mode,
      });
      try {
        await load(server.url, spec, 600, undefined, { amount: warmup, connections: 32 });
        const before = cpuSnapshot();
        const started = performance.now();
        const r = await load(server.url, spec, 600, undefined, {
          amount: requests,
          connections: 32,
        });
        const seconds = (performance.now() - started) / 1000;
        const cpu = cpuSpent(before, cpuSnapshot(), server.pid);
        const failed = r.errors + r.timeouts + r.non2xx + r.mismatches;
        const row = {
          round: round + 1,
          front,
          cpuMs: +(cpu.server / Math.max(1, r.requests.total)).toFixed(4),
          perS: Math.round(r.requests.total / seconds),
          p99: r.latency.p99,
          otherBusy: `${Math.round((cpu.other / (seconds * 1000 * os.cpus().length)) * 100)}%`,
          failed,
        };
        rows.push(row);
        console.log(JSON.stringify(row));
      } finally {
        await server.stop();
      }
    }
  }
  for (const front of fronts) {
    const mine = rows.filter((r) => r.front === front);
    const cpu = mine.map((r) => r.cpuMs).sort((a, b) => a - b);
    const rate = mine.map((r) => r.perS).sort((a, b) => a - b);
    console.log(
      `${front}: median of ${mine.length} rounds: ${cpu[Math.floor(cpu.length / 2)]} ms CPU per request (range ${cpu[0]}-${cpu.at(-1)}), ${rate[Math.floor(rate.length / 2)]} req/s`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
