/**
 * 6. Memory per idle websocket subscriber: an Amora server in its own process (started with
 * --expose-gc so every reading follows a full GC), `process.memoryUsage()` before and after 5,000
 * idle `dueFollowups` subscribers (one per user), divided by their number (target under 30 KB).
 * Same-run baseline: a bare `ws` server holding the same clients. After the clients leave, the
 * reading is taken again to show what is given back.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signTokens } from './lib/auth';
import { amoraEnv, startChild, type ChildServer } from './lib/child';
import { createBenchDatabase } from './lib/postgres';
import { kb, sleep } from './lib/stats';
import { DUE_SUBSCRIPTION, subscriptionMissing } from './lib/subscription';
import type { Benchmark } from './lib/types';
import { connectSubscribers } from './lib/ws';

const SUBSCRIBERS = Number(process.env.AMORA_BENCH_MEMORY_SUBSCRIBERS ?? 5_000);
const TARGET_BYTES = 30 * 1024;

interface Mem {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  gc: boolean;
}

/** Bytes per subscriber held by `server`: readings before, with the subscribers idle, and after they left. */
async function perSubscriber(
  server: ChildServer,
  tokens: string[],
): Promise<{
  heap: number;
  rss: number;
  heapAfterClose: number;
  rssAfterClose: number;
  before: Mem;
  during: Mem;
  after: Mem;
}> {
  // Warm-up: the first connections load code paths and grow pools that are not per-connection.
  const warm = await connectSubscribers(server.url, tokens.slice(0, 100), DUE_SUBSCRIPTION);
  await warm.flush();
  await warm.close();
  await sleep(500);
  const before = await server.call<Mem>('mem');
  const subscribers = await connectSubscribers(server.url, tokens, DUE_SUBSCRIPTION, {
    concurrency: 200,
  });
  await subscribers.flush();
  await sleep(1000);
  const during = await server.call<Mem>('mem');
  await subscribers.close();
  await sleep(1000);
  const after = await server.call<Mem>('mem');
  const n = tokens.length;
  const heapOf = (m: Mem) => m.heapUsed + m.external;
  return {
    heap: (heapOf(during) - heapOf(before)) / n,
    rss: (during.rss - before.rss) / n,
    heapAfterClose: (heapOf(after) - heapOf(before)) / n,
    rssAfterClose: (after.rss - before.rss) / n,
    before,
    during,
    after,
  };
}

export const benchmark: Benchmark = {
  name: 'ws-memory',
  title: 'memory per idle subscriber',
  async run() {
    const url = await createBenchDatabase('wsmem');
    const tokens = await signTokens(Array.from({ length: SUBSCRIBERS }, () => randomUUID()));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amora-bench-data-'));
    try {
      const amora = await startChild('amora', amoraEnv(url, dataDir), {
        nodeArgs: ['--expose-gc'],
      });
      let mine;
      try {
        const missing = await subscriptionMissing(amora.url, tokens[0]);
        if (missing)
          return {
            rows: [
              { figure: 'skipped', measured: '-', target: '< 30 KB', met: null, ratio: missing },
            ],
            notes: [`skipped: ${missing}`],
          };
        mine = await perSubscriber(amora, tokens);
      } finally {
        await amora.stop();
      }
      const bare = await startChild('bare-ws', {}, { nodeArgs: ['--expose-gc'] });
      let base;
      try {
        base = await perSubscriber(bare, tokens);
      } finally {
        await bare.stop();
      }
      return {
        rows: [
          {
            figure: `JS heap + external per idle subscriber (${SUBSCRIBERS.toLocaleString()}, after full GC)`,
            measured: kb(mine.heap),
            target: '< 30 KB',
            met: mine.heap < TARGET_BYTES,
            ratio: `${(mine.heap / base.heap).toFixed(1)}x a bare ws server's (${kb(base.heap)})`,
          },
          {
            figure: 'RSS per idle subscriber',
            measured: kb(mine.rss),
            target: '< 30 KB',
            met: mine.rss < TARGET_BYTES,
            ratio: `${(mine.rss / base.rss).toFixed(1)}x a bare ws server's (${kb(base.rss)})`,
          },
          {
            figure: 'left per subscriber after all closed (heap / RSS)',
            measured: `${kb(mine.heapAfterClose)} / ${kb(mine.rssAfterClose)}`,
            target: '-',
            met: null,
            ratio: `bare ws: ${kb(base.heapAfterClose)} / ${kb(base.rssAfterClose)}`,
          },
        ],
        notes: [
          `Amora: before ${(mine.before.rss / 2 ** 20).toFixed(0)} MB RSS, ${(mine.before.heapUsed / 2 ** 20).toFixed(0)} MB heap; with ${SUBSCRIBERS.toLocaleString()} subscribers ${(mine.during.rss / 2 ** 20).toFixed(0)} MB RSS, ${(mine.during.heapUsed / 2 ** 20).toFixed(0)} MB heap (gc exposed: ${mine.before.gc})`,
        ],
        raw: { amora: mine, bare: base },
      };
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
