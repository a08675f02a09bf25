/**
 * Understanding one message: its topics and emotions (most salient first), whether it asks what
 * to do, and the guardrails that keep the result sensible. Client hints are merged here too.
 */
import {
  ADVICE_LEXICON,
  EMOTION_CUES,
  EMOTION_LEXICON,
  HEDGED_EMOTIONS,
  HEDGED_TOPICS,
  HEDGES,
  STATUS_LEXICON,
  TOPIC_CUES,
  TOPIC_LEXICON,
  TYPO_TARGETS,
  WORD_ALIASES,
  type TopicLabel,
} from './lexicons';
import {
  buildCueIndex,
  buildPhraseIndex,
  findCues,
  findPhrases,
  type CueHit,
  type CueRule,
  type Lexicon,
  type PhraseHit,
} from './matcher';
import {
  BOUNDARY,
  FILLERS,
  STOPWORDS,
  normalizeText,
  stem,
  type NormalizedText,
} from './normalize';
import { EMOTIONS, TOPICS, type EmotionId, type RelationshipStatus, type TopicId } from './types';

// Compiled once at module load: no lexicon work happens per turn.
const TOPIC_INDEX = buildPhraseIndex<TopicLabel>(TOPIC_LEXICON);
const EMOTION_INDEX = buildPhraseIndex<EmotionId>(EMOTION_LEXICON);
const ADVICE_INDEX = buildPhraseIndex<'advice'>(ADVICE_LEXICON);
const TOPIC_CUE_INDEX = buildCueIndex<TopicLabel>(TOPIC_CUES);
const EMOTION_CUE_INDEX = buildCueIndex<EmotionId>(EMOTION_CUES);
const TOPIC_SET: ReadonlySet<string> = new Set(TOPICS);
const EMOTION_SET: ReadonlySet<string> = new Set(EMOTIONS);
const HEDGE_STEMS: ReadonlySet<string> = new Set(HEDGES.map((w) => stem(w)));

// ---------------------------------------------------------------------------------------------
// The detection view: the message's stems with chat spellings and typos of known words mended.
// It is used for topics and emotions only; safety reads the plain normalised text.

/** Every word the lexicons and cues know: such a word is never "corrected" into another. */
const KNOWN_WORDS: ReadonlySet<string> = (() => {
  const words = new Set<string>([...FILLERS, ...STOPWORDS]);
  const addPhrase = (p: string) => {
    for (const w of p.toLowerCase().split(/[^a-z]+/)) if (w) words.add(w);
  };
  const lexicons: Lexicon<string>[] = [
    TOPIC_LEXICON,
    EMOTION_LEXICON,
    ADVICE_LEXICON,
    STATUS_LEXICON,
  ];
  for (const lex of lexicons)
    for (const list of Object.values(lex)) for (const p of list ?? []) addPhrase(p.phrase);
  const cues: readonly CueRule<string>[] = [...TOPIC_CUES, ...EMOTION_CUES];
  for (const rule of cues) for (const fam of rule.families) for (const p of fam) addPhrase(p);
  for (const [k, v] of Object.entries(WORD_ALIASES)) {
    words.add(k);
    words.add(v);
  }
  return words;
})();

/**
 * Misspellings of the typo targets, built once: a letter dropped ("jelous"), two letters swapped
 * ("freind"), one vowel for another ("seperated"). A letter too many ("lonelly") is checked per
 * token by dropping each letter in turn. Only targets whose neighbours are not English words of
 * their own are listed (see {@link TYPO_TARGETS}).
 */
const TYPO_VARIANTS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const add = (variant: string, target: string) => {
    if (variant !== target && !KNOWN_WORDS.has(variant) && !map.has(variant))
      map.set(variant, target);
  };
  for (const t of TYPO_TARGETS) {
    for (let i = 0; i < t.length; i++) add(t.slice(0, i) + t.slice(i + 1), t);
    for (let i = 0; i + 1 < t.length; i++) add(t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2), t);
    for (let i = 0; i < t.length; i++) {
      if (!'aeiou'.includes(t[i])) continue;
      for (const v of 'aeiou') if (v !== t[i]) add(t.slice(0, i) + v + t.slice(i + 1), t);
    }
  }
  return map;
})();
const TYPO_TARGET_SET: ReadonlySet<string> = new Set(TYPO_TARGETS);
const ALIAS_STEMS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(WORD_ALIASES).map(([k, v]) => [k, v.split(' ').map((w) => stem(w))]),
);

