/**
 * What a direct question asks, read from its own sentence: its form (should I, a yes/no about
 * something, is it normal, how do I), a subject the catalogue in `subjects.json` has an answer for
 * ("should i check his phone", "does it count as cheating if..."), and the two options of an
 * either/or ("should i confront him or pretend i didnt see"). An answer built from this answers
 * what was asked, where a situation's stock answer answers the situation's usual question.
 */
import { anyOf } from '../alternation';
import { Gate, wordHeads } from '../safety/prefilter';
import { ASSUMPTIONS, type Assumption } from './assumptions';
import subjectsData from './subjects.json';

/** How a question wants to be answered, read from its wording. */
export type AnswerForm = 'advice' | 'yes_no' | 'normalcy' | 'how_to';

/** A subject of questions, with an answer for each form of asking it has one for. */
export interface Subject {
  id: string;
  /** Its cue patterns, tested together (see {@link anyOf}). */
  cue: RegExp;
  /** What its answers take for granted, checked against the conversation's facts. */
  assumes: Assumption[];
  /** What the question itself brings up, so its answers may name it. */
  raises: Assumption[];
  /** Situations that stand for what it assumes (an emotional affair the person is in). */
  situations: string[];
  answers: Partial<Record<AnswerForm, string>>;
  /** The one question that follows the answer, if any. */
  question: string | null;
}

const FORMS: readonly AnswerForm[] = ['advice', 'yes_no', 'normalcy', 'how_to'];
const ASSUMPTION_SET: ReadonlySet<string> = new Set(ASSUMPTIONS);

function fail(id: unknown, problem: string): never {
  throw new Error(
    `Question subjects: subjects.json: ${typeof id === 'string' ? `subject "${id}"` : 'a subject'}: ${problem}`,
  );
}

function assumptionList(id: string, name: string, v: unknown): Assumption[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) fail(id, `"${name}" must be a list`);
  for (const a of v)
    if (typeof a !== 'string' || !ASSUMPTION_SET.has(a)) fail(id, `unknown assumption "${a}"`);
  return v as Assumption[];
}

/** Validates the subjects file; throws naming the subject on the first problem. */
export function validateSubjects(raw: unknown): Subject[] {
  const list = (raw as { subjects?: unknown }).subjects;
  if (!Array.isArray(list)) fail(undefined, '"subjects" must be a list');
  const ids = new Set<string>();
  return list.map((s: Record<string, unknown>) => {
    const id = s.id;
    if (typeof id !== 'string' || !/^[a-z0-9_]+$/.test(id)) fail(id, 'bad "id"');
    if (ids.has(id)) fail(id, 'duplicate id');
    ids.add(id);
    for (const k of Object.keys(s))
      if (!['id', 'cues', 'assumes', 'raises', 'situations', 'answers', 'question'].includes(k))
        fail(id, `unknown field "${k}"`);
    if (!Array.isArray(s.cues) || s.cues.length === 0) fail(id, '"cues" must be a non-empty list');
    for (const c of s.cues as unknown[]) {
      if (typeof c !== 'string') fail(id, 'a cue is not text');
      try {
        new RegExp(c, 'u');
      } catch {
        fail(id, `cue is not a regular expression: ${c}`);
      }
    }
    const cue = anyOf(s.cues as string[], 'u', `subject ${id}`);
    const answers: Partial<Record<AnswerForm, string>> = {};
    const given = s.answers as Record<string, unknown> | undefined;
    if (!given || typeof given !== 'object') fail(id, '"answers" must be an object');
    for (const [k, v] of Object.entries(given)) {
      if (!(FORMS as readonly string[]).includes(k)) fail(id, `unknown answer form "${k}"`);
      if (typeof v !== 'string' || v.trim() === '' || v.includes('?') || /[{}]/.test(v))
        fail(id, `answer "${k}" must be a plain text that does not ask`);
      answers[k as AnswerForm] = v;
    }
    if (Object.keys(answers).length === 0) fail(id, 'no answers');
    const q = s.question;
    if (q !== undefined && (typeof q !== 'string' || !q.trim().endsWith('?')))
      fail(id, '"question" must be one question ending with "?"');
    return {
      id,
      cue,
      assumes: assumptionList(id, 'assumes', s.assumes),
      raises: assumptionList(id, 'raises', s.raises),
      situations:
        s.situations === undefined
          ? []
          : Array.isArray(s.situations) && s.situations.every((x) => typeof x === 'string')
            ? s.situations
            : fail(id, '"situations" must be a list of ids'),
      answers,
      question: typeof q === 'string' ? q : null,
    };
  });
}

