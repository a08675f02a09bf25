/**
 * Safety that lasts: a crisis is a conversation, not one message. Once a person has said they
 * might harm themselves or are in danger, the session stays in safety mode: every answer is
 * `SAFETY`, follows what they just did (calling someone, leaving, being somewhere safe), keeps
 * asking about immediate safety, never repeats a sentence (the resource line aside), and keeps the
 * resources at hand, until they say they are safe. A lighter watch follows for the rest of the
 * session: any new sign returns to safety mode. When a sign is unclear, the answer asks first
 * (`CHECK`), and the reply to that question decides the next turn. Warning signs of coercive
 * control are named gently, with confidential help.
 *
 * Everything here is a pure function of the message, the session's safety state and the seed.
 * The texts are in `data/mode.json`, the unclear signs in `data/check.json`.
 */
import { isRecord } from '../data-file';
import { createRng, hashString, type Rng } from '../rng';
import {
  CRISIS_KINDS,
  DETECTED_KINDS,
  type CrisisKind,
  type DetectedKind,
  type SafetyLevel,
  type SafetyResources,
  type SafetyState,
} from '../types';
import { CLASSIFIER_SURE, classifyRisk, NOT_JOKING, riskScores, vetoReason } from './classifier';
import { crisisEvidence, KIND_ORDER, negatedBefore } from './detect';
import { expandSource, readSafetyFile, stringList, type RuleSpec } from './load';
import { compilePattern, type CrisisPattern } from './patterns';
import { Gate, wordHeads } from './prefilter';
import { placeIn, placeMentioned, resourcesFor } from './places';
import { fillResources, replyTexts, safetyReplyVariants } from './replies';

const FILE = 'mode.json';
const RAW = readSafetyFile(FILE);
if (!isRecord(RAW)) throw new Error(`Safety data ${FILE}: must be an object`);

function regex(where: string, v: unknown): RegExp {
  return new RegExp(expandSource(FILE, where, v), 'g');
}

function record(where: string, v: unknown): Record<string, unknown> {
  if (!isRecord(v)) throw new Error(`Safety data ${FILE}: "${where}" must be an object`);
  return v;
}

/** Kinds whose texts every kind-keyed section must have. */
function perKind(where: string, v: unknown): Record<CrisisKind, string[]> {
  const r = record(where, v);
  return Object.fromEntries(
    CRISIS_KINDS.map((k) => [k, replyTexts(`${where}.${k}`, r[k], FILE)]),
  ) as Record<CrisisKind, string[]>;
}

/** What the person just did or said about their situation, recognised to answer it. */
interface Step {
  step: string;
  kinds: readonly CrisisKind[] | null;
  re: RegExp;
}

const STEPS: readonly Step[] = (() => {
  if (!Array.isArray(RAW.steps)) throw new Error(`Safety data ${FILE}: "steps" must be a list`);
  return RAW.steps.map((s: unknown, i): Step => {
    const r = record(`steps[${i}]`, s);
    if (typeof r.step !== 'string')
      throw new Error(`Safety data ${FILE}: step ${i + 1} needs a name`);
    const kinds =
      r.kinds === undefined ? null : (stringList(FILE, `${r.step}.kinds`, r.kinds) as CrisisKind[]);
    return { step: r.step, kinds, re: regex(`step ${r.step}`, r.re) };
  });
})();

/**
 * Fear of being found after leaving ("can he find me here? he knows daniela"): danger back in the
 * watch; the step of the same name says what to do about it.
 */
const MAY_FIND_ME = (() => {
  const step = STEPS.find((s) => s.step === 'may_find');
  if (!step) throw new Error(`Safety data ${FILE}: "steps" needs "may_find"`);
  return step.re;
})();

const SAFE = regex('safe', RAW.safe);
/** Someone close who may be about to end their life, told by the person who could get them help. */
const OTHER_AT_RISK = regex('otherAtRisk', RAW.otherAtRisk);
/** A story of someone else's danger that is over ("years ago", "she's doing well now"). */
const OTHER_AT_RISK_PAST = regex('otherAtRiskPast', RAW.otherAtRiskPast);
/** Word that the person at risk is safe now ("he's home", "they found him", "she picked up"). */
const OTHER_SAFE = regex('otherSafe', RAW.otherSafe);
/** Danger to the person or a threat tied to leaving: what keeps a partner's words about harm theirs. */
const THREAT_TO_ME = regex('threatToMe', RAW.threatToMe);
/** The person's own thoughts of harm ("i want to die too", "myself"): their crisis comes first. */
const OWN_HARM = regex('ownHarm', RAW.ownHarm);
const UNSAFE = regex('unsafe', RAW.unsafe);
/**
 * Not knowing what comes next ("i don't know what happens next but today i did something") is no
 * answer about safety: only a bare "i don't know" or "not sure" is.
 */
const UNSURE_OF_WHAT = /\b(?:not sure|do not know) (?=(?:what|how|when|where|why|who|which)\b)/g;

/** Whether the message says the person is not safe (or cannot say that they are). */
function unsafeIn(text: string): boolean {
  return test(UNSAFE, text.replace(UNSURE_OF_WHAT, ''));
}
const YES = regex('yes', RAW.yes);
const NO = regex('no', RAW.no);

/** Slots an acknowledgement may use for the person the message names (see {@link forPerson}). */
const PERSON_SLOTS = ['them', 'theyre'];

const ACK = (() => {
  const r = record('ack', RAW.ack);
  const out = new Map<string, string[]>();
  for (const [k, v] of Object.entries(r)) out.set(k, replyTexts(`ack.${k}`, v, FILE, PERSON_SLOTS));
  if (!out.has('general')) throw new Error(`Safety data ${FILE}: "ack" needs "general"`);
  return out;
})();

const GUIDE = (() => {
  const r = record('guide', RAW.guide);
  const out = new Map<string, Map<string, string[]>>();
  for (const [step, byKind] of Object.entries(r)) {
    const m = new Map<string, string[]>();
    for (const [k, v] of Object.entries(record(`guide.${step}`, byKind)))
      m.set(k, replyTexts(`guide.${step}.${k}`, v, FILE));
    out.set(step, m);
  }
  const general = out.get('general');
  for (const k of CRISIS_KINDS)
    if (!general?.has(k)) throw new Error(`Safety data ${FILE}: "guide.general" needs "${k}"`);
  return out;
})();

const RESOURCE = perKind('resource', RAW.resource);
const EXIT = perKind('exit', RAW.exit);
const EXIT_NEXT = perKind('exitNext', RAW.exitNext);
/** Saying the person is safe without relief words, after a step already met with them. */
const EXIT_PLAIN = perKind('exitPlain', RAW.exitPlain);
const EXIT_ASK = replyTexts('exitAsk', RAW.exitAsk, FILE);
const RETURN = perKind('return', RAW.return);
const CHECK = perKind('check', RAW.check);
const CHECK_NO = replyTexts('checkNo', RAW.checkNo, FILE);
const CLARIFY = perKind('clarify', RAW.clarify);
/** The help named right after a line was turned down: only the emergency number, for danger. */
const REFUSED_RESOURCE = replyTexts('refusedResource', RAW.refusedResource, FILE);
/**
 * What joins an answer to an everyday question or a piece of news, given in a crisis, back to the
 * person's safety: the answer shows they were heard, this shows the crisis was not dropped.
 */
const BRIDGE = replyTexts('bridge', RAW.bridge, FILE);

/** Self-injury told with no wish to die, and the first answers that meet it as that. */
const SELF_INJURY = (() => {
  const r = record('selfInjury', RAW.selfInjury);
  return {
    re: regex('selfInjury.re', r.re),
    noIntent: regex('selfInjury.noIntent', r.noIntent),
    replies: replyTexts('selfInjury.replies', r.replies, FILE),
  };
})();

/** The help named after a safety question asked about a strong doubt, which stands alone. */
const CHECK_HELP = perKind('checkHelp', RAW.checkHelp);
/** The question asked once more when a real doubt's answer only takes it back ("forget it"). */
const TAKEN_BACK = perKind('takenBack', RAW.takenBack);
/** The safety question after a concern this session already had: asked knowing it, not afresh. */
const RECHECK = perKind('recheck', RAW.recheck);
/** A reply to a safety question that says only that the person is not sure ("ugh idk", "hm"). */
const UNSURE_ANSWER = regex('unsureAnswer', RAW.unsureAnswer);

/** Questions about immediate safety, each marked: does a bare "yes" mean "I'm safe"? */
const ASK: Record<CrisisKind, { safe: boolean; text: string }[]> = (() => {
  const r = record('ask', RAW.ask);
  return Object.fromEntries(
    CRISIS_KINDS.map((k) => {
      const list = r[k];
      if (!Array.isArray(list) || list.length < 4)
        throw new Error(`Safety data ${FILE}: "ask.${k}" needs at least 4 questions`);
      const texts = replyTexts(
        `ask.${k}`,
        list.map((q: unknown): unknown => (Array.isArray(q) ? (q as unknown[])[1] : q)),
        FILE,
      );
      return [
        k,
        list.map((q: unknown, i) => ({
          safe: Array.isArray(q) && q[0] === 'safe',
          text: texts[i],
        })),
      ];
    }),
  ) as Record<CrisisKind, { safe: boolean; text: string }[]>;
})();