/** The stems a token stands for when it is a chat spelling or a typo of a known word, else null. */
function mendToken(token: string): readonly string[] | null {
  const alias = ALIAS_STEMS.get(token);
  if (alias !== undefined) return alias;
  if (token.length < 5 || KNOWN_WORDS.has(token) || !/^[a-z]+$/.test(token)) return null;
  const variant = TYPO_VARIANTS.get(token);
  if (variant) return [stem(variant)];
  if (token.length >= 7) {
    for (let i = 0; i < token.length; i++) {
      const shorter = token.slice(0, i) + token.slice(i + 1);
      if (TYPO_TARGET_SET.has(shorter)) return [stem(shorter)];
    }
  }
  // Dropped g: "cryin", "thinkin", "nothin".
  if (token.endsWith('in') && KNOWN_WORDS.has(`${token}g`)) return [stem(`${token}g`)];
  return null;
}

/**
 * The stems detection matches against: the message's own, with aliases and typos mended. An
 * alias may stand for several words ("cannot"), so `origin` maps each stem back to the message
 * token it came from (null when nothing was expanded and positions are the message's own).
 */
interface DetectionView {
  stems: readonly string[];
  origin: readonly number[] | null;
}

let lastViewOf: NormalizedText | null = null;
let lastView: DetectionView | null = null;

/**
 * The detection view of a message. The engine asks for topics and emotions of the same message
 * separately: a one-entry cache keeps that to one pass.
 */
function detectionView(norm: NormalizedText): DetectionView {
  if (norm === lastViewOf && lastView) return lastView;
  let stems: string[] | null = null;
  let origin: number[] | null = null;
  for (let i = 0; i < norm.tokens.length; i++) {
    const tok = norm.tokens[i];
    const mended = tok === BOUNDARY ? null : mendToken(tok);
    const changed = mended !== null && (mended.length !== 1 || mended[0] !== norm.stems[i]);
    if (changed && !stems) {
      stems = norm.stems.slice(0, i);
      origin = stems.map((_, k) => k);
    }
    if (!stems || !origin) continue;
    if (changed) {
      for (const m of mended) {
        stems.push(m);
        origin.push(i);
      }
    } else {
      stems.push(norm.stems[i]);
      origin.push(i);
    }
  }
  lastViewOf = norm;
  lastView = stems ? { stems, origin } : { stems: norm.stems, origin: null };
  return lastView;
}

/** A [start, end) range of the view as a range of the message's tokens. */
function toMessageRange(view: DetectionView, start: number, end: number): [number, number] {
  if (!view.origin) return [start, end];
  return [view.origin[start], view.origin[Math.max(start, end - 1)] + 1];
}

/** Hits found in the view, with their ranges moved back onto the message's tokens. */
function toMessageHits<L extends string>(
  view: DetectionView,
  hits: readonly PhraseHit<L>[],
): PhraseHit<L>[] {
  if (!view.origin) return [...hits];
  return hits.map((h) => {
    const [start, end] = toMessageRange(view, h.start, h.end);
    return { ...h, start, end };
  });
}

/** Words that count as "the text clearly mentions marriage" for the dating guardrail. */
const MARRIAGE_STEMS: ReadonlySet<string> = new Set(
  ['husband', 'wife', 'spouse', 'married', 'marriage', 'hubby'].map(
    (w) => normalizeText(w).stems[0],
  ),
);

/** Heavy topics: early in such a topic the answer steadies before it explores. */
export const HEAVY_TOPICS: ReadonlySet<TopicId> = new Set<TopicId>([
  'heartbreak',
  'cheating',
  'divorce_separation',
  'toxic_or_abusive',
  'anxiety_distress',
  'low_mood',
]);

/** Strong emotions that also call for grounding early on. */
export const STRONG_EMOTIONS: ReadonlySet<EmotionId> = new Set<EmotionId>([
  'hurt',
  'betrayed',
  'overwhelmed',
  'hopeless',
  'scared',
]);

const MAX_TOPICS = 4;
const MAX_EMOTIONS = 3;
/** A topic needs this much evidence (one specific phrase, or two weak words). */
const TOPIC_MIN_SCORE = 1;
/** ...and a fair share of the leader's, so one stray word does not ride along. */
const TOPIC_RELATIVE = 0.3;
const EMOTION_MIN_SCORE = 1;
const EMOTION_RELATIVE = 0.3;
/** Added to a hinted topic the text supports weakly. */
const HINT_BOOST = 1.5;

