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
import { questionIn, type QuestionKind, type TurnAct } from './acts';
import actReplies from './act-replies.json';
import answers from './answers.json';
import sharingAsks from './sharing-asks.json';
import { allSupported, assumptionsInText } from './assumptions';
import type { Feeling } from './feeling';
import { inSecondPerson, ownWords } from './own-words';
import { toSecondPerson, type ConversationFacts, type FactChange, type PersonRole } from './facts';

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

/**
 * The situation answers that can answer a question of each kind: "is it normal to cry every
 * day?" is not answered by advice, nor "how do i tell him?" by a verdict on whether it's normal.
 */
const FITTING_ANSWERS: Record<QuestionKind, readonly AnswerKind[]> = {
  yes_no: ['yes_no', 'advice'],
  normalcy: ['normalcy'],
  how_to: ['how_to', 'advice'],
  advice: ['advice', 'how_to', 'yes_no'],
};

/** Words that ask for a verdict on the person ("am i being unreasonable", "is that silly"). */
const VERDICT =
  'unreasonable|silly|stupid|dramatic|crazy|bad|wrong|weird|selfish|petty|mean|overreacting';
/** "am i being unreasonable for wanting her to call first" (one sentence, to its end) */
const VERDICT_ON_WANT = new RegExp(
  `\\bam i (?:being )?(${VERDICT}) (?:for|to) (want(?:ing)? [^.?!]{3,60}?)\\s*$`,
);
/** "is it bad to show her that", "is that silly" (one sentence, to its end) */
const VERDICT_ON_ACT = new RegExp(
  `\\b(?:is|isnt) (?:it|this|that) (?:really |just )?(${VERDICT})(?: to ([^.?!]{3,60}?))?\\s*$`,
);

/**
 * A question asking whether something is unreasonable, silly or bad gets an answer about that
 * thing, in the person's own words, not a "yes, it's very common": a want is fair to have, a
 * feeling is not wrong in itself, an action depends on why and how.
 */
function verdictPiece(text: string, recent: ReadonlySet<string>, rng: Rng): Piece | null {
  for (const sentence of text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[.?!]+/)) {
    const t = sentence.trim();
    const want = VERDICT_ON_WANT.exec(t);
    if (want) {
      const own = cap(toSecondPerson(want[2].replace(/^want /, 'wanting ')));
      return fill(pick('judge_want', recent, rng, ANSWERS), { own, word: want[1] });
    }
    const act = VERDICT_ON_ACT.exec(t);
    if (!act) continue;
    const word = act[1];
    if (!act[2]) return fill(pick('judge_plain', recent, rng, ANSWERS), { word });
    const own = toSecondPerson(act[2]);
    if (/^want /.test(own))
      return fill(pick('judge_want', recent, rng, ANSWERS), {
        own: cap(own.replace(/^want /, 'wanting ')),
        word,
      });
    const group = /^(be|feel|still|miss|love|hate|like|care)\b/.test(own)
      ? 'judge_feel'
      : 'judge_act';
    return fill(pick(group, recent, rng, ANSWERS), { own, word });
  }
  return null;
}

/** A fresh entry of a group, or null when every one was used lately (never a repeat). */
function pickFresh(
  group: string,
  recent: ReadonlySet<string>,
  rng: Rng,
  table = REPLIES,
): Piece | null {
  return (table[group] ?? []).some((e) => !recent.has(e.id))
    ? pick(group, recent, rng, table)
    : null;
}

/**
 * The entry of a group for this turn, by rotation: a step coprime with the group's size gives
 * every turn of a window as long as the group a different entry, so a long conversation does not
 * hear the same frame twice even after the recent-block memory has let it go. Null when the
 * turn's entries were all used lately.
 */
function rotate(group: string, turn: number, recent: ReadonlySet<string>): Piece | null {
  const all = REPLIES[group] ?? [];
  for (let k = 0; k < all.length; k++) {
    const e = all[(turn * ROTATION_STEP + k) % all.length];
    if (!recent.has(e.id)) return { id: e.id, text: e.text };
  }
  return null;
}
/** Step of {@link rotate}; group sizes are kept coprime with it. */
export const ROTATION_STEP = 7;

