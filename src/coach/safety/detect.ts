/**
 * Crisis detection. This runs before anything else on every turn, for every engine. Missing a
 * crisis is the worst failure the product can have, so the rules lean towards detecting;
 * negations ("I'd never hurt myself") and everyday idioms ("this traffic is killing me") are
 * excluded explicitly.
 *
 * Detection has three layers, all over one canonical text (text.ts):
 * 1. phrase rules, each written for a kind of wording;
 * 2. concept cues: word classes combined by proximity (a first-person wish plus any way of saying
 *    "dead", a method plus intent, a partner subject plus a violent act), which carry detection to
 *    wordings nobody wrote down;
 * 3. an idiom and reference layer that drops a cue only when an idiom span explains it
 *    ("this job is suicide", "a movie about suicide", "killing myself at the gym").
 * Every cue adds evidence; a kind is detected at 2. The prefilter runs only the regexes whose
 * words occur in the message.
 */
import { canonicalOf } from './features';
import { DETECTED_KINDS, type DetectedKind } from '../types';
import { IDIOM_SOURCES } from './load';
import { IDIOMS, PATTERNS, clauseBefore } from './patterns';
import { Gate, wordHeads } from './prefilter';

const IDIOM_GATE = new Gate(IDIOM_SOURCES);

// Idioms and references. A cue that ends inside one of these spans is explained by it and
// dropped; cues elsewhere in the message still count.

/** Spans [start, end) of idioms and references in the text (only idioms whose first word is there). */
function idiomSpans(text: string, heads: ReadonlySet<string>): [number, number][] {
  const spans: [number, number][] = [];
  const candidates = IDIOM_GATE.candidates(heads);
  for (let i = 0; i < IDIOMS.length; i++) {
    if (!candidates[i]) continue;
    // matchAll starts where the regexp's lastIndex is: from the start, whatever ran before.
    IDIOMS[i].lastIndex = 0;
    for (const m of text.matchAll(IDIOMS[i]))
      if (m[0].length > 0) spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
  return spans;
}

/** Whether the cue [start, end) ends inside an idiom span that it overlaps. */
function explainedByIdiom(spans: readonly [number, number][], start: number, end: number): boolean {
  for (const [s, e] of spans) if (start < e && s < end && end <= e) return true;
  return false;
}

/**
 * Whether a negator ("not", "never", "no") governs the match: one of the 4 words before it in the
 * same clause, not cancelled ("can not stop thinking about killing myself" stays a crisis).
 */
const SAID_WORDS = new Set([
  'said',
  'say',
  'saying',
  'says',
  'him',
  'her',
  'them',
  'told',
  'screamed',
  'kept',
  'begged',
]);

export function negatedBefore(text: string, index: number): boolean {
  const before = clauseBefore(text, index, 4);
  // A joining word ends the negation's reach: "not okay and i want to die".
  let cut = -1;
  before.forEach((w, i) => {
    if (w === 'and' || w === 'but' || w === 'so' || w === 'because') cut = i;
  });
  const scope = before.slice(cut + 1);
  for (let i = 0; i < scope.length; i++) {
    if (scope[i] === 'not' || scope[i] === 'never' || scope[i] === 'no' || scope[i] === 'nor') {
      // "I said no, he held me down": a refusal someone reports is not a negation of what follows.
      if (scope[i] === 'no' && i > 0 && SAID_WORDS.has(scope[i - 1])) continue;
      const next = scope[i + 1];
      if (
        next === 'stop' ||
        next === 'help' ||
        next === 'quit' ||
        next === 'sure' ||
        next === 'know' ||
        next === 'one'
      )
        continue;
      return true;
    }
  }
  return false;
}

const PATTERN_GATE = new Gate(PATTERNS.map((p) => p.re.source));

/** Every idiom span, without the prefilter (to check that the prefilter changes nothing). */
function idiomSpansUnfiltered(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const re of IDIOMS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re))
      if (m[0].length > 0) spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
  return spans;
}

/** Options of {@link detectCrisis}. */
export interface DetectCrisisOptions {
  /**
   * Run only the patterns whose first word occurs in the message (default true). Turning it off
   * runs every pattern; results must be identical, which the tests check.
   */
  prefilter?: boolean;
}

/**
 * A negator right before a harm verb inside a long match ("said he would never hurt me", "told me
 * she'd not hit me again"): the gap in a pattern must not carry the negation past it.
 */
const INNER_NEGATION =
  /\b(?:not|never|no longer) (?:ever |really |again )?(?:kill|hurt|harm|hit|beat|shoot|stab|strangle|choke|slap|punch|touch|lay a (?:finger|hand)|burn|cut|end|do (?:it|that|anything))\b/;

