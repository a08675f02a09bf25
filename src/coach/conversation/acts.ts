/**
 * What kind of turn a message is: a direct question (advice, yes/no, normalcy, how-to), progress or
 * good news, a plan, a new event, a correction, a change of subject, thanks, a goodbye, a greeting,
 * a short or stuck reply, or plain sharing. The answer to each is different (spec: "Conversations,
 * not single messages"), so this is decided before any content is chosen. The cues are data
 * (`act-cues.json`); the order in which they are tried is here, because it decides overlaps ("thanks,
 * bye" is a goodbye, "ok i told him, he was sweet" is progress, not a short reply).
 */
import cues from './act-cues.json';
import { anyOf } from '../alternation';

/** Turn acts, with the ids the evaluation sets use. */
export const TURN_ACTS = [
  'greeting',
  'question',
  'progress',
  'plan',
  'event',
  'correction',
  'change_subject',
  'thanks',
  'goodbye',
  'short',
  'sharing',
] as const;
export type TurnAct = (typeof TURN_ACTS)[number];

/** The kinds of direct question, which call for different answers. */
export type QuestionKind = 'advice' | 'yes_no' | 'normalcy' | 'how_to';

/** A recognised act, with the question's kind when it is one. */
export interface ActReading {
  act: TurnAct;
  question: QuestionKind | null;
}

type CueName = Exclude<keyof typeof cues, '_about'>;

/** Each cue's patterns, tested together (see {@link anyOf}). */
const COMPILED = new Map<CueName, RegExp>();
for (const [name, list] of Object.entries(cues) as [string, unknown][])
  if (name !== '_about')
    COMPILED.set(name as CueName, anyOf(list as string[], 'u', `act cue ${name}`));
/** The greeting itself, cut off to read what follows it. */
const GREETING = new RegExp(cues.greeting[0], 'u');

function any(name: CueName, text: string): boolean {
  return COMPILED.get(name)?.test(text) ?? false;
}

/**
 * The message as cues see it: lower case, apostrophes dropped ("don't" -> "dont"), emoji and
 * symbols removed, spaces collapsed; sentence punctuation kept.
 */