/** Fills `{name}` slots of a piece. */
function fill(p: Piece | null, values: Record<string, string>): Piece | null {
  if (!p) return null;
  return { id: p.id, text: p.text.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m) };
}

/** A text with its first letter in capitals. */
function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Apostrophes the person left out, put back for a sentence quoted in second person. */
function withApostrophes(s: string): string {
  return s
    .replace(/\b(did|do|does|is|was|were|are|has|have|had|could|would|should|ca|wo)nt\b/g, "$1n't")
    .replace(/\b(you|they)(ll|re|ve)\b/g, "$1'$2");
}

/**
 * This turn's plan or progress in the person's own words ("you didn't text him"), when it was
 * kept and is short enough to say back; null otherwise.
 */
function ownHappening(facts: ConversationFacts, kind: 'plan' | 'progress', turn: number) {
  const h = facts.happenings.find((x) => x.turn === turn && x.kind === kind);
  if (!h) return null;
  const text = withApostrophes(
    h.text.replace(/(\s+(lol|haha+|tho|though|lmao|actually))+$/i, '').trim(),
  );
  if (text.split(' ').length > 14 || /[?{}]/.test(text)) return null;
  // A plan said back is the person's own ("you'll call him"), not what someone else offered.
  if (kind === 'plan' && !/^you(?:'ll|'re| will| are| want| need| think| might)\b/.test(text))
    return null;
  return cap(text);
}

/** The answer to a question: the situation's own of a fitting kind, else a general one. */
function answerPiece(
  kind: QuestionKind,
  text: string,
  situation: SituationMatch | null,
  facts: ConversationFacts,
  recent: ReadonlySet<string>,
  rng: Rng,
): Piece | null {
  // A situation found in this message answers first; one carried from earlier turns only after
  // an answer to what this message itself asks.
  const own = (): Piece | null => {
    if (!situation || !allSupported(facts, situation.situation.assumes)) return null;
    for (const k of FITTING_ANSWERS[kind]) {
      const answer = situation.situation.answers[k];
      const id = `sit.${situation.situation.id}.answer.${k}`;
      if (answer && !recent.has(id)) return { id, text: answer };
    }
    return null;
  };
  const verdict = () =>
    kind === 'normalcy' || kind === 'yes_no' ? verdictPiece(text, recent, rng) : null;
  const found = situation !== null && situation.evidence > 0;
  // A carried situation's answer does not answer "is that a good sign?" or "what would be fair?":
  // those get their own, before it.
  const whole = () => ownQuestionPiece(text, facts, recent, rng, true);
  const mine = () => ownQuestionPiece(text, facts, recent, rng, false);
  return (
    (found
      ? (own() ?? verdict() ?? whole() ?? mine())
      : (verdict() ?? whole() ?? own() ?? mine())) ?? pick(kind, recent, rng, ANSWERS)
  );
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
  /** The message itself. */
  text: string;
  /** How the message feels: hard (a painful feeling), good (good news only) or plain. */
  feeling: Feeling;
  /**
   * Whether the message itself says clearly what it is about (strong topic evidence of its own),
   * so a topic's stock blocks answer it; otherwise they would answer a stray word.
   */
  ownTopic: boolean;
  /** Whether the conversation has a topic worked on over several turns, which this turn continues. */
  settledTopic: boolean;
  /** The stage of the turn's lead topic (steps wait for {@link STEP_STAGE}). */
  stage: number;
}

/**
 * The stage from which a sharing turn may be answered with a step: before it the person is still
 * telling what happened, and a suggestion on a first vent answers something they did not ask.
 */
export const STEP_STAGE = 3;
/** A situation's own step, which fits it, may come a stage earlier, once its story is told. */
export const STEP_SITUATION_STAGE = 2;

export type { Feeling } from './feeling';

