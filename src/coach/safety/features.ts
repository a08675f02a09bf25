/**
 * Features of the safety classifier (classifier.ts), shared with its training (train.ts) so that
 * both read a message the same way: the crisis-canonical text (contractions expanded, crisis slang
 * and typos repaired, see text.ts), then word unigrams, word bigrams within a clause, and character
 * 3-5-grams inside each word padded by spaces (they carry misspellings
 * and word parts such as "overdos" or "strangl" to wordings never seen in training).
 */
import { normalizeText } from '../normalize';
import { crisisCanonical } from './text';

/** Shortest and longest character n-gram. */
const CHAR_MIN = 3;
const CHAR_MAX = 5;

/** The text the classifier reads: normalised, crisis slang and typos repaired. */
export function canonicalOf(text: string): string {
  const hit = CANONICAL.get(text);
  if (hit !== undefined) return hit;
  const canonical = crisisCanonical(normalizeText(text).text);
  if (CANONICAL.size >= CANONICAL_KEPT) CANONICAL.delete(CANONICAL.keys().next().value as string);
  CANONICAL.set(text, canonical);
  return canonical;
}

/** Canonical forms of recent texts: a turn reads its message, and its context, several times. */
const CANONICAL = new Map<string, string>();
/**
 * Texts kept: the previous messages a turn reads as context are those of its own session, and
 * an engine worker serving many sessions takes hundreds of other turns between two of one session.
 */
export const CANONICAL_KEPT = 1024;

/** The feature strings of a message, each once (presence, not counts). */
export function featureStrings(text: string): string[] {
  return canonicalFeatures(canonicalOf(text));
}

/** The feature strings of a text already in canonical form ({@link canonicalOf}). */
export function canonicalFeatures(canonical: string): string[] {
  const out = new Set<string>();
  // The order (word, bigram, character n-grams) is the order features enter the training
  // vocabulary in: the committed model depends on it.
  forEachWord(canonical, (w, prev) => {
    const own = wordFeatures(w);
    out.add(own[0]);
    if (prev !== null) out.add(bigramFeature(prev, w));
    for (let i = 1; i < own.length; i++) out.add(own[i]);
  });
  return [...out];
}

/**
 * Calls `visit` for each word of a canonical text with the word before it in the same sentence
 * (null at a sentence's start: "." ends every bigram).
 */
export function forEachWord(canonical: string, visit: (w: string, prev: string | null) => void) {
  let prev: string | null = null;
  for (const w of canonical.split(' ')) {
    if (!w) continue;
    if (w === '.') {
      prev = null;
      continue;
    }
    visit(w, prev);
    prev = w;
  }
}

/** The features of one word on its own: the word, and its character 3-5-grams padded by spaces. */
export function wordFeatures(w: string): string[] {
  const out = [`w ${w}`];
  const padded = ` ${w} `;
  for (let n = CHAR_MIN; n <= CHAR_MAX; n++)
    for (let i = 0; i + n <= padded.length; i++) out.push(`c${padded.slice(i, i + n)}`);
  return out;
}

/** The feature of two words in a row. */
export function bigramFeature(prev: string, w: string): string {
  return `b ${prev} ${w}`;
}
