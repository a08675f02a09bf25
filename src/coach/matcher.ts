/**
 * Phrase matching over normalised text: lexicons are compiled once into an index keyed by the
 * first stem of each phrase, so a message is scanned in one pass with no regex work per turn.
 */
import {
  BOUNDARY,
  FILLERS,
  NEGATION_CANCELLERS,
  NEGATORS,
  SCOPE_BREAKERS,
  normalizeText,
  stem,
  type NormalizedText,
} from './normalize';

/**
 * A lexicon: for each label, phrases as people say them, each with its weight (longer, more
 * specific phrases usually weigh more). `*` stands for exactly one word ("broke up with *"). A
 * phrase starting with "not" matches any negator ("not", "never", "no"), which is how lexicons
 * say that the negation IS the signal ("not listen", "never texts back").
 */
export type Lexicon<L extends string> = Partial<Record<L, readonly LexiconPhrase[]>>;

/** One phrase of a lexicon and the evidence it adds. */
export interface LexiconPhrase {
  phrase: string;
  weight: number;
}

/** One compiled phrase. */
export interface LexiconEntry<L extends string> {
  label: L;
  stems: readonly string[];
  /** Mutable only while the index is built (twins keep the heavier weight). */
  weight: number;
  phrase: string;
}

/** Compiled lexicon, indexed by first stem. */
export interface PhraseIndex<L extends string> {
  byFirst: ReadonlyMap<string, readonly LexiconEntry<L>[]>;
  /**
   * The same entries bucketed for speed: by first stem, those that must be tried at every
   * occurrence (one word, a wildcard second, a leading "not"), and the rest by their second stem,
   * tried only when that stem follows (fillers aside).
   */
  buckets?: ReadonlyMap<
    string,
    {
      always: readonly LexiconEntry<L>[];
      bySecond: ReadonlyMap<string, readonly LexiconEntry<L>[]>;
    }
  >;
}

/** One match of a phrase in a message. `start`/`end` are token positions (end exclusive). */
export interface PhraseHit<L extends string> {
  label: L;
  weight: number;
  start: number;
  end: number;
  /** True when a negator governs the phrase ("not angry", "never cheated"). */
  negated: boolean;
  phrase: string;
}

const NEG_MARK = 'not';

/**
 * Stems of a lexicon phrase, normalised as messages are. `*` is kept as a one-word wildcard
 * (normalisation alone would strip it as punctuation), so each run of words between wildcards is
 * normalised on its own.
 */
export function phraseStems(text: string): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0)
      for (const s of normalizeText(run.join(' ')).stems) if (s !== BOUNDARY) out.push(s);
    run = [];
  };
  for (const word of text.trim().split(/\s+/)) {
    if (word === '*') {
      flush();
      out.push('*');
    } else run.push(word);
  }
  flush();
  return out;
}

/** Compiles a lexicon (normalising and stemming every phrase the same way messages are). */
export function buildPhraseIndex<L extends string>(lexicon: Lexicon<L>): PhraseIndex<L> {
  const byFirst = new Map<string, LexiconEntry<L>[]>();
  for (const label of Object.keys(lexicon) as L[]) {
    for (const { phrase: text, weight } of lexicon[label] ?? []) {
      const stems = phraseStems(text);
      if (stems.length === 0) continue;
      const entry: LexiconEntry<L> = { label, stems, weight, phrase: text };
      const key = stems[0];
      const list = byFirst.get(key);
      // "get over" and "getting over" stem alike: keep one entry (the heavier) so it counts once.
      const twin = list?.find((e) => e.label === label && e.stems.join(' ') === stems.join(' '));
      if (twin) twin.weight = Math.max(twin.weight, weight);
      else if (list) list.push(entry);
      else byFirst.set(key, [entry]);
    }
  }
  const buckets = new Map<
    string,
    { always: LexiconEntry<L>[]; bySecond: Map<string, LexiconEntry<L>[]> }
  >();
  for (const [first, entries] of byFirst) {
    const b = { always: [] as LexiconEntry<L>[], bySecond: new Map<string, LexiconEntry<L>[]>() };
    for (const e of entries) {
      const second = e.stems[1];
      if (second === undefined || second === '*' || second === NEG_MARK || first === NEG_MARK)
        b.always.push(e);
      else {
        const l = b.bySecond.get(second);
        if (l) l.push(e);
        else b.bySecond.set(second, [e]);
      }
    }
    buckets.set(first, b);
  }
  return { byFirst, buckets };
}

