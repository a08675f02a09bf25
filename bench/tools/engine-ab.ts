/**
 * Two builds of the engine in one process, turn by turn: this checkout's `src/coach` and another
 * checkout's (`--base=DIR`, e.g. an export of main). Each turn of the fixture conversations is
 * answered by both, in alternating order, with each build's CPU for it measured around its own
 * `respond`. On a shared machine two runs minutes apart see different neighbours; two answers to
 * the same turn a millisecond apart see the same ones, so the paired difference is what the
 * change did. The answers are compared too: a change meant only to be cheaper must give the same
 * reply and state on every turn.
 *
 *   node -r @swc-node/register bench/tools/engine-ab.ts --base=/tmp/base [--rounds=3] [--swap] [--generated]
 *
 * Conversations are interleaved as a server's sessions are (every first turn, then every second
 * turn...), and between rounds both builds answer 1,500 generated messages, not measured, so that
 * a round's messages are new to the caches of recent texts, as a server's next message is.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Coach from '../../src/coach';
import type { ConversationState, TurnResult } from '../../src/coach';
import { arg } from '../lib/args';
import { message, messages, prng } from '../lib/corpus';

const FIXTURES = path.join(__dirname, '..', '..', 'tests', 'fixtures');
const base = arg('base');
if (!base) throw new Error('--base=DIR: the other checkout to compare with');
const rounds = Number(arg('rounds') ?? 3);

interface Build {
  name: string;
  engine: Coach.CoachEngine;
  initialState: () => ConversationState;
  cpu: number[];
}

function load(name: string, dir: string): Build {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const coach = require(path.resolve(dir, 'src', 'coach')) as typeof Coach;
  const engine = coach.createBlocksEngine({ library: coach.loadBlockLibrary() });
  return { name, engine, initialState: coach.initialState, cpu: [] };
}

// Loaded second, a build measures a few per cent slower than the same code loaded first (an A/A
// run shows it): \`--swap\` loads this build first, and the two runs' ratios together cancel it.
const swap = process.argv.includes('--swap');
const here = path.join(__dirname, '..', '..');
const builds = swap
  ? [load('this', here), load('base', base)]
  : [load('base', base), load('this', here)];
const pair = swap ? [builds[1], builds[0]] : builds;

// \`--generated\`: the engine benchmark's workload instead (bench/engine.ts: 250 conversations of
// 12 generated messages, longer than the fixtures' and many more sessions at once).
const conversations: { turns: { user: string }[] }[] = process.argv.includes('--generated')
  ? (() => {
      const random = prng(2);
      const out = Array.from({ length: 250 }, () => ({ turns: [] as { user: string }[] }));
      for (let t = 0; t < 12; t++) for (const c of out) c.turns.push({ user: message(random) });
      return out;
    })()
  : [
      ...fs.readdirSync(path.join(FIXTURES, 'conversations')).map((n) => `conversations/${n}`),
      ...fs.readdirSync(FIXTURES).filter((n) => n.startsWith('safety-conversations-')),
    ]
      .filter((n) => n.endsWith('.json'))
      .flatMap(
        (n) =>
          JSON.parse(fs.readFileSync(path.join(FIXTURES, n), 'utf8')) as {
            turns: { user: string }[];
          }[],
      );

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

let differences = 0;
let turnNo = 0;

function pass(measure: boolean): void {
  const states = builds.map(() => conversations.map(() => null as ConversationState | null));
  const longest = Math.max(...conversations.map((c) => c.turns.length));
  for (let i = 0; i < longest; i++)
    conversations.forEach((c, ci) => {
      if (i >= c.turns.length) return;
      const order = turnNo++ % 2 === 0 ? [0, 1] : [1, 0];
      const results: TurnResult[] = [];
      for (const b of order) {
        const build = builds[b];
        const state = states[b][ci] ?? build.initialState();
        const start = cpuMicros();
        const r = build.engine.respond({ text: c.turns[i].user, state, seed: ci * 1000 + i });
        const used = cpuMicros() - start;
        if (measure) build.cpu.push(used);
        states[b][ci] = JSON.parse(JSON.stringify(r.state)) as ConversationState;
        results[b] = r;
      }
      if (JSON.stringify(results[0]) !== JSON.stringify(results[1])) differences++;
    });
}

let flushSeed = 1;
function flush(): void {
  for (const text of messages(1500, flushSeed++))
    for (const b of builds) b.engine.respond({ text, state: b.initialState(), seed: flushSeed });
}

pass(false);
for (let r = 0; r < rounds; r++) {
  flush();
  pass(true);
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)];
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const [a, b] = pair.map((x) => x.cpu);
const ratio = median(a.map((x, i) => b[i] / Math.max(1, x)));
const faster = a.filter((x, i) => b[i] < x).length;
const loadavg = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(
  [
    `${a.length} turns measured per build (${conversations.length} conversations x ${rounds} rounds${swap ? ', this build loaded first' : ''}), load ${loadavg}`,
    `base: respond CPU per turn median ${(median(a) / 1000).toFixed(3)} ms, mean ${(mean(a) / 1000).toFixed(3)} ms`,
    `this: respond CPU per turn median ${(median(b) / 1000).toFixed(3)} ms, mean ${(mean(b) / 1000).toFixed(3)} ms`,
    `this / base, median of the per-turn ratios ${ratio.toFixed(3)}; this cheaper on ${((100 * faster) / a.length).toFixed(0)}% of turns`,
    `turns answered differently: ${differences}`,
  ].join('\n'),
);
