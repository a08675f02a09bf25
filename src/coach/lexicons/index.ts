/**
 * The lexicons, loaded from the JSON files beside this one and validated at load the way the
 * blocks are: a file that does not parse, an entry without a phrase, a weight that is not a
 * positive number, or the same phrase twice under one label stops the engine at start with the
 * file and the phrase named, instead of being merged or skipped silently.
 *
 * - `topics.json`, `emotions.json`, `status.json`, `advice.json`: per label, the phrases people
 *   use, each with an explicit weight (see {@link Lexicon} for the phrase syntax);
 * - `cues.json`: co-occurrence rules for topics and emotions, with shared word families named
 *   once (`"@partner"`);
 * - `words.json`: hedges, word aliases and the words typo repair may mend.
 */
import { isRecord, readDataFile as readFile, stringList as distinctList } from '../data-file';
import type { CueRule, Lexicon, LexiconPhrase } from '../matcher';
import {
  EMOTIONS,
  RELATIONSHIP_STATUSES,
  TOPICS,
  type EmotionId,
  type RelationshipStatus,
  type TopicId,
} from '../types';

/** Labels of the topic lexicon: the taxonomy plus helper labels resolved by the detector. */
export type TopicLabel = TopicId | '_cheat';

const DIR = __dirname;

/** Reads one data file of this folder. */
function readDataFile(dir: string, file: string): unknown {
  return readFile('Lexicon', dir, file);
}

function stringList(file: string, where: string, v: unknown): string[] {
  return distinctList('Lexicon', file, where, v);
}

/** The key two phrases are compared by: case and spacing do not make a phrase different. */
function phraseKey(phrase: string): string {
  return phrase.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Validates a phrase lexicon read from `file`: labels from `labels`, entries `{phrase, weight}`
 * with a non-empty phrase and a positive weight, no phrase twice under one label.
 */
export function validateLexicon<L extends string>(
  file: string,
  data: unknown,
  labels: ReadonlySet<string>,
): Lexicon<L> {
  if (!isRecord(data)) throw new Error(`Lexicon ${file}: must be an object of labels`);
  const out: Partial<Record<L, LexiconPhrase[]>> = {};
  for (const [label, entries] of Object.entries(data)) {
    if (!labels.has(label)) throw new Error(`Lexicon ${file}: unknown label "${label}"`);
    if (!Array.isArray(entries)) throw new Error(`Lexicon ${file}: "${label}" must be a list`);
    const seen = new Set<string>();
    const list: LexiconPhrase[] = [];
    entries.forEach((e: unknown, i) => {
      const phrase = isRecord(e) ? e.phrase : undefined;
      const weight = isRecord(e) ? e.weight : undefined;
      if (typeof phrase !== 'string' || phrase.trim() === '')
        throw new Error(`Lexicon ${file}: "${label}" entry ${i + 1} has an empty phrase`);
      if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0)
        throw new Error(
          `Lexicon ${file}: "${label}" phrase "${phrase}" needs a weight of 0 or more`,
        );
      if (/:\d+(?:\.\d+)?$/.test(phrase.trim()))
        throw new Error(
          `Lexicon ${file}: "${label}" phrase "${phrase}": the weight goes in "weight"`,
        );
      const extra = Object.keys(e as object).filter((k) => k !== 'phrase' && k !== 'weight');
      if (extra.length > 0)
        throw new Error(
          `Lexicon ${file}: "${label}" phrase "${phrase}": unknown key "${extra[0]}"`,
        );
      const key = phraseKey(phrase);
      if (seen.has(key))
        throw new Error(`Lexicon ${file}: "${label}" lists the phrase "${phrase}" twice`);
      seen.add(key);
      list.push({ phrase, weight });
    });
    out[label as L] = list;
  }
  return out;
}

const RULE_KEYS = new Set([
  'name',
  'label',
  'weight',
  'families',
  'window',
  'ordered',
  'notBetween',
  'firstGap',
  'negatable',
]);

/** Validates cue rules, resolving `"@name"` families from `families`. */
export function validateCues<L extends string>(
  file: string,
  section: string,
  data: unknown,
  families: ReadonlyMap<string, readonly string[]>,
  labels: ReadonlySet<string>,
): CueRule<L>[] {
  if (!Array.isArray(data)) throw new Error(`Lexicon ${file}: "${section}" must be a list`);
  const names = new Set<string>();
  return data.map((r: unknown, i) => {
    if (!isRecord(r)) throw new Error(`Lexicon ${file}: ${section} rule ${i + 1} is not an object`);
    const name = r.name;
    if (typeof name !== 'string' || !name)
      throw new Error(`Lexicon ${file}: ${section} rule ${i + 1} has no name`);
    const where = `${section} rule "${name}"`;
    if (names.has(name)) throw new Error(`Lexicon ${file}: ${where} is listed twice`);
    names.add(name);
    for (const k of Object.keys(r))
      if (!RULE_KEYS.has(k)) throw new Error(`Lexicon ${file}: ${where}: unknown key "${k}"`);
    if (typeof r.label !== 'string' || !labels.has(r.label))
      throw new Error(`Lexicon ${file}: ${where}: unknown label "${String(r.label)}"`);
    if (typeof r.weight !== 'number' || !(r.weight > 0))
      throw new Error(`Lexicon ${file}: ${where} needs a positive weight`);
    if (!Array.isArray(r.families) || r.families.length < 2)
      throw new Error(`Lexicon ${file}: ${where} needs at least two families`);
    const resolved = r.families.map((f: unknown, j) => {
      if (typeof f === 'string' && f.startsWith('@')) {
        const fam = families.get(f.slice(1));
        if (!fam) throw new Error(`Lexicon ${file}: ${where}: unknown family "${f}"`);
        return fam;
      }
      const list = stringList(file, `${where} family ${j + 1}`, f);
      const seen = new Set<string>();
      for (const p of list) {
        if (seen.has(phraseKey(p)))
          throw new Error(`Lexicon ${file}: ${where} family ${j + 1} lists "${p}" twice`);
        seen.add(phraseKey(p));
      }
      return list;
    });
    for (const k of ['window', 'firstGap'] as const)
      if (r[k] !== undefined && (typeof r[k] !== 'number' || !Number.isInteger(r[k])))
        throw new Error(`Lexicon ${file}: ${where}: ${k} must be a whole number`);
    return {
      ...(r as unknown as CueRule<L>),
      families: resolved,
      ...(r.notBetween !== undefined
        ? { notBetween: stringList(file, `${where} notBetween`, r.notBetween) }
        : {}),
    };
  });
}

