/**
 * Phrase matching over normalised text: lexicons are compiled once into an index keyed by the
 * first stem of each phrase, so a message is scanned in one pass with no regex work per turn.
 */
import { BOUNDARY, FILLERS, NEGATION_CANCELLERS, NEGATORS, SCOPE_BREAKERS, normalizeText, type NormalizedText } from './normalize';

/**
 * A lexicon: for each label, phrases as people say them. A phrase may carry a weight suffix
 * (`"cheated on me:3"`); without one, longer phrases weigh more (they are more specific).
 * `*` stands for exactly one word ("broke up with *"). A phrase starting with "not" matches any
 * negator ("not", "never", "no"), which is how lexicons say that the negation IS the signal
 * ("not listen", "never texts back").
 */
export type Lexicon<L extends string> = Partial<Record<L, readonly string[]>>;

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

/** Compiles a lexicon (normalising and stemming every phrase the same way messages are). */
export function buildPhraseIndex<L extends string>(lexicon: Lexicon<L>): PhraseIndex<L> {
  const byFirst = new Map<string, LexiconEntry<L>[]>();
  for (const label of Object.keys(lexicon) as L[]) {
    for (const raw of lexicon[label] ?? []) {
      const m = /^(.*?)(?::(\d+(?:\.\d+)?))?$/.exec(raw.trim());
      const text = m?.[1] ?? raw;
      const norm = normalizeText(text);
      const stems = norm.stems.filter((s) => s !== BOUNDARY);
      if (stems.length === 0) continue;
      const weight = m?.[2] ? Number(m[2]) : Math.min(2.5, 1 + 0.5 * (stems.length - 1));
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
  return { byFirst };
}

/** Token after which matching a phrase may start: any negator counts as the "not" of a phrase. */
function firstKeys(stemAt: string): string[] {
  return NEGATORS.has(stemAt) && stemAt !== NEG_MARK ? [stemAt, NEG_MARK] : [stemAt];
}

function sameStem(phraseStem: string, textStem: string): boolean {
  return phraseStem === textStem || phraseStem === '*' || (phraseStem === NEG_MARK && NEGATORS.has(textStem));
}

/** Returns the end position of `entry` matched at `start`, or -1. Skips up to 2 filler words. */
function matchAt<L extends string>(entry: LexiconEntry<L>, stems: readonly string[], start: number): number {
  let j = start + 1;
  let skipped = 0;
  for (let k = 1; k < entry.stems.length; ) {
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
 * Whether a negator governs the phrase starting at `start`: one of the 3 words before it (fillers
 * not counted) within the same clause is a negator, and the negator is not cancelled
 * ("can not stop crying" keeps "crying").
 */
export function isNegatedAt(stems: readonly string[], start: number): boolean {
  let seen = 0;
  for (let j = start - 1; j >= 0 && seen < 3; j--) {
    const t = stems[j];
    if (t === BOUNDARY || SCOPE_BREAKERS.has(t)) return false;
    if (NEGATORS.has(t)) {
      const next = stems[j + 1];
      return !(next !== undefined && NEGATION_CANCELLERS.has(next));
    }
    if (!FILLERS.has(t)) seen++;
  }
  return false;
}

/**
 * All phrase hits in a message. A hit contained in a strictly longer hit is dropped (longest
 * match wins: "he thinks i cheated" is about trust, not the "i cheated" inside it).
 */
export function findPhrases<L extends string>(index: PhraseIndex<L>, norm: NormalizedText): PhraseHit<L>[] {
  const { stems } = norm;
  const hits: PhraseHit<L>[] = [];
  for (let i = 0; i < stems.length; i++) {
    const s = stems[i];
    if (s === BOUNDARY) continue;
    for (const key of firstKeys(s)) {
      const entries = index.byFirst.get(key);
      if (!entries) continue;
      for (const entry of entries) {
        const end = matchAt(entry, stems, i);
        if (end < 0) continue;
        hits.push({ label: entry.label, weight: entry.weight, start: i, end, negated: isNegatedAt(stems, i), phrase: entry.phrase });
      }
    }
  }
  if (hits.length < 2) return hits;
  return hits.filter(
    (h) =>
      !hits.some(
        (o) =>
          o !== h &&
          // Contained in a longer hit of any label...
          ((o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start) ||
            // ...or overlapping a heavier (or equal and earlier) hit of the same label:
            // "get over him" is one mention of moving on, not "get over" plus "over him".
            (o.label === h.label && o.start < h.end && h.start < o.end &&
              (o.weight > h.weight || (o.weight === h.weight && o.start < h.start)))),
      ),
  );
}