function sameStem(phraseStem: string, textStem: string): boolean {
  return (
    phraseStem === textStem ||
    phraseStem === '*' ||
    (phraseStem === NEG_MARK && NEGATORS.has(textStem))
  );
}

/**
 * Returns the end position of `entry` matched at `start`, or -1. Skips up to 2 filler words. A
 * phrase whose negation is the signal ("not worth") also reaches through a raising verb and the
 * pronoun and copula after it ("I don't think I'm worth it").
 */
function matchAt<L extends string>(
  entry: LexiconEntry<L>,
  stems: readonly string[],
  start: number,
): number {
  const plain = matchFrom(entry, stems, start + 1);
  if (plain >= 0 || entry.stems[0] !== NEG_MARK || !RAISING_VERBS.has(stems[start + 1]))
    return plain;
  let j = start + 2;
  for (let n = 0; n < 2 && j < stems.length && SCOPE_TRANSPARENT.has(stems[j]); n++) j++;
  return matchFrom(entry, stems, j);
}

/** Matches `entry.stems[1..]` from token `from` on; the end position or -1. */
function matchFrom<L extends string>(
  entry: LexiconEntry<L>,
  stems: readonly string[],
  from: number,
): number {
  let j = from;
  let skipped = 0;
  for (let k = 1; k < entry.stems.length;) {
    if (j >= stems.length) return -1;
    const t = stems[j];
    if (t === BOUNDARY) return -1;
    if (sameStem(entry.stems[k], t)) {
      j++;
      k++;
    } else if (FILLERS.has(t) && skipped < 2) {
      j++;
      skipped++;
    } else return -1;
  }
  return j;
}

/**
 * Verbs of thinking and seeming after a negator: the negation reaches through them to the clause
 * they introduce ("I don't think I'm jealous" denies the jealousy), so its scope is wider.
 */
const RAISING_VERBS: ReadonlySet<string> = new Set(
  ['think', 'feel', 'believe', 'seem', 'guess', 'say', 'claim', 'mean'].map(stem),
);
/** Pronouns and copulas that do not use up a negation's scope after a raising verb. */
const SCOPE_TRANSPARENT: ReadonlySet<string> = new Set(
  ['i', 'am', 'is', 'are', 'was', 'were', 'be', 'he', 'she', 'it', 'that', 'we', 'they'].map(stem),
);
/**
 * Words that open a new clause: a negation before them does not reach past them ("I can't sleep
 * since he left" does not deny that he left), nor into a phrase that starts with one.
 */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(
  [
    'since',
    'when',
    'after',
    'before',
    'until',
    'while',
    'whenever',
    'if',
    'unless',
    'cause',
    'cuz',
  ].map(stem),
);
/** "never been/felt so X" means "very X": after "never" and these, a degree word cancels the negation. */
const EXPERIENCE_VERBS: ReadonlySet<string> = new Set(['been', 'felt'].map(stem));
const DEGREE_WORDS: ReadonlySet<string> = new Set(
  ['so', 'this', 'more', 'that', 'as', 'such'].map(stem),
);
const BELIEVE = stem('believe');
const CAN = stem('can');
const COULD = stem('could');

/**
 * Whether a negator governs the phrase starting at `start`: one of the 3 words before it (fillers
 * not counted) within the same clause is a negator, and the negator is not cancelled
 * ("can not stop crying" keeps "crying"). After a raising verb ("not think", "not feel") pronouns
 * and copulas do not count toward the 3; "never felt so alone" is not a negation; a clause opener
 * ("since", "when") ends the scope.
 */