/** A weak pattern counts at most this many different cues. */
const MAX_CUES_PER_PATTERN = 2;

/** Evidence at which a kind counts as detected. */
export const CRISIS_THRESHOLD = 2;

/** Priority when one message shows several kinds: self-harm first, then danger, then harm to others. */
export const KIND_ORDER: readonly DetectedKind[] = DETECTED_KINDS;

/** What the crisis rules found in a message: the kind detected, and the evidence per kind. */
export interface CrisisEvidence {
  kind: DetectedKind | null;
  /** Evidence per kind; {@link CRISIS_THRESHOLD} or more is a detection, less is a weak sign. */
  evidence: Record<DetectedKind, number>;
  /** The canonical text the rules read (for the checks that follow). */
  canonical: string;
  /** Whether a rule that says the act plainly (`RuleSpec.plain`) counted towards `kind`'s evidence. */
  plain?: boolean;
}

/**
 * Detects a crisis in a message: suicide or self-harm (including indirect ways of saying it),
 * danger from a partner (violence, threats, control, being trapped, sexual violence), or harm to
 * others. Returns null for negations ("I'm not suicidal") and idioms ("my feet are killing me").
 * When several kinds show, self-harm comes first, then danger from a partner, then harm to others.
 */
export function detectCrisis(text: string, options: DetectCrisisOptions = {}): DetectedKind | null {
  return crisisEvidence(text, options).kind;
}

/** {@link detectCrisis} with the evidence behind it: weak signs count for a gentle check. */
export function crisisEvidence(text: string, options: DetectCrisisOptions = {}): CrisisEvidence {
  const norm = canonicalOf(text);
  const heads = wordHeads(norm);
  const candidates = options.prefilter === false ? null : PATTERN_GATE.candidates(heads);
  // Idiom spans are found only once some pattern matched: most messages match none.
  let spans: [number, number][] | null = null;
  let plainKinds: Set<DetectedKind> | undefined;
  const evidence: Record<DetectedKind, number> = {
    self_harm: 0,
    partner_danger: 0,
    harm_to_others: 0,
  };
  // Words already counted by a weak cue, per kind, with the weight counted: weak cues on the same
  // words ("keeps turning up at my work", "turning up at my") are one signal, worth the heaviest.
  const weakSpans: Record<DetectedKind, [number, number, number][]> = {
    self_harm: [],
    partner_danger: [],
    harm_to_others: [],
  };
  for (let i = 0; i < PATTERNS.length; i++) {
    const p = PATTERNS[i];
    if (evidence[p.kind] >= CRISIS_THRESHOLD) continue;
    if (candidates && !candidates[i]) continue;
    // Most messages match no pattern: a plain test is much cheaper than setting up matchAll.
    p.re.lastIndex = 0;
    if (!p.re.test(norm)) continue;
    p.re.lastIndex = 0;
    // A weak pattern may count twice for two different cues it names ("hiding in the bathroom"
    // and "smashing things"); the same words twice count once.
    const seen = new Set<string>();
    for (const m of norm.matchAll(p.re)) {
      const index = m.index ?? 0;
      if (seen.has(m[0])) continue;
      if (p.negatable && (negatedBefore(norm, index) || INNER_NEGATION.test(m[0]))) continue;
      if (p.accept && !p.accept(norm, index, m[0])) continue;
      spans ??= options.prefilter === false ? idiomSpansUnfiltered(norm) : idiomSpans(norm, heads);
      const end = index + m[0].length;
      if (explainedByIdiom(spans, index, end)) continue;
      let weight = p.weight ?? CRISIS_THRESHOLD;
      if (weight < CRISIS_THRESHOLD) {
        let counted = 0;
        for (const [s, e, w] of weakSpans[p.kind])
          if (index < e && s < end && w > counted) counted = w;
        if (weight <= counted) continue;
        weakSpans[p.kind].push([index, end, weight]);
        weight -= counted;
      }
      seen.add(m[0]);
      evidence[p.kind] += weight;
      if (p.plain) plainKinds ??= new Set<DetectedKind>().add(p.kind);
      if (seen.size >= MAX_CUES_PER_PATTERN || evidence[p.kind] >= CRISIS_THRESHOLD) break;
    }
  }
  const kind = KIND_ORDER.find((k) => evidence[k] >= CRISIS_THRESHOLD) ?? null;
  return kind && plainKinds?.has(kind)
    ? { kind, evidence, canonical: norm, plain: true }
    : { kind, evidence, canonical: norm };
}
