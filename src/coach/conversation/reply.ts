/**
 * The part of an answer that depends on what kind of turn it is: a greeting, thanks or goodbye is
 * answered by a warm close alone (no question); a question gets an answer first (the matched
 * situation's, else a general one of the right kind); progress is celebrated and what helped is
 * reinforced; a correction is acknowledged (naming what changed); a plan is affirmed; a short
 * reply gets a gentle way in. What follows the opening, if anything, is the usual blocks.
 */
import type { Rng } from '../rng';
import type { ResponseStyle } from '../types';
import { isCloseMatch, type SituationMatch, type AnswerKind } from '../situations';
import type { QuestionKind, TurnAct } from './acts';
import actReplies from './act-replies.json';
import answers from './answers.json';
import { allSupported } from './assumptions';
import type { ConversationFacts, FactChange, PersonRole } from './facts';

/** One piece of an answer chosen here (kind is the last-but-one part of its id). */
export interface Piece {
  id: string;
  text: string;
}

/** What the rest of the answer should be after the opening pieces. */
export type CoreNeed =
  /** Nothing: the opening is the whole answer. */
  | 'none'
  /** One open question from the blocks, if the opening asked nothing. */
  | 'question'
  /** A short answer: a reflection or insight, then maybe a question. */
  | 'light'
  /** The usual recipe of the chosen style. */
  | 'full';

/** The opening of an answer and what should follow it. */
export interface ActPlan {
  pieces: Piece[];
  core: CoreNeed;
  /** A style the act calls for, overriding the usual choice. */
  style: ResponseStyle | null;
  /** Whether the user's words may be quoted back in this answer. */
  echo: boolean;
}

type Entry = { id: string; text: string };
const REPLIES = actReplies as unknown as Record<string, Entry[]>;
const ANSWERS = answers as unknown as Record<string, Entry[]>;

/** A fresh entry of a group (not used in the last turns), chosen with the turn's randomness. */
function pick(group: string, recent: ReadonlySet<string>, rng: Rng, table = REPLIES): Piece | null {
  const all = table[group] ?? [];
  if (all.length === 0) return null;
  const fresh = all.filter((e) => !recent.has(e.id));
  const from = fresh.length > 0 ? fresh : all;
  const e = from[Math.floor(rng() * from.length) % from.length];
  return { id: e.id, text: e.text };
}

const ROLE_WORDS: Record<PersonRole, string> = {
  partner: 'partner',
  spouse: 'partner',
  ex: 'ex',
  date: 'date',
  friend: 'friend',
  sister: 'sister',
  brother: 'brother',
  mother: 'mother',
  father: 'father',
  child: 'child',
  in_law: 'in-law',
  coworker: 'coworker',
  other: '',
};

/** "So Luis is your partner, not your husband yet." style sentence for a role change. */
function roleChangeSentence(change: FactChange, facts: ConversationFacts): string | null {
  const c = change.roleChanged.find((r) => r.name);
  if (c) {
    const to = ROLE_WORDS[c.to];
    if (to) {
      const engaged = facts.relationship === 'engaged' && c.to === 'partner';
      return `So ${c.name} is your ${engaged ? 'fiancé(e)' : to}${c.from !== c.to && ROLE_WORDS[c.from] && ROLE_WORDS[c.from] !== to ? `, not your ${c.from === 'spouse' ? 'spouse' : ROLE_WORDS[c.from]}` : ''}.`;
    }
  }
  return null;
}

/** The answer to a question: the situation's own of this kind (or a close kind), else a general one. */
function answerPiece(
  kind: QuestionKind,
  situation: SituationMatch | null,
  facts: ConversationFacts,
  recent: ReadonlySet<string>,
  rng: Rng,
): Piece | null {
  if (situation && allSupported(facts, situation.situation.assumes)) {
    const order: AnswerKind[] =
      kind === 'yes_no'
        ? ['yes_no', 'advice', 'normalcy', 'how_to']
        : kind === 'normalcy'
          ? ['normalcy', 'yes_no', 'advice', 'how_to']
          : kind === 'how_to'
            ? ['how_to', 'advice', 'normalcy', 'yes_no']
            : ['advice', 'yes_no', 'how_to', 'normalcy'];
    for (const k of order) {
      const text = situation.situation.answers[k];
      const id = `sit.${situation.situation.id}.answer.${k}`;
      if (text && !recent.has(id)) return { id, text };
    }
  }
  return pick(kind, recent, rng, ANSWERS);
}