const WARNING = (() => {
  const r = record('warning', RAW.warning);
  return {
    name: replyTexts('warning.name', r.name, FILE, ['signs']),
    nameUnlisted: replyTexts('warning.nameUnlisted', r.nameUnlisted, FILE),
    help: replyTexts('warning.help', r.help, FILE),
    ask: replyTexts('warning.ask', r.ask, FILE),
    othersName: replyTexts('warning.othersName', r.othersName, FILE),
    othersHelp: replyTexts('warning.othersHelp', r.othersHelp, FILE),
    othersAsk: replyTexts('warning.othersAsk', r.othersAsk, FILE),
    again: replyTexts('warning.again', r.again, FILE, ['signs']),
    notNormal: replyTexts('warning.notNormal', r.notNormal, FILE),
    againAsk: replyTexts('warning.againAsk', r.againAsk, FILE),
    leaving: replyTexts('warning.leaving', r.leaving, FILE),
    leavingWatched: replyTexts('warning.leavingWatched', r.leavingWatched, FILE),
  };
})();

/**
 * A goodbye after warning signs were named ("i need to go, she's home soon and she checks my
 * phone. ill delete this chat"): leave safely, with the confidential line, and nothing to answer.
 */
export function leavingWithWarnings(text: string, seed: number, r: SafetyResources): string {
  // Someone whose phone is checked, or who means to clear the chat, hears that clearing it is fine.
  const pool = WATCHED.test(text.toLowerCase()) ? WARNING.leavingWatched : WARNING.leaving;
  return fillResources(pool[seed % pool.length], r);
}

/** A goodbye that says the phone is watched or the chat will be cleared. */
const WATCHED =
  /\b(?:delete|deleting|clear|clearing|wipe|wiping)\b.{0,20}\b(?:chat|this|app|history|messages|convo)\b|\b(?:checks?|checking|goes through|looks through|reads) my (?:phone|messages|chats?)\b/;

/** Feelings the person has about what they see ("what bugs me", "it worries me"): not about them. */
const OWN_FEELING =
  /\b(?:bugs|worries|scares|annoys|upsets|bothers|gets to|frightens|concerns|kills) me\b|\bi (?:think|feel|worry|noticed|notice|wonder|dont know|do not know|know|guess|hate|saw|see|told|asked)\b/g;
/** Someone close named as the one concerned ("my daughter", "my best friend"). */
const OTHER_NAMED =
  /\bmy (?:daughter|son|friend|best friend|bestie|sister|brother|niece|nephew|cousin|mum|mom|dad|mother|father|girl|boy|kid|child|flatmate|roommate|colleague|coworker)\b/g;
/** The person speaking of themselves: then the signs may be theirs. */
const FIRST_PERSON = /\b(?:i|im|me|my|myself|we|us|our)\b/;
/** Someone the control is done to, not the speaker ("texts her constantly", "about him"). */
const THIRD_OBJECT = /\b(?:her|him|them)\b/;

/**
 * Whether warning signs are told of someone else's relationship ("he texts her constantly ...
 * she's stopped going to volleyball"): then the answer speaks of them and of helping them, and
 * does not ask the person whether they are afraid of "your partner".
 */
function signsOfOthers(canonical: string): boolean {
  const rest = canonical.replace(OWN_FEELING, ' ').replace(OTHER_NAMED, ' ');
  return THIRD_OBJECT.test(rest) && !FIRST_PERSON.test(rest);
}

/** Warning signs of coercive control or violence: what they are called in an answer. */
const WARNING_SIGNS: readonly { id: string; pattern: CrisisPattern; phrase: string }[] = (() => {
  if (!Array.isArray(RAW.warningSigns))
    throw new Error(`Safety data ${FILE}: "warningSigns" must be a list`);
  return RAW.warningSigns.map((w: unknown, i) => {
    if (!Array.isArray(w) || w.length !== 3 || w.some((x) => typeof x !== 'string'))
      throw new Error(`Safety data ${FILE}: warning sign ${i + 1} must be [id, pattern, phrase]`);
    const [id, re, phrase] = w as string[];
    const spec: RuleSpec = {
      kind: 'partner_danger',
      source: expandSource(FILE, `warning sign ${id}`, re),
      negatable: true,
      file: FILE,
    };
    return { id, pattern: compilePattern(spec), phrase };
  });
})();

/** Unclear signs (data/check.json): each leads to a gentle safety question. */
const CHECK_RULES: readonly CrisisPattern[] = (() => {
  const file = 'check.json';
  const raw = readSafetyFile(file);
  if (!isRecord(raw) || !Array.isArray(raw.rules))
    throw new Error(`Safety data ${file}: needs a list of "rules"`);
  return raw.rules.map((r: unknown, i) => {
    if (!isRecord(r) || !(DETECTED_KINDS as readonly unknown[]).includes(r.kind))
      throw new Error(`Safety data ${file}: rule ${i + 1} needs a crisis "kind"`);
    if (typeof r.negatable !== 'boolean')
      throw new Error(`Safety data ${file}: rule ${i + 1} needs "negatable"`);
    return compilePattern({
      kind: r.kind as DetectedKind,
      source: expandSource(file, `rule ${i + 1}`, r.re),
      negatable: r.negatable,
      file,
      ...(r.subject === 'self' || r.subject === 'other' ? { subject: r.subject } : {}),
      joke: true,
    });
  });
})();

/** Prefilters: only the rules whose words occur in a message are run (see prefilter.ts). */
const WARNING_GATE = new Gate(WARNING_SIGNS.map((w) => w.pattern.re.source));
const CHECK_GATE = new Gate(CHECK_RULES.map((p) => p.re.source));

/** Evidence from the crisis rules below detection that still asks for a gentle question. */
const WEAK_EVIDENCE = 1;
/** A wish to die said plainly, in the first person, now. */
const PLAIN_WISH =
  /(?<!\b(?:said|says|saying|say|told me|texted|wrote|goes|like)(?: that)? )\bi (?:really |just |honestly |actually )?(?:want|wanna|wish i could|am going to|am gonna) (?:to )?(?:die|kill myself|end my life|end it all)\b(?! of\b| laughing\b| from\b| with\b| when\b| if\b| in\b| at\b)/g;
/** Hurting someone's feelings, not them ("how do i tell him without hurting him"). */
const FEELINGS_HURT =
  /\bwithout hurting (?:him|her|them)\b|\bhurt(?:ing)? (?:his|her|their|your|my) feelings\b/g;
/** Turns before the same unclear doubt may be asked about again. */
const CHECK_AGAIN_AFTER = 3;
/** Safety sentences remembered per session (older ones may come back in a very long crisis). */
const USED_KEPT = 80;
/** Previous messages kept as context for the next turn's reading. */
const RECENT_KEPT = 2;
/** Words in a reply short enough to be only an answer ("yes", "yeah i am"). */
const SHORT_REPLY = 5;
/**
 * Calm turns (answered without any safety answer) after which a single faint doubt is held
 * rather than asked about: in the conversation sets no crisis was first seen through one, while
 * 48 calm turns were interrupted by one ("should i sell the house or buy her out?"), and one
 * calm turn is enough: set 12's p01 was asked about suicide on her second message (her age, her
 * city, six suitors turned down), after a hello, and was held in safety talk from there.
 */
const CALM_BEFORE_HOLD = 1;
/** Turns within which a second faint doubt after a held one is asked about (the very next one). */
const HOLD_TURNS = 1;

/** The safety state of a session that never had a concern. */
export function emptySafetyState(): SafetyState {
  return {
    mode: 'none',
    kind: null,
    pending: null,
    concerns: [],
    warningSigns: false,
    used: [],
    askedSafe: false,
    last: 'NONE',
    lastPhase: 'none',
    checkedTurn: null,
  };
}

/** Whether a pattern matches the canonical text, with its negation and subject checks. */
function fires(p: CrisisPattern, text: string): boolean {
  p.re.lastIndex = 0;
  for (const m of text.matchAll(p.re)) {
    const index = m.index ?? 0;
    if (p.negatable && negatedBefore(text, index)) continue;
    if (p.accept && !p.accept(text, index, m[0])) continue;
    return true;
  }
  return false;
}

