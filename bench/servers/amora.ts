/**
 * An Amora server for the benchmarks, in a process of its own: the real startServer with the
 * configuration from the environment (bench/lib/child.ts sets it), plus IPC commands for
 * memory figures and for running the follow-up timer's tick on demand.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadConfig } from '../../src/config';
import { startServer, type AmoraServer } from '../../src/server/app';
import { createLogger } from '../../src/server/logger';
import { wallMs } from '../lib/stats';
import { serve } from './ipc';

type Tick = () => Promise<unknown>;
type PublishOnly = { publish(topic: string, id: string, payload: unknown): void };

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

/** A V8 CPU profile of a window the caller chooses (e.g. one tick and its deliveries), not the whole life. */
function windowProfiler() {
  let session: Session | null = null;
  return {
    profileStart: async () => {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 250 });
      await session.post('Profiler.start');
      return true;
    },
    profileStop: async (args: Record<string, unknown>) => {
      if (!session) throw new Error('no profile started');
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      session = null;
      fs.writeFileSync(String(args.file), JSON.stringify(profile));
      return args.file;
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const server = await startServer({ config, logger: createLogger('silent') });
  serve(
    server.url,
    {
      ...windowProfiler(),
      hasTick: () => findTick(server) !== null,
      // Delivery alone: one check-in event per user straight into the timer's pub/sub, no claim.
      publish: (args) => {
        const pubSub = (server.services.followupTimer as unknown as { pubSub: PublishOnly }).pubSub;
        const users = args.users as string[];
        const sessions = args.sessions as string[];
        const start = wallMs();
        const dueAt = new Date().toISOString();
        for (let i = 0; i < users.length; i++)
          pubSub.publish('FOLLOWUP_DUE', users[i], {
            coachSessionId: sessions[i],
            userId: users[i],
            title: `Session ${i}`,
            primaryTopic: null,
            prompt: 'I wanted to check in on how you are doing. How have things been since then?',
            dueAt,
          });
        return { start, end: wallMs(), result: users.length };
      },
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