/** The situation's own piece ("reflection", "step" or "question"), when fresh and supported. */
export function situationPiece(
  situation: SituationMatch | null,
  part: 'reflection' | 'step' | 'question',
  facts: ConversationFacts,
  recent: ReadonlySet<string>,
): Piece | null {
  if (!situation || !allSupported(facts, situation.situation.assumes)) return null;
  const id = `sit.${situation.situation.id}.${part === 'question' ? 'exploration' : part === 'step' ? 'action' : 'reflection'}.1`;
  return recent.has(id) ? null : { id, text: situation.situation[part] };
}

/** Everything the act-dependent opening looks at. */
export interface ActInput {
  act: TurnAct;
  question: QuestionKind | null;
  facts: ConversationFacts;
  change: FactChange;
  situation: SituationMatch | null;
  recent: ReadonlySet<string>;
  rng: Rng;
  turn: number;
}

/** The act-dependent opening of an answer and what should follow it. */
export function planForAct(input: ActInput): ActPlan {
  const { act, facts, recent, rng } = input;
  const pieces: Piece[] = [];
  const add = (p: Piece | null) => {
    if (p) pieces.push(p);
  };
  switch (act) {
    case 'greeting':
      add(pick('greeting', recent, rng));
      return { pieces, core: 'none', style: 'LIGHT_TOUCH', echo: false };
    case 'thanks':
      add(pick('thanks', recent, rng));
      return { pieces, core: 'none', style: 'LIGHT_TOUCH', echo: false };
    case 'goodbye': {
      const last = facts.happenings[facts.happenings.length - 1];
      const planned = last && last.kind === 'plan' && input.turn - last.turn <= 3;
      add(pick(planned ? 'goodbye_after_plan' : 'goodbye', recent, rng));
      return { pieces, core: 'none', style: 'LIGHT_TOUCH', echo: false };
    }
    case 'short':
      add(pick(input.turn <= 1 ? 'short_opening' : 'short', recent, rng));
      return { pieces, core: 'none', style: 'LIGHT_TOUCH', echo: false };
    case 'progress':
      add(pick('progress', recent, rng));
      add(pick('progress_reinforce', recent, rng));
      if (rng() < 0.5) add(pick('progress_question', recent, rng));
      return { pieces, core: 'none', style: 'LIGHT_TOUCH', echo: false };
    case 'plan':
      add(pick('plan', recent, rng));
      add(pick('plan_tip', recent, rng));
      return { pieces, core: 'none', style: 'GUIDANCE_SESSION', echo: false };
    case 'question': {
      add(answerPiece(input.question ?? 'advice', input.situation, facts, recent, rng));
      // At most one question back, and one about the answer, not a script's next question.
      const ask = situationPiece(input.situation, 'question', facts, recent);
      if (rng() < 0.75) add(ask ?? pick('answer_followup', recent, rng));
      return { pieces, core: 'none', style: 'GUIDANCE_SESSION', echo: false };
    }
    case 'correction': {
      add(pick('correction', recent, rng));
      const role = roleChangeSentence(input.change, facts);
      if (role) pieces.push({ id: 'act.correction.role', text: role });
      return { pieces, core: 'light', style: null, echo: false };
    }
    case 'change_subject':
      add(pick('change_subject', recent, rng));
      add(situationPiece(input.situation, 'reflection', facts, recent));
      return { pieces, core: pieces.length > 1 ? 'question' : 'light', style: null, echo: false };
    case 'event':
      add(pick('event', recent, rng));
      add(situationPiece(input.situation, 'reflection', facts, recent));
      return { pieces, core: pieces.length > 1 ? 'question' : 'light', style: null, echo: true };
    case 'sharing': {
      const own = situationPiece(input.situation, 'reflection', facts, recent);
      if (own && input.situation && isCloseMatch(input.situation)) {
        pieces.push(own);
        return { pieces, core: 'light', style: null, echo: false };
      }
      return { pieces, core: 'full', style: null, echo: true };
    }
  }
}
