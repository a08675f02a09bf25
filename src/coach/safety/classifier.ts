/**
 * The second net by meaning: a learned classifier beside the hand-written concept rules
 * (detect.ts), for crisis wordings nobody wrote a rule for. Multinomial logistic regression over
 * word uni/bi-grams and character 3-5-grams (features.ts), trained by `npm run train:safety` from
 * labelled messages written blind to the rules (train.ts); the model is a data file,
 * `model/risk-model.json`, read and validated at load.
 *
 * Levels: a probability above a kind's CRISIS threshold is CRISIS, above its lower CHECK threshold
 * a gentle safety question. Thresholds were chosen by cross-validation on the training data (at
 * most 3% of non-crisis messages CRISIS and 10% CHECK there), never on an evaluation set.
 *
 * What n-grams blur is handed back to rules: a negation of one's own intent ("i would never"), a
 * past that is over ("years ago"), someone else's story ("my friend tried to kill herself"), the
 * rules' idiom and reference spans ("a film about suicide", patterns.ts) each lower the
 * classifier's level by one step; a joke marker caps it at CHECK.
 */
import * as path from 'node:path';
import { isRecord, readDataFile } from '../data-file';
import type { DetectedKind } from '../types';
import { bigramFeature, canonicalOf, forEachWord, wordFeatures } from './features';
import { IDIOMS } from './patterns';
import {
  CRISIS_LABELS,
  RISK_LABELS,
  probabilities,
  type RiskLabel,
  type RiskThresholds,
} from './train';

/** How a turn is to be answered for safety (api.md `SafetyLevel`). */
export type RiskLevel = 'NONE' | 'CHECK' | 'CRISIS';

/** What the classifier makes of a message. */
export interface RiskVerdict {
  /**
   * The crisis kind, or `warning_sign` when no crisis kind reaches CHECK but a warning sign of
   * coercive control or violence does (then `level` says how clear the sign is: CRISIS clear,
   * CHECK maybe); null with level NONE.
   */
  kind: DetectedKind | 'warning_sign' | null;
  level: RiskLevel;
  /** The probability behind the verdict (of `kind`; of the likeliest crisis kind when NONE). */
  score: number;
}

/** The model as read from its data file. */
export interface RiskModel {
  features: ReadonlyMap<string, number>;
  /** features x labels, row-major. */
  weights: Float64Array;
  bias: Float64Array;
  thresholds: RiskThresholds;
}

const MODEL_DIR = path.join(__dirname, 'model');
/** The committed model's file name in `model/`. */
export const MODEL_FILE = 'risk-model.json';

/** A probability threshold: a number in (0, 1). */
function threshold(file: string, where: string, v: unknown): number {
  if (typeof v !== 'number' || !(v > 0 && v < 1))
    throw new Error(`Safety model ${file}: ${where} must be a number between 0 and 1`);
  return v;
}

/**
 * Validates a parsed model file: `{labels, bias, thresholds, rows: [[feature, w...]]}` with the
 * labels in the order of {@link RISK_LABELS}, finite weights, distinct features, and each kind's
 * CHECK threshold at or below its CRISIS one. Throws naming the file and the entry.
 */