export function isNegatedAt(stems: readonly string[], start: number): boolean {
  let seen = 0;
  let transparent = 0;
  if (CLAUSE_OPENERS.has(stems[start])) return false;
  for (let j = start - 1; j >= 0 && seen - transparent < 3; j--) {
    const t = stems[j];
    if (t === BOUNDARY || SCOPE_BREAKERS.has(t) || CLAUSE_OPENERS.has(t)) return false;
    if (NEGATORS.has(t)) {
      const next = stems[j + 1];
      if (next !== undefined && NEGATION_CANCELLERS.has(next)) return false;
      // "can't believe it's over" is disbelief at something true, not a denial of it.
      if (next === BELIEVE && (stems[j - 1] === CAN || stems[j - 1] === COULD)) return false;
      if (
        t === 'never' &&
        next !== undefined &&
        EXPERIENCE_VERBS.has(next) &&
        DEGREE_WORDS.has(stems[j + 2] ?? '')
      )
        return false;
      // Without a raising verb right after the negator, the transparent words did count.
      if (transparent > 0 && !(next !== undefined && RAISING_VERBS.has(next))) return seen < 3;
      return true;
    }
    if (!FILLERS.has(t)) {
      seen++;
      if (SCOPE_TRANSPARENT.has(t)) transparent++;
    }
  }
  return false;
}

/** Options of {@link findPhrases}. */
export interface FindOptions {
  /**
   * Keep every hit, overlapping or contained ones too. Word families used as co-occurrence cues
   * need this: "she" must still count as a person inside "she left".
   */
  keepAll?: boolean;
}

/**
 * The first stems of every phrase index, numbered once. A turn reads six indexes over two or three
 * stem lists, and each had looked every stem up in its own maps; now a list's stems are looked up
 * once ({@link stemIds}) and each index finds its entries by number ({@link firstRecords}).
 */
const FIRST_IDS = new Map<string, number>();

/** What an index holds under one first stem: its bucket, and the entries themselves. */
interface FirstRecord<L extends string> {
  bucket: NonNullable<PhraseIndex<L>['buckets']> extends ReadonlyMap<string, infer B>
    ? B | undefined
    : never;
  first: readonly LexiconEntry<L>[] | undefined;
}
const RECORDS = new WeakMap<object, (FirstRecord<string> | undefined)[]>();

/** An index's entries by first-stem id (built at its first use; indexes do not change after). */
function firstRecords<L extends string>(index: PhraseIndex<L>): (FirstRecord<L> | undefined)[] {
  const known = RECORDS.get(index) as (FirstRecord<L> | undefined)[] | undefined;
  if (known) return known;
  const out: (FirstRecord<L> | undefined)[] = [];
  for (const key of new Set([...index.byFirst.keys(), ...(index.buckets?.keys() ?? [])])) {
    let id = FIRST_IDS.get(key);
    if (id === undefined) {
      id = FIRST_IDS.size;
      FIRST_IDS.set(key, id);
    }
    out[id] = { bucket: index.buckets?.get(key), first: index.byFirst.get(key) };
  }
  RECORDS.set(index, out);
  return out;
}

let lastStems: readonly string[] | null = null;
let lastStemKeys = 0;
let lastStemIds = new Int32Array(0);

/** Each stem's id in {@link FIRST_IDS}, -1 for none (the last list's are kept). */
function stemIds(stems: readonly string[]): Int32Array {
  // An index first used since may have numbered stems the kept ids lack.
  if (stems === lastStems && FIRST_IDS.size === lastStemKeys) return lastStemIds;
  const ids = new Int32Array(stems.length);
  for (let i = 0; i < stems.length; i++) ids[i] = FIRST_IDS.get(stems[i]) ?? -1;
  lastStems = stems;
  lastStemKeys = FIRST_IDS.size;
  lastStemIds = ids;
  return ids;
}

/**
 * All phrase hits in a message. A hit contained in a strictly longer hit is dropped (longest
 * match wins: "he thinks i cheated" is about trust, not the "i cheated" inside it), unless
 * `options.keepAll`.
 */
