/**
 * Every answer the engine gives on the project's fixtures, written out whole, so a change meant
 * only to make the engine cheaper can be shown to change no answer: run it before and after and
 * compare the files byte for byte (`cmp`). Each line is one turn's full `TurnResult` (reply,
 * style, topics, emotions, blocks, safety level, act, state) as JSON.
 *
 *   node -r @swc-node/register bench/tools/engine-golden.ts > /tmp/golden-before.jsonl
 *
 * What runs: every conversation in tests/fixtures (development sets and safety conversations)
 * turn by turn with the state carried through JSON, a regeneration of every third turn
 * (`countTurn: false`, the answer's blocks avoided); every other fixture message alone as a first
 * turn, once with the marker safety resources the safety evaluation uses and a user context
 * every fourth message; the engine benchmark's generated conversations; and the summary of each
 * carried conversation. `--quick` leaves out the safety training sets (~11,000 messages).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createBlocksEngine,
  initialState,
  loadBlockLibrary,
  summarize,
  type ConversationState,
  type TurnInput,
  type TurnResult,
} from '../../src/coach';
import { message, prng } from '../lib/corpus';

const FIXTURES = path.join(__dirname, '..', '..', 'tests', 'fixtures');
const quick = process.argv.includes('--quick');

const library = loadBlockLibrary();
const engine = createBlocksEngine({
  library,
  safety: {
    emergencyNumber: 'the emergency number EMERGENCY-NUMBER',
    crisisLine: 'the crisis line CRISIS-LINE',
    domesticViolenceLine: 'the confidential domestic violence line DV-LINE',
  },
});

const out: string[] = [];
function emit(tag: string, input: TurnInput, r: TurnResult): void {
  out.push(`${tag}\t${JSON.stringify({ input: input.text, seed: input.seed, result: r })}`);
  if (out.length >= 500) flush();
}
function flush(): void {
  process.stdout.write(out.join('\n') + '\n');
  out.length = 0;
}

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? // A sealed set is read by nothing before its one blind measurement.
          e.name === 'sealed' || (quick && e.name.startsWith('safety-training'))
          ? []
          : files(path.join(dir, e.name))
        : e.name.endsWith('.json')
          ? [path.join(dir, e.name)]
          : [],
    )
    .sort();
}

interface Found {
  conversations: { id: string; turns: { user: string }[] }[];
  texts: string[];
}
function collect(value: unknown, found: Found): void {
  if (Array.isArray(value)) for (const v of value) collect(v, found);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.turns)) {
      found.conversations.push(o as unknown as Found['conversations'][number]);
      return;
    }
    if (typeof o.text === 'string') found.texts.push(o.text);
    for (const v of Object.values(o)) collect(v, found);
  }
}

function runConversation(tag: string, turns: readonly { user: string }[], seed: number): void {
  let state: ConversationState = initialState();
  turns.forEach((t, i) => {
    const input: TurnInput = { text: t.user, state, seed: seed + i };
    const r = engine.respond(input);
    emit(`${tag}#${i}`, input, r);
    if (i % 3 === 2) {
      const again: TurnInput = {
        text: t.user,
        state,
        seed: seed + i + 1000,
        countTurn: false,
        avoidBlockIds: new Set(r.blockIds),
      };
      emit(`${tag}#${i}~regen`, again, engine.respond(again));
    }
    state = JSON.parse(JSON.stringify(r.state)) as ConversationState;
  });
  const s = summarize(state);
  out.push(`${tag}#summary\t${JSON.stringify(s)}`);
}

let seed = 1;
for (const file of files(FIXTURES)) {
  const rel = path.relative(FIXTURES, file);
  const found: Found = { conversations: [], texts: [] };
  collect(JSON.parse(fs.readFileSync(file, 'utf8')), found);
  for (const c of found.conversations) runConversation(`${rel}:${c.id}`, c.turns, (seed += 100));
  found.texts.forEach((text, i) => {
    const input: TurnInput = {
      text,
      state: initialState(),
      seed: seed + i,
      context:
        i % 4 === 3
          ? { topics: ['heartbreak'], relationshipStatus: 'in a relationship' }
          : undefined,
    };
    emit(`${rel}:${i}`, input, engine.respond(input));
  });
  seed += found.texts.length;
}

// The engine benchmark's generated conversations (bench/engine.ts), fewer of them.
const random = prng(42);
const states: ConversationState[] = Array.from({ length: 40 }, () => initialState());
for (let turn = 0; turn < 12; turn++) {
  states.forEach((state, c) => {
    const input: TurnInput = {
      text: message(random),
      state,
      seed: Math.floor(random() * 2 ** 32),
      context: random() < 0.3 ? { topics: ['trust'], relationshipStatus: 'dating' } : undefined,
    };
    const r = engine.respond(input);
    emit(`bench:${c}#${turn}`, input, r);
    states[c] = JSON.parse(JSON.stringify(r.state)) as ConversationState;
  });
}
flush();