/** What the detector understood of one message. */
export interface Detection {
  norm: NormalizedText;
  /** Most salient first; text topics before hint-only ones. */
  topics: TopicId[];
  topicScores: Partial<Record<TopicId, number>>;
  /** 0..1: how sure the leading topic is (0 when no topic; low when it came only from a hint). */
  topicCertainty: number;
  /** True when the leading topic came from the text (not only from a client hint). */
  topicFromText: boolean;
  /** Most salient first; `['neutral']` when nothing else was found. */
  emotions: EmotionId[];
  /** True when the message named no feeling and the emotion comes from its topic. */
  emotionsInferred: boolean;
  asksAdvice: boolean;
  /** Token ranges [start, end) of topic and emotion hits, for quoting the user's words. */
  hitRanges: [number, number][];
}

/** Options that shape detection beyond the text itself. */
export interface DetectOptions {
  /** `context.topics` from the client: hints, never overrides. Unknown ids are ignored. */
  hintTopics?: readonly string[];
  /** The relationship status known so far (for guardrails). */
  status?: RelationshipStatus | null;
}

/**
 * Sums non-negated hit weights per label; the same phrase counts at most twice. Fired cues add
 * their weight once each.
 */
function scoreHits<L extends string>(
  hits: readonly PhraseHit<L>[],
  cues: readonly CueHit<L>[] = [],
): Map<L, { score: number; first: number }> {
  const scores = new Map<L, { score: number; first: number }>();
  for (const c of cues) {
    const first = c.ranges[0]?.[0] ?? 0;
    const cur = scores.get(c.label);
    if (cur) {
      cur.score += c.weight;
      cur.first = Math.min(cur.first, first);
    } else scores.set(c.label, { score: c.weight, first });
  }
  const seen = new Map<string, number>();
  for (const h of hits) {
    if (h.negated) continue;
    const key = `${h.label}|${h.phrase}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > 2) continue;
    const cur = scores.get(h.label);
    if (cur) cur.score += h.weight;
    else scores.set(h.label, { score: h.weight, first: h.start });
  }
  return scores;
}

/** Orders labels by score (then first mention) and keeps those above the floors. */
function rank<L extends string>(
  scores: Map<L, { score: number; first: number }>,
  min: number,
  relative: number,
  max: number,
): L[] {
  const entries = [...scores.entries()].filter(([, v]) => v.score >= min);
  entries.sort((a, b) => b[1].score - a[1].score || a[1].first - b[1].first);
  const top = entries[0]?.[1].score ?? 0;
  return entries
    .filter(([, v]) => v.score >= top * relative)
    .slice(0, max)
    .map(([k]) => k);
}

/**
 * Decides who cheated: agent-less words ("affair", "cheating") go to `cheating_self` when only
 * the user is named as the one who cheated ("I cheated"), otherwise to `cheating`.
 */
function resolveCheating(scores: Map<TopicLabel, { score: number; first: number }>): void {
  const generic = scores.get('_cheat');
  scores.delete('_cheat');
  if (!generic) return;
  const target: TopicId =
    scores.has('cheating_self') && !scores.has('cheating') ? 'cheating_self' : 'cheating';
  const cur = scores.get(target);
  if (cur) {
    cur.score += generic.score;
    cur.first = Math.min(cur.first, generic.first);
  } else scores.set(target, { ...generic });
}

/**
 * Guardrails against combinations that make no sense: someone in a talking stage or dating has
 * no divorce or marriage strain unless the text itself talks about marriage.
 */
function applyGuardrails(
  scores: Map<TopicLabel, { score: number; first: number }>,
  norm: NormalizedText,
  status: RelationshipStatus | null | undefined,
): void {
  const mentionsMarriage = norm.stems.some((s) => MARRIAGE_STEMS.has(s));
  if (mentionsMarriage) return;
  const earlyRelationship =
    scores.has('situationship') ||
    scores.has('dating') ||
    status === 'dating' ||
    status === 'situationship';
  if (earlyRelationship) {
    scores.delete('divorce_separation');
    scores.delete('marriage_strain');
  }
  // Someone known to be unmarried has no marriage to strain or to end.
  if (status === 'single' || status === 'in_relationship' || status === 'engaged') {
    scores.delete('marriage_strain');
    scores.delete('divorce_separation');
  }
}

/** Topics of a normalised message with client hints merged, most salient first. */
export function detectTopics(
  norm: NormalizedText,
  options: DetectOptions = {},
): {
  topics: TopicId[];
  scores: Partial<Record<TopicId, number>>;
  fromText: boolean;
  hits: PhraseHit<TopicLabel>[];
} {
  const view = detectionView(norm);
  const { hits, cues } = hedge(
    findPhrases(TOPIC_INDEX, view),
    findCues(TOPIC_CUE_INDEX, view),
    view.stems,
    HEDGED_TOPICS,
  );
  const scores = scoreHits(hits, cues);
  resolveCheating(scores);
  // Hints: boost what the text already supports a little; otherwise add at the lowest salience.
  const hintOnly: TopicId[] = [];
  for (const hint of options.hintTopics ?? []) {
    if (!TOPIC_SET.has(hint)) continue;
    const id = hint as TopicId;
    const cur = scores.get(id);
    if (cur) cur.score += HINT_BOOST;
    else if (!hintOnly.includes(id)) hintOnly.push(id);
  }
  applyGuardrails(scores, norm, options.status);
  const textTopics = rank(scores, TOPIC_MIN_SCORE, TOPIC_RELATIVE, MAX_TOPICS) as TopicId[];
  // Hint-only topics pass the same guardrails: run them through a scratch map.
  const hintScores = new Map<TopicLabel, { score: number; first: number }>(
    hintOnly.map((t) => [t, { score: 0.01, first: 0 }]),
  );
  for (const t of textTopics) hintScores.set(t, { score: 1, first: 0 });
  applyGuardrails(hintScores, norm, options.status);
  const topics = [...textTopics];
  for (const t of hintOnly) if (hintScores.has(t) && topics.length < MAX_TOPICS) topics.push(t);
  const out: Partial<Record<TopicId, number>> = {};
  for (const t of topics) out[t] = scores.get(t)?.score ?? 0;
  return {
    topics,
    scores: out,
    fromText: textTopics.length > 0,
    hits: toMessageHits(view, [...hits, ...cueHitsAsPhrases(cues)]),
  };
}

/** Fired cues as phrase hits (one per family word), so callers can quote the words that made them. */
function cueHitsAsPhrases<L extends string>(cues: readonly CueHit<L>[]): PhraseHit<L>[] {
  const out: PhraseHit<L>[] = [];
  for (const c of cues) {
    for (const [start, end] of c.ranges)
      out.push({ label: c.label, weight: 0, start, end, negated: false, phrase: `cue:${c.name}` });
  }
  return out;
}

/** Whether a hedge ("if", "scared", "might") stands at most 4 words before `start` in its clause. */
function hedgedAt(stems: readonly string[], start: number): boolean {
  for (let j = start - 1, seen = 0; j >= 0 && seen < 4; j--, seen++) {
    if (stems[j] === BOUNDARY) return false;
    if (HEDGE_STEMS.has(stems[j])) return true;
  }
  return false;
}

/**
 * Hypothetical or suspected events count half ("what if he cheats", "scared she'll leave me"):
 * the other half goes to what such a message is about (trust, worry). Applies to phrase hits and
 * to fired cues alike.
 */
function hedge<L extends string>(
  hits: PhraseHit<L>[],
  cues: CueHit<L>[],
  stems: readonly string[],
  moveTo: Partial<Record<L, L>>,
): { hits: PhraseHit<L>[]; cues: CueHit<L>[] } {
  let outHits: PhraseHit<L>[] | null = null;
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k];
    const other = moveTo[h.label];
    if (!other || h.negated || !hedgedAt(stems, h.start)) continue;
    outHits ??= [...hits];
    outHits[k] = { ...h, weight: h.weight / 2 };
    outHits.push({ ...h, label: other, weight: h.weight / 2 });
  }
  let outCues: CueHit<L>[] | null = null;
  for (let k = 0; k < cues.length; k++) {
    const c = cues[k];
    const other = moveTo[c.label];
    const first = Math.min(...c.ranges.map((r) => r[0]));
    if (!other || !hedgedAt(stems, first)) continue;
    outCues ??= [...cues];
    outCues[k] = { ...c, weight: c.weight / 2 };
    outCues.push({ ...c, label: other, weight: c.weight / 2 });
  }
  return { hits: outHits ?? hits, cues: outCues ?? cues };
}

/**
 * The feeling a topic usually carries, used only when the message names no feeling at all:
 * someone describing a partner's affair in flat words is still most likely feeling betrayed.
 */
export const TOPIC_EMOTION_PRIOR: Record<TopicId, EmotionId> = {
  heartbreak: 'sad',
  moving_on: 'sad',
  marriage_strain: 'lonely',
  divorce_separation: 'sad',
  cheating: 'betrayed',
  cheating_self: 'guilty',
  trust: 'anxious',
  jealousy: 'jealous',
  communication: 'frustrated',
  conflict: 'frustrated',
  dating: 'confused',
  situationship: 'confused',
  loneliness: 'lonely',
  self_worth: 'hurt',
  boundaries: 'frustrated',
  family_pressure: 'frustrated',
  long_distance: 'lonely',
  intimacy: 'hurt',
  commitment: 'confused',
  patterns: 'frustrated',
  parenting_strain: 'overwhelmed',
  toxic_or_abusive: 'hurt',
  anxiety_distress: 'anxious',
  low_mood: 'sad',
};

/**
 * Emotions of a normalised message, most salient first. When the words name no feeling, the
 * feeling its leading text topic usually carries is used (`inferred`); `['neutral']` when there
 * is neither.
 * @param textTopic the message's leading topic found in its own words, if any
 */
export function detectEmotions(
  norm: NormalizedText,
  textTopic: TopicId | null = null,
): { emotions: EmotionId[]; hits: PhraseHit<EmotionId>[]; inferred: boolean } {
  const view = detectionView(norm);
  const { hits: found, cues } = hedge(
    findPhrases(EMOTION_INDEX, view),
    findCues(EMOTION_CUE_INDEX, view),
    view.stems,
    HEDGED_EMOTIONS,
  );
  const emotions = rank(scoreHits(found, cues), EMOTION_MIN_SCORE, EMOTION_RELATIVE, MAX_EMOTIONS);
  const hits = toMessageHits(view, [...found, ...cueHitsAsPhrases(cues)]);
  if (emotions.length > 0) return { emotions, hits, inferred: false };
  if (textTopic) return { emotions: [TOPIC_EMOTION_PRIOR[textTopic]], hits, inferred: true };
  return { emotions: ['neutral'], hits, inferred: false };
}

/** Whether the message asks what to do ("what should I do", "should I text him", "any advice"). */
export function asksForAdvice(norm: NormalizedText): boolean {
  return findPhrases(ADVICE_INDEX, norm).some((h) => !h.negated && h.weight >= 1.5);
}

/** Below this score a topic is too uncertain to lend its usual feeling to the message. */
const INFER_MIN_SCORE = 2;

/** The topic whose usual feeling may stand in for an unnamed one: a clear text topic, or none. */
export function inferenceTopic(t: {
  topics: readonly TopicId[];
  scores: Partial<Record<TopicId, number>>;
  fromText: boolean;
}): TopicId | null {
  const lead = t.topics[0];
  return t.fromText && lead && (t.scores[lead] ?? 0) >= INFER_MIN_SCORE ? lead : null;
}

/** Full detection for one message. */
export function detect(text: string, options: DetectOptions = {}): Detection {
  const norm = normalizeText(text);
  const t = detectTopics(norm, options);
  const e = detectEmotions(norm, inferenceTopic(t));
  const lead = t.topics[0];
  const leadScore = lead ? (t.scores[lead] ?? 0) : 0;
  const topicCertainty = !lead ? 0 : t.fromText ? 1 - Math.exp(-leadScore / 3) : 0.2;
  const hitRanges: [number, number][] = [];
  for (const h of t.hits) if (!h.negated) hitRanges.push([h.start, h.end]);
  for (const h of e.hits) if (!h.negated) hitRanges.push([h.start, h.end]);
  return {
    norm,
    topics: t.topics,
    topicScores: t.scores,
    topicCertainty,
    topicFromText: t.fromText,
    emotions: e.emotions,
    emotionsInferred: e.inferred,
    asksAdvice: asksForAdvice(norm),
    hitRanges,
  };
}

/** True for a known emotion id (used when reading stored state). */
export function isEmotionId(s: string): s is EmotionId {
  return EMOTION_SET.has(s);
}

/** True for a known topic id (client hints, stored state). */
export function isTopicId(s: string): s is TopicId {
  return TOPIC_SET.has(s);
}
