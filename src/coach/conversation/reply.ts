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
import {
  actText,
  askedSentence,
  eventKind,
  minimisesControl,
  sorrowTold,
  planKind,
  progressKind,
  questionIn,
  sentenceOfAct,
  soundsGood,
  unsureGreeting,
  type QuestionKind,
  type TurnAct,
} from './acts';
import {
  answerForm,
  askedStatement,
  FITTING_FORMS,
  normalOrWorry,
  optionsIn,
  overreactingOr,
  RULE,
  shapeOf,
  subjectsOf,
  type AnswerForm,
} from './asked';
import actReplies from './act-replies.json';
import answers from './answers.json';
import sharingAsks from './sharing-asks.json';
import { allSupported, assumptionsInText } from './assumptions';
import { bringsNews, frameOf, goodIn, reliefIn, worryIn, type Feeling } from './feeling';
import { closingOf } from './closing';
import { feltPieces, feltShapeOf } from './shapes';
import { aboutAmora } from './about';
import { mayBeUnfit, unfitAsk } from './ask-fit';
import {
  backgroundIn,
  burdenIn,
  inSecondPerson,
  lightIn,
  ownWords,
  preambleGist,
  unquoted,
  withApostrophes,
} from './own-words';
import {
  opensConversation,
  quoteFor,
  splitAction,
  worryKind,
  type ActionParts,
  type WorryKind,
} from './wording';
import {
  COUNT,
  currentPartner,
  hasPartner,
  speaksOnlyOfOthers,
  toSecondPerson,
  type ConversationFacts,
  type FactChange,
  type PersonRole,
} from './facts';

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

/**
 * The plain questions after an answer that follow from its kind: what they'll do after a view on
 * what to do, whether it fits after "is it normal", what gets in the way after a how-to ("what
 * do you think you'll do?" after "yes, that's common" asks about nothing).
 */
const FOLLOW_UPS: Record<QuestionKind, readonly string[]> = {
  advice: ['act.answer.ask.01', 'act.answer.ask.05', 'act.answer.ask.06'],
  yes_no: ['act.answer.ask.01', 'act.answer.ask.02', 'act.answer.ask.05'],
  normalcy: ['act.answer.ask.01', 'act.answer.ask.02', 'act.answer.ask.05'],
  how_to: ['act.answer.ask.02', 'act.answer.ask.03', 'act.answer.ask.04'],
};