const TOPIC_LABELS: ReadonlySet<string> = new Set<string>([...TOPICS, '_cheat']);
const EMOTION_LABELS: ReadonlySet<string> = new Set<string>(EMOTIONS);

/** Phrases per topic, plus `_cheat`: agent-less infidelity words the detector assigns later. */
export const TOPIC_LEXICON = validateLexicon<TopicLabel>(
  'topics.json',
  readDataFile(DIR, 'topics.json'),
  TOPIC_LABELS,
);
/** Phrases per emotion. */
export const EMOTION_LEXICON = validateLexicon<EmotionId>(
  'emotions.json',
  readDataFile(DIR, 'emotions.json'),
  EMOTION_LABELS,
);
/** Relationship-status cues: statements ("we are separated") weigh more than inferences. */
export const STATUS_LEXICON = validateLexicon<RelationshipStatus>(
  'status.json',
  readDataFile(DIR, 'status.json'),
  new Set(RELATIONSHIP_STATUSES),
);
/** How people ask what to do. A hit selects `GUIDANCE_SESSION`. */
export const ADVICE_LEXICON = validateLexicon<'advice'>(
  'advice.json',
  readDataFile(DIR, 'advice.json'),
  new Set(['advice']),
);

const CUES = readDataFile(DIR, 'cues.json');
if (!isRecord(CUES) || !isRecord(CUES.families))
  throw new Error('Lexicon cues.json: needs "families", "topics" and "emotions"');
const FAMILIES = new Map(
  Object.entries(CUES.families).map(([k, v]) => [k, stringList('cues.json', `family ${k}`, v)]),
);

/** Co-occurrence cues per topic (word families close together in one clause). */
export const TOPIC_CUES = validateCues<TopicLabel>(
  'cues.json',
  'topics',
  CUES.topics,
  FAMILIES,
  TOPIC_LABELS,
);
/** Co-occurrence cues per emotion ("why does he always..." is frustration). */
export const EMOTION_CUES = validateCues<EmotionId>(
  'cues.json',
  'emotions',
  CUES.emotions,
  FAMILIES,
  EMOTION_LABELS,
);

const WORDS = readDataFile(DIR, 'words.json');
if (!isRecord(WORDS)) throw new Error('Lexicon words.json: must be an object');

function stringMap(key: string, values?: ReadonlySet<string>): Readonly<Record<string, string>> {
  const v = (WORDS as Record<string, unknown>)[key];
  if (!isRecord(v) || Object.values(v).some((x) => typeof x !== 'string' || !x))
    throw new Error(`Lexicon words.json: "${key}" must map words to words`);
  if (values)
    for (const [k, x] of Object.entries(v))
      if (!values.has(k) || !values.has(x as string))
        throw new Error(`Lexicon words.json: "${key}": unknown label in "${k}" -> "${String(x)}"`);
  // A null prototype: a message word such as "constructor" must not find Object's members.
  return Object.assign(Object.create(null) as Record<string, string>, v);
}

/** A partner, spoken of in the third person. */
export const PARTNER_WORDS: readonly string[] = stringList(
  'words.json',
  'partnerWords',
  WORDS.partnerWords,
);
/**
 * Hedges that make an event hypothetical or suspected ("what if he cheats", "scared she'll
 * leave"): the event's topic counts half, the other half goes to what the message is about.
 */
export const HEDGES: readonly string[] = stringList('words.json', 'hedges', WORDS.hedges);
/** Where a hedged event's other half goes. */
export const HEDGED_TOPICS = stringMap('hedgedTopics', TOPIC_LABELS) as Partial<
  Record<TopicLabel, TopicId>
>;
/** Where a hedged feeling goes: "what if he cheats on me" is worry, not betrayal. */
export const HEDGED_EMOTIONS = stringMap('hedgedEmotions', EMOTION_LABELS) as Partial<
  Record<EmotionId, EmotionId>
>;
/**
 * Word-level aliases applied before topic and emotion matching (never to the text safety reads):
 * chat spellings and abbreviations that normalisation keeps as they are.
 */
export const WORD_ALIASES = stringMap('wordAliases');
/**
 * Words worth mending when misspelled: long, distinctive words whose one-letter slips are not
 * English words of their own (checked against a dictionary when the list was made).
 */
export const TYPO_TARGETS: readonly string[] = stringList(
  'words.json',
  'typoTargets',
  WORDS.typoTargets,
);
