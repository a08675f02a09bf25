/**
 * The engine's CPU per turn on realistic conversations: the development conversation sets and the
 * safety conversations (tests/fixtures), replayed turn by turn with the state carried through
 * JSON as the message service does, several rounds after a warm-up round; `--interleave` plays
 * every conversation's first turn, then every second turn..., as a server with many sessions does. CPU, not wall time: the
 * machine is shared, so wall time says more about the neighbours than about the engine.
 *
 *   node -r @swc-node/register bench/tools/engine-cpu.ts [--rounds=5] [--filter=conversations-] [--interleave]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof -r @swc-node/register bench/tools/engine-cpu.ts
 *
 * Prints the process CPU per turn over the measured rounds (all threads: GC and the JIT's
 * background threads included), the median and p95 of each turn's own CPU (`process.cpuUsage`
 * around one `respond`), and the same for a JSON round trip of the state, which every turn pays.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createBlocksEngine,
  initialState,
  loadBlockLibrary,
  type ConversationState,
} from '../../src/coach';
import { arg } from '../lib/args';
import { messages } from '../lib/corpus';

const FIXTURES = path.join(__dirname, '..', '..', 'tests', 'fixtures');
const rounds = Number(arg('rounds') ?? 5);
const filter = arg('filter') ?? '';
const interleave = process.argv.includes('--interleave');

interface Conversation {
  id: string;
  turns: { user: string }[];
}

function conversations(): Conversation[] {
  const names = [
    ...fs.readdirSync(path.join(FIXTURES, 'conversations')).map((n) => `conversations/${n}`),
    ...fs.readdirSync(FIXTURES).filter((n) => n.startsWith('safety-conversations-')),
  ].filter((n) => n.endsWith('.json') && n.includes(filter));
  return names.flatMap(
    (n) => JSON.parse(fs.readFileSync(path.join(FIXTURES, n), 'utf8')) as Conversation[],
  );
}

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] : 0;
}

const engine = createBlocksEngine({ library: loadBlockLibrary() });
const all = conversations();

function pass(turnCpu: number[] | null, jsonCpu: number[] | null): number {
  let turns = 0;
  const states: ConversationState[] = all.map(() => initialState());
  const step = (ci: number, i: number) => {
    const a = cpuMicros();
    const r = engine.respond({
      text: all[ci].turns[i].user,
      state: states[ci],
      seed: ci * 1000 + i,
    });
    const b = cpuMicros();
    states[ci] = JSON.parse(JSON.stringify(r.state)) as ConversationState;
    const c = cpuMicros();
    turnCpu?.push(b - a);
    jsonCpu?.push(c - b);
    turns++;
  };
  if (interleave) {
    // Every conversation's turn 1, then every turn 2...: many sessions at once, as on a server.
    const longest = Math.max(...all.map((c) => c.turns.length));
    for (let i = 0; i < longest; i++)
      all.forEach((c, ci) => {
        if (i < c.turns.length) step(ci, i);
      });
  } else all.forEach((c, ci) => c.turns.forEach((_, i) => step(ci, i)));
  return turns;
}

/**
 * Other sessions' turns, not measured: a server's next message is new to the engine's caches of
 * recent texts, so a round replaying the same fixtures must not find them there.
 */
let flushSeed = 1;
function flush(): void {
  for (const text of messages(1500, flushSeed++))
    engine.respond({ text, state: initialState(), seed: flushSeed });
}

pass(null, null);
const turnCpu: number[] = [];
const jsonCpu: number[] = [];
const perRound: number[][] = [];
let total = 0;
let wall = 0;
let turns = 0;
for (let r = 0; r < rounds; r++) {
  flush();
  const before = turnCpu.length;
  const start = cpuMicros();
  const wallStart = performance.now();
  turns += pass(turnCpu, jsonCpu);
  total += cpuMicros() - start;
  wall += performance.now() - wallStart;
  perRound.push(turnCpu.slice(before));
}
// Each turn is the same work in every round: its least CPU over the rounds is the least
// disturbed by other processes on a shared machine.
const least = perRound[0].map((_, i) => Math.min(...perRound.map((r) => r[i])));
least.sort((a, b) => a - b);
turnCpu.sort((a, b) => a - b);
jsonCpu.sort((a, b) => a - b);
const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(
  [
    `${turns} turns (${all.length} conversations x ${rounds} rounds)`,
    `process CPU per turn ${(total / turns / 1000).toFixed(3)} ms (respond + JSON round trip; wall ${(wall / turns).toFixed(3)} ms, load ${load})`,
    `respond CPU per turn median ${(quantile(turnCpu, 0.5) / 1000).toFixed(3)} ms, p95 ${(quantile(turnCpu, 0.95) / 1000).toFixed(3)} ms, mean ${(turnCpu.reduce((s, x) => s + x, 0) / turns / 1000).toFixed(3)} ms`,
    `respond CPU per turn, least of the rounds: median ${(quantile(least, 0.5) / 1000).toFixed(3)} ms, mean ${(least.reduce((s, x) => s + x, 0) / least.length / 1000).toFixed(3)} ms`,
    `JSON round trip median ${(quantile(jsonCpu, 0.5) / 1000).toFixed(3)} ms`,
  ].join('\n'),
);