export function parseRiskModel(raw: unknown, file = MODEL_FILE): RiskModel {
  const k = RISK_LABELS.length;
  if (!isRecord(raw)) throw new Error(`Safety model ${file}: must be an object`);
  if (!Array.isArray(raw.labels) || raw.labels.join() !== RISK_LABELS.join())
    throw new Error(`Safety model ${file}: labels must be ${RISK_LABELS.join(', ')}`);
  if (!Array.isArray(raw.bias) || raw.bias.length !== k || !raw.bias.every(Number.isFinite))
    throw new Error(`Safety model ${file}: bias must be ${k} numbers`);
  if (!Array.isArray(raw.rows) || raw.rows.length === 0)
    throw new Error(`Safety model ${file}: needs a list of feature rows`);
  const features = new Map<string, number>();
  const weights = new Float64Array(raw.rows.length * k);
  raw.rows.forEach((row: unknown, i) => {
    if (
      !Array.isArray(row) ||
      row.length !== k + 1 ||
      typeof row[0] !== 'string' ||
      !row.slice(1).every(Number.isFinite)
    )
      throw new Error(`Safety model ${file}: row ${i + 1} must be [feature, ${k} numbers]`);
    if (features.has(row[0]))
      throw new Error(`Safety model ${file}: row ${i + 1} repeats feature "${row[0]}"`);
    features.set(row[0], i);
    for (let j = 0; j < k; j++) weights[i * k + j] = row[j + 1] as number;
  });
  if (!isRecord(raw.thresholds)) throw new Error(`Safety model ${file}: needs "thresholds"`);
  const thresholds = {} as RiskThresholds;
  for (const label of [...CRISIS_LABELS, 'warning_sign'] as const) {
    const t = raw.thresholds[label];
    if (!isRecord(t)) throw new Error(`Safety model ${file}: thresholds need "${label}"`);
    const crisis = threshold(file, `${label}.crisis`, t.crisis);
    const check = threshold(file, `${label}.check`, t.check);
    if (check > crisis)
      throw new Error(`Safety model ${file}: ${label}.check must not exceed ${label}.crisis`);
    thresholds[label] = { crisis, check };
  }
  return { features, weights, bias: Float64Array.from(raw.bias as number[]), thresholds };
}

let committed: RiskModel | null = null;

/**
 * The committed model, read and validated on first use (the engine's safety step calls this at
 * load, so a broken file stops the engine at start; the training script runs before a file exists).
 */
export function riskModel(): RiskModel {
  committed ??= parseRiskModel(readDataFile('Safety model', MODEL_DIR, MODEL_FILE));
  return committed;
}

// Rules for what n-grams blur, over canonical text (contractions expanded: "i would never").

/** The person denies their own intent: "i would never hurt myself", "not suicidal", "no plans to". */
const OWN_NEGATION =
  /\bi (?:would|will|could|am|do|did|have) (?:never|not|no longer)(?: ever| really| actually| seriously| even| going to| gonna)? (?:\w+ ){0,2}?(?:hurt|harm|kill|end|do anything|act on)\b|\bnot (?:suicidal|in danger|going to do anything)\b|\bno (?:plans?|intention|intent) (?:to|of)\b/;
/** A past that is over: "years ago", "when i was a teenager". */
const PAST_OVER =
  /\b(?:years ago|a long time ago|long ago|when i was (?:a kid|a child|a teen|a teenager|younger|little|in (?:school|high school|college|uni|university))|as a (?:kid|child|teen|teenager)|back in (?:school|high school|college|uni|university|the day)|in my (?:teens|twenties))\b/;
/** What brings the past back to now: "it started again", "tonight". */
const PAST_CANCELLED = /\b(?:again|now|tonight|today|right now|lately|this week|these days)\b/;
/**
 * Someone else's self-harm: another person harming themselves, or another person as the subject
 * of an attempt ("my friend tried to kill herself", "my brother overdosed"). A person merely
 * named (a goodbye note for mum, the dog left with a sister) is not someone else's story.
 */
const OTHER_PERSON =
  /\b(?:kill|killed|kills|killing|hurt|hurts|hurting|harm|harmed|harming|cut|cuts|cutting|hang|hanged|hanging|starve|starved|starving|burn|burned|burnt|burning) (?:himself|herself|themselves|themself)\b|\b(?:he|she|they|friend|sister|brother|cousin|mum|mom|mother|dad|father|son|daughter|coworker|colleague|roommate|flatmate|neighbou?r|aunt|uncle|someone i know|somebody i know) (?:\w+ ){0,3}?(?:tried to|attempted|attempt|was suicidal|is suicidal|overdosed|took (?:his|her|their) (?:own )?life)\b/;
const FIRST_PERSON_HARM =
  /\b(?:myself|my ?self)\b|\bi (?:\w+ ){0,2}?(?:tried|attempted|overdosed)\b/;
/** Danger to someone else: "my sister boyfriend", "her husband". */
const OTHER_VICTIM =
  /\bmy (?:sister|friend|best friend|mum|mom|mother|daughter|son|cousin|brother|coworker|colleague|neighbou?r|aunt) (?:bf|boyfriend|husband|partner|ex|gf|girlfriend|wife|fiance)\b|\b(?:her|his|their) (?:bf|boyfriend|husband|partner|ex|gf|girlfriend|wife|fiance)\b/;