function test(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

/** What one message shows, for safety. */
export interface SafetySigns {
  /** A clear crisis. */
  crisis: CrisisKind | null;
  /** Whether the rules read the crisis (false when only the classifier did). */
  byRules: boolean;
  /** Whether the classifier is all but certain of the crisis (at {@link CLASSIFIER_CERTAIN}). */
  certain: boolean;
  /** An unclear sign of this kind: ask before anything else. */
  unsure: CrisisKind | null;
  /**
   * Whether the unclear sign is a strong one: the classifier reads its kind at CRISIS (held back
   * by too few words or no word of harm) or the rules' evidence is strong. Asked about again
   * soon after an earlier question, and an answer to one.
   */
  strong: boolean;
  /**
   * Whether the unclear sign is only the classifier's doubt, with no rule's evidence of its kind
   * and no word of harm in the message (however sure the classifier is of the rest: "he's started
   * asking if he's just a secret"). An unsure answer to such a question ("ugh idk") is asked about
   * once more, concretely, rather than taken as a crisis.
   */
  faint: boolean;
  /** Warning signs of coercive control or violence (ids). */
  warning: string[];
  /** The strongest evidence below detection, of any kind. */
  weak: number;
  canonical: string;
}

/**
 * A joke marker, unless denied ("i'm not joking"): a rule's crisis reading of a joking message is
 * dropped; the classifier still reads it.
 */
const JOKING = /\b(?:lol|lmao|haha\w*|jk|just kidding|joking|rofl)\b/;
const LAUGHING = /\u{1F602}|\u{1F923}/u;
/**
 * The classifier's probability of a kind below which a rule's crisis reading is only asked about:
 * the rules' false alarms (idioms, jokes, a past that is over) are where the classifier, trained
 * on thousands of close non-crises, disagrees most.
 */
const RULES_NEED = 0.25;
/** Below this the classifier is sure enough the rule misread the message to drop its reading. */
const RULES_DROP = 0.05;
/**
 * The classifier's probability of a kind below which a rule's weak doubt is not asked about
 * ("i dont know. i need to think about it", "goodbye" at the end of a calm conversation).
 */
const DOUBT_NEED = 0.2;
/**
 * The classifier's probability at which a rule's weak evidence of the same kind, in a message with
 * a word of harm ({@link ANCHOR}), makes a crisis: two readings that each alone would only ask
 * agree. Without the word, what both nets half-see is the ambiguous remark that deserves a
 * question ("i've been thinking about it a lot, whether there's any point").
 */
const BOTH_NEED = 0.7;
/**
 * The classifier's probability of "none" below which a message no kind's threshold caught is still
 * asked about, as the likeliest kind if that has at least {@link LIKELIEST_NEED}: the kinds split
 * what the classifier is sure of ("not ordinary") between them.
 */
const NOT_ORDINARY = 0.35;
const LIKELIEST_NEED = 0.3;
/**
 * The least probability of harm to others at which the classifier alone asks about it: the
 * kind has few close non-crises to learn from, and its low CHECK band took in plans to talk
 * ("im going to bring it up saturday").
 */
const HARM_CHECK_NEED = 0.3;
/**
 * Without a word of harm ({@link ANCHOR}), harm to others is asked about by the classifier alone
 * only from this probability, or when the message is far from ordinary ({@link NOT_ORDINARY}): its
 * doubts on plans to talk ("ok im going to talk to him tonight after dinner", "gonna mute her")
 * had neither.
 */
const HARM_UNANCHORED_NEED = 0.5;
/**
 * The warning-sign probability, at least as high as the crisis kind's, at which a classifier-only
 * doubt is answered as a warning sign (named, with the confidential line) rather than a question
 * about a crisis: a plate thrown at the wall is control, not a plan to hurt someone.
 */
const WARNING_OVER_DOUBT = 0.3;
/** Rule evidence that asks whatever the classifier makes of it ("i picked a date"). */
const STRONG_DOUBT = 1.5;

/** An idiom, a joke, a past that is over, someone else's story: not this person's crisis. */
function notThisPerson(text: string, canonical: string, kind: DetectedKind): boolean {
  return (
    vetoReason(canonical, kind) !== null ||
    (JOKING.test(canonical) && !NOT_JOKING.test(canonical)) ||
    LAUGHING.test(text)
  );
}

/** Words that take back what was said, in {@link TAKES_BACK} and {@link DEFLECTS} alike. */
const TAKEN_BACK_WORDS = String.raw`forget (?:i said|what i said|it|that|about it)|never ?mind|ignore (?:me|that|what i said|it)|it is nothing|doesn't matter|does not matter`;

/**
 * Taking a question's answer back rather than giving it: "forget it", "dont make it a thing",
 * "drop it", "its nothing", besides the words of {@link DEFLECTS}.
 */
const TAKES_BACK = new RegExp(
  String.raw`\b(?:${TAKEN_BACK_WORDS}|its nothing|do not make (?:it|this) (?:a|into a) (?:thing|big deal|whole thing)|dont make (?:it|this) (?:a|into a) (?:thing|big deal|whole thing)|drop it|leave it|i was (?:just )?(?:joking|kidding|being dramatic)|do not be (?:so )?dramatic|don t be (?:so )?dramatic|i (?:just|only) meant|it is not that deep|its not that deep|not that deep)\b`,
);

/** Taking a disclosure back is not being safe: "forget i said that", "never mind", "ignore me". */
/**
 * Brushing the question off ("lol relax im not gonna do anything dumb, dont go all therapist on
 * me"): no word of being safe, whatever else the message says.
 */
const BRUSHED_OFF = String.raw`relax|chill|calm down|(?:do not|don t|dont) go all|not that deep|(?:so |being )?dramatic|overreacting|(?:it was|its|it is|i was) (?:just )?(?:a joke|joking|kidding)`;
const DEFLECTS = new RegExp(String.raw`\b(?:${TAKEN_BACK_WORDS}|whatever|${BRUSHED_OFF})\b`);
/** A reply that only thanks, agrees or takes leave: not an answer to a safety question. */
const CLOSING =
  /^(?:thanks?|thank you|thx|ty|cheers|ta|ok|okay|k|kk|cool|great|nice|sounds good|will do|got it|sure|bye|goodbye|good night|night|nite|see you|later|take care)\b(?:(?! (?:yes|yeah|i am|i do|kind of|maybe|sometimes)\b).)*$/;
/**
 * Thanks or leave-taking anywhere in a short reply, in the languages people mix in ("salamat! bye
 * bye", "valeu man, u helped fr"): a goodbye, not an unsure yes to a safety question.
 */
const CLOSING_WORDS =
  /\b(?:bye|goodbye|good night|goodnight|see you|take care|gotta go|got to go|salamat|valeu|gracias|merci|danke|grazie|obrigad[oa]|arigato|shukran|asante|dhanyavaad|(?:you|this|that|it) (?:really )?helped)\b/;

/** Whether a reply only thanks, agrees or takes leave. */
function closes(canonical: string): boolean {
  return test(CLOSING, canonical) || test(CLOSING_WORDS, canonical);
}

/** A message asking something: a question mark, or a question word opening it. */
const ASKS =
  /\?|^(?:how|what|why|when|where|who|which|should|shall|could|would|can|is|are|do|does|did|will|am)\b/;
/** "Nobody is getting hurt": safe, though it says "hurt". */
const NOBODY_HURT =
  /\b(?:nobody|no one) (?:is |will be |is going to be |will )?(?:getting |going to get |gets |get )?hurt\b(?! (?:me|him|her|them|us|my|the)\b)/;
/** "I'm ok": a no to "are you thinking of...?", never a "not safe". */
const OK = /\bi am (?:fine|ok|okay|safe|alright|all right)\b/;
/**
 * Words of harm, danger, death, means or farewell. The classifier alone reads a crisis only in a
 * message with one of them; without, it asks (CHECK): its character n-grams also find "better"
 * in "better off without me" and "my" in "myself", and a question costs one turn where a false
 * safety mode would hold a whole conversation.
 */
const ANCHOR =
  /\b(?:die|dies|died|dying|dead|death|deaths|kill\w*|suicid\w*|end (?:it|things|my life|everything)|ending (?:it|things|my life)|hurt\w*|harm\w*|pain|pills?|tablets?|overdos\w*|dose|doses|lethal|rope|noose|hang\w*|bridge|jump\w*|cliff|tracks|gun|guns|knife|knives|blade\w*|razor\w*|weapon\w*|bat|cut|cuts|cutting|burn\w*|bleed\w*|blood|scar\w*|starv\w*|gone|goodbye|goodbyes|suicide note|without me|better off|burden|disappear|wake up|sleep forever|hit|hits|hitting|punch\w*|slap\w*|kick\w*|chok\w*|strangl\w*|throat|neck|push\w*|shov\w*|grab\w*|threat\w*|afraid|scared|terrified|danger\w*|unsafe|follow\w*|tracking|stalk\w*|locked|lock|hiding|hide|police|bruis\w*|rape\w*|forced|force|baby|drown\w*|smother\w*|revenge|make (?:him|her|them) pay|wreck|destroy|on (?:his|her|their|the) way|give away|gave away|giving away)\b/;
/**
 * Someone else's death or absence ("declan has only gone into the next room", "since my dad
 * died", "she passed"): grief's words, not a word of harm for the person writing.
 */
const OTHERS_PASSING =
  /\b(?!(?:i|we|me|im|i am|ill|id)\b)[a-z]+ (?:has |have |had |is |was |s )?(?:only |just |now |long )?(?:gone|died|passed(?: away| on)?|dead)\b/g;
/** A wish not to be alive, said of oneself. */
const DEATH_WISH =
  /\b(?:(?:simplest|easiest|better|best|easier|simpler) (?:\w+ ){0,3}?if i (?:just )?(?:disappear|disappeared|vanish|vanished|was gone|were gone|went away for good)|if i (?:was|were|was not|were not|wasn t|weren t) (?:here|around|gone|alive)|if i (?:was|were) not (?:here|around|alive)|(?:not|no longer) (?:be )?(?:here|around|alive) any ?more|better off without me|want(?:ed)? to die|wish i (?:was|were) dead|wish i (?:could )?(?:just )?disappear|end it all|kill myself|not wake up|never wake up|not want to (?:be here|live|exist)|do not want to (?:be here|live|exist))\b/;

/** Whether a message has a word of harm ({@link ANCHOR}) that is not someone else's passing. */
function wordOfHarm(canonical: string): boolean {
  return test(ANCHOR, canonical.replace(OTHERS_PASSING, ' '));
}

/** A third person (not "i" or "we") in a room with the door locked, or locked in one. */
const LOCKED_IN_OTHER =
  /\b(?!(?:i|we|me|us|im)\b)[a-z]+ (?:is|was|has|s) (?:locked (?:herself|himself|themselves) in\b|in (?:the|her|his|their) \w+ with the door locked\b)/;

/** Whether the only locked door in a message is someone else's, with no other word of harm. */
function othersBehindDoor(canonical: string): boolean {
  const m = LOCKED_IN_OTHER.exec(canonical);
  if (!m) return false;
  const rest = canonical.slice(0, m.index) + canonical.slice(m.index + m[0].length);
  return (
    !test(ANCHOR, rest) &&
    !/\b(?:i|we) (?:am|are|m|re) (?:locked|hiding)\b|\b(?:scream|shout|bang|yell|pound|kick|smash)\w*|\boutside the door\b|\btrying to get in\b/.test(
      rest,
    )
  );
}

/** An affair found out or suspected: heartbreak's words, which the classifier confuses with danger. */
const INFIDELITY =
  /\b(?:sleeping with|slept with|cheat(?:ed|ing) on me|(?:he|she)(?:s|'s| is| was| has been) cheating|affair|receipt|seeing someone|seeing someone else|another (?:woman|man|girl|guy)|other (?:woman|man)|dating app|tinder|hinge|grindr|bumble|lipstick|hotel)\b/;
/** A breakup told ("he broke up with me last week"): heartbreak, like an affair found out... */
const BREAKUP =
  /\b(?:broke up|break up|breakup|dumped|split up|we split|left me|ended (?:it|things) with me)\b/;
/**
 * ... unless the ex is still doing something ("200 messages ... he knows which school she goes
 * to"): after a breakup, an ex who pursues is where danger often starts.
 */
const EX_PURSUES =
  /\b(?:messag\w*|texts?|texting|texted|calls?|calling|called|rings?|ringing|showed up|shows up|turn(?:s|ed)? up|outside|follow\w*|watch\w*|knows where|school|pick ?up|keeps|won t stop|will not stop|wont stop|threat\w*|posted|posting|came round|comes round|my place|my house|my flat|my work)\b/;
/** What someone says they will do: "i am going to call him", "i will tell her saturday". */
const INTENT =
  /\b(?:i am going to|going to|i will|id|i would|we are going to|we will)((?: \w+){1,3})/g;
/** Doing that is talking to someone, or a step of one's own, not doing something to them. */
const TALK_VERB =
  /^(?:call|ring|phone|text|message|msg|tell|say|ask|talk|speak|meet|see|visit|write|email|mute|block|unfollow|go|try|wait|sleep|explain|apologi[sz]e|invite|book|plan|show|let|listen|answer|reply|sit|stay|bring|take|check|think|do|keep|give|start|stop|leave|head|get)$/;

/**
 * Whether every plan the message states is to talk to someone or a step of one's own ("i am going
 * to call him saturday morning", "i will tell her myself, in person"), with no word of harm: the
 * classifier learned "i am going to ... him" from threats ("i'm going to wreck him") and asked
 * such plans whether they meant to hurt someone (sets 1-10: 6 plans so asked).
 */
function onlyTalkPlanned(canonical: string): boolean {
  if (wordOfHarm(canonical)) return false;
  let planned = false;
  for (const m of canonical.matchAll(INTENT)) {
    if (
      !m[1]
        .trim()
        .split(' ')
        .some((w) => TALK_VERB.test(w))
    )
      return false;
    planned = true;
  }
  return planned;
}

/** The probability at which the classifier alone reads a crisis without an {@link ANCHOR} word. */
const CLASSIFIER_CERTAIN = 0.9;
/** Words a message needs before the classifier alone may read it as a crisis (else it asks). */
const CLASSIFIER_MIN_WORDS = 4;
/**
 * The classifier's probability of a warning sign, for the message alone, at which it is named
 * without a rule: below, its CHECK band also takes in ordinary hurt ("he was kind of crap to me").
 */
const UNLISTED_WARNING_NEED = 0.35;
/**
 * The same, later in a conversation: a person describing an inattentive partner to a coach turn
 * after turn ("he gets home, eats, scrolls his phone, goes to bed"), a friend worried "what if she
 * gets mad at me", a wife told "he wants to fix things" were asked whether they were afraid; the
 * warning-sign turns of conversation sets 1-6 are named as often at 0.8 as at 0.5 (15 of 30: the
 * rules name them), while calm turns so asked fall from 40 to 37 of 632.
 */
const UNLISTED_WARNING_LATER_NEED = 0.8;
/** The warning-sign id of a sign only the classifier saw (named in general words). */
export const UNLISTED_WARNING = 'unlisted';

/**
 * Reads one message for every safety signal, with the person's previous messages (oldest first)
 * as context. Two nets, either one firing is enough: the hand-written rules, and the classifier
 * by meaning (classifier.ts) for wordings nobody wrote a rule for. What the rules' crisis reading
 * shares with idioms, jokes, a past that is over and someone else's story (the classifier's
 * vetoes) is asked about (an unclear sign) rather than answered as a crisis.
 */
export function readSigns(text: string, previous: readonly string[] = []): SafetySigns {
  let ev = crisisEvidence(text);
  const canonical = ev.canonical;
  // Someone close may be about to end their life ("he said everyone would be better off without
  // him and he's not answering"): a crisis the person can get help for, not danger to them from
  // a partner, nor their own thoughts. A threat "if i leave" stays the rules' danger at home, and
  // the person's own crisis comes first.
  if (
    !(ev.kind === 'partner_danger' && test(THREAT_TO_ME, canonical)) &&
    !(ev.kind === 'self_harm' && test(OWN_HARM, canonical)) &&
    test(OTHER_AT_RISK, canonical) &&
    !test(OTHER_AT_RISK_PAST, canonical) &&
    // The idioms and jokes that silence one's own crisis reading ("die of embarrassment", "lol").
    !notThisPerson(text, canonical, 'self_harm')
  )
    return {
      crisis: 'other_at_risk',
      byRules: true,
      certain: false,
      unsure: null,
      strong: false,
      faint: false,
      warning: [],
      weak: 0,
      canonical,
    };
  const heads = wordHeads(canonical);
  const maybeWarning = WARNING_GATE.candidates(heads);
  const warning = WARNING_SIGNS.filter(
    (w, i) => maybeWarning[i] && fires(w.pattern, canonical),
  ).map((w) => w.id);
  // Control short of violence (being tracked, cut off, an allowance) is a warning sign, not a
  // crisis: danger is read from the rest of the message, with the warning signs taken out.
  if (ev.kind === 'partner_danger' && warning.length > 0) {
    let rest = canonical;
    for (const w of WARNING_SIGNS) {
      w.pattern.re.lastIndex = 0;
      rest = rest.replace(w.pattern.re, ' . ');
    }
    const without = crisisEvidence(rest);
    if (without.kind !== 'partner_danger') ev = { ...without, canonical };
  }
  // The classifier's label probabilities for the message alone, read when a decision needs them.
  let alone: ReturnType<typeof riskScores> | undefined;
  const scores = () => (alone ??= riskScores(text));
  // Whether the message has a word of harm, read once when a decision needs it.
  let anchoredMemo: boolean | undefined;
  const anchored = (): boolean => (anchoredMemo ??= wordOfHarm(canonical));
  let crisis = ev.kind;
  let byRules = true;
  let unsure: CrisisKind | null = null;
  let strong = false;
  // Whether a rule raised the doubt (a crisis reading held back, or a doubt pattern).
  let ruled = false;
  if (crisis) {
    if (notThisPerson(text, canonical, crisis)) crisis = null;
    else if (scores()[crisis] < RULES_NEED && !ev.plain) {
      // Far below (an idiom nobody listed, a story long over): not asked about either, unless it
      // says plainly "i want to die" ("he says he wants to die and honestly i want to die too"
      // was dropped at 0.03): that is asked about.
      const plain = crisis === 'self_harm' && test(PLAIN_WISH, canonical);
      unsure = scores()[crisis] < RULES_DROP && !plain ? null : crisis;
      ruled = unsure !== null;
      crisis = null;
    }
  }
  const net = classifyRisk(text, previous);
  if (!crisis && net.kind !== null && net.kind !== 'warning_sign') {
    // A few words give the n-grams too little to go on for a crisis by meaning alone.
    const words = canonical.split(' ').filter((w) => w !== '.').length;
    if (
      net.level === 'CRISIS' &&
      net.kind !== unsure &&
      words >= CLASSIFIER_MIN_WORDS &&
      net.score >= CLASSIFIER_SURE &&
      (net.score >= CLASSIFIER_CERTAIN || anchored())
    ) {
      // Someone else behind a locked door ("carla is in the bedroom with the door locked", after
      // she found his messages), with no other word of harm, is asked about, not a crisis: the
      // classifier learned the door from people hiding, who say "i" or "we".
      if (net.kind === 'partner_danger' && othersBehindDoor(canonical)) {
        unsure = net.kind;
      } else {
        crisis = net.kind;
        byRules = false;
      }
    } else if (
      !unsure &&
      scores().warning_sign >= Math.max(WARNING_OVER_DOUBT, scores()[net.kind])
    ) {
      if (warning.length === 0) warning.push(UNLISTED_WARNING);
    } else if (
      net.kind !== 'harm_to_others' ||
      (net.score >= HARM_CHECK_NEED &&
        !onlyTalkPlanned(canonical) &&
        (net.score >= HARM_UNANCHORED_NEED || anchored() || scores().none < NOT_ORDINARY))
    ) {
      if (!unsure) strong = net.level === 'CRISIS';
      unsure ??= net.kind;
    }
  }
  // No kind past its own threshold, and yet the message is unlike an ordinary one: ask about the
  // likeliest kind ("i've got my dad's old shotgun down from the loft. not sure who it's for").
  if (!crisis && !unsure && warning.length === 0 && scores().none < NOT_ORDINARY) {
    const sc = scores();
    const top = KIND_ORDER.reduce((a, b) => (sc[b] > sc[a] ? b : a));
    if (
      sc[top] >= LIKELIEST_NEED &&
      sc[top] >= sc.warning_sign &&
      !notThisPerson(text, canonical, top)
    )
      unsure = top;
  }
  if (!crisis && !unsure && ev.kind === null) {
    let doubt = KIND_ORDER.find((k) => ev.evidence[k] >= WEAK_EVIDENCE) ?? null;
    const maybeCheck = CHECK_GATE.candidates(heads);
    doubt ??= CHECK_RULES.find((p, i) => maybeCheck[i] && fires(p, canonical))?.kind ?? null;
    // The same idioms, jokes and pasts that silence a rule's crisis reading silence its doubts.
    if (
      doubt &&
      !notThisPerson(text, canonical, doubt) &&
      (scores()[doubt] >= DOUBT_NEED || ev.evidence[doubt] >= STRONG_DOUBT)
    ) {
      unsure = doubt;
      ruled = true;
      strong = ev.evidence[doubt] >= STRONG_DOUBT;
    }
  }
  if (
    !crisis &&
    unsure &&
    ev.evidence[unsure] >= WEAK_EVIDENCE &&
    scores()[unsure] >= BOTH_NEED &&
    anchored() &&
    !notThisPerson(text, canonical, unsure)
  ) {
    crisis = unsure;
    unsure = null;
  }
  // A warning sign is named only when the message itself shows it, not the one before it.
  if (
    !crisis &&
    warning.length === 0 &&
    net.kind === 'warning_sign' &&
    (previous.length === 0 || classifyRisk(text).kind === 'warning_sign') &&
    scores().warning_sign >=
      (previous.length > 0 ? UNLISTED_WARNING_LATER_NEED : UNLISTED_WARNING_NEED)
  )
    warning.push(UNLISTED_WARNING);
  // Finding out about an affair (messages, a receipt, "sleeping with someone from work") is where
  // the classifier alone most often asks about danger at home on a calm conversation: without a
  // word of harm or fear and without a rule's evidence, it is heartbreak, not danger.
  if (
    unsure === 'partner_danger' &&
    ev.evidence.partner_danger < WEAK_EVIDENCE &&
    (test(INFIDELITY, canonical) || (test(BREAKUP, canonical) && !test(EX_PURSUES, canonical))) &&
    !anchored()
  )
    unsure = null;
  const weak = crisis || ev.kind ? 0 : Math.max(...KIND_ORDER.map((k) => ev.evidence[k]));
  const certain = crisis !== null && net.kind === crisis && net.score >= CLASSIFIER_CERTAIN;
  return {
    crisis,
    byRules: crisis !== null && byRules,
    certain,
    unsure,
    strong: unsure !== null && strong,
    faint:
      unsure !== null &&
      !ruled &&
      ev.evidence[unsure] < WEAK_EVIDENCE &&
      !wordOfHarm(canonical.replace(FEELINGS_HURT, ' ')),
    warning,
    weak,
    canonical,
  };
}

/** What the safety step decided for one turn. */
export interface SafetyPlan {
  level: SafetyLevel;
  kind: CrisisKind | null;
  /** A whole `SAFETY` answer (no coaching). */
  reply?: string;
  /** A sentence or two to lead the coaching answer with (a safety question, a thank-you). */
  lead?: string;
  /** Whether {@link lead} is the whole answer (a question that must not share the turn). */
  alone?: boolean;
  /**
   * The lead is a question about a strong doubt: it stands alone unless the message asked
   * something itself, whose answer still follows it.
   */
  aloneUnlessAsked?: boolean;
  /** An answer that replaces coaching (warning signs), with what the signs were. */
  warning?: { reply: string; signs: string[] };
  /**
   * A crisis answer to a message that asks something everyday or brings news, and says nothing
   * more of the crisis ("can we talk about something else. should i give him his hoodie back?"):
   * what follows the coaching answer to it, in place of {@link reply}'s opening (a bridge back,
   * the help, one question about safety).
   */
  afterAnswer?: { text: string; mark: string };
  state: SafetyState;
}

/** Picks the first unused text of a pool in a seeded order; marks it used. */
class Picker {
  readonly used: Set<string>;
  constructor(
    used: readonly string[],
    private readonly rng: Rng,
  ) {
    this.used = new Set(used);
  }

  /** Like {@link pick}, but null once every text of the pool has been said. */
  fresh(key: string, pool: readonly string[]): string | null {
    return pool.every((_, i) => this.used.has(`${key}.${i}`)) ? null : this.pick(key, pool);
  }

  /** A text of the pool not said yet, in a seeded order; among those that `fits`, when given. */
  pick(key: string, pool: readonly string[], fits?: (text: string) => boolean): string {
    const { text, mark } = this.peek(key, pool, fits);
    this.used.add(mark);
    return text;
  }

  /**
   * What {@link pick} would say, and the mark that records it as said, without recording it: for a
   * text that may not be used (the caller adds the mark to the state's `used` when it is).
   */
  peek(
    key: string,
    pool: readonly string[],
    fits?: (text: string) => boolean,
  ): { text: string; mark: string } {
    const order = pool.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(this.rng() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const ok = (n: number) => !fits || fits(pool[n]);
    const i =
      order.find((n) => ok(n) && !this.used.has(`${key}.${n}`)) ??
      order.find(ok) ??
      order.find((n) => !this.used.has(`${key}.${n}`)) ??
      order[0];
    return { text: pool[i], mark: `${key}.${i}` };
  }

  list(): string[] {
    return [...this.used].slice(-USED_KEPT);
  }
}

/**
 * The steps this message reports, for this kind ("called", "left", "partner_coming"...), in the
 * data's order: the first leads the answer.
 */
function stepsOf(text: string, kind: CrisisKind, askedSafe: boolean): string[] {
  const found: string[] = [];
  for (const s of STEPS)
    if ((!s.kinds || s.kinds.includes(kind)) && !found.includes(s.step) && test(s.re, text))
      found.push(s.step);
  if (found.length > 0) return found;
  // "no" to "are you safe?" is not safe; "i am ok" (also a no to other questions) is not that.
  return [askedSafe && test(NO, text) && !test(OK, text) ? 'not_safe' : 'general'];
}

/**
 * Steps acknowledged beside the one leading: "i told him. he's sitting with me. he put the pills
 * in his car" is three steps, and an answer that thanks only the first has not heard the rest.
 */
const ALSO_ACKNOWLEDGED: readonly string[] = [
  'someone_reaching',
  'means_near',
  'means_away',
  'someone_with',
  'safe_place',
  'on_way_safe',
];

const HE =
  /\b(?:(?:told|to|with) him|he|my (?:dad|father|brother|husband|boyfriend|son|uncle|grandad|grandpa|stepdad))\b/;
const SHE =
  /\b(?:(?:told|to|with) her|she|my (?:mom|mother|sister|wife|girlfriend|daughter|aunt|gran|grandma|nan|stepmom))\b/;

/** "{them}" and "{theyre}" (a sentence's start) said of the one person the message names, as it names them. */
function forPerson(ack: string, text: string): string {
  const he = HE.test(text);
  const she = SHE.test(text);
  const [them, theyre] =
    he && !she ? ['him', "He's"] : she && !he ? ['her', "She's"] : ['them', "They're"];
  return ack.replaceAll('{them}', them).replaceAll('{theyre}', theyre);
}

/** Whether the person says they are safe now (and nothing in the message says otherwise). */
function saysSafe(text: string, kind: CrisisKind, askedSafe: boolean, step: string): boolean {
  // Someone else at risk is safe when they are found, home or with help, not when the person is.
  if (kind === 'other_at_risk') return test(OTHER_SAFE, text) && !test(OTHER_AT_RISK, text);
  if (unsafeIn(text)) return false;
  // Taking it back ("im fine now. forget i said anything, it was just a bad moment") is not
  // saying one is safe.
  if (test(DEFLECTS, text)) return false;
  if (test(NOBODY_HURT, text)) return true;
  if (['hurt', 'partner_coming', 'partner_here', 'means_near', 'not_safe'].includes(step))
    return false;
  if (test(SAFE, text)) return true;
  // A plain "yes" to "are you safe?" says so too; to any other question it does not, and a
  // longer message starting with "yes" may go on to say something else.
  return askedSafe && text.split(' ').length <= SHORT_REPLY && test(YES, text) && !test(NO, text);
}

/** The answer while in safety mode: acknowledge, guide, resources, one question about safety. */
function ongoingReply(
  text: string,
  kind: CrisisKind,
  s: SafetyState,
  p: Picker,
  r: SafetyResources,
  opening?: string,
  steps: readonly string[] = stepsOf(text, kind, s.askedSafe),
  answerable = false,
): { reply: string; askedSafe: boolean; afterAnswer?: { text: string; mark: string } } {
  const step = steps[0];
  const also = ALSO_ACKNOWLEDGED.find((o) => o !== step && steps.includes(o) && ACK.has(o));
  const ackPool = ACK.get(step) ?? ACK.get('general')!;
  // The guidance follows the first step that has its own ("not like a plan. i still have the
  // oxy in the cabinet": the means near, not the thoughts without a plan).
  const guided = steps.find((o) => GUIDE.get(o)?.get(kind) ?? GUIDE.get(o)?.get('any')) ?? step;
  const guides = GUIDE.get(guided);
  const guidePool = guides?.get(kind) ?? guides?.get('any') ?? GUIDE.get('general')!.get(kind)!;
  const guideKey = guides?.get(kind)
    ? `guide.${guided}.${kind}`
    : guides?.get('any')
      ? `guide.${guided}.any`
      : `guide.general.${kind}`;
  const company = steps.some((o) => COMPANY_STEPS.has(o));
  const means = steps.some((o) => MEANS_STEPS.has(o));
  const ask = pickAsk(
    kind,
    p,
    company || means
      ? (q) => !(company && test(ASKS_COMPANY, q)) && !(means && test(ASKS_MEANS, q))
      : undefined,
  );
  const opened = [
    opening ?? forPerson(p.pick(`ack.${ACK.has(step) ? step : 'general'}`, ackPool), text),
    also ? forPerson(p.pick(`ack.${also}`, ACK.get(also)!), text) : null,
    // A long crisis can use up the guidance: then the answer goes without rather than repeat.
    p.fresh(guideKey, guidePool),
  ];
  // Someone who just said they don't want a hotline is not handed it again in the same breath:
  // the emergency number stays, for danger, and the line waits for another turn.
  const resource =
    step === 'refuses_help' && kind !== 'other_at_risk'
      ? fillResources(p.pick('refusedResource', REFUSED_RESOURCE), r)
      : pickResource(kind, s, r);
  const parts = [...opened, resource, ask.text];
  const reply = fillResources(parts.filter(Boolean).join(' '), r);
  if (!answerable) return { reply, askedSafe: ask.safe };
  const bridge = p.peek('bridge', BRIDGE);
  const after = fillResources([bridge.text, resource, ask.text].join(' '), r);
  return { reply, askedSafe: ask.safe, afterAnswer: { text: after, mark: bridge.mark } };
}

/**
 * The safety question of a check, asked knowing the crisis this session already had of that kind
 * ("has anyone close to you hurt you?" would not have heard it).
 */
function checkLead(s: SafetyState, kind: CrisisKind, p: Picker, r: SafetyResources): string {
  return questionLead(s.concerns.includes(kind) ? 'recheck' : 'check', kind, p, r);
}

/** The safety questions of each phase that asks one. */
const QUESTION_POOLS = {
  check: CHECK,
  clarify: CLARIFY,
  recheck: RECHECK,
  takenBack: TAKEN_BACK,
} as const;

/** The safety question of a check, or the plainer one asking it once more, with the help named. */
function questionLead(
  phase: keyof typeof QUESTION_POOLS,
  kind: CrisisKind,
  p: Picker,
  r: SafetyResources,
): string {
  return fillResources(p.pick(`${phase}.${kind}`, QUESTION_POOLS[phase][kind]), r);
}

/** Steps that say who is, or could be, with the person: "who could you be with?" is not asked. */
const COMPANY_STEPS: ReadonlySet<string> = new Set([
  'someone_with',
  'someone_possible',
  'someone_reaching',
  'someone_near',
  'called',
  'told',
  'safe_place',
  'on_way_safe',
  'left',
  'help_coming',
]);
/** Steps that say where the means are: "is it still near you?" is not asked. */
const MEANS_STEPS: ReadonlySet<string> = new Set(['means_near', 'means_away']);
const ASKS_MEANS = /\b(?:still near you|anything you could use)\b/i;
const ASKS_COMPANY =
  /\b(?:anyone with you|who could you be with|someone who could be with you|someone you could call)\b/i;

function pickAsk(
  kind: CrisisKind,
  p: Picker,
  fits?: (text: string) => boolean,
): { safe: boolean; text: string } {
  const pool = ASK[kind];
  const text = p.pick(
    `ask.${kind}`,
    pool.map((q) => q.text),
    fits,
  );
  return pool.find((q) => q.text === text)!;
}

/** The resource line: the one sentence safety answers may repeat; it alternates anyway. */
function pickResource(kind: CrisisKind, s: SafetyState, r: SafetyResources): string {
  const pool = RESOURCE[kind];
  return fillResources(pool[s.used.length % pool.length], r);
}

/**
 * Steps a person saying they are safe may report in the same breath ("dev's here. im ok tonight.
 * gonna call lifeline tmrw with him next to me"): heard before the relief, not passed over.
 */
const HEARD_ON_EXIT: ReadonlySet<string> = new Set([
  'someone_with',
  'someone_near',
  'safe_place',
  'on_way_safe',
  'left',
  'help_coming',
  'called',
  'told',
  'plan_contact',
  'trusted_adult',
  'means_away',
  'held_off',
]);

function exitReply(
  kind: CrisisKind,
  p: Picker,
  r: SafetyResources,
  text = '',
  step = 'general',
): string {
  const ack =
    HEARD_ON_EXIT.has(step) && ACK.has(step)
      ? forPerson(p.pick(`ack.${step}`, ACK.get(step)!), text)
      : null;
  // After a step met with relief or gladness, the safety is thanked for in plain words ("I'm
  // relieved you're with people ... I'm so relieved you're safe" says it twice).
  const felt = ack !== null && /\b(?:relie|glad|good to hear)/i.test(ack);
  return fillResources(
    [
      ack,
      felt ? p.pick(`exitPlain.${kind}`, EXIT_PLAIN[kind]) : p.pick(`exit.${kind}`, EXIT[kind]),
      p.pick(`exitNext.${kind}`, EXIT_NEXT[kind]),
      p.pick('exitAsk', EXIT_ASK),
    ]
      .filter(Boolean)
      .join(' '),
    r,
  );
}

function firstReply(
  kind: CrisisKind,
  p: Picker,
  r: SafetyResources,
): { reply: string; askedSafe: boolean } {
  const variants = safetyReplyVariants(kind);
  const text = p.pick(`first.${kind}`, variants);
  // A first answer may carry a sentence of the guidance that follows it: that one counts as said.
  for (const [step, byKind] of GUIDE)
    for (const [k, pool] of byKind)
      if (k === kind || k === 'any')
        pool.forEach((g, i) => {
          if (text.includes(g)) p.used.add(`guide.${step}.${k}.${i}`);
        });
  const reply = fillResources(text, r);
  const last = reply.split(/(?<=[.!?])\s+/).pop() ?? '';
  return { reply, askedSafe: /\bsafe\b/.test(last) && last.endsWith('?') };
}

/**
 * The answer to warning signs: a gentle question, the signs named, confidential help. Null once
 * the session has heard every question and naming (a long conversation about control): then
 * the coaching answer goes on rather than say the same things again.
 */
function warningReply(
  signs: string[],
  p: Picker,
  r: SafetyResources,
  others = false,
  again = false,
): string | null {
  if (others) {
    const parts = [
      p.fresh('warning.othersName', WARNING.othersName),
      p.fresh('warning.othersHelp', WARNING.othersHelp),
      p.fresh('warning.othersAsk', WARNING.othersAsk),
    ];
    if (parts.every((x) => x === null)) return null;
    return fillResources(parts.filter(Boolean).join(' '), r);
  }
  const phrases = WARNING_SIGNS.filter((w) => signs.includes(w.id)).map((w) => w.phrase);
  const named = phrases.length > 1 ? `${phrases[0]} and ${phrases[1]}` : phrases[0];
  // Named once already, a further sign is linked to the others, not met with the same question
  // and the same line again: asked "are you afraid of him?" on every message reads as not listening.
  if (again && named) {
    const linked = p.fresh('warning.again', WARNING.again)?.replace('{signs}', named);
    if (linked)
      return [linked, p.fresh('warning.againAsk', WARNING.againAsk)].filter(Boolean).join(' ');
  }
  const ask = p.fresh('warning.ask', WARNING.ask);
  const name = named
    ? p.fresh('warning.name', WARNING.name)?.replace('{signs}', named)
    : p.fresh('warning.nameUnlisted', WARNING.nameUnlisted);
  if (!ask && !name) return null;
  const parts = [ask, name, p.fresh('warning.help', WARNING.help)];
  return fillResources(parts.filter(Boolean).join(' '), r);
}

function withConcern(s: SafetyState, kind: CrisisKind): CrisisKind[] {
  return s.concerns.includes(kind) ? s.concerns : [...s.concerns, kind];
}

/**
 * Decides the safety side of one turn: a whole SAFETY answer, a question to lead with, a
 * warning-sign answer, or nothing; and the session's next safety state.
 *
 * @param counted false when the last answer is being regenerated: the state already holds this
 *   turn, so the same kind of answer is given again in other words, and the mode does not move.
 * @param opener whether the message opens unsure of the place ("idk if this is the right app for
 *   this but here goes"): a faint doubt in it is not asked about, nor held against the next
 *   message; read as a doubt, it opened an ordinary conversation with a question about suicide.
 */
export function planSafety(
  text: string,
  previous: SafetyState | undefined,
  turn: number,
  counted: boolean,
  seed: number,
  configured: SafetyResources,
  opener = false,
): SafetyPlan {
  const s = previous ?? emptySafetyState();
  // Help the person can reach where they live, once they have said where that is.
  const place = placeIn(text) ?? s.place ?? placeMentioned(text) ?? null;
  const resources = resourcesFor(configured, place);
  const p = new Picker(s.used, createRng(hashString(text, seed) ^ Math.imul(turn, 0x2545f491)));
  // Earlier messages are context only for a fresh reading: in safety mode and in the watch after
  // it, what counts is what this message says.
  const fresh = s.mode === 'none';
  const context = fresh ? (s.recent ?? []) : [];
  const signs = readSigns(text, context);
  // The reply to a safety question is read alone: read with the doubted message as context,
  // any reply would look like a yes.
  const own = s.pending && context.length > 0 ? readSigns(text) : signs;
  const canon = signs.canonical;
  const recent = counted ? [...(s.recent ?? []), text].slice(-RECENT_KEPT) : s.recent;

  const done = (
    level: SafetyLevel,
    kind: CrisisKind | null,
    phase: SafetyState['lastPhase'],
    next: Partial<SafetyState>,
    out: Omit<SafetyPlan, 'level' | 'kind' | 'state'> = {},
  ): SafetyPlan => ({
    level,
    kind,
    ...out,
    state: {
      ...s,
      ...next,
      used: p.list(),
      last: level,
      lastPhase: phase,
      ...(recent ? { recent } : {}),
      ...(place ? { place } : {}),
      ...(counted ? { calmTurns: level === 'NONE' ? (s.calmTurns ?? 0) + 1 : 0 } : {}),
    },
  });

  if (!counted) return replan(s, p, resources, signs, done);

  /** Safety mode for a crisis of this kind, with the first answer to it. */
  const startCrisis = (kind: CrisisKind): SafetyPlan => {
    // Self-injury told with no wish to die ("i cut. on my leg. i dont want to die i just wanted
    // to feel something else") is met as that, not as "thoughts of not wanting to live".
    const injury =
      kind === 'self_harm' && test(SELF_INJURY.re, canon) && test(SELF_INJURY.noIntent, canon);
    const f = injury
      ? {
          reply: fillResources(p.pick('selfInjury', SELF_INJURY.replies), resources),
          askedSafe: false,
        }
      : firstReply(kind, p, resources);
    return done(
      'CRISIS',
      kind,
      'first',
      {
        mode: 'crisis',
        kind,
        pending: null,
        concerns: withConcern(s, kind),
        askedSafe: f.askedSafe,
      },
      { reply: f.reply },
    );
  };

  // In safety mode: follow the person until they say they are safe.
  if (s.mode === 'crisis' && s.kind) {
    // Only the rules, or a classifier all but certain with a word of harm in the message, change
    // the kind of a crisis under way: its reading of "he's back, i can't do this" in a self-harm
    // crisis is the same crisis, and "i rang him. he's coming over now" is help arriving.
    // Thoughts of not being here ("some nights itd be quieter for everyone if i wasnt here") are
    // a self-harm crisis whatever crisis came first.
    const added =
      signs.crisis &&
      signs.crisis !== s.kind &&
      (signs.byRules ||
        (signs.certain && wordOfHarm(canon)) ||
        (signs.crisis === 'self_harm' && test(DEATH_WISH, canon)))
        ? signs.crisis
        : null;
    const kind = added ?? s.kind;
    if (added && !s.concerns.includes(added)) {
      return startCrisis(added);
    }
    const steps = stepsOf(canon, kind, s.askedSafe);
    const step = steps[0];
    const denies =
      test(NO, canon) &&
      !test(DEFLECTS, canon) &&
      !signs.unsure &&
      signs.weak === 0 &&
      step === 'general';
    // A classifier's crisis reading does not hold back "i'm ok now": what the person says does.
    // A rule reading the same danger again ("the door is locked") does not hold back "i am safe
    // now"; the danger steps saysSafe checks (he is here, hurt, the means near) still do.
    const sure = signs.crisis !== null && signs.byRules && signs.crisis !== kind;
    if (!sure && (saysSafe(canon, kind, s.askedSafe, step) || denies)) {
      return done(
        'CRISIS',
        kind,
        'exit',
        { mode: 'watch', askedSafe: false, pending: null },
        { reply: exitReply(kind, p, resources, canon, step) },
      );
    }
    // A message that only asks something everyday or brings news, with nothing of the crisis in
    // it, may be answered first (the engine decides, knowing the kind of turn).
    const answerable =
      (step === 'general' || step === 'asks_other') &&
      kind !== 'other_at_risk' &&
      signs.crisis === null &&
      signs.unsure === null &&
      signs.warning.length === 0 &&
      signs.weak === 0;
    const o = ongoingReply(canon, kind, s, p, resources, undefined, steps, answerable);
    return done(
      'CRISIS',
      kind,
      'ongoing',
      { kind, askedSafe: o.askedSafe },
      { reply: o.reply, ...(o.afterAnswer ? { afterAnswer: o.afterAnswer } : {}) },
    );
  }

  // The answer to a safety question asked last turn.
  if (s.pending && !signs.crisis) {
    // "forget it. im fine. dont make it a thing" after a question about a real doubt (a rule's,
    // or a strong reading; not a faint one) takes it back: no clear no. It is asked once more,
    // gently, with the line at hand; set 12's p03 ("the kids would do better with the life
    // insurance") was told "I'm glad that's not where you are" and coached on.
    if (s.lastPhase === 'check' && test(TAKES_BACK, canon))
      return done(
        'CHECK',
        s.pending,
        'clarify',
        { pending: s.pending, pendingFaint: false, checkedTurn: turn },
        { lead: questionLead('takenBack', s.pending, p, resources), alone: true },
      );
    if (test(NO, canon) && !test(YES, canon.replace(/^no\b/, ''))) {
      return done('NONE', null, 'none', { pending: null }, { lead: p.pick('checkNo', CHECK_NO) });
    }
    // A yes, an unsure short reply, or any further sign after "are you thinking of ending your
    // life?" is taken as a yes: a person in crisis who is asked is caught. After a warning sign
    // ("are you safe at home?") a yes is not a crisis; the signs in the reply are read as usual.
    // "maybe" or "honestly" opening a longer message is not an answer; "yes" opening one is.
    // A longer message that opens with "yeah" and goes on about something else ("yeah. work is
    // whatever, been calling in sick alot. not really eating") is no yes to "has anyone hurt
    // you?" when nothing in it speaks of that kind: set 13's q01 was taken into danger-at-home
    // mode by it, and his thoughts of not being here were then met with flight tips.
    // Only the rules' evidence of the kind asked about answers the question: "i've said no to
    // like 6 of them" half-matches a rule of danger at home, which is no yes to "are you thinking
    // of ending your life?".
    const evidence = crisisEvidence(canon).evidence as Partial<Record<CrisisKind, number>>;
    const shortYes = canon.split(' ').length <= SHORT_REPLY;
    const ofKind = (evidence[s.pending] ?? 0) >= WEAK_EVIDENCE || own.unsure === s.pending;
    const yes =
      test(YES, canon) && (shortYes || (/^(?:yes|yeah|yep|yup|yea|ya)\b/.test(canon) && ofKind));
    // A short reply is an unsure yes, unless it only thanks, agrees or takes leave ("cheers"), or
    // asks something of its own ("should i text him?").
    const short =
      canon.split(' ').length <= SHORT_REPLY &&
      !closes(canon) &&
      !(ASKS.test(canon) && !test(UNSURE_ANSWER, canon));
    // A longer reply answers the question with any further sign in it, but not when it asks
    // something of its own ("how do i say no to him without losing him") or takes leave ("thank
    // you. this was useful. goodbye").
    // Any sentence may ask: "i told her everything through the door. ... is it normal that she
    // wont even look at me".
    const asks = canon.split(' . ').some((sentence) => ASKS.test(sentence));
    const weakOfKind = evidence[s.pending] ?? own.weak;
    const moved = !yes && !short && (asks || closes(canon));
    const answered =
      yes ||
      ((s.lastPhase === 'check' || s.lastPhase === 'clarify') &&
        (short ||
          (!moved &&
            // A faint sign of another kind ("he held me for a long time" after "are you thinking
            // of suicide?") is not an answer to the question asked.
            (weakOfKind >= WEAK_EVIDENCE ||
              (own.unsure !== null && (own.unsure === s.pending || own.strong))))));
    // A faint doubt answered only with "ugh idk" or "hm" is asked about once more, concretely,
    // instead of taken as a crisis: read as a yes, it held a person worried about telling her
    // parents in domestic-violence mode for a whole conversation. A second unsure answer is a yes.
    // A longer reply that goes on with the story, with no more than the classifier's own faint
    // reading in it ("jamie keeps asking if he's just a secret"), is not an answer either: it
    // moved on, and the doubt it raised is the one already asked about.
    const clearYes = yes && !test(UNSURE_ANSWER, canon);
    const nothingClearer = (own.unsure === null || own.faint) && weakOfKind < WEAK_EVIDENCE;
    if (s.lastPhase === 'check' && s.pendingFaint && !clearYes && nothingClearer) {
      const kind = s.pending;
      if (test(UNSURE_ANSWER, canon) || short)
        return done(
          'CHECK',
          kind,
          'clarify',
          { pending: kind, pendingFaint: false, checkedTurn: turn },
          {
            lead: questionLead('clarify', kind, p, resources),
            alone: true,
          },
        );
      return done('NONE', null, 'none', { pending: null, pendingFaint: false });
    }
    if (answered && (s.lastPhase === 'check' || s.lastPhase === 'clarify')) {
      // A strong sign of another kind in the answer is the crisis ("are you afraid of him?" -
      // "i'm outside his flat with a crowbar").
      const kind = own.unsure !== null && own.strong ? own.unsure : s.pending;
      return startCrisis(kind);
    }
  }
  const base: Partial<SafetyState> = { pending: null, pendingFaint: false };

  /** Back from the watch to full safety mode, opening with "let's pause on that". */
  const backToCrisis = (kind: CrisisKind): SafetyPlan => {
    const o = ongoingReply(canon, kind, s, p, resources, p.pick(`return.${kind}`, RETURN[kind]));
    return done(
      'CRISIS',
      kind,
      'return',
      { ...base, mode: 'crisis', kind, concerns: withConcern(s, kind), askedSafe: o.askedSafe },
      { reply: o.reply },
    );
  };

  // In the watch, a doubtful reading of another kind ("now i just want sleep" after danger at
  // home) is not a new crisis; the rules, or a classifier all but certain, still are.
  const newInWatch =
    s.mode === 'watch' &&
    signs.crisis !== null &&
    !s.concerns.includes(signs.crisis) &&
    !signs.byRules &&
    !signs.certain;
  if (signs.crisis && !newInWatch) {
    const kind = signs.crisis;
    if (s.mode === 'watch' && s.concerns.includes(kind)) return backToCrisis(kind);
    return startCrisis(kind);
  }

  // The lighter watch after a crisis: a clear sign of a concern it had returns to safety mode
  // (above), and so do danger words; a doubt is asked about, as on any turn ("will this hurt me
  // in custody?" after "we're safe now" is a question to ask, not a crisis to restart).
  if (s.mode === 'watch') {
    // A sign the classifier alone half-sees ("he keeps texting sorry and says he will change")
    // is not danger back; a listed one is.
    const listed = signs.warning.some((w) => w !== UNLISTED_WARNING);
    if (
      unsafeIn(canon) ||
      (listed && s.kind === 'partner_danger') ||
      (s.concerns.includes('partner_danger') && test(MAY_FIND_ME, canon))
    )
      return backToCrisis(
        test(MAY_FIND_ME, canon) ? 'partner_danger' : (s.kind ?? 'partner_danger'),
      );
  }

  // A warning sign only the classifier saw is named once in a conversation: named again on the
  // next message about the same partner, it reads as not listening.
  const onlyUnlisted = signs.warning.length === 1 && signs.warning[0] === UNLISTED_WARNING;
  // Nor is it named as a new warning sign after a crisis: the danger was named already.
  const warnings = onlyUnlisted && (s.warningSigns || s.mode === 'watch') ? [] : signs.warning;
  const others = warnings.length > 0 && signsOfOthers(canon);
  const warned =
    warnings.length > 0 ? warningReply(warnings, p, resources, others, s.warningSigns) : null;
  if (warnings.length > 0 && !warned)
    return done('NONE', null, 'none', {
      ...base,
      warningSigns: true,
      ...(others ? {} : { ownWarnings: true }),
    });
  // Someone else's relationship: named and helped with, nothing to answer about the person's own safety.
  if (warned && others)
    return done(
      'CHECK',
      'partner_danger',
      'warning',
      { ...base, warningSigns: true, checkedTurn: turn },
      { warning: { reply: warned, signs: warnings } },
    );
  if (warned) {
    return done(
      'CHECK',
      'partner_danger',
      'warning',
      {
        ...base,
        pending: 'partner_danger',
        warningSigns: true,
        ownWarnings: true,
        checkedTurn: turn,
      },
      { warning: { reply: warned, signs: warnings } },
    );
  }

  // A weak doubt soon after a question is not asked again; a strong one is.
  // A wish not to be here ("the simplest would be if i disappear") is asked about even soon
  // after another question: it is the question that matters most.
  if (
    signs.unsure &&
    (signs.strong ||
      s.checkedTurn === null ||
      turn - s.checkedTurn >= CHECK_AGAIN_AFTER ||
      (signs.unsure === 'self_harm' && test(DEATH_WISH, canon)))
  ) {
    const kind = signs.unsure;
    // One faint doubt in a conversation that has been calm is held, not asked about: the next
    // faint doubt within a few turns, or any clearer sign, is. A strong reading, a rule's doubt or
    // a word of harm is asked about at once, and so is anything in a session that had a concern.
    const holding =
      s.heldTurn !== undefined && s.heldTurn !== null && turn - s.heldTurn <= HOLD_TURNS;
    if (
      signs.faint &&
      !signs.strong &&
      !holding &&
      s.mode === 'none' &&
      s.concerns.length === 0 &&
      !s.warningSigns &&
      ((s.calmTurns ?? 0) >= CALM_BEFORE_HOLD || opener)
    )
      // An opening unsure of the place says nothing of the person yet: its doubt is not held
      // against the message that follows it.
      return done('NONE', null, 'none', opener ? base : { ...base, heldTurn: turn });
    // A strong doubt with a word of harm or a rule behind it ("the kids would do better with the
    // life insurance than with a da like me") is asked about alone, with the help named: a
    // coaching answer after the question read the message as a story about the marriage. The
    // classifier's reading alone keeps the answer to what was said after the question.
    const lead = checkLead(s, kind, p, resources);
    // The help is named once: some questions name it already.
    const named = [resources.crisisLine, resources.domesticViolenceLine].some((l) =>
      lead.toLowerCase().includes(l.toLowerCase()),
    );
    const help = named
      ? ''
      : ` ${fillResources(p.pick(`checkHelp.${kind}`, CHECK_HELP[kind]), resources)}`;
    return done(
      'CHECK',
      kind,
      'check',
      { ...base, pending: kind, pendingFaint: signs.faint, checkedTurn: turn },
      // Danger at home keeps the answer to what happened ("that sounds frightening") after it.
      signs.strong && !signs.faint && kind !== 'partner_danger'
        ? { lead: `${lead}${help}`, aloneUnlessAsked: true }
        : { lead },
    );
  }
  return done('NONE', null, 'none', base);
}

/** A regenerated answer: the same kind of answer as the one it replaces, in other words. */
function replan(
  s: SafetyState,
  p: Picker,
  r: SafetyResources,
  signs: SafetySigns,
  done: (
    level: SafetyLevel,
    kind: CrisisKind | null,
    phase: SafetyState['lastPhase'],
    next: Partial<SafetyState>,
    out?: Omit<SafetyPlan, 'level' | 'kind' | 'state'>,
  ) => SafetyPlan,
): SafetyPlan {
  const kind = s.kind ?? signs.crisis ?? s.pending;
  switch (s.lastPhase) {
    case 'first':
      if (kind) {
        const f = firstReply(kind, p, r);
        return done('CRISIS', kind, 'first', { askedSafe: f.askedSafe }, { reply: f.reply });
      }
      break;
    case 'ongoing':
    case 'return':
      if (kind) {
        const opening =
          s.lastPhase === 'return' ? p.pick(`return.${kind}`, RETURN[kind]) : undefined;
        const o = ongoingReply(signs.canonical, kind, s, p, r, opening);
        return done('CRISIS', kind, s.lastPhase, { askedSafe: o.askedSafe }, { reply: o.reply });
      }
      break;
    case 'exit':
      if (kind) return done('CRISIS', kind, 'exit', {}, { reply: exitReply(kind, p, r) });
      break;
    case 'warning': {
      const reply = signs.warning.length > 0 ? warningReply(signs.warning, p, r) : null;
      if (reply)
        return done(
          'CHECK',
          'partner_danger',
          'warning',
          {},
          { warning: { reply, signs: signs.warning } },
        );
      break;
    }
    case 'check':
      if (s.pending)
        return done('CHECK', s.pending, 'check', {}, { lead: checkLead(s, s.pending, p, r) });
      break;
    case 'clarify':
      if (s.pending)
        return done(
          'CHECK',
          s.pending,
          'clarify',
          {},
          {
            lead: questionLead('clarify', s.pending, p, r),
            alone: true,
          },
        );
      break;
    default:
      break;
  }
  return done('NONE', null, s.lastPhase, {});
}

/**
 * What a question about a warning sign is answered with when the coaching answer would call it
 * normal ("is it normal that i have to ask her before i use our card?" - "Yes, it's normal").
 */
export function notNormalAnswer(): string {
  return WARNING.notNormal[0];
}

/** Whether the session's last state was safety mode (a check-in then asks about safety first). */
export function inSafetyMode(state: { safety?: SafetyState } | null | undefined): boolean {
  return state?.safety?.mode === 'crisis';
}
