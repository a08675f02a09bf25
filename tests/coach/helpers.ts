/** Shared helpers for the coach tests: one library load per test file. */
import {
  initialState,
  loadBlockLibrary,
  type BlockLibrary,
  type CoachEngine,
  type ConversationState,
  type TurnResult,
} from '../../src/coach';
import { SUBJECTS } from '../../src/coach/conversation/asked';

let cached: BlockLibrary | null = null;

/** The real block library (src/coach/blocks), loaded once per test file. */
export function realLibrary(): BlockLibrary {
  cached ??= loadBlockLibrary();
  return cached;
}

/** Number of "?" in a text. */
export function questionMarks(text: string): number {
  return (text.match(/\?/g) ?? []).length;
}

/** The seeds a conversation test runs under: the choice among fitting pieces is random. */
export const SEEDS = [1, 7, 42, 1234, 99999];

/** Every turn of a conversation under one seed, with the state carried as the service does. */
export function converse(
  engine: CoachEngine,
  turns: readonly string[],
  seed: number,
): TurnResult[] {
  let state: ConversationState = initialState();
  return turns.map((text, i) => {
    const r = engine.respond({ text, state, seed: seed * 100 + i });
    state = r.state;
    return r;
  });
}

/** The last turn of a conversation, under every seed of {@link SEEDS}. */
export function lastTurns(engine: CoachEngine, turns: readonly string[]): TurnResult[] {
  return SEEDS.map((seed) => converse(engine, turns, seed).at(-1)!);
}

/** A question subject of `subjects.json` by id; throws on an unknown id (a test naming nothing). */
export function subjectById(id: string): (typeof SUBJECTS)[number] {
  const s = SUBJECTS.find((x) => x.id === id);
  if (!s) throw new Error(`no subject ${id}`);
  return s;
}

/** Whether a reply opens with one of the subject's answers (its first sentence is enough). */
export function leadsWithSubject(reply: string, id: string): boolean {
  return Object.values(subjectById(id).answers).some((a) =>
    reply.startsWith(a.split(/(?<=[.:;])\s/)[0]),
  );
}

/**
 * Whether a reply holds the opening of one of the subject's answers anywhere (after a safety
 * question, if any): its first 60 characters, since a first clause like "My honest view:" is
 * shared by many.
 */
export function holdsSubjectAnswer(reply: string, id: string): boolean {
  return Object.values(subjectById(id).answers).some((a) => reply.includes(a.slice(0, 60)));
}

/**
 * The two tables every subject test file holds: wordings each subject must answer (`asked`) and
 * near misses sharing its words that must not get its answer (`notAsked`), checked on the last
 * turn under every seed with `answers` (does this reply carry that subject's answer?).
 */
export function subjectTables(
  engine: CoachEngine,
  asked: Record<string, readonly string[]>,
  notAsked: Record<string, readonly string[]>,
  answers: (reply: string, id: string) => boolean,
): void {
  const replies = (q: string): string[] => lastTurns(engine, [q]).map((r) => r.reply);
  const check = (id: string, wordings: readonly string[], expected: boolean) => {
    subjectById(id);
    for (const wording of wordings)
      for (const reply of replies(wording))
        expect([wording, answers(reply, id)]).toEqual([wording, expected]);
  };
  test.each(Object.entries(asked))('%s: the answer is its own', (id, wordings) =>
    check(id, wordings, true),
  );
  test.each(Object.entries(notAsked))('%s: near misses do not get its answer', (id, wordings) =>
    check(id, wordings, false),
  );
}