export function findPhrases<L extends string>(
  index: PhraseIndex<L>,
  norm: Pick<NormalizedText, 'stems'>,
  options: FindOptions = {},
): PhraseHit<L>[] {
  const { stems } = norm;
  const hits: PhraseHit<L>[] = [];
  const tryEntries = (entries: readonly LexiconEntry<L>[] | undefined, i: number) => {
    if (!entries) return;
    for (const entry of entries) {
      const end = matchAt(entry, stems, i);
      if (end < 0) continue;
      hits.push({
        label: entry.label,
        weight: entry.weight,
        start: i,
        end,
        negated: isNegatedAt(stems, i),
        phrase: entry.phrase,
      });
    }
  };
  const records = firstRecords(index);
  const ids = stemIds(stems);
  const negId = FIRST_IDS.get(NEG_MARK) ?? -1;
  for (let i = 0; i < stems.length; i++) {
    const s = stems[i];
    if (s === BOUNDARY) continue;
    // The stem itself, then for a negator the "not" that stands for every negator.
    const keys = NEGATORS.has(s) && s !== NEG_MARK ? 2 : 1;
    for (let k = 0; k < keys; k++) {
      const id = k === 0 ? ids[i] : negId;
      const record = id >= 0 ? records[id] : undefined;
      if (!record) continue;
      const bucket = record.bucket;
      if (!bucket) {
        tryEntries(record.first, i);
        continue;
      }
      tryEntries(bucket.always, i);
      // Second-stem buckets: the next word, or the one after up to 2 fillers (matchAt skips them).
      for (let j = i + 1, n = 0; j < stems.length && n < 3; j++, n++) {
        const t = stems[j];
        if (t === BOUNDARY) break;
        // "so so sad": a repeated filler must not try the same bucket twice.
        if (j === i + 1 || (t !== stems[j - 1] && (j === i + 2 || t !== stems[j - 2])))
          tryEntries(bucket.bySecond.get(t), i);
        if (!FILLERS.has(t)) break;
      }
    }
  }
  if (hits.length < 2 || options.keepAll) return hits;
  // Longest match wins: drop hits contained in a strictly longer hit of any label. Hits come in
  // order of start, so "some earlier-starting hit reaches this far" is a running maximum.
  const longest: PhraseHit<L>[] = [];
  let reach = -1;
  for (let k = 0; k < hits.length;) {
    // All hits starting here, and the furthest any of them (or an earlier one) reaches.
    let m = k;
    let here = -1;
    while (m < hits.length && hits[m].start === hits[k].start) here = Math.max(here, hits[m++].end);
    for (let q = k; q < m; q++) {
      const h = hits[q];
      if (reach >= h.end || here > h.end) continue;
      longest.push(h);
    }
    reach = Math.max(reach, here);
    k = m;
  }
  // Then, among those left, overlapping hits of one label count once, the heavier (or equal and
  // earlier) one: "get over him" is one mention of moving on, not "get over" plus "over him".
  // Done in two steps so that a hit dropped by the first rule cannot also knock out the hit
  // that dropped it ("feel completely alone" keeps "feel alone").
  return longest.filter(
    (h) =>
      !longest.some(
        (o) =>
          o !== h &&
          o.label === h.label &&
          o.start < h.end &&
          h.start < o.end &&
          // A negated hit counts for nothing, so it may not knock out one that counts.
          (!o.negated || h.negated) &&
          (o.weight > h.weight || (o.weight === h.weight && o.start < h.start)),
      ),
  );
}

/**
 * A co-occurrence cue: word families that, found close together in one clause, point at a label
 * even when no listed phrase matches ("my ex" + "deleted" + "photos" is moving on, however it is
 * worded). This is how detection generalises past the exact phrases in the lexicons.
 */