/** The same joke markers the rules use (patterns.ts). */
const JOKE = /\b(?:lol|lmao|haha\w*|hehe\w*|jk|just kidding|kidding|joking|jokes|rofl|xd)\b/;
/** A joke marker denied: "i am not joking", "not even kidding", "not a joke". */
export const NOT_JOKING =
  /\bnot (?:even |really )?(?:joking|kidding)\b|\bnot a joke\b|\b(?:dead|deadly) serious\b|\bthinks i am joking\b/;

/**
 * An ordinary purpose for a medicine question: "how many ibuprofen can i take for a migraine".
 * A dose question without one stays a worry.
 */
const MEDICAL_PURPOSE =
  /\bfor (?:a |an |my |the |his |her |their )?(?:bad |awful |terrible )?(?:headache|migraine|period pain|period cramps|cramps|toothache|tooth ache|back pain|backache|sore throat|cold|flu|fever|temperature|hangover|allergies|hay fever|sprain|pain relief)s?\b/;

/**
 * A tablet that is a screen ("my granddaughter set it up on my tablet"), in a message with no word
 * of medicine or of taking anything: not a self-harm sign. (Only for self-harm: "i'm using the
 * tablet he forgot to take" is how someone locked in reaches out.)
 */
const DEVICE_TABLET =
  /^(?!.*\b(?:pills?|meds|medication|medicine|tablets|overdose\w*|took|taken|take|taking|swallow\w*|sav(?:e|ed|ing) up)\b).*(?:\b(?:on|from|using|with|into) (?:my|the|her|his|a|an|our|their|this) (?:new |old |little )?tablet\b|\btablet (?:screen|app|computer|charger)\b)/;
/**
 * Someone else's medicines as a carer's chores ("i do everything now . his tablets . his washing",
 * "sorting out her meds"): not the person's own means.
 */
const CARE_ROUTINE =
  /^(?!.*\b(?:took|taken|take|taking|swallow\w*|overdose\w*|sav(?:e|ed|ing) up|stockpil\w*|hoard\w*|myself|end it|kill)\b).*(?:\b(?:do|doing|did|sort|sorting|sorted|manage|managing|give|giving|gave|collect|collecting|order|ordering) (?:all |out )?(?:of )?(?:his|her|their) (?:tablets|pills|meds|medication|medicine)\b|\b(?:his|her|their) (?:tablets|pills|meds|medication) \. (?:his|her|their) (?:washing|meals|food|appointments|dressing|shower|bath|laundry|clothes|lunch|dinner|breakfast)\b)/;

/**
 * Someone else's medicine ("i told him to take the pills the doctor gave him", "reminding her to
 * take her tablets"): care for them, unless the message also speaks of the person's own harm.
 */
const MEDICINE_FOR_OTHER =
  /^(?!.*\b(?:myself|my own|mine|my (?:pills|tablets|meds|medication)|end it|kill|overdose\w*|all of (?:them|it)|the lot|stockpil\w*|sav(?:e|ed|ing) (?:them|it) up|i(?: m| am|m)? (?:going to |gonna |will |could |might |want to )?(?:take|swallow))\b).*(?:\b(?:told|tell|telling|asked|ask|asking|reminded|remind|reminding|make|made|making|get|got|getting|help|helped|helping) (?:him|her|them|my (?:husband|wife|partner|dad|mum|mom|mother|father|son|daughter)) (?:to )?take (?:his|her|their|the) (?:pills|tablets|meds|medication|medicine)\b|\b(?:pills|tablets|meds|medication|medicine) (?:the|his|her|their) (?:doctor|gp|hospital|consultant|surgeon) (?:gave|prescribed|gives|prescribes) (?:him|her|them)\b)/;

/** Why the rules lower a classifier verdict, if they do. */
export type VetoReason = 'negation' | 'past' | 'someone_else' | 'idiom' | 'ordinary_purpose';

