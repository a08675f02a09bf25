/**
 * One engine thread of the pool (see engine-pool.ts): builds its own blocks engine from the same
 * library and safety resources as the server would, then answers turns one message at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createBlocksEngine, loadBlockLibrary, type SafetyResources } from '../coach';
import { respondStored } from '../messages/stored-turn';
import type { WorkerReply, WorkerRequest, EngineWorkerData } from './engine-pool';

const data = workerData as EngineWorkerData;
const port = parentPort;
if (!port) throw new Error('engine-worker.ts runs only as a worker thread');

const engine = createBlocksEngine({
  library: loadBlockLibrary(),
  safety: data.safety satisfies SafetyResources,
});

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
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies WorkerReply);