/**
 * The person's words said back ("It's just so quiet now, and his hoodie is still on your chair;
 * that sounds really hard."), met as they feel, or null when nothing in the message can be.
 */
export function ownReflection(
  text: string,
  feeling: Feeling,
  facts: ConversationFacts,
  recent: ReadonlySet<string>,
  turn: number,
): Piece | null {
  // Said back, the person's words are Amora's too: nothing in them may assume what the
  // conversation does not support ("becca has 3 kids" is not the person's children).
  const said = ownWords(text, (s) => ownWordsSupported(s, facts));
  if (!said) return null;
  const own = withNames(said, facts);
  // A frame not used lately, else a plain one: never the same frame twice in a conversation.
  for (const group of feeling === 'plain' ? ['own_plain'] : [`own_${feeling}`, 'own_plain']) {
    const frame = rotate(group, turn, recent);
    if (frame) return fill(frame, { own, Own: cap(own) });
  }
  return null;
}

/**
 * Whether the person's words, said back, assume only what the conversation supports. "You see
 * each other twice a week" states no partner (that is how they put it), but "your boyfriend" does,
 * and children, an affair or a marriage said back from someone else's story are not theirs.
 */
function ownWordsSupported(said: string, facts: ConversationFacts): boolean {
  // "Your parents" said back is their own family: they just said so.
  const needs = assumptionsInText(said, []).filter(
    (a) =>
      a !== 'own_family' &&
      (a !== 'partner' || /\byour (partner|boyfriend|girlfriend|husband|wife|spouse)\b/.test(said)),
  );
  return allSupported(facts, needs);
}

/** Names the person gave, capitalised in their own words too ("rob agreed" -> "Rob agreed"). */
function withNames(s: string, facts: ConversationFacts): string {
  let out = s;
  for (const p of facts.people)
    if (p.name) out = out.replace(new RegExp(`\\b${p.name.toLowerCase()}\\b`, 'g'), p.name);
  return out;
}

type OwnClass = 'talk' | 'support' | 'end' | 'closer';
const OWN_CLASSES: [OwnClass, RegExp][] = (['talk', 'support', 'end', 'closer'] as const).map(
  (c) => [
    c,
    new RegExp((answers as unknown as { _own_classes: Record<string, string> })._own_classes[c]),
  ],
);
/** What the asked-for action is: talking, supporting, ending, getting closer, or other. */
function ownClass(x: string): OwnClass | null {
  for (const [c, re] of OWN_CLASSES) if (re.test(x)) return c;
  return null;
}

type OwnForm =
  | 'should'
  | 'how'
  | 'normal_to'
  | 'good_sign'
  | 'bad_sign'
  | 'fair'
  | 'allowed'
  | 'change_anything';
/** Forms answered whatever the action (they ask about a sign or fairness, not a step). */
const WHOLE_FORMS: ReadonlySet<OwnForm> = new Set([
  'good_sign',
  'bad_sign',
  'fair',
  'allowed',
  'change_anything',
]);