/**
 * Fear of being left, not of being hurt ("im scared if i push he'll leave", "afraid she'll get
 * bored of me"): no danger from the partner, unless the message also says harm.
 */
const FEAR_OF_LEAVING =
  /\b(?:scared|afraid|terrified|worried|frightened|fear)\b[^.]{0,40}\b(?:he|she|they)(?: will| ll| would| might| is going to| s going to| is gonna| s gonna)? (?:leave|dump me|break up|get bored|lose interest|find someone|stop loving|go back to|walk away|end it|end things)\b/;

/**
 * A message to someone typed and waiting to be sent ("i have a message to my ex typed and ready.
 * talk me out of it or into it"): the "it" is sending it. Not a note of farewell ("a goodbye text
 * to my mum", "sorry for everything"), which stays the classifier's to read.
 */
const DRAFTED_MESSAGE =
  /\b(?:message|text|email|dm|voice ?note|reply)s? (?:to|for) (?:my |her |his |the )?\w+(?: \w+)? (?:\w+ ){0,2}?(?:typed|drafted|written|ready|sitting there|in my drafts)\b|\b(?:typed|drafted|written) (?:out )?(?:a |the )?(?:message|text|email|reply) (?:to|for) (?:my |her |his |the )?\w+\b/;
const FAREWELL_NOTE =
  /\b(?:goodbye|good bye|farewell|last (?:message|text|letter|words)|final (?:message|text|letter)|sorry for everything|forgive me|when i am gone|after i am gone|note)\b/;

/** The veto the rules put on a classifier verdict of `kind` over this canonical text, if any. */
export function vetoReason(
  canonical: string,
  kind: DetectedKind | 'warning_sign',
): VetoReason | null {
  if (kind === 'warning_sign') return null;
  if ((kind === 'self_harm' || kind === 'harm_to_others') && OWN_NEGATION.test(canonical))
    return 'negation';
  if (PAST_OVER.test(canonical) && !PAST_CANCELLED.test(canonical)) return 'past';
  if (kind === 'self_harm' && MEDICAL_PURPOSE.test(canonical)) return 'ordinary_purpose';
  if (
    kind === 'self_harm' &&
    DRAFTED_MESSAGE.test(canonical) &&
    !FAREWELL_NOTE.test(canonical) &&
    !FIRST_PERSON_HARM.test(canonical)
  )
    return 'ordinary_purpose';
  if (
    kind === 'self_harm' &&
    (DEVICE_TABLET.test(canonical) ||
      CARE_ROUTINE.test(canonical) ||
      MEDICINE_FOR_OTHER.test(canonical))
  )
    return 'ordinary_purpose';
  if (kind === 'self_harm' && OTHER_PERSON.test(canonical) && !FIRST_PERSON_HARM.test(canonical))
    return 'someone_else';
  if (
    kind === 'partner_danger' &&
    OTHER_VICTIM.test(canonical) &&
    !FIRST_PERSON_HARM.test(canonical)
  )
    return 'someone_else';
  if (
    kind === 'partner_danger' &&
    (FEAR_OF_LEAVING.test(canonical) || CARE_ROUTINE.test(canonical)) &&
    !FIRST_PERSON_HARM.test(canonical)
  )
    return 'ordinary_purpose';
  // The idioms are global regexps shared with the rules: leave them as found (lastIndex 0), or
  // the rules' next matchAll would start mid-text.
  if (IDIOMS.some((re) => canonical.search(re) >= 0)) return 'idiom';
  return null;
}

/** How many steps the rules lower a classifier verdict (one per veto), and its cap (CHECK for a joke). */
function vetoOf(
  canonical: string,
  kind: DetectedKind | 'warning_sign',
): { drop: number; cap: number } {
  return {
    drop: vetoReason(canonical, kind) ? 1 : 0,
    cap: JOKE.test(canonical) && !NOT_JOKING.test(canonical) ? 1 : 2,
  };
}

const LEVELS: readonly RiskLevel[] = ['NONE', 'CHECK', 'CRISIS'];

/**
 * The least probability at which the classifier alone reads a crisis, whatever a kind's own
 * threshold (harm to others has few close non-crises to set its threshold from); below it, a
 * kind past its CRISIS threshold is asked about (CHECK).
 */