/** The catalogue of question subjects. */
export const SUBJECTS: readonly Subject[] = validateSubjects(subjectsData);

/**
 * The form of a question sentence (as cues see it): how-to and normalcy questions keep the kind
 * the act reading gave; "should i..." asks for advice whatever its grammar, "what do i do until
 * then" for steps, and a question that starts with its verb ("is it rude to...", "does it count
 * as...", "can a marriage recover...") for a yes or a no.
 */
export function answerForm(sentence: string, kind: AnswerForm): AnswerForm {
  if (kind === 'how_to' || kind === 'normalcy') return kind;
  const t = sentence.replace(LEAD_WORDS, '');
  if (/\b(should|shall) (i|we)\b|\bi should\b|\bis it (a good|a bad) idea\b/.test(t))
    return 'advice';
  if (/^what (do|can|could) (i|we) do\b/.test(t)) return 'how_to';
  // "is it ok to ask him to see her less" asks whether it is acceptable, as "is it normal" does.
  if (
    /^(is|isnt) (it|that|this) (ok|okay|normal|common|natural|fine|alright)\b|^would it be (ok|okay|fine|alright)\b/.test(
      t,
    )
  )
    return 'normalcy';
  // A request ("can you help me think of...") or "is there anything i can do" keeps its kind.
  if (/^(can|could|would|will) you\b|^is there (anything|something|a way|any way)\b/.test(t))
    return kind;
  if (
    /^(is|isnt|are|arent|am|was|does|doesnt|do|dont|did|can|could|would|will|wont|has|have)\b/.test(
      t,
    ) ||
    /\b(do|dont|does|doesnt|is|isnt|am|are|should|can|was|would|will|did) (i|it|he|she|they|we|you)$/.test(
      t,
    ) ||
    /\b(right|yeah|surely|isnt it|dont you think)$/.test(t)
  )
    return 'yes_no';
  return kind;
}

/** Chat openers before a question's first word ("so", "ok", "honestly", "wait"). */
const LEAD_WORDS =
  /^((so|but|and|ok|okay|honestly|like|um+|hmm+|then|also|omg|ugh|wait|well|right|seriously|tell me honestly|be honest)[,.]? )+/;

/** The answer forms that can answer a form, best first. */
export const FITTING_FORMS: Readonly<Record<AnswerForm, readonly AnswerForm[]>> = {
  advice: ['advice', 'yes_no', 'how_to'],
  yes_no: ['yes_no', 'normalcy'],
  normalcy: ['normalcy', 'yes_no'],
  how_to: ['how_to', 'advice'],
};

/**
 * Each subject's cues (as written, in catalogue order) behind the safety rules' prefilter
 * (safety/prefilter.ts): a cue can only match a sentence that has the words it needs, and most
 * sentences have those of few of the subjects, whose joined cues were each tested in turn.
 */
const CUE_GATE = new Gate((subjectsData.subjects as { cues: string[] }[]).flatMap((s) => s.cues));
/** The subject (its index in {@link SUBJECTS}) of each cue of {@link CUE_GATE}. */
const CUE_SUBJECT = (subjectsData.subjects as { cues: string[] }[]).flatMap((s, i) =>
  s.cues.map(() => i),
);

/**
 * Each cue of {@link CUE_GATE} alone, with the flags of its subject's joined {@link Subject.cue}:
 * a subject's joined cue matches exactly when one of its cues does, and a cue the gate holds back
 * cannot, so testing only the cues let through gives the same subjects without scanning for the
 * others (a subject whose cue always runs had all its cues scanned on every question).
 */