/** "should i ask her whats going on", "how do i talk to rob about it", "is it normal to ..." */
const OWN_QUESTIONS: [RegExp, OwnForm][] = [
  [/\b(?:should|shall) (?:i|we) (?:even |really |just |still |actually )?(.+)$/, 'should'],
  [
    /\bhow (?:do|can|should|would|could|will) (?:i|we) (?:even |actually |ever |possibly |best )?(.+)$/,
    'how',
  ],
  [/\bwhat (?:can|could|should|do) (?:i|we) do to (.+)$/, 'how'],
  [/\b(?:is it|is this|its|it's|is that) (?:normal|common|ok|okay|natural) to (.+)$/, 'normal_to'],
  [
    /^(?:so |but |and )?(?:is|isnt|isn't) (?:that|this|it) (?:a )?(?:good|positive|promising) sign\b()/,
    'good_sign',
  ],
  [
    /^(?:so |but |and )?(?:is|isnt|isn't) (?:that|this|it) (?:a )?(?:bad|red flag|warning) sign\b()|\bis (?:that|this|it) a red flag\b()/,
    'bad_sign',
  ],
  [/\bwhat(?: would|'s|s| is) (?:be )?(?:fair|the fair thing)\b()/, 'fair'],
  [/\b(?:is|are) (?:he|she|they) (?:even |actually |really )?allowed to\b()/, 'allowed'],
  [/\b(?:does|would|will) (?:that|this|it) change (?:anything|things|much)\b()/, 'change_anything'],
];
/** Longest asked-for action said back, in words. */
const OWN_QUESTION_WORDS = 18;

/**
 * A question answered about what it asks, in the person's words, when nothing more specific
 * answers it (with `wholeOnly`, only the forms about a sign, fairness or a rule): "should i apologise first?" -> "On whether to apologise first: ...", "how do i talk
 * to rob about it without a fight" -> "To talk to Rob about it without a fight, ...". The answer
 * is written for the kind of action asked about (talking, supporting, ending, getting closer).
 */
function ownQuestionPiece(
  text: string,
  facts: ConversationFacts,
  recent: ReadonlySet<string>,
  rng: Rng,
  wholeOnly: boolean,
): Piece | null {
  for (const sentence of lowerSentences(text)) {
    const t = sentence.trim().replace(/[\s,]+(lol|tbh|haha|honestly|now|though|tho)$/g, '');
    for (const [re, form] of OWN_QUESTIONS) {
      const m = re.exec(t);
      if (!m) continue;
      if (WHOLE_FORMS.has(form)) return pickFresh(form, recent, rng, ANSWERS);
      if (wholeOnly) continue;
      // "... or will that scare him off": the second half is a worry, not part of the action.
      const action = m[1]
        .replace(/,? or (will|would|is|am|should|do|does|that|it|just|not|maybe)\b.*$/, '')
        .trim();
      if (action.split(' ').length > OWN_QUESTION_WORDS || action.split(' ').length < 1) continue;
      const said = inSecondPerson(action);
      if (!said || !ownWordsSupported(said, facts)) continue;
      const x = withNames(said, facts);
      const c = form === 'normal_to' ? null : ownClass(said);
      const group =
        form === 'normal_to'
          ? 'normal_to'
          : form === 'should'
            ? c === 'talk' || c === 'end'
              ? `should_${c}`
              : 'should'
            : c
              ? `how_${c}`
              : 'how';
      return fill(pickFresh(group, recent, rng, ANSWERS), { x });
    }
  }
  return null;
}

/** The sentences of a message, lower-cased, with typographic apostrophes made plain. */
function lowerSentences(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’]/g, "'")
    .split(/[.?!\n]+/);
}

/** "what if she gets mad at me" (a sentence of its own): the feared thing, in their words. */
const WHAT_IF = /^(?:lol |but |and |so |ok |omg |haha )*what if (.{3,80})$/;

/** A view on a fear said as "what if ...", in the person's words, or null. */
function whatIfPiece(
  text: string,
  facts: ConversationFacts,
  recent: ReadonlySet<string>,
  rng: Rng,
): Piece | null {
  for (const sentence of lowerSentences(text)) {
    const m = WHAT_IF.exec(sentence.trim());
    if (!m) continue;
    const said = inSecondPerson(m[1].replace(/[\s,]+(lol|tbh|haha)$/, ''));
    if (!said || !ownWordsSupported(said, facts)) continue;
    return fill(pickFresh('what_if', recent, rng, ANSWERS), { x: withNames(said, facts) });
  }
  return null;
}

const PERSON_ASKS = (sharingAsks as { person: Entry[] }).person;
/** Roles whose person a question may be about (not someone else's affair partner or a stranger). */
const ASKED_ABOUT: ReadonlySet<PersonRole> = new Set([
  'partner',
  'spouse',
  'ex',
  'date',
  'friend',
  'sister',
  'brother',
  'mother',
  'father',
  'in_law',
  'coworker',
]);
/** Roles the story is most often about: asked about before anyone else named with them. */
const CLOSEST: ReadonlySet<PersonRole> = new Set(['partner', 'spouse', 'ex', 'date']);

/**
 * A question about the person the message is about: the partner or ex named in it, else the first
 * one named whose role is known, never a child or a stranger ("zoe says im choosing jess over her" -> "What do you think is going on for Zoe?"), by
 * rotation so a conversation does not hear the same one twice; null when none is named.
 */
function personAsk(input: ActInput): Piece | null {
  const lower = input.text.toLowerCase();
  // A name just given ("her name is sophie") has a role that is only a guess so far.
  const introduced = /\b(?:her|his|their) name(?:'s|s| is) ([\p{L}'-]+)/u.exec(lower)?.[1];
  let first: { at: number; name: string } | null = null;
  for (const p of input.facts.people) {
    if (!p.name || !ASKED_ABOUT.has(p.role) || p.name.toLowerCase() === introduced) continue;
    const name = p.name.toLowerCase().replace(/[^\p{L}'-]/gu, '');
    const m = new RegExp(`(?<!\\p{L})${name}(?!\\p{L})`, 'u').exec(lower);
    // The partner or ex named first, else whoever is named first.
    const at = m ? m.index + (CLOSEST.has(p.role) ? 0 : lower.length) : -1;
    if (m && (!first || at < first.at)) first = { at, name: p.name };
  }
  if (!first) return null;
  for (let k = 0; k < PERSON_ASKS.length; k++) {
    const e = PERSON_ASKS[(input.turn * ROTATION_STEP + k) % PERSON_ASKS.length];
    if (!input.recent.has(e.id)) return fill({ id: e.id, text: e.text }, { name: first.name });
  }
  return null;
}

/**
 * The pieces of an answer built on the person's own words: said back, then one plain question
 * about it when the conversation has no settled topic whose own questions would fit (the blocks
 * ask then). Null when the message cannot be said back.
 */
function ownAnswer(input: ActInput, core: CoreNeed): ActPlan | null {
  const mine = ownReflection(input.text, input.feeling, input.facts, input.recent, input.turn);
  if (!mine) return null;
  const pieces = [mine];
  // The situation the conversation is in asks what moves it forward, when its question is fresh.
  const sit = input.situation;
  const asked =
    sit && input.feeling !== 'good' && (isCloseMatch(sit) || sit.evidence === 0)
      ? situationPiece(sit, 'question', input.facts, input.recent)
      : null;
  if (asked) return { pieces: [mine, asked], core: 'none', style: null, echo: false };
  // A topic clear in the message or settled in the conversation asks its own question (the blocks).
  if (input.feeling !== 'good' && (input.settledTopic || input.ownTopic))
    return { pieces, core, style: null, echo: false };
  // A message about someone they named asks about that person and this story.
  const about = input.feeling === 'good' ? null : personAsk(input);
  if (about) return { pieces: [mine, about], core: 'none', style: null, echo: false };
  // A topic's questions are about its pains: good news, or a message whose topic is neither clear
  // in its own words nor the conversation's settled one, gets a plain question about what was said.
  if (input.feeling === 'good' || !(input.settledTopic || input.ownTopic)) {
    const ask = rotate(`own_ask_${input.feeling}`, input.turn, input.recent);
    if (ask) return { pieces: [mine, ask], core: 'none', style: null, echo: false };
  }
  return { pieces, core, style: null, echo: false };
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
    // Progress and plans are said back in the person's own words when they can be.
    case 'progress': {
      const own = ownHappening(facts, 'progress', input.turn);
      add(own ? fill(pick('progress_own', recent, rng), { own }) : pick('progress', recent, rng));
      add(pick('progress_reinforce', recent, rng));
      if (rng() < 0.5) add(pick('progress_question', recent, rng));
      return { pieces, core: 'none', style: 'LIGHT_TOUCH', echo: false };
    }
    case 'plan': {
      const own = ownHappening(facts, 'plan', input.turn);
      add(own ? fill(pick('plan_own', recent, rng), { own }) : pick('plan', recent, rng));
      add(pick('plan_tip', recent, rng));
      return { pieces, core: 'none', style: 'GUIDANCE_SESSION', echo: false };
    }
    case 'question': {
      add(answerPiece(input.question ?? 'advice', input.text, input.situation, facts, recent, rng));
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
    case 'change_subject': {
      add(pick('change_subject', recent, rng));
      // A new subject that comes with a question ("different question, how do i help her without
      // taking sides") gets its answer at once.
      const kind = questionIn(input.text);
      if (kind) {
        add(answerPiece(kind, input.text, input.situation, facts, recent, rng));
        return { pieces, core: 'none', style: 'GUIDANCE_SESSION', echo: false };
      }
      add(situationPiece(input.situation, 'reflection', facts, recent));
      return { pieces, core: pieces.length > 1 ? 'question' : 'light', style: null, echo: false };
    }
    case 'event': {
      // News is met as it is: said back, as good news when it is, and one question about it; a
      // situation's own words only when it is clearly the one (a loose match misreads news).
      const close = input.situation !== null && isCloseMatch(input.situation);
      const sit = situationPiece(input.situation, 'reflection', facts, recent);
      const mine = sit && close ? null : ownAnswer(input, 'question');
      if (mine) return mine;
      add(pick('event', recent, rng));
      add(sit);
      return { pieces, core: pieces.length > 1 ? 'question' : 'light', style: null, echo: true };
    }
    case 'sharing': {
      // A situation clearly recognised answers in its own words: its reflection and the one
      // question that moves it forward, not a topic's stock paragraph around them.
      const close = input.situation !== null && isCloseMatch(input.situation);
      const own = close ? situationPiece(input.situation, 'reflection', facts, recent) : null;
      if (own) {
        pieces.push(own);
        const ask =
          situationPiece(input.situation, 'question', facts, recent) ??
          rotate(`own_ask_${input.feeling}`, input.turn, recent);
        if (ask) pieces.push(ask);
        return { pieces, core: ask ? 'none' : 'question', style: null, echo: false };
      }
      // Later in the same situation (found again, its reflection given, the story told
      // over a few turns), a further telling is said back with the situation's own small step: a suggestion that fits
      // this situation, not a stock one on a first vent.
      // Only when this message itself speaks of the situation: one carried over a bare "idk what
      // to even feel" is someone reeling, not ready for a step.
      const told =
        input.situation !== null &&
        input.situation.evidence > 0 &&
        recent.has(`sit.${input.situation.situation.id}.reflection.1`);
      if (told && input.stage >= STEP_SITUATION_STAGE) {
        const step = situationPiece(input.situation, 'step', facts, recent);
        const mine = step
          ? ownReflection(input.text, input.feeling, facts, recent, input.turn)
          : null;
        if (step && mine) return { pieces: [mine, step], core: 'none', style: null, echo: false };
      }
      // "what if she gets mad at me and not him": a fear said as a question gets a view on it.
      const fear = whatIfPiece(input.text, facts, recent, rng);
      if (fear) {
        const ask = rotate(`own_ask_${input.feeling}`, input.turn, recent);
        return {
          pieces: ask ? [fear, ask] : [fear],
          core: ask ? 'none' : 'question',
          style: null,
          echo: false,
        };
      }
      // While the person is still telling it, the message is answered in its own words (said
      // back, which cannot misread it), not by a topic's stock paragraph that may tell another
      // story ("bracing yourself before every conversation"); a clear topic asks its own question.
      if (!input.ownTopic || input.stage < STEP_STAGE) {
        const mine = ownAnswer(input, 'question');
        if (mine) return mine;
      }
      // A topic's blocks: a reflection and a question while the person is still telling it; the
      // whole recipe (which may hold a step) only once the topic has been worked on.
      return {
        pieces,
        core: input.stage >= STEP_STAGE ? 'full' : 'light',
        style: null,
        echo: true,
      };
    }
  }
}