export const CLASSIFIER_SURE = 0.6;

/**
 * The ids `compute` makes for `key`, remembered per model in `table` (at most `kept` keys; the
 * oldest goes first).
 */
function remembered(
  table: WeakMap<RiskModel, Map<string, Int32Array>>,
  model: RiskModel,
  key: string,
  kept: number,
  compute: () => Int32Array,
): Int32Array {
  let cache = table.get(model);
  if (!cache) {
    cache = new Map<string, Int32Array>();
    table.set(model, cache);
  }
  const hit = cache.get(key);
  if (hit) return hit;
  const ids = compute();
  if (cache.size >= kept) cache.delete(cache.keys().next().value as string);
  cache.set(key, ids);
  return ids;
}

/**
 * Known feature ids of recent texts, per model (sorted, distinct). A turn reads its message and
 * the one or two before it; the next turn reads two of the same again.
 */
const IDS = new WeakMap<RiskModel, Map<string, Int32Array>>();
/**
 * Texts whose ids are kept. A server's engine worker takes turns of many sessions in between
 * two turns of one: with room for only a few dozen texts, a session's earlier messages were gone
 * by its next turn and read again (~1-2 KB a text; see {@link CANONICAL_KEPT}).
 */
const IDS_KEPT = 1024;

function idsOf(model: RiskModel, canonical: string): Int32Array {
  return remembered(IDS, model, canonical, IDS_KEPT, () => {
    const ids: number[] = [];
    const bigrams = bigramsOf(model);
    forEachWord(canonical, (w, prev) => {
      for (const id of wordIdsOf(model, w)) ids.push(id);
      if (prev !== null) {
        const id = bigrams.get(prev)?.get(w);
        if (id !== undefined) ids.push(id);
      }
    });
    return distinct(Int32Array.from(ids).sort());
  });
}

/**
 * The model's bigram features as first word -> second word -> id: looking a pair up this way
 * hashes two words already hashed, where the feature string ({@link bigramFeature}) would be built
 * and hashed anew for every pair of every message. Words hold no spaces, so a bigram feature
 * splits into its two words one way only.
 */
const BIGRAMS = new WeakMap<RiskModel, Map<string, Map<string, number>>>();

function bigramsOf(model: RiskModel): Map<string, Map<string, number>> {
  let out = BIGRAMS.get(model);
  if (out) return out;
  out = new Map<string, Map<string, number>>();
  for (const [feature, id] of model.features) {
    const words = feature.split(' ');
    if (words.length !== 3 || feature !== bigramFeature(words[1], words[2])) continue;
    let second = out.get(words[1]);
    if (!second) out.set(words[1], (second = new Map<string, number>()));
    second.set(words[2], id);
  }
  BIGRAMS.set(model, out);
  return out;
}

/**
 * Known ids of one word's own features, per model: most words of a message were seen in earlier
 * messages, so building their character n-grams again is most of the cost of reading one.
 */
const WORD_IDS = new WeakMap<RiskModel, Map<string, Int32Array>>();

function wordIdsOf(model: RiskModel, w: string): Int32Array {
  return remembered(WORD_IDS, model, w, 20_000, () => {
    const ids: number[] = [];
    for (const f of wordFeatures(w)) {
      const id = model.features.get(f);
      if (id !== undefined) ids.push(id);
    }
    return Int32Array.from(ids);
  });
}

/** A sorted id list without repeats. */
function distinct(sorted: Int32Array): Int32Array {
  let n = 0;
  for (let i = 0; i < sorted.length; i++)
    if (n === 0 || sorted[n - 1] !== sorted[i]) sorted[n++] = sorted[i];
  return sorted.subarray(0, n);
}

/** The distinct ids of two sorted id lists. */
function union(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i] < b[j]) ? a[i++] : b[j++];
    if (n === 0 || out[n - 1] !== x) out[n++] = x;
  }
  return out.subarray(0, n);
}

/**
 * Label probabilities of a canonical text under the model. A turn asks for its message's twice
 * (the verdict with context, then the scores alone): the last answer is kept. Read-only.
 */