const CUE_RE = (subjectsData.subjects as { cues: string[] }[]).flatMap((s) =>
  s.cues.map((c) => new RegExp(c, 'u')),
);

/** Subjects whose cues the question sentence meets, in catalogue order. */
export function subjectsOf(sentence: string): Subject[] {
  const may = CUE_GATE.candidates(wordHeads(sentence));
  const met = new Uint8Array(SUBJECTS.length);
  for (let i = 0; i < may.length; i++)
    if (may[i] && met[CUE_SUBJECT[i]] === 0 && CUE_RE[i].test(sentence)) met[CUE_SUBJECT[i]] = 1;
  return SUBJECTS.filter((_, i) => met[i] === 1);
}

/** The two options of an either/or question, in the person's words (first person, lower case). */
export interface Options {
  a: string;
  b: string;
  /** The second half is a worry about the first ("or will that scare him off"), not an option. */
  worry: boolean;
}

const LEAD = String.raw`^(?:(?:so|but|and|ok|okay|honestly|like|um+|hmm+|then|also|omg|ugh)[, ]+)*`;
/** "should i confront him or pretend i didnt see", "do i tell her or keep quiet" */
const EITHER = new RegExp(
  `${LEAD}(?:do you think |you think )?(?:i |we )?(?:should|shall|do|would|could|can) (?:i |we )?(?:just |even |really |actually |still )?(.+?),? or (?:should (?:i|we) |do (?:i|we) |would (?:i|we) |shall (?:i|we) |(?:i|we) (?:should |just )?)?(?:just |even |should |rather |maybe )?(.+)$`,
);
/** The second half of an either/or that worries about the first ("will that scare him off"). */
const WORRY =
  /^(?:will|would|could|might|does|is|isn't|isnt|am|was|wouldn't|wouldnt) (?:that|it|this|i|he|she|they)\b/;

/** A second half asking whether a rule holds ("is going back to an ex always a mistake"). */
export const RULE =
  /^(?:is|are|isnt|arent) .{2,60}\b(?:always|ever|never|usually|automatically|doomed)\b/;

/** Fillers that end a sentence without being part of an option. */
const TAIL = /[\s,]+(lol|tbh|haha|honestly|now|though|tho|idk|or something|or what|or not)$/;

/**
 * The two options of an either/or question, or null. `sentence` is lower case with apostrophes;
 * options longer than a short phrase are not said back.
 */
export function optionsIn(sentence: string): Options | null {
  const t = sentence.trim().replace(TAIL, '').replace(TAIL, '');
  const m = EITHER.exec(t);
  if (!m) return null;
  const a = m[1].trim();
  const b = m[2].trim();
  if (!a || !b || a.split(' ').length > 12 || b.split(' ').length > 12) return null;
  // "should i text him or not" is a plain yes/no.
  if (/^(not|no)$/.test(b)) return null;
  return { a, b, worry: WORRY.test(b) || RULE.test(b) };
}

/** "is this just what it's like with a newborn or are we actually in trouble" */
export function normalOrWorry(sentence: string): boolean {
  return /\b(normal|common|just what|just how|a phase|phases|just (a|the|part))\b.*\bor (am i|are we|is (it|this|that|he|she)|should i|do i need)\b/.test(
    sentence,
  );
}

/**
 * What is asked about in "am i overreacting or is that actually rude" (or the other way round):
 * the verdict on the other person's act ("actually rude"), or null.
 */
export function overreactingOr(sentence: string): string | null {
  const self =
    '(?:overreacting|being (?:dramatic|sensitive|too sensitive|petty|unreasonable|paranoid|silly)|too sensitive|crazy|paranoid|dramatic)';
  const m =
    new RegExp(
      `^(?:so |but |and |honestly )?am i (?:just )?${self},? or (?:is|was) (?:that|this|it|he|she|they) (.+)$`,
    ).exec(sentence) ??
    new RegExp(
      `^(?:so |but |and |honestly )?(?:is|was) (?:that|this|it|he|she|they) (.+?),? or am i (?:just )?${self}$`,
    ).exec(sentence);
  return m ? m[1].replace(/^(?:actually|really|just|being) /, '') : null;
}

