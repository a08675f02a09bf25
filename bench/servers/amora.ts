/**
 * An Amora server for the benchmarks, in a process of its own: the real startServer with the
 * configuration from the environment (bench/lib/child.ts sets it), plus IPC commands for
 * memory figures and for running the follow-up timer's tick on demand.
 */
import 'reflect-metadata';
import { loadConfig } from '../../src/config';
import { startServer, type AmoraServer } from '../../src/server/app';
import { createLogger } from '../../src/server/logger';
import { wallMs } from '../lib/stats';
import { serve } from './ipc';

type Tick = () => Promise<unknown>;

/** The follow-up timer's tick, wherever the server exposes it (the timer is being built in src/followups). */
export function findTick(server: AmoraServer): Tick | null {
  const candidates: unknown[] = [
    (server.services as unknown as Record<string, unknown>).followupTimer,
    (server as unknown as Record<string, unknown>).followups,
    (server as unknown as Record<string, unknown>).timer,
    (server as unknown as Record<string, unknown>).followUpTimer,
    (server.services as unknown as Record<string, unknown>).followups,
    (server.services as unknown as Record<string, unknown>).timer,
  ];
  for (const candidate of candidates) {
    const tick = (candidate as { tick?: unknown } | undefined)?.tick;
    if (typeof tick === 'function') return tick.bind(candidate) as Tick;
  }
  return null;
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const server = await startServer({ config, logger: createLogger('silent') });
  serve(
    server.url,
    {
      hasTick: () => findTick(server) !== null,
      tick: async () => {
        const tick = findTick(server);
        if (!tick) throw new Error('this server has no follow-up timer tick');
        const start = wallMs();
        const result = await tick();
        return {
          start,
          end: wallMs(),
          result: typeof result === 'object' ? JSON.parse(JSON.stringify(result)) : result,
        };
      },
    },
    () => server.stop(),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