export interface CueRule<L extends string> {
  /** Short name, kept as the hit's phrase (for tracing why a label was found). */
  name: string;
  label: L;
  weight: number;
  /**
   * Word families, each a list of phrases in the lexicon format (no weights; `*` one word, a
   * leading "not" any negator). One phrase of every family must occur. `^` in a family stands for
   * the start of a clause: an act with no subject before it ("had a fling") is the writer's own.
   */
  families: readonly (readonly string[])[];
  /** Most tokens from the start of the first family's hit to the end of the last one (default 8). */
  window?: number;
  /** The families must occur in the order given. */
  ordered?: boolean;
  /** Words that may not stand between the first and second families (another subject, for instance). */
  notBetween?: readonly string[];
  /** At most this many words (fillers aside) between the first and second families (ordered rules). */
  firstGap?: number;
  /** Negated phrases count too: the negation is part of the signal ("never touches me"). */
  negatable?: boolean;
}

/** One family's compiled phrases, and the rule data needed to combine them. */
interface CompiledCue<L extends string> {
  rule: CueRule<L>;
  window: number;
  notBetween: ReadonlySet<string>;
  /** Per family: whether `^` (clause start) is one of its members. */
  clauseStart: readonly boolean[];
}

/** Cue rules compiled once: one phrase index over all families (each phrase listed once). */
export interface CueIndex<L extends string> {
  cues: readonly CompiledCue<L>[];
  /** Phrase key -> the families it belongs to (ids: `familyBase[rule] + family`). */
  members: ReadonlyMap<string, readonly number[]>;
  /** Id of each rule's first family. */
  familyBase: readonly number[];
  families: number;
  index: PhraseIndex<string>;
}

/** A fired cue: its label and weight, and the token ranges of the family hits that made it. */
export interface CueHit<L extends string> {
  label: L;
  weight: number;
  name: string;
  ranges: [number, number][];
}

const CLAUSE_START = '^';

/** Compiles cue rules (normalising and stemming their phrases as messages are). */
export function buildCueIndex<L extends string>(rules: readonly CueRule<L>[]): CueIndex<L> {
  const members = new Map<string, number[]>();
  const lexicon: Record<string, LexiconPhrase[]> = {};
  const familyBase: number[] = [];
  let next = 0;
  rules.forEach((rule) => {
    familyBase.push(next);
    rule.families.forEach((family, f) => {
      const id = next + f;
      for (const phrase of family) {
        if (phrase === CLAUSE_START) continue;
        const key = phraseStems(phrase).join(' ');
        if (!key) continue;
        const list = members.get(key);
        if (list) {
          if (!list.includes(id)) list.push(id);
        } else {
          members.set(key, [id]);
          lexicon[key] = [{ phrase, weight: 1 }];
        }
      }
    });
    next += rule.families.length;
  });
  const cues = rules.map((rule) => ({
    rule,
    window: rule.window ?? 8,
    notBetween: new Set((rule.notBetween ?? []).map((w) => stem(w))),
    clauseStart: rule.families.map((f) => f.includes(CLAUSE_START)),
  }));
  return { cues, members, familyBase, families: next, index: buildPhraseIndex<string>(lexicon) };
}

interface Span {
  start: number;
  end: number;
}