/**
 * A yes/no question turned into the statement it asks about, first person, lower case: "is it my
 * fault for never pushing harder" -> "it is my fault for never pushing harder", "do you think
 * he'll change" -> "he'll change"; null when it is not built that way.
 */
export function askedStatement(sentence: string): string | null {
  const t = sentence
    .trim()
    .replace(/^(?:(?:so|but|and|honestly|ok|okay|like|seriously|wait)[,.]? )+/, '');
  const think =
    /^(?:do you (?:really |honestly )?think|you think|do you reckon) (?:that )?(.{3,})$/.exec(t);
  if (think) return think[1];
  // "does that mean he doesnt love me" -> "that means he doesnt love me"
  const means = /^(?:does|do|did) (that|this|it) (mean|show|prove) (?:that )?(.{3,})$/.exec(t);
  if (means) return `${means[1]} ${means[2]}s ${means[3]}`;
  const m =
    /^(is|are|was|were|will|would|can|could|has|have|am) (i|we|you|he|she|they|it|this|that|(?:my|our|his|her|their|the|a) [a-z]+) (.{2,})$/.exec(
      t,
    );
  return m ? `${m[2]} ${m[1]} ${m[3]}` : null;
}

/**
 * What a question asks for when it is neither a decision nor steps: a time ("when do i text
 * her", "how long do i wait"), words to send back ("what do i even say back"), things to talk
 * about or do ("what do people talk about now", "what should we do on the date"), questions to
 * ask, places to meet people, or how to tell or decide something ("how do i know if i'm ready").
 * A situation's stock answer answers none of these, so an answer of this shape comes first.
 */
export type AskedShape =
  | 'timing'
  | 'words_back'
  | 'ideas_talk'
  | 'ideas_do'
  | 'ideas_ask'
  | 'meet'
  | 'signs_tell'
  | 'signs_decide';

/** A question's shape and, when its wording gives one, what it asks about (first person). */
export interface ShapedQuestion {
  shape: AskedShape;
  /** "when to text her", "whether i'm ready to live with someone", or null. */
  topic: string | null;
}

const OPENERS = String.raw`^(?:(?:so|but|and|ok|okay|then|like|honestly|um+|hmm+|also|now)[,.]? )*`;
const FILLER = String.raw`(?:even |really |actually |just |usually |possibly |best )?`;
/** "when do i text her", "how long should i give him", "at what point do we ..." */
const TIMING_OWN = new RegExp(
  `${OPENERS}(how long|how much time|how soon|at what point|when) (?:do|should|can|could|shall|must|would) (i|we) ${FILLER}(.{2,80})$`,
);
/**
 * "how long?", "for how long", "when do couples usually ...", "when is the right time to ...",
 * "how much time is fair ...": asking for a time. "how long does it take to ..." (how long a
 * process lasts) and "how long should a speech be" (a length) are not.
 */
const TIMING = new RegExp(
  `${OPENERS}(?:(?:for )?(?:how long|how much time|how soon)|when (?:do|should|can|could|is|would|will) (?:i|we|you|people|couples|most people|the right time|a good time)\\b.*|(?:how long|how much time) (?:is|would be) (?:fair|ok|okay|reasonable|enough|too long|normal|too much)\\b.*|(?:how long|how much time) (?:do|should|can|would) (?:people|couples|you|most people) (?:usually )?(?:wait|give)\\b.*)$`,
);
const SIGNS =
  /\bhow (?:do|can|would|will|could|should|does one) (?:i|we|you|people|anyone) (?:even |actually |really |ever )?(?:know|tell|be sure|figure out|work out) (if|whether|when|that) (.{2,80})$/;
const DECIDE =
  /\bhow (?:do|can|should|would|will|does one) (?:i|we|you|people|couples|most people) (?:even |actually |really |ever )?(?:decide|choose|make (?:the|a|that|this) (?:decision|call)|pick)\b ?(.*)$/;