export function actText(text: string): string {
  // About half the calls ask again for the text just asked for (the act, its question, the
  // facts and the reply each read the message): one remembered text saves those, where a larger
  // table cost its lookups (RESULTS.md, the engine's CPU, fourth pass).
  if (text === lastActIn) return lastActOut;
  lastActOut = text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc'`]/g, '')
    .replace(/[\u2014\u2013]/g, ' - ')
    .replace(/[^\p{L}\p{N}\s.,!?;:()\-£$%/]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  lastActIn = text;
  return lastActOut;
}
let lastActIn: string | null = null;
let lastActOut = '';

/**
 * Common chat spellings read as the words they stand for, so cues need not list every typo
 * ("hw do i", "shld i", "r u ok", "thx"). Only for recognising the act; the text itself is kept.
 */
const SPELLINGS: Record<string, string> = {
  hw: 'how',
  wat: 'what',
  wht: 'what',
  wut: 'what',
  shld: 'should',
  shud: 'should',
  shoud: 'should',
  shuld: 'should',
  sould: 'should',
  u: 'you',
  ur: 'your',
  r: 'are',
  abt: 'about',
  diff: 'different',
  pls: 'please',
  plz: 'please',
  cuz: 'because',
  coz: 'because',
  bc: 'because',
  thnx: 'thanks',
  thanx: 'thanks',
  tnx: 'thanks',
  thks: 'thanks',
};

function respell(text: string): string {
  // As for actText: the last text's spelling is asked for again on about half the calls.
  if (text === lastRespellIn) return lastRespellOut;
  lastRespellOut = text.replace(/\p{L}+/gu, (w) =>
    Object.hasOwn(SPELLINGS, w) ? SPELLINGS[w] : w,
  );
  lastRespellIn = text;
  return lastRespellOut;
}
let lastRespellIn: string | null = null;
let lastRespellOut = '';

/** Sentences of a cue text, each with the punctuation that ended it. */
function sentencesOf(text: string): string[] {
  return (text.match(/[^.!?;\n]+[.!?;]*/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

/** The question kind of a question sentence. */
function questionKind(sentence: string): QuestionKind {
  if (any('question_normalcy', sentence)) return 'normalcy';
  if (any('question_how_to', sentence)) return 'how_to';
  if (any('question_yes_no', sentence)) return 'yes_no';
  if (wordCount(sentence) <= 2) return 'yes_no';
  return 'advice';
}

/**
 * Whether a sentence is built as a question even without a question mark: an auxiliary before its
 * subject ("is it too soon", "am i the problem"), a question word before an auxiliary ("what do i
 * tell the kids", "why do i always..."), or an asking phrase. A clause after a comma counts too
 * ("tell me honestly, am i the problem").
 */
function questionShaped(sentence: string): boolean {
  if (any('question_inverted', sentence)) return true;
  const clauses = sentence.split(/, */).slice(1);
  return clauses.some((c) => wordCount(c) >= 3 && any('question_inverted', c));
}

/**
 * What the person means to ask someone else, said as part of a plan ("ask him straight, what are
 * we and are we exclusive"): that question is theirs to put to him, not one put to Amora.
 */
const REPORTED_QUESTION =
  /\b(ask|asking|tell|telling) (him|her|them|[a-z]+) (straight|directly|outright|honestly|plainly)?,? ?(what|whether|if|why|how|when|where|who|are|is|do|does|did|will|can)\b[^.!;]*\?*/gu;

/** The first sentence that asks something directly, or null. */
function directQuestion(text: string): string | null {
  for (const s of sentencesOf(text.replace(REPORTED_QUESTION, '$1 $2 …'))) {
    if (any('rhetorical', s) && !s.endsWith('?')) continue;
    const asks = s.includes('?');
    const bare = s.replace(/[.!?;]+$/, '');
    // "but who will i tell??" is said to the air, and "it went... ok?", "i feel... clear?" hedge a
    // report: none asks Amora anything, so none is answered as a should-i.
    if (any('rhetorical_always', bare) || (asks && any('hedged_answer', bare))) continue;
    if (asks && wordCount(bare) <= 2) return bare;
    // "we kind of act like it??" asks nothing: a question needs an asking word, and without a
    // question mark a plain asking phrase ("should i", "how do i") or a question's word order.
    if (
      asks
        ? any('question_start', bare) || any('question_strong', bare) || questionShaped(bare)
        : any('question_strong', bare) || questionShaped(bare)
    )
      return bare;
    // A statement with a question tag asks for agreement: "thats a good sign right??", "i dont
    // have to decide right now do i" (the second kind needs no question mark).
    // "i think i said no??" reports an answer given; its "no" is not a tag asking for agreement.
    if (
      (asks && any('question_tag', bare) && !any('said_answer', bare)) ||
      any('question_tag_bare', bare)
    )
      return bare;
  }
  return null;
}

/**
 * The sentence of a message that carries its news, progress or plan ("so i tried again. it went
 * better than i thought" -> the second), so what is remembered is what was said to have happened,
 * not the sentence that happened to come first. Null when no single sentence carries it.
 */
export function sentenceOfAct(raw: string, act: 'event' | 'progress' | 'plan'): string | null {
  const sentences = raw.split(/(?<=[.!?;])\s+|\n+/);
  for (const [i, s] of sentences.entries()) {
    const text = respell(actText(s));
    if (!any(act, text)) continue;
    if (act === 'progress' && any('progress_spoilers', text)) continue;
    // "we cried together instead of fighting. first time in months": what was a first is the
    // sentence before; the tail alone says nothing.
    if (FIRST_TIME_TAIL.test(text)) return i > 0 ? sentences[i - 1] : null;
    return s;
  }
  return null;
}

/** A sentence that only says something was a first in a while ("first time in months", "first
 * time in a while i'll do that lol"). */
const FIRST_TIME_TAIL = /^(?:and |its |it was |that was |the )?first time (?:in|since|ever)\b/;

/** A farewell someone told of ("said good night", "told him bye"), not one said here. */
const REPORTED_FAREWELL =
  /\b(?:said|say|says|saying|told (?:him|her|them|me)|tell (?:him|her|them)|texted|wave[ds]?|waving|kissed (?:him|her|them)) (?:good ?night|goodbye|bye+|see (?:ya|you))\b/g;

/** What the turn before looked like, for acts that depend on it. */
export interface ActContext {
  /** User turns before this one in the session. */
  turnsBefore: number;
  /**
   * Whether the person has already said what brought them (an earlier turn had content, not only a
   * hello). News is news against that background; the first telling is the story itself. Defaults
   * to "any turn before".
   */
  opened?: boolean;
}

/**
 * The act of one user message. Closings win over everything (a goodbye with a thanks is a
 * goodbye), then greetings, corrections and changes of subject (which carry content the rest of
 * the turn must follow), then direct questions, then stuck replies, news and plans.
 */
export function recogniseAct(raw: string, ctx: ActContext): ActReading {
  // Quoted words are someone else's ("he said he 'needs to find himself'"), not this turn's act.
  const text = respell(
    actText(raw.replace(/(^|\s)['‘"“][^'’"”\n]{1,80}['’"”](?=[\s.,!?]|$)/gu, '$1 … ')),
  );
  const words = wordCount(text);
  const none = (act: TurnAct): ActReading => ({ act, question: null });
  const question = directQuestion(text);
  const thanks = any('thanks', text);
  // "we said good night at the station", "i told him bye and walked out": a farewell told, not
  // one said to Amora.
  const leaving = text.replace(REPORTED_FAREWELL, ' ');
  if (words <= 24 && !question) {
    if (any('goodbye', leaving)) return none('goodbye');
    if (thanks && any('goodbye_with_thanks', text)) return none('goodbye');
    if (thanks && words <= 14) return none('thanks');
  }
  // A longer message that ends by thanking ("ok this helped. gonna take her to brunch sunday.
  // thanks!!") closes the conversation: it is thanked for, not probed.
  // An emoji ends a sentence as a full stop does ("... not mention him once 😂 thanks!!").
  const last = actText(
    raw
      .split(/[.!?\n]+|\p{Extended_Pictographic}+/u)
      .map((s) => s.trim())
      .filter(Boolean)
      .pop() ?? '',
  );
  if (!question && words <= 40 && thanks && any('thanks_last', last)) return none('thanks');
  // A longer message that ends by taking leave ("... I will try the Lonavala plan and tell you.
  // Good night.", "... Bonne soirée.") is a goodbye, whatever came before it.
  if (
    !question &&
    words <= 45 &&
    wordCount(last) <= 6 &&
    any('goodbye', last.replace(REPORTED_FAREWELL, ' '))
  )
    return none('goodbye');
  if (!question && words <= 30 && any('thanks_first', text)) return none('thanks');
  if (any('greeting', text)) {
    const rest = text
      .replace(GREETING, '')
      .replace(/^[\s.,!]+/, '')
      .trim();
    // "hey, need advice but its not about me, its my friend" already tells the story.
    if (
      any('greeting_rest', rest) &&
      wordCount(rest) <= 10 &&
      !rest.includes('?') &&
      !any('greeting_content', rest)
    )
      return none('greeting');
    if (rest === '' || /^[.,!?:;()\s-]*$/.test(rest)) return none('greeting');
    // "hello. my granddaughter set this up for me, not sure what to say": how they came here.
    // Every part of it must be about coming here: "... set this up because my husband left" is
    // the story already.
    if ((any('greeting_setup', rest) || any('greeting_unsure', rest)) && onlyComingHere(rest))
      return none('greeting');
    // Only small talk after the hello ("hey, i'm back", "hi i need to talk", "hey amora, how are
    // you?"): a greeting still, whatever the words; anything about their life is not.
    if (
      wordCount(rest) <= 8 &&
      any('greeting_small_talk', rest.replace(/\?/g, '')) &&
      (!rest.includes('?') || any('greeting_small_talk_question', rest))
    )
      return none('greeting');
  }
  // "ok so idk if this is the right app for this but here goes": an unsure opening with no hello.
  if (any('greeting_unsure', text) && onlyComingHere(text)) return none('greeting');
  // A correction's words inside the question itself ("is it weird i didnt say it back?") are the
  // question's, not a correction of what Amora understood.
  // A one-sentence message counts as the question only when it opens as one ("oh wait max is 6
  // not 5 sorry lol, does that change anything" is a correction).
  const outsideQuestion =
    question &&
    text.includes(question) &&
    (question.trim() !== text.trim() || any('question_inverted', question))
      ? text.replace(question, ' ')
      : text;
  if (any('correction', outsideQuestion)) return none('correction');
  if (any('change_subject', text)) return none('change_subject');
  if (question) return { act: 'question', question: questionKind(question) };
  if (words <= 12 && any('stuck', text)) return none('short');
  // Only hedges and fillers ("idk honestly", "not really", "hard to say"): nothing to answer yet.
  if (words <= 6 && any('stuck_words', text)) return none('short');
  // "we agreed to tell the kids on sunday" is what will happen, not what went well; "we decided to
  // separate last month" is what did.
  const plan = any('plan', text) && !any('plan_spoilers', text);
  if (any('plan_first', text) && !any('plan_spoilers', text)) return none('plan');
  if (any('progress', text) && !any('progress_spoilers', text)) {
    // "i said yes. and im going to take her for pancakes sunday": what it ends on is still to
    // come, so it is met as a plan, not praised as a step already taken.
    // "im going to a pottery class" is where they go now, not an intention.
    // "i will call my mother tomorrow. first time in a month": the tail is no step of its own.
    const told = sentencesOf(text);
    while (told.length > 1 && FIRST_TIME_TAIL.test(told[told.length - 1].trim())) told.pop();
    const ending = (told.pop() ?? '').replace(
      /\bgoing to (a|an|the|my|his|her|our|their)\b.*$/,
      '',
    );
    if (plan && any('plan', ending) && !any('progress', ending)) return none('plan');
    return none('progress');
  }
  if (plan) return none('plan');
  // News is what just happened: a sentence dated years back ("mum passed in 2019") is background.
  if ((ctx.opened ?? ctx.turnsBefore >= 1) && any('event', text)) {
    const recent = any('event_long_ago', text)
      ? sentencesOf(text)
          .filter((s) => !any('event_long_ago', s))
          .join(' ')
      : text;
    if (recent === text || any('event', recent)) return none('event');
  }
  return none('sharing');
}

/**
 * Whether a message explains a partner's control away ("he just loves me a lot", "i have nothing
 * to hide", "he's better with money"): said after warning signs were named, it is met for that.
 */
export function minimisesControl(raw: string): boolean {
  return any('control_minimised', actText(raw));
}

/**
 * Whether a message tells of a death ("my little dog pepper died last week") or a frightening
 * illness ("my dad had a small stroke on wednesday"), not long ago: met first with sympathy.
 */
export function sorrowTold(raw: string): 'death' | 'illness' | null {
  const text = actText(raw);
  if (any('event_long_ago', text)) return null;
  if (any('death_told', text)) return 'death';
  if (any('illness_told', text)) return 'illness';
  return null;
}

/**
 * Whether a message brings good news ("he actually agreed", "she laughed and said yes", "he asked
 * if i want to come to his friends bbq"), unless something in it spoils it ("but i cried").
 */
export function soundsGood(raw: string): boolean {
  const text = respell(actText(raw));
  return any('good_news', text) && !any('progress_spoilers', text);
}

/**
 * Whether a message tells of something that went well or a step taken ("we talked for an hour",
 * "i muted him"), as the progress act reads it, unless something in it spoils it.
 */
export function soundsLikeProgress(raw: string): boolean {
  const text = respell(actText(raw));
  return any('progress', text) && !any('progress_spoilers', text);
}

/**
 * The kind of the direct question a message asks, whatever else it does ("different question, ...
 * how do i help her without taking sides" changes the subject and asks), or null.
 */
export function questionIn(raw: string): QuestionKind | null {
  const text = respell(
    actText(raw.replace(/(^|\s)['‘"“][^'’"”\n]{1,80}['’"”](?=[\s.,!?]|$)/gu, '$1 … ')),
  );
  const q = directQuestion(text);
  return q ? questionKind(q) : null;
}

/**
 * The sentence of a message that asks something directly, as cues see it (lower case, apostrophes
 * dropped, chat spellings read), or null: what the answer has to be about.
 */
export function askedSentence(raw: string): string | null {
  // Quoted words stay in: "is 'not ready' just a nice way to say no" is about those words.
  return directQuestion(respell(actText(raw)));
}

/** Words that only lead into a clause ("ok so", "um", "well"). */
const LEAD_IN = /^(?:(?:ok|okay|so|um+|uh+|well|right|lol|hmm+|erm)\b[\s,]*)+/;

/**
 * Whether every part of a message is about coming here (set up for them, not knowing how this
 * works or whether it is the right place, "here goes"), with nothing of their story in it: "...
 * set this up because my husband left" is the story already.
 */
function onlyComingHere(text: string): boolean {
  if (wordCount(text) > 24 || text.includes('?')) return false;
  return text
    .split(/[.,!;:]+/)
    .map((c) => c.trim().replace(LEAD_IN, '').trim())
    .filter(Boolean)
    .every(
      (c) =>
        (any('greeting_setup', c) && !/\b(because|cause|since|after|so)\b/.test(c)) ||
        any('greeting_unsure', c) ||
        any('greeting_small_talk', c) ||
        any('greeting', c),
    );
}

/**
 * What kind of news an event is, for the tone that meets it: something frightening (a temper, a
 * thrown plate), a discovery that shakes trust
 * (a receipt, a dating app, a message that popped up), an ex seen with someone new, a mixed answer
 * from someone, an invitation (to a weekend away, to meet the family), a child's hard question,
 * someone getting in touch, something hurtful said or done,
 * bad news or a big change, a hard step the person took, or none of these.
 */
export type EventKind =
  | 'scary'
  | 'shock'
  | 'new_partner'
  | 'answer'
  | 'invite'
  | 'child'
  | 'contact'
  | 'hurt'
  | 'bad_news'
  | 'step'
  | 'other';

/**
 * Tried in this order: the more specific reading wins ("texted me a screenshot" is a shock), and a
 * hard step the person took is met as theirs before what others did after it.
 */
const EVENT_KINDS: readonly Exclude<EventKind, 'other'>[] = [
  'scary',
  'shock',
  'new_partner',
  'answer',
  'invite',
  'child',
  'step',
  'hurt',
  'contact',
  'bad_news',
];

function actCueText(raw: string): string {
  return respell(
    actText(raw.replace(/(^|\s)['‘"“][^'’"”\n]{1,80}['’"”](?=[\s.,!?]|$)/gu, '$1 … ')),
  );
}

/**
 * The kind of an event message (cues `event_<kind>`), and the sentence that carries it. What
 * someone said counts here, quotes included: "have fun with your real girlfriend" is what stings.
 */
export function eventKind(raw: string): { kind: EventKind; sentence: string | null } {
  const sentences = raw.split(/(?<=[.!?;])\s+|\n+/);
  for (const kind of EVENT_KINDS) {
    const cue = `event_${kind}` as CueName;
    if (!any(cue, respell(actText(raw)))) continue;
    return { kind, sentence: sentences.find((s) => any(cue, respell(actText(s)))) ?? null };
  }
  return { kind: 'other', sentence: null };
}

/**
 * What a plan is about, for the practical point that helps it: holding off an urge (not texting,
 * muting), telling someone hard news, getting support, a talk, time together, or something else.
 */
export type PlanKind = 'urge' | 'tell' | 'support' | 'talk' | 'together' | 'other';

/** Getting support comes first: "im not replying, im going to book a counsellor" is about the help. */
const PLAN_KINDS: readonly Exclude<PlanKind, 'other'>[] = [
  'support',
  'urge',
  'tell',
  'talk',
  'together',
];

/** The kind of a plan (cues `plan_<kind>`), and whether it names a moment for it. */
export function planKind(raw: string): { kind: PlanKind; timed: boolean } {
  const text = actCueText(raw);
  const kind = PLAN_KINDS.find((k) => any(`plan_${k}` as CueName, text)) ?? 'other';
  return { kind, timed: any('plan_timing', text) };
}

/**
 * What kind of progress a message brings: a step the person took themselves ("i didnt text him",
 * "i asked him!!"), good news with hard feelings in it for someone else ("she cried a little but
 * ..."), or a good outcome ("he actually agreed").
 */
export type ProgressKind = 'mixed' | 'step' | 'outcome';

/** The kind of a progress message. */
export function progressKind(raw: string): ProgressKind {
  const text = actCueText(raw);
  if (any('progress_mixed', text)) return 'mixed';
  if (any('progress_step', text)) return 'step';
  return 'outcome';
}

/** Whether a greeting says the person does not know where to start or how this works. */
export function unsureGreeting(raw: string): boolean {
  return any('greeting_unsure', actCueText(raw));
}
