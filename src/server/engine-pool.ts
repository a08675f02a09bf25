import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { CoachEngine, SafetyResources, TurnInput, TurnResult } from '../coach';
import { EngineUnavailableError } from '../errors';
import type { TurnEngine } from '../messages/message.service';
import {
  respondStored,
  type StoredTurnInput,
  type StoredTurnResult,
} from '../messages/stored-turn';

/**
 * The coaching engine as the server runs it: a {@link TurnEngine} with a start and an end. Either
 * in-process ({@link inProcessEngine}) or in worker threads ({@link createEnginePool}).
 */
export interface EngineRunner extends TurnEngine {
  /** Resolves once turns can be answered; rejects with the reason when the engine cannot be built. */
  ready(): Promise<void>;
  /** Ends the engine's threads; turns still waiting fail with {@link EngineUnavailableError}. */
  close(): Promise<void>;
  /** Thread ids of the worker threads not yet exited (none in-process), for tests and diagnostics. */
  threadIds(): number[];
}

/** What a worker is started with (structured-cloned into it). */
export interface EngineWorkerData {
  safety: SafetyResources;
  exitOnText?: string;
}

/** A turn sent to a worker: with the state as an object, or as stored (JSON text). */
export type WorkerRequest =
  { id: number; input: TurnInput } | { id: number; stored: StoredTurnInput };

/** Garbage collections a worker observed since its last reply: kind and seconds each. */
export type WorkerGc = [kind: string, seconds: number][];

/**
 * A worker's answer to a {@link WorkerRequest} (with the collections it saw since its last
 * answer), or its signal that its engine is built.
 */
export type WorkerReply =
  | { ready: true }
  | { id: number; result: TurnResult | StoredTurnResult; gc?: WorkerGc }
  | { id: number; error: string; gc?: WorkerGc };

/** How a pool is built. */
export interface EnginePoolOptions {
  /** Worker threads, at least 1. */
  size: number;
  safety: SafetyResources;
  logger?: Logger;
  /** Called for each garbage collection in a worker (reported with the worker's next answer). */
  onGc?: (kind: string, seconds: number) => void;
  /**
   * Test hook: a worker handed a turn whose text is exactly this exits at once, as a crashing
   * worker would, mid-turn.
   */
  exitOnText?: string;
}

/** The engine on the calling thread (`AMORA_ENGINE_WORKERS=0`). */
export function inProcessEngine(engine: CoachEngine): EngineRunner {
  return {
    name: engine.name,
    // A thrown error becomes a rejection, as it would from a worker.
    respond: (input) => new Promise((resolve) => resolve(engine.respond(input))),
    respondStored: (input) => new Promise((resolve) => resolve(respondStored(engine, input))),
    ready: () => Promise.resolve(),
    close: () => Promise.resolve(),
    threadIds: () => [],
  };
}

interface Job {
  request: WorkerRequest;
  resolve(result: TurnResult | StoredTurnResult): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  /** The turn this worker is answering: one at a time, so that a crash fails only that turn. */
  job: Job | null;
  ready: boolean;
}

/** A worker that dies before its engine is built is restarted after this long, not in a loop. */
const RESTART_AFTER_FAILED_START_MS = 1000;

/**
 * Runs engine turns in `size` worker threads, so that the engine's CPU is off the event loop.
 * Each worker builds its own blocks engine from the block library on disk and `safety`; the
 * engine is deterministic under its seed, so any worker gives the answer the in-process engine
 * would. A worker that dies fails the turn it was answering with {@link EngineUnavailableError}
 * and is replaced.
 */