/** A question after an answer of this kind, not one just asked. */
function followUp(kind: QuestionKind, recent: ReadonlySet<string>, rng: Rng): Piece | null {
  const all = (REPLIES.answer_followup ?? []).filter((e) => FOLLOW_UPS[kind].includes(e.id));
  const fresh = all.filter((e) => !recent.has(e.id));
  if (fresh.length === 0) return null;
  const e = fresh[Math.floor(rng() * fresh.length) % fresh.length];
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
 * The situation answers that can answer a question of each form: "is it normal to cry every
 * day?" is not answered by advice, nor "how do i tell him?" by a verdict on whether it's normal,
 * nor "is 'not ready' a nice way to say no?" by advice on ultimatums.
 */
const FITTING_ANSWERS: Record<AnswerForm, readonly AnswerKind[]> = {
  yes_no: ['yes_no'],
  normalcy: ['normalcy'],
  how_to: ['how_to', 'advice'],
  advice: ['advice', 'how_to', 'yes_no'],
};

/** Words that ask for a verdict on the person ("am i being unreasonable", "is that silly"). */
const VERDICT =
  'unreasonable|silly|stupid|dramatic|crazy|bad|wrong|weird|selfish|petty|mean|overreacting|foolish|needy|clingy|ridiculous|pathetic|terrible|awful|horrible';
/** "am i being unreasonable for wanting her to call first" (one sentence, to its end) */
const VERDICT_ON_WANT = new RegExp(
  `\\bam i (?:being )?(?:(?:a|an) )?(${VERDICT})(?: person)? (?:for|to) (want(?:ing)? [^.?!]{3,60}?)\\s*$`,
);
/** "am i a terrible person for dreading her visits": a verdict on the person for a feeling. */
const VERDICT_ON_SELF = new RegExp(
  `\\bam i (?:being )?(?:just )?((?:(?:a|an) )?(?:${VERDICT})(?: person| partner| wife| husband| girlfriend| boyfriend| daughter| son| friend)?) for ([a-z]+ing\\b[^.?!]{0,60}?)\\s*$`,
);
/** "am i wrong to be upset about this": a verdict on the person for a feeling said as "to be/feel". */
const VERDICT_ON_SELF_TO = new RegExp(
  `\\bam i (?:being )?(?:just |really )?(${VERDICT}) (?:for wanting to|to) ((?:be|feel|get|still (?:be|feel)|want|miss|hate|mind)\\b[^.?!]{0,60}?)\\s*$`,
);
/**
 * "is it fair to ask her to pay more": asking for something is fair whatever the answer. Tried
 * after a situation's own answer, which may know what such a request costs ("asking him to see
 * less of a friend tends to backfire").
 */
function fairToAsk(text: string, recent: ReadonlySet<string>, rng: Rng): Piece | null {
  for (const sentence of lowerSentences(text)) {
    const fair = FAIR_TO_ASK.exec(sentence.replace(/'/g, '').trim());
    const own = fair ? inSecondPerson(fair[2]) : null;
    if (fair && own) return fill(pick('fair_to_ask', recent, rng, ANSWERS), { own, word: fair[1] });
  }
  return null;
}
/** The asking that {@link fairToAsk} answers. */
const FAIR_TO_ASK =
  /\b(?:is|isnt|would) (?:it|that|this)(?: be)? (?:really |even )?(fair|reasonable|ok|okay|alright) (?:of me |for me )?to ((?:ask|want|raise|bring up|talk to|tell) [^.?!]{3,60}?)\s*$/;
/** Feelings said as "-ing" ("dreading", "wanting", "missing"), as against acts ("refusing"). */
const FEELING_ING =
  /^(?:dreading|feeling|wanting|missing|hating|resenting|being|having feelings|loving|liking|needing|fancying|envying|still|not (?:wanting|liking|loving|missing))\b/;
/** "i miss him", "i still love her": a feeling said just before "is that silly?" (its words after "i"). */
const FELT_BEFORE =
  /^(?:(?:and|but|honestly|i mean|like|still)[, ]+)*i (?:still |really |just |kind of |kinda )?((?:miss|love|want|hate|resent|envy|fancy|feel|cant stop thinking about|keep thinking about|keep missing)\b[^.?!]{0,50})$/;
/** Waiting, hoping and trusting ("waiting this long", "believing him"): giving time, not acting. */
const GIVING_TIME_ING =
  /^(?:waiting|staying|hoping|believing|trusting|forgiving|giving (?:him|her|them|it)|holding on|sticking (?:around|with))\b/;
/** "is a date night a stupid idea when we are both dead tired" */
const VERDICT_ON_IDEA =
  /\bis (?:it|this|that|(?:a|an|the|our) [a-z ]{2,30}?) (?:a |an )?(stupid|bad|silly|dumb|terrible|ridiculous|crazy|selfish) idea\b/;
/** "is it bad to show her that", "is that silly" (one sentence, to its end) */
const VERDICT_ON_ACT = new RegExp(
  `\\b(?:is|isnt|would|wouldnt) (?:it|this|that)(?: be)? (?:really |just )?(${VERDICT})(?: for (?:us|you|me|him|her|them|(?:our|my|the|your) \\w+))?(?: to ([^.?!]{3,60}?))?\\s*$`,
);

/** The verdict word a question asks about ("is it foolish to...": foolish), or null. */
function verdictWord(text: string): string | null {
  const t = text.toLowerCase().replace(/[’']/g, '');
  const m = new RegExp(
    `\\b(?:am i|is (?:it|this|that)|isnt (?:it|this|that)|would (?:it|this|that)(?: be)?) (?:being |really |just |a |an )*(${VERDICT})\\b`,
  ).exec(t);
  return m ? m[1] : null;
}

/** What is kept out of sight: hiding, lying, not telling. */
const HIDDEN_ACT =
  /\b(?:hiding|hide|hid|lied|lie|lying|keeping (?:it|this|him|her|them|that) (?:from|a secret|secret|quiet)|keep (?:it|this) (?:from|a secret|secret)|(?:don't|do not|didn't|did not|haven't|have not) (?:tell|told) (?:him|her|them|my|your|anyone)|secretly|behind (?:his|her|their) back)\b/;
/** A feeling or wish, not a thing done ("you still miss him", "you look forward to mondays"). */
const VERDICT_FEELING =
  /^you(?:'re| are)? (?:still |kind of |kinda |really |just |secretly |sometimes |actually )*(?:feel|felt|miss|love|loved|hate|like|want|wanted|don't want|do not want|wish|care|look forward|can't stop thinking|cannot stop thinking|think about|get jealous|am jealous|jealous|angry|sad|relieved|happy|glad|excited|nervous|scared|afraid|resent|envy|envious|attracted|not ready|not sure|can't forgive|don't miss|do not miss)\b/;

/**
 * A question asking whether something is unreasonable, silly or bad gets an answer about that
 * thing, in the person's own words, not a "yes, it's very common": a want is fair to have, a
 * feeling is not wrong in itself, an action depends on why and how.
 */
function verdictPiece(text: string, recent: ReadonlySet<string>, rng: Rng): Piece | null {
  let before = '';
  for (const sentence of text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[.?!]+/)) {
    const t = sentence.trim();
    const previous = before;
    if (t) before = t;
    const want = VERDICT_ON_WANT.exec(t);
    if (want) {
      const own = cap(toSecondPerson(want[2].replace(/^want /, 'wanting ')));
      return fill(pick('judge_want', recent, rng, ANSWERS), { own, word: want[1] });
    }
    const selfTo = VERDICT_ON_SELF_TO.exec(t);
    const ownTo = selfTo ? inSecondPerson(selfTo[2]) : null;
    if (selfTo && ownTo)
      return fill(pick('judge_self_to', recent, rng, ANSWERS), { own: ownTo, word: selfTo[1] });
    const self = VERDICT_ON_SELF.exec(t);
    if (self) {
      const own = inSecondPerson(self[2]);
      // A feeling ("dreading her visits") is not wrong in itself; an act ("refusing to lend him
      // more") is weighed by why and how.
      if (own)
        return fill(
          pick(
            FEELING_ING.test(own)
              ? 'judge_self'
              : GIVING_TIME_ING.test(own)
                ? 'judge_self_wait'
                : 'judge_self_act',
            recent,
            rng,
            ANSWERS,
          ),
          {
            own,
            word: self[1],
          },
        );
    }
    const idea = VERDICT_ON_IDEA.exec(t);
    if (idea) return fill(pick('judge_idea', recent, rng, ANSWERS), { word: idea[1] });
    const act = VERDICT_ON_ACT.exec(t);
    if (!act) continue;
    const word = act[1];
    if (!act[2]) {
      // "i miss him. is that silly?": the "that" is the feeling just said, not something to do.
      const felt = FELT_BEFORE.exec(previous);
      const own = felt ? inSecondPerson(felt[1]) : null;
      if (own) return fill(pick('judge_feel', recent, rng, ANSWERS), { own, word });
      return fill(pick('judge_plain', recent, rng, ANSWERS), { word });
    }
    const own = toSecondPerson(act[2]);
    if (/^want /.test(own))
      return fill(pick('judge_want', recent, rng, ANSWERS), {
        own: cap(own.replace(/^want /, 'wanting ')),
        word,
      });
    const group =
      /^(be|feel|have (?:feelings|a crush|doubts)|still|miss|love|hate|like|care)\b/.test(own)
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
  return {
    id: p.id,
    text: endsQuote(p.text.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m)),
  };
}

/** A quoted question ends its sentence: "... 'Are we together?'. The" loses its extra stop. */
function endsQuote(s: string): string {
  return s.replace(/([?!]['"])[.;]/g, '$1');
}

/** A text with its first letter in capitals. */
function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * This turn's plan or progress in the person's own words ("you didn't text him"), when it was
 * kept and is short enough to say back; null otherwise.
 */
function ownHappening(facts: ConversationFacts, kind: 'plan' | 'progress', turn: number) {
  const h = facts.happenings.find((x) => x.turn === turn && x.kind === kind);
  if (!h) return null;
  const text = withApostrophes(
    h.text
      .replace(/(\s+(lol|haha+|tho|though|lmao|actually))+$/i, '')
      .replace(/\s+(lol|haha+|lmao)\b/gi, '')
      .trim(),
  );
  // A question of the person's own is not said back; one they will ask ("'Are we together?'") is.
  if (text.split(' ').length > 14 || /[?{}]/.test(unquoted(text))) return null;
  // A plan said back is the person's own ("you'll call him"), not what someone else offered.
  if (kind === 'plan' && !/^you(?:'ll|'re| will| are| want| need| think| might)\b/.test(text))
    return null;
  return cap(text);
}

/** An answer to a question: its pieces (the first leads) and the one question that follows it. */
interface Answer {
  pieces: Piece[];
  /** A question that follows from this answer, when it has its own. */
  ask: Piece | null;
}

/** One piece as an answer without a question of its own. */
function plain(p: Piece | null): Answer | null {
  return p ? { pieces: [p], ask: null } : null;
}

/**
 * The answer to a question, about what it asks: a subject the catalogue has an answer for, then
 * the situation found in this message (its answer of a fitting form), then the question's own
 * shape (an either/or weighed, a verdict, a sign, a step in the person's words), then a situation
 * carried from earlier turns, else a general answer of the right kind.
 */
function answerPiece(
  kind: QuestionKind,
  text: string,
  situation: SituationMatch | null,
  facts: ConversationFacts,
  recent: ReadonlySet<string>,
  rng: Rng,
): Answer {
  const sentence = askedSentence(text) ?? actText(text);
  const form = answerForm(sentence, kind);
  const own = (): Answer | null => {
    if (!situation || !allSupported(facts, situation.situation.assumes)) return null;
    // A yes/no about a situation clearly named in this message may take its advice ("will this
    // hurt me in custody if i left?"); one carried over or met by a stray word may not.
    const kinds =
      form === 'yes_no' && situation.evidence >= 2
        ? [...FITTING_ANSWERS.yes_no, 'advice' as const]
        : FITTING_ANSWERS[form];
    // "is it normal to feel this guilty" is about guilt: the "is it normal" of a situation carried
    // over that speaks of another feeling (loneliness) answers someone else's question.
    // Only a situation carried over or loosely called up, not one this message clearly names.
    const felt =
      form === 'normalcy' && !isCloseMatch(situation)
        ? NORMAL_REASONS.find((r) => r.re.test(sentence))
        : undefined;
    for (const k of kinds) {
      const answer = situation.situation.answers[k];
      const id = `sit.${situation.situation.id}.answer.${k}`;
      if (answer && felt && k === 'normalcy' && !felt.re.test(answer.toLowerCase())) continue;
      if (answer && !recent.has(id))
        return {
          pieces: [{ id, text: answer }],
          ask: situationPiece(situation, 'question', facts, recent),
        };
    }
    return null;
  };
  // Its answer names the very verdict asked about ("is it silly to be lonely" and "it isn't
  // weird or silly at all"): it answers this question, not only the situation's usual one.
  const ownNaming = () => {
    const word = verdictWord(text);
    const answer = word ? own() : null;
    return answer && answer.pieces[0].text.toLowerCase().includes(word!) ? answer : null;
  };
  const verdict = () =>
    form === 'normalcy' || form === 'yes_no' ? plain(verdictPiece(text, recent, rng)) : null;
  const fair = () =>
    form === 'normalcy' || form === 'yes_no' ? plain(fairToAsk(text, recent, rng)) : null;
  const found = situation !== null && situation.evidence > 0;
  // An either/or is weighed in its own words before any situation's answer: it names its own
  // options ("should i ask him what we are or will that scare him off"), which a situation's
  // advice ("only keep it casual if...") does not.
  const close = situation !== null && isCloseMatch(situation);
  // A carried situation's answer does not answer "is that a good sign?" or "what would be fair?":
  // those get their own, before it.
  const whole = () => plain(ownQuestionPiece(text, facts, recent, rng, true));
  const mine = () => plain(ownQuestionPiece(text, facts, recent, rng, false));
  const either = () => eitherAnswer(text, sentence, facts, recent, rng);
  const subject = () => subjectAnswer(sentence, actText(text), form, situation, facts, recent);
  const words = () => (form === 'how_to' ? wordingAnswer(text, facts, recent, rng) : null);
  // A shape without the person's own topic ("how do people decide this") says less than a subject
  // the message names ("move in or get his own place"): the subject's answer comes first then.
  const shaped = shapedAnswer(text, facts, recent, rng);
  // "What do I say" answered only by its shape ("short and honest beats perfect") says less
  // than a subject the message names ("he keeps texting sorry ... what do i even say to him?"),
  // and so does "how do i know if..." ("notice how you feel on an ordinary day") when the thing
  // to know has a subject of its own ("...if i'm in love", "...if i'm ready to live with someone").
  const vague =
    shaped !== null &&
    shaped.pieces.some((p) => /_plain\.|\.words_back\.|\.signs_decide\./.test(p.id));
  return (
    (vague ? (subject() ?? shaped) : shaped) ??
    subject() ??
    whole() ??
    (found
      ? close
        ? // A verdict asked in so many words ("is it foolish to...") is answered before the
          // situation's stock yes or no, which answers the situation's usual question instead.
          (either() ?? ownNaming() ?? verdict() ?? own() ?? fair() ?? words() ?? mine())
        : // A situation this message only loosely calls up answers after the question's own shape.
          (either() ?? verdict() ?? words() ?? own() ?? fair() ?? mine())
      : // "how do i bring it up without her feeling cornered", with a situation carried from
        // earlier turns: words for their own action and worry answer it, where the situation's
        // stock how-to answers its usual question (and may propose what they fear).
        form === 'how_to'
        ? (either() ?? verdict() ?? fair() ?? words() ?? own() ?? mine())
        : (either() ?? verdict() ?? own() ?? fair() ?? words() ?? mine())) ??
    (form === 'yes_no' ? plain(yesNoOwn(text, facts, recent, rng)) : null) ?? {
      pieces: [pick(form, recent, rng, ANSWERS)].filter((p): p is Piece => p !== null),
      ask: null,
    }
  );
}

/**
 * A question asking for a time, words to send back, ideas, places or how to tell or decide,
 * answered in that shape ("On when to text her: ..."), with the person's own topic when it turns
 * cleanly into the second person; null when the question has none of these shapes.
 */
function shapedAnswer(
  text: string,
  facts: ConversationFacts,
  recent: ReadonlySet<string>,
  rng: Rng,
): Answer | null {
  for (const sentence of lowerSentences(text)) {
    const shaped = shapeOf(sentence.replace(/'/g, ''));
    if (!shaped) continue;
    const group =
      shaped.shape === 'timing' && /\bhow long\b|\bwait/.test(shaped.topic ?? sentence)
        ? 'timing_wait'
        : shaped.shape === 'words_back' && SOMEONE_HURTING.test(text.toLowerCase())
          ? 'words_comfort'
          : // "what do i say to her?" with no message to answer is what to tell her, not a reply.
            shaped.shape === 'words_back' &&
              SAY_TO_SOMEONE.test(sentence) &&
              !RECEIVED.test(text.toLowerCase())
            ? 'words_tell'
            : shaped.shape;
    const said = shaped.topic ? inSecondPerson(shaped.topic) : null;
    const x =
      said && ownWordsSupported(said, facts) && said.split(' ').length <= OWN_QUESTION_WORDS
        ? withNames(said, facts)
        : null;
    const withTopic = x ? fill(pickFresh(group, recent, rng, ANSWERS), { x }) : null;
    const piece =
      withTopic && !withTopic.text.includes('{x}')
        ? withTopic
        : (pickFresh(`${group}_plain`, recent, rng, ANSWERS) ??
          (ANSWERS[`${group}_plain`] ? null : pickFresh(group, recent, rng, ANSWERS)));
    if (piece && !piece.text.includes('{x}')) return plain(piece);
  }
  return null;
}

/**
 * Someone else in distress in the message ("she's crying in the kitchen", "he just found out his
 * dad died"): "what do i say to her" then asks for comfort, not a reply to a text.
 */
/** "what do i say to her": words for someone, which may be a reply or something to tell. */
const SAY_TO_SOMEONE =
  /\bwhat (?:do|should|can|could|would) (?:i|we) (?:even |actually )?say to (?:her|him|them)\b/;
/** Something came to the person that asks for an answer: a message, a question, a call. */
const RECEIVED =
  /\b(?:texted|texting|messaged|messaging|dmed|dming|dm d|wrote|writing|sent|sending|replied|emailed|emailing|called|calling|rang|ringing|asked me|asks me|asked if|asked why|asked when|asking me|said to me|told me|voice ?notes?|messages?|texts?|snaps?|dms?|email|letter|reached out|got in touch)\b/;

const SOMEONE_HURTING =
  /\b(?:she|he|they)(?:'s|s| is| are|re|'re)? (?:crying|sobbing|in tears|in bits|heartbroken|devastated|distraught|a mess|falling apart)\b|\b(?:she|he|they) (?:just )?(?:found out|lost|was dumped|got dumped|got cheated on)\b|\b(?:has been|was|been) cheat(?:ing|ed)\b|\b(?:died|passed away|miscarriage|miscarried)\b/;

/** "how do i ..." with the asked-for action, first person, lower case, or null. */
const HOW_ACTION =
  /\bhow (?:do|can|should|would|could|will) (?:i|we) (?:even |actually |ever |possibly |best )?(.+)$/;

/**
 * A how-to question about saying something, answered with words the person could use, built from
 * how they asked ("how do i tell him i need him to back me up" -> "I need you to back me up"), and
 * a word on the worry they named ("without sounding needy", "without it becoming another fight").
 */
function wordingAnswer(
  text: string,
  facts: ConversationFacts,
  recent: ReadonlySet<string>,
  rng: Rng,
): Answer | null {
  for (const sentence of lowerSentences(text)) {
    const m = HOW_ACTION.exec(
      sentence.trim().replace(/[\s,]+(lol|tbh|haha|honestly|now|though|tho|rn)$/g, ''),
    );
    if (!m || m[1].split(' ').length > OWN_QUESTION_WORDS + 6) continue;
    const parts = splitAction(m[1]);
    const said = inSecondPerson(parts.main);
    if (!said || !ownWordsSupported(said, facts)) return null;
    const x = withNames(inSecondPerson(m[1]) ?? said, facts);
    const quote = quoteFor(parts.main);
    const pieces: (Piece | null)[] = [];
    if (quote)
      pieces.push(
        fill(pickFresh('how_quote', recent, rng, ANSWERS), { x, quote: withNames(quote, facts) }),
      );
    else if (opensConversation(parts.main))
      pieces.push(fill(pickFresh('how_open', recent, rng, ANSWERS), { x }));
    const kind = parts.worry ? worryKind(parts.worry) : null;
    if (kind && parts.worry) {
      if (pieces.length === 0) {
        const c = ownClass(said);
        pieces.push(fill(pickFresh(howGroup(c), recent, rng, ANSWERS), { x }));
      }
      pieces.push(worryWords(kind, parts, facts, recent, rng));
    }
    const got = pieces.filter((p): p is Piece => p !== null);
    return got.length > 0 && pieces[0] !== null ? { pieces: got, ask: null } : null;
  }
  return null;
}

/** Object forms of the pronouns a worry names ("so she doesn't feel" -> her). */
const OBJECT: Readonly<Record<string, string>> = { he: 'him', she: 'her', they: 'them' };

/** The sentence that meets a how-to question's worry, in its words where it can use them. */
function worryWords(
  kind: WorryKind,
  parts: ActionParts,
  facts: ConversationFacts,
  recent: ReadonlySet<string>,
  rng: Rng,
): Piece | null {
  const worry = parts.worry ?? '';
  if (kind === 'sound' || kind === 'fight') {
    const w = inSecondPerson(worry.replace(/^it /, ''));
    if (!w || !ownWordsSupported(w, facts)) return null;
    return fill(pickFresh(`how_worry_${kind}`, recent, rng, ANSWERS), { w: withNames(w, facts) });
  }
  if (kind === 'feel') {
    // "him feeling attacked", or "so she doesn't feel i'm choosing carmen over her".
    const own = /^(him|her|them|[a-z]+) (feeling|thinking) (.+)$/.exec(worry);
    const who = own ? own[1] : parts.who ? (OBJECT[parts.who] ?? parts.who) : null;
    const rest = own
      ? `${own[2]} ${own[3]}`
      : worry.replace(/^(feel|think)\b/, (v) => (v === 'feel' ? 'feeling' : 'thinking'));
    const w = inSecondPerson(
      rest.replace(/^(feeling|thinking) (?=(i|i'm|im|we|you|he|she|they)\b)/, '$1 that '),
    );
    if (!who || !w || !ownWordsSupported(w, facts)) return null;
    return fill(pickFresh('how_worry_feel', recent, rng, ANSWERS), {
      who: withNames(who, facts),
      w: withNames(w, facts),
    });
  }
  return pickFresh(`how_worry_${kind}`, recent, rng, ANSWERS);
}

/**
 * A yes/no question nothing more specific answers, answered honestly about what it asks, in the
 * person's words ("is it my fault for never pushing harder" -> "On whether it is your fault for
 * never pushing harder: ..."), rather than with a confident answer about something else.
 */
function yesNoOwn(
  text: string,
  facts: ConversationFacts,
  recent: ReadonlySet<string>,
  rng: Rng,
): Piece | null {
  for (const sentence of lowerSentences(text)) {
    const statement = askedStatement(sentence.replace(/[\s,]+(lol|tbh|haha|though|tho)$/, ''));
    if (!statement || statement.split(' ').length > OWN_QUESTION_WORDS) continue;
    const said = inSecondPerson(statement);
    if (!said || !ownWordsSupported(said, facts)) continue;
    return fill(pickFresh(yesNoGroup(statement), recent, rng, ANSWERS), {
      x: withNames(said, facts),
    });
  }
  return null;
}

/** A statement about what will happen or what someone else thinks, feels or does. */
const PREDICTION =
  /\b(will|would|wont|going to|gonna|ever|(?:i|he|she|they|we|you|it)ll)\b|^(?:he|she|they|my \w+|his \w+|her \w+|[a-z]+) (?:is|are|was|does|do|has|have|can|could)\b|\b(?:means?|meant)\b/;
/** "that is too formal", "it is too much to ask": a question of degree about something planned. */
const TOO_MUCH =
  /^(?:it|that|this|(?:the|our|a|my) [a-z ]{2,30}?) (?:is|was|are) (?:a bit |way |just )?too [a-z]+\b/;

/**
 * Which answer fits a yes/no question nothing more specific answers, by what it asks about: a
 * question of degree about something planned ("is that too formal?") gets a view on it, one about
 * the person themselves ("am i doing this right") no verdict but no alarm, and only a prediction or
 * someone else's mind ("will he change", "is she seeing someone") gets "I can't know that".
 */
function yesNoGroup(statement: string): string {
  if (TOO_MUCH.test(statement)) return 'yes_no_too';
  if (/^i (?:am|was)\b/.test(statement) && !PREDICTION.test(statement)) return 'yes_no_self';
  return 'yes_no_own';
}

/**
 * The catalogue's answer for what the question is about ("should i check his phone", "does it
 * count as cheating if..."), in a form that fits how it was asked, with its own question.
 */
function subjectAnswer(
  sentence: string,
  whole: string,
  form: AnswerForm,
  situation: SituationMatch | null,
  facts: ConversationFacts,
  recent: ReadonlySet<string>,
): Answer | null {
  // The question sentence first; else the rest of the message ("is that normal? he says its
  // because he loves me" is about what the second sentence says).
  const named = subjectsOf(sentence);
  for (const subject of named.length > 0 ? named : subjectsOf(whole)) {
    // The conversation's remembered situation stands for what it assumes too: "how do i even
    // start that conversation", a turn after "should i tell my wife" about an affair, is about it.
    const standsFor = [situation?.situation.id, facts.situation?.id].some(
      (id) => id !== undefined && subject.situations.includes(id),
    );
    if (!standsFor && !allSupported(facts, subject.assumes)) continue;
    for (const f of FITTING_FORMS[form]) {
      const text = subject.answers[f];
      const id = `subj.${subject.id}.answer.${f}`;
      if (!text || recent.has(id)) continue;
      const askId = `subj.${subject.id}.exploration.1`;
      return {
        pieces: [{ id, text }],
        ask: subject.question && !recent.has(askId) ? { id: askId, text: subject.question } : null,
      };
    }
  }
  return null;
}

type OptionClass = string;
const OPTION_DATA = (
  answers as unknown as {
    _option_classes: Record<string, string | string[] | Record<string, number>>;
  }
)._option_classes;
const OPTION_CLASSES: [OptionClass, RegExp][] = (OPTION_DATA.order as string[]).map((c) => [
  c,
  new RegExp(OPTION_DATA[c] as string),
]);
const OPTION_LEAN = OPTION_DATA.lean as Record<OptionClass, number>;

/** What an option is (talking, letting it pass, waiting, letting them decide...), or null. */
function optionClass(x: string): OptionClass | null {
  const t = x.replace(/^(just|even|really|actually|maybe|still|try to|try and|go ahead and) /, '');
  for (const [c, re] of OPTION_CLASSES) if (re.test(t)) return c;
  return null;
}

/** Verdict words a worry may be ("or is that petty", "or am i overreacting"). */
const WORRY_VERDICT = new RegExp(
  `^(?:too much|over the top|${VERDICT}|needy|desperate|clingy|rude|unfair|overkill|pushy|controlling|childish|harsh|insane|overthinking|paranoid|jealous|toxic|disrespectful|a bad idea)\\b`,
);

/** A reply to the worry in an either/or ("or will that scare him off"), or null. */
function worryPiece(b: string, facts: ConversationFacts, recent: ReadonlySet<string>, rng: Rng) {
  // "... or is going back to an ex always a mistake" asks about a rule, not a consequence.
  if (RULE.test(b)) return pickFresh('worry_rule', recent, rng, ANSWERS);
  const self = /^am i\b/.test(b);
  const rest = b
    .replace(
      /^(?:will|would|could|might|does|is|isn't|isnt|am|was|wouldn't|wouldnt) (?:that|it|this|i|he|she|they) /,
      '',
    )
    .replace(/^(?:just |be |really |even |come across as |seem |look )+/, '');
  const said = inSecondPerson(rest);
  if (!said || !ownWordsSupported(said, facts) || said.split(' ').length > 10) return null;
  const w = withNames(said, facts);
  const group = WORRY_VERDICT.test(said)
    ? self
      ? 'worry_verdict_self'
      : 'worry_verdict'
    : /^make (you|me) (look|seem|sound|come across)\b/.test(said)
      ? 'worry_look'
      : /\b(scare|push|run|lose|drive|put (him|her|them) off|turn (him|her|them) off|away|off)\b/.test(
            said,
          )
        ? 'worry_push'
        : /\b(worse|backfire|blow up|fight|war|row|escalate|mess|ruin)\b/.test(said)
          ? 'worry_worse'
          : 'worry_other';
  return fill(pickFresh(group, recent, rng, ANSWERS), { w });
}

/**
 * An either/or answered by weighing the two options the person named, in their words: the one
 * Amora would lean towards and why, and what the other costs; a pair with a known better order
 * ("say it once, then let her decide") gets that; two options Amora has no lean between get an
 * honest way to weigh them. "Should i X or will that Y" is X with a worry: X is answered, then
 * the worry.
 */
function eitherAnswer(
  text: string,
  sentence: string,
  facts: ConversationFacts,
  recent: ReadonlySet<string>,
  rng: Rng,
): Answer | null {
  if (normalOrWorry(sentence)) return plain(pickFresh('normal_or_worry', recent, rng, ANSWERS));
  const self = overreactingOr(sentence);
  if (self) {
    const w = inSecondPerson(self);
    if (w && ownWordsSupported(w, facts))
      return plain(
        fill(pickFresh('overreacting_or', recent, rng, ANSWERS), { w: withNames(w, facts) }),
      );
  }
  for (const s of lowerSentences(text)) {
    const o = optionsIn(s);
    if (!o) continue;
    const a2 = inSecondPerson(o.a);
    if (!a2 || !ownWordsSupported(a2, facts)) return null;
    const a = withNames(a2, facts);
    const ca = optionClass(a2);
    const pieces: (Piece | null)[] = [];
    if (o.worry) {
      const lean = ca ? OPTION_LEAN[ca] : 2;
      pieces.push(
        fill(pickFresh(lean >= 1 ? 'either_yes' : 'either_careful', recent, rng, ANSWERS), { a }),
      );
      if (ca)
        pieces.push(
          pickFresh(`option_${lean >= 1 ? 'for' : 'against'}_${ca}`, recent, rng, ANSWERS),
        );
      pieces.push(worryPiece(o.b, facts, recent, rng));
    } else {
      const b2 = inSecondPerson(o.b);
      if (!b2 || !ownWordsSupported(b2, facts)) return null;
      const b = withNames(b2, facts);
      const cb = optionClass(b2);
      const pair =
        ca && cb && ca !== cb
          ? (pickFresh(`either_${ca}_${cb}`, recent, rng, ANSWERS) ??
            pickFresh(`either_${cb}_${ca}`, recent, rng, ANSWERS))
          : null;
      if (pair) pieces.push(fill(pair, { a, b }));
      else if (ca && cb && OPTION_LEAN[ca] !== OPTION_LEAN[cb]) {
        const first = OPTION_LEAN[ca] > OPTION_LEAN[cb];
        const lean = (first ? a : b).replace(/^not /, 'rather not ');
        pieces.push(
          fill(pickFresh('either_lean', recent, rng, ANSWERS), {
            a,
            b,
            lean,
            which: first ? 'first' : 'second',
          }),
        );
        pieces.push(pickFresh(`option_for_${first ? ca : cb}`, recent, rng, ANSWERS));
        pieces.push(pickFresh(`option_against_${first ? cb : ca}`, recent, rng, ANSWERS));
      } else pieces.push(fill(pickFresh('either_open', recent, rng, ANSWERS), { a, b }));
    }
    const got = pieces.filter((p): p is Piece => p !== null);
    // Without its opening, the rest would not say what it is about.
    return got.length > 0 && pieces[0] !== null ? { pieces: got, ask: null } : null;
  }
  return null;
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
  /** The ids of the pieces and blocks of the answer just before, if any (what a short reply follows). */
  lastIds?: readonly string[];
  /** The stage of the turn's lead topic (steps wait for {@link STEP_STAGE}). */
  stage: number;
  /** Whether warning signs of control were named earlier in the session. */
  controlNamed?: boolean;
}

/**
 * "is it normal what he does?", "is he being controlling?", "am i overreacting?": after warning
 * signs were named, a question about the partner's ways is answered about control.
 */
const ABOUT_THEIR_WAYS =
  /\b(?:is it|its|it is|is that|is this|thats|that is)(?: really)? (?:not )?(?:normal|ok|okay|fine|controlling|abuse|abusive|right)\b.*\b(?:what|how|the way) (?:he|she|they) (?:does|do|did|treats|acts|behaves|is)\b|\b(?:what|how) (?:he|she|they) (?:does|do|treats me|acts)\b.*\b(?:normal|ok|okay|controlling|abuse|abusive)\b|\bam i (?:overreacting|making (?:too much|a big deal|it into something))\b|\bis (?:he|she|they) (?:being )?(?:controlling|abusive)\b/;

/**
 * After control was named, "is that normal tho?", "is it normal for men to be like this?", "is it
 * normal at our age for the husband to take over those things?" ask about the control itself: the
 * everyday "yes, very common" of a subject or situation would call it normal (set 13's q02, q04
 * and q05, a development set). Not a question about the person's own feelings.
 */
const CONTROL_NORMAL_Q =
  /\b(?:is (?:that|this|it) (?:really )?(?:normal|ok|okay|common|usual)(?: tho| though)?\s*[?.!]*$|normal (?:for|that|when) (?:men|husbands|boyfriends|guys|partners|a husband|the husband|a man|him|her|them|he|she|a boyfriend|wives|women|a wife|the wife|girlfriends)\b|normal (?:at our age )?for (?:the|a) (?:husband|wife|man|boyfriend|partner)\b)/;
const OWN_FEELING_Q = /\b(?:to feel|i feel|that i|for me to|am i|to be this)\b/;
/** Accounting to a partner for money or plans: telling or asking them about spending, going out. */
const ACCOUNTING_TO_PARTNER =
  /\b(?:telling|tell|asking|ask|showing|show) (?:him|her|them)\b.{0,40}\b(?:spent|spend|spending|bought|buy|buying|money|paid|pay|receipts?|going out|go out|went out|seeing|see)\b|\bwithout (?:asking|telling|permission)\b|\b(?:ask|asking) (?:for )?permission\b/;

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
  carries?: (sentence: string) => boolean,
): Piece | null {
  // Said back, the person's words are Amora's too: nothing in them may assume what the
  // conversation does not support ("becca has 3 kids" is not the person's children).
  // The sentence that carries the worry, or the good news, is the one that matters.
  // Of a hard message, the sentence that says the worry or the problem, never its good half
  // ("it's been great ... but now i'm losing my mind").
  const matters =
    carries ??
    (feeling === 'hard'
      ? (s: string) => (worryIn(s) || burdenIn(s)) && !goodIn(s)
      : feeling === 'good'
        ? goodIn
        : undefined);
  const words = ownWords(
    text,
    (s) => ownWordsSupported(s, facts),
    matters && ((s: string) => matters(s)),
    carries !== undefined,
  );
  // Words that cannot stand as a sentence are not said back before the sentence about the feeling.
  if (carries && words && FRAGMENT.test(words)) return null;
  // Nothing else sayable: a preamble's gist in a fixed phrase, met plainly.
  const said = words ?? preambleGist(text);
  if (!said) return null;
  const own = withNames(said, facts, text);
  // Words followed by a sentence about the feeling itself need no frame of their own; with no
  // frame to rotate, the turn tells one such piece from another (a block id is never reused).
  if (carries)
    return fill({ id: `act.own.bare.reflection.t${turn}`, text: '{Own}.' }, { Own: cap(own) });
  const felt = words ? echoFeeling(text, said, feeling) : 'plain';
  // A frame not used lately, else a plain one: never the same frame twice in a conversation.
  // A worry that came to nothing ("nvm its his cousin") is met as relief, not as good news.
  const groups =
    felt === 'plain'
      ? ['own_plain']
      : felt === 'good' && reliefIn(text)
        ? ['own_relief', 'own_good', 'own_plain']
        : felt === 'hard'
          ? ['own_hard', 'own_mild', 'own_plain']
          : [`own_${felt}`, 'own_plain'];
  for (const group of groups) {
    const frame = rotate(group, turn, recent);
    if (frame) return fill(frame, { own, Own: cap(own) });
  }
  return null;
}

/** Words said back that cannot stand as a sentence ("of embarrassment because ..."). */
const FRAGMENT = /^(?:of|to|for|with|about|because|bc|cos|in|on|at|from|and|but|or|so)\b/;

/**
 * How the words said back are met, from the message's feeling and the words themselves: "that's a
 * lot to deal with" (hard) only after words that say a worry, a hurt or a problem; a hard message
 * whose said-back words do not say one ("your daughter Claire says you should get a carer") is met
 * gently (mild), without calling those words heavy; a remark the person laughs at ("she
 * alphabetises her spices", "haha") or a good half ("it's been great") is met plainly.
 */
export function echoFeeling(text: string, said: string, feeling: Feeling): Feeling | 'mild' {
  if (feeling !== 'hard') return feeling;
  if (lightIn(text)) return 'plain';
  if (worryIn(said) || burdenIn(said)) return 'hard';
  if (goodIn(said)) return 'plain';
  return backgroundIn(said) ? 'mild' : 'hard';
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
function withNames(s: string, facts: ConversationFacts, raw?: string): string {
  let out = s;
  for (const p of facts.people)
    if (p.name) out = out.replace(new RegExp(`\\b${p.name.toLowerCase()}\\b`, 'g'), p.name);
  return raw ? asTypedCase(out, raw) : out;
}

/** Capitalised words that are also everyday words said back in lower case ("he will"). */
const EVERYDAY_CAPITALS: ReadonlySet<string> = new Set(['will', 'may', 'can', 'must', 'hope']);

/**
 * The person's own capitals put back where their words are said back: "Niall is in Boston",
 * not "niall is in boston". Only words capitalised inside a sentence count (a sentence's first
 * word says nothing), and only whole words the person typed that way.
 */
function asTypedCase(said: string, raw: string): string {
  const typed = new Map<string, string>();
  for (const m of raw.matchAll(/(?<![.!?]\s*|^\s*)\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b/g))
    if (!EVERYDAY_CAPITALS.has(m[1].toLowerCase())) typed.set(m[1].toLowerCase(), m[1]);
  if (typed.size === 0) return said;
  return said.replace(/\b[a-z]+(?:-[a-z]+)?\b/g, (w) => typed.get(w) ?? w);
}

type OwnClass =
  'refuse' | 'restrict' | 'request' | 'opinion' | 'accept' | 'talk' | 'support' | 'end' | 'closer';
// Refusing comes before talking: "say no to sean" is a refusal, not a talk. Restricting someone
// ("ban her from seeing him"), asking them for something, giving a view on their choice and
// accepting an invitation come before talking too: each is weighed differently from telling.
const OWN_CLASSES: [OwnClass, RegExp][] = (
  [
    'refuse',
    'restrict',
    'request',
    'opinion',
    'accept',
    'talk',
    'support',
    'end',
    'closer',
  ] as const
).map((c) => [
  c,
  new RegExp((answers as unknown as { _own_classes: Record<string, string> })._own_classes[c]),
]);
/** What the asked-for action is: refusing, talking, supporting, ending, getting closer, or other. */
function ownClass(x: string): OwnClass | null {
  for (const [c, re] of OWN_CLASSES) if (re.test(x)) return c;
  return null;
}

/** Classes with a "should i" answer of their own; the rest get the general weighing. */
const SHOULD_CLASSES: ReadonlySet<OwnClass> = new Set([
  'talk',
  'end',
  'refuse',
  'restrict',
  'request',
  'opinion',
  'accept',
]);

/** The "how do i" group for an action: asking or giving a view is said as any talk is. */
function howGroup(c: OwnClass | null): string {
  if (c === 'request' || c === 'opinion') return 'how_talk';
  return c && ANSWERS[`how_${c}`] ? `how_${c}` : 'how';
}

type OwnForm =
  | 'should'
  | 'how'
  | 'normal_to'
  | 'good_sign'
  | 'bad_sign'
  | 'fair'
  | 'allowed'
  | 'change_anything'
  | 'normal_that'
  | 'must_i';
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
  // "can i ask him to move out" asks whether asking is all right: weighed as a "should i".
  [
    /^(?:so |but |and )?(?:can|could|may) (?:i|we) (?:even |really |just )?((?:ask|tell) .+)$/,
    'should',
  ],
  [
    /^(?:so |but |and )?do (?:i|we) (?:really |actually |even )?(?:have to|need to|got to) (.+)$/,
    'must_i',
  ],
  [/\b(?:is it|is this|its|it's|is that) (?:normal|common|ok|okay|natural) to (.+)$/, 'normal_to'],
  [
    /\b(?:is it|isn't it|isnt it|its|it's) (normal|ok|okay|weird|strange|odd|bad|wrong|silly|crazy|selfish|unreasonable|petty|needy|dramatic|mean|unfair|too much) (?:that|if) (.+)$/,
    'normal_that',
  ],
  [
    /^(?:so |but |and )?(?:is|isnt|isn't) (?:that|this|it) (?:a )?(?:good|positive|promising) sign\b()|^(?:so |but |and |omg |ok |okay )?(?:that|this|it)(?:'s|s| is) (?:a )?(?:good|positive|promising) sign\b()/,
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
/** An asked-for action that is no action: "what should i do (now)", "what do i say". */
const BARE_ACTION =
  /^(?:do|say|think|feel|do or say)(?: (?:now|next|here|then|anymore|about (?:it|this|that|him|her|them)))?$/;
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
      // "is it strange that some days it feels almost normal": yes or no to their words, as asked.
      if (form === 'normal_that') {
        const said = inSecondPerson(m[2]);
        if (!said || !ownWordsSupported(said, facts) || said.split(' ').length > OWN_QUESTION_WORDS)
          continue;
        // "is it bad that ...": a want is fair to have, a feeling is not wrong in itself, and
        // something kept hidden or done behind someone's back is weighed, not waved through.
        const group = /^(normal|ok|okay)$/.test(m[1])
          ? 'normal_that_yes'
          : /^(weird|strange|odd|silly|crazy)$/.test(m[1])
            ? 'normal_that_no'
            : HIDDEN_ACT.test(said)
              ? 'normal_that_hidden'
              : VERDICT_FEELING.test(said)
                ? 'normal_that_feeling'
                : 'normal_that_verdict';
        const answer = fill(pickFresh(group, recent, rng, ANSWERS), {
          word: m[1] === 'ok' ? 'okay' : m[1],
          x: withNames(said, facts),
        });
        return group === 'normal_that_yes' || group === 'normal_that_feeling'
          ? withNormalReason(answer, said)
          : answer;
      }
      // "... or will that scare him off": the second half is a worry, not part of the action.
      const action = m[1]
        .replace(/,? or (will|would|is|am|should|do|does|that|it|just|not|maybe)\b.*$/, '')
        .trim();
      if (action.split(' ').length > OWN_QUESTION_WORDS || action.split(' ').length < 1) continue;
      // "what should i do" names no action to weigh ("On whether to do: ..." said nothing).
      if (BARE_ACTION.test(action)) continue;
      const said = inSecondPerson(action);
      if (!said || !ownWordsSupported(said, facts)) continue;
      const x = withNames(said, facts);
      const c = form === 'normal_to' || form === 'must_i' ? null : ownClass(said);
      const group =
        form === 'must_i'
          ? 'must_i'
          : form === 'normal_to'
            ? 'normal_to'
            : form === 'should'
              ? c && SHOULD_CLASSES.has(c)
                ? `should_${c}`
                : 'should'
              : howGroup(c);
      const answer = fill(pickFresh(group, recent, rng, ANSWERS), { x });
      return group === 'normal_to' ? withNormalReason(answer, said) : answer;
    }
  }
  return null;
}

/** Why a feeling is normal, by the feeling named ({@link withNormalReason}). */
const NORMAL_REASONS: readonly { re: RegExp; text: string }[] = Object.entries(
  (answers as unknown as { _normal_reasons: Record<string, string> })._normal_reasons,
)
  .filter(([k]) => k !== '_about')
  .map(([re, text]) => ({ re: new RegExp(re), text }));

/**
 * A "yes, that's normal" with the reason it is, for the feeling the person named ("is it normal to
 * be this nervous?": nerves usually mean it matters), so the answer says why, not only that.
 */
function withNormalReason(answer: Piece | null, said: string): Piece | null {
  if (!answer) return answer;
  const reason = NORMAL_REASONS.find((r) => r.re.test(said));
  return reason ? { id: answer.id, text: `${answer.text} ${reason.text}` } : answer;
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

/**
 * An answer of `group` with the person's words in it (`{x}`, `{X}` capitalised): the clause
 * `re` captures from one of their sentences, in the second person, when it assumes nothing the
 * conversation does not support; else null.
 */
function saidBackPiece(
  re: RegExp,
  group: string,
  text: string,
  facts: ConversationFacts,
  recent: ReadonlySet<string>,
  rng: Rng,
): Piece | null {
  for (const sentence of lowerSentences(text)) {
    const m = re.exec(sentence.trim().replace(/[\s,]+(lol|tbh|haha|lmao)$/, ''));
    if (!m) continue;
    const said = inSecondPerson(m[1]);
    if (!said || !ownWordsSupported(said, facts)) continue;
    const x = withNames(said, facts, text);
    return fill(pickFresh(group, recent, rng, ANSWERS), { x, X: cap(x) });
  }
  return null;
}

/**
 * "i feel kinda dumb for thinking he was pulling away": what they judge themselves for, as an
 * "-ing" clause (the only form the answers can say back whole).
 */
const SELF_JUDGED =
  /\b(?:i feel|i felt|feeling|i'm|im|i am) (?:so |kind of |kinda |a bit |a little |really |such |pretty |super )*(?:dumb|stupid|silly|an idiot|like an idiot|ridiculous|pathetic|naive|like a fool|foolish) (?:for|about) ((?:ever |even |still |actually )?[a-z]+ing\b.{0,80})$/;

/**
 * "i feel so stupid for believing him" (told as it is, or as news: "for imagining she was with
 * someone else"): met with a kinder view of it and a question about it, not "how heavy".
 */
function judgedPlan(input: ActInput): ActPlan | null {
  const judged = saidBackPiece(
    SELF_JUDGED,
    'self_judgement',
    input.text,
    input.facts,
    input.recent,
    input.rng,
  );
  if (!judged) return null;
  const ask = rotate('own_ask_judged', input.turn, input.recent);
  return {
    pieces: ask ? [judged, ask] : [judged],
    core: ask ? 'none' : 'question',
    style: null,
    echo: false,
  };
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
/** A view given right after a name ("dee thinks im an idiot", "pau says just delete his number"). */
const OPINION_AFTER =
  /^(?:'s)? (?:says|said|thinks|thought|reckons|told me|keeps saying|agrees|disagrees)\b/;
/** A name as it is looked for in lower-cased text: letters, apostrophes and hyphens only. */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}'-]/gu, '');
}

/** Where a name (from {@link nameKey}) stands as a whole word in lower-cased text, or null. */
function namedAt(lower: string, key: string): RegExpExecArray | null {
  return new RegExp(`(?<!\\p{L})${key}(?!\\p{L})`, 'u').exec(lower);
}

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
    // A husband or wife who has died is not someone to sort things out with.
    if (p.role === 'spouse' && input.facts.relationship === 'widowed') continue;
    const name = nameKey(p.name);
    const m = namedAt(lower, name);
    // Someone who only gives their view of it ("my friend dee thinks im an idiot") is not whom
    // the story is about, unless they are the partner or ex.
    if (m && !CLOSEST.has(p.role) && OPINION_AFTER.test(lower.slice(m.index + name.length)))
      continue;
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
 * The shapes of a sharing turn whose question can follow what was told rather than ask in
 * general: an attempt that went badly ("i tried talking to him last night. didnt go well"),
 * someone's advice ("my friend pau says just delete his number"), someone's words ("he said he
 * needs space"), something that keeps happening ("his mom calls every day"). First that fits.
 */
const SHAPES: readonly { group: string; re: RegExp }[] = [
  {
    group: 'own_ask_tried',
    re: /\b(?:i )?(?:tried|try) (?:to )?(?:talk|talking|tell|telling|explain|explaining|bring|bringing|raise|raising|speak|speaking)\b|\b(?:did ?n[o']?t|didnt) go (?:well|great|good|too well)\b|\bwent (?:badly|terribly|horribly|really badly)\b/i,
  },
  {
    group: 'own_ask_advice',
    re: /\b(?:friends?|mum|mom|mother|sister|brother|dad|father|therapist|colleague|coworker|bestie|bff|cousin|aunt|everyone)(?: [\p{L}'-]+)? (?:says|said|thinks|told me|keeps telling me) (?:i should|to|just|that i should|i need to|i have to|i must)\b/iu,
  },
  {
    group: 'own_ask_said',
    re: /\b(?:he|she|they)(?: just| then| literally| actually)? (?:said|says|told me|texted|replied|messaged me)\b/i,
  },
  {
    group: 'own_ask_keeps',
    re: /\b(?:he|she|they)(?: just)? (?:keeps|always|constantly)\b|\b(?:he|she|they|his \p{L}+|her \p{L}+|their \p{L}+)\b[^.!?;]{0,40}?\b(?:calls|texts|comes|asks|says|checks|criticises|criticizes|complains|shouts|yells|tells|brings|leaves|drinks|disappears|goes out)\b[^.!?;]{0,40}\bevery (?:single )?(?:day|time|night|morning|week|weekend)\b/iu,
  },
];

/** The question that follows the shape of what was told ({@link SHAPES}), or null. */
function shapeAsk(input: ActInput): Piece | null {
  const text = unquoted(input.text);
  for (const { group, re } of SHAPES)
    if (re.test(text)) return rotate(group, input.turn, input.recent);
  return null;
}

/**
 * The pieces of an answer built on the person's own words: said back, then one plain question
 * about it when the conversation has no settled topic whose own questions would fit (the blocks
 * ask then). Null when the message cannot be said back.
 */
function ownAnswer(input: ActInput, core: CoreNeed): ActPlan | null {
  const mine =
    ownReflection(input.text, input.feeling, input.facts, input.recent, input.turn) ??
    // Good news that cannot be said back ("our son is getting married", before the conversation
    // knows of a son) is still met as good news, not by a topic's paragraph about its strains.
    (input.feeling === 'good' && bringsNews(input.text)
      ? pickFirst(['progress'], input.recent, input.rng)
      : null);
  if (!mine) return null;
  // Words met as plain ask plainly: no "hardest part" after a remark that carries no weight.
  const felt: Feeling =
    input.feeling === 'hard' && /^act\.own\.(plain|mild)\./.test(mine.id) ? 'plain' : input.feeling;
  const pieces = [mine];
  // The situation the conversation is in asks what moves it forward, when its question is fresh.
  const sit = input.situation;
  const asked =
    sit && input.feeling !== 'good' && (isCloseMatch(sit) || sit.evidence === 0)
      ? situationPiece(sit, 'question', input.facts, input.recent)
      : null;
  if (asked) return { pieces: [mine, asked], core: 'none', style: null, echo: false };
  // A feeling said in a common shape (embarrassment, exhaustion, fear of being found out) is met
  // with a sentence about that feeling and a question that follows it.
  const shape = input.feeling === 'good' ? null : feltShapeOf(input.text);
  const onFeeling = shape ? feltPieces(shape, input.turn, input.recent) : null;
  const bare =
    shape && onFeeling
      ? ownReflection(input.text, input.feeling, input.facts, input.recent, input.turn, (s) =>
          shape.cue.test(actText(s)),
        )
      : null;
  if (onFeeling) {
    // Without the words that carry the feeling, the sentence about it stands alone.
    const pieces = [bare, onFeeling.insight, onFeeling.ask].filter((p): p is Piece => p !== null);
    return { pieces, core: 'none', style: null, echo: false };
  }
  // A message with a shape of its own (an attempt, someone's words or advice, a habit) is asked
  // about that, before a topic's general questions.
  const shaped = input.feeling === 'good' ? null : shapeAsk(input);
  if (shaped) return { pieces: [mine, shaped], core: 'none', style: null, echo: false };
  // A topic clear in the message or settled in the conversation asks its own question (the blocks).
  if (input.feeling !== 'good' && (input.settledTopic || input.ownTopic))
    return { pieces, core, style: null, echo: false };
  // A message about someone they named asks about that person and this story.
  const about = input.feeling === 'good' ? null : personAsk(input);
  if (about) return { pieces: [mine, about], core: 'none', style: null, echo: false };
  // A topic's questions are about its pains: good news, or a message whose topic is neither clear
  // in its own words nor the conversation's settled one, gets a plain question about what was said.
  if (input.feeling === 'good' || !(input.settledTopic || input.ownTopic)) {
    const ask =
      (felt === 'good' && reliefIn(input.text)
        ? rotate('own_ask_relief', input.turn, input.recent)
        : null) ?? rotate(`own_ask_${felt}`, input.turn, input.recent);
    if (ask) return { pieces: [mine, ask], core: 'none', style: null, echo: false };
  }
  return { pieces, core, style: null, echo: false };
}

/**
 * A fresh entry of the first group that still has one (a long conversation brings many pieces of
 * news or progress, and none of its sentences may come back), or null when all were used lately.
 */
function pickFirst(groups: readonly string[], recent: ReadonlySet<string>, rng: Rng): Piece | null {
  for (const g of groups) {
    const p = pickFresh(g, recent, rng);
    if (p) return p;
  }
  return null;
}

/** A frame of a group with the person's words before it ("{Own}. That must have stung."). */
function withOwn(frame: Piece | null, own: string | null): Piece | null {
  if (!frame || !own) return frame;
  return { id: frame.id, text: endsQuote(`${cap(own)}. ${frame.text}`) };
}

/**
 * Whether a text may be about the partner, an ex or a date: named, called by a role word, or only
 * "he" or "she" (who, in a story about a relationship, is most often the other one in it).
 */
function namesClosest(text: string, facts: ConversationFacts): boolean {
  const lower = text.toLowerCase();
  if (
    /\b(?:my )?(?:ex|bf|gf|boyfriend|girlfriend|husband|wife|partner|fiance|fiancee|hubby|date|he|she|him|her|they|them)\b/.test(
      lower,
    )
  )
    return true;
  return facts.people.some(
    (p) => p.name !== null && CLOSEST.has(p.role) && namedAt(lower, nameKey(p.name)) !== null,
  );
}

/** A sentence that only says news came, not what it was ("the consultant rang this afternoon"). */
const ONLY_TELLING =
  /^(?:(?:ok|so|well|omg|update)[,.:!]* )*(?:[\p{L}']+ |the \p{L}+ |my \p{L}+ )?(?:just |finally )?(?:got (?:the|a) (?:call|email|letter|text|results?)|rang|called|texted|messaged|emailed|slacked me|rang me|called me|texted me|got back to (?:me|us))(?: (?:this|last|yesterday|today|tonight|earlier|just now|an hour ago)(?: \p{L}+)?)?[.!]*$/iu;

/** The text after the sentence `sentence` in `text` (empty when it is the last). */
function afterSentence(text: string, sentence: string): string {
  const at = text.indexOf(sentence.trim());
  return at < 0 ? '' : text.slice(at + sentence.trim().length).replace(/^[\s.!,;:]+/, '');
}

/** News whose question may follow its shape ({@link shapeAsk}): not a shock, a danger or joy. */
const SHAPED_EVENTS: ReadonlySet<string> = new Set(['other', 'bad_news', 'hurt', 'contact']);

/**
 * Events met by their own kind whatever word of good news is in them: hard ones ("he said yes,
 * but ..."), and an invitation, which is a question to weigh ("leon asked me to stay after the
 * party, 'for a drink, just us'" is no simple good news for someone married).
 */
const HEAVY_EVENTS: ReadonlySet<string> = new Set([
  'shock',
  'scary',
  'new_partner',
  'hurt',
  'bad_news',
  'child',
  'answer',
  'invite',
]);

/**
 * News met as what it is: said back in the person's words (the sentence that carries it), then a
 * sentence that fits its weight (a discovery is a shock, a message from someone stirs things up,
 * a hurtful text stings, an invitation is good news), then one question that follows from it.
 */
function eventPlan(input: ActInput): ActPlan {
  const judged = judgedPlan(input);
  if (judged) return judged;
  const { recent, rng } = input;
  const { kind, sentence } = eventKind(input.text);
  // An invitation is glad news for someone free to take it (a date's bbq), a question to weigh
  // for someone with a partner who is not the one asking.
  const partner = currentPartner(input.facts);
  const weighed =
    HEAVY_EVENTS.has(kind) &&
    (kind !== 'invite' ||
      (hasPartner(input.facts) &&
        !/\b(?:he|she|they)(?: just| finally)? (?:asked|invited|texted|messaged)\b/i.test(
          input.text,
        ) &&
        !(partner?.name && input.text.toLowerCase().includes(partner.name.toLowerCase()))));
  if (input.feeling === 'good' && !weighed) {
    const glad = gladPlan(input, () => {
      const said = ownWords(input.text, (s) => ownWordsSupported(s, input.facts));
      return said ? cap(withNames(said, input.facts, input.text)) : null;
    });
    if (glad) return glad;
    const mine = ownAnswer(input, 'question');
    if (mine) return mine;
  }
  // Said back is the sentence that carries the news ("he said he's not ready but ..."), not
  // another one of the message ("that's like 2 hrs away"): none when that one cannot be.
  const accept = (s: string) => ownWordsSupported(s, input.facts);
  // "just saw on her story ..." is the person's own seeing: said back with its subject.
  const carrier = (sentence ?? sentenceOfAct(input.text, 'event'))?.replace(
    /^(\s*)(just|also|then|and) (saw|found|heard|got|noticed)\b/i,
    '$1i $2 $3',
  );
  // A carrier too short to say back ("ok i asked.") leaves the rest of the message to say; so
  // does one that only says news came ("we just got the call. the second round didn't work"):
  // the news is what follows it.
  const telling = carrier ? ONLY_TELLING.test(carrier.trim()) : false;
  const rest = carrier && telling ? afterSentence(input.text, carrier) : '';
  const said =
    rest.split(/\s+/).length >= 3
      ? ownWords(rest, accept)
      : carrier && carrier.split(/\s+/).length >= 5 && !telling
        ? ownWords(carrier, accept)
        : ownWords(input.text, accept);
  const own = said ? withNames(said, input.facts, input.text) : null;
  const pieces: Piece[] = [];
  // News of no known kind told with a hard feeling ("his contract is extended. so not december,
  // march 😭") is met as hard news, not with a flat "I'm following you".
  // Told gladly ("she replied with a smiley 😄"), it is met as good news.
  // Told laughing at itself ("liked his story by accident. dying of embarrassment 💀"), news of no
  // known kind is not hard news.
  // A message from a friend told laughing ("jack just sent me a meme about it im dead 💀") is a
  // laugh shared, not contact that stirs things up: only a partner, an ex or a date does that.
  const light =
    kind === 'contact' && lightIn(input.text) && !namesClosest(carrier ?? input.text, input.facts);
  const as = light
    ? 'light'
    : kind !== 'other'
      ? kind
      : input.feeling === 'hard' && !lightIn(input.text)
        ? 'bad_news'
        : input.feeling === 'good'
          ? 'good'
          : kind;
  const frame = withOwn(pickFirst([`event_${as}`, 'event_other'], recent, rng), own);
  if (frame) pieces.push(frame);
  const ask =
    (SHAPED_EVENTS.has(as) ? shapeAsk(input) : null) ??
    pickFirst([`event_${as}_ask`, 'event_other_ask', 'own_ask_plain'], recent, rng);
  if (ask) pieces.push(ask);
  return { pieces, core: pieces.length > 0 ? 'none' : 'light', style: null, echo: false };
}

/**
 * A sentence that only judges the news ("im so happy rn", "it was so good", "we had a good chat
 * last night"): said back, it tells the person nothing they did not just say; what happened
 * ("he cried reading the letter") is what they want heard.
 */
const JUDGED_ONLY = [
  /^(?:(?:ok|okay|so|well|omg|update|im back|i'm back)[.!, ]+)*(?:i'?m|i am|you'?re|you are|i feel|you feel|it'?s|it is|it was|that was|this is|everything (?:is|was)|things (?:are|were)|we are|we're|we were|i was|you were)(?: (?:so|really|very|super|actually|just|honestly|pretty|totally|genuinely|literally|all))* (?:happy|good|great|lovely|amazing|fun|nice|wonderful|fine|perfect|incredible|sweet|relieved|excited|better|glad|over the moon|good again|proud(?: of (?:myself|yourself|me|you|us))?)\b[^,;]{0,16}$/i,
  /^(?:we|you) had (?:a|such a) (?:really |so |very )?(?:good|great|lovely|nice|amazing|wonderful) \w+(?: \w+){0,3}$/i,
];

function onlyJudged(sentence: string): boolean {
  const s = sentence.trim().replace(/[.!\s]+$/, '');
  return JUDGED_ONLY.some((re) => re.test(s));
}

/**
 * Good news a situation of the catalogue knows (an engagement, moving in, a breakthrough talk),
 * met in its words after the person's own (`own`, asked for only then), with its question; null
 * when there is none, or its pieces were used lately.
 */
function gladPlan(input: ActInput, own: () => string | null): ActPlan | null {
  const sit = input.situation;
  if (!sit || !sit.situation.glad || !isCloseMatch(sit)) return null;
  const reflection = situationPiece(sit, 'reflection', input.facts, input.recent);
  const question = situationPiece(sit, 'question', input.facts, input.recent);
  if (!reflection || !question) return null;
  return {
    pieces: [withOwn(reflection, own())!, question],
    core: 'none',
    style: 'LIGHT_TOUCH',
    echo: false,
  };
}

/**
 * Progress named and celebrated: the person's own step credited to them ("You didn't text him:
 * that's a real step"), good news met as good news with their part in it named, and news with a
 * hard moment in it ("she cried a little, but ...") met with both; then one question, never about pain.
 */
function progressPlan(input: ActInput): ActPlan {
  const { facts, recent, rng } = input;
  const kind = progressKind(input.text);
  // The sentence kept as progress, else the message's own words ("we walked for one hour and
  // talked"), unless hard moments are mixed in.
  const happening = ownHappening(facts, 'progress', input.turn);
  let own =
    (happening && !onlyJudged(happening) ? happening : null) ??
    (kind === 'mixed'
      ? null
      : // The sentence with the good news in it ("we laughed all the way home"), not the one
        // around it ("the film was dreadful"), nor one that only judges it ("it was so good").
        ownWords(
          input.text,
          (x) => ownWordsSupported(x, facts),
          (x) => goodIn(x) && !onlyJudged(x),
        )) ??
    happening;
  if (own) own = cap(withNames(own, facts, input.text));
  // "went to my 9am today": a step told without its subject is the person's own.
  if (
    own &&
    kind === 'step' &&
    /^(went|called|asked|told|texted|talked|booked|managed|did)\b/i.test(own)
  )
    own = `You ${own.charAt(0).toLowerCase()}${own.slice(1)}`;
  // "you went to the bday thing and it was so fun", "you rang him and he actually agreed": good
  // news more than a step, with the step credited after it.
  const theirs =
    own !== null &&
    /^you\b/i.test(own) &&
    !input.text.split(/[.!?\n]+/).some(onlyJudged) &&
    !soundsGood(own) &&
    !/\b(was|were|is) (so |really |actually )?(fun|good|great|lovely|amazing|nice|sweet)\b/i.test(
      own,
    );
  const pieces: Piece[] = [];
  const add = (p: Piece | null) => {
    if (p) pieces.push(p);
  };
  const glad = kind === 'mixed' ? null : gladPlan(input, () => own);
  if (glad) return glad;
  if (kind === 'mixed') {
    // The hard moment in it ("she cried a lot") is not what leads: the step is met, gently.
    add(pickFirst(['progress_mixed', 'progress'], recent, rng));
  } else if (own && theirs) {
    const p = pickFresh('progress_step_own', recent, rng);
    add(p ? fill(p, { own }) : withOwn(pickFirst(['progress'], recent, rng), own));
  } else {
    add(
      own
        ? (fill(pickFresh('progress_outcome_own', recent, rng), { own }) ??
            withOwn(pickFirst(['progress'], recent, rng), own))
        : pickFirst(['progress'], recent, rng),
    );
    // Good news that followed a step they took ("i asked him!!! he said ...") is partly theirs.
    if (kind === 'step') add(pickFresh('progress_credit', recent, rng));
  }
  add(
    pickFirst(
      [
        `progress_${kind === 'mixed' ? 'mixed' : theirs ? 'step' : 'outcome'}_ask`,
        'progress_outcome_ask',
        'own_ask_good',
      ],
      recent,
      rng,
    ),
  );
  return { pieces, core: 'none', style: 'LIGHT_TOUCH', echo: false };
}

/**
 * A plan affirmed and helped: said back in the person's words, the moment they chose noted when it
 * is a talk, one practical point that fits what the plan is (holding off an urge, telling someone,
 * getting support, a talk, time together), and one question about what they want from it.
 */
function planPlan(input: ActInput): ActPlan {
  const { facts, recent, rng } = input;
  const own = ownHappening(facts, 'plan', input.turn);
  const { kind, timed } = planKind(input.text);
  const pieces: Piece[] = [];
  const add = (p: Piece | null) => {
    if (p) pieces.push(p);
  };
  if (timed && (kind === 'talk' || kind === 'tell'))
    add(withOwn(pickFirst(['plan_timing', 'plan_short'], recent, rng), own));
  // With a practical point to follow, the affirmation is short.
  else if (kind !== 'other')
    add(
      own
        ? fill(pickFirst(['plan_own_short', 'plan_own'], recent, rng), { own })
        : pickFirst(['plan_short', 'plan'], recent, rng),
    );
  else add(own ? fill(pick('plan_own', recent, rng), { own }) : pick('plan', recent, rng));
  add(pickFirst([`plan_${kind}_tip`, 'plan_tip'], recent, rng));
  add(pickFirst([`plan_${kind}_ask`, 'plan_other_ask'], recent, rng));
  return { pieces, core: 'none', style: 'GUIDANCE_SESSION', echo: false };
}

/** "i said restaurant, it was a hotel bar actually", "i typed months, its 4 dates" */
const SAID_NOT =
  /\bi (?:said|typed|wrote|meant) ([a-z0-9 ]{2,25}?),? (?:but )?(it was|its|it is|they are|theyre|hes|shes|he is|she is|we are|were|its actually|it was actually) ([a-z0-9 ]{2,30}?)(?: actually| lol| haha)*(?:[.!,;]|$)/;
/** "max is 6 not 5" */
const NUMBER_NOT = new RegExp(`\\b([a-z]+) (is|was|turned|turns) (${COUNT}),? not (${COUNT})\\b`);
/** "maias 8 now not 7" */
const AGE_NOW_NOT = new RegExp(`\\b([a-z]+)s (${COUNT})(?: now)?,? not (${COUNT})\\b`);
/** "5 dates not 4", "26 years actually, not 25" */
const COUNTED_NOT = new RegExp(
  `\\b(${COUNT}) ([a-z]+)(?: now| actually| tho| though)*,? not (${COUNT})\\b`,
);
/** "sorry, four years", "oops its 3 months" */
const SORRY_COUNT = new RegExp(
  `^(?:(?:oh |oops |wait )?sorry|oops|wait|actually)[,.!]* (?:it (?:was|is|will be|s) |its )?(${COUNT}) (years?|months?|weeks?|days?|dates?)\\b`,
);
/** "we're not married or anything", "hes not her husband, they just live together" */
const STATE_NOT =
  /\b(we are|were|im|i am|hes|he is|shes|she is|they are|theyre|its|it is|it was) not (?!that\b|like\b|just\b|because\b|about\b)([a-z ]{2,25}?)(?: or anything| lol| haha)*(?=[.!;,]|$)(?:, (they|we|he|she) (just|only|still|actually) ([a-z ]{3,30}?)(?=[.!,;]|$))?/;

/** Words of a fact read without apostrophes, given back the ones the person typed ("brother's"). */
function asTyped(fact: string, raw: string): string {
  const typed = new Map<string, string>();
  for (const w of raw
    .toLowerCase()
    .replace(/[\u2019\u02bc`]/g, "'")
    .split(/[^\p{L}\p{N}']+/u))
    if (w.includes("'"))
      typed.set(w.replace(/'/g, ''), w.replace(/^'+/, '').replace(/(?<!s)'+$/, ''));
  return fact.replace(/[\p{L}\p{N}]+/gu, (w) => typed.get(w) ?? w);
}

/** "its actually closer to a year not 8 months", "she's been widowed 4 years not 3" */
const X_NOT_Y =
  /\b((?:its|it is|it was|shes|hes|she is|he is|she was|he was|theyve|weve|ive|she has|he has|we have|i have|we were|i was)(?: been)?(?: actually)? [a-z0-9 ]{2,30}?),? not (?!that\b|like\b|just\b|because\b|about\b|really\b|sure\b)([a-z0-9 ]{1,20}?)(?: lol| haha)*(?=[.!,;]|$)/;
/** "it wasnt for her parents house, it was her brothers" */
const WASNT_WAS =
  /\b(it|that|he|she|they)(?: wasnt| was not| isnt| is not| werent| were not) ([a-z0-9 ]{2,30}?),? (?:it|that|he|she|they)(?: was| is|s| were| are|re)(?: actually)? ([a-z0-9 ]{2,30}?)(?=[.!,;]|$)/;

/**
 * The fact a correction puts right, in the second person ("it was a hotel bar, not a restaurant",
 * "Max is 6, not 5", "you're not married"), or null when it cannot be said back plainly.
 */
function correctedFact(raw: string, facts: ConversationFacts): string | null {
  const t = raw
    .toLowerCase()
    .replace(/[\u2019\u02bc'`]/g, '')
    .replace(/[^\p{L}\p{N}\s.,!?;]/gu, ' ')
    .replace(/\s+/g, ' ');
  const article = (x: string) =>
    /^[a-z]+$/.test(x) && !/s$/.test(x) && !/^(the|a|an|my|his|her|our)$/.test(x) ? `a ${x}` : x;
  let fact: string | null = null;
  const said = SAID_NOT.exec(t);
  const num = NUMBER_NOT.exec(t);
  const state = STATE_NOT.exec(t);
  const swap = WASNT_WAS.exec(t);
  const instead = X_NOT_Y.exec(t);
  const age = AGE_NOW_NOT.exec(t);
  const counted = COUNTED_NOT.exec(t);
  const sorry = SORRY_COUNT.exec(t);
  if (said) fact = `${said[2]} ${said[3]}, not ${article(said[1])}`;
  else if (num) fact = `${num[1]} ${num[2]} ${num[3]}, not ${num[4]}`;
  else if (age && !/^(it|that|what|he|she|this)$/.test(age[1]))
    fact = `${age[1]}'s ${age[2]} now, not ${age[3]}`;
  else if (swap)
    fact = `${swap[1]} ${swap[1] === 'they' ? 'were' : 'was'} ${swap[3]}, not ${swap[2]}`;
  else if (instead) fact = `${instead[1]}, not ${instead[2]}`;
  else if (counted) fact = `its ${counted[1]} ${counted[2]}, not ${counted[3]}`;
  else if (state)
    fact = `${state[1]} not ${state[2]}${state[3] ? `, ${state[3]} ${state[4]} ${state[5]}` : ''}`;
  else if (sorry) fact = `its ${sorry[1]} ${sorry[2]}`;
  if (!fact) return null;
  const out = inSecondPerson(asTyped(fact, raw));
  // What is denied ("you're not married") assumes nothing; the rest must be supported.
  if (!out || out.split(' ').length > 16) return null;
  if (!ownWordsSupported(out.replace(/\bnot [a-z' ]+/, ''), facts)) return null;
  return withNames(withApostrophes(out), facts)
    .replace(/\b(it|he|she|that)s\b/g, "$1's")
    .replace(/\byoure\b/g, "you're")
    .replace(/\btheyre\b/g, "they're")
    .replace(/\bwere\b(?= not)/g, "you're");
}

/** The words that announce a new subject ("random but also", "on another matter"), not said back. */
const CHANGE_MARKER =
  /^(?:[\s,.:;-]*(?:random|unrelated|anyway|also|but|so|ok|okay|and|different (?:thing|question|topic)|(?:on )?another (?:note|matter|thing)|on a different note|one more thing)\b)+[\s,.:;-]*/i;

/**
 * The person's last line said back in a goodbye or thanks ("You're off to bed, big day tomorrow;
 * I hope it's a good one.", "Ha, you'll come back if he forgets the pediatrician; deal."), or null
 * when it says nothing but goodbye and thanks.
 */
function closingPiece(text: string, recent: ReadonlySet<string>, rng: Rng): Piece | null {
  const closing = closingOf(text);
  if (!closing) return null;
  return fill(pick(`closing_${closing.kind}`, recent, rng), {
    own: closing.said,
    Own: cap(closing.said),
  });
}

/** The questions of the act replies and sharing asks that some fit rule is about. */
const ALL_ASKS: readonly Entry[] = [...Object.values(REPLIES).flat(), ...PERSON_ASKS].filter(
  (e) => typeof e.text === 'string' && mayBeUnfit(e.text),
);

/**
 * The ids to leave out this turn: those used lately, and the questions that do not fit this
 * message (a duration question after news from today, a who-question right after the people
 * were named), the situation's own question included.
 */
function restingFor(input: ActInput): ReadonlySet<string> {
  const names = input.facts.people.map((p) => p.name).filter((n): n is string => n !== null);
  const unfit = ALL_ASKS.filter((e) => unfitAsk(e.text, input.text, names) !== null).map(
    (e) => e.id,
  );
  const sit = input.situation?.situation;
  if (sit && unfitAsk(sit.question, input.text, names) !== null)
    unfit.push(`sit.${sit.id}.exploration.1`);
  return unfit.length > 0 ? new Set([...input.recent, ...unfit]) : input.recent;
}

/**
 * The act-dependent opening of an answer and what should follow it. A question about Amora itself
 * is answered first (about.ts); the rest of the message, if it says something, as usual.
 */
export function planForAct(given: ActInput): ActPlan {
  const input = { ...given, recent: restingFor(given) };
  const about = aboutAmora(input.text);
  if (about) {
    const answer = pick(`about_${about.kind}`, input.recent, input.rng);
    const question = questionIn(about.rest);
    if (answer && !question && about.rest.split(/\s+/).filter(Boolean).length < ABOUT_REST_WORDS) {
      const invite = pick('about_invite', input.recent, input.rng);
      return {
        pieces: invite ? [answer, invite] : [answer],
        core: 'none',
        style: 'LIGHT_TOUCH',
        echo: false,
      };
    }
    // The rest of the message ("... my husband has stopped talking to me") is answered as if it
    // had come alone, after the answer about Amora.
    const act: TurnAct = question
      ? 'question'
      : ['question', 'greeting', 'change_subject'].includes(input.act)
        ? 'sharing'
        : input.act;
    const rest = planForAct({ ...given, text: about.rest, act, question });
    return answer ? { ...rest, pieces: [answer, ...rest.pieces] } : rest;
  }
  return planForTurn(input);
}

/** Words the rest of a message needs besides a question about Amora to be answered too. */
const ABOUT_REST_WORDS = 4;

/**
 * Once warning signs of control were named, "he just loves me a lot", "i have nothing to hide" or
 * "no no he is not like that, he never hit me" is met for what it does (explaining the control
 * away), gently and without arguing, not said back as a hard place to be nor thanked as a
 * correction.
 */
function minimisedPlan(input: ActInput): ActPlan | null {
  if (!input.controlNamed || !['sharing', 'correction', 'progress'].includes(input.act))
    return null;
  if (!minimisesControl(input.text)) return null;
  const seen = pickFresh('control_minimised', input.recent, input.rng);
  const ask = pickFresh('control_minimised_ask', input.recent, input.rng);
  if (!seen) return null;
  return {
    pieces: ask ? [seen, ask] : [seen],
    core: ask ? 'none' : 'question',
    style: null,
    echo: false,
  };
}

/**
 * After control was named, a plan or a telling that keeps something ordinary from the partner
 * ("get lunch with her thurs and just not mention it to alex", "valeria wouldnt have to know") is
 * noticed, not praised as a good plan or said back as news; null otherwise.
 */
function hiddenPlan(input: ActInput): ActPlan | null {
  if (!input.controlNamed || (input.act !== 'plan' && input.act !== 'sharing')) return null;
  if (!HIDING.test(actText(input.text))) return null;
  const seen = pickFresh('control_hidden', input.recent, input.rng);
  const ask = pickFresh('control_hidden_ask', input.recent, input.rng);
  return seen
    ? { pieces: ask ? [seen, ask] : [seen], core: 'none', style: null, echo: false }
    : null;
}

/** Advice that landed: "those are good", "thats a great idea", "ooh i like that". */
const LIKES_ADVICE =
  /^(?:(?:omg|oh|ooh|ok|okay|yes|yess+|ha|haha|wow)[,.!]* )*(?:(?:those|these|that|thats|this)(?: are| is|s)? (?:really |so |actually |super |very )?(?:good|great|helpful|useful|perfect|gold|genius)(?: ideas?| tips?| ones?| lines?)?|i (?:really )?(?:like|love) (?:that|this|those|these)(?: ideas?| ones?| tips?)?)\b/;

/** Whether a piece was an answer to a question (a situation's, a subject's or a general one). */
function isAnswerId(id: string): boolean {
  return /\.answer\b|^gen\./.test(id);
}

/** Keeping something from someone: "not mention it to alex", "without him knowing". */
const HIDING =
  /\b(?:not|never|wont|without) (?:mention|mentioning|tell|telling|letting on|say anything)(?: it| this| that| anything)?(?: to)? (?:him|her|them|\p{L}+)\b|\bwithout (?:him|her|them|\p{L}+) (?:knowing|finding out)\b|\bkeep (?:it|this|that) (?:from|secret from|quiet from) \p{L}+|\b(?:he|she|they|(?!(?:i|we|you)\b)\p{L}+) (?:wouldnt|would not|neednt|need not|wont|will not|doesnt need to|does not need to|dont need to|do not need to) (?:have to |ever )?(?:know|find out)\b/u;

/** Acts whose answer a death or illness told in them is met first with sympathy. */
const SORROW_ACTS: ReadonlySet<TurnAct> = new Set(['event', 'change_subject', 'sharing']);

function planForTurn(input: ActInput): ActPlan {
  const minimised = minimisedPlan(input);
  if (minimised) return minimised;
  const plan = actPlan(input);
  // "my little dog pepper died last week": "I'm so sorry." before anything else, unless the
  // answer is already the situation of that grief.
  const sorrow = SORROW_ACTS.has(input.act) ? sorrowTold(input.text) : null;
  const sit = input.situation?.situation;
  const consoled =
    sit?.consoles === true && plan.pieces.some((p) => p.id.startsWith(`sit.${sit.id}.`));
  if (sorrow && !consoled) {
    const word = pickFresh(`condolence_${sorrow}`, input.recent, input.rng);
    // After "let's turn to that", not before it.
    const at = input.act === 'change_subject' && plan.pieces.length > 0 ? 1 : 0;
    if (word)
      return { ...plan, pieces: [...plan.pieces.slice(0, at), word, ...plan.pieces.slice(at)] };
  }
  return plan;
}

function actPlan(input: ActInput): ActPlan {
  const hidden = hiddenPlan(input);
  if (hidden) return hidden;
  const { act, facts, recent, rng } = input;
  const pieces: Piece[] = [];
  const add = (p: Piece | null) => {
    if (p) pieces.push(p);
  };
  switch (act) {
    case 'greeting':
      add(pick(unsureGreeting(input.text) ? 'greeting_unsure' : 'greeting', recent, rng));
      return { pieces, core: 'none', style: 'LIGHT_TOUCH', echo: false };
    case 'thanks': {
      // What they said besides thanks (their plan, a joke, feeling lighter) is answered first;
      // after control was named, a plan ("start dinner before he gets home") is not praised.
      const own = input.controlNamed ? null : closingPiece(input.text, recent, rng);
      add(own);
      add(pick(own ? 'thanks_short' : 'thanks', recent, rng));
      return { pieces, core: 'none', style: 'LIGHT_TOUCH', echo: false };
    }
    case 'goodbye': {
      const own = input.controlNamed ? null : closingPiece(input.text, recent, rng);
      const last = facts.happenings[facts.happenings.length - 1];
      const planned = last && last.kind === 'plan' && input.turn - last.turn <= 3;
      add(own);
      add(pick(own ? 'goodbye_short' : planned ? 'goodbye_after_plan' : 'goodbye', recent, rng));
      return { pieces, core: 'none', style: 'LIGHT_TOUCH', echo: false };
    }
    case 'short': {
      // The easy way in follows what came just before: after news, a few feelings named; after an
      // answer about saying something, an offer to work out the words; after a "should i", room
      // not to decide yet.
      const last = input.lastIds ?? [];
      const group =
        input.turn <= 1
          ? 'short_opening'
          : last.some((id) => /^act\.event\.(shock|new|hurt|bad|answer|scary)\./.test(id))
            ? 'short_after_event'
            : last.some((id) =>
                  /\.(how_to|how_talk|how|should_talk)\.answer\.|\.answer\.how_to$|^act\.plan\.(talk|tell)\./.test(
                    id,
                  ),
                )
              ? 'short_after_answer'
              : last.some((id) =>
                    /\.(should|should_end|yes_no)\.answer\.|\.answer\.(yes_no|advice)$/.test(id),
                  )
                ? 'short_after_should'
                : 'short';
      add(pickFirst([group, 'short'], recent, rng) ?? pick(group, recent, rng));
      return { pieces, core: 'none', style: 'LIGHT_TOUCH', echo: false };
    }
    case 'progress': {
      // "omg those are good. esp changing the subject to food" after an answer: the advice
      // landed; said back with thanks for it, not praised as news nor met as a struggle.
      if (LIKES_ADVICE.test(actText(input.text)) && (input.lastIds ?? []).some(isAnswerId)) {
        const glad = pickFresh('liked_advice', recent, rng);
        const mine = ownReflection(
          input.text,
          'plain',
          facts,
          recent,
          input.turn,
          (s) => !LIKES_ADVICE.test(actText(s)),
        );
        const ask = pickFresh('liked_advice_ask', recent, rng);
        const pieces = [glad, mine, ask].filter((p): p is Piece => p !== null);
        if (glad) return { pieces, core: 'none', style: 'LIGHT_TOUCH', echo: false };
      }
      // A step or kind word followed by a worry ("he's really sweet ... he's started checking my
      // phone", "i said yes! now i'm worried") is met as the worry it ends on, not celebrated.
      if (frameOf(input.text) === 'worry' && progressKind(input.text) !== 'mixed') {
        const mine = ownAnswer({ ...input, feeling: 'hard' }, 'question');
        if (mine) return mine;
      }
      return progressPlan(input);
    }
    case 'plan':
      return planPlan(input);
    case 'question': {
      const said = actText(input.text);
      const normalcy = input.question === 'normalcy';
      // After control was named, a question about the partner's ways is answered about control;
      // "is it normal to feel nervous before telling him i spent money?" is answered as what the
      // arrangement costs, not as a nerve to calm.
      const control = !input.controlNamed
        ? null
        : ABOUT_THEIR_WAYS.test(said) ||
            (normalcy &&
              CONTROL_NORMAL_Q.test(askedSentence(input.text) ?? said) &&
              !OWN_FEELING_Q.test(said))
          ? 'control_normal'
          : normalcy && OWN_FEELING_Q.test(said) && ACCOUNTING_TO_PARTNER.test(said)
            ? 'control_feeling'
            : null;
      if (control) {
        add(pick(control, recent, rng));
        add(pick(`${control}_ask`, recent, rng));
        if (pieces.length > 0)
          return { pieces, core: 'none', style: 'GUIDANCE_SESSION', echo: false };
      }
      const answer = answerPiece(
        input.question ?? 'advice',
        input.text,
        input.situation,
        facts,
        recent,
        rng,
      );
      pieces.push(...answer.pieces);
      // At most one question back, and one that follows from the answer: its own, else a plain
      // one about the answer, not another situation's.
      if (rng() < 0.75) add(answer.ask ?? followUp(input.question ?? 'advice', recent, rng));
      return { pieces, core: 'none', style: 'GUIDANCE_SESSION', echo: false };
    }
    case 'correction': {
      // The fact put right is said back briefly; the rest answers what else the message asks, or
      // asks where to pick up, rather than a topic's stock paragraph.
      const role = roleChangeSentence(input.change, facts);
      const fact = role ? null : correctedFact(input.text, facts);
      if (fact) add(fill(pickFirst(['correction_detail'], recent, rng), { fact }));
      else add(pick('correction', recent, rng));
      if (role) pieces.push({ id: 'act.correction.role', text: role });
      const kind = questionIn(input.text);
      if (kind) {
        pieces.push(...answerPiece(kind, input.text, input.situation, facts, recent, rng).pieces);
        return { pieces, core: 'none', style: 'GUIDANCE_SESSION', echo: false };
      }
      add(pickFirst(['correction_ask'], recent, rng));
      return { pieces, core: 'none', style: null, echo: false };
    }
    case 'change_subject': {
      add(pick('change_subject', recent, rng));
      // A new subject that comes with a question ("different question, how do i help her without
      // taking sides") gets its answer at once.
      const kind = questionIn(input.text);
      if (kind) {
        pieces.push(...answerPiece(kind, input.text, input.situation, facts, recent, rng).pieces);
        return { pieces, core: 'none', style: 'GUIDANCE_SESSION', echo: false };
      }
      // The new subject in a situation's words when it is clearly the one, with its own question
      // (a topic's stock question may be about the old subject); else in the person's own words.
      const close = input.situation !== null && isCloseMatch(input.situation);
      const sit = close ? situationPiece(input.situation, 'reflection', facts, recent) : null;
      if (sit) {
        add(sit);
        const ask = situationPiece(input.situation, 'question', facts, recent);
        if (ask) {
          add(ask);
          return { pieces, core: 'none', style: null, echo: false };
        }
      }
      if (pieces.length === 1) {
        const rest = input.text.replace(CHANGE_MARKER, '');
        const mine = ownAnswer({ ...input, text: rest }, 'question');
        if (mine) return { ...mine, pieces: [...pieces, ...mine.pieces] };
      }
      return { pieces, core: pieces.length > 1 ? 'question' : 'light', style: null, echo: false };
    }
    case 'event':
      return eventPlan(input);
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
      const judged = judgedPlan(input);
      if (judged) return judged;
      // "what if she gets mad at me and not him": a fear said as a question gets a view on it.
      const fear = saidBackPiece(WHAT_IF, 'what_if', input.text, facts, recent, rng);
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
      // A message only about other people that could not be said back is their story: not a
      // topic's paragraph about the person's own relationship ("wanting different things about
      // the future" for a friend's couple), but their part in it.
      if (speaksOnlyOfOthers(input.text)) {
        const story = rotate('others_story', input.turn, recent);
        const ask = rotate('others_ask', input.turn, recent);
        if (story && ask) return { pieces: [story, ask], core: 'none', style: null, echo: false };
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