function scoreCanonical(model: RiskModel, canonical: string): Float64Array {
  if (lastScored && lastScored.model === model && lastScored.canonical === canonical)
    return lastScored.p;
  const p = probabilities(idsOf(model, canonical), model.weights, model.bias);
  lastScored = { model, canonical, p };
  return p;
}

let lastScored: { model: RiskModel; canonical: string; p: Float64Array } | null = null;

/** The model's probability of each label for a message alone (no context, no vetoes). */
export function riskScores(
  text: string,
  model: RiskModel = riskModel(),
): Record<RiskLabel, number> {
  const p = scoreCanonical(model, canonicalOf(text));
  return Object.fromEntries(RISK_LABELS.map((l, i) => [l, p[i]])) as Record<RiskLabel, number>;
}

/** Level (0-2), kind and probability from label probabilities, before any veto. */
function levelOf(
  model: RiskModel,
  p: Float64Array,
  decay: number,
): { level: number; kind: DetectedKind | 'warning_sign' | null; score: number } {
  let best: { level: number; kind: DetectedKind | 'warning_sign' | null; score: number } = {
    level: 0,
    kind: null,
    score: 0,
  };
  let bestRatio = 0;
  for (const kind of CRISIS_LABELS) {
    const v = p[RISK_LABELS.indexOf(kind)] * decay;
    const t = model.thresholds[kind];
    const level = v > t.crisis ? 2 : v > t.check ? 1 : 0;
    // Among kinds at the same level, the one furthest past its own CRISIS threshold.
    const ratio = v / t.crisis;
    if (level > best.level || (level === best.level && ratio > bestRatio)) {
      best = { level, kind: level > 0 ? kind : null, score: v };
      bestRatio = ratio;
    }
  }
  if (best.level > 0) return best;
  const w = p[RISK_LABELS.indexOf('warning_sign')] * decay;
  const t = model.thresholds.warning_sign;
  if (w > t.check) return { level: w > t.crisis ? 2 : 1, kind: 'warning_sign', score: w };
  return best;
}

/** How much a window reaching back j turns counts (j = 1, 2): disclosures split over messages. */
const CONTEXT_DECAY = [1, 0.9, 0.8];

/**
 * Classifies a message, with the person's previous messages of the session as context (oldest
 * first; only the last two are read). The message is scored alone and joined with the one or two
 * messages before it, the joined windows discounted by {@link CONTEXT_DECAY}; context alone can
 * raise the verdict to CHECK, and to CRISIS only when the message itself is at least at CHECK.
 * The rules' vetoes (negation, a past that is over, someone else's story, idioms) then lower it
 * (`vetoes: false` leaves them out, to measure what they do).
 */
export function classifyRisk(
  text: string,
  previousTexts: readonly string[] = [],
  model: RiskModel = riskModel(),
  options: { vetoes?: boolean } = {},
): RiskVerdict {
  const canonical = canonicalOf(text);
  const alone = levelOf(model, scoreCanonical(model, canonical), 1);
  let best = alone;
  // A window "earlier . message" has exactly the features of its parts (a sentence break ends
  // every bigram), so its ids are the union of theirs.
  let window = idsOf(model, canonical);
  for (let j = 1; j < CONTEXT_DECAY.length && j <= previousTexts.length; j++) {
    window = union(idsOf(model, canonicalOf(previousTexts[previousTexts.length - j])), window);
    const joined = levelOf(
      model,
      probabilities(window, model.weights, model.bias),
      CONTEXT_DECAY[j],
    );
    joined.level = Math.min(joined.level, alone.level >= 1 ? 2 : 1);
    if (joined.level > best.level || (joined.level === best.level && joined.score > best.score))
      if (joined.level > 0) best = joined;
  }
  if (best.kind === null) return { kind: null, level: 'NONE', score: best.score };
  const veto = options.vetoes === false ? { drop: 0, cap: 2 } : vetoOf(canonical, best.kind);
  const level = Math.min(Math.max(best.level - veto.drop, 0), veto.cap);
  return level === 0
    ? { kind: null, level: 'NONE', score: best.score }
    : { kind: best.kind, level: LEVELS[level], score: best.score };
}
