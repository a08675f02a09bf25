/**
 * One engine thread of the pool (see engine-pool.ts): builds its own blocks engine from the same
 * library and safety resources as the server would, then answers turns one message at a time.
 */
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { createBlocksEngine, loadBlockLibrary, type SafetyResources } from '../coach';
import { respondStored } from '../messages/stored-turn';
import type { WorkerGc, WorkerReply, WorkerRequest, EngineWorkerData } from './engine-pool';

const data = workerData as EngineWorkerData;
const port = parentPort;
if (!port) throw new Error('engine-worker.ts runs only as a worker thread');

const engine = createBlocksEngine({
  library: loadBlockLibrary(),
  safety: data.safety satisfies SafetyResources,
});

// This thread's collections, as prom-client names their kinds, sent with the next answer: the
// main thread's GC metrics do not see this isolate's pauses.
const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};
let collections: WorkerGc = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries() as (PerformanceEntry & { detail?: { kind?: number } })[]) {
    collections.push([GC_KINDS[entry.detail?.kind ?? -1] ?? 'other', entry.duration / 1000]);
  }
}).observe({ entryTypes: ['gc'] });

/** The collections seen since the last answer, once. */
function takeCollections(): WorkerGc | undefined {
  if (collections.length === 0) return undefined;
  const taken = collections;
  collections = [];
  return taken;
}

port.on('message', (request: WorkerRequest) => {
  // Test hook: dies as a worker that crashes mid-turn would (see EnginePoolOptions.exitOnText).
  const text = 'stored' in request ? request.stored.text : request.input.text;
  if (data.exitOnText !== undefined && text === data.exitOnText) process.exit(1);
  let reply: WorkerReply;
  try {
    reply = {
      id: request.id,
      result:
        'stored' in request ? respondStored(engine, request.stored) : engine.respond(request.input),
    };
  } catch (error) {
    reply = {
      id: request.id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  const gc = takeCollections();
  port.postMessage(gc ? { ...reply, gc } : reply);
});
port.postMessage({ ready: true } satisfies WorkerReply);