/** "are we ready for a dog", "am i ready to date again" */
const READY = new RegExp(
  `${OPENERS}(?:are|am) (we|i) (?:really |even |actually )?ready (to|for) (.{2,60})$`,
);
/** What makes "how do i tell if ..." a matter of evidence about someone, not of one's own heart. */
const EVIDENCE =
  /\b(paranoid|overreacting|imagining|crazy|over.?thinking|(?:hes|shes|theyre|he is|she is|they are|he|she|they) (?:cheating|lying|interested|into|using|serious|seeing|hiding|flirting|likes?|loves?|wants?))\b/;
const WORDS_BACK =
  /\b(?:what (?:do|should|can|could|would) (?:i|we) (?:even |actually |possibly )?(?:say|write|text|reply|respond|answer|send)(?: back| to (?:that|this|him|her|them|it))?|how (?:do|should|can) (?:i|we) (?:even )?(?:reply|respond|answer)(?: to (?:that|this|it|him|her|them))?)$/;
const TALK =
  /\bwhat (?:do|should|can|could|would|will) (?:i|we|people|you|couples) (?:even |actually |usually )?talk about\b|\b(?:conversation topics|things to talk about|questions (?:to|we|i) (?:could |can |should )?ask each other|questions (?:could|can|should) we ask each other)\b/;
const ASK =
  /\bwhat (?:are )?(?:some |the |good )?(?:questions|things) (?:should|could|can|do|would) (?:i|we) ask\b/;
const DO =
  /\bwhat (?:should|could|can|do|shall|would) (?:we|i) (?:even )?(?:do|plan|organi[sz]e|book) (?:on|for|at|during|together|this (?:weekend|week|friday|saturday|sunday))\b|\bwhat (?:are|r) (?:some|any|a few|good)(?: good| fun| easy| nice| small| cheap| little)? (?:things|ideas|activities)\b|\b(?:date|activity) ideas\b|\bways to keep (?:things|it|us) (?:fun|fresh|exciting|interesting|going)\b/;
const MEET =
  /\bwhere (?:do|can|should|would|does|are) (?:i|we|people|you|anyone|singles|men|women|guys|girls)\b[a-z0-9 ]{0,30}? (?:meet|find|go to meet|supposed to meet)\b/;

/** The shape of a question sentence (lower case, apostrophes removed), or null. */
export function shapeOf(sentence: string): ShapedQuestion | null {
  const t = sentence
    .trim()
    .replace(TAIL, '')
    .replace(/[?!]+$/, '');
  if (WORDS_BACK.test(t)) return { shape: 'words_back', topic: null };
  if (TALK.test(t)) return { shape: 'ideas_talk', topic: null };
  if (ASK.test(t)) return { shape: 'ideas_ask', topic: null };
  if (DO.test(t)) return { shape: 'ideas_do', topic: null };
  if (MEET.test(t)) return { shape: 'meet', topic: null };
  const signs = SIGNS.exec(t);
  if (signs) {
    const what = signs[1] === 'that' ? 'whether' : signs[1];
    return {
      shape: EVIDENCE.test(signs[2]) ? 'signs_tell' : 'signs_decide',
      topic: `${what === 'if' ? 'whether' : what} ${signs[2]}`,
    };
  }
  const ready = READY.exec(t);
  if (ready)
    return {
      shape: 'signs_decide',
      topic: `whether ${ready[1]} ${ready[1] === 'i' ? 'am' : 'are'} ready ${ready[2]} ${ready[3]}`,
    };
  const decide = DECIDE.exec(t);
  if (decide) {
    const rest = decide[1].trim();
    return {
      shape: 'signs_decide',
      topic: /^(whether|if|between) /.test(rest) ? rest.replace(/^if /, 'whether ') : null,
    };
  }
  const own = TIMING_OWN.exec(t);
  if (own) {
    const word = own[1] === 'at what point' ? 'when' : own[1];
    return { shape: 'timing', topic: `${word} to ${own[3]}` };
  }
  if (TIMING.test(t)) return { shape: 'timing', topic: null };
  return null;
}