/** Cue rules that fire in a message, each at most once. */
export function findCues<L extends string>(
  cueIndex: CueIndex<L>,
  norm: Pick<NormalizedText, 'stems'>,
): CueHit<L>[] {
  const { stems } = norm;
  const raw = findPhrases(cueIndex.index, norm, { keepAll: true });
  if (raw.length === 0) return [];
  // Clause of each token, and where clauses start (for `^`).
  const clause = new Array<number>(stems.length);
  const starts: number[] = [];
  let c = 0;
  for (let i = 0; i < stems.length; i++) {
    if (stems[i] === BOUNDARY) {
      c++;
      clause[i] = -1;
      continue;
    }
    if (i === 0 || stems[i - 1] === BOUNDARY) starts.push(i);
    clause[i] = c;
  }
  // Family id -> its spans (plain and, separately, negated).
  const plain: (Span[] | undefined)[] = new Array<Span[] | undefined>(cueIndex.families);
  const negated: (Span[] | undefined)[] = new Array<Span[] | undefined>(cueIndex.families);
  for (const h of raw) {
    for (const fam of cueIndex.members.get(h.label) ?? []) {
      const target = h.negated ? negated : plain;
      (target[fam] ??= []).push({ start: h.start, end: h.end });
    }
  }
  const fired: CueHit<L>[] = [];
  cueIndex.cues.forEach((cue, r) => {
    const base = cueIndex.familyBase[r];
    const families = cue.rule.families.length;
    // Cheap rejection first: every family needs at least one hit.
    for (let f = 0; f < families; f++) {
      if (!cue.clauseStart[f] && !plain[base + f] && !(cue.rule.negatable && negated[base + f]))
        return;
    }
    const spansOf: Span[][] = [];
    for (let f = 0; f < families; f++) {
      const list = [
        ...(plain[base + f] ?? []),
        ...(cue.rule.negatable ? (negated[base + f] ?? []) : []),
      ];
      if (cue.clauseStart[f]) for (const s of starts) list.push({ start: s, end: s });
      if (list.length === 0) return;
      list.sort((a, b) => a.start - b.start);
      spansOf.push(list);
    }
    const chosen = cue.rule.ordered
      ? matchOrdered(spansOf, cue, stems, clause)
      : matchUnordered(spansOf, cue, clause);
    if (chosen) {
      fired.push({
        label: cue.rule.label,
        weight: cue.rule.weight,
        name: cue.rule.name,
        ranges: chosen
          .filter((s) => s.end > s.start)
          .map((s) => [s.start, s.end] as [number, number]),
      });
    }
  });
  return fired;
}

function clauseOfSpan(s: Span, clause: readonly number[]): number {
  return clause[Math.min(s.start, clause.length - 1)];
}

/** Families in order, each after the previous, all in one clause, within the window. */
function matchOrdered<L extends string>(
  spansOf: Span[][],
  cue: CompiledCue<L>,
  stems: readonly string[],
  clause: readonly number[],
): Span[] | null {
  for (const first of spansOf[0]) {
    const cl = clauseOfSpan(first, clause);
    const path: Span[] = [first];
    let prev = first;
    for (let f = 1; f < spansOf.length; f++) {
      // The nearest next hit: closest after the previous one, same clause, no blocker between.
      const next = spansOf[f].find((s) => s.start >= prev.end && clauseOfSpan(s, clause) === cl);
      if (!next || next.end - first.start > cue.window) break;
      if (f === 1) {
        let blocked = false;
        let gap = 0;
        for (let i = prev.end; i < next.start && !blocked; i++) {
          blocked = cue.notBetween.has(stems[i]);
          if (!FILLERS.has(stems[i])) gap++;
        }
        if (blocked || gap > (cue.rule.firstGap ?? Infinity)) break;
      }
      path.push(next);
      prev = next;
    }
    if (path.length === spansOf.length) return path;
  }
  return null;
}

/** Families in any order, all in one clause, the whole set within the window. */
function matchUnordered<L extends string>(
  spansOf: Span[][],
  cue: CompiledCue<L>,
  clause: readonly number[],
): Span[] | null {
  for (const anchor of spansOf[0]) {
    const cl = clauseOfSpan(anchor, clause);
    const path: Span[] = [anchor];
    let lo = anchor.start;
    let hi = anchor.end;
    for (let f = 1; f < spansOf.length; f++) {
      let best: Span | null = null;
      let bestSpan = Infinity;
      for (const s of spansOf[f]) {
        if (clauseOfSpan(s, clause) !== cl) continue;
        // Distinct words: a family may not be satisfied by the very same tokens as another.
        if (path.some((p) => p.start === s.start && p.end === s.end)) continue;
        const span = Math.max(hi, s.end) - Math.min(lo, s.start);
        if (span < bestSpan) {
          best = s;
          bestSpan = span;
        }
      }
      if (!best || bestSpan > cue.window) break;
      path.push(best);
      lo = Math.min(lo, best.start);
      hi = Math.max(hi, best.end);
    }
    if (path.length === spansOf.length) return path;
  }
  return null;
}