export function createEnginePool(options: EnginePoolOptions): EngineRunner {
  const { logger } = options;
  const { file, execArgv } = workerScript();
  const data: EngineWorkerData = { safety: options.safety, exitOnText: options.exitOnText };
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closing = false;
  let readyWaiters: { resolve(): void; reject(error: Error): void }[] = [];
  let startFailure: Error | null = null;
  const alive = new Set<number>();

  const settleReady = () => {
    if (startFailure) {
      for (const w of readyWaiters) w.reject(startFailure);
      readyWaiters = [];
    } else if (slots.every((s) => s.ready)) {
      for (const w of readyWaiters) w.resolve();
      readyWaiters = [];
    }
  };

  const pump = () => {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.job) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.postMessage(job.request);
    }
  };

  const spawn = (index: number) => {
    const worker = new Worker(file, { workerData: data, execArgv, name: `amora-engine-${index}` });
    const slot: Slot = { worker, job: null, ready: false };
    slots[index] = slot;
    const threadId = worker.threadId;
    alive.add(threadId);
    let lastError: Error | null = null;
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        startFailure = null;
        settleReady();
        return;
      }
      if (reply.gc && options.onGc) for (const [kind, s] of reply.gc) options.onGc(kind, s);
      const job = slot.job;
      if (!job || job.request.id !== reply.id) return;
      slot.job = null;
      if ('result' in reply) job.resolve(reply.result);
      else job.reject(new Error(`The coach engine failed on a turn: ${reply.error}`));
      pump();
    });
    worker.on('error', (error) => {
      lastError = error;
    });
    worker.on('exit', (code) => {
      alive.delete(threadId);
      if (slots[index] !== slot) return;
      const job = slot.job;
      slot.job = null;
      if (closing) {
        job?.reject(new EngineUnavailableError('the server is shutting down'));
        return;
      }
      const why = lastError ? lastError.message : `exit code ${code}`;
      logger?.error(
        { err: lastError ?? undefined, exitCode: code, threadId, midTurn: !!job },
        'coach engine worker stopped; starting another',
      );
      job?.reject(new EngineUnavailableError('the coach engine stopped while answering'));
      if (slot.ready) {
        spawn(index);
        pump();
        return;
      }
      // It never built its engine: the next one would most likely fail the same way. Say so to
      // whoever waits, and try again a little later rather than in a tight loop.
      startFailure = new Error(`The coach engine could not start in a worker thread: ${why}`);
      settleReady();
      if (!slots.some((s) => s.ready)) {
        for (const waiting of queue.splice(0)) waiting.reject(startFailure);
      }
      setTimeout(() => {
        if (!closing && slots[index] === slot) {
          spawn(index);
          pump();
        }
      }, RESTART_AFTER_FAILED_START_MS).unref();
    });
  };

  for (let i = 0; i < Math.max(1, options.size); i++) spawn(i);

  // The worker answers a request in the shape it was asked (an object state or a stored one).
  const submit = <R extends TurnResult | StoredTurnResult>(request: WorkerRequest): Promise<R> => {
    if (closing) return Promise.reject(new EngineUnavailableError('the server is shutting down'));
    return new Promise<R>((resolve, reject) => {
      queue.push({ request, resolve: resolve as Job['resolve'], reject });
      pump();
    });
  };

  return {
    name: 'blocks',
    respond: (input) => submit<TurnResult>({ id: nextId++, input }),
    respondStored: (stored) => submit<StoredTurnResult>({ id: nextId++, stored }),
    ready() {
      return new Promise<void>((resolve, reject) => {
        readyWaiters.push({ resolve, reject });
        settleReady();
      });
    },
    async close() {
      closing = true;
      for (const job of queue.splice(0)) {
        job.reject(new EngineUnavailableError('the server is shutting down'));
      }
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
    threadIds: () => [...alive],
  };
}

/**
 * The worker's file beside this one: the compiled .js under `dist/`, else the TypeScript source
 * (jest, `node -r @swc-node/register`), which the worker compiles with the same register hook.
 */
function workerScript(): { file: string; execArgv: string[] } {
  // A server started with --cpu-prof (`npm run bench -- --profile`) profiles its engine threads
  // too: a worker given execArgv inherits none of the parent's. The file name is left to Node
  // (it adds the thread id), so that the threads' profiles do not overwrite the main one.
  const profiling = process.execArgv.filter(
    (a) => a.startsWith('--cpu-prof') && !a.startsWith('--cpu-prof-name'),
  );
  const js = path.join(__dirname, 'engine-worker.js');
  if (fs.existsSync(js)) return { file: js, execArgv: profiling };
  return {
    file: path.join(__dirname, 'engine-worker.ts'),
    execArgv: ['-r', require.resolve('@swc-node/register'), ...profiling],
  };
}
